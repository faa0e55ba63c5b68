"""How the app names a network's shape in labels: "784-50-10" for an MLP, the layers' text for a
network built from an architecture ("conv 8 3x3, pool 2, dense 10"), and a model's name as shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnstudio.gui.i18n import translate

# The bundled model's name: ModelInfo.name keeps this English key; model_name shows it translated.
BUNDLED_NAME = QT_TRANSLATE_NOOP("ModelFiles", "bundled default model")


def network_shape(network) -> str:
    """The architecture text of a conv (sequential) network, else the MLP's sizes joined by '-'."""
    arch = getattr(network, "arch", None)
    if arch:
        return str(arch)
    return "-".join(str(s) for s in network.sizes)


def is_conv(network) -> bool:
    """True for a network built from an architecture text (conv, pool and dense layers)."""
    return bool(getattr(network, "arch", None))


def model_name(name: str) -> str:
    """A ModelInfo.name as the interface shows it: the bundled model's (also as the start of a
    name made from it) in the interface language, any other name (a run's label, a file) as is."""
    if name.startswith(BUNDLED_NAME):
        return translate("ModelFiles", BUNDLED_NAME) + name[len(BUNDLED_NAME):]
    return name
