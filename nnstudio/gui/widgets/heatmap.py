"""A reusable matrix heatmap with a colour bar, hover read-out and cell clicks (pyqtgraph)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from nnstudio.gui.widgets.plot_title import wrap_title

# Blue-white-red (ColorBrewer RdBu end points): zero is white, sign reads at a glance.
_DIVERGING = [(33, 102, 172), (103, 169, 207), (247, 247, 247), (239, 138, 98), (178, 24, 43)]
PLOT_BACKGROUND = "w"
AXIS_COLOR = "#404040"
GAP_COLOR = "#c8c8c8"  # what NaN cells (tile gaps) show through


def diverging_colormap() -> pg.ColorMap:
    """The colour map for signed values (weights): centre white, negative blue, positive red."""
    return pg.ColorMap(np.linspace(0.0, 1.0, len(_DIVERGING)), _DIVERGING, name="weights")


def sequential_colormap() -> pg.ColorMap:
    """The colour map for non-negative values (activations, counts)."""
    return pg.colormap.get("viridis")


def symmetric_levels(array) -> tuple[float, float]:
    """(-m, m) with m the largest finite |value| (1 when there is none): zero sits mid-scale."""
    a = np.asarray(array)
    m = float(np.abs(a).max()) if a.size else 0.0
    if not np.isfinite(m):  # rare: only then pay for the mask
        finite = a[np.isfinite(a)]
        m = float(np.abs(finite).max()) if finite.size else 0.0
    m = m if m > 0 else 1.0
    return -m, m


POSITIVE, NEGATIVE = "#b2182b", "#2166ac"  # the colour map's ends: signed bars read like the tiles
_BRUSHES: dict = {}


def brushes_for(values, positive: str = POSITIVE, negative: str = NEGATIVE) -> list:
    """One brush per bar by sign, reusing two QBrush objects (cheap for hundreds of bars)."""
    pos = _BRUSHES.setdefault(positive, pg.mkBrush(positive))
    neg = _BRUSHES.setdefault(negative, pg.mkBrush(negative))
    return [pos if v >= 0 else neg for v in np.asarray(values).ravel()]


def style_plot(plot: pg.PlotItem) -> None:
    """Dark axes and text on the white plot background (without touching global pyqtgraph config)."""
    for name in ("left", "bottom", "top", "right"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(AXIS_COLOR))
        axis.setTextPen(pg.mkPen(AXIS_COLOR))
        axis.enableAutoSIPrefix(False)  # plain numbers: "0.02", not "20 (x0.001)"
    plot.titleLabel.setAttr("color", AXIS_COLOR)
    if plot.titleLabel.text:
        wrap_title(plot, plot.titleLabel.text)


class HeatmapWidget(QWidget):
    """A matrix as an image: row 0 at the top, one cell per entry, colour bar at the right.

    set_matrix(array, levels=None, row_labels=None, col_labels=None) shows a 2-D array; without
    levels they are symmetric around zero. Hovering shows row, column and value under the plot;
    clicking a cell emits cell_clicked(row, col).
    """

    cell_clicked = Signal(int, int)
    cell_hovered = Signal(int, int, float)

    def __init__(self, parent=None, title: str = "", colormap: pg.ColorMap | None = None,
                 colorbar_label: str = "", row_name: str | None = None, col_name: str | None = None,
                 aspect_locked: bool = False):
        """Texts given here (title, colour bar label, row and column names) come translated: the
        owner sets them again on a change of language (set_title, set_names, set_colorbar_label)."""
        super().__init__(parent)
        self.matrix = None
        self.levels = (-1.0, 1.0)
        self.row_labels = self.col_labels = None
        self.row_name = self.tr("row") if row_name is None else row_name
        self.col_name = self.tr("column") if col_name is None else col_name
        self.hover_text = ""
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(PLOT_BACKGROUND)
        self.plot = self.graphics.addPlot(title=title or None)
        style_plot(self.plot)
        self.plot.invertY(True)
        self.plot.setAspectLocked(aspect_locked)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(colorMap=colormap or diverging_colormap(), interactive=False,
                                        width=14, pen=AXIS_COLOR)
        self.colorbar.setImageItem(self.image, insert_in=self.plot)
        self.colorbar.axis.setTextPen(pg.mkPen(AXIS_COLOR))
        self.colorbar.axis.enableAutoSIPrefix(False)
        if colorbar_label:
            self.colorbar.axis.setLabel(colorbar_label, color=AXIS_COLOR)
        self.readout = QLabel(" ")
        self.readout.setObjectName("heatmapReadout")
        self.readout.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.graphics.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    # ------------------------------------------------------------------ public API
    def set_matrix(self, array, levels=None, row_labels=None, col_labels=None) -> None:
        """Show `array` (2-D; 1-D is shown as one row). levels (lo, hi); default (-m, m)."""
        a = np.asarray(array, dtype=np.float32)
        if a.ndim == 1:
            a = a[None, :]
        if a.ndim != 2:
            raise ValueError(f"a heatmap needs a 2-D array, got shape {a.shape}")
        self.matrix = a
        self.levels = tuple(float(v) for v in (levels if levels is not None else symmetric_levels(a)))
        if self.levels[0] == self.levels[1]:
            self.levels = (self.levels[0] - 0.5, self.levels[1] + 0.5)
        self.row_labels = list(row_labels) if row_labels is not None else None
        self.col_labels = list(col_labels) if col_labels is not None else None
        self.image.setImage(a, autoLevels=False)
        self.readout.setText(" ")
        self.hover_text = ""
        self.colorbar.setLevels(self.levels)
        self._set_ticks(self.plot.getAxis("left"), self.row_labels, a.shape[0])
        self._set_ticks(self.plot.getAxis("bottom"), self.col_labels, a.shape[1])
        self.plot.setRange(xRange=(0, a.shape[1]), yRange=(0, a.shape[0]), padding=0)

    def set_colormap(self, colormap: pg.ColorMap) -> None:
        self.colorbar.setColorMap(colormap)

    def set_title(self, title: str) -> None:
        wrap_title(self.plot, title)

    def set_names(self, row_name: str, col_name: str) -> None:
        """What the hover read-out calls a row and a column ("unit", "input pixel", ...)."""
        self.row_name, self.col_name = row_name, col_name

    def set_colorbar_label(self, text: str) -> None:
        self.colorbar.axis.setLabel(text, color=AXIS_COLOR)

    def set_axis_labels(self, left: str = "", bottom: str = "") -> None:
        self.plot.setLabel("left", left, color=AXIS_COLOR)
        self.plot.setLabel("bottom", bottom, color=AXIS_COLOR)

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        """The (row, col) under a point in plot (view) coordinates, or None outside the matrix."""
        if self.matrix is None:
            return None
        row, col = int(np.floor(point.y())), int(np.floor(point.x()))
        if 0 <= row < self.matrix.shape[0] and 0 <= col < self.matrix.shape[1]:
            return row, col
        return None

    def text_for(self, row: int, col: int) -> str:
        """The read-out for one cell, e.g. "row 3 · column 7 · value -0.0123"."""
        value = float(self.matrix[row, col])
        r = f"{self.row_name} {self.row_labels[row] if self.row_labels else row}"
        c = f"{self.col_name} {self.col_labels[col] if self.col_labels else col}"
        return self.tr("{row}  ·  {column}  ·  value {value}").format(row=r, column=c, value=f"{value:.4g}")

    def hover_cell(self, row: int, col: int) -> None:
        """Show the read-out for a cell (what the mouse does; tests call it directly)."""
        self.hover_text = self.text_for(row, col)
        self.readout.setText(self.hover_text)
        self.cell_hovered.emit(row, col, float(self.matrix[row, col]))

    def export_png(self, path: str) -> None:
        """The view as a PNG, written atomically (nnstudio.gui.saving); OSError when it cannot be."""
        from pyqtgraph.exporters import ImageExporter

        from nnstudio.gui.saving import save_image

        save_image(ImageExporter(self.graphics.scene()).export(toBytes=True), path)

    # ------------------------------------------------------------------ mouse
    @Slot(object)
    def _on_mouse_moved(self, scene_pos):
        if not self.plot.sceneBoundingRect().contains(scene_pos):
            return
        cell = self.cell_at(self.plot.vb.mapSceneToView(scene_pos))
        if cell is None:
            self.readout.setText(" ")
            return
        self.hover_cell(*cell)

    @Slot(object)
    def _on_mouse_clicked(self, event):
        if event.button() != Qt.LeftButton:
            return
        cell = self.cell_at(self.plot.vb.mapSceneToView(event.scenePos()))
        if cell is not None:
            self.cell_clicked.emit(*cell)

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _set_ticks(axis, labels, n):
        if labels is not None and len(labels) == n and n <= 40:
            axis.setTicks([[(i + 0.5, str(label)) for i, label in enumerate(labels)]])
        else:
            axis.setTicks(None)
