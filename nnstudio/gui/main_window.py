"""The main window: a side list of panels, status bar, datasets, settings, closing; owns the AppContext.

Its menus are built by menus.py; model files (open, save, revert) are handled by model_files.py.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Slot
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QListWidget, QMainWindow, QMessageBox,
                               QStackedWidget, QWidget)

from nnstudio.gui import i18n, settings
from nnstudio.gui.context import BUNDLED_NAME, AppContext, dataset_display_name
from nnstudio.gui.i18n import translate
from nnstudio.gui.menus import build_menus, retranslate_menus
from nnstudio.gui.model_files import ModelFiles, last_dir
from nnstudio.gui.panels import PANELS
from nnstudio.gui.widgets.panel_scroll import PanelScroll
from nnstudio.gui.widgets.retranslate import Retranslatable


def about_text() -> str:
    """Help ▸ About's text in the interface language (book titles as published in it)."""
    return translate("MainWindow", """<h3>NN Studio</h3>
<p>Watch a neural network learn: multilayer perceptrons on handwritten digits, their weights,
gradient descent and the ideas behind them, following <i>Deep Learning from Scratch</i> (ch. 3-4)
and Michael Nielsen's <i>Neural Networks and Deep Learning</i> (ch. 1).</p>
<p><b>MNIST</b> handwritten digit database by Yann LeCun, Corinna Cortes and
Christopher J. C. Burges, used under the Creative Commons Attribution-Share Alike 3.0 licence
(CC BY-SA 3.0).</p>
<p>Built with Python, NumPy, Qt for Python (PySide6) and pyqtgraph.</p>""")


DEFAULT_SIZE = QSize(1280, 820)


def _default_size(screen) -> QSize:
    """The first-start window size: DEFAULT_SIZE, shrunk to fit the screen's free area (a laptop,
    or any screen with View ▸ Interface size above 100%)."""
    if screen is None:
        return DEFAULT_SIZE
    free = screen.availableGeometry().size()
    return DEFAULT_SIZE.boundedTo(QSize(int(free.width() * 0.95), int(free.height() * 0.92)))


