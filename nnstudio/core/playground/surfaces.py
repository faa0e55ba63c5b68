"""Functions of two variables for the gradient-descent playground, each with its analytic gradient.

Every function takes two arrays (x0, x1) of the same shape (or scalars) and returns an array of
that shape; every gradient returns the pair (df/dx0, df/dx1). They are vectorised, so a whole grid
is one call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from nnstudio.core.playground.fields import sample

Bounds = tuple[float, float, float, float]  # (x0_min, x0_max, x1_min, x1_max)


@dataclass(frozen=True)
class Surface:
    """A 2D function ready to show: formula, gradient, a view that frames it, a start point.

    f : (x0, x1) -> f, arrays of one shape.  grad : (x0, x1) -> (g0, g1), or None when only the
    numerical gradient exists (a typed-in function).  lrs : learning rates that descend sanely here,
    per optimizer name (nnstudio.core.nn.optimizers.OPTIMIZERS).
    """

    key: str
    name: str
    formula: str  # unicode, for plain labels and the CLI
    formula_html: str  # rich text for QLabel
    f: Callable
    grad: Callable | None
    view: Bounds
    start: tuple[float, float]
    minima: tuple = ()
    note: str = ""
    lrs: dict = field(default_factory=dict)
    source: str = ""  # what the user typed, for a typed-in function

    def value(self, x0, x1):
        """f at (x0, x1) as float64 with numpy's warnings silenced (overflow far out is expected)."""
        with np.errstate(all="ignore"):
            return np.asarray(self.f(np.asarray(x0, float), np.asarray(x1, float)), dtype=float)

    def gradient(self, x0, x1):
        """Analytic gradient (g0, g1) as float64 arrays; raises ValueError when there is none."""
        if self.grad is None:
            raise ValueError(f"{self.name} has no analytic gradient, only the numerical one")
        with np.errstate(all="ignore"):
            g0, g1 = self.grad(np.asarray(x0, float), np.asarray(x1, float))
        shape = np.broadcast(np.asarray(x0), np.asarray(x1)).shape
        return (np.broadcast_to(np.asarray(g0, float), shape).copy(),
                np.broadcast_to(np.asarray(g1, float), shape).copy())

    def with_(self, **changes) -> "Surface":
        from dataclasses import replace

        return replace(self, **changes)


# --- the functions and their derivatives, side by side -------------------------------------------

def sphere(x0, x1):
    """The books' f(x0, x1) = x0² + x1²."""
    return x0 ** 2 + x1 ** 2


def sphere_grad(x0, x1):
    return 2 * x0, 2 * x1


def elongated(x0, x1):
    """x0²/20 + x1²: a bowl twenty times flatter along x0, where plain SGD zig-zags."""
    return x0 ** 2 / 20 + x1 ** 2


def elongated_grad(x0, x1):
    return x0 / 10, 2 * x1


def saddle(x0, x1):
    """x0² − x1²: a minimum along x0, a maximum along x1, a saddle point at the origin."""
    return x0 ** 2 - x1 ** 2


def saddle_grad(x0, x1):
    return 2 * x0, -2 * x1


def rosenbrock(x0, x1):
    """(1 − x0)² + 100 (x1 − x0²)²: a curved, flat-bottomed valley with its minimum at (1, 1)."""
    return (1 - x0) ** 2 + 100 * (x1 - x0 ** 2) ** 2


def rosenbrock_grad(x0, x1):
    inner = x1 - x0 ** 2
    return -2 * (1 - x0) - 400 * x0 * inner, 200 * inner


def himmelblau(x0, x1):
    """(x0² + x1 − 11)² + (x0 + x1² − 7)²: four minima, all with f = 0."""
    return (x0 ** 2 + x1 - 11) ** 2 + (x0 + x1 ** 2 - 7) ** 2


def himmelblau_grad(x0, x1):
    a = x0 ** 2 + x1 - 11
    b = x0 + x1 ** 2 - 7
    return 4 * x0 * a + 2 * b, 2 * a + 4 * x1 * b


def beale(x0, x1):
    """(1.5 − x0 + x0x1)² + (2.25 − x0 + x0x1²)² + (2.625 − x0 + x0x1³)²: minimum at (3, 0.5)."""
    return ((1.5 - x0 + x0 * x1) ** 2 + (2.25 - x0 + x0 * x1 ** 2) ** 2
            + (2.625 - x0 + x0 * x1 ** 3) ** 2)


def beale_grad(x0, x1):
    a = 1.5 - x0 + x0 * x1
    b = 2.25 - x0 + x0 * x1 ** 2
    c = 2.625 - x0 + x0 * x1 ** 3
    g0 = 2 * a * (x1 - 1) + 2 * b * (x1 ** 2 - 1) + 2 * c * (x1 ** 3 - 1)
    g1 = 2 * a * x0 + 4 * b * x0 * x1 + 6 * c * x0 * x1 ** 2
    return g0, g1


_X0, _X1 = "x<sub>0</sub>", "x<sub>1</sub>"

