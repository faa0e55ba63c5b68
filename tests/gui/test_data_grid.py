"""The image grid widget: paging, captions, clicks."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnstudio.gui.widgets.image_grid import ImageGrid


@pytest.fixture
def grid(qtbot):
    g = ImageGrid(columns=5, rows=4)
    qtbot.addWidget(g)
    g.resize(400, 400)
    g.show()
    qtbot.waitExposed(g)
    return g


def _images(n):
    x = np.zeros((n, 784), dtype=np.float32)
    x[np.arange(n), np.arange(n) % 784] = 1.0
    return x


def test_pages_hold_page_size_images(grid):
    x = _images(47)
    grid.set_images(x, captions=[str(i) for i in range(47)])
    assert grid.page_count == 3 and grid.page_size == 20
    assert grid.shown_indices().tolist() == list(range(20))
    assert not grid.prev_button.isEnabled() and grid.next_button.isEnabled()
    grid.next_button.click()
    assert grid.page == 1 and grid.shown_indices().tolist() == list(range(20, 40))
    grid.page_spin.setValue(3)
    assert grid.shown_indices().tolist() == list(range(40, 47))
    assert grid.page_captions() == [str(i) for i in range(40, 47)]
    assert not grid.next_button.isEnabled()
    grid.next_page()  # past the end stays on the last page
    assert grid.page == 2
    assert grid.count_label.text() == "47 images"
    assert grid.canvas.image.width() == 7 * 28 and grid.canvas.image.height() == 28


def test_indices_select_and_order_the_images(grid):
    x = _images(30)
    grid.set_images(x, indices=[29, 3, 11], captions=["a", "b", "c"], flags=[True, False, True])
    assert grid.page_count == 1 and grid.shown_indices().tolist() == [29, 3, 11]
    assert grid.page_flags().tolist() == [True, False, True]
    # the page image is the selected images, side by side
    img = grid.canvas.image
    row = np.array([img.pixelColor(29 % 28, 29 // 28).red(), img.pixelColor(28 + 3, 0).red()])
    assert row.tolist() == [255, 255]


def test_click_emits_the_image_index(grid, qtbot):
    grid.set_images(_images(30), indices=np.arange(30)[::-1])
    grid.next_page()
    pos = 2
    expected = int(grid.shown_indices()[pos])
    with qtbot.waitSignal(grid.index_clicked) as blocker:
        qtbot.mouseClick(grid.canvas, Qt.LeftButton, pos=grid.canvas.tile_rect(pos).center())
    assert blocker.args == [expected]


def test_mismatched_captions_are_refused_and_empty_shows_message(grid):
    with pytest.raises(ValueError, match="2 captions for 3 images"):
        grid.set_images(_images(3), captions=["a", "b"])
    grid.clear("Nothing here")
    assert grid.page_len() == 0 and grid.page_count == 1 and grid.empty_text == "Nothing here"
    grid.repaint()


def test_callable_captions_are_made_for_the_visible_page_only(grid):
    asked = []

    def caption(k):
        asked.append(k)
        return f"#{k}"

    grid.set_images(_images(100), captions=caption, tooltips=lambda k: f"tip {k}")
    grid.set_page(2)
    asked.clear()
    assert grid.page_captions() == [f"#{k}" for k in range(40, 60)]
    assert sorted(asked) == list(range(40, 60))
    assert grid.tooltip(3) == "tip 43"


def test_hover_highlights_a_tile_and_the_tooltip_names_it(grid, qtbot, monkeypatch):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    shown = []  # the offscreen platform warns when a real tooltip window is raised
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, *a: shown.append(text))
    grid.set_images(_images(30), captions=[str(i) for i in range(30)])
    centre = grid.canvas.tile_rect(6).center()
    qtbot.mouseMove(grid.canvas, centre)
    qtbot.waitUntil(lambda: grid.canvas.hover == 6)
    grid.canvas.repaint()
    QApplication.sendEvent(grid.canvas, QHelpEvent(QEvent.ToolTip, centre, grid.canvas.mapToGlobal(centre)))
    assert shown[-1] == "6 · image #6"
    QApplication.sendEvent(grid.canvas, QHelpEvent(QEvent.ToolTip, QPoint(1, 1), QPoint(1, 1)))
    assert len(shown) == 1  # nothing outside the tiles
