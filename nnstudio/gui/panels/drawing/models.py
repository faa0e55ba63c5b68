"""PadModelChoice: which model the pad reads with: the app's current model or a bundled one."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox

from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.widgets.retranslate import Retranslatable

CURRENT = "current"
BUNDLED_KEYS = ("conv", "mlp")
SETTINGS_KEY = "drawing/padModel"  # the choice, kept between sessions (a bare QSettings())
# The name model_files.py gives the app's bundled default model (a key: the pad shows it translated).
BUNDLED_DEFAULT = QT_TRANSLATE_NOOP("PadModelChoice", "bundled default model")


def display_name(name: str) -> str:
    """A current model's name as the pad shows it: the bundled default's in the interface language."""
    return translate("PadModelChoice", BUNDLED_DEFAULT) if name == BUNDLED_DEFAULT else name


def load_bundled(key: str):
    """The bundled model `key` ("conv" or "mlp") → (network, meta), or a one-line reason it is
    unusable. The app's own small files (under a megabyte): read where asked, once per panel."""
    from nnstudio import paths
    from nnstudio.core.nn.serialization import ModelFileError, load_model

    path = paths.BUNDLED_MODELS.get(key)
    if path is None or not path.exists():
        return translate("PadModelChoice", "The bundled model file for “{key}” is missing.").format(key=key)
    try:
        return load_model(path)
    except (ModelFileError, OSError) as exc:
        return str(exc)


class PadModelChoice(Retranslatable, QComboBox):
    """Items: the current model (named after it), the bundled conv net, the bundled MLP.

    `choice()` is the selected key (CURRENT, "conv", "mlp"); `choice_changed(str)` is emitted when
    the user (or `set_choice`) selects another one. Switching never retrains anything.
    """

    choice_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("padModelChoice")
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self._current_name: str | None = None
        for key in (CURRENT, *BUNDLED_KEYS):
            self.addItem("", key)
        self.currentIndexChanged.connect(self._on_index_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Which model reads the pad. Switching needs no training: the bundled "
                                "models ship with the app."))
        self.setItemText(self.findData("conv"), self.tr("Bundled conv net"))
        self.setItemText(self.findData("mlp"), self.tr("Bundled MLP"))
        self.set_current_name(self._current_name)

    def choice(self) -> str:
        return self.currentData()

    def set_choice(self, key: str) -> None:
        index = self.findData(key)
        if index >= 0:
            self.setCurrentIndex(index)

    def set_current_name(self, name: str | None) -> None:
        """Name the current model in its item: "Current model: run 3"."""
        self._current_name = name
        text = (self.tr("Current model") if not name else
                self.tr("Current model: {name}").format(name=_short(display_name(name))))
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
