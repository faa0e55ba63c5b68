"""A QThread that runs one generator (or function) off the GUI thread for the concept explorers."""

from __future__ import annotations

import inspect
import threading

from PySide6.QtCore import QThread, Signal, Slot

from nnstudio.gui import workers_registry

# Workers that are running: holding them here keeps a QThread object alive until its run() ends,
# even if the explorer that started it is deleted first (Qt aborts on destroying a running thread).
_running: set = set()


class ConceptWorker(QThread):
    """Runs `job()` in its own thread.

    If the job returns a generator, every item it yields is emitted through `progressed`, and
    `stop()` ends it between items. The job's return value (or the last item) goes to `done`,
    an exception's message to `failed`. Signals are delivered queued to the GUI thread.
    """

    progressed = Signal(object)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, job, parent=None):
        super().__init__(parent)
        self._job = job
        self._stop = threading.Event()
        self.cancelled = False
        workers_registry.register(self)
        self.finished.connect(self._forget)

    def start(self, *args):
        _running.add(self)
        super().start(*args)

    @Slot()
    def _forget(self):
        _running.discard(self)

    def stop(self) -> None:
        """Ask the job to end at its next yield (thread-safe)."""
        self._stop.set()

    def run(self):
        try:
            result = self._job()
            if inspect.isgenerator(result):
                last = None
                for item in result:
                    if self._stop.is_set():
                        result.close()
                        self.cancelled = True
                        return
                    last = item
                    self.progressed.emit(item)
                result = last
            if not self._stop.is_set():
                self.done.emit(result)
        except Exception as exc:  # noqa: BLE001 - reported to the user as one line
            self.failed.emit(f"{type(exc).__name__}: {exc}")
