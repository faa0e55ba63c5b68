"""File ▸ Export model…: the current model as safetensors, ONNX or a PyTorch script, written in a
JobWorker (core/interop), one dialog when it cannot be, a status-bar line when it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnstudio.core.errors import UserInputError
from nnstudio.gui import settings
from nnstudio.gui.model_files import last_dir

FILTERS = {"safetensors: PyTorch state dict (*.safetensors)": ".safetensors",
           "ONNX graph, for onnxruntime and Netron (*.onnx)": ".onnx",
           "PyTorch script, with its .safetensors (*.py)": ".py"}
TITLE = "Export model"


def _export(network, meta: dict, path: Path) -> list:
    """Worker-thread job: write the files; an OSError becomes one line naming the file."""
    from nnstudio.core.interop import export_model

    try:
        return export_model(network, meta, path)
    except OSError as exc:
        # (exc.filename may be the temporary file beside the target: name the file the user chose)
        raise UserInputError(f"{path}: cannot be written ({exc.strerror or exc})") from None


class ModelExporter(QObject):
    """Exports the context's current model for `window` (its status bar and dialogs)."""

    exported = Signal(list)  # the paths written
    failed = Signal(str)

    def __init__(self, window, context):
        super().__init__(window)
        self.window, self.context = window, context
        self._worker = None

    @property
    def busy(self) -> bool:
        return self._worker is not None

    @Slot()
    def export_dialog(self) -> None:
        info = self.context.model
        if info is None:
            QMessageBox.information(self.window, TITLE, "There is no model to export yet: train one first.")
            return
        stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in info.name).strip("-") or "model"
        start = Path(last_dir(settings.LAST_EXPORT_DIR)) / f"{stem}.safetensors"
        path, chosen = QFileDialog.getSaveFileName(self.window, TITLE, str(start), ";;".join(FILTERS))
        if path:
            suffix = FILTERS.get(chosen, ".safetensors")
            if Path(path).suffix.lower() not in FILTERS.values():
                path += suffix
            self.export_to(path)

    def export_to(self, path) -> bool:
        """Write the current model to `path` (format by extension) in a JobWorker; True if started."""
        info = self.context.model
        if info is None or self._worker is not None:
            return False
        from nnstudio.gui.workers import JobWorker

        meta = dict(info.meta)
        meta.setdefault("name", info.name)
        # The context's model is never trained in place (a finished run hands over a copy): the
        # worker may read it while the GUI goes on.
        self._worker = JobWorker(_export, info.network, meta, Path(path), name="modelExporter")
        self._worker.result.connect(self._on_written)
        self._worker.error.connect(self._on_error)
        self._worker.finished.connect(self._on_finished)
        self._worker.start()
        self.window.statusBar().showMessage(f"Exporting {info.name} to {Path(path).name}…")
        return True

    @Slot(object)
    def _on_written(self, paths) -> None:
        settings.set_value(settings.LAST_EXPORT_DIR, str(Path(paths[0]).parent))
        names = " and ".join(Path(p).name for p in paths)
        self.window.statusBar().showMessage(f"Exported the model to {names} in {Path(paths[0]).parent}", 8000)
        self.exported.emit([str(p) for p in paths])

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self.window.statusBar().clearMessage()
        QMessageBox.warning(self.window, "Cannot export model", message)
        self.failed.emit(message)

    @Slot()
    def _on_finished(self) -> None:
        self._worker = None
