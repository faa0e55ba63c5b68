"""`blocked(*objects)`: change widgets quietly, their signals blocked for one `with` block."""

from __future__ import annotations

from contextlib import ExitStack, contextmanager

from PySide6.QtCore import QObject, QSignalBlocker


@contextmanager
def blocked(*objects: QObject):
    """Block the signals of every object in `objects` inside the `with` block.

    One QSignalBlocker each: on leaving, even by an exception, each object gets back the blocking
    state it had before, so a block inside another leaves the outer one's objects blocked.
    """
    with ExitStack() as stack:
        for obj in objects:
            stack.enter_context(QSignalBlocker(obj))
        yield
