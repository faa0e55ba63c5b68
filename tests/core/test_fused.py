"""The fused training path (core/nn/fused.py) computes what layers.py and the optimizers compute."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.nn.fused import training_step
from nnstudio.core.nn.layers import ACTIVATION_LAYERS, LOSS_LAYERS
from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.nn.optimizers import OPTIMIZERS, make_optimizer

RATES = {"sgd": 0.5, "momentum": 0.1, "nesterov": 0.1, "adagrad": 0.1, "rmsprop": 0.01, "adam": 0.01}


def _reference_step(net, opt, x, t):
    """The book's way: layer-by-layer backprop, then the optimizer on each named parameter."""
    grads, loss = net.gradient(x, t, return_loss=True)
    opt.step(net.params, {k: np.array(g) for k, g in grads.items()})
    return loss


@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
@pytest.mark.parametrize("activation", list(ACTIVATION_LAYERS))
@pytest.mark.parametrize("loss", list(LOSS_LAYERS))
def test_fused_steps_equal_layer_backprop_and_optimizer(optimizer, activation, loss):
    rng = np.random.default_rng(zlib.crc32(f"{optimizer}/{activation}/{loss}".encode()))
    fused = MultiLayerNet([6, 5, 4, 3], activation=activation, init="xavier", loss=loss,
                          weight_decay=0.01, dtype=np.float64, rng=rng)
    fused.set_params({k: v + 0.1 * rng.standard_normal(v.shape) for k, v in fused.params.items()})
    reference, start = fused.copy(), fused.flat_params.copy()
    update = training_step(fused, make_optimizer(optimizer, RATES[optimizer]))
    opt = make_optimizer(optimizer, RATES[optimizer])
    for step in range(5):
        batch = 7 if step % 2 == 0 else 4  # a partial batch has its own buffers
        x, t = rng.random((batch, 6)), rng.integers(0, 3, batch)
        assert update(x, t) == pytest.approx(_reference_step(reference, opt, x, t), rel=1e-10)
    assert np.abs(fused.flat_params - start).max() > 1e-4  # the steps did move the weights
    assert_allclose(fused.flat_params, reference.flat_params, rtol=1e-9, atol=1e-12)


def test_a_non_finite_loss_leaves_the_weights_alone():
    net = MultiLayerNet([4, 3, 2], dtype=np.float64, rng=0)
    before = net.flat_params.copy()
    update = training_step(net, make_optimizer("adam", 0.1))
    loss = update(np.full((2, 4), np.nan), np.array([0, 1]))
    assert not np.isfinite(loss)
    assert_allclose(net.flat_params, before)
