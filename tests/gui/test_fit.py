"""Every tab of the Weights, Concepts and Data panels fits a 1024x768 window: nothing cut off."""

import pytest
from PySide6.QtCore import QRectF

from fit import _oversized_scene, clipped_children  # tests/gui/fit.py (pytest puts this folder on sys.path)

TABS = [("weightsPanel", i) for i in range(3)] + [("conceptsPanel", i) for i in range(6)] + \
       [("dataPanel", i) for i in range(2)]


@pytest.fixture
def small_window(main_window, qtbot):
    main_window.resize(1024, 768)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


def _geometries(window):
    from PySide6.QtWidgets import QGraphicsView, QWidget

    shapes = [w.geometry().getRect() for w in window.findChildren(QWidget) if w.isVisible()]
    for view in window.findChildren(QGraphicsView):
        if view.isVisible() and view.scene() is not None:
            shapes += [i.sceneBoundingRect().getRect() for i in view.scene().items() if i.parentItem() is None]
    return shapes


def settle(qtbot, window):
    """Process events until no widget or plot moves between two passes (layouts are lazy)."""
    from PySide6.QtWidgets import QApplication

    last = None

    def still():
        nonlocal last
        QApplication.processEvents()
        now = _geometries(window)
        same, last = now == last, now
        return same

    qtbot.waitUntil(still, timeout=10_000)


def show_tab(window, qtbot, panel_name, index):
    panel = window.panels[panel_name]
    window.side_list.setCurrentRow(list(window.panels).index(panel_name))
    panel.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: panel.tabs.currentWidget().isVisible())
    settle(qtbot, window)
    return panel


@pytest.mark.parametrize("panel_name, index", TABS)
def test_tab_fits_1024x768(small_window, qtbot, panel_name, index):
    if panel_name == "weightsPanel" and index == 0:
        from helpers import bundled_mlp_info

        small_window.context.set_model(bundled_mlp_info())  # the MLP's tiles (conv filters: test_weights_conv)
    panel = show_tab(small_window, qtbot, panel_name, index)
    if panel_name == "weightsPanel" and index == 0:
        panel.first.show_unit(9)  # the tile detail, its colour bar and outgoing-weights chart
        settle(qtbot, small_window)
    assert clipped_children(small_window) == []


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
    plot = panel.explorers["perceptron"].plot
    view = plot.getPlotItem().getViewBox()
    assert _oversized_scene(plot) == ""  # the whole plot is on screen
    assert view.viewRect().contains(QRectF(-0.5, -0.5, 2.0, 2.0))


def test_losses_plot_shows_all_ten_bars(small_window, qtbot):
    panel = show_tab(small_window, qtbot, "conceptsPanel", 2)
    view = panel.explorers["losses"].view_box
    assert _oversized_scene(panel.explorers["losses"].bar_plot) == ""
    assert view.viewRect().left() <= -0.4 and view.viewRect().right() >= 9.4


@pytest.mark.parametrize("width", [230, 600])
def test_bar_labels_never_overlap_and_stay_in_the_plot(qtbot, width):
    from nnstudio.gui.panels.data.chart import BarChart

    chart = BarChart("Images per label")
    qtbot.addWidget(chart)
    chart.resize(width, 220)
    chart.show()
    counts = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    chart.set_bars(counts, ticks=[str(d) for d in range(10)], texts=[f"{c:,}" for c in counts])
    settle(qtbot, chart)
    boxes = [t.sceneBoundingRect() for t in chart.texts]
    assert all(not a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    inside = chart.plot_item.getViewBox().sceneBoundingRect()
    assert all(inside.contains(b) for b in boxes)
