"""Export of the weights panel's views: pyqtgraph views laid out as on screen, into one PNG, atomically."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter

from nnstudio.gui.saving import save_image


def render_views(views, root) -> QImage:
    """Each visible pyqtgraph view through ImageExporter, placed where it sits inside `root`."""
    from pyqtgraph.exporters import ImageExporter

    placed = []
    for view in views:
        if not view.isVisible():
            continue
        image = ImageExporter(view.scene()).export(toBytes=True)
        placed.append((view.mapTo(root, QPoint(0, 0)), image))
    if not placed:
        raise OSError("nothing to export: no plot is visible")
    bounds = QRect()
    for pos, image in placed:
        bounds = bounds.united(QRect(pos, image.size()))
    out = QImage(bounds.size(), QImage.Format_ARGB32)
    out.fill(Qt.white)
    painter = QPainter(out)
    for pos, image in placed:
        painter.drawImage(pos - bounds.topLeft(), image)
    painter.end()
    return out


def save_png(path, views, root) -> None:
    """Write the views as one PNG at path (atomically); OSError when it cannot be written."""
    save_image(render_views(views, root), path)
