"""Every layer's backward pass against the numerical gradient (float64), and no hidden mutation."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.nn.gradient import numerical_gradient
from nnstudio.core.nn.layers import (ACTIVATION_LAYERS, LOSS_LAYERS, Affine, LeakyRelu, Relu, Sigmoid,
                                  SigmoidQuadraticLoss, SoftmaxWithLoss)

RTOL, ATOL = 1e-6, 1e-9


def _away_from_zero(rng, shape):
    """Inputs at least 0.05 from 0, so that no ReLU kink sits inside the finite difference."""
    x = rng.uniform(0.05, 2.0, size=shape)
    return x * rng.choice([-1.0, 1.0], size=shape)


@pytest.mark.parametrize("name", list(ACTIVATION_LAYERS))
def test_activation_backward_matches_numerical_gradient(name):
    rng = np.random.default_rng(1)
    x = _away_from_zero(rng, (4, 5))
    weights = rng.normal(size=(4, 5))  # f = Σ weights·layer(x): dout = weights
    layer = ACTIVATION_LAYERS[name]()
    layer.forward(x)
    dout = weights.copy()
    dx = layer.backward(dout)
    numeric = numerical_gradient(lambda _: float(np.sum(weights * ACTIVATION_LAYERS[name]().forward(x))), x)
    assert_allclose(dx, numeric, rtol=RTOL, atol=ATOL)
    assert np.array_equal(dout, weights)  # backward never writes into its input


def test_affine_backward_matches_numerical_gradient():
    rng = np.random.default_rng(2)
    x, W, b = rng.normal(size=(3, 4)), rng.normal(size=(4, 5)), rng.normal(size=5)
    weights = rng.normal(size=(3, 5))
    layer = Affine(W, b)
    out = layer.forward(x)
    assert_allclose(out, x @ W + b)
    dx = layer.backward(weights)

    def f(_):
        return float(np.sum(weights * Affine(W, b).forward(x)))

    assert_allclose(dx, numerical_gradient(f, x), rtol=RTOL, atol=ATOL)
    assert_allclose(layer.dW, numerical_gradient(f, W), rtol=RTOL, atol=ATOL)
    assert_allclose(layer.db, numerical_gradient(f, b), rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("name", list(LOSS_LAYERS))
@pytest.mark.parametrize("one_hot", [False, True])
def test_loss_layer_backward_matches_numerical_gradient(name, one_hot):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(6, 10)) * 3
    labels = rng.integers(0, 10, 6)
    t = np.eye(10)[labels] if one_hot else labels
    layer = LOSS_LAYERS[name]()
    loss = layer.forward(x, t)
    dx = layer.backward()
    numeric = numerical_gradient(lambda _: LOSS_LAYERS[name]().forward(x, t), x)
    assert np.isfinite(loss)
    assert_allclose(dx, numeric, rtol=RTOL, atol=ATOL)


def test_softmax_with_loss_value_and_labels_equal_one_hot():
    x = np.array([[0.3, 2.9, 4.0], [1.0, 1.0, 1.0]])
    a, b = SoftmaxWithLoss(), SoftmaxWithLoss()
    la, lb = a.forward(x, np.array([2, 0])), b.forward(x, np.eye(3)[[2, 0]])
    assert la == pytest.approx(lb)
    assert la == pytest.approx((-np.log(0.73659691) + np.log(3)) / 2, rel=1e-6)
    assert_allclose(a.backward(), b.backward())


def test_sigmoid_quadratic_loss_is_nielsens_cost():
    x = np.array([[0.0, 2.0], [-1.0, 1.0]])
    t = np.array([1, 0])
    layer = SigmoidQuadraticLoss()
    y = 1 / (1 + np.exp(-x))
    expected = 0.5 * np.sum((y - np.eye(2)[t]) ** 2) / 2
    assert layer.forward(x, t) == pytest.approx(expected)


def test_layers_keep_the_float32_dtype():
    x = np.random.default_rng(0).normal(size=(3, 4)).astype(np.float32)
    for layer in (Sigmoid(), Relu(), LeakyRelu()):
        assert layer.forward(x).dtype == np.float32
        assert layer.backward(np.ones_like(x)).dtype == np.float32
