"""The main window: a side list of panels, menus, status bar; owns the AppContext."""

from __future__ import annotations

import importlib

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QMainWindow, QStackedWidget, QWidget

from nnstudio.gui.context import AppContext, ModelInfo
from nnstudio.gui.panels import PANELS
from nnstudio.gui.panels.coming import ComingPanel


class MainWindow(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("NN Studio")
        self.context = AppContext(self)
        self.panels = {}
        self.side_list = QListWidget()
        self.side_list.setObjectName("panelList")
        self.side_list.setFixedWidth(150)
        self.stack = QStackedWidget()
        for object_name, title, module, cls_name, what in PANELS:
            panel = self._make_panel(module, cls_name, title, what)
            panel.setObjectName(object_name)
            self.panels[object_name] = panel
            self.side_list.addItem(title)
            self.stack.addWidget(panel)
        self.side_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.side_list.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.side_list)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.resize(1280, 820)
        self._load_default_model()

    def _make_panel(self, module, cls_name, title, what):
        try:
            cls = getattr(importlib.import_module(module), cls_name)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            return ComingPanel(self.context, title, what)
        return cls(self.context)

    def _load_default_model(self):
        from nnstudio.core.serialization import ModelFileError, load_model
        from nnstudio.paths import default_model_path

        path = default_model_path()
        if not path.exists():
            return
        try:
            network, meta = load_model(path)
        except ModelFileError as exc:
            self.statusBar().showMessage(f"Bundled model unusable: {exc}")
            return
        self.context.set_model(ModelInfo(network, "bundled default model", "bundled", path, meta))

    @Slot()
    def shutdown(self):
        for panel in self.panels.values():
            if hasattr(panel, "shutdown"):
                panel.shutdown()

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)
