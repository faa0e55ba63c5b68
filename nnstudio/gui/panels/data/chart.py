"""A small pyqtgraph bar chart with value labels, optional log scale and reference lines."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics

from nnstudio.gui.panels.data.style import AXIS_COLOR, BAR, TEXT
from nnstudio.gui.widgets.plot_title import wrap_title


def _log_tick(k: int) -> str:
    value = 10 ** k
    for div, suffix in ((10 ** 9, "G"), (10 ** 6, "M"), (10 ** 3, "k")):
        if value >= div:
            return f"{value // div}{suffix}"
    return str(value)


class BarChart(pg.PlotWidget):
    """Vertical bars (or horizontal with `horizontal=True`) at positions 0..n-1 with tick labels.

    With `log=True` the heights are drawn as log10 (zeros as empty bars) and the axis shows
    1, 10, 100, ...: numpy does the log, so no warning comes from log10(0).
    """

    def __init__(self, title: str = "", horizontal: bool = False, log: bool = False, parent=None):
        super().__init__(parent=parent, background="w")
        self.horizontal, self.log = horizontal, log
        self.plot_item = self.getPlotItem()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        if title:
            wrap_title(self.plot_item, title, color=TEXT, size="10pt")
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(AXIS_COLOR)
            axis.setTextPen(TEXT)
        self.bars: pg.BarGraphItem | None = None
        self.texts: list[pg.TextItem] = []
        self.lines: list[pg.InfiniteLine] = []
        self.values = np.zeros(0)
        self._extent = None  # (categories lo, hi, top value, fixed value range) of the last bars
        self.setMinimumHeight(140)
        self.plot_item.getViewBox().sigResized.connect(self._fit_texts)

    def set_title(self, title: str) -> None:
        """The chart's title (again, after a change of language)."""
        wrap_title(self.plot_item, title, color=TEXT, size="10pt")

    def set_labels(self, value_axis: str = "", category_axis: str = "") -> None:
        v, c = ("bottom", "left") if self.horizontal else ("left", "bottom")
        if value_axis:
            self.plot_item.setLabel(v, value_axis, color=TEXT)
        if category_axis:
            self.plot_item.setLabel(c, category_axis, color=TEXT)

    def clear_bars(self) -> None:
        for item in [self.bars, *self.texts, *self.lines]:
            if item is not None:
                self.plot_item.removeItem(item)
        self.bars, self.texts, self.lines = None, [], []
        self.values = np.zeros(0)

    def set_bars(self, values, ticks=None, colors=None, texts=None, width: float = 0.7,
                 positions=None, value_range=None, text_color=TEXT) -> None:
        """Draw one bar per value. texts: a label drawn at each bar's end (None: none)."""
        self.clear_bars()
        values = np.asarray(values, dtype=np.float64)
        self.values = values
        n = len(values)
        pos = np.arange(n, dtype=np.float64) if positions is None else np.asarray(positions, float)
        shown = np.nan_to_num(values, nan=0.0)
        if self.log:
            shown = np.log10(np.maximum(shown, 1.0))
        brushes = [pg.mkBrush(c) for c in (colors or [BAR] * n)]
        if self.horizontal:
            self.bars = pg.BarGraphItem(x0=0, y=pos, height=width, width=shown, brushes=brushes,
                                        pen=pg.mkPen(None))
        else:
            self.bars = pg.BarGraphItem(x=pos, y0=0, width=width, height=shown, brushes=brushes,
                                        pen=pg.mkPen(None))
        self.plot_item.addItem(self.bars)
        cat_axis = self.plot_item.getAxis("left" if self.horizontal else "bottom")
        if ticks is not None:
            cat_axis.setTicks([list(zip(pos.tolist(), ticks))])
            if self.horizontal:  # a fixed width that fits the names: no clipping, no late re-layout
                metrics = QFontMetrics(cat_axis.style["tickFont"] or self.font())
                cat_axis.setWidth(max(metrics.horizontalAdvance(str(t)) for t in ticks) + 16)
        if texts is not None:
            font = QFont()
            font.setPointSizeF(8)
            for p, h, text in zip(pos, shown, texts):
                anchor = (0, 0.5) if self.horizontal else (0.5, 1)
                item = pg.TextItem(text, color=text_color, anchor=anchor)
                item.setFont(font)
                item.textItem.document().setDocumentMargin(1)  # tight boxes: more labels fit side by side
                item.setPos(h, p) if self.horizontal else item.setPos(p, h)
                self.plot_item.addItem(item)
                self.texts.append(item)
        self._set_ranges(pos, shown, width, value_range, texts is not None)

    def _set_ranges(self, pos, shown, width, value_range, has_texts) -> None:
        lo_c = (pos.min() if len(pos) else 0) - width
        hi_c = (pos.max() if len(pos) else 1) + width
        fixed = value_range is not None
        if value_range is None:
            top = float(shown.max()) if len(shown) else 1.0
            value_range = (0.0, top * (1.18 if has_texts else 1.05) or 1.0)
        top = float(shown.max()) if len(shown) else 1.0
        self._extent = (lo_c, hi_c, top, value_range if fixed else None) if has_texts else None
        if self.horizontal:
            self.plot_item.setRange(xRange=value_range, yRange=(lo_c, hi_c), padding=0)
            self.plot_item.getViewBox().invertY(True)
        else:
            self.plot_item.setRange(xRange=(lo_c, hi_c), yRange=value_range, padding=0)
            self._fit_texts()
        if self.log:
            axis = self.plot_item.getAxis("bottom" if self.horizontal else "left")
            top = max(int(math.ceil(value_range[1])), 1)
            axis.setTicks([[(k, _log_tick(k)) for k in range(0, top + 1)]])

    def _fit_texts(self, *_) -> None:
        """Vertical bars narrower than their labels get the labels turned upright (never overlapping),
        with room above the tallest bar for them."""
        if self.horizontal or not self.texts or self._extent is None:
            return
        lo_c, hi_c, top, fixed = self._extent
        view = self.plot_item.getViewBox()
        boxes = [t.textItem.boundingRect() for t in self.texts]  # unrotated, with the text's margin
        long, thick = max(b.width() for b in boxes), max(b.height() for b in boxes)
        upright = long > view.width() / max(hi_c - lo_c, 1e-9)
        for text in self.texts:
            text.setAngle(90 if upright else 0)
            text.setAnchor((0, 0.5) if upright else (0.5, 1))
        if fixed is None:
            room = ((long if upright else thick) + 2) / max(view.height(), 1.0)
            self.plot_item.setYRange(0.0, (top or 1.0) / max(1.0 - min(room, 0.6), 0.4) * 1.02, padding=0)

    def add_line(self, value: float, label: str, color, dashed: bool = True) -> None:
        """A reference line across the chart at `value` (e.g. an overall accuracy)."""
        shown = math.log10(max(value, 1.0)) if self.log else value
        pen = pg.mkPen(color, width=1.5, style=Qt.DashLine if dashed else Qt.SolidLine)
        opts = {"label": label, "labelOpts": {"color": QColor(color), "position": 0.92,
                                              "anchors": [(1, 1), (1, 1)]}} if label else {}
        line = pg.InfiniteLine(pos=shown, angle=90 if self.horizontal else 0, pen=pen, **opts)
        self.plot_item.addItem(line)
        self.lines.append(line)
