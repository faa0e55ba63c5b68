"""The main window's menu bar: File, Training (the training panel's actions), View and Help (keyboard
shortcuts, about).

Each action becomes an attribute of the window (`window.save_model_action`, ...) with a stable
objectName, so tests and settings find it. Texts are marked with QT_TRANSLATE_NOOP (context
"Menus") and kept with their objects in `window.tr_texts`: `retranslate_menus` sets them again in
the current language (View ▸ Language).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QObject, QT_TRANSLATE_NOOP, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

import nnstudio
from nnstudio.gui import i18n, settings
from nnstudio.gui.i18n import translate
from nnstudio.gui.panels import PANELS

CONTEXT = "Menus"


def set_text(window, obj, setter: str, text: str, context: str = CONTEXT, **fmt) -> None:
    """Call obj.<setter>(text translated in `context`, .format(**fmt)) now and after every change of
    language (`text` is marked for lupdate where it is written: QT_TRANSLATE_NOOP(context, ...))."""
    if not hasattr(window, "tr_texts"):
        window.tr_texts = []
    window.tr_texts.append((obj, setter, context, text, fmt))
    getattr(obj, setter)(_translated(context, text, fmt))


def _translated(context, text, fmt) -> str:
    out = translate(context, text)
    return out.format(**fmt) if fmt else out


def retranslate_menus(window) -> None:
    """Every text given to set_text, again, in the current language."""
    for obj, setter, context, text, fmt in getattr(window, "tr_texts", []):
        getattr(obj, setter)(_translated(context, text, fmt))


def add_menu(window, parent, title: str):
    menu = parent.addMenu("")
    set_text(window, menu, "setTitle", title)
    return menu


def add_action(window, menu, text, slot, shortcut=None, name=None, context: str = CONTEXT, **fmt) -> QAction:
    """A QAction owned by `window`, added to `menu`, triggering `slot`; `text` is translated in
    `context` (and again when the language changes), then formatted with `fmt`."""
    action = QAction(window)
    set_text(window, action, "setText", text, context, **fmt)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if name:
        action.setObjectName(name)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window) -> None:
    """Fill `window.menuBar()`; `window.model_files` handles the model actions."""
    _file_menu(window)
    bar = window.menuBar()
    training = window.panels.get("trainingPanel")
    if hasattr(training, "menu_actions"):
        menu = add_menu(window, bar, QT_TRANSLATE_NOOP("Menus", "&Training"))
        menu.setObjectName("trainingMenu")
        for action in training.menu_actions():
            menu.addAction(action)
            window.addAction(action)  # shortcuts work whichever panel is shown
    _view_menu(window)
    help_menu = add_menu(window, bar, QT_TRANSLATE_NOOP("Menus", "&Help"))
    window.help_actions = HelpActions(window)
    window.shortcuts_action = add_action(window, help_menu, QT_TRANSLATE_NOOP("Menus", "&Keyboard shortcuts"),
                                         window.help_actions.show_shortcuts, None, "shortcutsAction")
    window.about_action = add_action(window, help_menu, QT_TRANSLATE_NOOP("Menus", "&About NN Studio"),
                                     window.help_actions.about, None, "aboutAction")


def version() -> str:
    """The running code's version (pyproject.toml gives the same to the installed package)."""
    return nnstudio.__version__


