"""Optimizers: one contract, each minimises a quadratic, Adam matches the paper's formulas."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from nnstudio.core.nn.optimizers import DEFAULT_LR, OPTIMIZERS, Adam, make_optimizer

# The book's f(x, y) = x²/20 + y²: elongated, so plain SGD zig-zags; each optimizer with a rate
# that suits it (the book's own choices where it gives them).
RATES = {"sgd": 0.95, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.5, "rmsprop": 0.1, "adam": 0.3}


def grad_f(p):
    return {"xy": np.array([p["xy"][0] / 10.0, 2.0 * p["xy"][1]])}


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_minimises_the_books_quadratic(name):
    params = {"xy": np.array([-7.0, 2.0])}
    array = params["xy"]
    opt = make_optimizer(name, RATES[name])
    for _ in range(300):
        opt.step(params, grad_f(params))
    assert params["xy"] is array  # updated in place
    assert np.linalg.norm(array) < 0.05, (name, array)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_one_flat_array_gives_the_same_steps_as_one_array_per_key(name):
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(3, 4)), rng.normal(size=5)
    per_key = {"W": a.copy(), "b": b.copy()}
    flat = {"all": np.concatenate([a.ravel(), b])}
    opt1, opt2 = make_optimizer(name, 0.01), make_optimizer(name, 0.01)
    for _ in range(5):
        ga, gb = rng.normal(size=(3, 4)), rng.normal(size=5)
        opt1.step(per_key, {"W": ga, "b": gb})
        opt2.step(flat, {"all": np.concatenate([ga.ravel(), gb])})
    assert_allclose(flat["all"], np.concatenate([per_key["W"].ravel(), per_key["b"]]), rtol=1e-12)


def test_step_does_not_modify_the_gradients():
    for name in OPTIMIZERS:
        params, g = {"w": np.ones(4)}, {"w": np.arange(4.0)}
        opt = make_optimizer(name, 0.1)
        opt.step(params, g)
        opt.step(params, g)
        assert_array_equal(g["w"], np.arange(4.0))


def test_adam_matches_the_papers_algorithm():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(4, 3))
    ref, m, v = x.copy(), np.zeros_like(x), np.zeros_like(x)
    lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
    opt = Adam(lr=lr)
    for t in range(1, 40):
        g = rng.normal(size=x.shape)
        opt.step({"w": x}, {"w": g})
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        # Kingma & Ba, section 2's efficient form: the bias correction folded into the step size.
        ref -= lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t) * m / (np.sqrt(v) + eps)
    assert_allclose(x, ref, rtol=1e-10, atol=1e-13)
    assert_allclose(opt.m["w"], m, rtol=1e-10)
    assert_allclose(opt.v["w"], v, rtol=1e-10)


def test_lr_can_change_between_steps_and_reset_forgets_state():
    opt = make_optimizer("momentum", 0.1)
    params = {"w": np.zeros(2)}
    opt.step(params, {"w": np.ones(2)})
    assert_allclose(params["w"], [-0.1, -0.1])
    opt.lr = 0.0
    opt.step(params, {"w": np.ones(2)})  # only the velocity moves it now
    assert_allclose(params["w"], [-0.19, -0.19])
    opt.reset()
    opt.lr = 1.0
    opt.step(params, {"w": np.ones(2)})
    assert_allclose(params["w"], [-1.19, -1.19])  # no velocity left over


def test_make_optimizer_defaults_and_errors():
    assert set(OPTIMIZERS) == {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"}
    assert set(DEFAULT_LR) == set(OPTIMIZERS)
    assert make_optimizer("Adam").lr == DEFAULT_LR["adam"]
    assert make_optimizer("sgd", 0.5).lr == 0.5
    with pytest.raises(ValueError, match="unknown optimizer"):
        make_optimizer("lbfgs")


def test_float32_parameters_stay_float32():
    for name in OPTIMIZERS:
        params = {"w": np.ones(3, dtype=np.float32)}
        make_optimizer(name, 0.1).step(params, {"w": np.ones(3, dtype=np.float32)})
        assert params["w"].dtype == np.float32


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_overwriting_the_gradients_gives_the_same_steps(name):
    rng = np.random.default_rng(3)
    start = rng.normal(size=50).astype(np.float32)
    kept, scratch = {"w": start.copy()}, {"w": start.copy()}
    opt_kept, opt_scratch = make_optimizer(name, 0.01), make_optimizer(name, 0.01)
    for _ in range(120):  # past a flush of decayed state (every FLUSH_EVERY steps)
        g = rng.normal(size=50).astype(np.float32)
        opt_kept.step(kept, {"w": g.copy()})
        opt_scratch.step(scratch, {"w": g.copy()}, overwrite_grads=True)
    assert_array_equal(kept["w"], scratch["w"])


@pytest.mark.parametrize("name", ["momentum", "nesterov", "rmsprop", "adam"])
def test_decayed_state_is_flushed_before_it_turns_subnormal(name):
    # A weight whose gradient was nonzero once and zero ever after: its momentum or moments
    # decay geometrically and would sink into subnormal floats (slow on every CPU).
    opt = make_optimizer(name, 0.01)
    params = {"w": np.zeros(2, dtype=np.float32)}
    opt.step(params, {"w": np.array([1e-12, 1.0], dtype=np.float32)})
    zero = {"w": np.zeros(2, dtype=np.float32)}
    tiny = np.finfo(np.float32).tiny
    for _ in range(3000):
        opt.step(params, zero)
        states = [a for a in vars(opt).values() if isinstance(a, dict)]
        for state in states:
            for a in state.values():
                assert not np.any((a != 0) & (np.abs(a) < tiny)), name
    assert np.all(np.isfinite(params["w"]))
