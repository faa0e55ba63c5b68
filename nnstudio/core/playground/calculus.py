"""The book's calculus figures in numbers: 1D functions for the error-against-h lab, and the
partial derivative of f(x0, x1) as the slope of a slice (the other variable held fixed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from nnstudio.core.nn.gradient import numerical_diff, numerical_gradient
from nnstudio.core.playground.descent import difference_errors
from nnstudio.core.playground.surfaces import function_1, function_1_grad


@dataclass(frozen=True)
class Function1D:
    """f and its exact derivative, with a range to draw and the text of f′ for the numbers line."""

    key: str
    label: str  # "f(x) = sin x"
    f: Callable
    df: Callable
    x_range: tuple[float, float]
    x: float  # where the tangent starts
    derivative: str  # "cos x"


FUNCTIONS_1D = {g.key: g for g in (
    Function1D("book", "f(x) = 0.01x² + 0.1x (the book's)", function_1, function_1_grad, (0.0, 20.0), 5.0,
               "0.02x + 0.1"),
    Function1D("sin", "f(x) = sin x", np.sin, np.cos, (-5.0, 5.0), 1.0, "cos x"),
    Function1D("exp", "f(x) = eˣ", np.exp, np.exp, (-2.0, 3.0), 1.0, "eˣ"),
    Function1D("cube", "f(x) = x³", lambda x: x ** 3, lambda x: 3 * x ** 2, (-2.0, 2.0), 1.0, "3x²"),
)}


@dataclass(frozen=True)
class ErrorV:
    """|estimate − exact| against h for both differences, and where each is smallest.

    hs, forward, central : shape (n,). best_forward, best_central : the h of the least error (an
    interior minimum is the V: rounding error to its left, truncation error to its right).
    """

    hs: np.ndarray
    forward: np.ndarray
    central: np.ndarray
    best_forward: float
    best_central: float


def error_v(fn: Function1D, x: float, hs) -> ErrorV:
    """The error of both difference quotients of `fn` at x for each h (float64)."""
    hs = np.asarray(hs, float)
    fwd, cen = difference_errors(fn.f, fn.df, x, hs)

    def best(err):
        ok = np.isfinite(err)
        return float(hs[ok][np.argmin(err[ok])]) if ok.any() else float("nan")

    return ErrorV(hs, fwd, cen, best(fwd), best(cen))


@dataclass(frozen=True)
class Slice:
    """f along one coordinate with the other held fixed, and its tangent at the point.

    t : shape (n,), the free coordinate; values : f there; slope : the partial derivative by central
    differences (h = 1e-4); tangent : slope·(t − t0) + f(point), shape (n,).
    """

    axis: int
    t: np.ndarray
    values: np.ndarray
    slope: float
    tangent: np.ndarray


def partial_slice(f, point, axis: int, half_width: float = 4.0, n: int = 161, h: float = 1e-4) -> Slice:
    """The book's partial derivative: hold every coordinate of `point` but `axis` fixed, and read
    ∂f/∂x_axis as the slope of the 1D function that is left (f(x0, 4) = x0² + 16 at x0 = 3: 6)."""
    p = np.asarray(point, float).reshape(2)
    t0 = p[axis]
    t = np.linspace(t0 - half_width, t0 + half_width, n)
    other = np.full_like(t, p[1 - axis])
    args = (t, other) if axis == 0 else (other, t)
    with np.errstate(all="ignore"):
        values = np.asarray(f(*args), float)

        def along(s):
            q = p.copy()
            q[axis] = s
            return float(f(q[0], q[1]))

        slope = float(numerical_diff(along, t0, h))
        f0 = along(t0)
    return Slice(axis, t, values, slope, slope * (t - t0) + f0)


def partial_derivatives(f, point, h: float = 1e-4) -> np.ndarray:
    """(∂f/∂x0, ∂f/∂x1) at `point` by the engine's numerical_gradient, shape (2,)."""
    p = np.array(point, dtype=float).reshape(2)
    with np.errstate(all="ignore"):
        return numerical_gradient(lambda q: float(f(q[0], q[1])), p, h)
