"""The playground's field on a grid: sampled values, the gradient field and its quiver arrows,
colour equalisation and contour segments (pure numpy; the descent panel draws them)."""

from __future__ import annotations

import numpy as np

from nnstudio.core.nn.gradient import numerical_gradient_2d


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
