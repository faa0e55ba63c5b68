"""The training panel: settings, run controls, live loss/accuracy plots and numbers, run history."""

from __future__ import annotations

import math
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QHBoxLayout, QMessageBox, QPushButton,
                               QScrollArea, QSplitter, QVBoxLayout, QWidget)

from nnstudio.core.nn.learning import unusable_reason
from nnstudio.core.nn.memory import NotEnoughMemory, check_network, check_training
from nnstudio.core.nn.presets import PRESETS
from nnstudio.core.nn.records import DivergedRecord, EpochRecord, NotLearningRecord
from nnstudio.core.nn.trainer import Trainer
from nnstudio.gui import settings
from nnstudio.gui.context import ModelInfo
from nnstudio.gui.panels.training.history import RunHistoryBox
from nnstudio.gui.panels.training.plots import TrainingPlots
from nnstudio.gui.panels.training.stats import TrainingStats, format_seconds
from nnstudio.gui.run_history import RunHistory, history_path
from nnstudio.gui.saving import save_image, save_or_report
from nnstudio.gui.widgets.param_form import CUSTOM, ParamForm
from nnstudio.gui.workers import DEFAULT_BLAS_THREADS, TrainingWorker

EVAL_TRAIN_LIMIT = 10_000  # train accuracy on at most this many images: epoch ends stay short
META_LOSS_POINTS = 5_000  # a saved model keeps at most this many loss points of its history
QUICK_EVAL_LIMIT = 2_000  # test images to judge a run stopped between two epoch ends (a few ms)
SPEED_WINDOW_S = 2.0
# Records arrive in batches at most this often; each batch is one plot update (a repaint of both
# plots measured 10-40 ms on this machine with the CPU shared: 10 Hz keeps the GUI thread light).
UPDATE_INTERVAL_S = 0.1


def _button(text: str, name: str, tip: str) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    b.setToolTip(tip)
    return b


