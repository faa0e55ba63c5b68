"""The application's shared state: the current model, the dataset, the digit being drawn.

Panels receive one AppContext, read from it, and subscribe to its signals; none of them talk to
each other directly (the model is the source of truth, views subscribe).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate

BUNDLED_NAME = QT_TRANSLATE_NOOP("AppContext", "MNIST (bundled)")  # the bundled dataset's name


@dataclass(frozen=True)
class ModelInfo:
    """The current model and where it came from; `network` is not mutated once published."""

    network: MultiLayerNet
    name: str  # what the UI calls it: "bundled default model", "run 3 (stopped)", a file name
    source: str  # "bundled", "trained", "file" or "reset"
    path: Path | None = None
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DatasetInfo:
    """A loaded MNIST-format dataset: ((x_train, t_train), (x_test, t_test)), float32, labels uint8."""

    name: str
    directory: Path | None  # None for the bundled MNIST
    data: tuple


class AppContext(QObject):
    """Shared state with change signals. Lives on the GUI thread."""

    model_changed = Signal(object)  # ModelInfo
    model_saved = Signal(object)  # ModelInfo: the same model, now with the path it was saved to
    weights_snapshot = Signal(object)  # nnstudio.core.nn.records.WeightSnapshot, live during training
    training_state_changed = Signal(bool)  # True while a run is in progress
    training_paused = Signal(bool)  # a run in progress was paused (True) or resumed (False)
    dataset_changed = Signal(object)  # DatasetInfo, once loaded (handed over from the loader thread)
    dataset_loading = Signal(bool)  # True when a load starts, False when it ends (or is cancelled)
    dataset_failed = Signal(str)  # a load failed: one line; the current dataset stays in use
    drawing_changed = Signal(object)  # ndarray (784,) float32 in [0, 1] or None when the pad is empty

    def __init__(self, parent=None):
        super().__init__(parent)
        self._model: ModelInfo | None = None
        self._dataset: DatasetInfo | None = None
        self._drawing: np.ndarray | None = None
        self._loader = None  # the JobWorker reading a dataset
        self.training = False

    # ------------------------------------------------------------------ model
    @property
    def model(self) -> ModelInfo | None:
        return self._model

    def set_model(self, info: ModelInfo) -> None:
        self._model = info
        self.model_changed.emit(info)

    def set_model_path(self, network, path) -> bool:
        """`network` was saved to `path`: if it is still the current model, publish a ModelInfo with
        that path (announced by `model_saved` only: the same network, so panels keep what they
        show and nothing is re-evaluated). False when another model has become current meanwhile."""
        if self._model is None or self._model.network is not network:
            return False
        self._model = replace(self._model, path=Path(path))
        self.model_saved.emit(self._model)
        return True

    def set_training(self, running: bool) -> None:
        self.training = running
        self.training_state_changed.emit(running)

    def set_training_paused(self, paused: bool) -> None:
        """The run in progress was paused or resumed (the status bar says which)."""
        if self.training:
            self.training_paused.emit(paused)

    # ------------------------------------------------------------------ data
    @property
    def dataset(self) -> DatasetInfo | None:
        """The current dataset, or None until the first load has ended. Never loads or waits:
        call `ensure_dataset()` and listen to `dataset_changed`."""
        return self._dataset

    @property
    def loading(self) -> bool:
        return self._loader is not None

    def ensure_dataset(self) -> DatasetInfo | None:
        """The current dataset; when there is none yet, start loading the bundled MNIST (unless a
        load already runs) and return None: `dataset_changed` (or `dataset_failed`) follows."""
        if self._dataset is None and self._loader is None:
            self.load_dataset()
        return self._dataset

    def load_dataset(self, directory=None) -> bool:
        """Load an MNIST-format folder (None: the bundled MNIST) in a JobWorker. The dataset is
        built in the worker and handed over in `_on_loaded`; `dataset_changed` announces it, or
        `dataset_failed` says why not (the current dataset stays). False while a load runs."""
        if self._loader is not None:
            return False
        from nnstudio.gui.workers import JobWorker

        directory = None if directory is None else Path(directory)
        self._loader = JobWorker(_load_dataset, directory, name="datasetLoader")
        self._loader.result.connect(self._on_loaded)
        self._loader.error.connect(self._on_load_failed)
        self._loader.finished.connect(self._on_loader_finished)
        self._loader.start()
        self.dataset_loading.emit(True)
        return True

    def cancel_loading(self) -> None:
        """Cancel a running load without waiting (it ends at its next chunk; nothing is announced)."""
        loader, self._loader = self._loader, None
        if loader is not None:
            loader.cancel()
            self.dataset_loading.emit(False)

    @Slot(object)
    def _on_loaded(self, info) -> None:
        if self.sender() is self._loader:
            self.set_dataset(info)

    @Slot(str)
    def _on_load_failed(self, message: str) -> None:
        if self.sender() is self._loader:
            self.dataset_failed.emit(message)

    @Slot()
    def _on_loader_finished(self) -> None:
        if self.sender() is self._loader:
            self._loader = None
            self.dataset_loading.emit(False)

    def set_dataset(self, info: DatasetInfo) -> None:
        self._dataset = info
        self.dataset_changed.emit(info)

    # ------------------------------------------------------------------ drawing
    @property
    def drawing(self) -> np.ndarray | None:
        return self._drawing

    def set_drawing(self, x: np.ndarray | None) -> None:
        self._drawing = None if x is None else np.array(x, dtype=np.float32).reshape(784)
        self.drawing_changed.emit(self._drawing)


def dataset_display_name(info: DatasetInfo) -> str:
    """What the interface calls a dataset: the bundled MNIST in the interface language, else its folder."""
    return translate("AppContext", BUNDLED_NAME) if info.name == BUNDLED_NAME else info.name


def _load_dataset(directory: Path | None, cancel) -> DatasetInfo:
    """Worker-thread job: read and convert the whole dataset (the GUI thread only receives it)."""
    from nnstudio.core.digits.data import load_mnist

    data = load_mnist(directory=directory, cancel=cancel)
    if directory is None:
        return DatasetInfo(BUNDLED_NAME, None, data)
    return DatasetInfo(directory.name or str(directory), directory, data)
