"""The Data panel: browse the dataset (Browse tab) and evaluate the current model (Evaluate tab)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QTabWidget, QVBoxLayout, QWidget

from nnstudio.gui import settings
from nnstudio.gui.panels.data.browse import BrowseView
from nnstudio.gui.panels.data.evaluate import EvaluateView
from nnstudio.gui.saving import save_image, save_or_report


class DataPanel(QWidget):
    """Two tabs over the shared context: "Browse" (the images) and "Evaluate" (the model on them)."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.browse = BrowseView(context)
        self.browse.setObjectName("browseTab")
        self.evaluate = EvaluateView(context)
        self.evaluate.setObjectName("evaluateTab")
        self.tabs = QTabWidget(objectName="dataTabs")
        self.tabs.addTab(self.browse, "Browse")
        self.tabs.addTab(self.evaluate, "Evaluate")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def export_to(self, path: str | Path) -> None:
        """Save the visible tab as a PNG (atomically); raises OSError if the file cannot be written."""
        save_image(self.tabs.currentWidget().grab(), path)

    def export_plot(self) -> None:
        """File ▸ Export plot…: ask for a file name, save the visible tab as a PNG."""
        name = "data.png" if self.tabs.currentIndex() == 0 else "evaluation.png"
        start = Path(settings.read_str(settings.LAST_EXPORT_DIR, str(Path.home()))) / name
        path, _ = QFileDialog.getSaveFileName(self, "Export plot", str(start), "PNG image (*.png)")
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not save_or_report(self, path, lambda: self.export_to(path)):
            return
        settings.set_value(settings.LAST_EXPORT_DIR, str(Path(path).parent))

    def shutdown(self) -> None:
        """Wait for any statistics or evaluation job still running (called on window close)."""
        self.browse.shutdown()
        self.evaluate.shutdown()