class TrainingPanel(QWidget):
    """Train a network on the context's dataset in a worker thread and watch it learn."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        # Runs of earlier sessions; a damaged file is set aside and said so, never blocks the start.
        self.history, self.history_notice = RunHistory.load(history_path())
        self.worker: TrainingWorker | None = None
        self.run = None
        self.trainer = None
        self._pending: dict = {}
        self._closing = False
        self._active_s = 0.0
        self._resumed_at: float | None = None
        self._speed_marks: list = []
        self._dataset_name = ""
        self._start_when_loaded: tuple | None = None  # (paused_steps, step_epoch) of a Start waiting for data
        self.blas_threads = DEFAULT_BLAS_THREADS  # the GUI bench compares settings through this

        self.form = ParamForm()
        self.form.setObjectName("paramForm")
        self.start_button = _button("Start", "startButton", "Train a fresh network with these settings (Space)")
        self.pause_button = _button("Pause", "pauseButton", "Pause the run between two steps; press again to resume (Space)")
        self.step_button = _button("Step", "stepButton", "Do one mini-batch step, then pause (starts a paused run when idle)")
        self.step_epoch_button = _button("Step epoch", "stepEpochButton", "Train up to the end of the current epoch, then pause")
        self.stop_button = _button("Stop", "stopButton", "End the run now; its network becomes the current model if it learned (Ctrl+. or Esc)")
        self.reset_button = _button("Reset", "resetButton", "Clear the plots and numbers; the next Start trains a fresh network (the current model stays)")
        self.start_button.setStyleSheet("font-weight: 600;")
        buttons = QGridLayout()
        for i, b in enumerate((self.start_button, self.pause_button, self.stop_button,
                               self.step_button, self.step_epoch_button, self.reset_button)):
            buttons.addWidget(b, i // 3, i % 3)
        self.history_box = RunHistoryBox()
        self.stats = TrainingStats()
        self.plots = TrainingPlots()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.form)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.history_box)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(340)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.stats)
        right_layout.addWidget(self.plots, 1)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 900])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.start_pause_action = QAction("Start / Pause", self)
        self.start_pause_action.setShortcut(QKeySequence(Qt.Key_Space))
        self.start_pause_action.triggered.connect(self.start_or_pause)
        self.stop_action = QAction("Stop", self)
        self.stop_action.setShortcut(QKeySequence("Ctrl+."))
        self.stop_action.triggered.connect(self.stop)
        self.step_action = QAction("Step one mini-batch", self)
        self.step_action.triggered.connect(self.step)
        self.step_epoch_action = QAction("Step one epoch", self)
        self.step_epoch_action.triggered.connect(self.step_epoch)
        self.reset_action = QAction("Reset", self)
        self.reset_action.triggered.connect(self.reset)
        self.esc_shortcut = QShortcut(QKeySequence(Qt.Key_Escape), self, context=Qt.WidgetWithChildrenShortcut)
        self.esc_shortcut.activated.connect(self.stop)

        self.start_button.clicked.connect(self._on_start_clicked)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.step_button.clicked.connect(self.step)
        self.step_epoch_button.clicked.connect(self.step_epoch)
        self.stop_button.clicked.connect(self.stop)
        self.reset_button.clicked.connect(self.reset)
        self.form.lr_changed.connect(self._on_lr_changed)
        self.form.lr_invalid.connect(self._on_lr_invalid)
        self.history_box.show_requested.connect(self._on_show_run)
        self.history_box.overlay_requested.connect(self._on_overlay_run)
        self.history_box.export_requested.connect(self._on_export_run)
        self.history_box.reuse_requested.connect(self._on_reuse_run)
        context.dataset_changed.connect(self._on_dataset_changed)
        context.dataset_failed.connect(self._on_dataset_failed)
        self._update_buttons()
        if self.history.runs:
            self.history_box.set_runs(self.history.runs)
            self.plots.show_run(self.history.runs[-1])
            n = len(self.history)
            self.stats.show_message(f"{n} run{'s' if n != 1 else ''} of earlier sessions "
                                    f"{'are' if n != 1 else 'is'} in the run history.")
        if self.history_notice:
            self.stats.show_message(self.history_notice, "error")

    def menu_actions(self) -> list:
        """Actions the main window puts in its Training menu."""
        return [self.start_pause_action, self.stop_action, self.step_action, self.step_epoch_action,
                self.reset_action]

    # ------------------------------------------------------------------ state
    @property
    def running(self) -> bool:
        return self.worker is not None

    @property
    def paused(self) -> bool:
        return self.worker is not None and self.worker.paused

    def _update_buttons(self) -> None:
        running, paused = self.running, self.paused
        self.start_button.setEnabled(not running and self._start_when_loaded is None)
        self.pause_button.setEnabled(running)
        self.pause_button.setText("Resume" if paused else "Pause")
        self.step_button.setEnabled(not running or paused)
        self.step_epoch_button.setEnabled(not running or paused)
        self.stop_button.setEnabled(running)
        self.reset_button.setEnabled(not running)
        self.stop_action.setEnabled(running)
        self.step_action.setEnabled(not running or paused)
        self.step_epoch_action.setEnabled(not running or paused)
        self.reset_action.setEnabled(not running)
        self.start_pause_action.setText("Pause" if running and not paused else
                                        "Resume" if paused else "Start")
        self.form.set_running(running)
        self.history_box.set_running(running)

    # ------------------------------------------------------------------ controls
    @Slot()
    def start_or_pause(self) -> None:
        if self.running:
            self.toggle_pause()
        else:
            self.start()

    @Slot()
    def _on_start_clicked(self) -> None:
        self.start()

    def start(self, paused_steps: int | None = None, step_epoch: bool = False) -> bool:
        """Start a run from a fresh network. With `paused_steps` (or `step_epoch`), start paused
        after that many steps (or one epoch). The Trainer is built in the worker thread: synthetic
        digits or a big extra set can take seconds to prepare."""
        if self.running or self._closing or self._start_when_loaded is not None:
            return False
        try:
            cfg = self.form.config()
            kwargs = self._extra_train_kwargs()
            self._check_memory(cfg, kwargs)
        except NotEnoughMemory as exc:
            self._refuse("start", exc)
            return False
        except (ValueError, TypeError) as exc:
            self.stats.show_message(f"Cannot start: {exc}", "error")
            return False
        dataset = self.context.ensure_dataset()
        if dataset is None:  # loading in the background: start when it is announced
            self._start_when_loaded = (paused_steps, step_epoch)
            self.stats.show_message("Loading dataset… the run starts as soon as it is ready.")
            self._update_buttons()
            return True
        preset_name = self.form.preset_name()
        self._pending = {"config": cfg, "preset": preset_name, "step_epoch": step_epoch,
                         "extra": len(kwargs["extra_train"][0]) if kwargs else 0}
        self.run = None
        self.trainer = None
        self.stats.clear()
        starts_paused = paused_steps is not None or step_epoch
        self._active_s, self._resumed_at = 0.0, None if starts_paused else time.monotonic()
        self._speed_marks = []
        eval_limit = cfg.eval_train or EVAL_TRAIN_LIMIT
        data = dataset.data  # handed to the worker: the run keeps it even if the dataset changes
        self._dataset_name = dataset.name

        def factory(stop_event, report):
            return Trainer(cfg, data, eval_train_limit=eval_limit, stop_event=stop_event, progress=report,
                           **kwargs)

        self.worker = TrainingWorker(factory=factory,
                                     start_paused=starts_paused,
                                     step_budget=paused_steps or 0, blas_threads=self.blas_threads,
                                     emit_interval=UPDATE_INTERVAL_S)
        self.worker.preparing.connect(self._on_preparing)
        self.worker.prepared.connect(self._on_prepared)
        self.worker.progressed.connect(self._on_progressed)
        self.worker.snapshot.connect(self._on_snapshot)
        self.worker.failed.connect(self._on_failed)
        self.worker.finished.connect(self._on_finished)
        self.worker.start()
        self.context.set_training(True)
        self.stats.show_message(f"Run {self._next_number()}: preparing the training data…")
        self.stats.progress.setFormat("preparing…")
        self._update_buttons()
        return True

    @Slot(object)
    def _on_dataset_changed(self, _info) -> None:
        waiting, self._start_when_loaded = self._start_when_loaded, None
        if waiting is not None and not self._closing:
            self._update_buttons()
            paused_steps, step_epoch = waiting
            self.start(paused_steps=paused_steps, step_epoch=step_epoch)

    @Slot(str)
    def _on_dataset_failed(self, message: str) -> None:
        if self._start_when_loaded is not None:
            self._start_when_loaded = None
            self.stats.show_message(f"Cannot start: the dataset did not load ({message})", "error")
            self._update_buttons()

    @Slot(int, int)
    def _on_preparing(self, done: int, total: int) -> None:
        """Synthetic digits are being drawn (60,000 take most of a minute): say how far it is."""
        if self._closing or self.sender() is not self.worker or not total:
            return
        self.stats.show_message(f"Run {self._next_number()}: drawing {total:,} synthetic pad-style digits "
                                f"before training starts (Stop cancels)…")
        self.stats.set_progress(done, total, "preparing", unit="synthetic digits", decimals=0)

    @Slot(object)
    def _on_prepared(self, trainer) -> None:
        if self._closing or self.sender() is not self.worker:
            return
        pending = self._pending
        cfg, preset_name = pending["config"], pending["preset"]
        preset = PRESETS.get(preset_name) if preset_name != CUSTOM else None
        self.trainer = trainer
        self.run = self.history.new_run(cfg, preset_name, trainer.iters_per_epoch, trainer.total_iterations)
        self.plots.start_run(trainer.iters_per_epoch, preset.expected_test_acc if preset else None,
                             trainer.total_iterations)
        self.history_box.set_runs(self.history.runs, shown=self.run.number)
        if pending["step_epoch"]:
            self.worker.step(trainer.iters_per_epoch)
        try:
            lr = self.form.lr_value()
            if lr != cfg.lr:  # edited while the data was being prepared
                trainer.set_lr(lr)
        except ValueError:
            pass
        extra = f", with {pending['extra']} of your digits" if pending["extra"] else ""
        self.stats.show_message(f"Run {self.run.number}: training on {len(trainer.x_train):,} images{extra} "
                                f"({self._dataset_name}).")
        self.stats.set_progress(0, trainer.total_iterations, "paused" if self.paused else "running")

    def _next_number(self) -> int:
        return max((r.number for r in self.history.runs), default=0) + 1
    def _check_memory(self, cfg, kwargs: dict) -> None:
        """NotEnoughMemory before a thread starts, with the dataset's sizes if it is loaded (else
        MNIST's); the Trainer checks again with the real data before it allocates anything."""
        data = getattr(self.context, "_dataset", None)
        sizes = {}
        if data is not None:
            (xtr, _), (xte, _) = data.data
            sizes = {"n_train": len(xtr), "n_test": len(xte)}
        extra = kwargs.get("extra_train")
        check_training(cfg, n_extra=len(extra[0]) if extra is not None else 0, **sizes)

    def _refuse(self, action: str, exc: NotEnoughMemory) -> None:
        """A configuration too big for this computer: say so in the panel and in a dialog."""
        text = str(exc)
        text = text[:1].upper() + text[1:]
        self.stats.show_message(f"Cannot {action}: {text}.", "error")
        QMessageBox.warning(self, "Not enough memory", f"{text}.")

    def _extra_train_kwargs(self) -> dict:
        if not self.form.my_digits.isChecked():
            return {}
        from nnstudio.core.digits.mydigits import load_my_digits

        extra = load_my_digits()
        if extra is None:
            raise ValueError("you have no saved digits yet (save some on the Drawing pad)")
        return {"extra_train": extra}

    @Slot()
    def toggle_pause(self) -> None:
        if not self.running:
            return
        if self.worker.paused:
            self.worker.resume()
            self._resumed_at = time.monotonic()
            self._speed_marks = []
        else:
            self.worker.pause()
            self._account_time()
            self._resumed_at = None
        self._update_buttons()
        self._update_progress()

    @Slot()
    def step(self) -> None:
        self._step(epoch=False)

    @Slot()
    def step_epoch(self) -> None:
        self._step(epoch=True)

    def _step(self, epoch: bool) -> None:
        if not self.running:
            self.start(paused_steps=None if epoch else 1, step_epoch=epoch)
            return
        if not self.worker.paused:
            return
        if self.trainer is None:
            return
        ipe, it = self.trainer.iters_per_epoch, self.trainer.iteration
        self.worker.step(ipe - it % ipe if epoch else 1)

    @Slot()
    def stop(self) -> None:
        if self.running:
            self.worker.stop()  # straight from the GUI thread (DESIGN.md point 9)
            self.stats.show_message("Stopping…")

    @Slot()
    def reset(self) -> None:
        """Clear the plots and numbers for the next run. The current model stays: an untrained
        network guesses at chance, and every Start builds its fresh network from the settings."""
        if self.running:
            return
        try:
            cfg = self.form.config()
            check_network([784, *cfg.hidden, 10], cfg.dtype)  # say now if Start could not build it
        except NotEnoughMemory as exc:
            self._refuse("reset", exc)
            return
        except ValueError as exc:
            self.stats.show_message(f"Cannot reset: {exc}", "error")
            return
        self.plots.start_run(1, None)
        self.stats.clear()
        model = self.context.model
        kept = f"The current model ({model.name}) is unchanged." if model is not None else ""
        self.stats.show_message(f"Cleared. Start trains a fresh {'-'.join(map(str, (784, *cfg.hidden, 10)))} "
                                f"network from these settings (seed {cfg.seed}). {kept}".strip())

    @Slot(float)
    def _on_lr_changed(self, lr: float) -> None:
        if self.running and self.trainer is not None:
            self.trainer.set_lr(lr)
            self.stats.show_message(f"Learning rate set to {lr:g}: it applies from the next step.")

    @Slot(str)
    def _on_lr_invalid(self, reason: str) -> None:
        if self.running:
            self.stats.show_message(f"The learning rate was not changed: {reason}.", "error")

    # ------------------------------------------------------------------ worker signals
    @Slot(list)
    def _on_progressed(self, records: list) -> None:
        if self._closing or self.run is None or self.sender() is not self.worker:
            return
        self.run.add(records)
        self.plots.add_records(records)
        for rec in records:
            if isinstance(rec, EpochRecord):
                self.stats.set("train_acc", f"{100 * rec.train_acc:.2f}%")
                self.stats.set("test_acc", f"{100 * rec.test_acc:.2f}%")
            elif isinstance(rec, DivergedRecord):
                self.stats.show_message(rec.message, "error")
            elif isinstance(rec, NotLearningRecord):
                self.stats.show_message(rec.message, "error")
        self._speed_marks.append((time.monotonic(), self.trainer.iteration))
        self._update_progress()

    def _account_time(self) -> None:
        if self._resumed_at is not None:
            now = time.monotonic()
            self._active_s += now - self._resumed_at
            self._resumed_at = now

    def _update_progress(self) -> None:
        run, trainer = self.run, self.trainer
        if run is None or trainer is None:
            return
        # The last iteration the GUI has a record of (not the worker's live counter), so the
        # numbers, the progress bar and the plots always describe the same step.
        it = run.iterations[-1] if run.iterations else 0
        self._account_time()
        marks = [m for m in self._speed_marks if m[0] >= time.monotonic() - SPEED_WINDOW_S]
        self._speed_marks = marks
        rate = None
        if len(marks) >= 2 and marks[-1][0] > marks[0][0]:
            rate = (marks[-1][1] - marks[0][1]) / (marks[-1][0] - marks[0][0])
        elif self._active_s > 0 and it:
            rate = it / self._active_s
        avg = self.plots.loss_plot.last("loss_avg")
        avg = math.nan if avg is None else avg
        self.stats.set("epoch", f"{it / trainer.iters_per_epoch:.2f}")
        self.stats.set("iteration", f"{it:,}")
        self.stats.set("loss", f"{avg:.4f}" if math.isfinite(avg) else "–")
        self.stats.set("speed", f"{rate * run.config.batch_size:,.0f}" if rate else "–")
        self.stats.set("elapsed", format_seconds(self._active_s))
        remaining = trainer.total_iterations - it
        self.stats.set("eta", format_seconds(remaining / rate) if rate and self.running else "–")
        state = ("paused" if self.paused else "running" if self.running
                 else run.finished.reason if run.finished else "done")
        self.stats.set_progress(it, trainer.total_iterations, state)

    @Slot(object)
    def _on_snapshot(self, snapshot) -> None:
        if not self._closing:
            self.context.weights_snapshot.emit(snapshot)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._closing:
            return
        if message.startswith(f"{NotEnoughMemory.__name__}: "):  # refused by the Trainer's own check
            self._refuse("start", NotEnoughMemory(message.split(": ", 1)[1]))
            return
        if message.startswith("MemoryError"):
            message += " (the system ran out of memory: try smaller hidden sizes, batch or synthetic digits)"
        self.stats.show_message(f"Training failed: {message}", "error")
        QMessageBox.critical(self, "Training failed", f"The run stopped because of an error:\n\n{message}")

    @Slot(object)
    def _on_finished(self, final) -> None:
        worker = self.sender()
        if worker is None or worker is not self.worker:
            return
        worker.wait(5000)
        self._account_time()
        self._resumed_at = None
        self.worker = None
        if self._closing:
            return
        run = self.run
        if run is None:  # stopped or failed while preparing the data
            self.context.set_training(False)
            self.stats.clear()
            if final.reason == "stopped":  # (a failure has already said what went wrong)
                self.stats.show_message("Stopped while the training data was being prepared; the "
                                        "current model is unchanged.")
            self._update_buttons()
            return
        run.add([final])
        self._update_progress()
        if final.iteration < self.trainer.total_iterations:
            self.plots.fit_to_data()  # an early end: the part of the run that exists fills the plots
        self._publish_or_keep(run, final)
        self.context.set_training(False)
        self.history_box.set_runs(self.history.runs, shown=run.number)
        self._update_buttons()
        self._save_history()

    def _final_accuracy(self, run, final) -> float | None:
        """The test accuracy of the run's network now: the last epoch record's when it was taken at
        the end, else measured on a few thousand test images (a stop between two epoch ends)."""
        if run.epochs and run.epochs[-1].iteration == final.iteration and final.final_test_acc is not None:
            return final.final_test_acc
        t = self.trainer
        return t.network.accuracy(t.x_test[:QUICK_EVAL_LIMIT], t.t_test[:QUICK_EVAL_LIMIT])

    def _publish_or_keep(self, run, final) -> None:
        """A usable run becomes the current model; otherwise the previous model stays and the
        message says why (a run at chance or a diverged one never replaces a model that works)."""
        current = self.context.model
        kept = (f"The current model is still {current.name}." if current is not None
                else "There is still no current model.")
        if final.reason == "stopped" and final.iteration == 0:
            self.stats.show_message(f"Run {run.number} stopped before its first step; the current "
                                    f"model is unchanged.")
            return
        if final.reason == "failed":
            return
        accuracy = None if run.diverged else self._final_accuracy(run, final)
        why = unusable_reason(final, run.diverged, accuracy, self.trainer.network.sizes[-1])
        stuck = f" {run.not_learning.message}" if run.not_learning else ""
        if why:
            if final.reason == "diverged":
                lr = run.diverged.lr if run.diverged else run.config.lr
                text = ((run.diverged.message if run.diverged else "Training diverged.")
                        + f" For example {lr / 10:g} instead of {lr:g}.")
            else:
                text = f"Run {run.number} {final.reason} after {final.iteration:,} iterations, but {why}."
                text += stuck
            self.stats.show_message(f"{text} {kept}", "error")
            return
        name = f"run {run.number} ({final.reason})"
        self.context.set_model(ModelInfo(self.trainer.network.copy(), name, "trained",
                                         meta={"config": run.config.to_dict(), "preset": run.preset,
                                               "history": self._meta_history(run)}))
        self.stats.show_message(f"Run {run.number} {final.reason} after {final.iteration:,} iterations: "
                                f"test accuracy {100 * accuracy:.2f}%. It is now the current model "
                                f"(File ▸ Save model… keeps it).{stuck}", "error" if stuck else "ok")

    def _save_history(self) -> None:
        try:
            self.history.save(history_path())
        except (OSError, ValueError) as exc:
            self.stats.show_message(f"{self.stats.message.text()} (The run history could not be saved: "
                                    f"{getattr(exc, 'strerror', None) or exc}.)", "error")

    def _meta_history(self, run) -> dict:
        h = run.history()
        loss = h["loss"]
        step = max(1, math.ceil(len(loss["iteration"]) / META_LOSS_POINTS))
        h["loss"] = {"iteration": loss["iteration"][::step], "loss": loss["loss"][::step]}
        return h

    # ------------------------------------------------------------------ history
    @Slot(int)
    def _on_show_run(self, number: int) -> None:
        run = self.history.get(number)
        if run is not None and not self.running:
            self.plots.show_run(run)
            if self.history_box.overlay_run():
                self._on_overlay_run(self.history_box.overlay_run())

    @Slot(int)
    def _on_overlay_run(self, number: int) -> None:
        run = self.history.get(number)
        if run is None:
            self.plots.clear_overlay()
        else:
            self.plots.set_overlay(run)

    @Slot(int)
    def _on_export_run(self, number: int) -> None:
        run = self.history.get(number)
        if run is None:
            return
        start = Path(settings.read_str(settings.LAST_EXPORT_DIR, str(Path.home()))) / f"run-{number}.csv"
        path, _ = QFileDialog.getSaveFileName(self, "Export run history", str(start),
                                              "CSV table (*.csv);;JSON (*.json)")
        if path:
            self.export_run(number, path)

    def export_run(self, number: int, path) -> bool:
        run = self.history.get(number)
        if not save_or_report(self, path, lambda: run.export(path), "Export run history"):
            return False
        settings.set_value(settings.LAST_EXPORT_DIR, str(Path(path).parent))
        self.stats.show_message(f"Run {number} exported to {path}.", "ok")
        return True

    @Slot(int)
    def _on_reuse_run(self, number: int) -> None:
        run = self.history.get(number)
        if run is not None and not self.running:
            self.form.set_config(run.config)
            self.form.from_dict({"config": run.config.to_dict(), "preset": run.preset})

    # ------------------------------------------------------------------ main window hooks
    def export_plot(self) -> None:
        start = Path(settings.read_str(settings.LAST_EXPORT_DIR, str(Path.home()))) / "training.png"
        path, _ = QFileDialog.getSaveFileName(self, "Export plots", str(start), "PNG image (*.png)")
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            if not save_or_report(self, path, lambda: save_image(self.plots.grab(), path)):
                return
            settings.set_value(settings.LAST_EXPORT_DIR, str(Path(path).parent))

    def save_settings(self) -> None:
        settings.write_json(settings.HYPERPARAMETERS, self.form.to_dict())
        settings.set_value(settings.TRAINING_X_AXIS, self.plots.x_mode())

    def restore_settings(self) -> None:
        d = settings.read_json(settings.HYPERPARAMETERS)
        if d is not None:
            self.form.from_dict(d)
        self.plots.set_x_mode(settings.read_str(settings.TRAINING_X_AXIS, "iterations"))

    def shutdown(self) -> None:
        """Stop a run and join its thread (the window is closing). The stopped run ends as any
        stopped run does: its last records and its end are taken in, and the history is saved."""
        self._start_when_loaded = None
        worker = self.worker
        if worker is not None and not self._closing:
            worker.stop()
            if worker.wait(2_000):
                # The worker's last batch and its `finished` are queued to this thread: take them now.
                QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
            else:  # only while preparing data: one uninterruptible call
                worker.park()
        self._closing = True
        if self.worker is not None:  # its end did not arrive: keep what is known of the run
            final = self.worker.final
            self.worker = None
            if self.run is not None and self.run.finished is None and final is not None:
                self.run.add([final])
                self._save_history()
            self.context.set_training(False)
