"""The gradient-descent panel: the 2D playground, numerical differentiation and partial derivatives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QTabWidget, QVBoxLayout, QWidget

from nnstudio.gui import settings
from nnstudio.gui.panels.descent.diff import NumericalDiffTab
from nnstudio.gui.panels.descent.partials import PartialsTab
from nnstudio.gui.panels.descent.playground import DescentPlayground
from nnstudio.gui.saving import save_image, save_or_report


class DescentPanel(QWidget):
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
        self.tabs.addTab(self.playground, "Gradient descent in 2D")
        self.tabs.addTab(self.diff, "Numerical differentiation")
        self.tabs.addTab(self.partials, "Partial derivatives")
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

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
        start = Path(settings.read_str(settings.LAST_EXPORT_DIR, str(Path.home())))
        name = "descent.png" if self.tabs.currentIndex() == 0 else "numerical-diff.png"
        path, _ = QFileDialog.getSaveFileName(self, "Export plot", str(start / name), "PNG image (*.png)")
        if not path:
            return None
        if not path.lower().endswith(".png"):
            path += ".png"
        if not save_or_report(self, path, lambda: self.save_png(path)):
            return None
        settings.set_value(settings.LAST_EXPORT_DIR, str(Path(path).parent))
        return path

    def shutdown(self) -> None:
        self.playground.shutdown()
