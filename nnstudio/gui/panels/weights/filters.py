"""The weights panel's first tab for a conv model: the first layer's filters as tiles."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.gui.i18n import translate
from nnstudio.gui.widgets.map_grid import MapGrid
from nnstudio.gui.widgets.retranslate import Retranslatable

EXPLAIN = QT_TRANSLATE_NOOP(
    "ConvFiltersView", "Each tile is one filter of the first convolution: the weights it multiplies with every "
    "patch of the image it slides over. Red taps add where the pixel is inked, blue ones "
    "subtract; a filter with red on one side and blue on the other answers to edges. The "
    "Feature maps tab shows what each filter makes of a digit.")


def filter_tiles(W) -> tuple[np.ndarray, list[str]]:
    """W : shape (FN, C, FH, FW) → (tiles (FN·C, FH, FW), a name per tile), filter by filter."""
    W = np.asarray(W)
    fn, c = W.shape[:2]
    one, two = translate("ConvFiltersView", "filter {f}"), translate("ConvFiltersView", "filter {f}, channel {k}")
    names = [(two if c > 1 else one).format(f=f, k=k) for f in range(fn) for k in range(c)]
    return W.reshape(fn * c, *W.shape[2:]), names


class ConvFiltersView(Retranslatable, QWidget):
    """set_params(params) shows W1 (FN, C, FH, FW) as FN·C tiles on one symmetric colour scale."""

    shown = Signal()  # the tab became visible (a show event never fires while tearing down)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.params = None
        self.grid = MapGrid()
        self.grid.setObjectName("convFilterGrid")
        self.explain = QLabel()
        self.explain.setObjectName("convFiltersExplain")
        self.explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.explain)
        self.retranslate()

    def retranslate(self) -> None:
        self.explain.setText(translate("ConvFiltersView", EXPLAIN))
        self.grid.set_colorbar_label(self.tr("weight"))
        if self.params is not None:
            self.set_params(self.params)

    def set_params(self, params: dict) -> None:
        self.params = params
        W = np.asarray(params["W1"])
        tiles, names = filter_tiles(W)
        fn, c, fh, fw = W.shape
        fields = dict(n=fn, h=fh, w=fw, c=c, low=f"{float(np.min(params['b1'])):.3g}",
                      high=f"{float(np.max(params['b1'])):.3g}")
        title = (self.tr("first-layer filters: {n} of {h}×{w} over {c} channels, bias from {low} to {high}")
                 if c > 1 else self.tr("first-layer filters: {n} of {h}×{w}, bias from {low} to {high}"))
        self.grid.set_maps(tiles, signed=True, names=names, title=title.format(**fields))

    def export_views(self) -> list:
        return [self.grid.graphics]

    def showEvent(self, event):
        super().showEvent(event)
        self.shown.emit()
