"""DrawingPad: a square canvas where the user draws a digit, kept as strokes of points."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nnstudio.gui.widgets.retranslate import Retranslatable

LOGICAL_SIZE = 280.0  # strokes are stored in a canvas of this side, whatever the widget's size
DEFAULT_BRUSH = 18.0  # logical pixels: MNIST-like proportions at a 60-80% digit height
BRUSH_RANGE = (4.0, 48.0)
EMIT_INTERVAL_MS = 50  # strokes_changed while drawing: at most about 20 per second


class DrawingPad(Retranslatable, QWidget):
    """White ink on black. Strokes are lists of (x, y) points in a LOGICAL_SIZE square canvas.

    Signals: strokes_changed (while drawing, throttled; and after clear/undo/set_strokes),
    stroke_finished (a stroke ended with the button's release).
    """

    strokes_changed = Signal()
    stroke_finished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("drawingPad")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(200, 200)
        self.setCursor(Qt.CrossCursor)
        self._strokes: list[np.ndarray] = []
        self._current: list[tuple[float, float]] | None = None
        self._brush = DEFAULT_BRUSH
        self._background: QImage | None = None  # an opened image, shown until the user draws
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(EMIT_INTERVAL_MS)
        self._emit_timer.timeout.connect(self._emit_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Draw a digit. Esc clears, Ctrl+Z undoes the last stroke."))
        self.update()  # the texts painted on the canvas

    # ------------------------------------------------------------------ state
    def strokes(self) -> list[np.ndarray]:
        """Copies of the strokes, each (n, 2) float64 (x, y) in logical canvas coordinates,
        including the one being drawn; points dragged past the edge lie outside 0..LOGICAL_SIZE."""
        out = [s.copy() for s in self._strokes]
        if self._current:
            out.append(np.array(self._current, dtype=np.float64))
        return out

    def is_empty(self) -> bool:
        return not self._strokes and not self._current

    def is_drawing(self) -> bool:
        """A stroke is in progress (the button is held)."""
        return self._current is not None

    def brush_size(self) -> float:
        return self._brush

    @Slot(float)
    @Slot(int)
    def set_brush_size(self, size: float) -> None:
        """Brush diameter in logical pixels (display only: preprocessing re-renders at MNIST width)."""
        self._brush = float(np.clip(size, *BRUSH_RANGE))
        self.update()

    def set_background(self, image: QImage | None) -> None:
        """Show an image (e.g. an opened photo) on the canvas until the next stroke or clear."""
        self._background = None if image is None or image.isNull() else image
        self.update()

    def has_background(self) -> bool:
        return self._background is not None

    @Slot()
    def clear(self) -> None:
        self._strokes.clear()
        self._current = None
        self._background = None
        self.update()
        self._emit_changed()

    @Slot()
    def undo(self) -> None:
        """Remove the last stroke (the one being drawn, if any)."""
        if self._current is not None:
            self._current = None
        elif self._strokes:
            self._strokes.pop()
        else:
            return
        self.update()
        self._emit_changed()

    def set_strokes(self, strokes) -> None:
        """Replace the drawing (logical coordinates), e.g. to show a stored digit."""
        self._strokes = [np.asarray(s, dtype=np.float64).reshape(-1, 2).copy() for s in strokes if len(s)]
        self._current = None
        self.update()
        self._emit_changed()

    # ------------------------------------------------------------------ geometry
    def canvas_rect(self) -> QRectF:
        """The square drawing area inside the widget, in widget coordinates."""
        side = float(min(self.width(), self.height()))
        return QRectF((self.width() - side) / 2.0, (self.height() - side) / 2.0, side, side)

    def to_logical(self, pos: QPointF) -> tuple[float, float]:
        """Widget position → logical canvas point. Not clamped: a stroke dragged past the edge keeps
        its true shape (flattening it onto the edge changed the digit); preprocessing crops to the
        ink wherever it lies, and the pad shows the part on the canvas (see `off_canvas`)."""
        rect = self.canvas_rect()
        k = LOGICAL_SIZE / max(rect.width(), 1.0)
        return (pos.x() - rect.x()) * k, (pos.y() - rect.y()) * k

    def off_canvas(self) -> bool:
        """Whether some ink lies past the canvas's edge (beyond the brush's half width)."""
        return bool(self.edges_crossed())

    def edges_crossed(self) -> set[str]:
        """The canvas's sides ("left", "right", "top", "bottom") past which some ink lies."""
        margin = self._brush / 2.0
        sides = set()
        for stroke in self._all_strokes():
            a = np.asarray(stroke, dtype=np.float64).reshape(-1, 2)
            if not len(a):
                continue
            lo, hi = a.min(axis=0), a.max(axis=0)
            for side, past in (("left", lo[0] < -margin), ("right", hi[0] > LOGICAL_SIZE + margin),
                               ("top", lo[1] < -margin), ("bottom", hi[1] > LOGICAL_SIZE + margin)):
                if past:
                    sides.add(side)
        return sides

    def _all_strokes(self) -> list:
        return list(self._strokes) + ([self._current] if self._current else [])

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # ------------------------------------------------------------------ drawing
    def begin_stroke(self, x: float, y: float) -> None:
        self._background = None
        self._current = [(x, y)]
        self.update()
        self._schedule()

    def extend_stroke(self, x: float, y: float) -> None:
        if self._current is None:
            return
        if self._current[-1] != (x, y):
            self._current.append((x, y))
            self.update()
            self._schedule()

    def end_stroke(self) -> None:
        if self._current is None:
            return
        self._strokes.append(np.array(self._current, dtype=np.float64))
        self._current = None
        self._emit_timer.stop()
        self.update()
        self.strokes_changed.emit()
        self.stroke_finished.emit()

    def _schedule(self) -> None:
        if not self._emit_timer.isActive():
            self._emit_timer.start()

    @Slot()
    def _emit_changed(self) -> None:
        self._emit_timer.stop()
        self.strokes_changed.emit()

    def _paint_edges(self, painter: QPainter, rect: QRectF, sides: set[str]) -> None:
        """Ink past the edge: an orange bar along each side it crossed, and a note on a dark strip
        (at the top unless ink left through the top)."""
        orange = QColor(230, 159, 0)
        bars = {"left": QRectF(rect.left(), rect.top(), 4, rect.height()),
                "right": QRectF(rect.right() - 4, rect.top(), 4, rect.height()),
                "top": QRectF(rect.left(), rect.top(), rect.width(), 4),
                "bottom": QRectF(rect.left(), rect.bottom() - 4, rect.width(), 4)}
        for side in sides:
            painter.fillRect(bars[side], orange)
        text = self.tr("part of the drawing is past the edge (it still counts)")
        height = painter.fontMetrics().height() + 6
        y = rect.bottom() - 6 - height if "top" in sides and "bottom" not in sides else rect.top() + 6
        strip = QRectF(rect.left() + 6, y, rect.width() - 12, height)
        painter.fillRect(strip, QColor(0, 0, 0, 190))
        painter.setPen(orange)
        painter.drawText(strip, Qt.AlignCenter | Qt.TextSingleLine,
                         painter.fontMetrics().elidedText(text, Qt.ElideRight, int(strip.width())))

    # ------------------------------------------------------------------ Qt events (thin)
    def mousePressEvent(self, event):
        if event.button() == Qt.LeftButton:
            self.setFocus(Qt.MouseFocusReason)
            self.begin_stroke(*self.to_logical(event.position()))
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        # A stroke runs from press to release (Qt delivers the release to us: implicit grab), so
        # moves in between extend it even if an event does not report the button as held.
        if self._current is not None:
            self.extend_stroke(*self.to_logical(event.position()))
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.LeftButton and self._current is not None:
            self.extend_stroke(*self.to_logical(event.position()))
            self.end_stroke()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Escape:
            self.clear()
        elif event.matches(QKeySequence.Undo):
            self.undo()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event):
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event):
        self.update()
        super().focusOutEvent(event)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        rect = self.canvas_rect()
        painter.fillRect(self.rect(), self.palette().window())
        painter.fillRect(rect, QColor(0, 0, 0))
        if self._background is not None:
            size = self._background.size().scaled(rect.size().toSize(), Qt.KeepAspectRatio)
            target = QRectF(rect.x() + (rect.width() - size.width()) / 2,
                            rect.y() + (rect.height() - size.height()) / 2, size.width(), size.height())
            painter.setRenderHint(QPainter.SmoothPixmapTransform)
            painter.drawImage(target, self._background)
        k = rect.width() / LOGICAL_SIZE
        pen = QPen(QColor(255, 255, 255), max(self._brush * k, 1.0), Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        painter.setClipRect(rect)  # ink dragged past the edge is kept, and shown only on the canvas
        for stroke in self._all_strokes():
            pts = [QPointF(rect.x() + x * k, rect.y() + y * k) for x, y in stroke]
            if len(pts) == 1:
                painter.drawPoint(pts[0])  # a round cap makes a dot
            else:
                path = QPainterPath(pts[0])
                for p in pts[1:]:
                    path.lineTo(p)
                painter.drawPath(path)
        if self.is_empty() and self._background is None:
            painter.setPen(QColor(120, 120, 120))
            painter.drawText(rect, Qt.AlignCenter, self.tr("draw a digit here"))
        elif sides := self.edges_crossed():
            self._paint_edges(painter, rect, sides)
        painter.setClipping(False)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.end()
