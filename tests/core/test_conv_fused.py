"""The speed paths of the conv layers: ReLU fused into max pooling, the loop-free pooling backward,
dcol in the spent im2col buffer, and SequentialNet's fused training layers against the book's."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.nn.conv import Convolution, Pooling
from nnstudio.core.nn.gradient import numerical_gradient
from nnstudio.core.nn.layers import Relu
from nnstudio.core.nn.sequential import SequentialNet

POOL_CASES = [  # (x shape, pool (ph, pw), stride, pad): tiling windows first (the loop-free backward)
    ((2, 3, 6, 6), (2, 2), None, 0),
    ((3, 2, 9, 9), (3, 3), None, 0),
    ((2, 3, 7, 5), (2, 2), None, 0),
    ((2, 3, 7, 5), (3, 3), 2, 0),
    ((2, 3, 7, 5), (3, 3), 1, 1),
    ((2, 2, 9, 8), (3, 2), 2, 1),
]


def _distinct(shape, seed):
    """Values ≥ 1/7 apart, about half of them negative: no ties, windows with and without a positive."""
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    return (rng.permutation(np.arange(n, dtype=float)) - round(0.6 * n) - 0.5).reshape(shape) / 7.0  # never 0


@pytest.mark.parametrize("xs,pool,stride,pad", POOL_CASES)
def test_relu_pooling_is_relu_then_pooling_in_values_and_gradients(xs, pool, stride, pad):
    x = _distinct(xs, 1)
    x[0, 0] = -1.0 - np.abs(x[0, 0])  # a whole channel ≤ 0: its windows send nothing back
    fused, relu, plain = Pooling(*pool, stride, pad, relu=True), Relu(), Pooling(*pool, stride, pad)
    x0 = x.copy()
    out = fused.forward(x)
    assert_allclose(out, plain.forward(relu.forward(x)), rtol=0, atol=0)
    dout = np.random.default_rng(2).normal(size=out.shape)
    dout0 = dout.copy()
    dx = fused.backward(dout)
    assert_allclose(dx, relu.backward(plain.backward(dout)), rtol=0, atol=0)
    numeric = numerical_gradient(
        lambda _: float(np.sum(dout * Pooling(*pool, stride, pad, relu=True).forward(x))), x, h=1e-3)
    assert_allclose(dx, numeric, rtol=1e-6, atol=1e-8)
    assert np.array_equal(x, x0) and np.array_equal(dout, dout0)  # no layer writes into its input
    assert not np.any(dx[0, 0])


def test_relu_pooling_ties_and_zeros():
    x = np.array([[[[0.0, 3.0, -1.0, -2.0],
                    [3.0, 3.0, -1.0, 0.0]]]])
    layer = Pooling(2, 2, relu=True)
    assert_allclose(layer.forward(x), [[[[3.0, 0.0]]]])
    dx = layer.backward(np.array([[[[5.0, 7.0]]]]))
    assert_allclose(dx, [[[[0.0, 5.0, 0.0, 0.0],   # the first maximum takes it; a window whose
                           [0.0, 0.0, 0.0, 0.0]]]])  # maximum is 0 sends nothing (ReLU's kink)


def test_convolution_backward_twice_needs_a_forward_between():
    rng = np.random.default_rng(3)
    layer = Convolution(rng.normal(size=(2, 3, 3, 3)), np.zeros(2))
    x = rng.normal(size=(2, 3, 5, 5))
    out = layer.forward(x)
    dx = layer.backward(np.ones_like(out))
    with pytest.raises(RuntimeError, match="forward pass first"):
        layer.backward(np.ones_like(out))
    layer.forward(x)
    assert_allclose(layer.backward(np.ones_like(out)), dx, rtol=1e-12)


def test_a_copied_convolution_never_refills_the_originals_buffers():
    rng = np.random.default_rng(4)
    layer = Convolution(rng.normal(size=(2, 1, 3, 3)), np.zeros(2))
    x = rng.normal(size=(4, 1, 6, 6))
    out = layer.forward(x)
    col = layer._col.copy()
    twin = copy.copy(layer)  # what saliency does with a network's layers
    twin.forward(rng.normal(size=(4, 1, 6, 6)))
    assert twin.W is layer.W and twin._buffers is not layer._buffers
    assert np.array_equal(layer._col, col)
    layer.backward(np.ones_like(out))


@pytest.mark.parametrize("arch", ["conv 3 3x3, pool 2, conv 4 3x3 p1, pool 2, dense 5, dense 3",
                                  "conv 3 3x3 p1, pool 3 s2 p1, dense 3"])
def test_fused_training_layers_match_the_books_layers(arch):
    net = SequentialNet(arch, input_shape=(1, 9, 9), activation="relu", init="he", dtype=np.float64, rng=5)
    assert not any(isinstance(layer, Relu) for layer in net.layers[:4])  # fused into the pooling
    x, t = np.random.default_rng(6).normal(size=(4, 81)), np.array([0, 2, 1, 2])
    grads = net.gradient(x, t)
    book = net._make_layers(fuse=False)
    pools = [layer for layer in net.layers if isinstance(layer, Pooling)]
    assert pools and all(layer.relu for layer in pools)
    relus = [sum(isinstance(layer, Relu) for layer in layers) for layers in (book, net.layers)]
    assert relus[0] == relus[1] + len(pools)
    net.layers = book
    expected = net.gradient(x, t)
    for key in net.params:
        assert_allclose(grads[key], expected[key], rtol=1e-12, atol=1e-15, err_msg=key)
    assert [name for name, _ in net.activations(x[:1])][:4] == ["input", "A1", "Z1", "P1"]
