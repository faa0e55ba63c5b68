"""Reading an image file (PNG, JPEG, ...) into a numpy array with Qt, for the pad and the CLI."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import threading
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, qInstallMessageHandler
from PySide6.QtGui import QImage, QImageReader

from nnstudio.core.errors import UserInputError
from nnstudio.gui.i18n import translate

MAX_SIDE = 1200  # big photos are decoded at a reduced size: plenty for a 28x28 result, and fast
DECODED_BYTES_PER_PIXEL = 4  # Qt decodes into 32-bit pixels and checks its limit on the full size
QUIET_CATEGORY = "qt.gui.imageio"  # Qt's image handlers, libpng's and libjpeg's messages among them


class ImageReadError(UserInputError):
    """A file that cannot be read as an image; the message is short (no path)."""


def read_image(path) -> np.ndarray:
    """The image at `path` as uint8 RGBA, shape (h, w, 4); raises ImageReadError."""
    path = Path(path)
    try:
        if not path.exists():
            raise ImageReadError(translate("ImageReader", "file not found"))
        if not path.is_file():
            raise ImageReadError(translate("ImageReader", "not a file"))
    except OSError as exc:  # a name too long for the system, a folder we may not enter
        raise ImageReadError(translate("ImageReader", "cannot be read ({reason})").format(
            reason=exc.strerror or exc)) from None
    with _decoder_messages_silenced():  # the error we raise says it in one line
        return _decode(path)


def _decode(path: Path) -> np.ndarray:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # honour the EXIF orientation of phone photos
    size = reader.size()
    if size.isValid():
        _check_size(size.width(), size.height())
        if max(size.width(), size.height()) > MAX_SIDE:
            k = MAX_SIDE / max(size.width(), size.height())
            reader.setScaledSize(QSize(max(1, round(size.width() * k)), max(1, round(size.height() * k))))
    image = reader.read()
    if image.isNull():
        error = reader.error()
        if error == QImageReader.UnsupportedFormatError:
            raise ImageReadError(translate("ImageReader", "not an image"))
        if error == QImageReader.InvalidDataError:
            raise ImageReadError(translate("ImageReader", "not a readable image (damaged or truncated?)"))
        raise ImageReadError(translate("ImageReader", "cannot be read ({reason})").format(reason=reader.errorString()))
    image = image.convertToFormat(QImage.Format_RGBA8888)
    h, w = image.height(), image.width()
    buf = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * h)
    return buf.reshape(h, image.bytesPerLine())[:, :4 * w].reshape(h, w, 4).copy()


def _check_size(width: int, height: int) -> None:
    """Refuse an image Qt would refuse to decode (its allocation limit, 256 MB by default), by name:
    Qt itself only fails with "unable to read image data", which reads like a damaged file."""
    limit_mb = QImageReader.allocationLimit()  # 0: no limit
    if limit_mb and width * height * DECODED_BYTES_PER_PIXEL > limit_mb * 1024 * 1024:
        side = _side(limit_mb)
        raise ImageReadError(translate("ImageReader", "image too large: {width:,}x{height:,} pixels (at most "
                                             "{limit} MB once decoded, about {side:,}x{side:,})").format(
            width=width, height=height, limit=limit_mb, side=side))


def _side(limit_mb: int) -> int:
    return int((limit_mb * 1024 * 1024 / DECODED_BYTES_PER_PIXEL) ** 0.5)


_filter_lock = threading.Lock()


@contextlib.contextmanager
def _decoder_messages_silenced():
    """Drop Qt's image-I/O messages (libpng's "iCCP: known incorrect sRGB profile", "libpng error:
    ...", the allocation-limit warning) while decoding; every other message goes to the handler
    that was installed before. One reader at a time, so handlers are restored in order."""
    with _filter_lock:
        previous = None

        def handler(mode, context, message):
            if (context.category or "").startswith(QUIET_CATEGORY):
                return
            if previous is not None:
                previous(mode, context, message)
            else:  # Qt's default handler cannot be called from Python: print as it would
                print(message, file=sys.stderr)

        previous = qInstallMessageHandler(handler)
        try:
            with _libpng_errors_dropped():
                yield
        finally:
            qInstallMessageHandler(previous)


@contextlib.contextmanager
def _libpng_errors_dropped():
    """libpng prints its errors ("libpng error: Read Error") with fprintf to the process's stderr,
    past Qt's handler: route file descriptor 2 to a temporary file while decoding, then pass on
    whatever else arrived meanwhile (another thread's output is delayed, not lost)."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real stderr (embedded, closed): nothing to filter
        yield
        return
    try:
        with tempfile.TemporaryFile() as capture:
            os.dup2(capture.fileno(), 2)
            try:
                yield
            finally:
                os.dup2(saved, 2)
                capture.seek(0)
                kept = [line for line in capture.read().splitlines(keepends=True)
                        if not line.startswith(b"libpng ")]
                if kept:
                    os.write(2, b"".join(kept))
    finally:
        os.close(saved)
