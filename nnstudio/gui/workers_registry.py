"""Every QThread the app starts registers here, so tests (and closeEvent) can find and join them."""

from __future__ import annotations

import weakref

_threads: "weakref.WeakSet" = weakref.WeakSet()


def register(thread) -> None:
    _threads.add(thread)


def live_threads() -> list:
    return [t for t in list(_threads) if _alive(t)]


def _alive(thread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # the C++ object is gone
        return False
