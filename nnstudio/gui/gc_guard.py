"""Python's cycle collector runs on the GUI thread only, from a timer.

Left automatic, the collector runs on whichever thread happens to allocate, and the training
worker allocates all the time. If it then frees a Qt object that ended in a reference cycle (a
closed dialog, a replaced panel part), the object's destructor runs on the worker thread: it takes
a Qt lock and waits for the GIL while the GUI thread holds the GIL and waits for that lock, and
both threads hang for ever. Seen in this project's suite: a training worker stuck in a collection
that freed widgets of an earlier test. Collecting here, on the GUI thread, keeps every Qt
destructor there. Reference counting still frees everything that is not in a cycle at once.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

CHECK_INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Disable automatic collection and collect from a GUI-thread timer, generation by generation,
    when the allocation counts pass the thresholds the automatic collector would have used."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start()

    @Slot()
    def check(self) -> None:
        counts = gc.get_count()
        generation = -1
        for gen in range(3):
            if counts[gen] > self.thresholds[gen] > 0:
                generation = gen
            else:
                break
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        """Back to automatic collection (after one full collection here)."""
        self.timer.stop()
        gc.collect()
        gc.enable()


def install(app) -> MainThreadCollector:
    """Collect on `app`'s (the GUI) thread from now on; the collector lives as long as the app."""
    collector = app.findChild(MainThreadCollector)
    return collector if collector is not None else MainThreadCollector(app)
