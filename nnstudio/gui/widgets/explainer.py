"""A read-only rich-text box showing one concept's explanation from resources/concepts/, in the
interface language (resources/concepts/<language>/<name>.md, English resources/concepts/<name>.md)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTextBrowser

from nnstudio.gui import i18n
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.paths import concepts_dir


def concept_path(name: str, language: str | None = None) -> Path:
    """The explanation of `name` in `language` (the interface's by default); English when there is
    no translation of it."""
    language = i18n.active_language() if language is None else language
    translated = concepts_dir() / language / f"{name}.md"
    if language != i18n.ENGLISH and translated.is_file():
        return translated
    return concepts_dir() / f"{name}.md"


class Explainer(Retranslatable, QTextBrowser):
    """Loads the concept's Markdown; a missing file gives a plain message. Reloads on a change of
    language."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(f"{name}Explainer")
        self.setReadOnly(True)
        self.setOpenExternalLinks(True)
        self.name = name
        self.loaded = False
        self.path: Path | None = None
        self.load(name)

    def load(self, name: str) -> None:
        self.name = name
        path = concept_path(name)
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            self.loaded = False
            self.setPlainText(self.tr("The explanation for this concept ({file}) is missing from the "
                                      "installation.").format(file=path.name))
            return
        self.loaded = True
        self.setMarkdown(text)

    def retranslate(self) -> None:
        self.load(self.name)
