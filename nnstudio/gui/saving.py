"""Saving from the GUI: images and plots (PNG, SVG, CSV) encoded in memory then written atomically,
File ▸ Export plot… for every panel, and one dialog for failures."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QRectF, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from nnstudio.core.files import atomic_write
from nnstudio.gui import settings
from nnstudio.gui.i18n import translate


def image_bytes(image: QImage | QPixmap, fmt: str = "PNG") -> bytes:
    """The image encoded as `fmt` (PNG, JPG, BMP, ...) in memory; OSError if Qt cannot encode it."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    ok = not image.isNull() and image.save(buffer, fmt.upper())
    buffer.close()
    if not ok:
        raise OSError(translate("Saving", "the image could not be encoded as {format}").format(format=fmt.upper()))
    return bytes(data.data())


def save_image(image: QImage | QPixmap, path: str | Path) -> Path:
    """Write `image` to `path` atomically, in the format its extension names (PNG without one).

    The old file is kept whole on any failure (OSError: full disk, read-only or missing folder).
    """
    path = Path(path)
    data = image_bytes(image, path.suffix.lstrip(".") or "PNG")
    with atomic_write(path, "wb", make_dirs=False) as fh:
        fh.write(data)
    return path


def save_error_text(path: str | Path, exc: BaseException) -> str:
    """ "Could not save plot.png: No space left on device" (the reason as the system gives it) """
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return translate("Saving", "Could not save {file}: {reason}").format(file=Path(path).name, reason=reason)


def report_save_error(parent, path: str | Path, exc: BaseException, title: str | None = None) -> None:
    """The one dialog for a save that failed: the file's name and the reason (`title`: translated,
    "Export plot" by default)."""
    QMessageBox.warning(parent, translate("Saving", "Export plot") if title is None else title,
                        save_error_text(path, exc))


def save_or_report(parent, path: str | Path, write, title: str | None = None) -> bool:
    """Call `write()`; on OSError show the dialog and return False (the old file is untouched)."""
    try:
        write()
    except OSError as exc:
        report_save_error(parent, path, exc, title)
        return False
    return True


# ---------------------------------------------------------------------- File ▸ Export plot…
# The file dialog's filters, translated when shown (filter_text); keyed by their English text.
PNG = QT_TRANSLATE_NOOP("Saving", "PNG image, twice the screen's resolution (*.png)")
SVG = QT_TRANSLATE_NOOP("Saving", "SVG drawing (*.svg)")
CSV = QT_TRANSLATE_NOOP("Saving", "CSV of the plotted data (*.csv)")
PLOT_FILTERS = {PNG: ".png", SVG: ".svg", CSV: ".csv"}
PNG_SCALE = 2


def plot_views(root: QWidget) -> list:
    """The visible pyqtgraph views inside `root` (plots, image views), in the order they were made."""
    import pyqtgraph as pg

    return [v for v in root.findChildren(pg.GraphicsView) if v.isVisibleTo(root) and v.scene() is not None]


def _placed(views, root: QWidget, scale: float = 1.0) -> list[tuple[QPoint, object]]:
    if not views:
        raise OSError(translate("Saving", "nothing to export: no plot is visible"))
    return [(view.mapTo(root, QPoint(0, 0)) * scale, view) for view in views]


def plot_png(views, root: QWidget, scale: float = PNG_SCALE) -> bytes:
    """The views rendered by pyqtgraph's ImageExporter at `scale` times their size, laid out as on
    screen inside `root`, without the widgets around them; PNG bytes."""
    from pyqtgraph.exporters import ImageExporter

    images = []
    for pos, view in _placed(views, root, scale):
        exporter = ImageExporter(view.scene())
        exporter.parameters()["width"] = max(1, round(view.viewport().width() * scale))
        images.append((pos, exporter.export(toBytes=True)))
    bounds = QRect()
    for pos, image in images:
        bounds = bounds.united(QRect(pos, image.size()))
    out = QImage(bounds.size(), QImage.Format_ARGB32)
    out.fill(Qt.white)
    painter = QPainter(out)
    for pos, image in images:
        painter.drawImage(pos - bounds.topLeft(), image)
    painter.end()
    return image_bytes(out, "PNG")


def _qt_svg(view) -> str:
    """The view's scene drawn by Qt's own SVG generator (when pyqtgraph's exporter cannot read a path)."""
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    rect = view.viewport().rect()
    generator.setSize(rect.size())
    generator.setViewBox(rect)
    painter = QPainter(generator)
    view.scene().render(painter, QRectF(rect), view.mapToScene(rect).boundingRect())
    painter.end()
    buffer.close()
    return bytes(data.data()).decode("utf-8")


