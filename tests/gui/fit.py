"""Does a widget fit? `clipped_children(widget)` lists the visible descendants that their parent
cuts off, for any panel's test (render it at a screen's size first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QComboBox, QLabel, QScrollArea, QWidget


def _name(w: QWidget) -> str:
    text = ""
    if isinstance(w, (QLabel, QAbstractButton)):
        text = f" {w.text()[:30]!r}"
    return f"{type(w).__name__}({w.objectName() or '-'}{text})"


def _scrolls(area: QScrollArea) -> tuple[bool, bool]:
    """Whether `area` can scroll its contents horizontally and vertically."""
    return (area.horizontalScrollBarPolicy() != Qt.ScrollBarAlwaysOff,
            area.verticalScrollBarPolicy() != Qt.ScrollBarAlwaysOff)


def _contained(child: QWidget, parent: QWidget) -> tuple[bool, bool]:
    """(fits across, fits down) of `child`'s geometry in `parent`'s rect."""
    g, r = child.geometry(), parent.rect()
    return (g.left() >= r.left() and g.right() <= r.right(), g.top() >= r.top() and g.bottom() <= r.bottom())


def _text_cut(w: QWidget) -> bool:
    """A one-line label, a button or a combo narrower than its text needs (its text is cut)."""
    if isinstance(w, QLabel):
        if w.wordWrap() or not w.text() or w.pixmap() is not None and not w.pixmap().isNull():
            return False
        return w.width() < w.minimumSizeHint().width() or w.height() < w.minimumSizeHint().height()
    if isinstance(w, (QAbstractButton, QComboBox)):
        hint = w.minimumSizeHint()
        return w.width() < hint.width() or w.height() < hint.height()
    return False


def clipped_children(widget: QWidget) -> list[str]:
    """The visible widgets under `widget` that do not fit in their parent, or whose text does not
    fit in them, as 'Type(objectName 'text') in Parent: why'.

    A scroll area's contents may be larger than its viewport along an axis it scrolls (that is
    scrolling, not clipping); along an axis whose scroll bar is always off, they are cut."""
    found = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget) or child.isWindow():
            continue
        parent = child.parentWidget()
        if parent is None:
            continue
        across, down = _contained(child, parent)
        area = parent.parentWidget()
        if isinstance(area, QScrollArea) and parent is area.viewport() and child is area.widget():
            can_x, can_y = _scrolls(area)
            across, down = across or can_x, down or can_y
        elif isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            across = down = True  # a view's own contents (a plot's scene, a list's items)
        if not (across and down):
            g = child.geometry()
            found.append(f"{_name(child)} in {_name(parent)}: {g.x()},{g.y()} {g.width()}x{g.height()} "
                         f"outside {parent.width()}x{parent.height()}")
        elif _text_cut(child):
            found.append(f"{_name(child)}: {child.width()}x{child.height()}, its text needs "
                         f"{child.minimumSizeHint().width()}x{child.minimumSizeHint().height()}")
    return found
