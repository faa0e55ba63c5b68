"""Gradient descent on 2D functions as a generator of small records, plus the geometry to draw it.

`descend` runs one optimizer from nnstudio.core.nn.optimizers from a start point and yields a
DescentPoint per step; it ends with one DescentEnd ("finished", or "diverged" when a value goes
non-finite or the point leaves 100x the view). The GUI advances several of them in lockstep on a
timer. Below: gradient fields, quiver arrows and contour segments for a grid, and the
numerical-differentiation figures (tangent line, error against h).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.nn.gradient import forward_diff, numerical_diff, numerical_gradient, numerical_gradient_2d
from nnstudio.core.nn.optimizers import make_optimizer

ESCAPE_FACTOR = 100.0  # a trajectory farther out than this many times the view has diverged


@dataclass(frozen=True)
class DescentPoint:
    """The point after `step` updates (step 0 is the start) and f there."""

    optimizer: str
    step: int
    x0: float
    x1: float
    f: float


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
            view=None, h: float = 1e-4):
    """Run `optimizer` on f(x0, x1) from `start`, yielding DescentPoint per step, then one DescentEnd.

    f : vectorised f(x0, x1) (scalars in, scalar out works too).
    grad : analytic (x0, x1) -> (g0, g1), or None for the engine's numerical_gradient (as the book).
    view : (x0_min, x0_max, x1_min, x1_max); leaving it 100x over counts as diverging. None: no limit.
    """
    opt = make_optimizer(optimizer, lr)
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
        yield DescentPoint(name, k, float(x[0]), float(x[1]), fx)
    yield DescentEnd(name, "finished", int(steps), float(x[0]), float(x[1]), fx)


@dataclass(frozen=True)
class DescentResult:
    """A whole run: path, shape (n, 2); values, shape (n,); and how it ended."""

    path: np.ndarray
    values: np.ndarray
    end: DescentEnd


def run_descent(f, start, optimizer: str = "sgd", lr: float | None = None, steps: int = 100,
                grad=None, view=None) -> DescentResult:
    """Drain `descend` into arrays (for tests, the CLI and benchmarks)."""
    points, end = [], None
    for record in descend(f, start, optimizer, lr, steps, grad, view):
        if isinstance(record, DescentPoint):
            points.append((record.x0, record.x1, record.f))
        else:
            end = record
    arr = np.array(points, dtype=float).reshape(-1, 3)
    return DescentResult(arr[:, :2].copy(), arr[:, 2].copy(), end)


# --- fields on a grid ----------------------------------------------------------------------------

def grid_axes(view, nx: int, ny: int | None = None):
    """Cell-centre coordinates: xs shape (nx,), ys shape (ny,) covering the view."""
    a, b, c, d = view
    ny = nx if ny is None else ny
    xs = a + (np.arange(nx) + 0.5) * (b - a) / nx
    ys = c + (np.arange(ny) + 0.5) * (d - c) / ny
    return xs, ys


def sample(f, view, n: int):
    """f on an n x n grid: (xs, ys, Z) with Z[j, i] = f(xs[i], ys[j]); non-finite values kept."""
    xs, ys = grid_axes(view, n)
    X, Y = np.meshgrid(xs, ys)
    with np.errstate(all="ignore"):
        Z = np.broadcast_to(np.asarray(f(X, Y), dtype=float), X.shape).copy()
    return xs, ys, Z


def gradient_field(f, view, n: int, grad=None, h: float = 1e-4):
    """Gradients at n x n cell centres: (points, shape (n*n, 2); grads, shape (n*n, 2)).

    grad None: the engine's numerical_gradient_2d (central differences, vectorised); otherwise the
    analytic (x0, x1) -> (g0, g1).
    """
    xs, ys = grid_axes(view, n)
    X, Y = np.meshgrid(xs, ys)
    points = np.column_stack([X.ravel(), Y.ravel()])
    with np.errstate(all="ignore"):
        if grad is None:
            grads = numerical_gradient_2d(f, points, h)
        else:
            g0, g1 = grad(points[:, 0], points[:, 1])
            grads = np.column_stack([np.broadcast_to(np.asarray(g0, float), len(points)),
                                     np.broadcast_to(np.asarray(g1, float), len(points))])
    return points, grads


def gradient_difference(numerical, analytic, floor: float = 1e-3):
    """Per-point relative difference |a − n| / max(|a|, floor · median |a|), shape (n,)."""
    with np.errstate(all="ignore"):
        diff = np.linalg.norm(np.asarray(analytic) - np.asarray(numerical), axis=1)
        mag = np.linalg.norm(analytic, axis=1)
        finite = mag[np.isfinite(mag)]
        scale = floor * (np.median(finite) if finite.size else 1.0)
        return diff / np.maximum(mag, max(scale, 1e-300))


def quiver_segments(points, grads, cell, fill: float = 0.9, head: float = 0.32,
                    angle_deg: float = 26.0):
    """Arrows of the NEGATIVE gradient, centred on their points, as (2k, 2) pairs for connect="pairs".

    points, grads : shape (n, 2). cell : (dx, dy), the grid spacing. Lengths follow |g| scaled so
    the 90th percentile fills `fill` of a cell, capped at one `fill`; arrows are built in cell units
    so they look right when a cell is about square on screen. Three segments per arrow (shaft, two
    head strokes). Returns also the scale: cells per unit of |g|.
    """
    points = np.asarray(points, float)
    g = -np.asarray(grads, float)
    dx, dy = float(cell[0]), float(cell[1])
    u = np.column_stack([g[:, 0] / dx, g[:, 1] / dy])  # in cell units
    mag = np.linalg.norm(g, axis=1)
    ok = np.isfinite(mag) & np.all(np.isfinite(u), axis=1) & (mag > 0)
    if not ok.any():
        return np.empty((0, 2)), 0.0
    ref = float(np.percentile(mag[ok], 90)) or float(mag[ok].max())
    scale = fill / ref
    length = np.minimum(mag * scale, fill)
    ok &= length > 0.04  # a dot, not an arrow
    p, u, length = points[ok], u[ok], length[ok]
    direction = u / np.linalg.norm(u, axis=1, keepdims=True)
    vec = direction * length[:, None]
    tail_c = -0.5 * vec
    tip_c = 0.5 * vec
    hl = (head * length + 0.06)[:, None]
    cos, sin = np.cos(np.radians(angle_deg)), np.sin(np.radians(angle_deg))
    back = -direction
    left = np.column_stack([back[:, 0] * cos - back[:, 1] * sin, back[:, 0] * sin + back[:, 1] * cos])
    right = np.column_stack([back[:, 0] * cos + back[:, 1] * sin, -back[:, 0] * sin + back[:, 1] * cos])
    k = len(p)
    seg = np.empty((k, 6, 2))
    seg[:, 0], seg[:, 1] = tail_c, tip_c
    seg[:, 2], seg[:, 3] = tip_c, tip_c + hl * left
    seg[:, 4], seg[:, 5] = tip_c, tip_c + hl * right
    seg *= (dx, dy)
    seg += p[:, None, :]
    return seg.reshape(-1, 2), scale


def rank_levels(Z, n: int = 12, lo: float = 0.03, hi: float = 0.97):
    """Contour levels at quantiles of the finite values of Z (equal-area bands, any range), shape (≤n,)."""
    finite = np.asarray(Z)[np.isfinite(Z)]
    if finite.size == 0:
        return np.empty(0)
    levels = np.unique(np.quantile(finite, np.linspace(lo, hi, n)))
    return levels


def equalize(Z, bins: int = 256):
    """Z mapped to [0, 1] by rank (histogram equalisation); non-finite entries become NaN."""
    Z = np.asarray(Z, float)
    out = np.full(Z.shape, np.nan)
    finite = np.isfinite(Z)
    if not finite.any():
        return out
    q = np.quantile(Z[finite], np.linspace(0, 1, bins))
    q, idx = np.unique(q, return_index=True)
    t = np.linspace(0, 1, bins)[idx]
    out[finite] = np.interp(Z[finite], q, t) if len(q) > 1 else 0.5
    return out


def contour_segments(xs, ys, Z, levels):
    """Marching squares over Z[j, i] = f(xs[i], ys[j]): one (2k, 2) array of line pieces per level.

    The pairs suit PlotDataItem(connect="pairs"). Cells touching a non-finite value get no line;
    saddle cells are split by their centre value. Only cells that straddle a level are computed.
    """
    xs, ys, Z = np.asarray(xs, float), np.asarray(ys, float), np.asarray(Z, float)
    # corners a b c d counter-clockwise from bottom-left; edge e joins corner e and corner e+1
    z = np.stack([Z[:-1, :-1], Z[:-1, 1:], Z[1:, 1:], Z[1:, :-1]], axis=-1).reshape(-1, 4)
    X0, Y0 = np.meshgrid(xs[:-1], ys[:-1])
    X1, Y1 = np.meshgrid(xs[1:], ys[1:])
    x = np.stack([X0, X1, X1, X0], axis=-1).reshape(-1, 4)
    y = np.stack([Y0, Y0, Y1, Y1], axis=-1).reshape(-1, 4)
    valid = np.all(np.isfinite(z), axis=1)
    z, x, y = z[valid], x[valid], y[valid]
    zmin, zmax = z.min(axis=1), z.max(axis=1)
    nxt = [1, 2, 3, 0]
    out = []
    for level in levels:
        sel = np.nonzero((zmin <= level) & (zmax > level))[0]
        zs, xs_, ys_ = z[sel], x[sel], y[sel]
        above = zs > level
        cross = above != above[:, nxt]
        dz = zs[:, nxt] - zs
        t = (level - zs) / np.where(dz == 0, 1.0, dz)
        P = np.stack([xs_ + t * (xs_[:, nxt] - xs_), ys_ + t * (ys_[:, nxt] - ys_)], axis=-1)
        count = cross.sum(axis=1)
        two = count == 2
        segs = [P[two][cross[two]]]
        four = count == 4
        if four.any():
            centre = zs[four].mean(axis=1) > level
            same = (centre == above[four, 0])[:, None]
            P4 = P[four]
            # centre on a's side: the lines cut off b and d, edges (0,1) and (2,3); else (0,3), (1,2)
            first = np.where(same, P4[:, 1], P4[:, 3])
            second = np.where(same, P4[:, 3], P4[:, 1])
            segs.append(np.stack([P4[:, 0], first, P4[:, 2], second], axis=1).reshape(-1, 2))
        out.append(np.concatenate(segs))
    return out


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
