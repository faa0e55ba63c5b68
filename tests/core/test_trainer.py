"""Training as a generator: records, repeatability, stop, set_lr, divergence, extra data."""

from __future__ import annotations

import sys
import threading
import types
import warnings

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from nnstudio.core.nn import trainer as T
from nnstudio.core.nn.presets import get_preset
from nnstudio.core.nn.records import DivergedRecord, EpochRecord, FinishedRecord, StepRecord
from nnstudio.core.nn.config import TrainConfig
from nnstudio.core.nn.trainer import Trainer


pytestmark = pytest.mark.usefixtures("one_blas_thread")


@pytest.fixture(scope="module")
def mnist_small(mnist):
    (xtr, ttr), (xte, tte) = mnist
    return (xtr[:3000], ttr[:3000]), (xte[:500], tte[:500])


def small(**changes):
    base = TrainConfig(hidden=(20,), lr=0.5, batch_size=50, iterations=None, epochs=2, sampling="shuffle",
                       init="xavier", seed=3)
    return base.with_(**changes)


def records(trainer):
    return list(trainer.run())


# ------------------------------------------------------------------ TrainConfig


def test_config_validation_gives_clear_errors():
    for changes, msg in [({"sampling": "random"}, "sampling"), ({"batch_size": 0}, "batch"),
                         ({"lr": 0.0}, "learning rate"), ({"lr": float("nan")}, "learning rate"),
                         ({"epochs": 2, "iterations": 5}, "either"), ({"epochs": None, "iterations": None}, "either"),
                         ({"iterations": 0, "epochs": None}, "at least one"), ({"hidden": (3, 0)}, "positive"),
                         ({"train_subset": 0}, "subset"), ({"synthetic": -1}, "synthetic"),
                         ({"lr_decay": 1.5}, "decay")]:
        with pytest.raises(ValueError, match=msg):
            small(**changes)


def test_config_round_trips_through_a_dict_and_normalises_types():
    cfg = small(hidden=[64, 32], augment=True, synthetic=10)
    d = cfg.to_dict()
    assert d["hidden"] == [64, 32] and d["synthetic"] == 10 and d["augment"] is True
    assert TrainConfig.from_dict(d) == cfg
    assert TrainConfig.from_dict({**d, "unknown_future_key": 1}) == cfg
    assert TrainConfig.from_dict({**d, "batch_size": 50.0}).batch_size == 50
    defaults = TrainConfig()
    assert defaults.augment is False and defaults.synthetic == 0 and defaults.lr_decay == 1.0


# ------------------------------------------------------------------ the record stream


def test_record_stream_shape(mnist_small):
    tr = Trainer(small(), mnist_small)
    recs = records(tr)
    assert isinstance(recs[0], EpochRecord) and recs[0].epoch == 0 and recs[0].iteration == 0
    assert isinstance(recs[-1], FinishedRecord) and recs[-1].reason == "completed"
    steps = [r for r in recs if isinstance(r, StepRecord)]
    epochs = [r for r in recs if isinstance(r, EpochRecord)]
    assert tr.iters_per_epoch == 60 and tr.total_iterations == 120
    assert [s.iteration for s in steps] == list(range(1, 121))
    assert [e.epoch for e in epochs] == [0, 1, 2]
    # an EpochRecord comes right after the step that ends its epoch (the GUI worker relies on it)
    for i, r in enumerate(recs):
        if isinstance(r, StepRecord) and r.iteration % tr.iters_per_epoch == 0:
            assert isinstance(recs[i + 1], EpochRecord) and recs[i + 1].iteration == r.iteration
    assert all(np.isfinite(s.loss) and s.lr == 0.5 for s in steps)
    assert epochs[-1].test_acc > 0.7 and epochs[-1].samples_per_s > 0
    assert epochs[1].mean_loss == pytest.approx(np.mean([s.loss for s in steps[:60]]))
    assert recs[-1].final_test_acc == epochs[-1].test_acc
    assert steps[5].epoch == pytest.approx(6 / 60)


def test_iterations_and_replacement_sampling_use_the_books_epoch(mnist_small):
    tr = Trainer(small(sampling="replacement", iterations=130, epochs=None), mnist_small)
    recs = records(tr)
    assert tr.iters_per_epoch == 60  # 3000 // 50
    assert [e.iteration for e in recs if isinstance(e, EpochRecord)] == [0, 60, 120, 130]


