"""Export of the weights panel's views: pyqtgraph scenes side by side into one PNG, atomically."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter


def render_scenes(scenes) -> QImage:
    """Each pyqtgraph scene through ImageExporter, placed left to right on a white image."""
    from pyqtgraph.exporters import ImageExporter

    images = [ImageExporter(scene).export(toBytes=True) for scene in scenes]
    width = sum(im.width() for im in images)
    height = max(im.height() for im in images)
    out = QImage(width, height, QImage.Format_ARGB32)
    out.fill(Qt.white)
    painter = QPainter(out)
    x = 0
    for im in images:
        painter.drawImage(x, 0, im)
        x += im.width()
    painter.end()
    return out


def save_png(path, scenes) -> None:
    """Write the scenes as one PNG at path (a temporary file renamed into place)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp.png")
    if not render_scenes(scenes).save(str(tmp), "PNG"):
        tmp.unlink(missing_ok=True)
        raise OSError(f"could not write {target}")
    os.replace(tmp, target)
