"""ProbabilityBars: ten horizontal bars, one per digit, with the winner highlighted."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Slot
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOR = QColor(90, 130, 190)
WIN_COLOR = QColor(230, 140, 40)
TRACK_COLOR = QColor(128, 128, 128, 40)


class ProbabilityBars(QWidget):
    """Shows a probability vector (10,) as bars labelled 0-9 with percentages; None shows empty bars."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("probabilityBars")
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        self.setMinimumSize(220, 150)
        self._p: np.ndarray | None = None

    def probabilities(self) -> np.ndarray | None:
        return None if self._p is None else self._p.copy()

    @Slot(object)
    def set_probabilities(self, p) -> None:
        self._p = None if p is None else np.asarray(p, dtype=np.float64).reshape(-1)[:10]
        self.setToolTip("" if self._p is None else
                        "\n".join(f"{d}: {v:.1%}" for d, v in enumerate(self._p)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, 260)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        font = QFont(self.font())
        row_h = self.height() / 10.0
        font.setPixelSize(int(max(10, min(16, row_h * 0.6))))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        label_w = metrics.horizontalAdvance("0") + 10
        value_w = metrics.horizontalAdvance("100.0%") + 8
        bar_w = max(10.0, self.width() - label_w - value_w)
        winner = int(self._p.argmax()) if self._p is not None else -1
        text_color = self.palette().windowText().color()
        for d in range(10):
            y = d * row_h
            bar_h = row_h * 0.7
            top = y + (row_h - bar_h) / 2
            painter.setPen(text_color)
            painter.drawText(QRectF(0, y, label_w - 6, row_h), Qt.AlignRight | Qt.AlignVCenter, str(d))
            painter.fillRect(QRectF(label_w, top, bar_w, bar_h), TRACK_COLOR)
            if self._p is None:
                continue
            v = float(np.clip(self._p[d], 0.0, 1.0))
            painter.fillRect(QRectF(label_w, top, bar_w * v, bar_h), WIN_COLOR if d == winner else BAR_COLOR)
            painter.drawText(QRectF(label_w + bar_w + 4, y, value_w, row_h), Qt.AlignLeft | Qt.AlignVCenter,
                             f"{v:.1%}")
        painter.end()
