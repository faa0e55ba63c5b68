"""Helpers for the drawing pad tests (no tests here): real mouse drags, digit shapes, a tiny model."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.digits.preprocess import strokes_to_input


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


def vertical_one(n=30):
    return [(140.0 + 0.1 * i, 45.0 + 190.0 * i / (n - 1)) for i in range(n)]


def ellipse_zero(n=60):
    t = np.linspace(0.0, 2 * np.pi, n)
    return list(zip(140 + 55 * np.sin(t), 140 - 85 * np.cos(t)))


def white_pixels(widget) -> int:
    image = widget.grab().toImage()
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y).lightness() > 250:
                count += 1
    return count


def tiny_model() -> MultiLayerNet:
    """A one-layer net whose 'digit 0' score rises on an ellipse's pixels, 'digit 1' on a bar's."""
    zero = strokes_to_input([np.array(ellipse_zero())])
    one = strokes_to_input([np.array(vertical_one())])
    W = np.zeros((784, 10), np.float32)
    W[:, 0], W[:, 1] = zero - one, one - zero
    return MultiLayerNet([784, 10], params={"W1": W * 0.2, "b1": np.zeros(10)})
