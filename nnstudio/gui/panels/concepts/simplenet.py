"""The book's simpleNet worked example (chapter 4): W, x, t, the loss and the numerical dW."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from nnstudio.core.nn import gradcheck as G
from nnstudio.gui.i18n import translate
from nnstudio.gui.widgets.retranslate import Retranslatable


def matrix_html(name: str, m: np.ndarray, digits: int = 8) -> str:
    """A small matrix as an HTML table, one row per row, numbers right-aligned."""
    rows = np.atleast_2d(m)
    cells = "".join("<tr>" + "".join(f"<td align='right'>&nbsp;{v:.{digits}f}</td>" for v in row) + "</tr>"
                    for row in rows)
    return f"<p style='margin:4px 0 0 0'>{name}</p><table cellspacing='0' cellpadding='1'>{cells}</table>"


def example_html(ex: G.SimpleNetExample) -> str:
    t = ", ".join(str(int(v)) for v in ex.t)
    return (f"x = ({ex.x[0]:g}, {ex.x[1]:g}), t = ({t})"
            + matrix_html("W (2×3)", ex.W)
            + matrix_html("p = x·W", ex.scores)
            + f"<p style='margin:4px 0 0 0'>loss = cross_entropy_error(softmax(p), t) = <b>{ex.loss:.8f}</b></p>"
            + matrix_html("dW = numerical_gradient(f, net.W)", ex.dW)
            + "<p style='margin:4px 0 0 0'>"
            + translate("SimpleNetBox", "backprop's xᵀ(y − t) agrees: relative error <b>{error}</b> (measured now).")
            .format(error=f"{ex.relative_error:.1e}") + "</p>")


class SimpleNetBox(Retranslatable, QGroupBox):
    """Shows G.simplenet_example(): computed when the box is made (nine pairs of losses, instant)."""

    def __init__(self, parent=None):
        super().__init__(parent, objectName="simpleNetBox")
        self.example = G.simplenet_example()
        self.label = QLabel(example_html(self.example), objectName="simpleNetLabel", textFormat=Qt.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The book's simpleNet (ch. 4)"))
        self.label.setText(example_html(self.example))
