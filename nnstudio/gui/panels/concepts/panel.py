"""The Concepts panel: one tab per explorer (activations, softmax, losses, forward pass, ...)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QTabWidget, QVBoxLayout, QWidget

from nnstudio.gui.panels.concepts.activations import ActivationsExplorer
from nnstudio.gui.panels.concepts.forward import ForwardExplorer
from nnstudio.gui.panels.concepts.gradcheck import GradCheckExplorer
from nnstudio.gui.panels.concepts.losses import LossesExplorer
from nnstudio.gui.panels.concepts.perceptron import PerceptronExplorer
from nnstudio.gui.panels.concepts.softmax import SoftmaxExplorer
from nnstudio.gui.saving import save_image, save_or_report

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
        """Ask for a PNG file and save the visible explorer's plots into it (File ▸ Export plot…)."""
        attr = next(a for a, e in self.explorers.items() if e is self.tabs.currentWidget())
        path, _ = QFileDialog.getSaveFileName(self, "Export plot", f"{attr}.png", "PNG image (*.png)")
        if not path:
            return None
        if not path.lower().endswith(".png"):
            path += ".png"
        if not save_or_report(self, path, lambda: self.export_to(path)):
            return None
        return path

    def export_to(self, path) -> None:
        """Save the visible explorer's plot area as a PNG (atomically); OSError when it cannot be written."""
        save_image(self.tabs.currentWidget().main_widget.grab(), path)

    @Slot()
    def shutdown(self):
        for explorer in self.explorers.values():
            if hasattr(explorer, "shutdown"):
                explorer.shutdown()