SURFACES = {s.key: s for s in (
    Surface("sphere", "Bowl x0² + x1² (the book's)", "f(x₀, x₁) = x₀² + x₁²",
            f"f({_X0}, {_X1}) = {_X0}<sup>2</sup> + {_X1}<sup>2</sup>",
            sphere, sphere_grad, (-5.0, 5.0, -5.0, 5.0), (-3.0, 4.0), ((0.0, 0.0),),
            "The book's example: from (−3, 4) with lr 0.1, 100 steps end at about (0, 0).",
            {"sgd": 0.1, "momentum": 0.05, "nesterov": 0.05, "adagrad": 1.0, "rmsprop": 0.1,
             "adam": 0.3}),
    Surface("elongated", "Elongated bowl x0²/20 + x1²", "f(x₀, x₁) = x₀²/20 + x₁²",
            f"f({_X0}, {_X1}) = {_X0}<sup>2</sup>/20 + {_X1}<sup>2</sup>",
            elongated, elongated_grad, (-10.0, 10.0, -5.0, 5.0), (-7.0, 2.0), ((0.0, 0.0),),
            "Steep along x₁, flat along x₀: the gradient rarely points at the minimum, so SGD zig-zags "
            "(the book's optimizer comparison, from (−7, 2)).",
            {"sgd": 0.95, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.5, "rmsprop": 0.2,
             "adam": 0.3}),
    Surface("saddle", "Saddle x0² − x1²", "f(x₀, x₁) = x₀² − x₁²",
            f"f({_X0}, {_X1}) = {_X0}<sup>2</sup> − {_X1}<sup>2</sup>",
            saddle, saddle_grad, (-3.0, 3.0, -3.0, 3.0), (-2.5, 0.05), (),
            "No minimum: the gradient vanishes at the origin, a saddle point. Starting exactly on the "
            "x₀ axis, descent stalls there; a hair off it, it slides away along x₁.",
            {"sgd": 0.05, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.5, "rmsprop": 0.05,
             "adam": 0.1}),
    Surface("rosenbrock", "Rosenbrock's valley", "f(x₀, x₁) = (1 − x₀)² + 100 (x₁ − x₀²)²",
            f"f({_X0}, {_X1}) = (1 − {_X0})<sup>2</sup> + 100 ({_X1} − {_X0}<sup>2</sup>)<sup>2</sup>",
            rosenbrock, rosenbrock_grad, (-2.0, 2.0, -1.0, 3.0), (-1.5, 2.0), ((1.0, 1.0),),
            "Finding the valley is easy, following its flat curved floor to (1, 1) is slow.",
            {"sgd": 0.001, "momentum": 0.001, "nesterov": 0.0005, "adagrad": 0.3, "rmsprop": 0.01,
             "adam": 0.1}),
    Surface("himmelblau", "Himmelblau (four minima)", "f(x₀, x₁) = (x₀² + x₁ − 11)² + (x₀ + x₁² − 7)²",
            f"f({_X0}, {_X1}) = ({_X0}<sup>2</sup> + {_X1} − 11)<sup>2</sup> + "
            f"({_X0} + {_X1}<sup>2</sup> − 7)<sup>2</sup>",
            himmelblau, himmelblau_grad, (-5.0, 5.0, -5.0, 5.0), (-0.5, 0.5),
            ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)),
            "Four minima with f = 0: which one you reach depends on where you start.",
            {"sgd": 0.01, "momentum": 0.002, "nesterov": 0.002, "adagrad": 0.5, "rmsprop": 0.05,
             "adam": 0.1}),
    Surface("beale", "Beale", "f(x₀, x₁) = (1.5 − x₀ + x₀x₁)² + (2.25 − x₀ + x₀x₁²)² + "
                              "(2.625 − x₀ + x₀x₁³)²",
            f"f({_X0}, {_X1}) = (1.5 − {_X0} + {_X0}{_X1})<sup>2</sup> + (2.25 − {_X0} + "
            f"{_X0}{_X1}<sup>2</sup>)<sup>2</sup> + (2.625 − {_X0} + {_X0}{_X1}<sup>3</sup>)<sup>2</sup>",
            beale, beale_grad, (-4.5, 4.5, -4.5, 4.5), (1.0, 1.5), ((3.0, 0.5),),
            "Flat plateaus and steep walls (f spans five orders of magnitude in this view); "
            "the minimum is at (3, 0.5).",
            {"sgd": 0.001, "momentum": 0.0005, "nesterov": 0.0005, "adagrad": 0.5, "rmsprop": 0.01,
             "adam": 0.05}),
)}


def get_surface(key: str) -> Surface:
    try:
        return SURFACES[key]
    except KeyError:
        raise ValueError(f"unknown function {key!r}; choose from {', '.join(SURFACES)}") from None


def finite_start(f, view, near) -> tuple[float, float]:
    """The point of a coarse grid over `view` closest to `near` where f is finite (else the centre).

    `near` itself when it lies in the view and f is finite there; grid points are rounded to 3 decimals.
    """
    xs, ys, Z = sample(f, view, 24)
    X, Y = np.meshgrid(xs, ys)
    ok = np.isfinite(Z)
    a, b, c, d = view
    if a <= near[0] <= b and c <= near[1] <= d and np.isfinite(f(*near)):
        return float(near[0]), float(near[1])
    if not ok.any():
        return (a + b) / 2, (c + d) / 2
    dist = np.where(ok, (X - near[0]) ** 2 + (Y - near[1]) ** 2, np.inf)
    j, i = np.unravel_index(np.argmin(dist), dist.shape)
    return float(round(X[j, i], 3)), float(round(Y[j, i], 3))


# --- the 1D function of the numerical-differentiation figure ---------------------------------------

def function_1(x):
    """The book's f(x) = 0.01 x² + 0.1 x (its derivative is 0.2 at 5 and 0.3 at 10)."""
    return 0.01 * x ** 2 + 0.1 * x


def function_1_grad(x):
    return 0.02 * x + 0.1
