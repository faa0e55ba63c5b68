"""Start/Pause from the keyboard wherever the focus is; Help lists every shortcut and the version."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence


def test_f5_starts_and_pauses_from_a_text_field_without_typing_into_it(main_window, qtbot, mnist):
    from nnstudio.gui.context import DatasetInfo

    (xtr, ttr), (xte, tte) = mnist
    main_window.context.set_dataset(DatasetInfo("subset", None, ((xtr[:1000], ttr[:1000]), (xte[:500], tte[:500]))))
    panel = main_window.panels["trainingPanel"]
    panel.form.set_preset("book-twolayer")
    main_window.show()
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    panel.form.hidden.setFocus()
    qtbot.waitUntil(lambda: panel.form.hidden.hasFocus(), timeout=5_000)
    qtbot.keyClick(panel.form.hidden, Qt.Key_Space)  # a text field keeps its space: no Start
    assert not panel.running and panel.form.hidden.text() == "50 "
    assert panel.form.preset_name() == "book-twolayer"  # "50 " is still the preset's 50 units
    panel.form.hidden.setText("50")
    qtbot.keyClick(panel.form.hidden, Qt.Key_F5)
    qtbot.waitUntil(lambda: panel.running and panel.trainer is not None, timeout=60_000)
    panel.form.lr.setFocus()  # the one field open while it trains
    qtbot.keyClick(panel.form.lr, Qt.Key_F5)
    qtbot.waitUntil(lambda: panel.paused, timeout=10_000)
    assert panel.form.lr.text() == "0.1" and panel.form.hidden.text() == "50"
    panel.stop()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)


def test_help_lists_every_shortcut_from_the_actions(main_window, dialogs):
    from nnstudio.gui.menus import shortcut_rows

    rows = shortcut_rows(main_window)
    listed = {keys for _menu, _command, keys in rows}
    every = {", ".join(k.toString(QKeySequence.NativeText) for k in a.shortcuts())
             for a in main_window.findChildren(QAction) if a.shortcuts()}
    assert every <= listed  # no action with a shortcut is left out
    for keys in ("F5, Space", "Ctrl+Q", "Ctrl+.", "Esc", "Ctrl+1"):
        assert keys in listed
    main_window.shortcuts_action.trigger()
    (kind, title, text), = dialogs
    assert title == "Keyboard shortcuts" and "Training" in text and "F5, Space" in text


def test_a_new_action_with_a_shortcut_shows_up_in_the_list(main_window):
    from nnstudio.gui.menus import shortcut_rows

    menu = main_window.menuBar().actions()[0].menu()
    action = QAction("Something new", main_window)
    action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
    menu.addAction(action)
    assert ("File", "Something new", "Ctrl+Shift+Y") in shortcut_rows(main_window)


def test_about_shows_the_version(main_window, dialogs):
    import nnstudio

    main_window.about_action.trigger()
    (_, _, text), = dialogs
    assert f"NN Studio {nnstudio.__version__}" in text


def test_the_readme_names_the_start_pause_keys(main_window):
    panel = main_window.panels["trainingPanel"]
    keys = [k.toString() for k in panel.start_pause_action.shortcuts()]
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert keys[0] == "F5" and "Start (F5" in readme