def plot_svg(views, root: QWidget) -> bytes:
    """The views through pyqtgraph's SVGExporter, each an <svg> placed as on screen in one document."""
    from pyqtgraph.exporters import SVGExporter

    parts, width, height = [], 0, 0
    for pos, view in _placed(views, root):
        try:
            xml = SVGExporter(view.scene()).export(toBytes=True).decode("utf-8")
        except ValueError:  # pyqtgraph 0.14 misreads some of Qt 6's path data (bar charts)
            xml = _qt_svg(view)
        xml = xml[xml.index("<svg"):]  # drop the XML declaration: the document has one
        parts.append(xml.replace("<svg", f'<svg x="{pos.x()}" y="{pos.y()}"', 1))
        width, height = max(width, pos.x() + view.width()), max(height, pos.y() + view.height())
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" version="1.2">\n'
            + "\n".join(parts) + "\n</svg>\n").encode("utf-8")


def plot_csv(views) -> bytes:
    """The data of every curve, scatter and bar chart in the views (collected by pyqtgraph's
    CSVExporter, which writes only to a file itself), side by side as columns, each headed by its
    plot's number; OSError when there is none."""
    import pyqtgraph as pg
    from pyqtgraph.exporters import CSVExporter

    header, columns = [], []
    plots = [i for v in views for i in v.scene().items() if isinstance(i, pg.PlotItem)]
    for number, item in enumerate(plots, start=1):
        exporter = CSVExporter(item)
        for data_item in item.items:
            if hasattr(data_item, "implements") and data_item.implements("plotData"):
                exporter._exportPlotDataItem(data_item)
        header += [f"plot{number} {h}" for h in exporter.header]
        columns += [[] if column is None else column for dataset in exporter.data for column in dataset]
    if not columns:
        raise OSError(translate("Saving", "this view has no curves or bars to save as CSV (choose PNG or SVG)"))
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    for row in itertools.zip_longest(*columns, fillvalue=""):
        writer.writerow([v if isinstance(v, str) else np.format_float_positional(v, precision=10) for v in row])
    return text.getvalue().encode("utf-8")


def plot_bytes(fmt: str, root: QWidget, views=None) -> bytes:
    """The visible plots of `root` (or `views`) as ".png", ".svg" or ".csv"."""
    views = plot_views(root) if views is None else [v for v in views if v.isVisible()]
    if fmt == ".svg":
        return plot_svg(views, root)
    if fmt == ".csv":
        return plot_csv(views)
    return plot_png(views, root)


def write_plot(path: str | Path, root: QWidget, views=None, fmt: str | None = None) -> None:
    """Write the plots of `root` (or `views`) to `path` atomically, as `fmt` (by default the format
    its extension names, PNG for any other); OSError when it cannot be written."""
    suffix = Path(path).suffix.lower()
    data = plot_bytes(fmt or (suffix if suffix in PLOT_FILTERS.values() else ".png"), root, views)
    with atomic_write(Path(path), "wb", make_dirs=False) as fh:
        fh.write(data)


def chosen_path(path: str, chosen_filter: str, filters: dict) -> str:
    """Exactly the name typed when it has an extension; otherwise the chosen filter's extension added."""
    return path if Path(path).suffix else path + filters.get(chosen_filter, ".png")


def export_plot(parent: QWidget, root: QWidget, name: str, views=None, extra: dict | None = None) -> str | None:
    """File ▸ Export plot… for every panel: ask for a file (PNG at twice the resolution, SVG, CSV of
    the data, and any `extra` {filter: (extension, write(path))}), write the plots of `root` (or
    `views`) alone, atomically, and confirm in the status bar. The path written, or None."""
    extra = extra or {}
    filters = {**{translate("Saving", f): ext for f, ext in PLOT_FILTERS.items()},
               **{f: ext for f, (ext, _) in extra.items()}}
    start = Path(settings.read_str(settings.LAST_EXPORT_DIR, str(Path.home()))) / f"{name}.png"
    path, chosen = QFileDialog.getSaveFileName(parent, translate("Saving", "Export plot"), str(start),
                                               ";;".join(filters))
    if not path:
        return None
    path = chosen_path(path, chosen, filters)
    suffix = Path(path).suffix.lower()
    fmt = suffix if suffix in filters.values() else filters.get(chosen, ".png")  # "plot.v2": the filter's
    writer = next((w for ext, w in extra.values() if fmt == ext), None)

    def write():
        writer(path) if writer is not None else write_plot(path, root, views, fmt)

    if not save_or_report(parent, path, write):
        return None
    settings.set_value(settings.LAST_EXPORT_DIR, str(Path(path).parent))
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(translate("Saving", "Plot exported to {path}").format(path=path), 8000)
    return path
