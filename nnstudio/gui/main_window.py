"""The main window: a side list of panels, menus and shortcuts, status bar, settings; owns the AppContext."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, QThread, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QListWidget, QMainWindow, QMessageBox,
                               QStackedWidget, QWidget)

from nnstudio.gui import settings, workers_registry
from nnstudio.gui.context import AppContext, DatasetInfo, ModelInfo
from nnstudio.gui.panels import PANELS
from nnstudio.gui.saving import report_save_error
from nnstudio.gui.widgets.panel_scroll import PanelScroll

ABOUT = """<h3>NN Studio</h3>
<p>Watch a neural network learn: multilayer perceptrons on handwritten digits, their weights,
gradient descent and the ideas behind them, following <i>Deep Learning from Scratch</i> (ch. 3-4)
and Michael Nielsen's <i>Neural Networks and Deep Learning</i> (ch. 1).</p>
<p><b>MNIST</b> handwritten digit database by Yann LeCun, Corinna Cortes and
Christopher J. C. Burges, used under the Creative Commons Attribution-Share Alike 3.0 licence
(CC BY-SA 3.0).</p>
<p>Built with Python, NumPy, Qt for Python (PySide6) and pyqtgraph.</p>"""


class _DatasetLoader(QThread):
    """Reads an MNIST-format folder off the GUI thread."""

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, directory: Path, parent=None):
        super().__init__(parent)
        self.directory = directory

    def run(self) -> None:
        from nnstudio.core.digits.data import DatasetError, load_mnist

        try:
            data = load_mnist(directory=self.directory)
        except (DatasetError, OSError) as exc:
            self.failed.emit(str(exc))
        else:
            self.loaded.emit(data)


DEFAULT_SIZE = QSize(1280, 820)


def _default_size(screen) -> QSize:
    """The first-start window size: DEFAULT_SIZE, shrunk to fit the screen's free area (a laptop,
    or any screen with View ▸ Interface size above 100%)."""
    if screen is None:
        return DEFAULT_SIZE
    free = screen.availableGeometry().size()
    return DEFAULT_SIZE.boundedTo(QSize(int(free.width() * 0.95), int(free.height() * 0.92)))


class MainWindow(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("NN Studio")
        self.context = AppContext(self)
        self.panels = {}
        self._saved_paths: dict[int, Path] = {}  # id(network) → where it was last saved
        self._loader: _DatasetLoader | None = None
        self.side_list = QListWidget()
        self.side_list.setObjectName("panelList")
        self.side_list.setFixedWidth(150)
        self.stack = QStackedWidget()
        for object_name, title, module, cls_name, what in PANELS:
            panel = self._make_panel(module, cls_name)
            panel.setObjectName(object_name)
            self.panels[object_name] = panel
            self.side_list.addItem(title)
            # Each panel in a scroll area: on a screen smaller than a panel needs (a 1280x720 or
            # 1024x768 projector, or a large interface size) it scrolls instead of pushing the
            # window past the screen's edges; where it fits, nothing changes.
            scroll = PanelScroll(panel)
            scroll.setObjectName(f"{object_name}Scroll")
            self.stack.addWidget(scroll)
        self.side_list.currentRowChanged.connect(self._on_panel_row)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.side_list)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.model_label = QLabel("No model")
        self.model_label.setObjectName("modelLabel")
        self.dataset_label = QLabel("Data: MNIST (bundled)")
        self.statusBar().addPermanentWidget(self.dataset_label)
        self.statusBar().addPermanentWidget(self.model_label)
        self.context.model_changed.connect(self._on_model_changed)
        self.context.dataset_changed.connect(self._on_dataset_changed)
        self.context.training_state_changed.connect(self._on_training_state)
        self._build_menus()
        self.side_list.setCurrentRow(0)
        self.resize(_default_size(self.screen()))
        self._load_default_model()
        self.restore_settings()

    def _make_panel(self, module, cls_name):
        return getattr(importlib.import_module(module), cls_name)(self.context)

    # ------------------------------------------------------------------ menus
    def _action(self, menu, text, slot, shortcut=None, name=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.open_model_action = self._action(file, "&Open model…", self.open_model_dialog,
                                              QKeySequence.Open, "openModelAction")
        self.save_model_action = self._action(file, "&Save model…", self.save_model, "Ctrl+S", "saveModelAction")
        self.save_model_as_action = self._action(file, "Save model &as…", self.save_model_as, "Ctrl+Shift+S",
                                                 "saveModelAsAction")
        file.addSeparator()
        self.open_dataset_action = self._action(file, "Open &dataset folder…", self.open_dataset_dialog,
                                                None, "openDatasetAction")
        self.export_plot_action = self._action(file, "&Export plot…", self.export_plot, "Ctrl+E",
                                               "exportPlotAction")
        file.addSeparator()
        self.quit_action = self._action(file, "&Quit", self.close, "Ctrl+Q", "quitAction")

        training = self.panels.get("trainingPanel")
        if hasattr(training, "menu_actions"):
            menu = bar.addMenu("&Training")
            for action in training.menu_actions():
                menu.addAction(action)
                self.addAction(action)  # shortcuts work whichever panel is shown

        view = bar.addMenu("&View")
        self.panel_actions = QActionGroup(self)
        for i, (object_name, title, *_rest) in enumerate(PANELS):
            action = self._action(view, title, self._on_panel_action, f"Ctrl+{i + 1}" if i < 9 else None)
            action.setCheckable(True)
            action.setData(i)
            self.panel_actions.addAction(action)
        view.addSeparator()
        self.side_list_action = self._action(view, "Show panel list", self._on_side_list_toggled,
                                             None, "showPanelListAction")
        self.side_list_action.setCheckable(True)
        self.side_list_action.setChecked(True)
        self.status_bar_action = self._action(view, "Show status bar", self._on_status_bar_toggled,
                                              None, "showStatusBarAction")
        self.status_bar_action.setCheckable(True)
        self.status_bar_action.setChecked(True)
        size_menu = view.addMenu("Interface size")
        size_menu.setToolTipsVisible(True)
        self.ui_scale_actions = QActionGroup(self)
        current = settings.read_int(settings.UI_SCALE, 100)
        for percent in settings.UI_SCALES:
            label = f"{percent}%" + (" (for a projector)" if percent == 150 else "")
            action = self._action(size_menu, label, self._on_ui_scale, None, f"uiScale{percent}Action")
            action.setCheckable(True)
            action.setChecked(percent == current)
            action.setData(percent)
            action.setToolTip("Text, plots and images at this size from the next start of NN Studio")
            self.ui_scale_actions.addAction(action)

        help_menu = bar.addMenu("&Help")
        self.about_action = self._action(help_menu, "&About NN Studio", self.about, None, "aboutAction")

    # ------------------------------------------------------------------ panels
    @Slot(int)
    def _on_panel_row(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        actions = self.panel_actions.actions()
        if 0 <= row < len(actions):
            actions[row].setChecked(True)

    @Slot()
    def _on_ui_scale(self) -> None:
        percent = int(self.sender().data())
        settings.set_value(settings.UI_SCALE, percent)
        self.statusBar().showMessage(f"Interface size {percent}%: NN Studio will use it from its next "
                                     f"start (Qt sets the scale once, when it starts).", 10_000)

    @Slot()
    def _on_panel_action(self) -> None:
        action = self.sender()
        if action is not None:
            self.show_panel(action.data())

    def show_panel(self, index: int) -> None:
        self.side_list.setCurrentRow(index)

    def current_panel(self) -> QWidget:
        return self.stack.currentWidget().widget()  # the panel inside its scroll area

    @Slot(bool)
    def _on_side_list_toggled(self, visible: bool) -> None:
        self.side_list.setVisible(visible)

    @Slot(bool)
    def _on_status_bar_toggled(self, visible: bool) -> None:
        self.statusBar().setVisible(visible)

    # ------------------------------------------------------------------ model files
    def _load_default_model(self):
        from nnstudio.core.nn.serialization import ModelFileError, load_model
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

    def _last_dir(self, key: str) -> str:
        d = settings.read_str(key)
        return d if d and Path(d).is_dir() else str(Path.home())

    @Slot()
    def open_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open model", self._last_dir(settings.LAST_MODEL_DIR),
                                              "NN Studio model (*.npz);;All files (*)")
        if path:
            self.open_model(path)

    def open_model(self, path) -> bool:
        """Load a model file and make it the current model; a dialog on a bad file."""
        from nnstudio.core.nn.serialization import ModelFileError, load_model

        path = Path(path)
        try:
            network, meta = load_model(path)
        except ModelFileError as exc:
            QMessageBox.warning(self, "Cannot open model", str(exc))
            return False
        except Exception as exc:  # a file that broke the reader some other way: still a dialog
            QMessageBox.warning(self, "Cannot open model", f"{path}: {type(exc).__name__}: {exc}")
            return False
        settings.set_value(settings.LAST_MODEL_DIR, str(path.parent))
        self._saved_paths[id(network)] = path
        self.context.set_model(ModelInfo(network, path.name, "file", path, meta))
        return True

    @Slot()
    def save_model(self) -> None:
        info = self.context.model
        if info is None:
            QMessageBox.information(self, "Save model", "There is no model to save yet: train one first.")
            return
        path = self._saved_paths.get(id(info.network))
        if path is None:
            self.save_model_as()
        else:
            self.save_model_to(path)

    @Slot()
    def save_model_as(self) -> None:
        info = self.context.model
        if info is None:
            QMessageBox.information(self, "Save model", "There is no model to save yet: train one first.")
            return
        stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in info.name).strip("-") or "model"
        start = Path(self._last_dir(settings.LAST_MODEL_DIR)) / f"{stem}.npz"
        path, _ = QFileDialog.getSaveFileName(self, "Save model", str(start), "NN Studio model (*.npz)")
        if path:
            if not path.lower().endswith(".npz"):
                path += ".npz"
            self.save_model_to(path)

    def save_model_to(self, path) -> bool:
        """Save the current model atomically; a dialog when it cannot be written."""
        from nnstudio.core.nn.serialization import save_model

        info = self.context.model
        if info is None:
            return False
        path = Path(path)
        meta = dict(info.meta)
        meta.setdefault("name", info.name)
        try:
            save_model(path, info.network, meta)
        except OSError as exc:
            report_save_error(self, path, exc, "Cannot save model")
            return False
        except (TypeError, ValueError) as exc:
            QMessageBox.warning(self, "Cannot save model", f"{path}: {exc}")
            return False
        self._saved_paths[id(info.network)] = path
        settings.set_value(settings.LAST_MODEL_DIR, str(path.parent))
        self.statusBar().showMessage(f"Saved {info.name} to {path}", 5000)
        self._on_model_changed(info)
        return True

    @Slot(object)
    def _on_model_changed(self, info) -> None:
        if info is None:
            self.model_label.setText("No model")
            return
        path = self._saved_paths.get(id(info.network))
        sizes = "-".join(str(s) for s in info.network.sizes)
        where = f" · {path.name}" if path is not None and path.name != info.name else ""
        self.model_label.setText(f"Model: {info.name} ({sizes}){where}")
        self.model_label.setToolTip(str(path) if path else "not saved")

    # ------------------------------------------------------------------ datasets
    @Slot()
    def open_dataset_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, "Open MNIST-format dataset folder",
                                                     self._last_dir(settings.LAST_DATASET_DIR))
        if directory:
            self.open_dataset(directory)

    def open_dataset(self, directory) -> bool:
        """Load a folder of the four MNIST-format files in a thread; the context gets it when done."""
        if self._loader is not None:
            QMessageBox.information(self, "Open dataset", "A dataset is still loading; wait a moment.")
            return False
        directory = Path(directory)
        self._loader = _DatasetLoader(directory)
        self._loader.loaded.connect(self._on_dataset_loaded)
        self._loader.failed.connect(self._on_dataset_failed)
        self._loader.finished.connect(self._on_loader_finished)
        workers_registry.register(self._loader)
        self.open_dataset_action.setEnabled(False)
        self.statusBar().showMessage(f"Loading dataset from {directory}…")
        self._loader.start()
        return True

    @Slot(object)
    def _on_dataset_loaded(self, data) -> None:
        directory = self._loader.directory if self._loader else None
        if directory is None:
            return
        settings.set_value(settings.LAST_DATASET_DIR, str(directory))
        self.context.set_dataset(DatasetInfo(directory.name or str(directory), directory, data))
        self.statusBar().showMessage(f"Dataset {directory} loaded: {len(data[0][0]):,} training and "
                                     f"{len(data[1][0]):,} test images", 8000)

    @Slot(str)
    def _on_dataset_failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, "Cannot open dataset", message)

    @Slot()
    def _on_loader_finished(self) -> None:
        if self._loader is not None:
            self._loader.wait()
            self._loader = None
        self.open_dataset_action.setEnabled(True)

    @Slot(object)
    def _on_dataset_changed(self, info) -> None:
        self.dataset_label.setText(f"Data: {info.name}")

    @Slot(bool)
    def _on_training_state(self, running: bool) -> None:
        self.statusBar().showMessage("Training…" if running else "Ready", 0 if running else 3000)

    # ------------------------------------------------------------------ other actions
    @Slot()
    def export_plot(self) -> None:
        panel = self.current_panel()
        if hasattr(panel, "export_plot"):
            panel.export_plot()
        else:
            QMessageBox.information(self, "Export plot", "This page has no plot to export.")

    @Slot()
    def about(self) -> None:
        QMessageBox.about(self, "About NN Studio", ABOUT)

    # ------------------------------------------------------------------ settings and closing
    def restore_settings(self) -> None:
        geometry = settings.value(settings.GEOMETRY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value(settings.WINDOW_STATE)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        row = settings.read_int(settings.LAST_PANEL, 0)
        if 0 <= row < self.side_list.count():
            self.side_list.setCurrentRow(row)
        visible = settings.read_bool(settings.SIDE_LIST_VISIBLE, True)
        self.side_list_action.setChecked(visible)
        self.side_list.setVisible(visible)
        for panel in self.panels.values():
            if hasattr(panel, "restore_settings"):
                panel.restore_settings()

    def save_settings(self) -> None:
        settings.set_value(settings.GEOMETRY, self.saveGeometry())
        settings.set_value(settings.WINDOW_STATE, self.saveState())
        settings.set_value(settings.LAST_PANEL, self.side_list.currentRow())
        settings.set_value(settings.SIDE_LIST_VISIBLE, self.side_list_action.isChecked())
        for panel in self.panels.values():
            if hasattr(panel, "save_settings"):
                panel.save_settings()

    @Slot()
    def shutdown(self):
        for panel in self.panels.values():
            if hasattr(panel, "shutdown"):
                panel.shutdown()
        if self._loader is not None:
            self._loader.wait(10_000)

    def closeEvent(self, event):
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)
