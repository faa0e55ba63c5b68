"""A pyqtgraph plot title that wraps to the plot's width instead of widening the plot beyond its view."""

from __future__ import annotations

import re

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from shiboken6 import isValid

TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"(?:<[^>]*>|[^\s<])+")


def wrap_lines(title: str, font: QFont, width: float) -> list[str]:
    """`title` broken at spaces into lines no wider than `width` pixels (a long word stays whole)."""
    metrics = QFontMetricsF(font)
    lines, line = [], ""
    for word in WORD.findall(title):  # an HTML tag stays whole, and takes no width
        trial = f"{line} {word}".strip()
        if line and metrics.horizontalAdvance(TAG.sub("", trial)) > width:
            lines.append(line)
            trial = word
        line = trial
    return lines + [line]


def wrap_title(item: pg.PlotItem, title: str, **attrs) -> None:
    """Show `title` on `item` (setTitle's attrs: color, size), re-wrapped whenever the plot resizes.

    pyqtgraph makes a title's width the plot's minimum width: a long one-line title pushes a
    narrow plot, its axes and colour bar out of their view. Calling it again changes the text.
    """
    item._wrapped_title = (title, attrs)
    item._wrapped_lines = None

    def rewrap():
        text, kw = item._wrapped_title
        label = item.titleLabel
        if not (isValid(item) and isValid(label) and isValid(label.item)):
            return  # a resize while the scene is torn down (the window closing)
        font = QFont(label.item.font())
        size = kw.get("size") or label.opts.get("size")  # PlotItem titles default to 11pt
        if size and size.endswith("pt"):
            font.setPointSizeF(float(size[:-2]))
        room = label.width() if label.width() > 1 else item.width()  # the title's column
        lines = wrap_lines(text, font, max(40.0, room - 8))
        if lines != item._wrapped_lines:
            item._wrapped_lines = lines
            item.setTitle("<br>".join(lines), **kw)
            height = max(30, int(label.itemRect().height()) + 4)  # setTitle fixes the row at 30 px
            label.setMaximumHeight(height)
            item.layout.setRowFixedHeight(0, height)
        # the title never sets the plot's minimum width: the layout narrows it and rewrap() follows
        label.setMinimumWidth(0)
        label._sizeHint[Qt.SizeHint.MinimumSize] = (0, label._sizeHint[Qt.SizeHint.MinimumSize][1])
        label.updateGeometry()

    if not getattr(item, "_wraps_title", False):
        item._wraps_title = True
        item.geometryChanged.connect(rewrap)
        item.titleLabel.geometryChanged.connect(rewrap)
    rewrap()
