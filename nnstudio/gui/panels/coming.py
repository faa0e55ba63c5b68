"""A clear "coming" page for an area whose panel is not built yet: it pretends nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingPanel(QWidget):
    def __init__(self, context, title: str, what: str, parent=None):
        super().__init__(parent)
        self.title = title
        label = QLabel(f"<h2>{title}</h2><p>Coming in a later version: {what}</p>")
        label.setAlignment(Qt.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
