"""The training panel's run controller: start, pause, step, stop and finish a run in a worker."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtWidgets import QMessageBox

from nnstudio.core.nn.memory import NotEnoughMemory
from nnstudio.core.nn.presets import EVAL_TRAIN, PRESETS
from nnstudio.core.nn.speed import RunClock
from nnstudio.core.nn.trainer import Trainer
from nnstudio.gui.panels.training.outcome import publish_or_keep
from nnstudio.gui.panels.training.preflight import check_memory, extra_train_kwargs
from nnstudio.gui.run_history import history_path
from nnstudio.gui.widgets.param_form import CUSTOM
from nnstudio.gui.workers import DEFAULT_BLAS_THREADS, TrainingWorker

# Train accuracy on at most this many images when the settings do not say (custom ones): the same
# figure the presets give the app and the command line, and epoch ends stay short.
EVAL_TRAIN_LIMIT = EVAL_TRAIN
# Records arrive in batches at most this often; each batch is one plot update (a repaint of both
# plots measured 10-40 ms on this machine with the CPU shared: 10 Hz keeps the GUI thread light).
UPDATE_INTERVAL_S = 0.1


class RunController(QObject):
    """Runs a Trainer in a TrainingWorker for the panel's views and keeps its buttons in step.

    `parent` is the panel: dialogs open over it. `views` holds the panel's parts: form, controls,
    stats, plots, history_box."""

    def __init__(self, context, history, views, parent=None):
        super().__init__(parent)
        self.context, self.history = context, history
        self.form, self.controls, self.stats = views.form, views.controls, views.stats
        self.plots, self.history_box = views.plots, views.history_box
        self.worker: TrainingWorker | None = None
        self.run = None
        self.trainer = None
        self.clock = RunClock()
        self._pending: dict = {}
        self._closing = False
        self._stopping = False
        self._dataset_name = ""
        self._start_when_loaded: tuple | None = None  # (paused_steps, step_epoch) of a Start waiting for data
        self.blas_threads = DEFAULT_BLAS_THREADS  # the GUI bench compares settings through this
        context.dataset_changed.connect(self._on_dataset_changed)
        context.dataset_failed.connect(self._on_dataset_failed)

    # ------------------------------------------------------------------ state
    @property
    def running(self) -> bool:
        return self.worker is not None

    @property
    def paused(self) -> bool:
        return self.worker is not None and self.worker.paused

    def state(self) -> str:
        """The row of controls.BUTTON_STATES that holds now."""
        if not self.running:
            if self._start_when_loaded is not None:
                return "waiting"
            return "finished" if self.run is not None else "idle"
        if self.paused:
            return "paused"
        return "stopping" if self._stopping else "preparing" if self.trainer is None else "running"

    def update_buttons(self) -> None:
        row = self.controls.apply(self.state())
        self.form.set_running(row.locked)
        self.history_box.set_running(row.locked)

    # ------------------------------------------------------------------ start
    def start(self, paused_steps: int | None = None, step_epoch: bool = False) -> bool:
        """Start a run from a fresh network. With `paused_steps` (or `step_epoch`), start paused
        after that many steps (or one epoch). The Trainer is built in the worker thread: synthetic
        digits or a big extra set can take seconds to prepare."""
        if self.running or self._closing or self._start_when_loaded is not None:
            return False
        try:
            cfg = self.form.config()
            kwargs = extra_train_kwargs(self.form)
            check_memory(self.context, cfg, kwargs)
        except NotEnoughMemory as exc:
            self.refuse("start", exc)
            return False
        except (ValueError, TypeError) as exc:
            self.stats.show_message(self.tr("Cannot start: {reason}").format(reason=exc), "error")
            return False
        dataset = self.context.ensure_dataset()
        if dataset is None:  # loading in the background: start when it is announced
            self._start_when_loaded = (paused_steps, step_epoch)
            self.stats.say(lambda: self.tr("Loading dataset… the run starts as soon as it is ready."))
            self.update_buttons()
            return True
        self._pending = {"config": cfg, "preset": self.form.preset_name(), "step_epoch": step_epoch,
                         "extra": len(kwargs["extra_train"][0]) if kwargs else 0}
        self.run = None
        self.trainer = None
        self._stopping = False
        self.stats.clear()
        starts_paused = paused_steps is not None or step_epoch
        self.clock.start(paused=starts_paused)
        eval_limit = cfg.eval_train or EVAL_TRAIN_LIMIT
        data = dataset.data  # handed to the worker: the run keeps it even if the dataset changes
        self._dataset_name = dataset.name

        def factory(stop_event, report):
            return Trainer(cfg, data, eval_train_limit=eval_limit, stop_event=stop_event, progress=report,
                           **kwargs)

        self.worker = TrainingWorker(factory=factory, start_paused=starts_paused,
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
        if starts_paused:
            self.context.set_training_paused(True)
        number = self.history.next_number()
        self.stats.say(lambda: self.tr("Run {number}: preparing the training data…").format(number=number))
        self.stats.show_preparing()
        self.update_buttons()
        return True

    def refuse(self, action: str, exc: NotEnoughMemory) -> None:
        """A configuration too big for this computer: say so in the panel and in a dialog."""
        text = str(exc)  # core's figure and advice (English, as core's messages are for now)
        text = text[:1].upper() + text[1:]
        said = (self.tr("Cannot reset: {reason}.") if action == "reset"
                else self.tr("Cannot start: {reason}.")).format(reason=text)
        self.stats.show_message(said, "error")
        QMessageBox.warning(self.parent(), self.tr("Not enough memory"), f"{text}.")

    @Slot(object)
    def _on_dataset_changed(self, _info) -> None:
        waiting, self._start_when_loaded = self._start_when_loaded, None
        if waiting is not None and not self._closing:
            self.update_buttons()
            paused_steps, step_epoch = waiting
            self.start(paused_steps=paused_steps, step_epoch=step_epoch)

    @Slot(str)
    def _on_dataset_failed(self, message: str) -> None:
        if self._start_when_loaded is not None:
            self._start_when_loaded = None
            self.stats.show_message(self.tr("Cannot start: the dataset did not load ({reason})").format(reason=message),
                                    "error")
            self.update_buttons()

    @Slot(int, int)
    def _on_preparing(self, done: int, total: int) -> None:
        """Synthetic digits are being drawn (60,000 take most of a minute): say how far it is."""
        if self._closing or self.sender() is not self.worker or not total:
            return
        number = self.history.next_number()
        self.stats.say(lambda: self.tr("Run {number}: drawing {total:,} synthetic pad-style digits before "
                                                "training starts (Stop cancels)…").format(number=number, total=total))
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
                             trainer.total_iterations, preset.baselines if preset else ())
        n_train = len(trainer.x_train)
        self.stats.set_train_eval(min(trainer.eval_train_limit or n_train, n_train), n_train)
        self.history_box.set_runs(self.history.runs, shown=self.run.number)
        if not self.history_box.overlay_run():  # the compared run left the history
            self.plots.clear_overlay()
        if pending["step_epoch"]:
            self.worker.step(trainer.iters_per_epoch)
        try:
            lr = self.form.lr_value()
            if lr != cfg.lr:  # edited while the data was being prepared
                trainer.set_lr(lr)
        except ValueError:
            pass
        number, images, extra, dataset = self.run.number, len(trainer.x_train), pending["extra"], self._dataset_name

        def training_on() -> str:
            if extra:
                return self.tr("Run {number}: training on {images:,} images, with {extra} of your digits "
                               "({dataset}).").format(number=number, images=images, extra=extra, dataset=dataset)
            return self.tr("Run {number}: training on {images:,} images ({dataset}).").format(
                number=number, images=images, dataset=dataset)

        self.stats.say(training_on)
        self.stats.set_progress(0, trainer.total_iterations, "paused" if self.paused else "running")

    # ------------------------------------------------------------------ pause, step, stop
    @Slot()
    def toggle_pause(self) -> None:
        if not self.running:
            return
        if self.worker.paused:
            self.worker.resume()
            self.clock.resume()
            self.context.set_training_paused(False)
            if self.run is not None:
                number = self.run.number
                self.stats.say(lambda: self.tr("Run {number}: training resumed.").format(number=number))
        else:
            self.worker.pause()
            self.clock.pause(self._last_iteration())
            self.context.set_training_paused(True)
            if self.run is not None:
                number = self.run.number
                self.stats.say(lambda: self.tr("Run {number} paused: F5 resumes, Step does one mini-batch. "
                                                        "Speed and time left stand still until it resumes.").format(
                    number=number))
        self.update_buttons()
        self.update_progress()

    def _last_iteration(self) -> int:
        """The last iteration the GUI has a record of."""
        return self.run.iterations[-1] if self.run is not None and self.run.iterations else 0

    def step(self, epoch: bool = False) -> None:
        """One mini-batch (or the rest of the epoch) of a paused run; from idle, a paused start."""
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
            # Called straight from the GUI thread, not by a queued signal: a signal to the worker's
            # object would wait behind its busy loop until training ends. stop() sets a threading.Event
            # the loop checks between two steps (docs/architecture.md, gui/workers.py).
            self.worker.stop()
            self._stopping = True
            self.stats.say(lambda: self.tr("Stopping…"))

    # ------------------------------------------------------------------ the worker's reports
    @Slot(list)
    def _on_progressed(self, records: list) -> None:
        if self._closing or self.run is None or self.sender() is not self.worker:
            return
        self.run.add(records)
        self.plots.add_records(records)
        self.stats.show_records(records)
        self.clock.mark(self.trainer.iteration)
        self.update_progress()

    def update_progress(self) -> None:
        if self.run is None or self.trainer is None:
            return
        state = ("paused" if self.paused else "running" if self.running
                 else self.run.finished.reason if self.run.finished else "done")
        self.stats.show_progress(self.run, self.trainer.iters_per_epoch, self.trainer.total_iterations,
                                 self.clock, self.plots.loss_plot.last("loss_avg"), state, self.running)

    @Slot(object)
    def _on_snapshot(self, snapshot) -> None:
        if not self._closing:
            self.context.weights_snapshot.emit(snapshot)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._closing:
            return
        if message.startswith(f"{NotEnoughMemory.__name__}: "):  # refused by the Trainer's own check
            self.refuse("start", NotEnoughMemory(message.split(": ", 1)[1]))
            return
        if message.startswith("MemoryError"):
            message = self.tr("{error} (the system ran out of memory: try smaller hidden sizes, batch or synthetic "
                              "digits)").format(error=message)
        self.stats.show_message(self.tr("Training failed: {error}").format(error=message), "error")
        QMessageBox.critical(self.parent(), self.tr("Training failed"),
                             self.tr("The run stopped because of an error:\n\n{error}").format(error=message))

    @Slot(object)
    def _on_finished(self, final) -> None:
        worker = self.sender()
        if worker is None or worker is not self.worker:
            return
        worker.wait(5000)
        self.clock.pause(self._last_iteration())
        self.worker = None
        if self._closing:
            return
        run = self.run
        if run is None:  # stopped or failed while preparing the data
            self.context.set_training(False)
            self.stats.clear()
            if final.reason == "stopped":  # (a failure has already said what went wrong)
                self.stats.say(lambda: self.tr("Stopped while the training data was being prepared; "
                                                        "the current model is unchanged."))
            self.update_buttons()
            return
        run.add([final])
        self.update_progress()
        if final.iteration < self.trainer.total_iterations:
            self.plots.fit_to_data()  # an early end: the part of the run that exists fills the plots
        publish_or_keep(self.context, self.stats, self.trainer, run, final)
        self.context.set_training(False)
        self.history_box.set_runs(self.history.runs, shown=run.number)
        self.update_buttons()
        self.save_history()

    def save_history(self) -> None:
        try:
            self.history.save(history_path())
        except (OSError, ValueError) as exc:
            said, reason = self.stats.message.text(), getattr(exc, "strerror", None) or exc
            self.stats.show_message(self.tr("{message} (The run history could not be saved: {reason}.)").format(
                message=said, reason=reason), "error")

    def shutdown(self) -> None:
        """Stop a run and join its thread (the window is closing). The stopped run ends as any
        stopped run does: its last records and its end are taken in, and the history is saved."""
        self._start_when_loaded = None
        worker = self.worker
        if worker is not None and not self._closing:
            worker.stop()
            if worker.wait(2_000):
                # The worker's last batch and its `finished` are queued to this object: take them now.
                QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
            else:  # only while preparing data: one uninterruptible call
                worker.park()
        self._closing = True
        if self.worker is not None:  # its end did not arrive: keep what is known of the run
            final = self.worker.final
            self.worker = None
            if self.run is not None and self.run.finished is None and final is not None:
                self.run.add([final])
                self.save_history()
            self.context.set_training(False)
