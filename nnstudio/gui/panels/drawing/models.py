"""PadModelChoice: which model the pad reads with: the app's current model or a bundled one."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox

CURRENT = "current"
BUNDLED_KEYS = ("conv", "mlp")
SETTINGS_KEY = "drawing/padModel"  # the choice, kept between sessions (a bare QSettings())


def load_bundled(key: str):
    """The bundled model `key` ("conv" or "mlp") → (network, meta), or a one-line reason it is
    unusable. The app's own small files (under a megabyte): read where asked, once per panel."""
    from nnstudio import paths
    from nnstudio.core.nn.serialization import ModelFileError, load_model

    path = paths.BUNDLED_MODELS.get(key)
    if path is None or not path.exists():
        return f"the bundled model file for {key!r} is missing"
    try:
        return load_model(path)
    except (ModelFileError, OSError) as exc:
        return str(exc)


class PadModelChoice(QComboBox):
    """Items: the current model (named after it), the bundled conv net, the bundled MLP.

    `choice()` is the selected key (CURRENT, "conv", "mlp"); `choice_changed(str)` is emitted when
    the user (or `set_choice`) selects another one. Switching never retrains anything.
    """

    choice_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("padModelChoice")
        self.setToolTip(self.tr("Which model reads the pad. Switching needs no training: the bundled "
                                "models ship with the app."))
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.addItem(self.tr("Current model"), CURRENT)
        self.addItem(self.tr("Bundled conv net"), "conv")
        self.addItem(self.tr("Bundled MLP"), "mlp")
        self.currentIndexChanged.connect(self._on_index_changed)

    def choice(self) -> str:
        return self.currentData()

    def set_choice(self, key: str) -> None:
        index = self.findData(key)
        if index >= 0:
            self.setCurrentIndex(index)

    def set_current_name(self, name: str | None) -> None:
        """Name the current model in its item: "Current model: run 3"."""
        text = self.tr("Current model") if not name else self.tr("Current model: {0}").format(_short(name))
        self.setItemText(self.findData(CURRENT), text)

    def set_unusable(self, key: str, reason: str) -> None:
        """Grey out a bundled model that cannot be read, saying why in its tooltip."""
        index = self.findData(key)
        item = self.model().item(index)
        item.setEnabled(False)
        item.setToolTip(reason)

    @Slot(int)
    def _on_index_changed(self, _index: int) -> None:
        self.choice_changed.emit(self.choice())


def _short(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"
