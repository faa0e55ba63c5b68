"""The gradient-descent panel: the 2D playground, numerical differentiation and partial derivatives."""

from __future__ import annotations


from PySide6.QtCore import Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from nnstudio.gui.panels.descent.diff import NumericalDiffTab
from nnstudio.gui.panels.descent.partials import PartialsTab
from nnstudio.gui.panels.descent.playground import DescentPlayground
from nnstudio.gui.saving import save_image
from nnstudio.gui.widgets.retranslate import Retranslatable


class DescentPanel(Retranslatable, QWidget):
    """Tabs: "Gradient descent in 2D", "Numerical differentiation" and "Partial derivatives"."""

    def __init__(self, context=None, parent=None):
        super().__init__(parent)
        self.setObjectName("descentPanel")
        self.context = context  # unused: the playground needs no model or data
        self.tabs = QTabWidget()
        self.tabs.setObjectName("descentTabs")
        self.playground = DescentPlayground()
        self.diff = NumericalDiffTab()
        self.partials = PartialsTab()
        for tab in (self.playground, self.diff, self.partials):
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Gradient descent in 2D"))
        self.tabs.setTabText(1, self.tr("Numerical differentiation"))
        self.tabs.setTabText(2, self.tr("Partial derivatives"))

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        if index != 0:
            self.playground.stop()

    def hideEvent(self, event):
        self.playground.stop()  # no animation behind another panel
        super().hideEvent(event)

    def save_png(self, path) -> None:
        """Write the visible tab's plots as a PNG image (atomically); OSError when it cannot be written."""
        save_image(self.tabs.currentWidget().plot_area.grab(), path)

    def export_plot(self):
        """File ▸ Export plot…: the visible tab's plots as PNG, SVG or CSV (saving.export_plot)."""
        from nnstudio.gui.saving import export_plot

        name = ("descent", "numerical-diff", "partial-derivatives")[self.tabs.currentIndex()]
        return export_plot(self, self.tabs.currentWidget().plot_area, name)

    def shutdown(self) -> None:
        self.playground.shutdown()
