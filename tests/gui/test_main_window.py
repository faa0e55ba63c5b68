"""The main window opens with one page per area."""

from nnstudio.gui.panels import PANELS


def test_main_window_has_every_panel(main_window):
    assert main_window.objectName() == "mainWindow"
    names = [p[0] for p in PANELS]
    assert list(main_window.panels) == names
    assert main_window.side_list.count() == len(PANELS)


def test_side_list_switches_panel(main_window, qtbot):
    main_window.side_list.setCurrentRow(3)
    assert main_window.stack.currentIndex() == 3
