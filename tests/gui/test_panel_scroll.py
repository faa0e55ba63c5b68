"""PanelScroll: a panel fills the visible area and scrolls only below its minimum size."""

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnstudio.gui.widgets.panel_scroll import PanelScroll


class _Square(QLabel):
    """A height-for-width widget, like the drawing pad."""

    def hasHeightForWidth(self):
        return True

    def heightForWidth(self, width):
        return width


def _panel():
    panel = QWidget()
    layout = QVBoxLayout(panel)
    square = _Square("pad")
    square.setMinimumSize(200, 200)
    layout.addWidget(square)
    panel.setMinimumSize(500, 400)
    return panel


def _shown(qtbot, width, height):
    panel = _panel()
    scroll = PanelScroll(panel)
    qtbot.addWidget(scroll)
    scroll.resize(width, height)
    scroll.show()
    qtbot.waitExposed(scroll)
    return panel, scroll


def test_a_panel_that_fits_fills_the_area_without_scrolling(qtbot):
    panel, scroll = _shown(qtbot, 900, 600)
    assert panel.size() == scroll.maximumViewportSize()  # not taller for its square child
    assert not scroll.verticalScrollBar().isVisible() and not scroll.horizontalScrollBar().isVisible()


def test_a_small_area_scrolls_at_the_panels_minimum_size(qtbot):
    panel, scroll = _shown(qtbot, 300, 250)
    assert panel.width() >= 500 and panel.height() >= 400
    assert scroll.verticalScrollBar().maximum() > 0 and scroll.horizontalScrollBar().maximum() > 0
    scroll.resize(1000, 700)  # and grows back with the window
    qtbot.waitUntil(lambda: panel.width() == scroll.maximumViewportSize().width())
