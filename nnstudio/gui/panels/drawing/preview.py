"""InputPreview: the 28x28 image the network sees, enlarged with square pixels, optionally shaded."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nnstudio.gui import theme
from nnstudio.gui.widgets.retranslate import Retranslatable

SIDE = 28


def _rgb(hex_color: str) -> np.ndarray:
    c = QColor(hex_color)
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


POSITIVE = _rgb(theme.ORANGE)  # pixels that pushed the winning digit up
NEGATIVE = _rgb(theme.SKY)  # pixels that pushed it down


class InputPreview(Retranslatable, QWidget):
    """Paints an input (784,) in [0, 1] as a 28x28 grid; with saliency (784,) the ink is tinted
    orange where it raised the winning score and blue where it lowered it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("inputPreview")
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.setFixedSize(QSize(198, 198))
        self._x: np.ndarray | None = None
        self._saliency: np.ndarray | None = None
        self._image: QImage | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.update()  # the empty preview's painted caption

    def input(self) -> np.ndarray | None:
        return None if self._x is None else self._x.copy()

    def saliency(self) -> np.ndarray | None:
        return None if self._saliency is None else self._saliency.copy()

    @Slot(object)
    def set_input(self, x, saliency=None) -> None:
        self._x = None if x is None else np.asarray(x, dtype=np.float64).reshape(SIDE, SIDE)
        self._saliency = None if (saliency is None or x is None) else \
            np.asarray(saliency, dtype=np.float64).reshape(SIDE, SIDE)
        self._image = None if self._x is None else self._to_qimage()
        self.update()

    def _to_qimage(self) -> QImage:
        x = np.clip(self._x, 0.0, 1.0)
        if self._saliency is None:
            rgb = np.repeat((x * 255.0)[..., None], 3, axis=2)
        else:
            s = self._saliency
            scale = np.abs(s).max()
            s = s / scale if scale > 0 else s
            strength = np.sqrt(np.abs(s))[..., None]  # sqrt: faint contributions stay visible
            tint = np.where((s > 0)[..., None], POSITIVE, NEGATIVE)
            base = (x * 70.0)[..., None]  # the digit dimmed, so the colours read
            rgb = base * (1 - strength) + tint * strength
        data = np.ascontiguousarray(np.clip(rgb, 0, 255).astype(np.uint8))
        image = QImage(data.data, SIDE, SIDE, 3 * SIDE, QImage.Format_RGB888)
        return image.copy()  # own the pixels (the array is temporary)

    def paintEvent(self, event):
        painter = QPainter(self)
        side = float(min(self.width(), self.height())) - 2
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter.fillRect(rect, QColor(0, 0, 0))
        if self._image is not None:
            painter.setRenderHint(QPainter.SmoothPixmapTransform, False)  # square pixels
            painter.drawImage(rect, self._image)
        else:
            painter.setPen(QColor(130, 130, 130))
            painter.drawText(rect, Qt.AlignCenter, self.tr("28 x 28 input"))
        painter.setPen(QPen(QColor(120, 120, 120), 1))
        painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.end()