def test_shuffle_visits_every_example_once_per_epoch():
    n = 23
    x = np.zeros((n, 3), np.float32)
    x[:, 0] = np.arange(n)
    seen = []

    def spy(xb, rng):
        seen.extend(xb[:, 0].astype(int).tolist())
        return xb * 0  # the network does not need to learn anything here

    data = ((x, np.arange(n) % 10), (x[:5], np.arange(5)))
    tr = Trainer(small(batch_size=5, epochs=2), data, batch_transform=spy)
    records(tr)
    assert tr.iters_per_epoch == 5  # ceil(23 / 5): the last batch is partial
    assert sorted(seen[:n]) == list(range(n)) and sorted(seen[n:]) == list(range(n))
    assert seen[:n] != seen[n:]  # a new order each epoch


def test_same_seed_is_bit_for_bit_repeatable(mnist_small):
    def run(seed):
        tr = Trainer(small(seed=seed, optimizer="adam", lr=1e-3), mnist_small)
        losses = [r.loss for r in tr.run() if isinstance(r, StepRecord)]
        return losses, tr.network.params_copy()

    (l1, p1), (l2, p2), (l3, _) = run(5), run(5), run(6)
    assert l1 == l2
    for key in p1:
        assert_array_equal(p1[key], p2[key])
    assert l1 != l3


def test_stop_is_honoured_within_one_mini_batch(mnist_small):
    tr = Trainer(small(), mnist_small)
    gen = tr.run()
    recs = []
    for rec in gen:
        recs.append(rec)
        if isinstance(rec, StepRecord) and rec.iteration == 7:
            tr.stop()
    last = recs[-1]
    assert isinstance(last, FinishedRecord) and last.reason == "stopped"
    assert last.iteration == 7 and tr.iteration == 7
    assert not any(isinstance(r, StepRecord) and r.iteration > 7 for r in recs)


def test_stop_from_another_thread(mnist_small):
    tr = Trainer(small(epochs=50), mnist_small)
    reached = threading.Event()
    stopped_at = []

    def controller():
        reached.wait(10)
        stopped_at.append(tr.iteration)
        tr.stop()

    thread = threading.Thread(target=controller)
    thread.start()
    final = None
    for rec in tr.run():
        if isinstance(rec, StepRecord) and rec.iteration == 30:
            reached.set()
            thread.join(10)  # the controller has called stop() by now
        if isinstance(rec, FinishedRecord):
            final = rec
    assert final.reason == "stopped"
    assert final.iteration <= stopped_at[0] + 1


def test_set_lr_takes_effect_at_the_next_step(mnist_small):
    tr = Trainer(small(), mnist_small)
    lrs = {}
    for rec in tr.run():
        if isinstance(rec, StepRecord):
            lrs[rec.iteration] = rec.lr
            if rec.iteration == 10:
                tr.set_lr(0.05)
                assert tr.lr == 0.05
    assert lrs[10] == 0.5 and lrs[11] == 0.05 and lrs[120] == 0.05
    with pytest.raises(ValueError):
        tr.set_lr(-1)


def test_lr_decay_multiplies_the_rate_each_epoch(mnist_small):
    tr = Trainer(small(lr_decay=0.5, epochs=3), mnist_small)
    lrs = [r.lr for r in tr.run() if isinstance(r, StepRecord)]
    assert lrs[0] == 0.5 and lrs[60] == 0.25 and lrs[120] == 0.125


# ------------------------------------------------------------------ divergence


def _run_until_end(tr):
    diverged = [r for r in tr.run() if isinstance(r, (DivergedRecord, FinishedRecord))]
    return diverged


def test_non_finite_loss_is_reported_and_finite_weights_kept(mnist_small):
    def poison(xb, rng, calls=[0]):  # noqa: B006 - a counter for this test only
        calls[0] += 1
        return xb * np.nan if calls[0] == 5 else xb

    tr = Trainer(small(), mnist_small, batch_transform=poison)
    div, fin = _run_until_end(tr)
    assert isinstance(div, DivergedRecord) and div.iteration == 5 and div.lr == 0.5
    assert not np.isfinite(div.loss)
    assert "step 5" in div.message and "0.5" in div.message and "non-finite" in div.message
    assert fin.reason == "diverged" and fin.iteration == 4
    assert np.isfinite(tr.network.flat_params).all()
    assert tr.diverged is div


