"""Opening an image of a digit for the pad: decoded and preprocessed in a JobWorker (a big photo
never freezes the pad), refused with one dialog naming the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox

from nnstudio.core.digits.preprocess import image_to_input, ink_map, to_gray
from nnstudio.core.digits.reading import ink_from_image
from nnstudio.gui.image_reader import read_image

def _decode(path: Path):
    """Worker-thread job: the image as RGBA (h, w, 4) uint8, the network's input x (784,) or None
    when there is no ink, and the ink's measures (reading.InkReport, for the pad's "not a digit"
    checks: a row of digits, a line). A file that cannot be read raises ImageReadError, whose short
    message the JobWorker's `error` carries (a UserInputError's own text)."""
    rgba = read_image(path)
    gray = to_gray(rgba)
    x = image_to_input(gray)
    ink = ink_map(gray) if x is not None else None
    return rgba, x, None if ink is None else ink_from_image(ink)


class ImageOpener(QObject):
    """Reads one image at a time for `widget` (the dialogs' parent).

    opened(str, object, object, object) : the file's name, its RGBA pixels, the input x (784,) and
        the ink's measures (reading.InkReport or None).
    finished(bool) : after each read that was not cancelled; True when `opened` came first.
    busy_changed(bool) : True while an image is being read.
    """

    opened = Signal(str, object, object, object)
    finished = Signal(bool)
    busy_changed = Signal(bool)

    def __init__(self, widget):
        super().__init__(widget)
        self.widget = widget
        self._job = None
        self._path: Path | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def open(self, path) -> bool:
        """Start reading `path`; False (nothing happens) while another image is being read."""
        if self._job is not None:
            return False
        from nnstudio.gui.workers import JobWorker

        self._path = path = Path(path)
        self._job = JobWorker(_decode, path, name="imageReader")
        self._job.result.connect(self._on_result)
        self._job.error.connect(self._on_error)
        self._job.start()
        self.busy_changed.emit(True)
        return True

    def cancel(self) -> None:
        """Forget a read in progress without waiting: its result, when it comes, is ignored."""
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
            self.busy_changed.emit(False)

    def _take(self) -> bool:
        """True when the sender is the read in progress, which then ends here."""
        if self.sender() is not self._job or self._job is None:
            return False
        self._job = None
        self.busy_changed.emit(False)
        return True

    @Slot(object)
    def _on_result(self, value) -> None:
        if not self._take():
            return
        name = self._path.name
        if value[1] is None:
            self._refuse(QMessageBox.information, self.tr("{file}: no ink found (a blank image?)").format(file=name))
        else:
            self.opened.emit(name, *value)
            self.finished.emit(True)

    @Slot(str)
    def _on_error(self, message: str) -> None:  # the file cannot be read (or the decoder broke)
        if self._take():
            self._refuse(QMessageBox.warning, f"{self._path.name}: {message}")  # (message: translated)

    def _refuse(self, box, text: str) -> None:
        box(self.widget, self.tr("Open image"), text)
        self.finished.emit(False)
