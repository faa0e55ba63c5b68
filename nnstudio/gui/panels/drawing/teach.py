"""TeachBox: "Teach it my handwriting": fine-tune the pad's model on my digits (in a JobWorker),
show the accuracies before and after, keep the result only when MNIST holds, and undo it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from nnstudio.core.digits import finetune as ft
from nnstudio.core.nn.memory import NotEnoughMemory
from nnstudio.gui import theme
from nnstudio.gui.context import ModelInfo

SUFFIX = " + my handwriting"


class TeachBox(QWidget):
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
        self._test_name = ""
        self.teach_button = QPushButton(self.tr("Teach it my handwriting"), objectName="teachButton")
        self.teach_button.setToolTip(self.tr(
            "Fine-tune the pad's model on your labelled digits mixed with MNIST (a few seconds). "
            "Kept only if its MNIST test accuracy stays within 0.5 point; Undo goes back."))
        self.teach_button.clicked.connect(self.teach)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="teachCancel", enabled=False)
        self.cancel_button.clicked.connect(self.cancel)
        self.undo_button = QPushButton(self.tr("Undo teaching"), objectName="teachUndo", enabled=False)
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
            self._say(self.tr("There is no model to teach: train one or open one."), error=True)
            return False
        n = len(self.panel.my_digits.t)
        if n == 0:
            self._say(self.tr("Draw some digits and keep them with the 0-9 buttons first: the model "
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
            self._say(self.tr("Loading MNIST (it is mixed in, and measured)…"))
            return True
        self._start(dataset)
        return True

    def _start(self, dataset) -> None:
        from nnstudio.gui.workers import DEFAULT_BLAS_THREADS, JobWorker

        network, name, _ = self._base
        x, t = self.panel.my_digits.x.copy(), self.panel.my_digits.t.copy()
        self._test_name = (self.tr("MNIST test") if dataset.directory is None
                           else self.tr("{0} test").format(dataset.name))
        self._say(self.tr("Teaching {0} your {1} digits…").format(name, len(t)))
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
            self._say(self.tr("MNIST could not be loaded: {0}").format(message), error=True)

    # ------------------------------------------------------------------ while it runs
    @Slot(object)
    def _on_progress(self, record) -> None:
        if self.sender() is not self.job or not isinstance(record, ft.FinetuneProgress):
            return
        stage = {"before": self.tr("Measuring before"), "training": self.tr("Training"),
                 "after": self.tr("Measuring after")}.get(record.stage, record.stage)
        self.progress.setRange(0, max(record.total, 1))
        self.progress.setValue(record.done)
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
        self._say(self.tr("Cancelled: the model is unchanged."))
        self.finished.emit(None)

    @Slot(str)
    def _on_error(self, message: str) -> None:
        if self.sender() is not self.job:
            return
        self.job = None
        self._restore_blas()
        self._set_running(False)
        self._say(self.tr("Could not teach it: {0}").format(message), error=True)
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
        figures = self.tr("Your {0} digits: {1} → {2}. {3}: {4} → {5}.").format(
            result.n_mine, _pct(result.mine_before, 0), _pct(result.mine_after, 0), self._test_name,
            _pct(result.mnist_before, 2), _pct(result.mnist_after, 2))
        if result.kept:
            tuned_name = (name if name.endswith(SUFFIX) else name + SUFFIX)
            info = ModelInfo(result.network, tuned_name, "trained", None,
                             {"name": tuned_name, "finetuned_from": name, "my_digits": result.n_mine})
            self._undo = (info, self.context.model, choice)
            self.context.set_model(info)
            self.panel.set_choice("current")
            self.undo_button.setEnabled(True)
            self._say(figures + " " + self.tr("Kept: the pad now reads with “{0}”.").format(tuned_name))
        elif result.reason == "diverged":
            self._say(figures + " " + self.tr("Not kept: the training diverged. The model is unchanged."),
                      error=True)
        else:
            self._say(figures + " " + self.tr(
                "Not kept: its test accuracy would fall by {0} points (more than {1}). The model is "
                "unchanged.").format(f"{-100 * result.mnist_change:.2f}", f"{100 * ft.MAX_MNIST_DROP:.1f}"),
                error=True)
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
        self._say(self.tr("Undone: the pad reads with “{0}” again.").format(self.panel.model_name()))

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
            self.progress.setFormat("")

    def _say(self, text: str, error: bool = False) -> None:
        self.result_label.setStyleSheet(f"color: {theme.VERMILLION}" if error else "")
        self.result_label.setText(text)

    def _restore_blas(self) -> None:
        limits, self._blas = self._blas, None
        if limits is not None:
            limits.restore_original_limits()


def _pct(fraction: float, decimals: int) -> str:
    return f"{100 * fraction:.{decimals}f}%"
