"""The 10x10 confusion matrix drawn as a heatmap with counts; hover for details, click a cell."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nnstudio.gui.panels.data.style import (CELL_EMPTY, CELL_RIGHT, CELL_WRONG, GRID_LINE, MUTED,
                                            SELECTED, TEXT)

MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM = 46, 44, 8, 8


def _blend(rgb, strength: float) -> QColor:
    """White → rgb as strength goes 0 → 1."""
    s = float(min(max(strength, 0.0), 1.0))
    return QColor(*(int(round(255 + (c - 255) * s)) for c in rgb))


class ConfusionMatrixView(QWidget):
    """Rows: true label; columns: predicted label. Diagonal cells in blue by the share of their
    row that is right; other cells in vermillion by their count relative to the worst mistake."""

    cell_clicked = Signal(int, int)  # (true label, predicted label)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("confusionMatrix")
        self.matrix: np.ndarray | None = None
        self.hover: tuple[int, int] | None = None
        self.selected: tuple[int, int] | None = None
        self.message = self.tr("No evaluation yet")  # (the owner sets it again, translated, as the state changes)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(300, 300)

    def sizeHint(self) -> QSize:
        return QSize(440, 440)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width - MARGIN_LEFT - MARGIN_RIGHT + MARGIN_TOP + MARGIN_BOTTOM

    # ------------------------------------------------------------------ data
    def set_matrix(self, matrix) -> None:
        self.matrix = None if matrix is None else np.asarray(matrix, dtype=np.int64)
        self.selected = None
        self.update()

    def clear(self, message: str) -> None:
        self.message = message
        self.set_matrix(None)

    def set_selected(self, cell: tuple[int, int] | None) -> None:
        self.selected = cell
        self.update()

    def cell_colors(self) -> list[list[QColor]]:
        m = self.matrix
        rows = np.maximum(m.sum(axis=1), 1)
        off = m.copy()
        np.fill_diagonal(off, 0)
        worst = max(int(off.max()), 1)
        out = []
        for i in range(m.shape[0]):
            row = []
            for j in range(m.shape[1]):
                if m[i, j] == 0:
                    row.append(QColor(CELL_EMPTY))
                elif i == j:
                    row.append(_blend(CELL_RIGHT, 0.25 + 0.75 * m[i, j] / rows[i]))
                else:  # square root: small mistakes stay visible next to the worst one
                    row.append(_blend(CELL_WRONG, 0.12 + 0.88 * np.sqrt(m[i, j] / worst)))
            out.append(row)
        return out

    # ------------------------------------------------------------------ geometry
    def cell_size(self) -> float:
        n = 10 if self.matrix is None else self.matrix.shape[0]
        w = self.width() - MARGIN_LEFT - MARGIN_RIGHT
        h = self.height() - MARGIN_TOP - MARGIN_BOTTOM
        return max(min(w, h) / n, 4.0)

    def left(self) -> float:
        """x of the matrix's left edge: centred in the space right of the row labels."""
        n = 10 if self.matrix is None else self.matrix.shape[0]
        spare = self.width() - MARGIN_LEFT - MARGIN_RIGHT - n * self.cell_size()
        return MARGIN_LEFT + max(spare, 0) / 2

    def cell_rect(self, i: int, j: int) -> QRectF:
        s = self.cell_size()
        return QRectF(self.left() + j * s, MARGIN_TOP + i * s, s, s)

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        if self.matrix is None:
            return None
        s, n, left = self.cell_size(), self.matrix.shape[0], self.left()
        j, i = int((x - left) // s), int((y - MARGIN_TOP) // s)
        if x < left or y < MARGIN_TOP or not (0 <= i < n and 0 <= j < n):
            return None
        return i, j

    def cell_text(self, i: int, j: int) -> str:
        m = self.matrix
        row = int(m[i].sum())
        share = (self.tr("{share}% of the {row:,} images of a {digit}").format(
            share=f"{100 * m[i, j] / row:.1f}", row=row, digit=i) if row else self.tr("no images"))
        what = self.tr("right") if i == j else self.tr("wrong")
        return self.tr("true {true}, predicted {predicted}: {count:,} ({what}; {share})\nclick to see them").format(
            true=i, predicted=j, count=int(m[i, j]), what=what, share=share)

    # ------------------------------------------------------------------ painting and mouse
    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, False)
        if self.matrix is None:
            painter.setPen(QColor(MUTED))
            painter.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self.message)
            return
        n, s = self.matrix.shape[0], self.cell_size()
        colors = self.cell_colors()
        font = QFont(self.font())
        font.setPointSizeF(max(min(s / 4.2, 10.0), 6.0))
        painter.setFont(font)
        for i in range(n):
            for j in range(n):
                r = self.cell_rect(i, j)
                painter.fillRect(r, colors[i][j])
                painter.setPen(QColor(GRID_LINE))
                painter.drawRect(r)
                count = int(self.matrix[i, j])
                if count:
                    light = colors[i][j].lightnessF() < 0.55
                    painter.setPen(QColor("white") if light else QColor(TEXT))
                    painter.drawText(r, Qt.AlignCenter, f"{count}")
        for cell, color, width in ((self.hover, MUTED, 2), (self.selected, SELECTED, 3)):
            if cell is not None:
                painter.setPen(QPen(QColor(color), width))
                painter.drawRect(self.cell_rect(*cell).adjusted(1, 1, -1, -1))
        self._paint_axes(painter, n, s)

    def _paint_axes(self, painter: QPainter, n: int, s: float) -> None:
        painter.setPen(QColor(TEXT))
        font = QFont(self.font())
        painter.setFont(font)
        left = self.left()
        for k in range(n):
            painter.drawText(QRectF(left + k * s, MARGIN_TOP - 18, s, 16), Qt.AlignCenter, str(k))
            painter.drawText(QRectF(left - 20, MARGIN_TOP + k * s, 16, s), Qt.AlignCenter, str(k))
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(left, 2, n * s, 18), Qt.AlignCenter, self.tr("predicted label →"))
        painter.save()
        painter.translate(left - 34, MARGIN_TOP + n * s / 2)
        painter.rotate(-90)
        painter.drawText(QRect(int(-n * s / 2), -9, int(n * s), 18), Qt.AlignCenter, self.tr("← true label"))
        painter.restore()

    def mouseMoveEvent(self, event):
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell != self.hover:
            self.hover = cell
            self.setCursor(Qt.PointingHandCursor if cell else Qt.ArrowCursor)
            self.update()
            if cell is None:
                QToolTip.hideText()

    def event(self, event):
        if event.type() == QEvent.ToolTip:  # Qt asks after the hover delay: text for that cell
            cell = self.cell_at(event.pos().x(), event.pos().y())
            if cell is not None:
                QToolTip.showText(event.globalPos(), self.cell_text(*cell), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def leaveEvent(self, event):
        self.hover = None
        self.update()

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.LeftButton:
            cell = self.cell_at(event.position().x(), event.position().y())
            if cell is not None:
                self.click_cell(*cell)

    def click_cell(self, i: int, j: int) -> None:
        """Select the cell (true i, predicted j) and announce it, as a mouse click does."""
        self.set_selected((i, j))
        self.cell_clicked.emit(i, j)
