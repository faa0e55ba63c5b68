"""The Concepts panel: one tab per explorer (activations, softmax, losses, forward pass, ...)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from nnstudio.gui.panels.concepts.activations import ActivationsExplorer
from nnstudio.gui.panels.concepts.forward import ForwardExplorer
from nnstudio.gui.panels.concepts.gradcheck import GradCheckExplorer
from nnstudio.gui.panels.concepts.losses import LossesExplorer
from nnstudio.gui.panels.concepts.perceptron import PerceptronExplorer
from nnstudio.gui.panels.concepts.softmax import SoftmaxExplorer
from nnstudio.gui.i18n import translate
from nnstudio.gui.saving import export_plot
from nnstudio.gui.widgets.retranslate import Retranslatable

# (attribute, tab title, class) in tab order
EXPLORERS = [
    ("activations", QT_TRANSLATE_NOOP("ConceptsPanel", "Activations"), ActivationsExplorer),
    ("softmax", QT_TRANSLATE_NOOP("ConceptsPanel", "Softmax"), SoftmaxExplorer),
    ("losses", QT_TRANSLATE_NOOP("ConceptsPanel", "Losses"), LossesExplorer),
    ("forward", QT_TRANSLATE_NOOP("ConceptsPanel", "Forward pass"), ForwardExplorer),
    ("perceptron", QT_TRANSLATE_NOOP("ConceptsPanel", "Perceptrons"), PerceptronExplorer),
    ("gradcheck", QT_TRANSLATE_NOOP("ConceptsPanel", "Gradient check"), GradCheckExplorer),
]


class ConceptsPanel(Retranslatable, QWidget):
    """Tabs of small interactive explorers, each with its explanation beside it."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.tabs = QTabWidget(objectName="conceptsTabs")
        self.explorers = {}
        for attr, title, cls in EXPLORERS:
            explorer = cls(context)
            self.explorers[attr] = explorer
            self.tabs.addTab(explorer, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        for i, (_attr, title, _cls) in enumerate(EXPLORERS):
            self.tabs.setTabText(i, translate("ConceptsPanel", title))

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
