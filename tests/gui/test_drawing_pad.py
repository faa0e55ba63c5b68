"""DrawingPad: real mouse drags make strokes; Clear, Undo, keys, throttled signals, brush size."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nnstudio.gui.widgets.drawing_pad import BRUSH_RANGE, DrawingPad

from helpers import ellipse, vertical
from test_drawing_helpers import drag, pad_points, white_pixels


@pytest.fixture
def pad(qtbot):
    pad = DrawingPad()
    qtbot.addWidget(pad)
    pad.resize(300, 300)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def test_a_drag_draws_a_stroke(pad, qtbot):
    assert pad.objectName() == "drawingPad"
    assert pad.is_empty() and white_pixels(pad) == 0
    with qtbot.waitSignal(pad.stroke_finished, timeout=1000):
        drag(pad, pad_points(pad, vertical()))
    strokes = pad.strokes()
    assert len(strokes) == 1 and len(strokes[0]) >= 20
    assert white_pixels(pad) > 50
    xs, ys = strokes[0][:, 0], strokes[0][:, 1]
    assert np.allclose(xs, 140, atol=4) and ys.min() < 50 and ys.max() > 230  # logical coordinates
    drag(pad, pad_points(pad, ellipse()))
    assert len(pad.strokes()) == 2


def test_strokes_do_not_depend_on_the_widget_size(pad, qtbot):
    drag(pad, pad_points(pad, vertical()))
    small = pad.strokes()[0]
    pad.clear()
    pad.resize(600, 500)
    qtbot.waitUntil(lambda: pad.width() == 600)
    drag(pad, pad_points(pad, vertical()))
    assert np.allclose(pad.strokes()[0], small, atol=1.5)


def test_fast_strokes_leave_no_gaps(pad):
    drag(pad, pad_points(pad, [(40, 140), (240, 140)]))  # one long jump
    image = pad.grab().toImage()
    rect = pad.canvas_rect()
    y = int(rect.y() + rect.height() / 2)
    row = [image.pixelColor(int(rect.x() + rect.width() * f), y).lightness() for f in np.linspace(0.18, 0.82, 30)]
    assert min(row) > 250


def test_clear_and_undo_buttons_and_keys(pad, qtbot):
    drag(pad, pad_points(pad, vertical()))
    drag(pad, pad_points(pad, ellipse()))
    pad.setFocus()
    with qtbot.waitSignal(pad.strokes_changed, timeout=1000):
        QTest.keyClick(pad, Qt.Key_Z, Qt.ControlModifier)
    assert len(pad.strokes()) == 1
    pad.undo()
    assert pad.is_empty()
    pad.undo()  # nothing to undo: harmless
    drag(pad, pad_points(pad, vertical()))
    QTest.keyClick(pad, Qt.Key_Escape)
    assert pad.is_empty() and white_pixels(pad) == 0
    drag(pad, pad_points(pad, vertical()))
    pad.clear()
    assert pad.strokes() == []


def test_strokes_changed_is_throttled_while_drawing(pad, qtbot):
    seen = []
    pad.strokes_changed.connect(lambda: seen.append(1))
    many = [(40 + i * 0.5, 140 + 40 * np.sin(i / 20)) for i in range(400)]
    drag(pad, pad_points(pad, many))
    # 400 moves in a few milliseconds: one emission at the release, maybe one from the timer
    assert 1 <= len(seen) <= 3
    seen.clear()

    pts = pad_points(pad, [(100, 100), (120, 120)])
    QTest.mousePress(pad, Qt.LeftButton, Qt.NoModifier, QPointF(*pts[0]).toPoint())
    p = QPointF(*pts[1])
    QApplication.sendEvent(pad, QMouseEvent(QEvent.MouseMove, p, pad.mapToGlobal(p), Qt.NoButton,
                                            Qt.LeftButton, Qt.NoModifier))
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=1000)  # emitted while the button is still down
    assert len(pad.strokes()) == 2 and len(pad.strokes()[1]) == 2  # includes the stroke in progress
    QTest.mouseRelease(pad, Qt.LeftButton, Qt.NoModifier, p.toPoint())


def test_a_click_is_a_dot_and_moves_without_button_draw_nothing(pad):
    pts = pad_points(pad, [(140, 140)])
    QTest.mouseClick(pad, Qt.LeftButton, Qt.NoModifier, QPoint(int(pts[0][0]), int(pts[0][1])))
    assert len(pad.strokes()) == 1 and len(pad.strokes()[0]) == 1
    assert white_pixels(pad) > 5
    QTest.mouseMove(pad)  # no button held
    assert len(pad.strokes()) == 1


def test_brush_size_is_clamped(pad):
    pad.set_brush_size(1000)
    assert pad.brush_size() == BRUSH_RANGE[1]
    pad.set_brush_size(0)
    assert pad.brush_size() == BRUSH_RANGE[0]


def test_set_strokes_replaces_the_drawing(pad, qtbot):
    with qtbot.waitSignal(pad.strokes_changed, timeout=1000):
        pad.set_strokes([vertical(), np.zeros((0, 2))])
    assert len(pad.strokes()) == 1 and white_pixels(pad) > 50


def test_qtest_mouse_moves_between_press_and_release_draw(pad):
    """Replays that use QTest.mouseMove (which may not report the held button) still draw."""
    pts = [QPoint(int(x), int(y)) for x, y in pad_points(pad, vertical(n=12))]
    QTest.mousePress(pad, Qt.LeftButton, Qt.NoModifier, pts[0])
    for p in pts[1:-1]:
        QTest.mouseMove(pad, p)
    QTest.mouseRelease(pad, Qt.LeftButton, Qt.NoModifier, pts[-1])
    assert len(pad.strokes()) == 1 and len(pad.strokes()[0]) >= 10
    QTest.mouseMove(pad, pts[3])  # after the release: nothing
    assert len(pad.strokes()) == 1 and len(pad.strokes()[0]) < 13
