"""The numbers beside the training plots: epoch, iteration, loss, accuracies, speed, time, progress."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from nnstudio.gui import theme

FIELDS = [("epoch", "Epoch"), ("iteration", "Iteration"), ("loss", "Loss (avg)"),
          ("train_acc", "Train acc."), ("test_acc", "Test acc."), ("speed", "Samples/s"),
          ("elapsed", "Elapsed"), ("eta", "ETA")]


def format_seconds(s: float | None) -> str:
    if s is None or not math.isfinite(s):
        return "–"
    s = int(round(s))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


class TrainingStats(QWidget):
    """A grid of value labels, a progress bar, and a message line (state, divergence advice)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        for col, (key, title) in enumerate(FIELDS):
            name = QLabel(title)
            name.setStyleSheet(f"color: {theme.GREY}; font-size: 9pt;")
            value = QLabel("–")
            value.setObjectName(f"stat_{key}")
            value.setStyleSheet("font-size: 12pt; font-weight: 600;")
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            grid.addWidget(name, 0, col)
            grid.addWidget(value, 1, col)
            self.values[key] = value
        self.progress = QProgressBar()
        self.progress.setObjectName("trainingProgress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat("idle")
        self.progress.setTextVisible(True)
        self.progress.setStyleSheet(
            "QProgressBar { border: 1px solid #999; border-radius: 3px; text-align: center; "
            "background: white; min-height: 18px; }"
            f"QProgressBar::chunk {{ background-color: {theme.PROGRESS_CHUNK}; }}")
        self.message = QLabel("Pick a preset or your own settings, then press Start (Space).")
        self.message.setObjectName("trainingMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)

    def set(self, key: str, text: str) -> None:
        self.values[key].setText(text)

    def text(self, key: str) -> str:
        return self.values[key].text()

    def clear(self) -> None:
        for label in self.values.values():
            label.setText("–")
        self.progress.setValue(0)
        self.progress.setFormat("idle")

    def set_progress(self, iteration: int, total: int, state: str, unit: str = "iterations",
                     decimals: int = 1) -> None:
        frac = iteration / total if total else 0.0
        self.progress.setFormat(f"{state} · {iteration:,} / {total:,} {unit} ({100 * frac:.{decimals}f}%)")
        self.progress.setValue(int(round(1000 * frac)))

    def show_message(self, text: str, kind: str = "info") -> None:
        color = {"error": theme.ERROR_TEXT, "ok": theme.OK_TEXT}.get(kind, theme.DARK)
        weight = "600" if kind == "error" else "400"
        self.message.setStyleSheet(f"color: {color}; font-weight: {weight};")
        self.message.setText(text)