class MainWindow(Retranslatable, QMainWindow):
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
            panel = self._make_panel(module, cls_name)
            panel.setObjectName(object_name)
            self.panels[object_name] = panel
            self.side_list.addItem("")
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
        self.model_label = QLabel(self.tr("No model"))
        self.model_label.setObjectName("modelLabel")
        self.dataset_label = QLabel("")
        self.statusBar().addPermanentWidget(self.dataset_label)
        self.statusBar().addPermanentWidget(self.model_label)
        self.model_files = ModelFiles(self, self.context, self.model_label)
        self.context.dataset_changed.connect(self._on_dataset_changed)
        self.context.dataset_loading.connect(self._on_dataset_loading)
        self.context.dataset_failed.connect(self._on_dataset_failed)
        self.context.training_state_changed.connect(self._on_training_state)
        self.context.training_paused.connect(self._on_training_paused)
        build_menus(self)
        self.retranslate()
        self.side_list.setCurrentRow(0)
        self.resize(_default_size(self.screen()))
        self.model_files.load_default_model()
        self.restore_settings()
        notice = getattr(self.panels.get("trainingPanel"), "history_notice", "")
        if notice:  # a damaged run history was set aside: say so without blocking the start
            self.statusBar().showMessage(notice, 30_000)

    def retranslate(self) -> None:
        """The window's own texts (menus, panel list, status bar) in the current language."""
        for row, (_name, title, _module, _cls, what) in enumerate(PANELS):
            item = self.side_list.item(row)
            item.setText(translate("Panels", title))
            item.setToolTip(translate("Panels", what))
        info = self.context.dataset
        name = dataset_display_name(info) if info is not None else translate("AppContext", BUNDLED_NAME)
        self.dataset_label.setText(self.tr("Data: {name}").format(name=name))
        if self.context.model is None:
            self.model_label.setText(self.tr("No model"))
        retranslate_menus(self)

    @Slot()
    def _on_language_action(self) -> None:
        self.set_language(self.sender().data())

    def set_language(self, choice: str) -> str:
        """View ▸ Language: save the choice and switch the interface to it at once (every
        Retranslatable widget gets Qt's LanguageChange event); the language used is returned."""
        settings.set_value(settings.LANGUAGE, choice)
        for action in self.language_actions.actions():
            action.setChecked(action.data() == choice)
        return i18n.apply_language(choice)

    def _make_panel(self, module, cls_name):
        return getattr(importlib.import_module(module), cls_name)(self.context)

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
        self.statusBar().showMessage(self.tr("Interface size {percent}%: NN Studio will use it from its next "
                                             "start (Qt sets the scale once, when it starts).").format(percent=percent),
                                     10_000)

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

    # ------------------------------------------------------------------ model files (model_files.py)
    @Slot()
    def open_model_dialog(self) -> None:
        self.model_files.open_model_dialog()

    def open_model(self, path) -> bool:
        """Start reading a model file in a worker (see ModelFiles.open_model); True when started."""
        return self.model_files.open_model(path)

    @Slot()
    def save_model(self) -> None:
        self.model_files.save_model()

    @Slot()
    def save_model_as(self) -> None:
        self.model_files.save_model_as()

    def save_model_to(self, path) -> bool:
        return self.model_files.save_model_to(path)

    @Slot()
    def revert_to_bundled_model(self) -> bool:
        return self.model_files.revert_to_bundled_model()

    # ------------------------------------------------------------------ datasets
    @Slot()
    def open_dataset_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, self.tr("Open MNIST-format dataset folder"),
                                                     last_dir(settings.LAST_DATASET_DIR))
        if directory:
            self.open_dataset(directory)

    def open_dataset(self, directory) -> bool:
        """Load a folder of the four MNIST-format files in a worker; the context announces it
        with `dataset_changed`, or a dialog says why not (the current dataset stays)."""
        directory = Path(directory)
        if not self.context.load_dataset(directory):
            QMessageBox.information(self, self.tr("Open dataset"), self.tr("A dataset is still loading; wait a moment."))
            return False
        self.statusBar().showMessage(self.tr("Loading dataset from {folder}…").format(folder=directory))
        return True

    @Slot(bool)
    def _on_dataset_loading(self, loading: bool) -> None:
        self.open_dataset_action.setEnabled(not loading)

    @Slot(str)
    def _on_dataset_failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Cannot open dataset"), message)

    @Slot()
    def use_bundled_dataset(self) -> bool:
        """File ▸ Use bundled MNIST: back to the bundled dataset after opening another folder
        (loaded in the background like any dataset; `dataset_changed` announces it)."""
        if not self.context.load_dataset(None):
            self.statusBar().showMessage(self.tr("A dataset is still loading; try again when it is done."), 5000)
            return False
        self.statusBar().showMessage(self.tr("Loading the bundled MNIST…"), 5000)
        return True

    @Slot(object)
    def _on_dataset_changed(self, info) -> None:
        self.dataset_label.setText(self.tr("Data: {name}").format(name=dataset_display_name(info)))
        if info.directory is not None:
            settings.set_value(settings.LAST_DATASET_DIR, str(info.directory))
            (xtr, _), (xte, _) = info.data
            self.statusBar().showMessage(self.tr("Dataset {folder} loaded: {train:,} training and {test:,} test "
                                                 "images").format(folder=info.directory, train=len(xtr),
                                                                  test=len(xte)), 8000)

    @Slot(bool)
    def _on_training_state(self, running: bool) -> None:
        self.statusBar().showMessage(self.tr("Training…") if running else self.tr("Ready"), 0 if running else 3000)

    @Slot(bool)
    def _on_training_paused(self, paused: bool) -> None:
        self.statusBar().showMessage(self.tr("Training paused (F5 resumes)") if paused else self.tr("Training…"))

    # ------------------------------------------------------------------ other actions
    @Slot()
    def export_plot(self) -> None:
        panel = self.current_panel()
        if hasattr(panel, "export_plot"):
            panel.export_plot()
        else:
            QMessageBox.information(self, self.tr("Export plot"), self.tr("This page has no plot to export."))

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
        self.model_files.cancel()  # neither waits: a model read ends on its own, unannounced,
        self.context.cancel_loading()  # and a dataset read stops at its next chunk

    def confirm_quit(self) -> bool:
        """During a run, ask before quitting; True when the window may close."""
        training = self.panels.get("trainingPanel")
        if not getattr(training, "running", False):
            return True
        run = training.run
        what = (self.tr("Run {number} is still training ({done:,} of {total:,} iterations).").format(
                    number=run.number, done=len(run.iterations), total=run.total_iterations)
                if run is not None else self.tr("A run is starting."))
        answer = QMessageBox.question(
            self, self.tr("Quit during a run?"),
            what + "\n\n" + self.tr(
                "Quit stops it: its curves are kept in the run history, and its network becomes "
                "the current model only if it learned (models are not kept across restarts: save one with "
                "File ▸ Save model…). Cancel keeps NN Studio and the run going.\n\nStop the run and quit?"),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        return answer == QMessageBox.Yes

    def closeEvent(self, event):
        if not self.confirm_quit():
            event.ignore()
            return
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)
