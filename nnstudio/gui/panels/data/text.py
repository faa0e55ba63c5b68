"""The explanation box of the Data panel: resources/concepts/<name>.md in the interface language."""

from __future__ import annotations

from nnstudio.gui.widgets.explainer import Explainer


def explainer(name: str) -> Explainer:
    """A read-only box showing the concept's Markdown (objectName <name>Explainer), reloaded when
    the language changes."""
    box = Explainer(name)
    box.setMinimumHeight(90)
    return box
