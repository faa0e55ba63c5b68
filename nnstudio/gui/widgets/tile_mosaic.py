"""First-layer weights as a mosaic of 28x28 tiles, one per hidden unit, drawn as ONE image."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from nnstudio.gui.widgets.heatmap import (AXIS_COLOR, GAP_COLOR, diverging_colormap,
                                          symmetric_levels)
from nnstudio.gui.widgets.retranslate import Retranslatable

PAGE_SIZE = 256  # tiles per page: all units up to 256, beyond that pages of 256
SIDE = 28  # a tile is one 28x28 input image
GAP = 1  # pixels between tiles (NaN: the gap colour shows through)


def mosaic_grid(n: int) -> tuple[int, int]:
    """(rows, cols) of a near-square grid for n tiles."""
    cols = max(1, math.ceil(math.sqrt(n)))
    return max(1, math.ceil(n / cols)), cols


def tile_maps(maps, gap: int = GAP) -> tuple[np.ndarray, tuple[int, int]]:
    """maps : shape (n, h, w) → (image (H, W) with NaN gaps between tiles, (rows, cols)), row by row."""
    m = np.asarray(maps, dtype=np.float32)
    n, h, w = m.shape
    rows, cols = mosaic_grid(n)
    tiles = np.full((rows * cols, h + gap, w + gap), np.nan, dtype=np.float32)
    tiles[:n, :h, :w] = m
    image = tiles.reshape(rows, cols, h + gap, w + gap).transpose(0, 2, 1, 3)
    image = image.reshape(rows * (h + gap), cols * (w + gap))
    return (image[:-gap, :-gap] if gap else image), (rows, cols)


def assemble_tiles(weights, per_tile: bool = False, side: int = SIDE, gap: int = GAP):
    """weights : shape (side*side, n) → (image (H, W) with NaN gaps, (rows, cols)).

    Each column becomes one side x side tile, row by row. With per_tile, each tile is divided by
    its own largest |weight| so every unit uses the whole colour range (values in [-1, 1]).
    """
    w = np.asarray(weights, dtype=np.float32)
    if per_tile:
        scale = np.abs(w).max(axis=0)
        w = w / np.where(scale > 0, scale, 1.0)
    return tile_maps(w.T.reshape(w.shape[1], side, side), gap)


def tile_plot(graphics, colorbar_label: str = ""):
    """A plot for a mosaic in `graphics` (a GraphicsLayoutWidget): image rows down, square pixels,
    no axes, the gap colour behind the tiles, a blue-white-red colour bar → (plot, image, colorbar)."""
    plot = graphics.addPlot()
    plot.invertY(True)
    plot.setAspectLocked(True)
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.vb.setBackgroundColor(GAP_COLOR)
    image = pg.ImageItem(axisOrder="row-major")
    plot.addItem(image)
    colorbar = pg.ColorBarItem(colorMap=diverging_colormap(), interactive=False, width=14, pen=AXIS_COLOR,
                               label=colorbar_label)
    colorbar.setImageItem(image, insert_in=plot)
    colorbar.axis.setTextPen(pg.mkPen(AXIS_COLOR))
    colorbar.axis.enableAutoSIPrefix(False)
    return plot, image, colorbar


class TileMosaic(Retranslatable, QWidget):
    """Tiles of incoming weights with a symmetric colour bar, paging, and a shared/per-tile toggle.

    set_weights(W) takes W1 of shape (784, hidden). Clicking a tile emits tile_clicked(unit).
    """

    tile_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.weights = None
        self.page = 0
        self.levels = (-1.0, 1.0)
        self.grid = (1, 1)
        self.selected = None
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.plot, self.image, self.colorbar = tile_plot(self.graphics)
        self.highlight = pg.QtWidgets.QGraphicsRectItem(0, 0, SIDE, SIDE)
        self.highlight.setPen(pg.mkPen(QColor("#111111"), width=2, cosmetic=True))
        self.highlight.setZValue(10)
        self.highlight.hide()
        self.plot.addItem(self.highlight)

        self.per_tile = QCheckBox()
        self.per_tile.setObjectName("perTileScale")
        self.prev_button = QPushButton()
        self.next_button = QPushButton()
        self.page_label = QLabel("")
        self.page_label.setObjectName("mosaicPageLabel")
        self.info = QLabel("")
        self.info.setObjectName("mosaicInfo")
        self.info.setWordWrap(True)  # two lines beside a unit's detail on a narrow window
        self.info.setMinimumHeight(2 * self.info.fontMetrics().lineSpacing())
        controls = QHBoxLayout()
        controls.addWidget(self.per_tile)
        controls.addStretch(1)
        controls.addWidget(self.prev_button)
        controls.addWidget(self.page_label)
        controls.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.info)

        self.per_tile.toggled.connect(self._on_per_tile_toggled)
        self.prev_button.clicked.connect(self._on_prev)
        self.next_button.clicked.connect(self._on_next)
        self.graphics.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.retranslate()

    def retranslate(self) -> None:
        self.per_tile.setText(self.tr("Per-tile scale"))
        self.per_tile.setToolTip(self.tr("Scale each tile to its own largest |weight| instead of one shared "
                                         "scale for all units (shapes become visible in weak units)."))
        self.prev_button.setText(self.tr("◀ Previous"))
        self.next_button.setText(self.tr("Next ▶"))
        if self.weights is not None:
            self._describe()
            self._label_colorbar()
        self._update_paging()

    def _describe(self) -> None:
        self.info.setText(self.tr("{n} hidden units, each tile the 784 weights into one unit — click a "
                                  "tile for details").format(n=self.n_units))

    def _label_colorbar(self) -> None:
        self.colorbar.axis.setLabel(self.tr("weight ÷ largest |weight| of its tile") if self.per_tile.isChecked()
                                    else self.tr("weight"), color=AXIS_COLOR)

    # ------------------------------------------------------------------ public API
    @property
    def n_units(self) -> int:
        return 0 if self.weights is None else self.weights.shape[1]

    @property
    def n_pages(self) -> int:
        return max(1, math.ceil(self.n_units / PAGE_SIZE))

    def page_units(self) -> range:
        """The unit indices on the current page."""
        return range(self.page * PAGE_SIZE, min(self.n_units, (self.page + 1) * PAGE_SIZE))

    def set_weights(self, weights) -> None:
        """weights : shape (784, hidden), e.g. W1. Keeps the page and selection when they still exist."""
        w = np.asarray(weights)
        if w.ndim != 2 or w.shape[0] != SIDE * SIDE:
            raise ValueError(f"the mosaic needs weights of shape (784, units), got {w.shape}")
        new_size = self.weights is None or self.weights.shape != w.shape
        self.weights = w
        if new_size:  # a different network: its own description (the hover read-out replaces it)
            self._describe()
        self.page = min(self.page, self.n_pages - 1)
        if self.selected is not None and self.selected >= self.n_units:
            self.selected = None
        self.render()

    def set_page(self, page: int) -> None:
        self.page = int(np.clip(page, 0, self.n_pages - 1))
        self.render()

    def render(self) -> None:
        if self.weights is None:
            return
        units = self.page_units()
        page = self.weights[:, units.start:units.stop]
        per_tile = self.per_tile.isChecked()
        image, self.grid = assemble_tiles(page, per_tile=per_tile)
        # shared scale: one symmetric range over ALL units, so pages compare too
        self.levels = (-1.0, 1.0) if per_tile else symmetric_levels(self.weights)
        self.image.setImage(image, autoLevels=False)
        self.colorbar.setLevels(self.levels)
        self._label_colorbar()
        self.plot.setRange(xRange=(0, image.shape[1]), yRange=(0, image.shape[0]), padding=0.01)
        self._place_highlight()
        self._update_paging()

    def tile_origin(self, unit: int) -> tuple[int, int] | None:
        """(x, y) of a unit's top-left pixel in the mosaic image, or None when not on this page."""
        units = self.page_units()
        if unit not in units:
            return None
        k = unit - units.start
        r, c = divmod(k, self.grid[1])
        return c * (SIDE + GAP), r * (SIDE + GAP)

    def unit_at(self, point: QPointF) -> int | None:
        """The unit whose tile contains a point in view coordinates, or None (gap, outside)."""
        x, y = point.x(), point.y()
        if x < 0 or y < 0:
            return None
        c, r = int(x // (SIDE + GAP)), int(y // (SIDE + GAP))
        if x - c * (SIDE + GAP) >= SIDE or y - r * (SIDE + GAP) >= SIDE or c >= self.grid[1]:
            return None
        unit = self.page_units().start + r * self.grid[1] + c
        return unit if unit in self.page_units() else None

    def click_unit(self, unit: int) -> None:
        """Select a unit and announce it (what a click on its tile does)."""
        self.selected = int(unit)
        self._place_highlight()
        self.tile_clicked.emit(int(unit))

    def export_png(self, path: str) -> None:
        """The view as a PNG, written atomically (nnstudio.gui.saving); OSError when it cannot be."""
        from pyqtgraph.exporters import ImageExporter

        from nnstudio.gui.saving import save_image

        save_image(ImageExporter(self.graphics.scene()).export(toBytes=True), path)

    def export_npy(self, path: str) -> None:
        """All first-layer weights, shape (784, hidden), as a .npy file (written atomically)."""
        from nnstudio.core.files import atomic_write

        with atomic_write(path, "wb") as f:
            np.save(f, np.asarray(self.weights))

    # ------------------------------------------------------------------ slots
    @Slot(bool)
    def _on_per_tile_toggled(self, _on):
        self.render()

    @Slot()
    def _on_prev(self):
        self.set_page(self.page - 1)

    @Slot()
    def _on_next(self):
        self.set_page(self.page + 1)

    @Slot(object)
    def _on_mouse_clicked(self, event):
        if event.button() != Qt.LeftButton or self.weights is None:
            return
        unit = self.unit_at(self.plot.vb.mapSceneToView(event.scenePos()))
        if unit is not None:
            self.click_unit(unit)

    @Slot(object)
    def _on_mouse_moved(self, scene_pos):
        if self.weights is None or not self.plot.sceneBoundingRect().contains(scene_pos):
            return
        point = self.plot.vb.mapSceneToView(scene_pos)
        unit = self.unit_at(point)
        if unit is None:
            return
        x0, y0 = self.tile_origin(unit)
        px, py = int(point.x()) - x0, int(point.y()) - y0
        value = float(self.weights[py * SIDE + px, unit])
        self.info.setText(self.tr("unit {unit}  ·  pixel (row {row}, col {col})  ·  weight {value}   — click a "
                                  "tile for details").format(unit=unit, row=py, col=px, value=f"{value:.4g}"))

    # ------------------------------------------------------------------ helpers
    def _place_highlight(self):
        origin = None if self.selected is None else self.tile_origin(self.selected)
        if origin is None:
            self.highlight.hide()
            return
        self.highlight.setRect(origin[0] - 0.5, origin[1] - 0.5, SIDE + 1, SIDE + 1)
        self.highlight.show()

    def _update_paging(self):
        paged = self.n_pages > 1
        for w in (self.prev_button, self.next_button, self.page_label):
            w.setVisible(paged)
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.n_pages - 1)
        units = self.page_units()
        if self.n_units:
            self.page_label.setText(self.tr("units {first}–{last} of {n}").format(
                first=units.start, last=units.stop - 1, n=self.n_units))
