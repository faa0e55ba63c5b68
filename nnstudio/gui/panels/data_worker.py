"""A QThread that runs one function off the GUI thread; the owner reads `result` on `finished`."""

from __future__ import annotations

from PySide6.QtCore import QThread

from nnstudio.gui import workers_registry


class DataWorker(QThread):
    """Runs fn(*args) once. Connect `finished` (emitted after `run` returns, when isRunning() is
    already False) and read `result`, or `error` (a one-line message) if fn raised."""

    def __init__(self, fn, *args, tag=None, parent=None):
        super().__init__(parent)
        self.fn, self.args, self.tag = fn, args, tag
        self.result = None
        self.error: str | None = None
        workers_registry.register(self)

    def run(self):
        try:
            self.result = self.fn(*self.args)
        except Exception as exc:  # reported in the view as one line, never a traceback
            self.error = f"{type(exc).__name__}: {exc}"