@pytest.mark.parametrize("preset", ["book-twolayer", "nielsen-ch1", "fast"])
def test_huge_learning_rate_is_reported_as_diverged(mnist_small, preset):
    """lr 1e6: the clipped cross-entropy and saturated sigmoids keep the loss finite, yet the run
    is wrecked. The weight and loss checks must call it diverged, and keep sound weights."""
    cfg = get_preset(preset).config.with_(lr=1e6, iterations=300, epochs=None, eval_train=500)
    tr = Trainer(cfg, mnist_small)
    div, fin = _run_until_end(tr)
    assert isinstance(div, DivergedRecord), div
    assert div.lr == 1e6 and div.iteration <= T.HEALTH_EVERY * 2
    assert fin.reason == "diverged"
    flat = tr.network.flat_params
    assert np.isfinite(flat).all() and np.abs(flat).max() <= T.WEIGHT_LIMIT


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_overflowing_run_is_reported_without_runtime_warnings(mnist_small, activation):
    """lr 1e30 overflows the float32 maths itself: the trainer reports the blow-up as a
    DivergedRecord and numpy's RuntimeWarnings about it stay silent (the GUI's worker thread
    has no errstate of its own)."""
    cfg = get_preset("book-twolayer").config.with_(lr=1e30, activation=activation, iterations=300,
                                                   eval_train=500)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any RuntimeWarning fails the test
        div, fin = _run_until_end(Trainer(cfg, mnist_small))
    assert isinstance(div, DivergedRecord) and fin.reason == "diverged"
    assert np.geterr()["over"] == "warn"  # the caller's numpy settings are left as they were


def test_exploding_loss_with_finite_weights_is_diverged(mnist_small, monkeypatch):
    monkeypatch.setattr(T, "WEIGHT_LIMIT", 1e30)  # only the loss check can see it now
    cfg = get_preset("book-twolayer").config.with_(lr=1e6, iterations=300, eval_train=500)
    div, fin = _run_until_end(Trainer(cfg, mnist_small))
    assert isinstance(div, DivergedRecord) and "loss exploded" in div.reason


def test_no_false_alarm_at_high_but_workable_rates(mnist_small):
    for cfg in (get_preset("book-twolayer").config.with_(lr=3.0, iterations=300),
                get_preset("nielsen-ch1").config.with_(lr=10.0, epochs=None, iterations=1500),
                get_preset("fast").config.with_(lr=0.01, epochs=1)):
        fin = _run_until_end(Trainer(cfg.with_(eval_train=500), mnist_small))
        assert [type(r) for r in fin] == [FinishedRecord] and fin[0].reason == "completed", cfg


# ------------------------------------------------------------------ more training data


def test_extra_train_rows_are_appended(mnist_small):
    (xtr, ttr), test = mnist_small
    extra = (np.ones((7, 784), np.float32), np.full(7, 3))
    tr = Trainer(small(train_subset=100), ((xtr, ttr), test), extra_train=extra)
    assert len(tr.x_train) == 107 and tr.t_train[-1] == 3
    assert_array_equal(tr.x_train[-1], np.ones(784))
    with pytest.raises(ValueError, match="do not match"):
        Trainer(small(), mnist_small, extra_train=(np.ones((2, 5)), np.ones(2)))


def test_synthetic_and_augment_use_the_pad_modules(mnist_small, monkeypatch):
    calls = {"synth": 0, "augment": 0}

    def make_synthetic(n, rng, should_stop=None, progress=None):
        calls["synth"] = n
        return rng.random((n, 784), dtype=np.float32), np.zeros(n, np.uint8)

    def augment_batch(x, rng):
        calls["augment"] += 1
        return x

    monkeypatch.setitem(sys.modules, "nnstudio.core.digits.synth",
                        types.SimpleNamespace(make_synthetic=make_synthetic, SynthesisCancelled=RuntimeError))
    monkeypatch.setitem(sys.modules, "nnstudio.core.digits.augment", types.SimpleNamespace(augment_batch=augment_batch))
    tr = Trainer(small(train_subset=200, synthetic=40, augment=True, iterations=6, epochs=None), mnist_small)
    assert calls["synth"] == 40 and len(tr.x_train) == 240
    records(tr)
    assert calls["augment"] == 6


