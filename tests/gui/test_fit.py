"""Every tab of the Weights, Concepts and Data panels fits a 1024x768 window: nothing cut off."""

import pytest
from PySide6.QtCore import QRectF

from fit import clipped_children  # tests/gui/fit.py (pytest puts this folder on sys.path)

TABS = [("weightsPanel", i) for i in range(3)] + [("conceptsPanel", i) for i in range(6)] + \
       [("dataPanel", i) for i in range(2)]


@pytest.fixture
def small_window(main_window, qtbot):
    main_window.resize(1024, 768)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


def show_tab(window, qtbot, panel_name, index):
    panel = window.panels[panel_name]
    window.side_list.setCurrentRow(list(window.panels).index(panel_name))
    panel.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: panel.tabs.currentWidget().isVisible())
    return panel


@pytest.mark.parametrize("panel_name, index", TABS)
def test_tab_fits_1024x768(small_window, qtbot, panel_name, index):
    panel = show_tab(small_window, qtbot, panel_name, index)
    if panel_name == "weightsPanel" and index == 0:
        panel.first.show_unit(9)  # the tile detail, its colour bar and outgoing-weights chart
    qtbot.waitUntil(lambda: not clipped_children(small_window), timeout=3000)


def test_clipped_children_finds_a_cut_widget(qtbot):
    from PySide6.QtWidgets import QLabel, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(100, 40)
    inside, outside = QLabel("fits", parent), QLabel("a label far too long for its place", parent)
    inside.setGeometry(0, 0, 50, 20)
    outside.setGeometry(60, 0, 80, 20)
    parent.show()
    found = clipped_children(parent)
    assert len(found) == 1 and "outside" in found[0]


def test_perceptron_plot_shows_all_four_inputs(small_window, qtbot):
    panel = show_tab(small_window, qtbot, "conceptsPanel", 4)
    view = panel.explorers["perceptron"].plot.getPlotItem().getViewBox()
    qtbot.waitUntil(lambda: view.viewRect().contains(QRectF(-0.5, -0.5, 2.0, 2.0)))


def test_losses_plot_shows_all_ten_bars(small_window, qtbot):
    panel = show_tab(small_window, qtbot, "conceptsPanel", 2)
    view = panel.explorers["losses"].view_box
    qtbot.waitUntil(lambda: view.viewRect().left() <= -0.4 and view.viewRect().right() >= 9.4)
