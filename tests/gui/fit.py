"""Does a widget fit? `clipped_children(widget)` lists the visible descendants that their parent
cuts off, found from geometry alone, for any panel's test (render it at a screen's size first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QComboBox, QGraphicsView, QGraphicsWidget,
                               QHeaderView, QLabel, QPushButton, QScrollArea, QStyle, QTabBar,
                               QWidget)


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
    if isinstance(w, QPushButton) and w.text() and w.icon().isNull():
        # a push button's size hint is at least 80 px wide whatever its text (the style's
        # minimum), so a narrow "0" button is not cut: compare its text with the room inside
        text = w.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        margin = w.style().pixelMetric(QStyle.PM_ButtonMargin, None, w)
        frame = w.style().pixelMetric(QStyle.PM_DefaultFrameWidth, None, w)
        return w.width() < w.fontMetrics().horizontalAdvance(text) + margin + 2 * frame or \
            w.height() < w.fontMetrics().height() + 2 * frame
    if isinstance(w, (QAbstractButton, QComboBox)):
        hint = w.minimumSizeHint()
        return w.width() < hint.width() or w.height() < hint.height()
    return False


def _cut_sections(header: QHeaderView) -> list[str]:
    """Header sections narrower than their own text (a squeezed table's headers)."""
    model, metrics, cut = header.model(), header.fontMetrics(), []
    if model is None or header.orientation() != Qt.Horizontal:
        return cut
    for i in range(header.count()):
        text = str(model.headerData(i, Qt.Horizontal) or "")
        if not header.isSectionHidden(i) and header.sectionSize(i) < metrics.horizontalAdvance(text) + 6:
            cut.append(text)
    return cut


def _oversized_scene(view: QGraphicsView) -> str:
    """A plot layout (a top-level graphics widget) bigger than its view: its edges are cut off."""
    room = view.viewport().size()
    for item in view.scene().items() if view.scene() is not None else ():
        if isinstance(item, QGraphicsWidget) and item.parentItem() is None and item.isVisible():
            size = item.size()
            if size.width() > room.width() + 1 or size.height() > room.height() + 1:
                return (f"its {type(item).__name__} is {size.width():.0f}x{size.height():.0f} in a "
                        f"{room.width()}x{room.height()} view")
    return ""


def clipped_children(widget: QWidget) -> list[str]:
    """The visible widgets under `widget` that do not fit in their parent, whose text does not fit
    in them, table headers narrower than their titles, and plots whose layout is bigger than their
    view (a pyqtgraph title or axis wider than the plot), as 'Type(objectName 'text') ...: why'.

    A scroll area's contents may be larger than its viewport along an axis it scrolls (that is
    scrolling, not clipping); along an axis whose scroll bar is always off, they are cut. A tab
    bar's scroll arrows are drawn smaller on purpose."""
    found = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget) or child.isWindow():
            continue
        parent = child.parentWidget()
        if parent is None or isinstance(parent, QTabBar):
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
        elif isinstance(child, QHeaderView) and (cut := _cut_sections(child)):
            found.append(f"{_name(child)}: headers cut: {', '.join(cut)}")
        elif isinstance(child, QGraphicsView) and (why := _oversized_scene(child)):
            found.append(f"{_name(child)}: {why}")
    return found
