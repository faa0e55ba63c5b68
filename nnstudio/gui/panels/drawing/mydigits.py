"""MyDigitsBox: label the current drawing, see the personal set and how the model does on it."""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QToolButton, QVBoxLayout)

from nnstudio.core.digits import mydigits
from nnstudio.gui import theme
from nnstudio.gui.widgets.image_grid import ImageGrid
from nnstudio.gui.widgets.retranslate import Retranslatable


class MyDigitsBox(Retranslatable, QGroupBox):
    """Buttons 0-9 add the current drawing with that label; the set is shown with the current
    model's verdict (mistakes flagged in red). Click a digit to select it (and show it on the pad).

    The owner connects `label_chosen(int)` (add the current drawing, then call refresh) and
    `digit_selected(int)`; `refresh(network)` re-reads the store and re-scores it.

    A damaged or invalid file is reported with its path and left alone: adding is disabled
    until the user presses "Set aside damaged file", which renames it and starts a fresh set.
    """

    label_chosen = Signal(int)
    digit_selected = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("myDigitsBox")
        self.selected = -1
        self._network = None
        self.damaged: mydigits.MyDigitsError | None = None
        self._drawing_available = False
        self._note = ""  # said once after the damaged file was set aside
        self._shown_note = ""  # the note the score label shows until the next refresh
        self.x = np.zeros((0, 784), np.float32)
        self.t = np.zeros(0, np.uint8)
        self.predicted = np.zeros(0, np.int64)

        self.add_buttons = []
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.add_label = QLabel()
        buttons.addWidget(self.add_label)
        for d in range(10):
            b = QToolButton(text=str(d))  # a tool button: a push button's style asks 80 px for "0"
            b.setObjectName(f"addMyDigit{d}")
            b.setFixedWidth(28)
            b.clicked.connect(lambda _=False, d=d: self.label_chosen.emit(d))
            self.add_buttons.append(b)
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.counts_label = QLabel(objectName="myDigitsCounts")
        self.counts_label.setWordWrap(True)
        self.score_label = QLabel(objectName="myDigitsScore")
        self.score_label.setWordWrap(True)
        self.grid = ImageGrid(columns=20, rows=1)
        self.grid.setObjectName("myDigitsGrid")
        self.grid.setFixedHeight(112)
        self.grid.index_clicked.connect(self._on_clicked)
        self.remove_button = QPushButton(objectName="removeMyDigit", enabled=False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton(objectName="clearMyDigits", enabled=False)
        self.clear_button.clicked.connect(self.clear_all)
        self.set_aside_button = QPushButton(objectName="setAsideMyDigits")
        self.set_aside_button.clicked.connect(self.set_aside_damaged)
        self.set_aside_button.hide()

        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.set_aside_button)
        texts = QHBoxLayout()
        texts.addWidget(self.counts_label, 1)
        texts.addWidget(self.score_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(texts)
        layout.addWidget(self.grid)
        self.set_drawing_available(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("My digits"))
        self.add_label.setText(self.tr("Add drawing as:"))
        for d, b in enumerate(self.add_buttons):
            b.setToolTip(self.tr("Keep the current drawing in my digits, labelled {digit}").format(digit=d))
        self.clear_button.setText(self.tr("Clear all…"))
        self.set_aside_button.setText(self.tr("Set aside damaged file"))
        self.set_aside_button.setToolTip(self.tr("Rename the damaged file to my_digits.damaged-<date>.npz "
                                                 "(nothing is deleted) and start a fresh set"))
        self.score_label.setToolTip(self.tr("Red captions: the label → what the current model reads."))
        self._show_set()

    @Slot(bool)
    def set_drawing_available(self, available: bool) -> None:
        self._drawing_available = available
        for b in self.add_buttons:
            b.setEnabled(available and self.damaged is None)  # never write over a damaged file

    def refresh(self, network=None) -> None:
        """Re-read the store and score it with `network` (None: no model)."""
        self._network = network
        try:
            data = mydigits.load_my_digits()
        except mydigits.MyDigitsError as exc:
            data, self.damaged = None, exc
        else:
            self.damaged = None
        self._shown_note, self._note = self._note, ""
        self.set_aside_button.setVisible(self.damaged is not None)
        self.remove_button.setVisible(self.damaged is None)
        self.clear_button.setVisible(self.damaged is None)
        self.set_drawing_available(self._drawing_available)
        self.x, self.t = data if data is not None else (np.zeros((0, 784), np.float32), np.zeros(0, np.uint8))
        n = len(self.t)
        self.selected = min(self.selected, n - 1)
        self.clear_button.setEnabled(n > 0)
        self.predicted = network.predict_labels(self.x) if n and network is not None else np.zeros(0, np.int64)
        self._show_set()

    def _show_set(self) -> None:
        """The texts and images of the set as last read (again after a language change)."""
        n = len(self.t)
        if self.damaged is not None:  # (the reason comes from core, in English)
            score = f"<span style='color:{theme.ERROR_TEXT}'>{html.escape(str(self.damaged))}</span>"
        else:
            score = self._shown_note
        counts = np.bincount(self.t, minlength=10)
        self.counts_label.setText(
            self.tr("Your my-digits file in {folder} is damaged or invalid; it has not been changed. Set it "
                    "aside to start a fresh set (it is kept, renamed).").format(folder=self.damaged.path.parent)
            if self.damaged is not None else
            self.tr("No digits kept yet: draw one and press its label.") if n == 0 else
            self.tr("{n} kept · {counts}").format(n=n, counts="  ".join(f"{d}: {c}" for d, c in enumerate(counts))))
        self._update_remove_button()
        if n and len(self.predicted) == n:
            wrong = self.predicted != self.t
            mistakes = int(wrong.sum())
            if not score:
                # (one line at 1024 pixels in both languages: the captions are explained in the tooltip)
                score = (self.tr("Current model: {right} of {n} right ({percent}); {wrong} mistakes.")
                         if mistakes != 1 else
                         self.tr("Current model: {right} of {n} right ({percent}); {wrong} mistake.")).format(
                    right=n - mistakes, n=n, percent=f"{1 - wrong.mean():.0%}", wrong=mistakes)
            captions = [f"{t}→{p}" if t != p else f"{t}" for t, p in zip(self.t, self.predicted)]
            tips = [self.tr("#{number}: labelled {label}, read as {read}. Click to show it on the pad.").format(
                        number=i + 1, label=t, read=p) for i, (t, p) in enumerate(zip(self.t, self.predicted))]
            self.grid.set_images(self.x, captions=captions, flags=wrong, tooltips=tips)
        else:
            if n and not score:
                score = self.tr("No model: accuracy shows once a model is loaded or trained.")
            self.grid.set_images(self.x if n else None, captions=[str(t) for t in self.t] if n else None)
            if not n:
                self.grid.clear(self.tr("Your labelled drawings appear here."))
        self.score_label.setText(score)

    @Slot(int)
    def _on_clicked(self, index: int) -> None:
        self.selected = int(index)
        self._update_remove_button()
        self.digit_selected.emit(self.selected)

    def _update_remove_button(self) -> None:
        ok = 0 <= self.selected < len(self.t)
        self.remove_button.setEnabled(ok)
        self.remove_button.setText(self.tr("Remove #{number} ({label})").format(
            number=self.selected + 1, label=self.t[self.selected]) if ok else self.tr("Remove selected"))

    @Slot()
    def remove_selected(self) -> None:
        if self.selected < 0:
            return
        try:
            mydigits.remove_my_digit(self.selected)
        except (IndexError, mydigits.MyDigitsError, OSError) as exc:
            QMessageBox.warning(self, self.tr("My digits"), self.tr("Could not remove the digit: {reason}").format(
                reason=exc))
        self.selected = -1
        self.refresh(self._network)

    @Slot()
    def set_aside_damaged(self) -> None:
        """Rename the damaged file (kept beside the new one) and start a fresh set."""
        if self.damaged is None:
            return
        try:
            aside = mydigits.set_aside_damaged()
        except OSError as exc:
            QMessageBox.warning(self, self.tr("My digits"),
                                self.tr("Could not set the damaged file aside: {reason}").format(reason=exc))
            return
        self._note = self.tr("The damaged file was kept as {file}.").format(file=html.escape(str(aside)))
        self.selected = -1
        self.refresh(self._network)

    @Slot()
    def clear_all(self) -> None:
        answer = QMessageBox.question(self, self.tr("My digits"), (
            self.tr("Forget all {n} kept digits?") if len(self.t) != 1 else self.tr("Forget the kept digit?")
        ).format(n=len(self.t)))
        if answer != QMessageBox.Yes:
            return
        try:
            mydigits.clear_my_digits()
        except OSError as exc:
            QMessageBox.warning(self, self.tr("My digits"), self.tr("Could not clear my digits: {reason}").format(
                reason=exc))
        self.selected = -1
        self.refresh(self._network)

