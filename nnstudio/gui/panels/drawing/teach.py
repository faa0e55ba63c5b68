"""TeachBox: "Teach it my handwriting": fine-tune the pad's model on my digits (in a JobWorker),
show the accuracies before and after, keep the result only when MNIST holds, and undo it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from nnstudio.core.digits import finetune as ft
from nnstudio.core.nn.memory import NotEnoughMemory
from nnstudio.gui import theme
from nnstudio.gui.context import ModelInfo
from nnstudio.gui.widgets.retranslate import Retranslatable

SUFFIX = " + my handwriting"  # a tuned model's name: its base's and this (translated)


class TeachBox(Retranslatable, QWidget):
    """One row: Teach / Cancel / Undo, a progress bar while it runs, the outcome in words.

    `panel` is the drawing panel: `network()`, `model_name()`, `choice()`, `set_choice(key)` and
    `my_digits.x`, `my_digits.t`. A kept result becomes the app's current model (so it can be
    saved like any run) and the pad switches to it; Undo puts back the previous current model and
    the pad's previous choice (their networks were never modified: the old parameters exactly).

    finished(object) : the FinetuneResult, or None when cancelled or failed.
    """

    finished = Signal(object)
    settings = ft.FinetuneSettings()

    def __init__(self, context, panel, parent=None):
        super().__init__(parent)
        self.context, self.panel = context, panel
        self.job = None
        self.result: ft.FinetuneResult | None = None
        self._waiting_for_data = False
        self._base = None  # (network, name, choice) being tuned
        self._undo = None  # (the published ModelInfo, the previous one, the pad's previous choice)
        self._blas = None
        self._test_set = None  # the test set's name (None: the bundled MNIST)
        self._said = (lambda: "", False)  # what the result label says: (its text, made anew; an error?)
        self._stage = None  # the running stage's key ("before", "training", "after"), None before one
        self.teach_button = QPushButton(objectName="teachButton")
        self.teach_button.clicked.connect(self.teach)
        self.cancel_button = QPushButton(objectName="teachCancel", enabled=False)
        self.cancel_button.clicked.connect(self.cancel)
        self.undo_button = QPushButton(objectName="teachUndo", enabled=False)
        self.undo_button.clicked.connect(self.undo)
        self.progress = QProgressBar(objectName="teachProgress")
        self.progress.setFixedWidth(170)
        self.progress.hide()
        self.result_label = QLabel("", objectName="teachResult", wordWrap=True)
        self.result_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.teach_button)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label, 1)
        context.model_changed.connect(self._on_model_changed)
        context.dataset_changed.connect(self._on_dataset_changed)
        context.dataset_failed.connect(self._on_dataset_failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.teach_button.setText(self.tr("Teach it my handwriting"))
        self.teach_button.setToolTip(self.tr(
            "Fine-tune the pad's model on your labelled digits mixed with MNIST (a few seconds). "
            "Kept only if its MNIST test accuracy stays within 0.5 point; Undo goes back."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.undo_button.setText(self.tr("Undo teaching"))
        self._show_stage()
        self._show_said()

    @property
    def busy(self) -> bool:
        return self.job is not None or self._waiting_for_data

    # ------------------------------------------------------------------ start
    @Slot()
    def teach(self) -> bool:
        """Start fine-tuning (after loading MNIST if needed); False when it cannot start (a reason
        is shown) or already runs."""
        if self.busy:
            return False
        network = self.panel.network()
        if network is None:
            self._say(lambda: self.tr("There is no model to teach: train one or open one."), error=True)
            return False
        n = len(self.panel.my_digits.t)
        if n == 0:
            self._say(lambda: self.tr("Draw some digits and keep them with the 0-9 buttons first: the model "
                                      "learns from those."), error=True)
            return False
        try:
            ft.check_finetune(network, n, self.settings)
        except NotEnoughMemory as exc:
            QMessageBox.warning(self, self.tr("Teach it my handwriting"), str(exc))
            return False
        self._base = (network, self.panel.model_name(), self.panel.choice())
        self._set_running(True)
        dataset = self.context.ensure_dataset()
        if dataset is None:
            self._waiting_for_data = True
            self._say(lambda: self.tr("Loading MNIST (it is mixed in, and measured)…"))
            return True
        self._start(dataset)
        return True

    def _start(self, dataset) -> None:
        from nnstudio.gui.workers import DEFAULT_BLAS_THREADS, JobWorker

        network, name, _ = self._base
        x, t = self.panel.my_digits.x.copy(), self.panel.my_digits.t.copy()
        self._test_set = None if dataset.directory is None else dataset.name
        n = len(t)
        self._say(lambda: (self.tr("Teaching {model} your {n} digits…") if n != 1 else
                           self.tr("Teaching {model} your digit…")).format(model=name, n=n))
        if DEFAULT_BLAS_THREADS:  # leave a core to the GUI thread (set here: OpenBLAS's count is process-wide)
            from threadpoolctl import threadpool_limits

            self._blas = threadpool_limits(limits=DEFAULT_BLAS_THREADS, user_api="blas")
        self.job = JobWorker(ft.finetune, network, (x, t), dataset.data, self.settings, name="finetune")
        self.job.yielded.connect(self._on_progress)
        self.job.result.connect(self._on_result)
        self.job.error.connect(self._on_error)
        self.job.finished.connect(self._on_job_finished)
        self.job.start()

    @Slot(object)
    def _on_dataset_changed(self, dataset) -> None:
        if self._waiting_for_data:
            self._waiting_for_data = False
            self._start(dataset)

    @Slot(str)
    def _on_dataset_failed(self, message: str) -> None:
        if self._waiting_for_data:
            self._waiting_for_data = False
            self._set_running(False)
            self._say(lambda: self.tr("MNIST could not be loaded: {reason}").format(reason=message), error=True)

    # ------------------------------------------------------------------ while it runs
    @Slot(object)
    def _on_progress(self, record) -> None:
        if self.sender() is not self.job or not isinstance(record, ft.FinetuneProgress):
            return
        self.progress.setRange(0, max(record.total, 1))
        self.progress.setValue(record.done)
        self._stage = record.stage
        self._show_stage()

    def _show_stage(self) -> None:
        """The progress bar's text: the stage running and the percentage."""
        if self._stage is None:
            self.progress.setFormat("")
            return
        stage = {"before": self.tr("Measuring before"), "training": self.tr("Training"),
                 "after": self.tr("Measuring after")}.get(self._stage, self._stage)
        self.progress.setFormat(f"{stage} %p%")

    @Slot()
    def cancel(self) -> None:
        """Stop fine-tuning without waiting; nothing changes."""
        if self._waiting_for_data:
            self._waiting_for_data = False
        job, self.job = self.job, None
        if job is not None:
            job.cancel()
        self._restore_blas()
        self._set_running(False)
        self._say(lambda: self.tr("Cancelled: the model is unchanged."))
        self.finished.emit(None)

    @Slot(str)
    def _on_error(self, message: str) -> None:
        if self.sender() is not self.job:
            return
        self.job = None
        self._restore_blas()
        self._set_running(False)
        self._say(lambda: self.tr("Could not teach it: {reason}").format(reason=message), error=True)
        self.finished.emit(None)

    @Slot()
    def _on_job_finished(self) -> None:
        if self.sender() is self.job:  # ended without a result or an error (cancelled inside)
            self.job = None
            self._restore_blas()
            self._set_running(False)

    # ------------------------------------------------------------------ the outcome
    @Slot(object)
    def _on_result(self, result) -> None:
        if self.sender() is not self.job:
            return
        self.job = None
        self._restore_blas()
        self._set_running(False)
        self.result = result
        _, name, choice = self._base
        test_set = self._test_set

        def figures() -> str:
            test = (self.tr("MNIST test") if test_set is None else self.tr("{name} test").format(name=test_set))
            text = (self.tr("Your {n} digits: {mine_before} → {mine_after}. {test}: {before} → {after}.")
                    if result.n_mine != 1 else
                    self.tr("Your digit: {mine_before} → {mine_after}. {test}: {before} → {after}."))
            return text.format(
                n=result.n_mine, mine_before=_pct(result.mine_before, 0), mine_after=_pct(result.mine_after, 0),
                test=test, before=_pct(result.mnist_before, 2), after=_pct(result.mnist_after, 2))

        if result.kept:
            suffix = self.tr("{model} + my handwriting").format(model="")
            tuned_name = (name if name.endswith((SUFFIX, suffix)) else
                          self.tr("{model} + my handwriting").format(model=name))
            info = ModelInfo(result.network, tuned_name, "trained", None,
                             {"name": tuned_name, "finetuned_from": name, "my_digits": result.n_mine})
            self._undo = (info, self.context.model, choice)
            self.context.set_model(info)
            self.panel.set_choice("current")
            self.undo_button.setEnabled(True)
            self._say(lambda: figures() + " " + self.tr("Kept: the pad now reads with “{model}”.").format(
                model=tuned_name))
        elif result.reason == "diverged":
            self._say(lambda: figures() + " " + self.tr("Not kept: the training diverged. The model is unchanged."),
                      error=True)
        else:
            drop, limit = f"{-100 * result.mnist_change:.2f}", f"{100 * ft.MAX_MNIST_DROP:.1f}"
            self._say(lambda: figures() + " " + self.tr(
                "Not kept: its test accuracy would fall by {drop} points (more than {limit}). The model is "
                "unchanged.").format(drop=drop, limit=limit), error=True)
        self.finished.emit(result)

    @Slot()
    def undo(self) -> None:
        """Put back the model the pad read with before the last kept teaching."""
        if self._undo is None:
            return
        info, previous, choice = self._undo
        self._undo = None
        self.undo_button.setEnabled(False)
        if self.context.model is info and previous is not None:
            self.context.set_model(previous)
        self.panel.set_choice(choice)
        name = self.panel.model_name()
        self._say(lambda: self.tr("Undone: the pad reads with “{model}” again.").format(model=name))

    @Slot(object)
    def _on_model_changed(self, info) -> None:
        if self._undo is not None and info is not self._undo[0]:
            self._undo = None  # another model became current: nothing left to undo
            self.undo_button.setEnabled(False)

    def shutdown(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self.job = None
        self._waiting_for_data = False
        self._restore_blas()

    # ------------------------------------------------------------------ helpers
    def _set_running(self, running: bool) -> None:
        self.teach_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.undo_button.setEnabled(not running and self._undo is not None)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self._stage = None
            self._show_stage()

    def _say(self, make, error: bool = False) -> None:
        """Show the text `make()` returns (called again when the language changes)."""
        self._said = (make, error)
        self._show_said()

    def _show_said(self) -> None:
        make, error = self._said
        self.result_label.setStyleSheet(f"color: {theme.VERMILLION}" if error else "")
        self.result_label.setText(make())

    def _restore_blas(self) -> None:
        limits, self._blas = self._blas, None
        if limits is not None:
            limits.restore_original_limits()


def _pct(fraction: float, decimals: int) -> str:
    return f"{100 * fraction:.{decimals}f}%"
