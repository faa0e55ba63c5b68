"""The Trainer drives a conv network as it drives an MLP: records, snapshots, divergence checks,
the not-learning monitor, and continuing a trained network."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.nn.config import TrainConfig
from nnstudio.core.nn.learning import unusable_reason
from nnstudio.core.nn.presets import PRESETS, get_preset
from nnstudio.core.nn.records import EpochRecord, FinishedRecord, StepRecord, WeightSnapshot
from nnstudio.core.nn.sequential import SequentialNet
from nnstudio.core.nn.trainer import Trainer


pytestmark = pytest.mark.usefixtures("one_blas_thread")


@pytest.fixture(scope="module")
def mnist_small(mnist):
    (xtr, ttr), (xte, tte) = mnist
    return (xtr[:1000], ttr[:1000]), (xte[:300], tte[:300])


def _conv(**changes):
    base = TrainConfig(arch="conv 8 3x3, pool 2, dense 10", activation="relu", init="he", optimizer="adam",
                       lr=3e-3, batch_size=50, iterations=None, epochs=1, sampling="shuffle", seed=2)
    return base.with_(**changes)


def test_a_conv_run_yields_the_usual_records_and_learns(mnist_small):
    trainer = Trainer(_conv(), mnist_small)
    assert isinstance(trainer.network, SequentialNet) and trainer.iters_per_epoch == 20
    records = list(trainer.run())
    steps = [r for r in records if isinstance(r, StepRecord)]
    epochs = [r for r in records if isinstance(r, EpochRecord)]
    final = records[-1]
    assert [s.iteration for s in steps] == list(range(1, 21))
    assert all(np.isfinite(s.loss) for s in steps) and steps[-1].loss < steps[0].loss
    assert [e.epoch for e in epochs] == [0, 1] and epochs[1].iteration == 20
    assert isinstance(final, FinishedRecord) and final.reason == "completed" and final.iteration == 20
    assert final.final_test_acc > 0.6  # chance is 0.1
    assert unusable_reason(final, trainer.diverged, final.final_test_acc, trainer.network.sizes[-1]) == ""
    snapshot = WeightSnapshot(final.iteration, trainer.network.params_copy(), trainer.network.activation)
    assert snapshot.params["W1"].shape == (8, 1, 3, 3)
    assert not np.shares_memory(snapshot.params["W1"], trainer.network.flat_params)


def test_the_same_seed_gives_the_same_conv_run(mnist_small):
    cfg = _conv(iterations=5, epochs=None)
    a, b = Trainer(cfg, mnist_small), Trainer(cfg, mnist_small)
    la = [r.loss for r in a.run() if isinstance(r, StepRecord)]
    lb = [r.loss for r in b.run() if isinstance(r, StepRecord)]
    assert la == lb
    np.testing.assert_array_equal(a.network.flat_params, b.network.flat_params)


def test_plain_sgd_and_weight_decay_drive_a_conv_net(mnist_small):
    records = list(Trainer(_conv(optimizer="sgd", lr=0.1, weight_decay=1e-3, iterations=10, epochs=None),
                           mnist_small).run())
    assert records[-1].reason == "completed" and records[-1].iteration == 10


def test_a_conv_run_that_blows_up_is_reported_and_keeps_sound_weights(mnist_small):
    records = list(Trainer(_conv(optimizer="sgd", lr=1e4, iterations=30, epochs=None), mnist_small).run())
    assert records[-1].reason == "diverged"


def test_continuing_a_trained_conv_network(mnist_small):
    first = Trainer(_conv(iterations=5, epochs=None), mnist_small)
    list(first.run())
    before = first.network.flat_params.copy()
    again = Trainer(TrainConfig(iterations=3, optimizer="adam", lr=1e-3), mnist_small, network=first.network)
    assert again.network is first.network
    assert list(again.run())[-1].iteration == 3
    assert not np.array_equal(before, again.network.flat_params)


def test_conv_presets():
    small, tiny = get_preset("conv-small").config, get_preset("conv-tiny").config
    assert small.arch == "conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10"
    assert (small.optimizer, small.lr, small.batch_size, small.activation, small.init) == \
        ("adam", 1e-3, 128, "relu", "he")
    assert tiny.arch and tiny.train_subset and "conv-small" in PRESETS
    assert isinstance(tiny.build_network(), SequentialNet)


def test_quick_run_of_the_conv_tiny_preset(mnist):
    (xtr, ttr), (xte, tte) = mnist
    cfg = get_preset("conv-tiny").config.with_(train_subset=2000, seed=0)
    final = list(Trainer(cfg, ((xtr, ttr), (xte[:2000], tte[:2000]))).run())[-1]
    assert final.reason == "completed" and final.final_test_acc >= 0.75
