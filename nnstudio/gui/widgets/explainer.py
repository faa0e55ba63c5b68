"""A read-only rich-text box showing one concept's explanation from resources/concepts/<name>.md."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from nnstudio.paths import concepts_dir


class Explainer(QTextBrowser):
    """Loads resources/concepts/<name>.md as Markdown; a missing file gives a plain message."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(f"{name}Explainer")
        self.setReadOnly(True)
        self.setOpenExternalLinks(True)
        self.name = name
        self.loaded = False
        self.load(name)

    def load(self, name: str) -> None:
        self.name = name
        path = concepts_dir() / f"{name}.md"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            self.loaded = False
            self.setPlainText(f"The explanation for this concept ({path.name}) is missing from the "
                              "installation.")
            return
        self.loaded = True
        self.setMarkdown(text)
