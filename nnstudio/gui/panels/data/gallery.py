"""The gallery under the Evaluate tab's charts: test images with true label, answer and confidence."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nnstudio.gui.widgets.image_grid import ImageGrid
from nnstudio.gui.widgets.retranslate import Retranslatable


class GalleryView(Retranslatable, QWidget):
    """A title, a "Show all mistakes" button and an 8x4 paged grid; captions read "7→2 95%"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel("", objectName="galleryTitle")
        self.mistakes_button = QPushButton(objectName="showMistakesButton")
        self.grid = ImageGrid(8, 4)
        self.grid.setObjectName("mistakesGallery")
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.mistakes_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """The button; the title and captions come translated from the owner (show_images, clear)."""
        self.mistakes_button.setText(self.tr("Show all mistakes"))

    def clear(self, message: str) -> None:
        self.title.setText("")
        self.grid.clear(message)

    def show_images(self, title: str, x, idx, true, pred, conf, network, empty_text: str) -> None:
        """Show x[idx] with their labels, answers and confidences (arrays aligned with idx).

        Captions and tooltips are made for the visible page only (a poor model has 9,000 mistakes);
        a tooltip runs `network` on its one image (cheap) for the model's top three answers.
        """

        def caption(k: int) -> str:
            a, b, c = int(true[k]), int(pred[k]), float(conf[k])
            return f"{a}→{b} {100 * c:.0f}%" if a != b else f"{a} {100 * c:.0f}%"

        def tooltip(k: int) -> str:
            probs = network.probabilities(x[idx[k]][None])[0]
            top = ", ".join(f"{d} ({100 * probs[d]:.1f}%)" for d in np.argsort(probs)[::-1][:3])
            return self.tr("test image #{index}: true {true}, predicted {predicted} with probability {p}%\nthe "
                           "model's top three: {top}").format(index=int(idx[k]), true=int(true[k]),
                                                             predicted=int(pred[k]), p=f"{100 * float(conf[k]):.1f}",
                                                             top=top)

        self.title.setText(title)
        self.grid.set_images(x, idx, caption, flags=np.asarray(true) != np.asarray(pred),
                             tooltips=tooltip)
        if not len(idx):
            self.grid.set_empty_text(empty_text)
