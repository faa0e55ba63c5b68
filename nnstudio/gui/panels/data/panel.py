"""The Data panel: browse the dataset (Browse tab) and evaluate the current model (Evaluate tab)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from nnstudio.gui.panels.data.browse import BrowseView
from nnstudio.gui.panels.data.evaluate import EvaluateView
from nnstudio.gui.saving import export_plot
from nnstudio.gui.widgets.retranslate import Retranslatable


class DataPanel(Retranslatable, QWidget):
    """Two tabs over the shared context: "Browse" (the images) and "Evaluate" (the model on them)."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.browse = BrowseView(context)
        self.browse.setObjectName("browseTab")
        self.evaluate = EvaluateView(context)
        self.evaluate.setObjectName("evaluateTab")
        self.tabs = QTabWidget(objectName="dataTabs")
        self.tabs.addTab(self.browse, "")
        self.tabs.addTab(self.evaluate, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Browse"))
        self.tabs.setTabText(1, self.tr("Evaluate"))

    def export_plot(self):
        """File ▸ Export plot…: the visible tab's charts as PNG, SVG or CSV (saving.export_plot)."""
        return export_plot(self, self.tabs.currentWidget(), "data" if self.tabs.currentIndex() == 0 else "evaluation")

    def shutdown(self) -> None:
        """Wait for any statistics or evaluation job still running (called on window close)."""
        self.browse.shutdown()
        self.evaluate.shutdown()
