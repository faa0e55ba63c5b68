"""The numbers beside the training plots: epoch, iteration, loss, accuracies, speed, time, progress."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from nnstudio.core.nn.records import DivergedRecord, EpochRecord, NotLearningRecord
from nnstudio.core.nn.speed import samples_per_s, seconds_left
from nnstudio.gui import theme
from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.panels.training.messages import diverged_message, not_learning_message
from nnstudio.gui.widgets.retranslate import Retranslatable

FIELDS = [("epoch", QT_TRANSLATE_NOOP("TrainingStats", "Epoch")),
          ("iteration", QT_TRANSLATE_NOOP("TrainingStats", "Iteration")),
          ("loss", QT_TRANSLATE_NOOP("TrainingStats", "Loss (avg)")),
          ("train_acc", QT_TRANSLATE_NOOP("TrainingStats", "Train acc.")),
          ("test_acc", QT_TRANSLATE_NOOP("TrainingStats", "Test acc.")),
          ("speed", QT_TRANSLATE_NOOP("TrainingStats", "Samples/s")),
          ("elapsed", QT_TRANSLATE_NOOP("TrainingStats", "Elapsed")), ("eta", QT_TRANSLATE_NOOP("TrainingStats", "ETA"))]
# The longest text each value shows in a long run (its label is at least that wide).
WIDEST = {"epoch": "100.00", "iteration": "1,000,000", "loss": "0.0000", "train_acc": "100.00%",
          "test_acc": "100.00%", "speed": "100,000", "elapsed": "0:00:00", "eta": "0:00:00"}
TIPS = {"test_acc": QT_TRANSLATE_NOOP("TrainingStats", "Accuracy on the test images, which the network never "
                                     "trains on, at each epoch's end."),
        "speed": QT_TRANSLATE_NOOP("TrainingStats", "Training samples per second over the last seconds (stands "
                                   "still while paused)."),
        "eta": QT_TRANSLATE_NOOP("TrainingStats", "Time left to the run's end at the current speed (stands still "
                                 "while paused).")}
# The progress bar's state words (RunController.update_progress passes the key) and its two units.
STATES = {"idle": QT_TRANSLATE_NOOP("TrainingStats", "idle"),
          "preparing": QT_TRANSLATE_NOOP("TrainingStats", "preparing"),
          "running": QT_TRANSLATE_NOOP("TrainingStats", "running"),
          "paused": QT_TRANSLATE_NOOP("TrainingStats", "paused"),
          "completed": QT_TRANSLATE_NOOP("TrainingStats", "completed"),
          "stopped": QT_TRANSLATE_NOOP("TrainingStats", "stopped"),
          "diverged": QT_TRANSLATE_NOOP("TrainingStats", "diverged"),
          "failed": QT_TRANSLATE_NOOP("TrainingStats", "failed"),
          "done": QT_TRANSLATE_NOOP("TrainingStats", "done")}
PROGRESS = {"iterations": QT_TRANSLATE_NOOP("TrainingStats", "{state} · {done:,} / {total:,} iterations ({percent}%)"),
            "synthetic digits": QT_TRANSLATE_NOOP("TrainingStats", "{state} · {done:,} / {total:,} synthetic digits "
                                                  "({percent}%)")}
START_KEYS = "F5"


def format_seconds(s: float | None) -> str:
    if s is None or not math.isfinite(s):
        return "–"
    s = int(round(s))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


class TrainingStats(Retranslatable, QWidget):
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
            name = QLabel()
            name.setStyleSheet(f"color: {theme.GREY}; font-size: 9pt;")
            value = QLabel("–")
            value.setObjectName(f"stat_{key}")
            value.setStyleSheet("font-size: 12pt; font-weight: 600;")
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            # As wide as its longest likely text from the start: the row does not jump as numbers grow.
            value.ensurePolished()
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance(WIDEST[key]) + 2)
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
        self.progress.setTextVisible(True)
        self.progress.setStyleSheet(
            "QProgressBar { border: 1px solid #999; border-radius: 3px; text-align: center; "
            "background: white; min-height: 18px; }"
            f"QProgressBar::chunk {{ background-color: {theme.PROGRESS_CHUNK}; }}")
        self.message = QLabel()
        self.message.setObjectName("trainingMessage")
        self._message = lambda: self.tr("Pick a preset or your own settings, then press Start ({keys}).").format(
            keys=START_KEYS)
        self._progress_args: tuple | str | None = None  # what set_progress showed last (None: idle)
        self._train_eval: tuple | None = None  # set_train_eval's (images, of)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        for key, title in FIELDS:
            self.names[key].setText(translate("TrainingStats", title))
            if key in TIPS:
                self.names[key].setToolTip(translate("TrainingStats", TIPS[key]))
                self.values[key].setToolTip(translate("TrainingStats", TIPS[key]))
        self.set_train_eval(*(self._train_eval or (0, 0)))
        if self._progress_args is None:
            self.progress.setFormat(translate("TrainingStats", STATES["idle"]))
        elif self._progress_args == "preparing":
            self.show_preparing()
        else:
            self.set_progress(*self._progress_args)
        self.message.setText(self._message())

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
        """Say what "Train acc." is measured on: the first `images` of the `of` training images
        (0 of 0: not known yet)."""
        self._train_eval = (images, of) if of else None
        short = f"{images // 1000}k" if images >= 1000 and images % 1000 == 0 else f"{images:,}"
        self.names["train_acc"].setText(self.tr("Train acc. ({images})").format(images=short) if images < of
                                        else self.tr("Train acc."))
        if not of:
            tip = self.tr("Accuracy on the training images, measured at each epoch's end.")
        elif images < of:
            tip = self.tr("Accuracy on the first {images:,} of the {of:,} training images (all of them would "
                          "make each epoch's end slower); the command line measures the same images.").format(
                images=images, of=of)
        else:
            tip = self.tr("Accuracy on all {of:,} training images.").format(of=of)
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
        self._progress_args = None
        self.progress.setFormat(translate("TrainingStats", STATES["idle"]))

    def show_preparing(self) -> None:
        """The progress bar while a run's data is prepared (before its first count)."""
        self._progress_args = "preparing"
        self.progress.setFormat(self.tr("preparing…"))

    def set_progress(self, iteration: int, total: int, state: str, unit: str = "iterations",
                     decimals: int = 1) -> None:
        """`state`: a key of STATES; `unit`: a key of PROGRESS."""
        self._progress_args = (iteration, total, state, unit, decimals)
        frac = iteration / total if total else 0.0
        self.progress.setFormat(translate("TrainingStats", PROGRESS.get(unit, PROGRESS["iterations"])).format(
            state=translate("TrainingStats", STATES.get(state, state)), done=iteration, total=total,
            percent=f"{100 * frac:.{decimals}f}"))
        self.progress.setValue(int(round(1000 * frac)))

    def show_records(self, records: list) -> None:
        """The accuracies of an epoch's end; a divergence or a run not learning says so."""
        for rec in records:
            if isinstance(rec, EpochRecord):
                self.set("train_acc", f"{100 * rec.train_acc:.2f}%")
                self.set("test_acc", f"{100 * rec.test_acc:.2f}%")
            elif isinstance(rec, DivergedRecord):
                self.say(lambda rec=rec: diverged_message(rec), "error")
            elif isinstance(rec, NotLearningRecord):
                self.say(lambda rec=rec: not_learning_message(rec), "error")

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

    def say(self, make, kind: str = "info") -> None:
        """Show the message `make()` returns, and make it again on a change of language (`make`
        translates: a message a user may still be reading when switching, in the new language)."""
        self.show_message(make(), kind)
        self._message = make

    def show_message(self, text: str, kind: str = "info") -> None:
        self._message = lambda: text
        color = {"error": theme.ERROR_TEXT, "ok": theme.OK_TEXT}.get(kind, theme.DARK)
        weight = "600" if kind == "error" else "400"
        self.message.setStyleSheet(f"color: {color}; font-weight: {weight};")
        self.message.setText(text)
