"""The cycle collector runs on the GUI thread only (nnstudio/gui/gc_guard.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from nnstudio.gui.gc_guard import MainThreadCollector, install


class _Cycle:
    def __init__(self):
        self.me = self


def test_collection_happens_in_the_timer_on_the_gui_thread(qapp, qtbot):
    collector = MainThreadCollector()
    try:
        assert not gc.isenabled()
        ran_on = []
        original = gc.collect

        def recording_collect(*args):
            ran_on.append(threading.get_ident())
            return original(*args)

        gc.collect = recording_collect
        try:
            refs = []

            def make_garbage():  # a worker thread allocating cycles: no collection happens there
                for _ in range(5 * collector.thresholds[0]):
                    refs.append(weakref.ref(_Cycle()))

            worker = threading.Thread(target=make_garbage)
            worker.start()
            worker.join()
            assert ran_on == [] and all(r() is not None for r in refs[:10])
            qtbot.waitUntil(lambda: len(ran_on) > 0, timeout=10_000)  # the timer's check collects
        finally:
            gc.collect = original
        assert set(ran_on) == {threading.main_thread().ident}
        assert all(r() is None for r in refs)
    finally:
        collector.stop()
    assert gc.isenabled()


def test_install_once_per_application(qapp):
    first = install(qapp)
    try:
        assert install(qapp) is first
    finally:
        first.stop()
        first.setParent(None)
        first.deleteLater()
    assert gc.isenabled() is True
