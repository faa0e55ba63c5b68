"""The not-learning detector on synthetic loss sequences, and which finished runs are usable."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.nn import learning
from nnstudio.core.nn.learning import LearningMonitor, unusable_reason
from nnstudio.core.nn.records import DivergedRecord, FinishedRecord, NotLearningRecord


def feed(monitor, losses, lr=0.1):
    for i, loss in enumerate(losses, start=1):
        rec = monitor.add_loss(i, float(loss), lr)
        if rec is not None:
            return rec
    return None


def test_a_loss_stuck_at_one_value_is_reported_once_after_the_window():
    mon = LearningMonitor(window=2000, block=100)
    rec = feed(mon, [0.5] * 5000, lr=100.0)
    assert isinstance(rec, NotLearningRecord) and rec.kind == "flat_loss"
    assert rec.iteration == 2000  # not before the window is full
    assert "2,000 iterations" in rec.reason and "0.5000" in rec.reason
    assert "smaller learning rate" in rec.suggestion and "cross-entropy" in rec.suggestion
    assert "Not learning at step 2,000" in rec.message
    assert mon.add_loss(5001, 0.5, 100.0) is None  # reported once
    assert mon.add_accuracy(6000, 0.098, 100.0) is None


def test_a_learning_curve_and_a_noisy_plateau_are_not_flat():
    rng = np.random.default_rng(0)
    steps = np.arange(1, 10_001)
    learning_curve = 2.3 * np.exp(-steps / 1500) + 0.05 + 0.02 * rng.standard_normal(len(steps))
    assert feed(LearningMonitor(), learning_curve) is None
    # converged: mini-batch losses around 0.05 with their usual noise
    plateau = np.abs(0.05 + 0.03 * rng.standard_normal(10_000))
    assert feed(LearningMonitor(), plateau) is None


def test_a_flat_loss_with_tiny_noise_is_flat_and_a_slow_decline_is_not():
    rng = np.random.default_rng(1)
    stuck = 2.3026 + 0.001 * rng.standard_normal(4000)  # dead units: the loss of uniform guesses
    assert feed(LearningMonitor(), stuck, lr=1e-5).kind == "flat_loss"
    assert "too small" in LearningMonitor().add_accuracy(3000, 0.1, 1e-5).suggestion
    slow = np.linspace(2.3, 1.9, 4000)  # 17% lower over the run: learning, slowly
    assert feed(LearningMonitor(), slow) is None


def test_a_non_finite_loss_is_not_called_flat():
    assert feed(LearningMonitor(window=200, block=100), [float("nan")] * 1000) is None


def test_chance_accuracy_after_enough_steps():
    mon = LearningMonitor(chance_after=2000)
    assert mon.add_accuracy(600, 0.098, 3.0) is None  # too early to judge
    rec = mon.add_accuracy(2400, 0.098, 3.0)
    assert rec.kind == "chance_accuracy" and rec.accuracy == 0.098
    assert "9.8%" in rec.reason and "10%" in rec.reason
    assert LearningMonitor().add_accuracy(2400, 0.60, 3.0) is None


def test_window_follows_the_module_constants(monkeypatch):
    monkeypatch.setattr(learning, "FLAT_WINDOW", 300)
    monkeypatch.setattr(learning, "FLAT_BLOCK", 50)
    assert feed(LearningMonitor(), [1.0] * 400).iteration == 300


def test_unusable_reasons():
    done = FinishedRecord("completed", 1000, 2.0, 1.0, 0.9, 0.9)
    assert unusable_reason(done, None, 0.9) == ""
    assert "diverged" in unusable_reason(FinishedRecord("diverged", 10, 0.1, 1.0), None, 0.9)
    assert "diverged" in unusable_reason(done, DivergedRecord(10, 1e6, 14.0), 0.9)
    assert "first step" in unusable_reason(FinishedRecord("stopped", 0, 0.0, 0.0), None, None)
    assert "guessing" in unusable_reason(done, None, 0.098)
    assert "guessing" in unusable_reason(done, None, 0.2)
    assert unusable_reason(done, None, 0.25) == ""
    assert "unknown" in unusable_reason(done, None, None)


@pytest.fixture(scope="module")
def mnist():
    from nnstudio.core.digits.data import load_mnist

    (xtr, ttr), (xte, tte) = load_mnist()
    return (xtr[:2000], ttr[:2000]), (xte[:500], tte[:500])


def test_trainer_yields_not_learning_for_nielsens_cost_at_lr_100(mnist, monkeypatch):
    from nnstudio.core.nn.records import EpochRecord, StepRecord
    from nnstudio.core.nn.config import TrainConfig
    from nnstudio.core.nn.trainer import Trainer

    monkeypatch.setattr(learning, "FLAT_WINDOW", 500)
    cfg = TrainConfig(hidden=(30,), activation="sigmoid", init="nielsen", loss="quadratic", lr=100.0,
                      batch_size=10, iterations=1200, sampling="shuffle")
    recs = list(Trainer(cfg, mnist).run())
    notes = [r for r in recs if isinstance(r, NotLearningRecord)]
    assert len(notes) == 1 and notes[0].kind == "flat_loss"
    i = recs.index(notes[0])
    assert isinstance(recs[i - 1], (StepRecord, EpochRecord)) and isinstance(recs[i + 1], StepRecord)
    # never between a step that ends an epoch and its epoch record
    for j, r in enumerate(recs[:-1]):
        if isinstance(r, StepRecord) and r.iteration % 200 == 0:
            assert isinstance(recs[j + 1], EpochRecord)
    assert recs[-1].reason == "completed"


def test_a_learning_run_gets_no_warning(mnist, monkeypatch):
    from nnstudio.core.nn.config import TrainConfig
    from nnstudio.core.nn.trainer import Trainer

    monkeypatch.setattr(learning, "FLAT_WINDOW", 500)
    monkeypatch.setattr(learning, "CHANCE_AFTER", 200)
    cfg = TrainConfig(hidden=(30,), activation="sigmoid", init="nielsen", loss="quadratic", lr=3.0,
                      batch_size=10, iterations=1200, sampling="shuffle")
    assert not [r for r in Trainer(cfg, mnist).run() if isinstance(r, NotLearningRecord)]
