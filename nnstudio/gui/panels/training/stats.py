"""The numbers beside the training plots: epoch, iteration, loss, accuracies, speed, time, progress."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from nnstudio.core.nn.records import DivergedRecord, EpochRecord, NotLearningRecord
from nnstudio.core.nn.speed import samples_per_s, seconds_left
from nnstudio.gui import theme

FIELDS = [("epoch", "Epoch"), ("iteration", "Iteration"), ("loss", "Loss (avg)"),
          ("train_acc", "Train acc."), ("test_acc", "Test acc."), ("speed", "Samples/s"),
          ("elapsed", "Elapsed"), ("eta", "ETA")]
# The longest text each value shows in a long run (its label is at least that wide).
WIDEST = {"epoch": "100.00", "iteration": "1,000,000", "loss": "0.0000", "train_acc": "100.00%",
          "test_acc": "100.00%", "speed": "100,000", "elapsed": "0:00:00", "eta": "0:00:00"}
TIPS = {"train_acc": "Accuracy on the training images, measured at each epoch's end.",
        "test_acc": "Accuracy on the test images, which the network never trains on, at each epoch's end.",
        "speed": "Training samples per second over the last seconds (stands still while paused).",
        "eta": "Time left to the run's end at the current speed (stands still while paused)."}
START_KEYS = "F5"


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
        self.names: dict[str, QLabel] = {}
        self._cells: list[QWidget] = []
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(2)
        for key, title in FIELDS:
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(0)
            name = QLabel(title)
            name.setStyleSheet(f"color: {theme.GREY}; font-size: 9pt;")
            value = QLabel("–")
            value.setObjectName(f"stat_{key}")
            value.setStyleSheet("font-size: 12pt; font-weight: 600;")
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            # As wide as its longest likely text from the start: the row does not jump as numbers grow.
            value.ensurePolished()
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance(WIDEST[key]) + 2)
            if key in TIPS:
                name.setToolTip(TIPS[key])
                value.setToolTip(TIPS[key])
            cell_layout.addWidget(name)
            cell_layout.addWidget(value)
            self.values[key] = value
            self.names[key] = name
            self._cells.append(cell)
        self.columns = 0
        self._place(len(FIELDS))
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
        self.message = QLabel(f"Pick a preset or your own settings, then press Start ({START_KEYS}).")
        self.message.setObjectName("trainingMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)

    # ------------------------------------------------------------------ one row, or two on a narrow panel
    def _row_width(self, columns: int) -> int:
        """The width the numbers need in `columns` columns."""
        widths = [max(c.minimumSizeHint().width() for c in self._cells[i::columns]) for i in range(columns)]
        return sum(widths) + self.grid.horizontalSpacing() * (columns - 1)

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for cell in self._cells:
            self.grid.removeWidget(cell)
        for i in range(self.grid.columnCount()):
            self.grid.setColumnStretch(i, 0)
        for i, cell in enumerate(self._cells):
            self.grid.addWidget(cell, i // columns, i % columns)
        self.grid.setColumnStretch(columns, 1)  # the numbers stay together at the left
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self._row_width(len(FIELDS) // 2), hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reflow(event.size().width())

    def reflow(self, width: int) -> None:
        """Eight numbers in one row where they fit, else two rows of four."""
        self._place(len(FIELDS) if width >= self._row_width(len(FIELDS)) else len(FIELDS) // 2)

    def set_train_eval(self, images: int, of: int) -> None:
        """Say what "Train acc." is measured on: the first `images` of the `of` training images."""
        short = f"{images // 1000}k" if images >= 1000 and images % 1000 == 0 else f"{images:,}"
        self.names["train_acc"].setText(f"Train acc. ({short})" if images < of else "Train acc.")
        tip = (f"Accuracy on the first {images:,} of the {of:,} training images (all of them would make "
               f"each epoch's end slower); the command line measures the same images."
               if images < of else f"Accuracy on all {of:,} training images.")
        self.names["train_acc"].setToolTip(tip)
        self.values["train_acc"].setToolTip(tip)

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
