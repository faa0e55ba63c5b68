"""File ▸ Open, Save, Save as and Revert for models: files are read in a JobWorker, and the path a
model was opened from or saved to travels with it in its ModelInfo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnstudio.gui import settings
from nnstudio.gui.context import ModelInfo
from nnstudio.gui.i18n import translate
from nnstudio.gui.network_text import BUNDLED_NAME, model_name, network_shape
from nnstudio.gui.saving import report_save_error

MODEL_FILTER = QT_TRANSLATE_NOOP("ModelFiles", "NN Studio model (*.npz)")
OPEN_FILTER = QT_TRANSLATE_NOOP("ModelFiles", "Models (*.npz *.safetensors);;NN Studio model (*.npz);;"
                                              "PyTorch state dict (*.safetensors);;All files (*)")
__all__ = ["BUNDLED_NAME", "ModelFiles", "last_dir", "save_target"]  # BUNDLED_NAME: network_text's


def save_target(info: ModelInfo | None) -> Path | None:
    """Where File ▸ Save writes `info` back: the file it was opened from or last saved to. None for
    a model never saved, and for the bundled model as shipped (the app's own file is never
    overwritten: Save asks where, like Save as)."""
    if info is None or info.path is None:
        return None
    from nnstudio.paths import default_model_path

    if info.source == "bundled" and info.path == default_model_path():
        return None
    if info.path.suffix.lower() != ".npz":  # opened from a state dict: Save writes an .npz, asks where
        return None
    return info.path


def last_dir(key: str) -> str:
    """The folder remembered under settings `key`, or the home folder."""
    d = settings.read_str(key)
    return d if d and Path(d).is_dir() else str(Path.home())


def _read_model(path: Path, declared: dict | None = None):
    """Worker-thread job: read and check a model file (an MLP or a conv net) → (network, meta), or
    the one-line message of its ModelFileError (it names the file) as a str, or the
    UndeclaredStateDict itself for a PyTorch state dict that needs the user's declarations
    (`declared`: {"activation", "arch"} once given)."""
    from nnstudio.core.interop.state_dict import UndeclaredStateDict, read_safetensors
    from nnstudio.core.nn.serialization import ModelFileError, load_model

    try:
        if declared:
            network, meta = read_safetensors(path, activation=declared.get("activation"),
                                             arch=declared.get("arch"))
        else:
            network, meta = load_model(path)
    except UndeclaredStateDict as exc:
        return exc
    except ModelFileError as exc:
        return str(exc)
    return network, meta


class ModelFiles(QObject):
    """Opens, saves and reverts the context's current model for `window` (dialogs, status bar,
    the File menu's open action, the status bar's model label)."""

    loading_changed = Signal(bool)  # True while a model file is being read

    def __init__(self, window, context, label):
        super().__init__(window)
        self.window, self.context, self.label = window, context, label
        self._loader = None  # the JobWorker reading a model file
        self._loading_path: Path | None = None
        context.model_changed.connect(self._on_model_changed)
        context.model_saved.connect(self._on_model_changed)
        label.installEventFilter(self)  # the label's LanguageChange: its text again

    def eventFilter(self, watched, event) -> bool:
        if watched is self.label and event.type() == QEvent.LanguageChange and self.context.model is not None:
            self._on_model_changed(self.context.model)
        return False

    # ------------------------------------------------------------------ open
    @property
    def loading(self) -> bool:
        return self._loader is not None

    @Slot()
    def open_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open model"), last_dir(settings.LAST_MODEL_DIR),
                                              translate("ModelFiles", OPEN_FILTER))
        if path:
            self.open_model(path)

    def ask_declarations(self, path: Path, exc) -> dict | None:
        """The activation (and a conv net's architecture) of a bare state dict, from the user."""
        from nnstudio.gui.declare_dialog import DeclareDialog

        dialog = DeclareDialog(self.window, path.name, exc)
        return dialog.declarations() if dialog.exec() == DeclareDialog.Accepted else None

    def open_model(self, path, declared: dict | None = None) -> bool:
        """Read a model file in a JobWorker; True when the read has started (False while another
        one runs). The model then becomes current (`model_changed`), or one warning dialog names
        the file and the current model stays."""
        if self._loader is not None:
            self.window.statusBar().showMessage(self.tr("A model is still loading; try again when it is done."), 5000)
            return False
        from nnstudio.gui.workers import JobWorker

        self._loading_path = path = Path(path)
        self._loader = JobWorker(_read_model, path, declared, name="modelLoader")
        self._loader.result.connect(self._on_read)
        self._loader.error.connect(self._on_read_failed)
        self._loader.finished.connect(self._on_loader_finished)
        self._loader.start()
        self._set_loading(True)
        self.window.statusBar().showMessage(self.tr("Opening {name}…").format(name=path.name))
        return True

    def cancel(self) -> None:
        """Forget a read in progress without waiting (it ends on its own; nothing is announced)."""
        loader, self._loader = self._loader, None
        if loader is not None:
            loader.cancel()
            self._set_loading(False)

    @Slot(object)
    def _on_read(self, value) -> None:
        if self.sender() is not self._loader:
            return
        path = self._loading_path
        if isinstance(value, str):
            self._refused(value)
            return
        if isinstance(value, Exception):  # a bare state dict: ask what it does not say, read it again
            self.window.statusBar().clearMessage()
            declared = self.ask_declarations(path, value)
            if declared is not None:
                self._loader = None  # (this read is over; its finished signal may come later)
                self._set_loading(False)
                self.open_model(path, declared)
            return
        network, meta = value
        settings.set_value(settings.LAST_MODEL_DIR, str(path.parent))
        self.window.statusBar().clearMessage()
        self.context.set_model(ModelInfo(network, path.name, "file", path, meta))

    @Slot(str)
    def _on_read_failed(self, message: str) -> None:  # the reader broke some other way: still a dialog
        if self.sender() is self._loader:
            self._refused(f"{self._loading_path}: {message}")

    def _refused(self, message: str) -> None:
        self.window.statusBar().clearMessage()
        QMessageBox.warning(self.window, self.tr("Cannot open model"), message)

    @Slot()
    def _on_loader_finished(self) -> None:
        if self.sender() is self._loader:
            self._loader = None
            self._set_loading(False)

    def _set_loading(self, loading: bool) -> None:
        action = getattr(self.window, "open_model_action", None)
        if action is not None:
            action.setEnabled(not loading)
        self.loading_changed.emit(loading)

    # ------------------------------------------------------------------ the bundled model
    def load_default_model(self) -> None:
        """At start: the bundled model (the app's own small file) becomes the current model."""
        from nnstudio.core.nn.serialization import ModelFileError, load_model
        from nnstudio.paths import default_model_path

        path = default_model_path()
        if not path.exists():
            return
        try:
            network, meta = load_model(path)
        except ModelFileError as exc:
            self.window.statusBar().showMessage(self.tr("Bundled model unusable: {reason}").format(reason=exc))
            return
        self.context.set_model(ModelInfo(network, BUNDLED_NAME, "bundled", path, meta))

    @Slot()
    def revert_to_bundled_model(self) -> bool:
        """File ▸ Revert to bundled model: the bundled model becomes the current model again (a
        model file still being read is forgotten: the latest choice wins)."""
        from nnstudio.core.nn.serialization import ModelFileError, load_model
        from nnstudio.paths import default_model_path

        path = default_model_path()
        try:
            network, meta = load_model(path)
        except (ModelFileError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Revert to bundled model"),
                                self.tr("The bundled model cannot be read: {reason}").format(reason=exc))
            return False
        self.cancel()
        self.context.set_model(ModelInfo(network, BUNDLED_NAME, "bundled", path, meta))
        self.window.statusBar().showMessage(self.tr("The bundled default model is the current model again."), 5000)
        return True

    # ------------------------------------------------------------------ save
    @Slot()
    def save_model(self) -> None:
        """File ▸ Save: back to the model's own file; a model never saved asks where (Save as)."""
        info = self.context.model
        if info is None:
            self._nothing_to_save()
            return
        path = save_target(info)
        if path is None:
            self.save_model_as()
        else:
            self.save_model_to(path)

    @Slot()
    def save_model_as(self) -> None:
        info = self.context.model
        if info is None:
            self._nothing_to_save()
            return
        stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in info.name).strip("-") or "model"
        start = Path(last_dir(settings.LAST_MODEL_DIR)) / f"{stem}.npz"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save model"), str(start),
                                              translate("ModelFiles", MODEL_FILTER))
        if path:
            if not path.lower().endswith(".npz"):
                path += ".npz"
            self.save_model_to(path, info)  # the model the dialog was opened for

    def save_model_to(self, path, info: ModelInfo | None = None) -> bool:
        """Save `info` (default: the current model) atomically; a dialog when it cannot be written.
        The saved model, if still current, then carries `path` (File ▸ Save writes there)."""
        from nnstudio.core.nn.serialization import save_model

        info = self.context.model if info is None else info
        if info is None:
            return False
        path = Path(path)
        meta = dict(info.meta)
        meta.setdefault("name", info.name)
        try:
            save_model(path, info.network, meta)
        except OSError as exc:
            report_save_error(self.window, path, exc, self.tr("Cannot save model"))
            return False
        except (TypeError, ValueError) as exc:
            QMessageBox.warning(self.window, self.tr("Cannot save model"), f"{path}: {exc}")
            return False
        settings.set_value(settings.LAST_MODEL_DIR, str(path.parent))
        self.context.set_model_path(info.network, path)
        self.window.statusBar().showMessage(self.tr("Saved {name} to {path}").format(
            name=model_name(info.name), path=path), 5000)
        return True

    def _nothing_to_save(self) -> None:
        QMessageBox.information(self.window, self.tr("Save model"),
                                self.tr("There is no model to save yet: train one first."))

    # ------------------------------------------------------------------ the status bar's label
    @Slot(object)
    def _on_model_changed(self, info) -> None:
        if info is None:
            self.label.setText(self.tr("No model"))
            return
        path = save_target(info)
        sizes = network_shape(info.network)
        where = f" · {path.name}" if path is not None and path.name != info.name else ""
        self.label.setText(self.tr("Model: {name} ({shape})").format(name=model_name(info.name), shape=sizes)
                           + where)
        self.label.setToolTip(str(path) if path else self.tr("not saved"))
