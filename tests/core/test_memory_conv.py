"""The memory estimate of conv architectures against the bytes a small conv net really uses, and
a huge conv configuration refused with the figure before anything is allocated."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

import nnstudio.core.nn.memory as M
from nnstudio.core.nn.config import TrainConfig
from nnstudio.core.nn.fused import training_step
from nnstudio.core.nn.optimizers import make_optimizer
from nnstudio.core.nn.sequential import SequentialNet
from nnstudio.core.nn.trainer import Trainer

GB = 10 ** 9
ARCHS = ["conv 8 3x3, pool 2, dense 10",
         "conv 6 5x5, pool 2, conv 8 5x5, pool 2, dense 32, dense 10",
         "conv 4 3x3 s2 p1, pool 3 s2 p1, dense 20, dense 10",
         "conv 4 5x5 p2, conv 4 3x3 p1, pool 2, dense 10"]


def _data(n=200, m=50, seed=0):
    rng = np.random.default_rng(seed)
    return ((rng.random((n, 784), dtype=np.float32), rng.integers(0, 10, n)),
            (rng.random((m, 784), dtype=np.float32), rng.integers(0, 10, m)))


def test_parameter_gradient_and_optimizer_parts_are_the_real_bytes():
    cfg = TrainConfig(arch=ARCHS[1], optimizer="adam", batch_size=8, iterations=1)
    est = M.estimate_training(cfg, n_train=200, n_test=50)
    net = cfg.build_network()
    opt = make_optimizer("adam", 1e-3)
    update = training_step(net, opt)
    (x, t), _ = _data(8)
    update(x, t)
    assert est.parts["parameters"] == net.flat_params.nbytes == 4 * M.arch_costs(cfg.arch).parameters
    layer_grads = sum(layer.dW.nbytes + layer.db.nbytes for layer in net._param_layers())
    assert est.parts["gradients"] == net._flat_grads.nbytes + layer_grads
    assert est.parts["optimizer state"] == sum(a.nbytes for d in (opt._ms, opt._vs) for a in d.values())


@pytest.mark.parametrize("arch", ARCHS)
def test_per_image_figures_bound_what_a_training_step_and_inference_allocate(arch):
    net = SequentialNet(arch, rng=0)
    costs = M.arch_costs(arch)
    batch = 16
    x = np.random.default_rng(0).random((batch, 784), dtype=np.float32)
    t = np.arange(batch) % 10
    net.train_gradient(x, t)  # the first call also allocates the gradients (counted apart)
    tracemalloc.start()
    try:
        net.train_gradient(x, t)
        _, step_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        net.scores(x)
        _, eval_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    kept = sum(b.nbytes for layer in net.layers for bufs in getattr(layer, "_buffers", {}).values()
               for b in bufs if b is not None)  # im2col buffers kept from the first call
    real_step = step_peak + kept
    estimated_step = batch * costs.train_values * 4
    assert real_step <= estimated_step <= 2.5 * real_step, (real_step, estimated_step)
    estimated_eval = batch * (costs.inputs + costs.eval_values) * 4
    assert eval_peak <= estimated_eval <= 2.5 * eval_peak, (eval_peak, estimated_eval)


def test_step_work_counts_every_multiply_add():
    costs = M.arch_costs("conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10")
    assert costs.macs == 24 * 24 * 16 * 25 + 8 * 8 * 32 * 16 * 25 + 512 * 128 + 128 * 10
    cfg = TrainConfig(arch="conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10", batch_size=100)
    assert M.estimate_training(cfg).step_macs >= 3 * 100 * costs.macs


def test_a_huge_conv_configuration_is_refused_with_the_figure_and_a_batch_that_fits(monkeypatch):
    monkeypatch.setattr(M, "available_memory", lambda: 4 * GB)
    cfg = TrainConfig(arch="conv 64 3x3 p1, conv 64 3x3 p1, pool 2, dense 10", batch_size=5_000)
    with pytest.raises(M.NotEnoughMemory) as info:
        M.check_training(cfg)
    message = str(info.value)
    assert "this run needs ~" in message and "4.0 GB free" in message and "a batch of at most" in message
    assert "hidden sizes" not in message  # an architecture has none
    n = int(message.rsplit("a batch of at most ", 1)[1].replace(",", ""))
    M.check_training(cfg.with_(batch_size=n))


def test_the_trainer_refuses_a_huge_conv_run_before_building_anything(monkeypatch):
    import nnstudio.core.nn.sequential as Seq

    built = []
    monkeypatch.setattr(M, "available_memory", lambda: 1 * GB)
    monkeypatch.setattr(Seq, "SequentialNet", lambda *a, **k: built.append(a))
    with pytest.raises(M.NotEnoughMemory, match="needs ~"):
        Trainer(TrainConfig(arch="conv 256 5x5 p2, conv 256 5x5 p2, dense 10", batch_size=2_000,
                            iterations=1), _data())
    assert built == []


def test_continuing_a_conv_network_is_estimated_for_its_own_layers(monkeypatch):
    monkeypatch.setattr(M, "available_memory", lambda: 1 * GB)
    net = SequentialNet("conv 4 3x3, pool 2, dense 10", rng=0)
    seen = []
    real = M.check_training
    monkeypatch.setattr(M, "check_training", lambda config, **kw: seen.append(config) or real(config, **kw))
    Trainer(TrainConfig(iterations=1), _data(), network=net)  # the config says MLP; the net is conv
    assert seen[0].arch == net.arch
