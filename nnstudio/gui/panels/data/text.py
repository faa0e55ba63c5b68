"""The explanation box of the Data panel: resources/concepts/<name>.md in a QTextBrowser."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from nnstudio.paths import concepts_dir


def explainer(name: str) -> QTextBrowser:
    """A read-only box showing resources/concepts/<name>.md as Markdown (objectName <name>Explainer)."""
    box = QTextBrowser(objectName=f"{name}Explainer")
    box.setOpenExternalLinks(True)
    box.setMinimumHeight(90)
    path = concepts_dir() / f"{name}.md"
    try:
        box.setMarkdown(path.read_text(encoding="utf-8"))
    except OSError:
        box.setPlainText(f"The explanation ({path.name}) is missing from this installation.")
    return box
