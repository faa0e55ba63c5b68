"""Backprop against the numerical gradient: per-parameter comparison, timings, cancellation."""

import numpy as np
import pytest

from nnstudio.core.nn import gradcheck as G
from nnstudio.core.nn.gradient import numerical_gradient


@pytest.fixture
def small():
    rng = np.random.default_rng(1)
    x = rng.random((4, 12))
    t = rng.integers(0, 5, size=4)
    return G.make_network(12, 6, 5, seed=3), x, t


def test_backprop_matches_numerical_per_parameter(small):
    net, x, t = small
    result = G.gradient_check(net, x, t, repeats=2)
    assert [p.name for p in result.params] == ["W1", "b1", "W2", "b2"]
    assert [p.shape for p in result.params] == [(12, 6), (6,), (6, 5), (5,)]
    for p in result.params:
        assert p.mean_abs_diff < 1e-6 and p.max_abs_diff < 1e-6
        assert p.seconds >= 0
    assert result.n_params == 12 * 6 + 6 + 6 * 5 + 5
    assert result.sizes == (12, 6, 5) and result.batch == 4
    assert result.numerical_seconds == pytest.approx(sum(p.seconds for p in result.params))
    assert result.slowdown > 0  # a ratio of two timings: its size depends on the machine


def test_numbers_equal_the_engines_numerical_gradient(small):
    net, x, t = small
    result = G.gradient_check(net, x, t, repeats=1)
    for p in result.params:
        expected = numerical_gradient(lambda _: net.loss(x, t), net.params[p.name])
        np.testing.assert_array_equal(p.numerical, expected)
        np.testing.assert_allclose(p.backprop, net.gradient(x, t)[p.name])


def test_parameters_unchanged_and_cancellation(small, monkeypatch):
    net, x, t = small
    before = net.params_copy()
    monkeypatch.setattr(G, "PROGRESS_EVERY", 10)
    gen = G.run_gradient_check(net, x, t, repeats=1)
    kind, seconds = next(gen)
    assert kind == "backprop" and seconds > 0
    progress = next(gen)
    assert isinstance(progress, G.Progress) and progress.done == 10 and progress.total == 113
    gen.close()  # stop mid-parameter
    for k in before:
        np.testing.assert_array_equal(net.params[k], before[k])


def test_mnist_sized_check_agrees(mnist):
    (x, t), _ = mnist
    net = G.make_network(784, 10, 10, seed=0)
    result = G.gradient_check(net, x[:3], t[:3], repeats=3)
    assert result.max_mean_abs_diff < 1e-6
    assert result.n_params == 7960


def test_simplenet_example_is_the_books():
    ex = G.simplenet_example()
    np.testing.assert_allclose(ex.scores, [1.05414809, 0.63071653, 1.1328074], atol=1e-8)
    assert int(ex.scores.argmax()) == 2
    assert ex.loss == pytest.approx(0.92806853663411326, abs=1e-8)
    np.testing.assert_allclose(ex.dW, [[0.21924763, 0.14356247, -0.36281009],
                                       [0.32887144, 0.2153437, -0.54421514]], atol=1e-7)
    np.testing.assert_allclose(ex.backprop, ex.dW, atol=1e-7)
    assert ex.relative_error < 1e-6
    np.testing.assert_array_equal(ex.W, np.array(G.BOOK_SIMPLENET_W))  # W comes back unchanged


def test_tiny_conv_net_check_agrees_on_mnist(mnist):
    (x, t), _ = mnist
    net = G.make_conv_network(3, seed=0)
    result = G.gradient_check(net, x[:2], t[:2], repeats=2)
    assert [p.name for p in result.params] == ["W1", "b1", "W2", "b2"]
    assert [p.shape for p in result.params] == [(3, 1, 5, 5), (3,), (48, 10), (10,)]
    assert result.arch == "conv 3 5x5 s3, pool 2, dense 10" == result.shape_text
    assert result.max_mean_abs_diff < 1e-6 and result.max_relative_error < 1e-5
    broken = G.make_conv_network(3, seed=0)
    grads = broken.gradient  # a backprop with one wrong factor must be caught
    broken.gradient = lambda x, t: {k: (v * 1.01 if k == "W1" else v) for k, v in grads(x, t).items()}
    assert G.gradient_check(broken, x[:2], t[:2], repeats=1).max_relative_error > 1e-3
