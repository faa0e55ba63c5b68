"""The application's shared state: the current model, the dataset, the digit being drawn.

Panels receive one AppContext, read from it, and subscribe to its signals; none of them talk to
each other directly (the model is the source of truth, views subscribe).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal

from nnstudio.core.nn.network import MultiLayerNet


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
    weights_snapshot = Signal(object)  # nnstudio.core.nn.records.WeightSnapshot, live during training
    training_state_changed = Signal(bool)  # True while a run is in progress
    dataset_changed = Signal(object)  # DatasetInfo
    drawing_changed = Signal(object)  # ndarray (784,) float32 in [0, 1] or None when the pad is empty

    def __init__(self, parent=None):
        super().__init__(parent)
        self._model: ModelInfo | None = None
        self._dataset: DatasetInfo | None = None
        self._drawing: np.ndarray | None = None
        self._preloader: threading.Thread | None = None
        self._preloaded: tuple | None = None
        self.training = False

    # ------------------------------------------------------------------ model
    @property
    def model(self) -> ModelInfo | None:
        return self._model

    def set_model(self, info: ModelInfo) -> None:
        self._model = info
        self.model_changed.emit(info)

    def set_training(self, running: bool) -> None:
        self.training = running
        self.training_state_changed.emit(running)

    # ------------------------------------------------------------------ data
    @property
    def dataset(self) -> DatasetInfo:
        """The current dataset, loading the bundled MNIST on first use (about 0.3-1 s)."""
        if self._dataset is None:
            preloaded = None
            if self._preloader is not None:
                self._preloader.join()
                preloaded, self._preloaded = self._preloaded, None
            if preloaded is None:  # no preload, or it failed: load here, so errors surface here
                from nnstudio.core.digits.data import load_mnist

                preloaded = load_mnist()
            self._dataset = DatasetInfo("MNIST (bundled)", None, preloaded)
        return self._dataset

    def preload_dataset(self) -> None:
        """Start reading the bundled MNIST in the background, so no panel waits for it later.

        The app calls this at start (tests don't). Decompression releases the GIL, so the GUI
        stays responsive; `dataset` joins the loader when a panel needs the data first.
        """
        if self._dataset is not None or self._preloader is not None:
            return

        def load():
            from nnstudio.core.digits.data import DatasetError, load_mnist

            try:
                self._preloaded = load_mnist()
            except (DatasetError, OSError):
                self._preloaded = None

        self._preloader = threading.Thread(target=load, name="mnist-preload", daemon=True)
        self._preloader.start()

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
