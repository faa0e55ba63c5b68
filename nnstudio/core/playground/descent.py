"""Gradient descent on 2D functions as a generator of small records, and the book's 1D figures.

`descend` runs one optimizer from nnstudio.core.nn.optimizers from a start point and yields a
DescentPoint per step; it ends with one DescentEnd ("finished", or "diverged" when a value goes
non-finite or the point leaves 100x the view). race.py advances several of them in lockstep for the
GUI's timer. Below: the numerical-differentiation figures (tangent line, error against h). The
geometry of the playground's field (gradients, arrows, contours on a grid) is in fields.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.nn.gradient import forward_diff, numerical_diff, numerical_gradient
from nnstudio.core.nn.optimizers import make_optimizer

ESCAPE_FACTOR = 100.0  # a trajectory farther out than this many times the view has diverged


@dataclass(frozen=True)
class DescentPoint:
    """The point after `step` updates (step 0 is the start) and f there, with the optimizer's state.

    velocity : Momentum's and Nesterov's v = (v0, v1) after the step, else None.
    step_size : AdaGrad's, RMSprop's and Adam's learning rate per coordinate, lr / (√h + ε) (Adam: on
    the bias-corrected moments), shape (2,) as a tuple, else None.
    """

    optimizer: str
    step: int
    x0: float
    x1: float
    f: float
    velocity: tuple | None = None
    step_size: tuple | None = None


def optimizer_state(opt) -> dict:
    """What an optimizer carries between steps, for drawing: {"velocity": (v0, v1)} or
    {"step_size": (s0, s1)}; {} for SGD and before the first step. Copies, never the live arrays."""
    name = opt.name
    with np.errstate(all="ignore"):
        if name in ("momentum", "nesterov") and opt.v is not None:
            return {"velocity": tuple(float(v) for v in opt.v["x"])}
        if name in ("adagrad", "rmsprop") and opt.h is not None:
            return {"step_size": tuple(float(s) for s in opt.lr / (np.sqrt(opt.h["x"]) + opt.eps))}
        if name == "adam" and opt.iter:
            v_hat = opt.v["x"] / (1.0 - opt.beta2 ** opt.iter)
            return {"step_size": tuple(float(s) for s in opt.lr / (np.sqrt(v_hat) + opt.eps))}
    return {}


@dataclass(frozen=True)
class DescentEnd:
    """Why a run stopped: reason "finished" (all steps done), "diverged" or "invalid" (bad start).

    steps : updates done. For "diverged", the update that went wrong is number `steps`, and
    (x0, x1, f) is where it landed (possibly inf/nan); it is not drawn.
    """

    optimizer: str
    reason: str
    steps: int
    x0: float
    x1: float
    f: float
    detail: str = ""

    @property
    def diverged(self) -> bool:
        return self.reason == "diverged"

    @property
    def message(self) -> str:
        if self.reason == "diverged":
            text = f"diverged after {self.steps} step{'s' if self.steps != 1 else ''}"
            return f"{text} ({self.detail})" if self.detail else text
        if self.reason == "invalid":
            return self.detail or "f is not finite at the start point"
        return f"finished {self.steps} steps"


def escape_bounds(view, factor: float = ESCAPE_FACTOR):
    """The view (x0_min, x0_max, x1_min, x1_max) scaled `factor` times about its centre."""
    a, b, c, d = (float(v) for v in view)
    cx, cy, hx, hy = (a + b) / 2, (c + d) / 2, (b - a) / 2 * factor, (d - c) / 2 * factor
    return cx - hx, cx + hx, cy - hy, cy + hy


def descend(f, start, optimizer: str = "sgd", lr: float | None = None, steps: int = 100, grad=None,
            view=None, h: float = 1e-4, options: dict | None = None):
    """Run `optimizer` on f(x0, x1) from `start`, yielding DescentPoint per step, then one DescentEnd.

    f : vectorised f(x0, x1) (scalars in, scalar out works too).
    grad : analytic (x0, x1) -> (g0, g1), or None for the engine's numerical_gradient (as the book).
    view : (x0_min, x0_max, x1_min, x1_max); leaving it 100x over counts as diverging. None: no limit.
    options : the optimizer's other settings, e.g. {"momentum": 0.5} or {"beta1": 0.8, "beta2": 0.99}.
    """
    opt = make_optimizer(optimizer, lr, **(options or {}))
    name = opt.name
    x = np.array(start, dtype=float).reshape(2)
    bounds = escape_bounds(view) if view is not None else None

    def value(p):
        return float(np.asarray(f(p[0], p[1]), dtype=float))

    with np.errstate(all="ignore"):
        fx = value(x)
    if not (np.isfinite(fx) and np.all(np.isfinite(x))):
        yield DescentEnd(name, "invalid", 0, float(x[0]), float(x[1]), fx,
                         "f is not finite at the start point: choose another one")
        return
    yield DescentPoint(name, 0, float(x[0]), float(x[1]), fx)
    for k in range(1, int(steps) + 1):
        # errstate per step, closed before each yield: the consumer's code keeps numpy's defaults.
        with np.errstate(all="ignore"):
            if grad is None:
                g = numerical_gradient(lambda p: value(p), x, h)
            else:
                g = np.array([float(v) for v in grad(x[0], x[1])], dtype=float)
            problem = "" if np.all(np.isfinite(g)) else "the gradient is not finite"
            if not problem:
                opt.step({"x": x}, {"x": g})
                fx = value(x)
                if not np.all(np.isfinite(x)):
                    problem = "x is not finite"
                elif bounds is not None and not (bounds[0] <= x[0] <= bounds[1]
                                                 and bounds[2] <= x[1] <= bounds[3]):
                    problem = "left 100× the view"
                elif not np.isfinite(fx):
                    problem = "f is not finite"
        if problem:
            yield DescentEnd(name, "diverged", k, float(x[0]), float(x[1]), fx, problem)
            return
        state = optimizer_state(opt)
        yield DescentPoint(name, k, float(x[0]), float(x[1]), fx, state.get("velocity"), state.get("step_size"))
    yield DescentEnd(name, "finished", int(steps), float(x[0]), float(x[1]), fx)


@dataclass(frozen=True)
class DescentResult:
    """A whole run: path, shape (n, 2); values, shape (n,); and how it ended."""

    path: np.ndarray
    values: np.ndarray
    end: DescentEnd


def run_descent(f, start, optimizer: str = "sgd", lr: float | None = None, steps: int = 100,
                grad=None, view=None, options: dict | None = None) -> DescentResult:
    """Drain `descend` into arrays (for tests, the CLI and benchmarks)."""
    points, end = [], None
    for record in descend(f, start, optimizer, lr, steps, grad, view, options=options):
        if isinstance(record, DescentPoint):
            points.append((record.x0, record.x1, record.f))
        else:
            end = record
    arr = np.array(points, dtype=float).reshape(-1, 3)
    return DescentResult(arr[:, :2].copy(), arr[:, 2].copy(), end)


# --- numerical differentiation (the book's 1D figures) ---------------------------------------------

def tangent_line(f, x: float, h: float = 1e-4):
    """Slope (central difference) and intercept of the tangent of f at x: y = slope·t + intercept."""
    slope = float(numerical_diff(f, float(x), h))
    return slope, float(f(float(x))) - slope * float(x)


def difference_errors(f, df, x: float, hs):
    """|forward − exact| and |central − exact| at x for each h (float64), two arrays of hs's shape.

    Tiny h: x + h rounds to x and both differences become 0 (error = |f'(x)|); in between, rounding
    error of f(x+h) − f(x) divided by a small h dominates; large h: truncation error, O(h) forward
    and O(h²) central.
    """
    hs = np.asarray(hs, dtype=float)
    exact = float(df(float(x)))
    with np.errstate(all="ignore"):
        fwd = np.array([forward_diff(f, float(x), h) for h in hs.ravel()]).reshape(hs.shape)
        cen = np.array([numerical_diff(f, float(x), h) for h in hs.ravel()]).reshape(hs.shape)
    return np.abs(fwd - exact), np.abs(cen - exact)
