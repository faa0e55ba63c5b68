"""Networks: the books' examples, backprop against numerical gradients, initialisations, the fast path."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from nnstudio.core.nn import functions as F
from nnstudio.core.nn.gradient import numerical_gradient, relative_error
from nnstudio.core.nn.layers import ACTIVATION_LAYERS, LOSS_LAYERS
from nnstudio.core.nn.network import (BOOK_NETWORK, INITS, MultiLayerNet, SimpleNet, TwoLayerNet,
                                   book_forward, simpleNet)


def _with_random_biases(net, rng):
    """Nonzero biases: zero ones would hide bias-gradient bugs and put ReLU inputs near kinks less."""
    for key, value in net.params.items():
        if key.startswith("b"):
            value[...] = rng.normal(scale=0.5, size=value.shape)
    return net


def test_books_three_layer_forward_pass():
    stages = book_forward(np.array([1.0, 0.5]))
    assert_allclose(stages["Y"], [0.31682708, 0.69627909], rtol=1e-7)
    assert_allclose(stages["A1"], [0.3, 0.7, 1.1])
    assert list(stages) == ["X", "A1", "Z1", "A2", "Z2", "A3", "Y"]
    assert BOOK_NETWORK["W1"].shape == (2, 3)


def test_simple_net_books_numbers_and_gradient():
    W = np.array([[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]])
    net = simpleNet(W)
    assert simpleNet is SimpleNet
    x, t = np.array([0.6, 0.9]), np.array([0, 0, 1])
    assert_allclose(net.predict(x), [1.05414809, 0.63071653, 1.1328074], rtol=1e-7)
    assert np.argmax(net.predict(x)) == 2
    assert net.loss(x, t) == pytest.approx(0.92806853663411326, rel=1e-6)  # the book adds 1e-7
    numeric = numerical_gradient(lambda _: net.loss(x, t), net.W)
    analytic = np.outer(x, F.softmax(net.predict(x)) - t)  # softmax + cross-entropy: x·(y − t)
    assert relative_error(numeric, analytic) < 1e-6
    assert np.array_equal(net.W, W)  # the numerical gradient restored every weight


def test_two_layer_net_books_api_and_gradient_check():
    net = TwoLayerNet(input_size=12, hidden_size=6, output_size=10, weight_init_std=0.5, rng=0)
    assert set(net.params) == {"W1", "b1", "W2", "b2"}
    assert net.params["W1"].shape == (12, 6) and net.params["b2"].shape == (10,)
    assert net.dtype == np.float64  # the book's API works in float64
    _with_random_biases(net, np.random.default_rng(1))
    rng = np.random.default_rng(2)
    x, t = rng.random((5, 12)), np.eye(10)[rng.integers(0, 10, 5)]
    assert net.predict(x).shape == (5, 10)
    assert 0.0 <= net.accuracy(x, t) <= 1.0
    assert net.loss(x, t) > 0
    grad, num = net.gradient(x, t), net.numerical_gradient(x, t)
    for key in net.params:
        assert relative_error(grad[key], num[key]) < 1e-6, key


@pytest.mark.parametrize("activation", list(ACTIVATION_LAYERS))
@pytest.mark.parametrize("loss", list(LOSS_LAYERS))
@pytest.mark.parametrize("weight_decay", [0.0, 0.1])
def test_backprop_matches_numerical_gradient_for_every_layer_and_loss(activation, loss, weight_decay):
    # A stable seed per case (hash() of strings changes from run to run with PYTHONHASHSEED).
    rng = np.random.default_rng(zlib.crc32(f"{activation}/{loss}".encode()))
    net = MultiLayerNet([6, 5, 4, 3], activation=activation, init="xavier", loss=loss,
                        weight_decay=weight_decay, dtype=np.float64, rng=rng)
    _with_random_biases(net, rng)
    x, t = rng.random((7, 6)), rng.integers(0, 3, 7)
    grads, loss_value = net.gradient(x, t, return_loss=True)
    assert loss_value == pytest.approx(net.loss(x, t))
    numeric = net.numerical_gradient(x, t)
    for key in net.params:
        assert relative_error(grads[key], numeric[key]) < 1e-6, key
    # the trainer's fused path gives the same numbers
    flat, fused_loss = net.train_gradient(x, np.eye(3)[t] if activation == "tanh" else t)
    assert fused_loss == pytest.approx(loss_value, rel=1e-12)
    assert_allclose(flat, np.concatenate([grads[k].ravel() for k in net.params]), rtol=1e-10, atol=1e-14)


def test_fused_gradient_in_float32_handles_several_batch_sizes():
    net = MultiLayerNet([784, 32, 10], activation="relu", init="he", rng=0)
    rng = np.random.default_rng(0)
    for batch in (10, 3, 10):  # a last partial batch has its own buffers
        x, t = rng.random((batch, 784), dtype=np.float32), rng.integers(0, 10, batch)
        flat, loss = net.train_gradient(x, t)
        grads = net.gradient(x, t)
        assert flat.dtype == np.float32
        assert_allclose(flat, np.concatenate([grads[k].ravel() for k in net.params]), rtol=1e-4, atol=1e-6)


def test_params_are_views_into_one_flat_array():
    net = MultiLayerNet([4, 3, 2], rng=0)
    flat = net.flat_params
    assert flat.size == 4 * 3 + 3 + 3 * 2 + 2
    flat[:] = np.arange(flat.size)
    assert net.params["W1"][0, 0] == 0 and net.params["b2"][-1] == flat.size - 1
    net.set_params({"W1": np.ones((4, 3))})
    assert np.all(flat[:12] == 1)
    assert list(net.params) == ["W1", "b1", "W2", "b2"]


@pytest.mark.parametrize("init, std", [("std", 0.01), ("nielsen", 1 / np.sqrt(400)),
                                       ("xavier", np.sqrt(2 / 500)), ("he", np.sqrt(2 / 400))])
def test_initialisations_have_their_standard_deviation(init, std):
    net = MultiLayerNet([400, 100, 10], init=init, rng=0)
    assert net.params["W1"].std() == pytest.approx(std, rel=0.05)
    biases_zero = not np.any(net.params["b1"])
    assert biases_zero == (init != "nielsen")  # Nielsen draws Gaussian biases
    assert set(INITS) == {"std", "nielsen", "xavier", "he"}


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="initialisation"):
        MultiLayerNet([4, 2], init="magic")
    with pytest.raises(ValueError, match="activation"):
        MultiLayerNet([4, 2], activation="swish")
    with pytest.raises(ValueError, match="loss"):
        MultiLayerNet([4, 2], loss="hinge")
    with pytest.raises(ValueError, match="at least"):
        MultiLayerNet([4])
    with pytest.raises(ValueError, match="do not match"):
        MultiLayerNet([4, 2], params={"W1": np.zeros((3, 2)), "b1": np.zeros(2)})


def test_same_seed_same_network_bit_for_bit():
    a = MultiLayerNet([784, 50, 10], init="he", rng=7)
    b = MultiLayerNet([784, 50, 10], init="he", rng=7)
    c = MultiLayerNet([784, 50, 10], init="he", rng=8)
    assert all(np.array_equal(a.params[k], b.params[k]) for k in a.params)
    assert not np.array_equal(a.params["W1"], c.params["W1"])
    assert a.dtype == np.float32 and a.params["W1"].dtype == np.float32


def test_config_copy_and_inference_helpers():
    net = MultiLayerNet([784, 20, 10], activation="tanh", init="xavier", weight_decay=0.01, rng=1)
    clone = MultiLayerNet.from_config(net.config(), params=net.params_copy())
    x = np.random.default_rng(0).random((25, 784), dtype=np.float32)
    assert_array_equal(clone.predict(x), net.predict(x))
    copy = net.copy(dtype=np.float64)
    assert copy.dtype == np.float64 and copy.config()["activation"] == "tanh"
    copy.params["W1"][...] = 0
    assert np.any(net.params["W1"])  # independent
    p = net.probabilities(x)
    assert_allclose(p.sum(axis=1), 1.0, rtol=1e-5)
    labels = net.predict_labels(x)
    assert_array_equal(labels, net.predict(x).argmax(axis=1))
    assert net.accuracy(x, labels) == 1.0
    assert net.accuracy(x, np.eye(10)[labels]) == 1.0
    names = [name for name, _ in net.activations(x[:1])]
    assert names == ["input", "A1", "Z1", "A2", "output"]
    assert net.n_layers == 2 and net.sizes == [784, 20, 10]


def test_sigmoid_output_probabilities_are_normalised():
    net = MultiLayerNet([5, 3, 4], loss="quadratic", rng=0)
    p = net.probabilities(np.ones((2, 5)))
    assert_allclose(p.sum(axis=1), 1.0, rtol=1e-6)


def test_fused_gradient_takes_labels_of_any_integer_type():
    net = MultiLayerNet([20, 8, 10], activation="sigmoid", init="std", rng=1)
    rng = np.random.default_rng(1)
    x, t = rng.random((30, 20), dtype=np.float32), rng.integers(0, 10, 30)
    expected, loss = (a.copy() if isinstance(a, np.ndarray) else a for a in net.train_gradient(x, t))
    for dtype in (np.uint8, np.int16, np.int32):  # uint8 labels times the batch would overflow
        flat, same_loss = net.train_gradient(x, t.astype(dtype))
        assert_allclose(flat, expected, rtol=1e-6)
        assert same_loss == pytest.approx(loss)


@pytest.mark.parametrize("loss", ["cross_entropy", "quadratic"])
def test_fused_gradient_scale_multiplies_the_gradient_not_the_loss(loss):
    net = MultiLayerNet([12, 6, 4], activation="tanh", loss=loss, weight_decay=0.05, dtype=np.float64, rng=2)
    rng = np.random.default_rng(2)
    x, t = rng.random((9, 12)), rng.integers(0, 4, 9)
    plain, plain_loss = net.train_gradient(x, t)
    plain = plain.copy()
    scaled, scaled_loss = net.train_gradient(x, t, scale=-0.3)
    assert_allclose(scaled, -0.3 * plain, rtol=1e-12, atol=1e-15)
    assert scaled_loss == pytest.approx(plain_loss, rel=1e-12)
