"""File ▸ Export model…: the current model as safetensors, ONNX or a PyTorch script, written in a
JobWorker (core/interop), one dialog when it cannot be, a status-bar line when it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnstudio.core.errors import UserInputError
from nnstudio.gui import settings
from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.model_files import last_dir

FILTERS = {QT_TRANSLATE_NOOP("ModelExporter", "safetensors: PyTorch state dict (*.safetensors)"): ".safetensors",
           QT_TRANSLATE_NOOP("ModelExporter", "ONNX graph, for onnxruntime and Netron (*.onnx)"): ".onnx",
           QT_TRANSLATE_NOOP("ModelExporter", "PyTorch script, with its .safetensors (*.py)"): ".py"}


def _export(network, meta: dict, path: Path) -> list:
    """Worker-thread job: write the files; an OSError becomes one line naming the file."""
    from nnstudio.core.interop import export_model

    try:
        return export_model(network, meta, path)
    except OSError as exc:
        # (exc.filename may be the temporary file beside the target: name the file the user chose)
        raise UserInputError(translate("ModelExporter", "{file}: cannot be written ({reason})").format(
            file=path, reason=exc.strerror or exc)) from None


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
            QMessageBox.information(self.window, self.tr("Export model"),
                                    self.tr("There is no model to export yet: train one first."))
            return
        stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in info.name).strip("-") or "model"
        start = Path(last_dir(settings.LAST_EXPORT_DIR)) / f"{stem}.safetensors"
        filters = {translate("ModelExporter", text): suffix for text, suffix in FILTERS.items()}
        path, chosen = QFileDialog.getSaveFileName(self.window, self.tr("Export model"), str(start),
                                                   ";;".join(filters))
        if path:
            suffix = filters.get(chosen, ".safetensors")
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
        self.window.statusBar().showMessage(self.tr("Exporting {model} to {file}…").format(
            model=info.name, file=Path(path).name))
        return True

    @Slot(object)
    def _on_written(self, paths) -> None:
        settings.set_value(settings.LAST_EXPORT_DIR, str(Path(paths[0]).parent))
        names = [Path(p).name for p in paths]
        files = names[0] if len(names) == 1 else self.tr("{files} and {last}").format(
            files=", ".join(names[:-1]), last=names[-1])
        self.window.statusBar().showMessage(self.tr("Exported the model to {files} in {folder}").format(
            files=files, folder=Path(paths[0]).parent), 8000)
        self.exported.emit([str(p) for p in paths])

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self.window.statusBar().clearMessage()
        QMessageBox.warning(self.window, self.tr("Cannot export model"), message)
        self.failed.emit(message)

    @Slot()
    def _on_finished(self) -> None:
        self._worker = None
