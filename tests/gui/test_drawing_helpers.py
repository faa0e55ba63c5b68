"""Qt helpers for the drawing pad tests (no tests here): real mouse drags, pad positions, white
pixels. The digit shapes and the tiny model are in tests/helpers.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def drag(widget, points) -> None:
    """Press the left button at points[0], move through the rest with it held, release at the end.

    QTest.mouseMove carries no buttons in PySide6, so moves are QMouseEvents sent directly.
    """
    pts = [QPointF(float(x), float(y)) for x, y in points]
    QTest.mousePress(widget, Qt.LeftButton, Qt.NoModifier, pts[0].toPoint())
    for p in pts[1:]:
        event = QMouseEvent(QEvent.MouseMove, p, widget.mapToGlobal(p), Qt.NoButton, Qt.LeftButton,
                            Qt.NoModifier)
        QApplication.sendEvent(widget, event)
    QTest.mouseRelease(widget, Qt.LeftButton, Qt.NoModifier, pts[-1].toPoint())


def pad_points(pad, logical_points):
    """Logical canvas points (0-280) → widget positions on `pad`."""
    rect = pad.canvas_rect()
    k = rect.width() / 280.0
    return [(rect.x() + x * k, rect.y() + y * k) for x, y in logical_points]


def white_pixels(widget) -> int:
    image = widget.grab().toImage()
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y).lightness() > 250:
                count += 1
    return count

