"""The numbers beside the training plots: epoch, iteration, loss, accuracies, speed, time, progress."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from nnstudio.core.nn.records import DivergedRecord, EpochRecord, NotLearningRecord
from nnstudio.core.nn.speed import samples_per_s, seconds_left
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

    def show_records(self, records: list) -> None:
        """The accuracies of an epoch's end; a divergence or a run not learning says so."""
        for rec in records:
            if isinstance(rec, EpochRecord):
                self.set("train_acc", f"{100 * rec.train_acc:.2f}%")
                self.set("test_acc", f"{100 * rec.test_acc:.2f}%")
            elif isinstance(rec, (DivergedRecord, NotLearningRecord)):
                self.show_message(rec.message, "error")

    def show_progress(self, run, iters_per_epoch: int, total: int, clock, loss_avg: float | None,
                      state: str, eta: bool) -> None:
        """Show where `run` is: its last reported iteration, `loss_avg`, the speed and time of
        `clock` (a RunClock; its time is accounted up to now), the time left if `eta`."""
        # The last iteration the GUI has a record of (not the worker's live counter), so the
        # numbers, the progress bar and the plots always describe the same step.
        it = run.iterations[-1] if run.iterations else 0
        rate = clock.rate(it)
        avg = math.nan if loss_avg is None else loss_avg
        speed = samples_per_s(rate, run.config.batch_size)
        self.set("epoch", f"{it / iters_per_epoch:.2f}")
        self.set("iteration", f"{it:,}")
        self.set("loss", f"{avg:.4f}" if math.isfinite(avg) else "–")
        self.set("speed", f"{speed:,.0f}" if speed else "–")
        self.set("elapsed", format_seconds(clock.active_s))
        self.set("eta", format_seconds(seconds_left(it, total, rate) if eta else None))
        self.set_progress(it, total, state)

    def show_message(self, text: str, kind: str = "info") -> None:
        color = {"error": theme.ERROR_TEXT, "ok": theme.OK_TEXT}.get(kind, theme.DARK)
        weight = "600" if kind == "error" else "400"
        self.message.setStyleSheet(f"color: {color}; font-weight: {weight};")
        self.message.setText(text)
