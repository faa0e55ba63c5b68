"""A pyqtgraph plot of growing curves: append in batches, one setData per refresh, hover read-out."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Slot
from PySide6.QtWidgets import QGraphicsItem

from nnstudio.gui.widgets.retranslate import Retranslatable

HOVER_RADIUS_PX = 25
COMPACT_MIN_HEIGHT = 90  # a plot this low still shows its curves and axes (its title gives way)
TITLE_MIN_HEIGHT = 200  # below this height a plot leaves out its title: the y label names it


class _Series:
    """A growing buffer (capacity doubles) behind one PlotDataItem; x is in iterations."""

    def __init__(self, item, name: str, iters_per_epoch: float):
        self.item = item
        self.name = name
        self.iters_per_epoch = float(iters_per_epoch)
        self.x = np.empty(256, dtype=np.float64)
        self.y = np.empty(256, dtype=np.float64)
        self.n = 0
        self.dirty = False

    def append(self, xs, ys) -> None:
        xs, ys = np.asarray(xs, dtype=np.float64).ravel(), np.asarray(ys, dtype=np.float64).ravel()
        need = self.n + len(xs)
        if need > len(self.x):
            cap = max(need, 2 * len(self.x))
            self.x = np.resize(self.x, cap)
            self.y = np.resize(self.y, cap)
        self.x[self.n:need] = xs
        self.y[self.n:need] = ys
        self.n = need
        self.dirty = True


# Ticks of a log axis, densest first: each decade with all its multiples, then 1-2-5, then the
# decades alone; the densest whose labels keep LOG_TICK_MIN_PX apart is used.
LOG_TICK_STEPS = ((1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 5), (1, 3), (1,))
LOG_TICK_MIN_PX = 24  # a label's height and a little space: the labels never overlap


def log_ticks(lo: float, hi: float, size: float, min_px: float = LOG_TICK_MIN_PX) -> list[float]:
    """Tick positions (log10 of the values) for a log axis showing log10 values `lo`..`hi` over
    `size` pixels, no two closer than `min_px` pixels."""
    if not (np.isfinite(lo) and np.isfinite(hi)) or hi <= lo or size <= 0:
        return []
    px = size / (hi - lo)
    first, last = int(np.floor(lo)), int(np.ceil(hi))
    for steps in LOG_TICK_STEPS:
        ticks = [k + np.log10(m) for k in range(first, last + 1) for m in steps]
        ticks = [t for t in ticks if lo <= t <= hi]
        if len(ticks) >= 2 and np.min(np.diff(ticks)) * px >= min_px:
            return ticks
    decades = [float(k) for k in range(first, last + 1) if lo <= k <= hi]  # every n-th decade
    step = max(1, int(np.ceil(min_px / px)))
    return decades[::step]


class _Axis(pg.AxisItem):
    """pyqtgraph's axis, with log ticks that never overlap (it labels every 2-9 multiple of a
    decade, crowding them on a short plot)."""

    def tickValues(self, minVal, maxVal, size):
        if not self.logMode:
            return super().tickValues(minVal, maxVal, size)
        ticks = log_ticks(minVal, maxVal, size)
        return [(1.0, ticks)] if ticks else super().tickValues(minVal, maxVal, size)


class LivePlot(Retranslatable, pg.PlotWidget):
    """Curves keyed by name; x stored in iterations, shown in iterations or epochs. The title, y label
    and curve names come translated from the owner (set_title, set_y_label, rename_series on a change
    of language); the x axis translates itself."""

    paint_times: list | None = None  # a list here records each repaint's seconds (the GUI bench)

    def __init__(self, title: str, y_label: str, legend_corner: str = "top", x_label: bool = True,
                 parent=None):
        super().__init__(parent=parent, axisItems={"left": _Axis("left")})
        self.plot_title = title
        self.show_x_label = x_label  # False: a plot above another that shares its x axis
        self._series: dict[str, _Series] = {}
        self._references: list = []
        self.x_mode = "iterations"
        # Small enough to share a short screen with the rest of a panel, big enough to read a curve.
        self.setMinimumSize(220, COMPACT_MIN_HEIGHT)
        plot = self.getPlotItem()
        plot.setTitle(title, size="11pt")
        plot.setLabel("left", y_label)
        plot.setLabel("bottom", self._x_name())
        plot.showLabel("bottom", x_label)
        plot.showGrid(x=True, y=True, alpha=0.2)
        for axis in ("left", "bottom"):
            # Major ticks and grid lines only: minor grid lines tripled the paint time (measured).
            plot.getAxis(axis).setStyle(maxTickLevel=0)
            # Axes (with their grid lines) change only when the range does; cached as pixmaps they
            # are blitted instead of replayed on every live update (a good part of a repaint, during
            # which the GUI thread holds the GIL the training worker needs).
            plot.getAxis(axis).setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        # Iterations are counts: tick them 2,000 4,000 ..., never "(x0.001)" or "(x1e+03)".
        plot.getAxis("bottom").enableAutoSIPrefix(False)
        self._x_extent: float | None = None
        plot.setMenuEnabled(True)  # right-click: View All, Export... (PNG, SVG, CSV)
        self.legend = plot.addLegend(offset=(-10, 10 if legend_corner == "top" else -10), labelTextSize="9pt")
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 210))
        self.legend.setColumnCount(2)  # wide and short: a low plot keeps its curves in view
        self.hover_text = pg.TextItem("", color="#222", fill=pg.mkBrush(255, 255, 230, 230),
                                      border=pg.mkPen("#999"), anchor=(0, 1))
        self.hover_text.setZValue(100)
        self.hover_dot = pg.ScatterPlotItem(size=9, pen=pg.mkPen("#222"), brush=pg.mkBrush(255, 255, 255, 0))
        self.hover_dot.setZValue(99)
        for item in (self.hover_text, self.hover_dot):
            item.setVisible(False)
            plot.addItem(item, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _x_name(self) -> str:
        return self.tr("iteration") if self.x_mode == "iterations" else self.tr("epoch")

    def retranslate(self) -> None:
        if self.getPlotItem() is None:  # closed (pyqtgraph lets its plot go), not yet deleted
            return
        self.getPlotItem().setLabel("bottom", self._x_name())
        self.getPlotItem().showLabel("bottom", self.show_x_label)

    def set_title(self, title: str) -> None:
        self.plot_title = title
        if self.getPlotItem().titleLabel.isVisible():
            self.getPlotItem().setTitle(title, size="11pt")

    def set_y_label(self, label: str) -> None:
        self.getPlotItem().setLabel("left", label)

    def rename_series(self, key: str, name: str) -> None:
        """A curve's name in the legend and the hover read-out (after a change of language)."""
        series = self._series[key]
        series.name = name
        series.item.opts["name"] = name
        for sample, label in self.legend.items:
            if sample.item is series.item:
                label.setText(name)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event is not None and hasattr(self, "show_x_label"):  # pyqtgraph calls it while building
            self._fit_title(event.size().height())

    def _fit_title(self, height: int) -> None:
        shown = height >= TITLE_MIN_HEIGHT
        if shown != self.getPlotItem().titleLabel.isVisible():
            self.getPlotItem().setTitle(self.plot_title if shown else None, size="11pt")

    def paintEvent(self, event) -> None:
        if self.paint_times is None:
            super().paintEvent(event)
            return
        t0 = time.perf_counter()
        super().paintEvent(event)
        self.paint_times.append(time.perf_counter() - t0)

    # ------------------------------------------------------------------ series
    def add_series(self, key: str, name: str, pen, iters_per_epoch: float = 1.0, symbol=None,
                   symbol_brush=None, legend: bool = True, downsample: bool = True):
        if key in self._series:
            self.remove_series(key)
        kwargs = {"pen": pen, "name": name if legend else None}
        if symbol:
            kwargs.update(symbol=symbol, symbolSize=7, symbolBrush=symbol_brush, symbolPen=pen)
        item = self.getPlotItem().plot([], [], **kwargs)
        if downsample:
            item.setDownsampling(auto=True, method="peak")
            item.setClipToView(True)
        self._series[key] = _Series(item, name, iters_per_epoch)
        return item

    def remove_series(self, key: str) -> None:
        series = self._series.pop(key, None)
        if series is not None:
            self.getPlotItem().removeItem(series.item)

    def keys(self) -> list[str]:
        return list(self._series)

    def append(self, key: str, xs, ys) -> None:
        """Add points (x in iterations); shown at the next refresh()."""
        self._series[key].append(xs, ys)

    def set_points(self, key: str, xs, ys) -> None:
        series = self._series[key]
        series.n = 0
        series.append(xs, ys)

    def count(self, key: str) -> int:
        return self._series[key].n

    def last(self, key: str) -> float | None:
        """The newest y value of a curve, or None when it is empty."""
        s = self._series[key]
        return float(s.y[s.n - 1]) if s.n else None

    def points(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """Copies of the stored points (x in iterations)."""
        s = self._series[key]
        return s.x[:s.n].copy(), s.y[:s.n].copy()

    @Slot()
    def refresh(self) -> None:
        """One setData per changed curve (the buffers grow; the plot sees views of them)."""
        for series in self._series.values():
            if series.dirty:
                series.dirty = False
                series.item.setData(self._display_x(series), series.y[:series.n])

    def _display_x(self, series: _Series) -> np.ndarray:
        x = series.x[:series.n]
        return x / series.iters_per_epoch if self.x_mode == "epochs" else x

    def set_x_extent(self, iterations: float | None) -> None:
        """Fix the x range to [0, iterations] (the planned run: the axis stops re-ticking every
        update), or None for auto-range."""
        self._x_extent = iterations
        self._apply_x_extent()

    def _apply_x_extent(self) -> None:
        plot = self.getPlotItem()
        if self._x_extent is None:
            plot.enableAutoRange(x=True)
            return
        ipe = next(iter(self._series.values())).iters_per_epoch if self._series else 1.0
        end = self._x_extent / ipe if self.x_mode == "epochs" else self._x_extent
        plot.setXRange(0, end, padding=0.02)

    def set_x_mode(self, mode: str) -> None:
        """Show x in "iterations" or "epochs"."""
        if mode not in ("iterations", "epochs"):
            raise ValueError(f"unknown x mode {mode!r}")
        self.x_mode = mode
        self.getPlotItem().setLabel("bottom", self._x_name())
        self.getPlotItem().showLabel("bottom", self.show_x_label)
        for series in self._series.values():
            series.dirty = True
        self.refresh()
        self.getPlotItem().enableAutoRange(y=True)
        self._apply_x_extent()

    def set_log_y(self, on: bool) -> None:
        """A logarithmic y axis (positive values only, such as a loss)."""
        self.getPlotItem().setLogMode(y=bool(on))  # this re-enables auto-range on both axes
        self._apply_x_extent()

    # ------------------------------------------------------------------ references
    def add_reference(self, y: float, label: str, pen, below: bool = False) -> None:
        """A dashed horizontal line at `y`, its label at the left, above it (or `below`)."""
        anchor = (0, 0) if below else (0, 1)
        line = pg.InfiniteLine(pos=y, angle=0, pen=pen, movable=False,
                               label=label, labelOpts={"position": 0.02, "color": pen.color(),
                                                       "anchors": [anchor, anchor],
                                                       "fill": pg.mkBrush(255, 255, 255, 215)})
        # drawn over the curves, on its own white: a run's markers at the same height never hide it
        line.setZValue(50)
        self.getPlotItem().addItem(line)
        self._references.append(line)

    def references(self) -> list[tuple[float, str]]:
        """(y, label) of the reference lines."""
        return [(line.value(), line.label.format) for line in self._references]

    def clear_references(self) -> None:
        for line in self._references:
            self.getPlotItem().removeItem(line)
        self._references = []

    def _view_y(self, y: float) -> float:
        """Data y → view y (log10 when the plot's log mode is on, also when set from its menu)."""
        if not self.getPlotItem().ctrl.logYCheck.isChecked():
            return y
        return float(np.log10(y)) if y > 0 else -np.inf

    # ------------------------------------------------------------------ hover
    @Slot(object)
    def _on_mouse_moved(self, scene_pos) -> None:
        self.show_value_at(scene_pos)

    def show_value_at(self, scene_pos) -> str:
        """Show the nearest data point (within HOVER_RADIUS_PX) to a scene position; return its text."""
        vb = self.getPlotItem().vb
        found = None
        if self.sceneBoundingRect().contains(scene_pos) and vb.sceneBoundingRect().contains(scene_pos):
            p = vb.mapSceneToView(scene_pos)
            px, py = vb.viewPixelSize()
            best = HOVER_RADIUS_PX ** 2
            for series in self._series.values():
                if series.n == 0 or not series.item.isVisible():
                    continue
                x = self._display_x(series)
                i = int(np.searchsorted(x, p.x()))
                for j in (i - 1, i):
                    if 0 <= j < series.n and px > 0 and py > 0:
                        y = self._view_y(series.y[j])
                        d = ((x[j] - p.x()) / px) ** 2 + ((y - p.y()) / py) ** 2
                        if d < best:
                            best, found = d, (series, x[j], series.y[j])
        if found is None:
            self.hover_text.setVisible(False)
            self.hover_dot.setVisible(False)
            return ""
        series, x, y = found
        xname = self._x_name()
        xtext = f"{x:.0f}" if self.x_mode == "iterations" else f"{x:.2f}"
        text = f"{series.name}\n{xname} {xtext}: {y:.4g}"
        self.hover_text.setText(text)
        self.hover_text.setPos(QPointF(x, self._view_y(y)))
        self.hover_dot.setData([x], [self._view_y(y)])
        self.hover_text.setVisible(True)
        self.hover_dot.setVisible(True)
        return text
