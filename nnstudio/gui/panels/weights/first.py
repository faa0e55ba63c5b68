"""The weights panel's first tab: the first-layer tile mosaic beside one unit's detail."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from nnstudio.core.nn.functions import ACTIVATIONS
from nnstudio.gui.names import name as display_name
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.widgets.tile_mosaic import TileMosaic
from nnstudio.gui.widgets.unit_detail import UnitDetail

TOP_K = 16


def top_activating(x, w, b, activation: str, k: int = TOP_K):
    """The k rows of x that drive one unit hardest: (indices, activations), strongest first.

    x : (N, 784); w : (784,) the unit's incoming weights; b : its bias. One matrix-vector
    product (10k test images: a few milliseconds).
    """
    f = ACTIVATIONS.get(activation, ACTIVATIONS["identity"])[0]
    act = f(np.asarray(x, dtype=np.float32) @ np.asarray(w, dtype=np.float32) + np.float32(b))
    k = min(k, len(act))
    idx = np.argpartition(-act, k - 1)[:k]
    idx = idx[np.argsort(-act[idx], kind="stable")]
    return idx, act[idx]


class FirstLayerView(Retranslatable, QWidget):
    """Mosaic of W1 (left) and the clicked unit (right). test_data() → (x_test, t_test) or None."""

    shown = Signal()  # the tab became visible (a show event never fires while tearing down)

    def __init__(self, test_data: Callable[[], tuple | None], parent=None):
        super().__init__(parent)
        self._test_data = test_data
        self.params = None
        self.activation = "sigmoid"
        self.mosaic = TileMosaic()
        self.mosaic.setObjectName("tileMosaic")
        self.detail = UnitDetail()
        self.detail.setObjectName("unitDetail")
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.mosaic)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 420])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.mosaic.tile_clicked.connect(self._on_tile_clicked)
        self.retranslate()

    def retranslate(self) -> None:
        """The open unit's names (the detail's own texts are its own)."""
        if self.params is not None and self.detail.unit is not None:
            self.show_unit(self.detail.unit, refresh_top=False)

    def set_params(self, params: dict, activation: str, refresh_top: bool = True) -> None:
        """Show new weights; an open unit detail follows them (its top images only if refresh_top)."""
        self.params, self.activation = params, activation
        self.mosaic.set_weights(params["W1"])
        if self.detail.unit is not None and self.detail.unit < params["W1"].shape[1]:
            self.show_unit(self.detail.unit, refresh_top=refresh_top)
        elif self.detail.unit is not None:
            self.detail.clear()

    def show_unit(self, unit: int, refresh_top: bool = True) -> None:
        p = self.params
        n_layers = sum(1 for k in p if k.startswith("W"))
        last = n_layers == 2
        out_name = self.tr("digit") if last else self.tr("unit of layer 2")
        outgoing = p["W2"][unit] if "W2" in p else np.zeros(0)
        top = (None, None, None) if not refresh_top else self._top_images(unit)
        if not refresh_top:
            top = (self.detail.top_images, self.detail.top_image_labels, self.detail.top_values)
        self.detail.show_unit(unit, p["W1"][:, unit], outgoing, list(range(len(outgoing))), out_name,
                              *top, layer_name=self.tr("layer 1 ({activation})").format(
                                  activation=display_name(self.activation)))

    def _top_images(self, unit):
        data = self._test_data()
        if data is None:
            return np.zeros((0, 784)), [], []
        x, t = data
        idx, values = top_activating(x, self.params["W1"][:, unit], self.params["b1"][unit],
                                     self.activation)
        t = np.asarray(t)
        labels = t[idx].argmax(axis=1) if t.ndim == 2 else t[idx]
        return x[idx], [int(v) for v in labels], values

    @Slot(int)
    def _on_tile_clicked(self, unit):
        if self.params is not None:
            self.show_unit(unit)

    def showEvent(self, event):
        super().showEvent(event)
        self.shown.emit()
