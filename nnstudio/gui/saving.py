"""Saving from the GUI: images encoded in memory then written atomically, and one dialog for failures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QMessageBox

from nnstudio.core.files import atomic_write


def image_bytes(image: QImage | QPixmap, fmt: str = "PNG") -> bytes:
    """The image encoded as `fmt` (PNG, JPG, BMP, ...) in memory; OSError if Qt cannot encode it."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    ok = not image.isNull() and image.save(buffer, fmt.upper())
    buffer.close()
    if not ok:
        raise OSError(f"the image could not be encoded as {fmt.upper()}")
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
    """ "Could not save plot.png: No space left on device" """
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"Could not save {Path(path).name}: {reason}"


def report_save_error(parent, path: str | Path, exc: BaseException, title: str = "Export plot") -> None:
    """The one dialog for a save that failed: the file's name and the reason."""
    QMessageBox.warning(parent, title, save_error_text(path, exc))


def save_or_report(parent, path: str | Path, write, title: str = "Export plot") -> bool:
    """Call `write()`; on OSError show the dialog and return False (the old file is untouched)."""
    try:
        write()
    except OSError as exc:
        report_save_error(parent, path, exc, title)
        return False
    return True
