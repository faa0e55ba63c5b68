"""JobWorker: one-shot function and generator jobs off the GUI thread, their signals and cancel."""

from __future__ import annotations

import threading

import pytest

from nnstudio.gui import workers, workers_registry
from nnstudio.gui.workers import JobWorker


class Recorder:
    def __init__(self, worker):
        self.results, self.errors, self.items = [], [], []
        worker.result.connect(self.results.append)
        worker.error.connect(self.errors.append)
        worker.yielded.connect(self.items.append)


def run_to_end(qtbot, worker):
    rec = Recorder(worker)
    with qtbot.waitSignal(worker.finished, timeout=30_000):
        worker.start()
    qtbot.waitUntil(lambda: worker not in workers._jobs, timeout=10_000)
    return rec


def test_function_result_arrives_on_the_gui_thread(qtbot):
    threads = []

    def job(a, b=0):
        threads.append(threading.get_ident())  # current_thread() would leave a dummy Thread
        return a + b

    worker = JobWorker(job, 2, b=3)
    received_on = []
    worker.result.connect(lambda _v: received_on.append(threading.get_ident()))
    rec = run_to_end(qtbot, worker)
    assert rec.results == [5] and rec.errors == [] and rec.items == []
    assert threads[0] != threading.main_thread().ident and received_on == [threading.main_thread().ident]
    assert not worker.isRunning() and worker not in workers_registry.live_threads()


def test_an_exception_is_one_line_on_error_and_no_result(qtbot):
    def job():
        raise ValueError("bad input")

    rec = run_to_end(qtbot, JobWorker(job))
    assert rec.errors == ["ValueError: bad input"] and rec.results == []


def test_a_generator_yields_then_returns_its_value(qtbot):
    def job(n):
        for i in range(n):
            yield i
        return "done"

    rec = run_to_end(qtbot, JobWorker(job, 4))
    assert rec.items == [0, 1, 2, 3] and rec.results == ["done"]


def test_a_generator_without_a_return_value_gives_its_last_item(qtbot):
    rec = run_to_end(qtbot, JobWorker(lambda: (i * i for i in range(4))))
    assert rec.results == [9]


def test_cancel_leaves_a_generator_between_two_yields(qtbot):
    gate = threading.Event()
    closed = threading.Event()
    worker = None

    def job():
        try:
            yield 1
            gate.wait(30)  # the test cancels while the job is here
            yield 2
            yield 3
        finally:
            closed.set()

    worker = JobWorker(job)
    rec = Recorder(worker)
    worker.yielded.connect(lambda item: (worker.cancel(), gate.set()) if item == 1 else None)
    with qtbot.waitSignal(worker.finished, timeout=30_000):
        worker.start()
    assert rec.items[0] == 1 and 3 not in rec.items  # at most the item in progress got through
    assert rec.results == [] and rec.errors == [] and closed.is_set() and worker.cancelled


def test_a_function_asking_for_cancel_receives_the_event(qtbot):
    seen = []

    def job(cancel):
        seen.append(cancel)
        cancel.wait(30)  # a long computation that looks at its cancel event
        raise RuntimeError("stopped early")  # an exception after cancel is not an error

    worker = JobWorker(job)
    rec = Recorder(worker)
    worker.start()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0] is worker.cancel_event and worker.isRunning()
    with qtbot.waitSignal(worker.finished, timeout=30_000):
        worker.cancel()
    assert rec.results == [] and rec.errors == []


def test_a_dropped_worker_keeps_running_to_its_end(qtbot):
    """The owner may forget a running job (its panel was deleted): no 'Destroyed while running'."""
    gate = threading.Event()
    done = []

    def job():
        gate.wait(30)
        done.append(True)

    worker = JobWorker(job)
    worker.start()
    thread_name = worker.objectName()
    del worker
    assert any(t.objectName() == thread_name for t in workers_registry.live_threads())
    gate.set()
    qtbot.waitUntil(lambda: not workers._jobs and not workers_registry.live_threads(), timeout=30_000)
    assert done == [True]


@pytest.mark.parametrize("fn", [print, len])
def test_builtins_without_a_cancel_parameter_run_as_they_are(qtbot, fn):
    rec = run_to_end(qtbot, JobWorker(fn, "abc"))
    assert rec.errors == []
