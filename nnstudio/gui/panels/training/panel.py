"""The training panel: settings, run controls, live loss/accuracy plots and numbers, run history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget

from nnstudio.core.nn.memory import NotEnoughMemory, check_network, check_training
from nnstudio.gui import settings
from nnstudio.gui.panels.training.controller import RunController
from nnstudio.gui.panels.training.controls import RunControls
from nnstudio.gui.panels.training.history import RunHistoryBox
from nnstudio.gui.panels.training.messages import model_name
from nnstudio.gui.panels.training.outcome import final_accuracy
from nnstudio.gui.panels.training.plots import TrainingPlots
from nnstudio.gui.panels.training.stats import TrainingStats
from nnstudio.gui.run_history import RunHistory, history_path
from nnstudio.gui.saving import save_or_report
from nnstudio.gui.widgets.param_form import ParamForm
from nnstudio.gui.widgets.retranslate import Retranslatable


class TrainingPanel(Retranslatable, QWidget):
    """Train a network on the context's dataset in a worker thread and watch it learn.

    The panel composes the settings form, the run controls, the numbers, the plots and the run
    history box; its RunController (`self.controller`) runs the worker and keeps the buttons in step."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        # Runs of earlier sessions; a damaged file is set aside and said so, never blocks the start.
        self.history, self.history_notice = RunHistory.load(history_path())

        self.form = ParamForm()
        self.form.setObjectName("paramForm")
        self.controls = RunControls()
        c = self.controls
        self.start_button, self.pause_button, self.stop_button = c.start_button, c.pause_button, c.stop_button
        self.step_button, self.step_epoch_button, self.reset_button = (c.step_button, c.step_epoch_button,
                                                                       c.reset_button)
        self.start_pause_action, self.stop_action, self.reset_action = (c.start_pause_action, c.stop_action,
                                                                        c.reset_action)
        self.step_action, self.step_epoch_action = c.step_action, c.step_epoch_action
        self.history_box = RunHistoryBox()
        self.stats = TrainingStats()
        self.plots = TrainingPlots()
        self.controller = RunController(context, self.history, views=self, parent=self)

        # Left: the settings (they scroll on a short screen, never sideways) above the run controls,
        # which stay in view. Right: the numbers, the plots (they shrink) and the run history.
        form_scroll = QScrollArea()
        form_scroll.setObjectName("trainingFormScroll")
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.NoFrame)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        # As wide as the form needs with a vertical scroll bar beside it: nothing is cut at the right.
        form_scroll.setMinimumWidth(self.form.minimumSizeHint().width()
                                    + form_scroll.verticalScrollBar().sizeHint().width() + 4)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(form_scroll, 1)
        left_layout.addWidget(self.controls)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        right_layout.addWidget(self.stats)
        right_layout.addWidget(self.plots, 1)
        right_layout.addWidget(self.history_box)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1, 10_000])  # the settings at their minimum width, the rest to the plots
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.start_pause_action.triggered.connect(self.start_or_pause)
        self.stop_action.triggered.connect(self.stop)
        self.step_action.triggered.connect(self.step)
        self.step_epoch_action.triggered.connect(self.step_epoch)
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
        self.history_box.open_requested.connect(self.open_run_dialog)  # open_run.py
        self.controller.update_buttons()
        if self.history.runs:
            self.history_box.set_runs(self.history.runs)
            self.plots.show_run(self.history.runs[-1])
            n = len(self.history)
            self.stats.say(lambda: (self.tr("{n} runs of earlier sessions are in the run history.") if n != 1
                                             else self.tr("{n} run of earlier sessions is in the run history."))
                                    .format(n=n))
        if self.history_notice:
            self.stats.show_message(self.history_notice, "error")
        self.retranslate()

    def retranslate(self) -> None:
        self.esc_shortcut.setWhatsThis(self.tr("Stop the run (in the Training panel)"))  # Help ▸ Keyboard shortcuts

    def menu_actions(self) -> list:
        """Actions the main window puts in its Training menu."""
        return self.controls.actions_for_menu()

    # ------------------------------------------------------------------ the run, from the controller
    @property
    def running(self) -> bool:
        return self.controller.running

    @property
    def paused(self) -> bool:
        return self.controller.paused

    @property
    def worker(self):
        return self.controller.worker

    @property
    def run(self):
        return self.controller.run

    @property
    def trainer(self):
        return self.controller.trainer

    @property
    def blas_threads(self) -> int | None:
        return self.controller.blas_threads

    @blas_threads.setter
    def blas_threads(self, value: int | None) -> None:  # the GUI bench compares settings through this
        self.controller.blas_threads = value

    def start(self, paused_steps: int | None = None, step_epoch: bool = False) -> bool:
        """Start a fresh run (see RunController.start); False when it cannot start."""
        return self.controller.start(paused_steps, step_epoch)

    def _final_accuracy(self, run, final) -> float | None:
        return final_accuracy(self.trainer, run, final)

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

    @Slot()
    def toggle_pause(self) -> None:
        self.controller.toggle_pause()

    @Slot()
    def step(self) -> None:
        self.controller.step(epoch=False)

    @Slot()
    def step_epoch(self) -> None:
        self.controller.step(epoch=True)

    @Slot()
    def stop(self) -> None:
        self.controller.stop()

    @Slot()
    def reset(self) -> None:
        """Clear the plots and numbers for the next run. The current model stays: an untrained
        network guesses at chance, and every Start builds its fresh network from the settings."""
        if self.running:
            return
        try:
            cfg = self.form.config()
            if cfg.arch:  # say now if Start could not build it
                check_training(cfg)
            else:
                check_network([784, *cfg.hidden, 10], cfg.dtype)
        except NotEnoughMemory as exc:
            self.controller.refuse("reset", exc)
            return
        except ValueError as exc:
            self.stats.show_message(self.tr("Cannot reset: {reason}").format(reason=exc), "error")
            return
        self.plots.start_run(1, None)
        self.stats.clear()
        model = self.context.model
        shape = f"'{cfg.arch}'" if cfg.arch else "-".join(map(str, (784, *cfg.hidden, 10)))

        def cleared() -> str:
            text = self.tr("Cleared. Start trains a fresh {shape} network from these settings (seed {seed}).").format(
                shape=shape, seed=cfg.seed)
            if model is not None:
                text += " " + self.tr("The current model ({name}) is unchanged.").format(name=model_name(model.name))
            return text

        self.stats.say(cleared)

    @Slot(float)
    def _on_lr_changed(self, lr: float) -> None:
        if self.running and self.trainer is not None:
            self.trainer.set_lr(lr)
            self.stats.say(lambda: self.tr("Learning rate set to {lr}: it applies from the next step.").format(
                lr=f"{lr:g}"))

    @Slot(str)
    def _on_lr_invalid(self, reason: str) -> None:
        if self.running:
            self.stats.show_message(self.tr("The learning rate was not changed: {reason}.").format(reason=reason), "error")

    # ------------------------------------------------------------------ history
    @Slot(int)
    def _on_show_run(self, number: int) -> None:
        run = self.history.get(number)
        if run is not None and not self.running:
            self.plots.show_run(run)
            self._on_overlay_run(self.history_box.overlay_run())  # none, if it was the run now shown

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
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export run history"), str(start),
                                              self.tr("CSV table (*.csv);;JSON (*.json)"))
        if path:
            self.export_run(number, path)

    def export_run(self, number: int, path) -> bool:
        run = self.history.get(number)
        if not save_or_report(self, path, lambda: run.export(path), self.tr("Export run history")):
            return False
        settings.set_value(settings.LAST_EXPORT_DIR, str(Path(path).parent))
        self.stats.say(lambda: self.tr("Run {number} exported to {path}.").format(number=number, path=path), "ok")
        return True

    @Slot()
    def open_run_dialog(self) -> None:
        from nnstudio.gui.panels.training.open_run import open_run_dialog

        open_run_dialog(self)

    @Slot(int)
    def _on_reuse_run(self, number: int) -> None:
        run = self.history.get(number)
        if run is not None and not self.running:
            self.form.set_config(run.config)
            self.form.from_dict({"config": run.config.to_dict(), "preset": run.preset})

    # ------------------------------------------------------------------ main window hooks
    def export_plot(self):
        """File ▸ Export plot…: the loss and accuracy plots as PNG, SVG or CSV (saving.export_plot)."""
        from nnstudio.gui.saving import export_plot

        return export_plot(self, self.plots, "training")

    def save_settings(self) -> None:
        settings.write_json(settings.HYPERPARAMETERS, self.form.to_dict())
        settings.set_value(settings.TRAINING_X_AXIS, self.plots.x_mode())

    def restore_settings(self) -> None:
        d = settings.read_json(settings.HYPERPARAMETERS)
        if d is not None:
            self.form.from_dict(d)
        self.plots.set_x_mode(settings.read_str(settings.TRAINING_X_AXIS, "iterations"))

    def shutdown(self) -> None:
        """Stop a run and join its thread (the window is closing); see RunController.shutdown."""
        self.controller.shutdown()