def _plain(text: str) -> str:
    """A menu text without its mnemonic: "&File" → "File", "文件(&F)" → "文件"."""
    text = re.sub(r"\(&[^&]\)$", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(menu, command, keys) of every menu action that has a shortcut, in menu order, then the
    window's other shortcuts (QShortcut objects with a whatsThis); read from the actions
    themselves, so the list cannot go stale."""
    rows = []

    def walk(menu, path):
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {_plain(action.menu().title())}")
            elif action.shortcuts():
                keys = ", ".join(k.toString(QKeySequence.NativeText) for k in action.shortcuts())
                rows.append((path, _plain(action.text()), keys))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis():
            rows.append(("", shortcut.whatsThis(), shortcut.key().toString(QKeySequence.NativeText)))
    return rows


class HelpActions(QObject):
    """The Help menu's dialogs."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    @Slot()
    def show_shortcuts(self) -> None:
        cells = "".join(f"<tr><td>{html.escape(menu)}</td><td>{html.escape(command)}</td>"
                        f"<td><b>{html.escape(keys)}</b></td></tr>"
                        for menu, command, keys in shortcut_rows(self.window))
        QMessageBox.information(self.window, self.tr("Keyboard shortcuts"),
                                f"<table cellspacing='0' cellpadding='3'>{cells}</table>")

    @Slot()
    def about(self) -> None:
        from nnstudio.gui.main_window import about_text  # (main_window imports this module)

        QMessageBox.about(self.window, self.tr("About NN Studio"),
                          about_text().replace("<h3>NN Studio</h3>", f"<h3>NN Studio {html.escape(version())}</h3>", 1))


def _file_menu(window) -> None:
    w, files = window, window.model_files
    file = add_menu(w, window.menuBar(), QT_TRANSLATE_NOOP("Menus", "&File"))
    w.open_model_action = add_action(w, file, QT_TRANSLATE_NOOP("Menus", "&Open model…"), files.open_model_dialog,
                                     QKeySequence.Open, "openModelAction")
    w.save_model_action = add_action(w, file, QT_TRANSLATE_NOOP("Menus", "&Save model…"), files.save_model,
                                     "Ctrl+S", "saveModelAction")
    w.save_model_as_action = add_action(w, file, QT_TRANSLATE_NOOP("Menus", "Save model &as…"),
                                        files.save_model_as, "Ctrl+Shift+S", "saveModelAsAction")
    from nnstudio.gui.model_export import ModelExporter

    w.model_exporter = ModelExporter(w, w.context)  # File ▸ Export model… (core/interop)
    w.export_model_action = add_action(w, file, QT_TRANSLATE_NOOP("Menus", "E&xport model…"),
                                       w.model_exporter.export_dialog, None, "exportModelAction")
    set_text(w, w.export_model_action, "setToolTip",
             QT_TRANSLATE_NOOP("Menus", "Write the model for PyTorch (.safetensors, .py) or ONNX (.onnx)"))
    w.revert_model_action = add_action(w, file, QT_TRANSLATE_NOOP("Menus", "&Revert to bundled model"),
                                       files.revert_to_bundled_model, None, "revertModelAction")
    set_text(w, w.revert_model_action, "setToolTip",
             QT_TRANSLATE_NOOP("Menus", "Make the bundled, trained model the current model again"))
    file.addSeparator()
    w.open_dataset_action = add_action(w, file, QT_TRANSLATE_NOOP("Menus", "Open &dataset folder…"),
                                       w.open_dataset_dialog, None, "openDatasetAction")
    w.bundled_dataset_action = add_action(w, file, QT_TRANSLATE_NOOP("Menus", "Use &bundled MNIST"),
                                          w.use_bundled_dataset, None, "useBundledMnistAction")
    w.export_plot_action = add_action(w, file, QT_TRANSLATE_NOOP("Menus", "&Export plot…"), w.export_plot,
                                      "Ctrl+E", "exportPlotAction")
    training = w.panels.get("trainingPanel")
    if hasattr(training, "open_run_dialog"):
        w.open_run_action = add_action(w, file, QT_TRANSLATE_NOOP("Menus", "Open r&un…"), training.open_run_dialog,
                                       None, "openRunAction")
    file.addSeparator()
    w.quit_action = add_action(w, file, QT_TRANSLATE_NOOP("Menus", "&Quit"), w.close, "Ctrl+Q", "quitAction")


def _view_menu(window) -> None:
    w = window
    view = add_menu(w, window.menuBar(), QT_TRANSLATE_NOOP("Menus", "&View"))
    w.panel_actions = QActionGroup(w)
    for i, (_object_name, title, *_rest) in enumerate(PANELS):
        action = add_action(w, view, title, w._on_panel_action, f"Ctrl+{i + 1}" if i < 9 else None,
                            context="Panels")
        action.setCheckable(True)
        action.setData(i)
        w.panel_actions.addAction(action)
    view.addSeparator()
    w.side_list_action = add_action(w, view, QT_TRANSLATE_NOOP("Menus", "Show panel list"),
                                    w._on_side_list_toggled, None, "showPanelListAction")
    w.side_list_action.setCheckable(True)
    w.side_list_action.setChecked(True)
    w.status_bar_action = add_action(w, view, QT_TRANSLATE_NOOP("Menus", "Show status bar"),
                                     w._on_status_bar_toggled, None, "showStatusBarAction")
    w.status_bar_action.setCheckable(True)
    w.status_bar_action.setChecked(True)
    size_menu = add_menu(w, view, QT_TRANSLATE_NOOP("Menus", "Interface size"))
    size_menu.setToolTipsVisible(True)
    w.ui_scale_actions = QActionGroup(w)
    current = settings.read_int(settings.UI_SCALE, 100)
    for percent in settings.UI_SCALES:
        label = QT_TRANSLATE_NOOP("Menus", "{percent}% (for a projector)") if percent == 150 else "{percent}%"
        action = add_action(w, size_menu, label, w._on_ui_scale, None, f"uiScale{percent}Action", percent=percent)
        action.setCheckable(True)
        action.setChecked(percent == current)
        action.setData(percent)
        set_text(w, action, "setToolTip",
                 QT_TRANSLATE_NOOP("Menus", "Text, plots and images at this size from the next start of NN Studio"))
        w.ui_scale_actions.addAction(action)
    _language_menu(w, view)


def _language_menu(window, view) -> None:
    """View ▸ Language: System (the locale's), English, 简体中文; saved, applied at once."""
    w = window
    menu = add_menu(w, view, QT_TRANSLATE_NOOP("Menus", "Language"))
    w.language_actions = QActionGroup(w)
    current = settings.read_str(settings.LANGUAGE, i18n.SYSTEM)
    for choice in i18n.CHOICES:
        name = i18n.CHOICE_NAMES[choice]
        action = QAction(name, w)
        if choice == i18n.SYSTEM:
            set_text(w, action, "setText", name, "Language")
        action.setObjectName(f"language_{choice}_Action")
        action.setCheckable(True)
        action.setChecked(choice == current)
        action.setData(choice)
        action.triggered.connect(w._on_language_action)
        menu.addAction(action)
        w.language_actions.addAction(action)
