"""SequentialNet: backprop against the numerical gradient, the MultiLayerNet contract the trainer,
optimizers and evaluation rely on, and a tiny conv net that learns."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from nnstudio.core.nn.config import TrainConfig
from nnstudio.core.nn.fused import training_step
from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.nn.optimizers import make_optimizer
from nnstudio.core.nn.sequential import SequentialNet, build_network

SMALL = "conv 3 3x3 p1, pool 2, conv 2 2x2 s2, dense 5, dense 3"  # on (2, 6, 6) images


def _small(activation="tanh", loss="cross_entropy", weight_decay=0.0, dtype=np.float64, seed=1):
    return SequentialNet(SMALL, input_shape=(2, 6, 6), activation=activation, loss=loss, init="xavier",
                         weight_decay=weight_decay, dtype=dtype, rng=seed)


def _batch(n=4, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, 72)), rng.integers(0, 3, n)


@pytest.mark.parametrize("activation", ["tanh", "sigmoid"])
@pytest.mark.parametrize("loss", ["cross_entropy", "quadratic"])
def test_whole_net_gradient_matches_the_numerical_gradient(activation, loss):
    # smooth activations: ReLU's kink and max pooling's ties make central differences unreliable
    # at isolated points; the layers' own tests check them
    net = _small(activation, loss, weight_decay=0.1)
    x, t = _batch()
    grads, numerical = net.gradient(x, t), net.numerical_gradient(x, t)
    assert set(grads) == set(net.params) == {"W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4"}
    for key in net.params:
        assert grads[key].shape == net.params[key].shape
        assert_allclose(grads[key], numerical[key], rtol=1e-5, atol=1e-8, err_msg=key)


def test_relu_net_gradient_away_from_kinks():
    net = SequentialNet("conv 2 3x3, pool 2, dense 3", input_shape=(1, 6, 6), activation="relu", init="he",
                        dtype=np.float64, rng=4)
    x, t = np.random.default_rng(2).random((3, 36)), np.array([0, 2, 1])
    grads, numerical = net.gradient(x, t), net.numerical_gradient(x, t)
    for key in net.params:
        assert_allclose(grads[key], numerical[key], rtol=1e-4, atol=1e-7, err_msg=key)


def test_train_gradient_is_flat_scaled_and_laid_out_like_flat_params():
    net = _small(weight_decay=0.05)
    x, t = _batch()
    grads, loss = net.gradient(x, t, return_loss=True)
    flat, flat_loss = net.train_gradient(x, t, scale=0.5)
    assert flat.shape == net.flat_params.shape and flat.dtype == net.dtype
    assert_allclose(flat, 0.5 * np.concatenate([grads[k].ravel() for k in net.params]), rtol=1e-12)
    assert flat_loss == pytest.approx(loss) == pytest.approx(net.loss(x, t))
    one_hot = np.eye(3)[t]
    half = flat.copy()
    assert_allclose(net.train_gradient(x, one_hot)[0], 2 * half)
    assert net.train_gradient(x, t)[0] is flat  # one buffer, overwritten by each call


def test_params_are_views_into_one_flat_array_the_layers_share():
    net = SequentialNet("conv 4 3x3, pool 2, dense 10", rng=0)
    assert net.flat_params.dtype == np.float32 and net.flat_params.flags.c_contiguous
    assert list(net.params) == ["W1", "b1", "W2", "b2"]
    assert net.params["W1"].shape == (4, 1, 3, 3) and net.params["W2"].shape == (4 * 13 * 13, 10)
    assert all(np.shares_memory(v, net.flat_params) for v in net.params.values())
    x = np.random.default_rng(0).random((2, 784), dtype=np.float32)
    before = net.predict(x)
    net.flat_params[:] = 0  # what an optimizer's in-place step does
    assert not np.allclose(before, net.predict(x)) and not net.predict(x).any()
    assert net.sizes == [784, 4 * 26 * 26, 10] and net.n_layers == 2


def test_initialisation_is_he_in_float32_from_the_generator():
    a = SequentialNet("conv 32 5x5, pool 2, dense 10", rng=np.random.default_rng(7))
    b = SequentialNet("conv 32 5x5, pool 2, dense 10", rng=np.random.default_rng(7))
    assert_array_equal(a.flat_params, b.flat_params)
    assert a.params["W1"].dtype == np.float32
    assert a.params["W1"].std() == pytest.approx(np.sqrt(2 / 25), rel=0.15)  # fan-in C·FH·FW = 25
    assert a.params["W2"].std() == pytest.approx(np.sqrt(2 / (32 * 12 * 12)), rel=0.05)
    assert not a.params["b1"].any() and not a.params["b2"].any()


def test_inference_matches_predict_in_chunks_and_leaves_training_state_alone():
    net = SequentialNet("conv 4 3x3, pool 2, dense 16, dense 10", rng=3)
    x = np.random.default_rng(1).random((7, 784), dtype=np.float32)
    scores = net.predict(x)
    assert_allclose(net.scores(x), scores, rtol=1e-5, atol=1e-6)
    net.eval_chunk = lambda: 3  # several chunks
    assert_array_equal(net.predict_labels(x), scores.argmax(axis=1))
    assert net.predict_labels(x, should_stop=lambda: True) is None
    probs = net.probabilities(x)
    assert_allclose(probs.sum(axis=1), 1, rtol=1e-5)
    stages = dict(net.activations(x[:1]))
    assert set(stages) == {"input", "A1", "Z1", "P1", "A2", "Z2", "A3", "output"}
    assert stages["input"].shape == (1, 1, 28, 28) and stages["P1"].shape == (1, 4, 13, 13)


def test_eval_chunk_is_bounded():
    net = SequentialNet("conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10", rng=0)
    assert 1 <= net.eval_chunk() <= 10_000


def test_config_round_trip_copy_and_build_network():
    net = SequentialNet("conv 4 3x3 p1, pool 2, dense 10", activation="tanh", init="xavier", rng=0,
                        weight_decay=0.01)
    config = net.config()
    assert config["arch"] == "conv 4 3x3 p1, pool 2, dense 10" and config["input_shape"] == [1, 28, 28]
    again = build_network(config, params=net.params_copy())
    assert isinstance(again, SequentialNet) and again.config() == config
    assert_array_equal(again.flat_params, net.flat_params)
    twin = net.copy(dtype=np.float64)
    assert twin.dtype == np.float64 and not np.shares_memory(twin.flat_params, net.flat_params)
    assert_allclose(twin.flat_params, net.flat_params)
    assert isinstance(build_network(MultiLayerNet([784, 5, 10]).config()), MultiLayerNet)
    with pytest.raises(ValueError, match="W1 has shape"):
        SequentialNet("conv 4 3x3 p1, pool 2, dense 10", params=dict(net.params_copy(), W1=np.zeros((4, 1, 5, 5))))


def test_train_config_builds_a_conv_net():
    cfg = TrainConfig(arch=" CONV 4 3, pool 2 , dense 10", activation="relu", init="he", seed=5)
    assert cfg.arch == "conv 4 3x3, pool 2, dense 10"
    assert TrainConfig.from_dict(cfg.to_dict()) == cfg
    net = cfg.build_network()
    assert isinstance(net, SequentialNet) and net.arch == cfg.arch and net.dtype == np.float32
    assert_array_equal(net.flat_params, cfg.build_network().flat_params)  # the seed's Generator
    assert TrainConfig(arch="none").arch is None and isinstance(TrainConfig().build_network(), MultiLayerNet)
    with pytest.raises(ValueError, match="must have 10 units"):
        TrainConfig(arch="conv 4 3x3, dense 5")
    with pytest.raises(ValueError, match="takes 28x28 images"):
        cfg.build_network(input_size=100)


def _bars(n, rng):
    """6x6 images of one bar at a random place: class 0 vertical, class 1 horizontal."""
    x = np.zeros((n, 1, 6, 6), dtype=np.float32)
    t = rng.integers(0, 2, n)
    where = rng.integers(0, 6, n)
    for i in range(n):
        if t[i]:
            x[i, 0, where[i], :] = 1
        else:
            x[i, 0, :, where[i]] = 1
    return x.reshape(n, 36), t


def test_a_tiny_conv_net_learns_a_two_class_toy_set():
    rng = np.random.default_rng(0)
    x, t = _bars(64, rng)
    net = SequentialNet("conv 4 3x3 p1, pool 2, dense 2", input_shape=(1, 6, 6), activation="relu", init="he",
                        rng=0)
    update = training_step(net, make_optimizer("adam", 0.02))  # the trainer's update: one flat step
    first = update(x, t)
    for _ in range(40):
        last = update(x, t)
    assert last < 0.2 * first
    assert net.accuracy(x, t) == 1.0
    xt, tt = _bars(50, np.random.default_rng(1))
    assert net.accuracy(xt, tt) >= 0.95
