"""The playground's field on a grid: sampled values, the gradient field and its quiver arrows,
colour equalisation and contour segments (pure numpy; the descent panel draws them)."""

from __future__ import annotations

from dataclasses import dataclass

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
    values = np.sort(Z[finite])  # one sort; quantiles by interpolating between order statistics
    pos = np.linspace(0, len(values) - 1, bins)
    below = np.floor(pos).astype(np.intp)
    above = np.minimum(below + 1, len(values) - 1)
    q = values[below] + (pos - below) * (values[above] - values[below])
    q, idx = np.unique(q, return_index=True)
    t = np.linspace(0, 1, bins)[idx]
    out[finite] = np.interp(Z[finite], q, t) if len(q) > 1 else 0.5
    return out


def contour_segments(xs, ys, Z, levels):
    """Marching squares over Z[j, i] = f(xs[i], ys[j]): one (2k, 2) array of line pieces per level.

    The pairs suit PlotDataItem(connect="pairs"). Cells touching a non-finite value get no line;
    saddle cells are split by their centre value. All levels in one vectorised pass: a cell meets the
    sorted levels in [min, max) of its corners, a contiguous run found by searchsorted.
    """
    xs, ys, Z = np.asarray(xs, float), np.asarray(ys, float), np.asarray(Z, float)
    levels = np.asarray(levels, float).reshape(-1)
    if levels.size == 0:
        return []
    # corners a b c d counter-clockwise from bottom-left; edge e joins corner e and corner e+1
    z = np.stack([Z[:-1, :-1], Z[:-1, 1:], Z[1:, 1:], Z[1:, :-1]], axis=-1).reshape(-1, 4)
    ny, nx = Z.shape[0] - 1, Z.shape[1] - 1
    col = np.tile(np.arange(nx), ny)
    row = np.repeat(np.arange(ny), nx)
    valid = np.all(np.isfinite(z), axis=1)
    z, col, row = z[valid], col[valid], row[valid]
    order = np.argsort(levels, kind="stable")
    sorted_levels = levels[order]
    lo = np.searchsorted(sorted_levels, z.min(axis=1), "left")  # first level >= min
    hi = np.searchsorted(sorted_levels, z.max(axis=1), "left")  # levels < max
    count = hi - lo
    cell = np.repeat(np.arange(len(z)), count)  # one entry per (cell, level) that crosses
    k = np.repeat(lo - np.cumsum(count) + count, count) + np.arange(count.sum())
    level = sorted_levels[k]
    zs = z[cell]
    i, j = col[cell], row[cell]
    x = np.stack([xs[i], xs[i + 1], xs[i + 1], xs[i]], axis=-1)
    y = np.stack([ys[j], ys[j], ys[j + 1], ys[j + 1]], axis=-1)
    nxt = [1, 2, 3, 0]
    lv = level[:, None]
    above = zs > lv
    cross = above != above[:, nxt]
    dz = zs[:, nxt] - zs
    t = (lv - zs) / np.where(dz == 0, 1.0, dz)
    P = np.stack([x + t * (x[:, nxt] - x), y + t * (y[:, nxt] - y)], axis=-1)
    n_cross = cross.sum(axis=1)
    two = n_cross == 2
    four = n_cross == 4
    pieces_k = [k[two]]
    pieces = [P[two][cross[two]].reshape(-1, 2, 2)]
    if four.any():
        centre = zs[four].mean(axis=1) > level[four]
        same = (centre == above[four, 0])[:, None]
        P4 = P[four]
        # centre on a's side: the lines cut off b and d, edges (0,1) and (2,3); else (0,3), (1,2)
        first = np.where(same, P4[:, 1], P4[:, 3])
        second = np.where(same, P4[:, 3], P4[:, 1])
        pieces.append(np.stack([P4[:, 0], first, P4[:, 2], second], axis=1).reshape(-1, 2, 2))
        pieces_k.append(np.repeat(k[four], 2))
    segs = np.concatenate(pieces)
    seg_k = np.concatenate(pieces_k)
    by_level = np.argsort(seg_k, kind="stable")
    segs, seg_k = segs[by_level], seg_k[by_level]
    bounds = np.searchsorted(seg_k, np.arange(len(levels) + 1))
    out_sorted = [segs[bounds[m]:bounds[m + 1]].reshape(-1, 2) for m in range(len(levels))]
    out = [None] * len(levels)
    for m, original in enumerate(order):
        out[original] = out_sorted[m]
    return out


@dataclass(frozen=True)
class FieldLayers:
    """Everything the playground's field shows for one view, computed together (off the GUI thread
    when that is slow). values01 : shape (image_res, image_res), equalised f in [0, 1] (NaN where f
    is not finite), row j is x1; contours, arrows : (2k, 2) pairs; differ : points where analytic and
    numerical gradients differ, shape (m, 2); grid : arrows per side (0: no arrows); compared : grid
    points compared (0 when there is no analytic gradient); worst : largest relative difference."""

    view: tuple
    values01: np.ndarray | None
    contours: np.ndarray | None
    arrows: np.ndarray
    differ: np.ndarray
    undefined: bool
    grid: int
    compared: int
    worst: float


def field_layers(f, view, arrows: int = 20, grad=None, follow: str = "numerical", image_res: int = 160,
                 contour_res: int = 90, n_levels: int = 14, square_cells: bool = True,
                 differ_threshold: float = 1e-3, background: bool = True) -> FieldLayers:
    """Background, contours and −∇f arrows of f over view = (x0_min, x0_max, x1_min, x1_max).

    arrows : per side, 0 for none. grad : analytic (x0, x1) -> (g0, g1), compared with the numerical
    gradient at every arrow; the arrows follow `follow` ("analytic" or "numerical").
    square_cells : arrow heads built in square cells (right when the plot has equal scales).
    background : False leaves values01 and contours None (only the arrows changed).
    """
    view = tuple(float(v) for v in view)
    a, b, c, d = view
    values01 = contours = None
    undefined = False
    if background:
        _, _, Z = sample(f, view, image_res)
        values01, undefined = equalize(Z), not np.isfinite(Z).all()
        # contours on a coarser grid: smooth enough, and a third of the cost
        xs, ys, Zc = sample(f, view, contour_res)
        levels = rank_levels(Zc, n_levels)
        contours = np.concatenate(contour_segments(xs, ys, Zc, levels)) if len(levels) else np.empty((0, 2))
    pairs, differ, compared, worst = np.empty((0, 2)), np.empty((0, 2)), 0, float("nan")
    if arrows:
        points, grads = gradient_field(f, view, arrows)
        if grad is not None:
            _, analytic = gradient_field(f, view, arrows, grad=grad)
            rel = gradient_difference(grads, analytic)
            differ = points[~(rel <= differ_threshold)]
            compared = len(rel)
            worst = float(np.nanmax(rel)) if np.isfinite(rel).any() else float("nan")
            if follow == "analytic":
                grads = analytic
        cell = ((b - a) / arrows, (d - c) / arrows)
        if square_cells:
            cell = (min(cell),) * 2
        pairs, _ = quiver_segments(points, grads, cell)
    return FieldLayers(view, values01, contours, pairs, differ, undefined, arrows, compared, worst)
