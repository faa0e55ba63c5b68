"""Teach it my handwriting (core): a copy is fine-tuned, the original never changes, the MNIST guard
refuses a run that forgets MNIST, cancelling and memory are honoured, conv nets work too."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from nnstudio.core.digits import finetune as ft
from nnstudio.core.errors import UserInputError
from nnstudio.core.nn.memory import NotEnoughMemory

pytestmark = pytest.mark.usefixtures("one_blas_thread")


@pytest.fixture(scope="module")
def mlp():
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.paths import BUNDLED_MODELS

    network, _ = load_model(BUNDLED_MODELS["mlp"])
    return network


@pytest.fixture
def small_mnist(mnist):
    (xtr, ttr), (xte, tte) = mnist
    return (xtr[:5000], ttr[:5000]), (xte[:2000], tte[:2000])


def my_style(mnist, n=40, shift=6):
    """"My handwriting": MNIST training digits pushed to the right edge (the network, trained on
    centred digits, misreads many of them)."""
    (xtr, ttr), _ = mnist
    x = xtr[-n:].reshape(n, 28, 28)
    x = np.roll(x, shift, axis=2).reshape(n, 784).copy()
    return x, ttr[-n:].copy()


def test_fine_tuning_learns_my_digits_and_keeps_mnist(mlp, mnist, small_mnist):
    before = mlp.params_copy()
    mine = my_style(mnist)
    settings = ft.FinetuneSettings(steps=60, seed=1)
    records = []
    gen = ft.finetune(mlp, mine, small_mnist, settings)
    while True:
        try:
            records.append(next(gen))
        except StopIteration as stop:
            result = stop.value
            break
    assert {r.stage for r in records} == {"before", "training", "after"}
    assert [r.done for r in records if r.stage == "training"][-1] == 60
    assert result.steps == 60 and result.n_mine == 40 and result.n_mnist_test == 2000
    assert result.mine_after > result.mine_before + 0.2  # it learnt the shifted style
    assert result.mnist_after >= result.mnist_before - ft.MAX_MNIST_DROP
    assert result.kept and result.reason == ""
    assert result.network is not mlp
    for key, value in mlp.params.items():  # the original is untouched: undo is keeping it
        np.testing.assert_array_equal(value, before[key])
    # the figures are the networks' own accuracies
    x, t = mine
    assert result.mine_after == pytest.approx(np.mean(result.network.predict_labels(x) == t))
    (_, _), (xte, tte) = small_mnist
    assert result.mnist_before == pytest.approx(np.mean(mlp.predict_labels(xte) == tte))


def test_a_run_that_forgets_mnist_is_not_kept(mlp, mnist, small_mnist):
    x, t = my_style(mnist)
    wrong = (t + 1) % 10  # labels that contradict MNIST, learnt hard: MNIST accuracy must fall
    settings = ft.FinetuneSettings(steps=40, mine_share=1.0, lr=0.01, augment=False, seed=0)
    result = ft.run_to_end(ft.finetune(mlp, (x, wrong), small_mnist, settings))
    assert result.mnist_after < result.mnist_before - ft.MAX_MNIST_DROP
    assert not result.kept and result.reason == "mnist_dropped"


def test_cancel_leaves_between_steps(mlp, mnist, small_mnist):
    cancel = threading.Event()
    gen = ft.finetune(mlp, my_style(mnist), small_mnist, ft.FinetuneSettings(steps=500), cancel=cancel)
    record = next(gen)
    while record.stage != "training":
        record = next(gen)
    cancel.set()
    with pytest.raises(ft.FinetuneCancelled):
        while True:
            next(gen)


def test_bad_requests_are_one_line_errors(mlp, mnist, small_mnist):
    empty = (np.zeros((0, 784), np.float32), np.zeros(0, np.uint8))
    with pytest.raises(UserInputError, match="no digits of yours"):
        ft.run_to_end(ft.finetune(mlp, empty, small_mnist))
    with pytest.raises(UserInputError, match="at least one step"):
        ft.run_to_end(ft.finetune(mlp, my_style(mnist), small_mnist, ft.FinetuneSettings(steps=0)))


def test_memory_is_estimated_first(mlp, mnist, small_mnist, monkeypatch):
    from nnstudio.core.nn.sequential import SequentialNet

    estimate = ft.estimate_finetune(mlp, 40)
    p = sum(v.size for v in mlp.params.values())
    assert estimate.parts["parameters"] == 4 * p and estimate.parts["optimizer state"] == 8 * p
    conv = SequentialNet("conv 8 3x3, pool 2, dense 10", rng=0)
    assert ft.estimate_finetune(conv, 40).total > 0
    with pytest.raises(NotEnoughMemory, match="fine-tuning needs ~"):
        ft.check_finetune(mlp, 40, available=10 << 20)
    monkeypatch.setattr("nnstudio.core.system_memory.available_memory", lambda: 10 << 20)
    gen = ft.finetune(mlp, my_style(mnist), small_mnist)
    with pytest.raises(NotEnoughMemory):  # before anything is measured or copied
        next(gen)


def test_conv_networks_fine_tune_too(mnist, small_mnist):
    from nnstudio.core.nn.sequential import SequentialNet

    conv = SequentialNet("conv 4 3x3, pool 2, dense 10", rng=0)
    before = conv.params_copy()
    result = ft.run_to_end(ft.finetune(conv, my_style(mnist, n=10), small_mnist,
                                       ft.FinetuneSettings(steps=5, batch_size=16)))
    assert isinstance(result.network, SequentialNet) and result.network.arch == conv.arch
    assert result.steps == 5
    assert not np.array_equal(result.network.flat_params, conv.flat_params)
    for key, value in conv.params.items():
        np.testing.assert_array_equal(value, before[key])
