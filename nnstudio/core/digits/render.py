"""Strokes → an anti-aliased image: round strokes of a given width with a soft edge (pure numpy).

Coordinates: a stroke is an array (n, 2) of (x, y) points, y pointing down; pixel (row r, col c)
covers [c, c+1) x [r, r+1), its centre is (c + 0.5, r + 0.5). The MNIST recipe that crops, scales
and centres a drawing is in `preprocess.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# Stroke profile measured on MNIST: width 2.47 px (median of ink_width on the test set), about half
# of the ink pixels are mid-tones, i.e. soft edges about 1.15 px wide.
STROKE_WIDTH = 2.5
EDGE_WIDTH = 1.15


def clean_strokes(strokes: Sequence) -> list[np.ndarray]:
    """Strokes as float64 (n, 2) arrays without non-finite points; empty strokes dropped."""
    out = []
    for stroke in strokes or ():
        pts = np.asarray(stroke, dtype=np.float64).reshape(-1, 2)
        pts = pts[np.isfinite(pts).all(axis=1)]
        if len(pts):
            out.append(pts)
    return out


def _resample(pts: np.ndarray, step: float) -> np.ndarray:
    """Points along the polyline every `step` (its ends kept): splits long segments, drops dense ones."""
    if len(pts) < 2:
        return pts
    seg = np.hypot(*np.diff(pts, axis=0).T)
    s = np.concatenate(([0.0], np.cumsum(seg)))
    total = s[-1]
    if total <= 0:
        return pts[:1]
    n = int(np.ceil(total / step)) + 1
    t = np.linspace(0.0, total, n)
    return np.column_stack((np.interp(t, s, pts[:, 0]), np.interp(t, s, pts[:, 1])))


def render_strokes(strokes: Sequence, size, width: float = STROKE_WIDTH,
                   edge: float = EDGE_WIDTH) -> np.ndarray:
    """Round, anti-aliased strokes as an image, float32 (h, w) in [0, 1].

    strokes : list of (n, 2) arrays of (x, y) in output pixel units (a one-point stroke is a dot).
    size : int (square) or (h, w).
    width : the stroke's full width at half intensity, in pixels.
    edge : width of the soft edge (intensity 1 → 0), in pixels.

    Vectorised: polylines are resampled to short segments, and each segment's distance field is
    computed only in a small window around it; the image keeps the nearest segment's distance.
    """
    h, w = (size, size) if np.isscalar(size) else (int(size[0]), int(size[1]))
    a, b = stroke_segments(strokes, width)
    return render_segments(a, b, h, w, width, edge)


def stroke_segments(strokes: Sequence, width: float) -> tuple[np.ndarray, np.ndarray]:
    """Start and end points (n, 2) of short segments along the strokes (a dot: start == end)."""
    step = max(0.25, width / 10.0)  # corners are cut by at most step / 2 (0.125 px at 28x28)
    a_list, b_list = [], []
    for pts in clean_strokes(strokes):
        pts = _resample(pts, step)
        if len(pts) == 1:
            a_list.append(pts)
            b_list.append(pts)
        else:
            a_list.append(pts[:-1])
            b_list.append(pts[1:])
    if not a_list:
        return np.zeros((0, 2)), np.zeros((0, 2))
    return np.concatenate(a_list), np.concatenate(b_list)


def render_segments(a: np.ndarray, b: np.ndarray, h: int, w: int, width: float, edge: float) -> np.ndarray:
    """The segments a[i] → b[i] (from stroke_segments) drawn into an (h, w) float32 image in [0, 1]."""
    edge = max(float(edge), 1e-3)
    r_out = width / 2.0 + edge / 2.0  # beyond this distance there is no ink
    if len(a) == 0:
        return np.zeros((h, w), np.float32)
    lo = np.floor(np.minimum(a, b) - r_out).astype(np.int64)  # window origin (x, y)
    hi = np.ceil(np.maximum(a, b) + r_out).astype(np.int64)
    # Drop segments whose window misses the image entirely.
    keep = (hi[:, 0] >= 0) & (hi[:, 1] >= 0) & (lo[:, 0] < w) & (lo[:, 1] < h)
    if not keep.all():
        a, b, lo, hi = a[keep], b[keep], lo[keep], hi[keep]
        if len(a) == 0:
            return np.zeros((h, w), np.float32)
    k = int((hi - lo).max()) + 1
    offs = np.arange(k)
    # Windows laid out (k, k, n): the segments along the last axis, so that every element-wise
    # operation runs over hundreds of contiguous values (with the k-long axis last, numpy spent most
    # of its time on loop overhead).
    px = lo[:, 0] + offs[None, :, None]  # (1, k, n) pixel columns
    py = lo[:, 1] + offs[:, None, None]  # (k, 1, n) pixel rows
    ab = b - a
    len2 = (ab * ab).sum(axis=1)
    len2 = np.where(len2 > 0, len2, 1.0)
    abx, aby = ab[:, 0], ab[:, 1]
    dx = px + 0.5 - a[:, 0]
    dy = py + 0.5 - a[:, 1]
    u = (dx * abx + dy * aby) / len2
    np.maximum(u, 0.0, out=u)  # clip to the segment (np.clip is several times slower)
    np.minimum(u, 1.0, out=u)
    ex, ey = dx - u * abx, dy - u * aby
    ex *= ex
    ey *= ey
    ex += ey
    dist = np.sqrt(ex, out=ex)  # (n, k, k); np.hypot is not vectorised and dominated a render
    # Scatter into an image padded by k on every side: kept windows start at >= -k and < w (or h),
    # so every index lands inside without clipping.
    pad = k
    wp = w + 2 * pad
    flat = ((py + pad) * wp + (px + pad)).ravel()
    near = np.full((h + 2 * pad) * wp, np.inf)
    np.minimum.at(near, flat, dist.ravel())
    near = near.reshape(h + 2 * pad, wp)[pad:pad + h, pad:pad + w]
    ink = (r_out - near) / edge
    np.maximum(ink, 0.0, out=ink)  # clip to [0, 1] in place (np.clip is several times slower)
    np.minimum(ink, 1.0, out=ink)
    return ink.astype(np.float32)
