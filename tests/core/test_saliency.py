"""Saliency: the input gradient by backprop matches the numerical one; nothing is mutated."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.nn.gradient import numerical_gradient
from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.digits.saliency import input_gradient, saliency


@pytest.mark.parametrize("activation", ["sigmoid", "relu", "tanh"])
def test_input_gradient_matches_numerical(activation):
    rng = np.random.default_rng(0)
    net = MultiLayerNet([784, 20, 12, 10], activation=activation, init="xavier", dtype=np.float64, rng=rng)
    x = rng.random(784)
    grad, k = input_gradient(net, x)
    assert k == int(net.predict(x[None])[0].argmax())
    numeric = numerical_gradient(lambda v: float(net.predict(v[None])[0, k]), x.copy())
    np.testing.assert_allclose(grad, numeric, rtol=1e-4, atol=1e-7)
    grad3, k3 = input_gradient(net, x, target=3)
    numeric3 = numerical_gradient(lambda v: float(net.predict(v[None])[0, 3]), x.copy())
    assert k3 == 3
    np.testing.assert_allclose(grad3, numeric3, rtol=1e-4, atol=1e-7)


def test_saliency_is_input_times_gradient_and_zero_off_ink():
    rng = np.random.default_rng(1)
    net = MultiLayerNet([784, 16, 10], activation="relu", init="he", rng=rng)
    x = np.zeros(784, np.float32)
    x[300:340] = 1.0
    s = saliency(net, x)
    assert s.shape == (784,) and s.dtype == np.float32
    assert (s[x == 0] == 0).all()
    grad, _ = input_gradient(net, x)
    np.testing.assert_allclose(s, x * grad, rtol=1e-5)


def test_the_network_is_not_mutated():
    net = MultiLayerNet([784, 16, 10], activation="sigmoid", rng=2)
    before = {k: v.copy() for k, v in net.params.items()}
    probe = np.ones((1, 784), np.float32)
    net.predict(probe)
    cached = [getattr(layer, "x", None) for layer in net.layers]
    saliency(net, np.random.default_rng(3).random(784))
    assert all(np.array_equal(before[k], net.params[k]) for k in before)
    assert all(getattr(layer, "x", None) is c for layer, c in zip(net.layers, cached))
    assert all(getattr(layer, "dW", None) is None for layer in net.layers)


def test_conv_input_gradient_matches_numerical_and_leaves_the_net_alone():
    from nnstudio.core.nn.sequential import SequentialNet

    rng = np.random.default_rng(3)
    net = SequentialNet("conv 3 5x5 s2 p1, pool 2, dense 12, dense 10", dtype=np.float64, rng=rng)
    before = {k: v.copy() for k, v in net.params.items()}
    x = rng.random(784)
    grad, k = input_gradient(net, x)
    assert grad.shape == (784,) and k == int(net.scores(x[None])[0].argmax())
    numeric = numerical_gradient(lambda v: float(net.scores(v[None])[0, k]), x.copy())
    np.testing.assert_allclose(grad, numeric, rtol=1e-4, atol=1e-7)
    s = saliency(net, x, target=4)
    grad4, _ = input_gradient(net, x, target=4)
    np.testing.assert_allclose(s, (x * grad4).astype(np.float32), rtol=1e-5)
    assert net.layers[0].compute_dx is False  # the training layers were not touched
    for key, value in before.items():
        np.testing.assert_array_equal(net.params[key], value)
