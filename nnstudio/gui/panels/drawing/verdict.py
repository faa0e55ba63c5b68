"""VerdictView: what the pad says about the drawing: a digit, "3 or 9?", or "Not a digit" and why."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from nnstudio.core.digits.reading import READING_REASONS, Reading
from nnstudio.gui import theme
from nnstudio.gui.widgets.retranslate import Retranslatable

DIGIT_PX = 96  # the digit itself, big
UNSURE_PX = 44  # "3 or 9?"
NOT_DIGIT_PX = 26  # "Not a digit"


class VerdictView(Retranslatable, QWidget):
    """The reading of core/digits/reading.py in words: `show_reading(reading)`.

    predictionLabel : "7" / "3 or 9?" / "Not a digit" / "" (empty pad, or no model)
    probabilityLabel : the probability of the digit (or of the two close ones, or the best guess)
    readingReason : the reason in plain words (translatable, one text per reason key)
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.reading: Reading | None = None
        self._no_model = False
        self.prediction_label = QLabel("", objectName="predictionLabel", alignment=Qt.AlignCenter)
        self.prediction_label.setMinimumSize(130, 120)
        self.prediction_label.setFrameShape(QFrame.StyledPanel)
        self._px = DIGIT_PX
        self._set_size(DIGIT_PX)
        self.probability_label = QLabel("", objectName="probabilityLabel", alignment=Qt.AlignCenter)
        self.probability_label.setWordWrap(True)
        bigger = QFont(self.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.3)
        self.probability_label.setFont(bigger)
        self.reason_label = QLabel("", objectName="readingReason", alignment=Qt.AlignCenter, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prediction_label)
        layout.addWidget(self.probability_label)
        layout.addWidget(self.reason_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.show_reading(self.reading, self._no_model)

    def _set_size(self, px: int) -> None:
        """The verdict's font: `px` pixels, or smaller when its text would not fit the label's width
        (a narrow window, a longer translation)."""
        self._px = px
        label = self.prediction_label
        room = max(label.width(), label.minimumWidth()) - 2 * label.frameWidth() - 8
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(px)
        while px > 12 and QFontMetrics(font).horizontalAdvance(label.text()) > room:
            px -= 2
            font.setPixelSize(px)
        label.setFont(font)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._set_size(self._px)

    def reason_text(self, key: str) -> str:
        """The plain-words reason for a reading's reason key (translatable; English from
        reading.READING_REASONS for a key this view does not know yet)."""
        texts = {
            "too_little_ink": self.tr("Too little ink to be a digit."),
            "tiny": self.tr("Drawn too small to read: draw the digit larger."),
            "line": self.tr("A straight line, not a digit."),
            "scribble": self.tr("A scribble or a shape, not a digit."),
            "several_marks": self.tr("Several digits or separate marks side by side: draw one digit."),
            "wide": self.tr("Much wider than a digit."),
            "close_call": self.tr("Two digits are almost equally likely."),
            "low_confidence": self.tr("The network does not recognise any digit in it."),
        }
        if key in texts:
            return texts[key]
        english = READING_REASONS.get(key, key)
        return english[:1].upper() + english[1:] + ("." if english and not english.endswith(".") else "")

    def show_reading(self, reading: Reading | None, no_model: bool = False) -> None:
        """Show `reading` (None: nothing to show). no_model: ink is drawn but no model can read it."""
        self.reading, self._no_model = reading, no_model
        kind = "empty" if reading is None else reading.kind
        p = None if reading is None else reading.probabilities
        self.reason_label.setStyleSheet(f"color: {theme.GREY}")
        if kind == "digit":
            self.prediction_label.setText(str(reading.label))
            self._set_size(DIGIT_PX)
            self.probability_label.setText(f"p({reading.label}) = {p[reading.label]:.2f}")
            self.reason_label.setText("")
        elif kind == "unsure":
            a, b = reading.label, reading.alternative
            self.prediction_label.setText(self.tr("{a} or {b}?").format(a=a, b=b))
            self._set_size(UNSURE_PX)
            self.probability_label.setText(f"p({a}) = {p[a]:.2f} · p({b}) = {p[b]:.2f}")
            self.reason_label.setStyleSheet(f"color: {theme.VERMILLION}")
            self.reason_label.setText(self.reason_text(reading.reason))
        elif kind == "not_digit":
            self.prediction_label.setText(self.tr("Not a digit"))
            self._set_size(NOT_DIGIT_PX)
            if p is not None:
                best = int(np.argmax(p))
                self.probability_label.setText(self.tr("best guess {digit}, p = {p}").format(
                    digit=best, p=f"{p[best]:.2f}"))
            else:
                self.probability_label.setText("")
            self.reason_label.setStyleSheet(f"color: {theme.VERMILLION}")
            self.reason_label.setText(self.reason_text(reading.reason))
        else:
            self.prediction_label.setText("")
            self._set_size(DIGIT_PX)
            self.probability_label.setText("")
            self.reason_label.setText(self.tr("no model to ask") if no_model else "")