def test_one_hot_targets_and_eval_limit(mnist_small):
    (xtr, ttr), (xte, tte) = mnist_small
    tr = Trainer(small(iterations=3, epochs=None), ((xtr, np.eye(10)[ttr]), (xte, np.eye(10)[tte])),
                 eval_train_limit=100)
    assert tr.t_train.ndim == 1 and tr.eval_train_limit == 100
    first = next(tr.run())
    assert first.train_acc * 100 == int(first.train_acc * 100)  # measured on 100 images


def test_continue_training_a_given_network(mnist_small):
    net = small().build_network()
    tr = Trainer(small(iterations=5, epochs=None), mnist_small, network=net)
    records(tr)
    assert tr.network is net
    with pytest.raises(ValueError, match="inputs"):
        Trainer(small(), mnist_small, network=small().build_network(input_size=10))


def test_throughput_excludes_time_the_consumer_holds_a_record(mnist_small, monkeypatch):
    """A paused GUI or a slow printer must not drag samples/s down: only the loop's own time counts."""
    from types import SimpleNamespace

    import nnstudio.core.nn.trainer as trainer_module

    now = [0.0]

    def clock():  # the trainer's clock: 1 ms per reading, plus whatever the consumer holds
        now[0] += 0.001
        return now[0]

    monkeypatch.setattr(trainer_module, "time", SimpleNamespace(perf_counter=clock))
    tr = Trainer(small(iterations=20, epochs=None, train_subset=1000), mnist_small)
    epochs = []
    for rec in tr.run():
        if isinstance(rec, StepRecord):
            now[0] += 1.0  # the consumer holds each step record for a second
        elif isinstance(rec, EpochRecord):
            epochs.append(rec)
    assert now[0] > 20.0
    assert epochs[-1].samples_per_s > 100 * (20 * 50) / now[0]  # counting the holds: < (20 * 50) / 20


def test_a_stop_event_set_early_cancels_synthetic_preparation():
    import threading

    from nnstudio.core.digits.synth import SynthesisCancelled, make_synthetic
    from nnstudio.core.nn.trainer import TrainingCancelled

    with pytest.raises(SynthesisCancelled):
        make_synthetic(5000, np.random.default_rng(0), should_stop=lambda: True)
    event = threading.Event()
    event.set()
    x = np.zeros((20, 784), np.float32)
    t = np.arange(20, dtype=np.uint8) % 10
    with pytest.raises(TrainingCancelled):
        Trainer(TrainConfig(hidden=(5,), iterations=5, batch_size=5, synthetic=60_000),
                ((x, t), (x, t)), stop_event=event)


def test_replacement_batches_are_the_books_draws_one_step_at_a_time(mnist_small):
    # The trainer draws 64 steps of indices in one call; NumPy's Generator gives the same stream
    # as one call per step, so a seed means the same mini-batches as the plain loop.
    cfg = small(sampling="replacement", iterations=200, epochs=None, batch_size=7)
    tr = Trainer(cfg, mnist_small)
    batches = tr._batches()
    rng = np.random.default_rng(cfg.seed + 1)
    x, t = mnist_small[0]
    for _ in range(150):  # across two blocks
        xb, tb = next(batches)
        idx = rng.integers(0, len(x), 7)
        assert_array_equal(xb, x[idx])
        assert_array_equal(tb, t[idx])


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_trainer_steps_match_a_plain_loop(mnist_small, optimizer):
    # SGD's update rides on the backward pass inside the trainer; the weights must be those of
    # the textbook loop: gradient, then optimizer step.
    from nnstudio.core.nn.optimizers import make_optimizer

    cfg = small(sampling="replacement", iterations=40, epochs=None, optimizer=optimizer,
                lr=0.5 if optimizer == "sgd" else 1e-3)
    tr = Trainer(cfg, mnist_small)
    records(tr)
    net, opt = cfg.build_network(), make_optimizer(optimizer, cfg.lr)
    rng = np.random.default_rng(cfg.seed + 1)
    x, t = mnist_small[0]
    for _ in range(40):
        idx = rng.integers(0, len(x), cfg.batch_size)
        grads, _loss = net.train_gradient(x[idx], t[idx])
        opt.step({"all": net.flat_params}, {"all": grads})
    np.testing.assert_allclose(tr.network.flat_params, net.flat_params, rtol=1e-4, atol=1e-6)
