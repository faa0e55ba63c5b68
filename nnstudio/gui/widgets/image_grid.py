"""A paged grid of 28x28 images with captions; each page is built as one image; click → index."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QToolButton,
                               QToolTip, QVBoxLayout, QWidget)

from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.widgets.signals import blocked

SIDE = 28  # MNIST images are 28x28
GAP = 4  # screen pixels between cells
CAPTION_COLOR = QColor("#303030")
FLAG_COLOR = QColor("#c62828")  # captions flagged by the caller (e.g. mistakes)
HOVER_COLOR = QColor("#1e88e5")
EMPTY_COLOR = QColor("#707070")


class _Canvas(QWidget):
    """Paints one page: the page's mosaic QImage cut into tiles, captions underneath."""

    clicked = Signal(int)  # position on the page

    def __init__(self, grid: "ImageGrid"):
        super().__init__(grid)
        self.grid = grid
        self.image: QImage | None = None
        self.hover = -1
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        self.caption_font = font
        self.caption_room = 0  # the widest caption on the page (pixels), set when painting

    def caption_height(self) -> int:
        return self.fontMetrics().height() + 2 if self.grid.has_captions else 0

    def cell_geometry(self) -> tuple[int, int, int]:
        """(tile side, left offset, top offset) so the page fits, centred."""
        cols, rows = self.grid.columns, self.grid.rows
        cap = self.caption_height()
        side = min((self.width() - GAP * (cols - 1)) / cols,
                   (self.height() - GAP * (rows - 1)) / rows - cap)
        side = max(int(side), 8)
        total_w = cols * self.column_pitch(side) - GAP
        total_h = rows * (side + cap) + GAP * (rows - 1)
        return side, max((self.width() - total_w) // 2, 0), max((self.height() - total_h) // 2, 0)

    def column_pitch(self, side: int) -> int:
        """From one column to the next: a tile and its gap, wider where the width allows it so that
        captions wider than a tile ("7→2 95%" under a short page of tiles) are not cut."""
        if not self.grid.has_captions:
            return side + GAP
        return max(side + GAP, min(self.caption_room + GAP, (self.width() + GAP) // self.grid.columns))

    def tile_rect(self, pos: int) -> QRect:
        side, left, top = self.cell_geometry()
        row, col = divmod(pos, self.grid.columns)
        pitch = self.column_pitch(side)
        return QRect(left + col * pitch + (pitch - GAP - side) // 2,
                     top + row * (side + self.caption_height() + GAP), side, side)

    def fitted_caption(self, metrics, caption: str, width: int) -> str:
        """`caption` if it fits in `width`, else its first words ("7→2" of "7→2 95%"), else elided."""
        words = caption.split(" ")
        for n in range(len(words), 0, -1):
            text = " ".join(words[:n])
            if metrics.horizontalAdvance(text) <= width:
                return text
        return metrics.elidedText(caption, Qt.ElideRight, width)

    def position_at(self, x: float, y: float) -> int:
        """Page position of the tile (or its caption) under (x, y), -1 if none."""
        cap = self.caption_height()
        for pos in range(self.grid.page_len()):
            r = self.tile_rect(pos)
            if r.left() <= x <= r.right() and r.top() <= y <= r.bottom() + cap:
                return pos
        return -1

    def sizeHint(self) -> QSize:
        return QSize(self.grid.columns * 44, self.grid.rows * (44 + self.caption_height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.grid.columns * 16, self.grid.rows * (16 + self.caption_height()))

    def paintEvent(self, event):
        painter = QPainter(self)
        n = self.grid.page_len()
        if n == 0 or self.image is None:
            painter.setPen(EMPTY_COLOR)
            painter.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self.grid.empty_text)
            return
        painter.setFont(self.caption_font)
        cap = self.caption_height()
        captions, flags = self.grid.page_captions(), self.grid.page_flags()
        metrics = painter.fontMetrics()
        self.caption_room = max((metrics.horizontalAdvance(c) + 2 * GAP for c in captions or ()), default=0)
        pitch = self.column_pitch(self.cell_geometry()[0])
        for pos in range(n):
            r = self.tile_rect(pos)
            painter.drawImage(QRectF(r), self.image, QRectF(pos * SIDE, 0, SIDE, SIDE))
            if pos == self.hover:
                painter.setPen(QPen(HOVER_COLOR, 2))
                painter.drawRect(r.adjusted(-1, -1, 1, 1))
            if captions is not None:
                painter.setPen(FLAG_COLOR if flags is not None and flags[pos] else CAPTION_COLOR)
                middle = r.left() + r.width() // 2
                text_rect = QRect(middle - pitch // 2, r.bottom() + 1, pitch, cap)
                text = self.fitted_caption(metrics, captions[pos], pitch - 2 * GAP)  # a space between
                painter.drawText(text_rect, Qt.AlignHCenter | Qt.AlignTop, text)

    def mouseMoveEvent(self, event):
        pos = self.position_at(event.position().x(), event.position().y())
        if pos != self.hover:
            self.hover = pos
            self.setCursor(Qt.PointingHandCursor if pos >= 0 else Qt.ArrowCursor)
            self.update()
            if pos < 0:
                QToolTip.hideText()

    def event(self, event):
        if event.type() == QEvent.ToolTip:  # Qt asks after the hover delay: text for that spot
            pos = self.position_at(event.pos().x(), event.pos().y())
            if pos >= 0:
                QToolTip.showText(event.globalPos(), self.grid.tooltip(pos), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def leaveEvent(self, event):
        self.hover = -1
        self.update()

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.LeftButton:
            pos = self.position_at(event.position().x(), event.position().y())
            if pos >= 0:
                self.clicked.emit(pos)


class ImageGrid(Retranslatable, QWidget):
    """Shows rows of `images` selected by `indices`, `columns` x `rows` per page, with a pager.

    images : (N, 784) or (N, 28, 28), float in [0, 1] or uint8; kept by reference, not copied.
    captions, tooltips : one string per shown image, or a function of the position k in
    `indices` (called only for the visible page: cheap for 60,000 images). Captions, tooltips and
    empty texts come translated from the owner (which sets them again on a change of language).
    """

    index_clicked = Signal(int)  # the clicked image's index into `images`
    page_changed = Signal(int)  # zero-based page now shown

    def __init__(self, columns: int = 10, rows: int = 10, pager: bool = True, parent=None):
        super().__init__(parent)
        self.columns, self.rows = int(columns), int(rows)
        self.images: np.ndarray | None = None
        self.indices = np.zeros(0, dtype=np.int64)
        self.captions: list[str] | None = None
        self.flags: np.ndarray | None = None
        self.tooltips: list[str] | None = None
        self.empty_text = self.tr("No images")
        self.page = 0
        self.canvas = _Canvas(self)
        self.canvas.clicked.connect(self._on_canvas_clicked)

        self.prev_button = QToolButton(objectName="gridPrev")
        self.next_button = QToolButton(objectName="gridNext")
        self.page_spin = QSpinBox(objectName="gridPage", minimum=1, maximum=1)
        self.page_spin.setKeyboardTracking(False)
        self.page_label = QLabel("")
        self.page_word = QLabel("")
        self.count_label = QLabel("", objectName="gridCount")
        self.prev_button.clicked.connect(self.prev_page)
        self.next_button.clicked.connect(self.next_page)
        self.page_spin.valueChanged.connect(self._on_spin)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.page_word, self.page_spin, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.pager = QWidget()
        self.pager.setLayout(bar)
        self.pager.setVisible(pager)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.pager)
        self.retranslate()

    def retranslate(self) -> None:
        self.prev_button.setText(self.tr("◀ Prev"))
        self.next_button.setText(self.tr("Next ▶"))
        self.page_word.setText(self.tr("Page"))
        self._label_pages()

    # ------------------------------------------------------------------ data
    @property
    def has_captions(self) -> bool:
        return self.captions is not None

    @property
    def page_size(self) -> int:
        return self.columns * self.rows

    @property
    def page_count(self) -> int:
        return max(-(-len(self.indices) // self.page_size), 1)

    def set_images(self, images, indices=None, captions=None, flags=None, tooltips=None,
                   page: int = 0) -> None:
        """Show images[indices] (all rows when None) with one caption (and flag) per shown image."""
        self.images = images
        n_all = 0 if images is None else len(images)
        self.indices = (np.arange(n_all) if indices is None
                        else np.asarray(indices, dtype=np.int64).ravel())
        for name, seq in (("captions", captions), ("flags", flags), ("tooltips", tooltips)):
            if seq is not None and not callable(seq) and len(seq) != len(self.indices):
                raise ValueError(f"{len(seq)} {name} for {len(self.indices)} images")
        self.captions = captions if captions is None or callable(captions) else list(captions)
        self.flags = None if flags is None else np.asarray(flags, dtype=bool)
        self.tooltips = tooltips if tooltips is None or callable(tooltips) else list(tooltips)
        self.page = -1  # force a rebuild
        self.set_page(page)

    def clear(self, message: str | None = None) -> None:
        self.empty_text = self.tr("No images") if message is None else message
        self.set_images(None)

    def set_empty_text(self, message: str) -> None:
        self.empty_text = message
        self.canvas.update()

    def page_len(self) -> int:
        start = self.page * self.page_size
        return int(max(min(len(self.indices) - start, self.page_size), 0))

    def page_slice(self) -> slice:
        start = self.page * self.page_size
        return slice(start, start + self.page_len())

    def shown_indices(self) -> np.ndarray:
        """Indices (into `images`) of the images on the current page, in reading order."""
        return self.indices[self.page_slice()]

    def page_captions(self) -> list[str] | None:
        if self.captions is None:
            return None
        if callable(self.captions):
            return [self.captions(i) for i in range(self.page_slice().start, self.page_slice().stop)]
        return self.captions[self.page_slice()]

    def page_flags(self):
        return None if self.flags is None else self.flags[self.page_slice()]

    def tooltip(self, pos: int) -> str:
        i = self.page * self.page_size + pos
        if self.tooltips is not None:
            return self.tooltips(i) if callable(self.tooltips) else self.tooltips[i]
        text = self.tr("image #{index}").format(index=int(self.indices[i]))
        return f"{self.page_captions()[pos]} · {text}" if self.captions is not None else text

    # ------------------------------------------------------------------ paging
    @Slot(int)
    def set_page(self, page: int) -> None:
        page = int(min(max(page, 0), self.page_count - 1))
        changed = page != self.page
        self.page = page
        self._rebuild()
        if changed:
            self.page_changed.emit(page)

    @Slot()
    def next_page(self) -> None:
        self.set_page(self.page + 1)

    @Slot()
    def prev_page(self) -> None:
        self.set_page(self.page - 1)

    @Slot(int)
    def _on_spin(self, value: int) -> None:
        self.set_page(value - 1)

    @Slot(int)
    def _on_canvas_clicked(self, pos: int) -> None:
        self.index_clicked.emit(int(self.shown_indices()[pos]))

    def _rebuild(self) -> None:
        """Assemble the page as one (28, 28·n) grayscale image and refresh the pager."""
        n = self.page_len()
        if n and self.images is not None:
            tiles = np.asarray(self.images[self.shown_indices()]).reshape(n, SIDE, SIDE)
            if tiles.dtype != np.uint8:
                tiles = (np.clip(tiles, 0.0, 1.0) * 255 + 0.5).astype(np.uint8)
            strip = np.ascontiguousarray(tiles.transpose(1, 0, 2).reshape(SIDE, n * SIDE))
            self.canvas.image = QImage(strip.data, n * SIDE, SIDE, n * SIDE,
                                       QImage.Format_Grayscale8).copy()
        else:
            self.canvas.image = None
        self.canvas.hover = -1
        with blocked(self.page_spin):
            self.page_spin.setMaximum(self.page_count)
            self.page_spin.setValue(self.page + 1)
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.page_count - 1)
        self._label_pages()
        self.canvas.update()

    def _label_pages(self) -> None:
        self.page_label.setText(self.tr("of {pages}").format(pages=self.page_count))
        total = len(self.indices)
        self.count_label.setText((self.tr("{n:,} images") if total != 1 else self.tr("{n:,} image")).format(n=total))
