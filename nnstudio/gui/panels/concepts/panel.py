"""The Concepts panel: one tab per explorer (activations, softmax, losses, forward pass, ...)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from nnstudio.gui.panels.concepts.activations import ActivationsExplorer
from nnstudio.gui.panels.concepts.forward import ForwardExplorer
from nnstudio.gui.panels.concepts.gradcheck import GradCheckExplorer
from nnstudio.gui.panels.concepts.losses import LossesExplorer
from nnstudio.gui.panels.concepts.perceptron import PerceptronExplorer
from nnstudio.gui.panels.concepts.softmax import SoftmaxExplorer
from nnstudio.gui.saving import export_plot

# (attribute, tab title, class) in tab order
EXPLORERS = [
    ("activations", "Activations", ActivationsExplorer),
    ("softmax", "Softmax", SoftmaxExplorer),
    ("losses", "Losses", LossesExplorer),
    ("forward", "Forward pass", ForwardExplorer),
    ("perceptron", "Perceptrons", PerceptronExplorer),
    ("gradcheck", "Gradient check", GradCheckExplorer),
]


class ConceptsPanel(QWidget):
    """Tabs of small interactive explorers, each with its explanation beside it."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.tabs = QTabWidget(objectName="conceptsTabs")
        self.explorers = {}
        for attr, title, cls in EXPLORERS:
            explorer = cls(context)
            self.explorers[attr] = explorer
            self.tabs.addTab(explorer, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_explorer(self, attr: str) -> None:
        self.tabs.setCurrentWidget(self.explorers[attr])

    @Slot()
    def export_plot(self):
        """File ▸ Export plot…: the visible explorer's plots as PNG, SVG or CSV (saving.export_plot)."""
        attr = next(a for a, e in self.explorers.items() if e is self.tabs.currentWidget())
        return export_plot(self, self.tabs.currentWidget().main_widget, attr)

    @Slot()
    def shutdown(self):
        for explorer in self.explorers.values():
            if hasattr(explorer, "shutdown"):
                explorer.shutdown()
