"""Small 2-D arrays (conv filters, feature maps) tiled in one near-square grid, drawn as ONE image
with a colour bar and a hover read-out of the tile, row, column and value."""

from __future__ import annotations


import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.gui.widgets.heatmap import (AXIS_COLOR, diverging_colormap, sequential_colormap,
                                          symmetric_levels)
from nnstudio.gui.widgets.plot_title import wrap_title
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.widgets.tile_mosaic import tile_maps, tile_plot

MAX_TILES = 256  # more maps than this: the first MAX_TILES are drawn (the caption says so)


class MapGrid(Retranslatable, QWidget):
    """set_maps(maps, signed, title, names) shows maps (n, h, w); `signed` picks the blue-white-red
    scale symmetric about zero (weights), else viridis from 0 or the minimum (activations).
    The title, tile names and colour bar label come translated from the owner (set_maps again,
    set_colorbar_label); the caption and hover read-out translate themselves."""

    def __init__(self, colorbar_label: str = "", parent=None):
        super().__init__(parent)
        self.maps = None
        self.total = 0  # how many maps set_maps got (more than the MAX_TILES shown)
        self.names: list[str] = []
        self.grid = (1, 1)
        self.levels = (0.0, 1.0)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.plot, self.image, self.colorbar = tile_plot(self.graphics, colorbar_label)
        self.plot.titleLabel.setAttr("color", AXIS_COLOR)
        self.info = QLabel("")
        self.info.setObjectName("mapGridInfo")
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.info)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.retranslate()

    def retranslate(self) -> None:
        if self.maps is not None:
            self.info.setText(self._caption())

    def set_colorbar_label(self, text: str) -> None:
        self.colorbar.axis.setLabel(text, color=AXIS_COLOR)

    def _more(self) -> str:
        return (self.tr(" (the first {shown} of {total})").format(shown=MAX_TILES, total=self.total)
                if self.total > MAX_TILES else "")

    def _caption(self) -> str:
        n, h, w = self.maps.shape
        return self.tr("{n} maps of {h}×{w}{more}: hover one to read its values").format(
            n=n, h=h, w=w, more=self._more())

    def set_maps(self, maps, signed: bool, title: str = "", names: list[str] | None = None) -> None:
        m = np.asarray(maps, dtype=np.float32)
        if m.ndim != 3:
            raise ValueError(f"maps must be 3-d (n, height, width), got shape {m.shape}")
        shown = m[:MAX_TILES]
        self.maps = shown
        self.total = len(m)
        self.names = list(names or (self.tr("map {i}").format(i=i) for i in range(len(shown))))[:len(shown)]
        image, self.grid = tile_maps(shown, gap=1)
        if signed:
            self.colorbar.setColorMap(diverging_colormap())
            self.levels = symmetric_levels(shown)
        else:
            self.colorbar.setColorMap(sequential_colormap())
            finite = shown[np.isfinite(shown)]
            lo = min(0.0, float(finite.min())) if finite.size else 0.0
            hi = float(finite.max()) if finite.size else 1.0
            self.levels = (lo, hi if hi > lo else lo + 1.0)
        self.image.setImage(image, autoLevels=False)
        self.colorbar.setLevels(self.levels)
        self.plot.setRange(xRange=(0, image.shape[1]), yRange=(0, image.shape[0]), padding=0.01)
        wrap_title(self.plot, title + self._more())
        self.info.setText(self._caption())

    def clear(self, why: str = "") -> None:
        self.maps = None
        self.image.clear()
        wrap_title(self.plot, "")
        self.info.setText(why)

    def tile_at(self, point: QPointF) -> tuple[int, int, int] | None:
        """(tile, row, col) under a point in view coordinates, or None (a gap, outside)."""
        if self.maps is None:
            return None
        h, w = self.maps.shape[1:]
        x, y = point.x(), point.y()
        if x < 0 or y < 0:
            return None
        c, r = int(x // (w + 1)), int(y // (h + 1))
        px, py = int(x - c * (w + 1)), int(y - r * (h + 1))
        tile = r * self.grid[1] + c
        if px >= w or py >= h or c >= self.grid[1] or tile >= len(self.maps):
            return None
        return tile, py, px

    @Slot(object)
    def _on_mouse_moved(self, scene_pos):
        if self.maps is None or not self.plot.sceneBoundingRect().contains(scene_pos):
            return
        hit = self.tile_at(self.plot.vb.mapSceneToView(scene_pos))
        if hit is not None:
            tile, row, col = hit
            self.info.setText(self.tr("{name} · row {row}, col {col} · value {value}").format(
                name=self.names[tile], row=row, col=col, value=f"{float(self.maps[tile, row, col]):.4g}"))
