"""Does a window fit? Visible child widgets cut off by their parent, found from geometry alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QGraphicsView, QGraphicsWidget, QHeaderView,
                               QLabel, QTabBar, QWidget)


def _name(w: QWidget) -> str:
    return f"{type(w).__name__}({w.objectName()!r})" if w.objectName() else type(w).__name__


def _in_scrolled_viewport(child: QWidget) -> bool:
    parent = child.parentWidget()
    area = parent.parentWidget() if parent is not None else None
    return isinstance(area, QAbstractScrollArea) and parent is area.viewport()


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
                return f"its {type(item).__name__} is {size.width():.0f}x{size.height():.0f} in a {room.width()}x{room.height()} view"
    return ""


def clipped_children(widget: QWidget) -> list[str]:
    """Every visible descendant of `widget` whose geometry leaves its parent's rectangle, every
    label or button narrower than its text, every table header section narrower than its title,
    every plot whose layout is bigger than its view (a pyqtgraph title or axis wider than the plot),
    as "Parent > Child: why" strings. Children of a scroll area's viewport may be larger (they scroll).
    """
    found = []
    for child in widget.findChildren(QWidget):
        parent = child.parentWidget()
        if (child.isWindow() or parent is None or not child.isVisibleTo(widget) or _in_scrolled_viewport(child)
                or isinstance(parent, QTabBar)):  # its scroll arrows are drawn smaller on purpose
            continue
        where = f"{_name(parent)} > {_name(child)}"
        geo = child.geometry()
        if not parent.rect().contains(geo):
            found.append(f"{where}: {geo.getRect()} outside {parent.rect().getRect()}")
        elif isinstance(child, (QLabel, QAbstractButton)) and child.width() < child.minimumSizeHint().width():
            found.append(f"{where}: {child.width()} px wide, its text needs {child.minimumSizeHint().width()}")
        elif isinstance(child, QHeaderView) and (cut := _cut_sections(child)):
            found.append(f"{where}: headers cut: {', '.join(cut)}")
        elif isinstance(child, QGraphicsView) and (why := _oversized_scene(child)):
            found.append(f"{where}: {why}")
    return found
