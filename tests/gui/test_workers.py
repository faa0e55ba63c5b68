"""The training worker: batched records in order, pause/step/resume, stop, errors, divergence."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import numpy as np
import pytest

from nnstudio.core.nn.records import DivergedRecord, EpochRecord, StepRecord, WeightSnapshot
from nnstudio.core.nn.config import TrainConfig
from nnstudio.core.nn.trainer import Trainer
from nnstudio.gui.workers import TrainingWorker


@pytest.fixture(scope="module")
def small_data(mnist):
    (xtr, ttr), (xte, tte) = mnist
    return (xtr[:2000], ttr[:2000]), (xte[:1000], tte[:1000])


def make_worker(data, **changes):
    cfg = TrainConfig(hidden=(20,), activation="relu", init="he", optimizer="adam", lr=0.01,
                      batch_size=50, iterations=200, seed=1).with_(**changes)
    return TrainingWorker(Trainer(cfg, data))


class Collector:
    def __init__(self, worker):
        self.batches, self.snapshots, self.errors, self.final = [], [], [], None
        self.parked = []  # iterations the loop parked at (appended on the worker's thread)
        worker.progressed.connect(self.batches.append)
        worker.parked.connect(self.parked.append)
        worker.snapshot.connect(self.snapshots.append)
        worker.failed.connect(self.errors.append)
        worker.finished.connect(self._finished)

    def _finished(self, rec):
        self.final = rec

    @property
    def records(self):
        return [r for b in self.batches for r in b]

    def park(self, qtbot, control, *args) -> int:
        """Call a worker control (pause, step) and wait until the loop has parked: the iteration."""
        before = len(self.parked)
        control(*args)
        qtbot.waitUntil(lambda: len(self.parked) > before, timeout=10_000)
        return self.parked[-1]

    def steps(self):
        return [r for r in self.records if isinstance(r, StepRecord)]


def test_run_emits_every_record_in_batches(qtbot, small_data, monkeypatch):
    import nnstudio.gui.workers as workers

    ticks = itertools.count()  # the worker's clock: 10 ms per reading, whatever the machine's speed
    monkeypatch.setattr(workers, "time", SimpleNamespace(monotonic=lambda: next(ticks) * 0.01))
    worker = make_worker(small_data)
    got = Collector(worker)
    with qtbot.waitSignal(worker.finished, timeout=60_000):
        worker.start()
    assert worker.wait(10_000)
    assert got.final.reason == "completed"
    assert [r.iteration for r in got.steps()] == list(range(1, 201))  # none dropped, in order
    epochs = [r for r in got.records if isinstance(r, EpochRecord)]
    assert [e.epoch for e in epochs] == [0, 1, 2, 3, 4, 5]  # 2000 / 50 = 40 steps per epoch
    clock_s = next(ticks) * 0.01
    assert 5 <= len(got.batches) <= clock_s / worker.emit_interval + 2  # batched: one per interval
    assert got.snapshots and isinstance(got.snapshots[-1], WeightSnapshot)
    assert len(got.snapshots) <= clock_s / worker.snapshot_interval + 2
    assert got.snapshots[-1].iteration == 200
    assert got.snapshots[-1].activation == worker.trainer.network.activation
    assert not got.errors


def test_pause_step_resume(qtbot, small_data):
    worker = make_worker(small_data, iterations=100_000)
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: len(got.steps()) >= 5, timeout=60_000)
    paused_at = got.park(qtbot, worker.pause)  # a step may be in flight: the loop parks after it
    assert paused_at >= 5
    assert worker.trainer.iteration == paused_at  # really paused: the loop waits between steps
    assert got.steps()[-1].iteration == paused_at  # every step it made was reported first
    assert got.park(qtbot, worker.step, 3) == paused_at + 3
    assert worker.trainer.iteration == paused_at + 3
    assert got.steps()[-1].iteration == paused_at + 3
    worker.resume()
    qtbot.waitUntil(lambda: got.steps()[-1].iteration > paused_at + 10, timeout=30_000)
    iterations = [r.iteration for r in got.steps()]
    assert iterations == list(range(1, len(iterations) + 1))  # continues where it was
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.stop()
    assert got.final.reason == "stopped"
    assert worker.wait(10_000)


def test_a_worker_started_paused_parks_before_its_first_step(qtbot, small_data):
    cfg = TrainConfig(hidden=(20,), batch_size=50, iterations=100_000, seed=1)
    worker = TrainingWorker(Trainer(cfg, small_data), start_paused=True)
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: got.parked == [0], timeout=60_000)
    assert worker.trainer.iteration == 0 and not got.steps()
    assert isinstance(got.records[0], EpochRecord)  # the epoch-0 accuracies came before the park
    assert got.park(qtbot, worker.step, 2) == 2
    assert [r.iteration for r in got.steps()] == [1, 2]
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.stop()
    assert got.final.reason == "stopped"
    assert worker.wait(10_000)


def test_stop_while_paused(qtbot, small_data):
    worker = make_worker(small_data, iterations=100_000)
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: len(got.steps()) >= 2, timeout=60_000)
    got.park(qtbot, worker.pause)
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.stop()
    assert got.final.reason == "stopped"
    assert worker.wait(10_000)


def test_learning_rate_change_applies_next_step(qtbot, small_data):
    worker = make_worker(small_data, iterations=100_000, optimizer="sgd", lr=0.1)
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: len(got.steps()) >= 3, timeout=60_000)
    worker.trainer.set_lr(0.05)
    qtbot.waitUntil(lambda: got.steps()[-1].lr == 0.05, timeout=10_000)
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.stop()
    assert worker.wait(2000)
    lrs = [r.lr for r in got.steps()]
    first = lrs.index(0.05)
    assert set(lrs[:first]) == {0.1} and set(lrs[first:]) == {0.05}


def test_exception_reported_as_failed(qtbot, small_data):
    def broken(x, rng):
        raise RuntimeError("boom")

    cfg = TrainConfig(hidden=(20,), batch_size=50, iterations=200)
    worker = TrainingWorker(Trainer(cfg, small_data, batch_transform=broken))
    got = Collector(worker)
    with qtbot.waitSignal(worker.finished, timeout=20_000):
        worker.start()
    assert worker.wait(2000)
    assert got.errors == ["RuntimeError: boom"]
    assert got.final.reason == "failed"


def test_huge_learning_rate_diverges_cleanly(qtbot, small_data):
    worker = make_worker(small_data, optimizer="sgd", lr=1e6, activation="sigmoid", init="std")
    got = Collector(worker)
    with qtbot.waitSignal(worker.finished, timeout=30_000):
        worker.start()
    assert worker.wait(2000)
    assert not got.errors
    assert got.final.reason == "diverged"
    assert any(isinstance(r, DivergedRecord) for r in got.records)
    assert all(np.isfinite(v).all() for v in worker.trainer.network.params.values())


def test_stop_cancels_a_long_data_preparation(qtbot, small_data):
    """60,000 synthetic digits take most of a minute to draw; Stop must not wait for them."""
    cfg = TrainConfig(hidden=(20,), iterations=10, batch_size=50, synthetic=60_000, seed=1)
    started = []

    def factory(stop_event, report):
        started.append(True)
        return Trainer(cfg, small_data, stop_event=stop_event, progress=report)

    worker = TrainingWorker(factory=factory)
    got = Collector(worker)
    prepared = []
    worker.prepared.connect(prepared.append)
    worker.start()
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.stop()
    assert worker.wait(5000)
    assert got.final.reason == "stopped" and not prepared and not got.errors
