"""The 2D view of the playground: colour map, contours, gradient arrows, trajectories, start point."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal, Slot

from nnstudio.gui.panels.descent.style import (ARROW_PEN, CONTOUR_PEN, DIFFER_BRUSH, MINIMUM_COLOR,
                                               OPTIMIZER_COLORS, OPTIMIZER_LABELS, PLOT_BACKGROUND,
                                               START_COLOR, style_plot)
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.widgets.signals import blocked

ZOOM_OUT_LIMIT = 3.0  # the user may zoom out to 3x the function's view, never to astronomic ranges


def _thin(path, keep: int = 1500, budget: int = 3000):
    """At most about `budget` points of a long path: the first `keep` exactly (where it moves most),
    then every k-th point and always the last one. Keeps each repaint of a long run cheap."""
    if len(path) <= budget:
        return path
    stride = int(np.ceil((len(path) - keep) / (budget - keep)))
    return np.concatenate([path[:keep], path[keep:-1:stride], path[-1:]])


class FieldView(Retranslatable, pg.PlotWidget):
    """A pyqtgraph plot in data coordinates (x0 right, x1 up) with everything drawn as few items.

    Signals: start_moved(x0, x1) when the user clicks or drags the start marker;
    hovered(x0, x1) as the mouse moves; range_changed() when the user pans or zooms.
    """

    start_moved = Signal(float, float)
    hovered = Signal(float, float)
    range_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent, background=PLOT_BACKGROUND)
        self.setObjectName("descentField")
        plot = self.getPlotItem()
        style_plot(plot)
        plot.setLabel("bottom", "x₀")
        plot.setLabel("left", "x₁")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        self.vb = plot.getViewBox()
        self.vb.disableAutoRange()
        self.vb.setAspectLocked(True, 1.0)  # x0 and x1 on one scale: x0² + x1² has round contours
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        self.contours = pg.PlotDataItem(connect="pairs", pen=pg.mkPen(CONTOUR_PEN, width=1))
        self.arrows = pg.PlotDataItem(connect="pairs", pen=pg.mkPen(ARROW_PEN, width=1.2))
        self.differ = pg.ScatterPlotItem(size=9, pen=pg.mkPen(DIFFER_BRUSH, width=1.5), brush=None)
        self.minima = pg.ScatterPlotItem(size=14, symbol="star", pen=pg.mkPen("#333333"),
                                         brush=pg.mkBrush(MINIMUM_COLOR))
        for item in (self.image, self.contours, self.arrows, self.differ, self.minima):
            plot.addItem(item)
        self.legend = plot.addLegend(offset=(-8, 8), brush=pg.mkBrush(255, 255, 255, 215),
                                     pen=pg.mkPen("#999999"), labelTextColor="#222222")
        self.legend.setVisible(False)
        self.start = pg.TargetItem(pos=(0, 0), size=16, symbol="crosshair", movable=True,
                                   pen=pg.mkPen(START_COLOR, width=2), brush=pg.mkBrush(255, 255, 255, 120),
                                   label="start", labelOpts={"color": START_COLOR, "offset": (10, -10)})
        self.start.setZValue(30)
        plot.addItem(self.start)
        self.retranslate()
        self.start.sigPositionChangeFinished.connect(self._on_target_moved)
        self.paths: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem, pg.ScatterPlotItem]] = {}
        self.notes: dict[str, pg.TextItem] = {}
        self.velocities: dict[str, pg.PlotDataItem] = {}  # Momentum's and Nesterov's v, at the head
        self._note_args: dict = {}
        self.view = (-1.0, 1.0, -1.0, 1.0)
        self.scene().sigMouseClicked.connect(self._on_click)
        self.scene().sigMouseMoved.connect(self._on_move)
        self.vb.sigRangeChangedManually.connect(self._on_manual_range)
        # with equal scales a resize changes the visible range: the background must cover it again
        self.vb.sigResized.connect(self._on_resized)

    # --- what to show -----------------------------------------------------------------------------

    def set_view(self, view) -> None:
        """Frame `view` (x0_min, x0_max, x1_min, x1_max) and limit zooming out around it."""
        a, b, c, d = view
        self.view = tuple(float(v) for v in view)
        # with equal scales a wide plot shows more x0 than the view: the limits leave room for that
        half = max(b - a, d - c) * ZOOM_OUT_LIMIT / 2
        cx, cy = (a + b) / 2, (c + d) / 2
        self.vb.setLimits(xMin=cx - 2 * half, xMax=cx + 2 * half, yMin=cy - 2 * half, yMax=cy + 2 * half,
                          maxXRange=4 * half, maxYRange=4 * half)
        self.vb.setRange(xRange=(a, b), yRange=(c, d), padding=0.02)
        self.vb.disableAutoRange()

    def set_equal_scale(self, on: bool) -> None:
        """Lock one unit of x0 to one of x1 on screen (on), or let the view fill the plot (off)."""
        self.vb.setAspectLocked(bool(on), 1.0)
        a, b, c, d = self.view
        self.vb.setRange(xRange=(a, b), yRange=(c, d), padding=0.02)

    def equal_scale(self) -> bool:
        return bool(self.vb.state["aspectLocked"])

    def pixel_aspect(self) -> float:
        """Data units per pixel along x0 over those along x1: 1.0 when circles look round."""
        (a, b), (c, d) = self.vb.viewRange()
        w, h = self.vb.width(), self.vb.height()
        return ((b - a) / w) / ((d - c) / h) if w > 0 and h > 0 else float("nan")

    def visible_range(self):
        (a, b), (c, d) = self.vb.viewRange()
        return a, b, c, d

    def set_background(self, rgba, rect, contour_pairs) -> None:
        """rgba : (nx, ny, 4) uint8 covering rect (x0, x1, width, height); contours as (2k, 2) pairs."""
        self.image.setImage(rgba, autoLevels=False)
        self.image.setRect(QRectF(*rect))
        self._set_pairs(self.contours, contour_pairs)

    def set_arrows(self, pairs, differ_points=None) -> None:
        self._set_pairs(self.arrows, pairs)
        pts = np.empty((0, 2)) if differ_points is None else np.asarray(differ_points)
        self.differ.setData(pos=pts)

    def set_minima(self, points) -> None:
        self.minima.setData(pos=np.asarray(points, float).reshape(-1, 2))

    def set_start(self, x0: float, x1: float) -> None:
        with blocked(self.start):
            self.start.setPos(QPointF(x0, x1))

    def start_point(self) -> tuple[float, float]:
        p = self.start.pos()
        return float(p.x()), float(p.y())

    def retranslate(self) -> None:
        self.start.label().setFormat(self.tr("start"))

    def set_path(self, name: str, path, note: str = "") -> None:
        """Draw the trajectory of `name`, shape (n, 2); `note` (e.g. "diverged after 3 steps") at its end."""
        if name not in self.paths:
            color = OPTIMIZER_COLORS[name]
            halo = pg.PlotDataItem(pen=pg.mkPen(255, 255, 255, 200, width=5))
            line = pg.PlotDataItem(pen=pg.mkPen(color, width=2.2), symbol="o", symbolSize=5,
                                   symbolPen=pg.mkPen(color), symbolBrush=pg.mkBrush(color),
                                   name=OPTIMIZER_LABELS[name])
            head = pg.ScatterPlotItem(size=11, pen=pg.mkPen("#ffffff", width=1.5), brush=pg.mkBrush(color))
            for z, item in ((10, halo), (11, line), (12, head)):
                item.setZValue(z)
                self.getPlotItem().addItem(item)
            self.paths[name] = (halo, line, head)
        halo, line, head = self.paths[name]
        path = np.asarray(path, float).reshape(-1, 2)
        # symbols on every point only while few enough to read
        line.setSymbol("o" if len(path) <= 400 else None)
        shown = _thin(path)
        halo.setData(shown[:, 0], shown[:, 1])
        line.setData(shown[:, 0], shown[:, 1])
        head.setData(pos=path[-1:])
        self.legend.setVisible(True)
        self._set_note(name, path[-1] if len(path) else None, note)

    def set_velocity(self, name: str, point, velocity) -> None:
        """Draw the velocity v = (v0, v1) of `name` as a dashed arrow from `point` to point + v (where
        the inertia alone would carry it next step); None hides it."""
        item = self.velocities.get(name)
        if item is None:
            color = OPTIMIZER_COLORS[name]
            item = pg.PlotDataItem(connect="pairs", pen=pg.mkPen(color, width=2.5, style=Qt.DashLine))
            item.setZValue(13)
            self.getPlotItem().addItem(item)
            self.velocities[name] = item
        if velocity is None or not np.all(np.isfinite(velocity)):
            item.setData([], [])
            return
        p, v = np.asarray(point, float), np.asarray(velocity, float)
        tip, length = p + v, float(np.hypot(*v))
        if length == 0:
            item.setData([], [])
            return
        back = -v / length * min(0.3 * length, 0.04 * (self.view[1] - self.view[0]))
        c, s_ = np.cos(np.radians(25)), np.sin(np.radians(25))
        left = tip + (back[0] * c - back[1] * s_, back[0] * s_ + back[1] * c)
        right = tip + (back[0] * c + back[1] * s_, -back[0] * s_ + back[1] * c)
        pts = np.array([p, tip, tip, left, tip, right])
        item.setData(pts[:, 0], pts[:, 1], connect="pairs")

    def clear_paths(self) -> None:
        for item in self.velocities.values():
            self.getPlotItem().removeItem(item)
        self.velocities.clear()
        for name, items in self.paths.items():
            for item in items:
                self.getPlotItem().removeItem(item)
            self.legend.removeItem(items[1])
        self.paths.clear()
        self.legend.setVisible(False)
        for text in self.notes.values():
            self.getPlotItem().removeItem(text)
        self.notes.clear()
        self._note_args.clear()

    def _set_note(self, name, where, note):
        self._note_args[name] = (where, note)
        text = self.notes.get(name)
        if not note or where is None:
            if text is not None:
                text.hide()
            return
        if text is None:
            text = pg.TextItem(color=OPTIMIZER_COLORS[name], anchor=(0, 1), fill=pg.mkBrush(255, 255, 255, 210),
                               border=pg.mkPen(OPTIMIZER_COLORS[name]))
            text.setZValue(40)
            self.getPlotItem().addItem(text)
            self.notes[name] = text
        text.setText(f"{OPTIMIZER_LABELS[name]}: {note}")
        a, b, c, d = self.visible_range()
        x, y = float(where[0]), float(where[1])
        if a <= x <= b and c <= y <= d:
            text.setAnchor((0, 1))
            text.setPos(min(x, a + 0.7 * (b - a)), max(y, c + 0.06 * (d - c)))
        else:  # gone off screen: stack the labels in the top-left corner, one line per optimizer
            slot = list(OPTIMIZER_COLORS).index(name)
            text.setAnchor((0, 0))
            text.setPos(a + 0.01 * (b - a), d - (0.01 + 0.055 * slot) * (d - c))
        text.show()

    @staticmethod
    def _set_pairs(item, pairs):
        pairs = np.asarray(pairs, float).reshape(-1, 2)
        item.setData(pairs[:, 0], pairs[:, 1], connect="pairs")

    # --- mouse ------------------------------------------------------------------------------------

    def _scene_to_data(self, scene_pos):
        if not self.vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.vb.mapSceneToView(scene_pos)
        return float(p.x()), float(p.y())

    @Slot(object)
    def _on_click(self, event):
        if event.button() != Qt.LeftButton or event.isAccepted():
            return
        where = self._scene_to_data(event.scenePos())
        if where is not None:
            self.place_start(*where)

    def place_start(self, x0: float, x1: float) -> None:
        """Move the start marker as a click there would, and tell listeners."""
        self.set_start(x0, x1)
        self.start_moved.emit(x0, x1)

    @Slot(object)
    def _on_target_moved(self, _target):
        self.start_moved.emit(*self.start_point())

    @Slot(object)
    def _on_move(self, scene_pos):
        where = self._scene_to_data(scene_pos)
        if where is not None:
            self.hovered.emit(*where)

    @Slot(object)
    def _on_resized(self, _vb):
        self.range_changed.emit()

    @Slot(object)
    def _on_manual_range(self, _mask):
        for name, (where, note) in list(self._note_args.items()):
            self._set_note(name, where, note)  # off-screen labels follow the corner
        self.range_changed.emit()
