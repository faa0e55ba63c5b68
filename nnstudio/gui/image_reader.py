"""Reading an image file (PNG, JPEG, ...) into a numpy array with Qt, for the pad and the CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

MAX_SIDE = 1200  # big photos are decoded at a reduced size: plenty for a 28x28 result, and fast


class ImageReadError(ValueError):
    """A file that cannot be read as an image; the message is short (no path)."""


def read_image(path) -> np.ndarray:
    """The image at `path` as uint8 RGBA, shape (h, w, 4); raises ImageReadError."""
    path = Path(path)
    if not path.exists():
        raise ImageReadError("file not found")
    if not path.is_file():
        raise ImageReadError("not a file")
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # honour the EXIF orientation of phone photos
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
        k = MAX_SIDE / max(size.width(), size.height())
        reader.setScaledSize(QSize(max(1, round(size.width() * k)), max(1, round(size.height() * k))))
    image = reader.read()
    if image.isNull():
        error = reader.error()
        if error == QImageReader.UnsupportedFormatError:
            raise ImageReadError("not an image")
        if error == QImageReader.InvalidDataError:
            raise ImageReadError("not a readable image (damaged or truncated?)")
        raise ImageReadError(f"cannot be read ({reader.errorString()})")
    image = image.convertToFormat(QImage.Format_RGBA8888)
    h, w = image.height(), image.width()
    buf = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * h)
    return buf.reshape(h, image.bytesPerLine())[:, :4 * w].reshape(h, w, 4).copy()

