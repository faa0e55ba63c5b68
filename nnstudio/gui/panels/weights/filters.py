"""The weights panel's first tab for a conv model: the first layer's filters as tiles."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.gui.widgets.map_grid import MapGrid

EXPLAIN = ("Each tile is one filter of the first convolution: the weights it multiplies with every "
           "patch of the image it slides over. Red taps add where the pixel is inked, blue ones "
           "subtract; a filter with red on one side and blue on the other answers to edges. The "
           "Feature maps tab shows what each filter makes of a digit.")


def filter_tiles(W) -> tuple[np.ndarray, list[str]]:
    """W : shape (FN, C, FH, FW) → (tiles (FN·C, FH, FW), a name per tile), filter by filter."""
    W = np.asarray(W)
    fn, c = W.shape[:2]
    names = [f"filter {f}" + (f", channel {k}" if c > 1 else "") for f in range(fn) for k in range(c)]
    return W.reshape(fn * c, *W.shape[2:]), names


class ConvFiltersView(QWidget):
    """set_params(params) shows W1 (FN, C, FH, FW) as FN·C tiles on one symmetric colour scale."""

    shown = Signal()  # the tab became visible (a show event never fires while tearing down)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.params = None
        self.grid = MapGrid("weight")
        self.grid.setObjectName("convFilterGrid")
        self.explain = QLabel(EXPLAIN)
        self.explain.setObjectName("convFiltersExplain")
        self.explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.explain)

    def set_params(self, params: dict) -> None:
        self.params = params
        W = np.asarray(params["W1"])
        tiles, names = filter_tiles(W)
        fn, c, fh, fw = W.shape
        self.grid.set_maps(tiles, signed=True, names=names,
                           title=f"first-layer filters: {fn} of {fh}×{fw}"
                                 + (f" over {c} channels" if c > 1 else "")
                                 + f", bias from {float(np.min(params['b1'])):.3g} to {float(np.max(params['b1'])):.3g}")

    def export_views(self) -> list:
        return [self.grid.graphics]

    def showEvent(self, event):
        super().showEvent(event)
        self.shown.emit()
