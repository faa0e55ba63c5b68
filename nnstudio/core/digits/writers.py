"""A second proxy of real handwriting: simulated writers replayed as mouse drags (evaluation only).

Built from what real pen writers do that models miss (issue 15), and independent of both the
training generator (`synth.py`) and the first proxy (`handwriting.py`): its own shapes (cubic
Bézier strokes, y pointing down, drawn per style from the described allographs), its own hand
(a minimum-jerk speed profile along each stroke, corners cut by a hand-sized smoothing, slow drift,
mouse events every 7-17 ms on whole pixels) and its own placement (60-80 % of the 280 px pad's
height, a right slant up to 0.3, and one digit in eight dragged partly past the pad's edge, whose
points are kept as the mouse reports them).

The styles (weights are the share of writers using them, not of errors):
0 ovals and narrow slanted ovals; 1 plain, flagged, with a base; 2 round, angular, looped;
3 round, flat-topped, closed-top; 4 open, closed-top, one stroke as a curved "ч" (reversed S),
one stroke as a retraced zigzag, narrow with a tiny loop; 5 two strokes and one; 6 round and
tall-stemmed with a tiny loop; 7 plain, crossed with a low bar and a foot curving left, serifed;
8 figure-eight and two loops; 9 straight stem, hooked tail like a g, tiny loop on a tall stem,
loop left open at the right.

`non_digit_strokes` draws what is not one digit (scribbles, stars, lines, dots, rows of two or three
digits, tiny drags) to test the pad's refusals; it never feeds training either.
"""

from __future__ import annotations

import numpy as np

CANVAS = 280
DEFAULT_PER_DIGIT = 200
DEFAULT_SEED = 4_242_017  # far from the trainer's small seeds and the first proxy's 90210

P = tuple[float, float]

# A stroke: (start, [(control 1, control 2, end), ...]) of cubic Bézier pieces, unit box, y DOWN,
# x from 0 (left) to 1 (right) before the writer's width is applied.


def _line(a: P, b: P):
    """A straight cubic piece from a to b (controls on the segment)."""
    return ((a[0] + (b[0] - a[0]) / 3, a[1] + (b[1] - a[1]) / 3),
            (a[0] + 2 * (b[0] - a[0]) / 3, a[1] + 2 * (b[1] - a[1]) / 3), b)


def _poly(*pts: P):
    """A polyline as a stroke of straight pieces."""
    return (pts[0], [_line(a, b) for a, b in zip(pts[:-1], pts[1:])])


# digit -> {style name: (weight, [stroke, ...])}
STYLES: dict[int, dict] = {
    0: {
        "oval": (5, [((0.55, 0.02), [((0.1, 0.0), (0.0, 0.5), (0.1, 0.85)),
                                     ((0.2, 1.05), (0.85, 1.05), (0.95, 0.6)),
                                     ((1.02, 0.2), (0.8, -0.02), (0.45, 0.04))])]),
        "narrow": (3, [((0.7, 0.05), [((0.3, -0.05), (0.1, 0.6), (0.25, 0.92)),
                                      ((0.4, 1.08), (0.85, 0.9), (0.85, 0.45)),
                                      ((0.85, 0.05), (0.7, -0.02), (0.55, 0.08))])]),
    },
    1: {
        "plain": (4, [_poly((0.5, 0.0), (0.48, 1.0))]),
        "flag": (4, [_poly((0.15, 0.3), (0.55, 0.0), (0.52, 1.0))]),
        "base": (2, [_poly((0.25, 0.2), (0.55, 0.0), (0.53, 1.0)), _poly((0.2, 1.0), (0.85, 0.99))]),
    },
    2: {
        "round": (5, [((0.08, 0.25), [((0.15, -0.05), (0.85, -0.08), (0.85, 0.3)),
                                      ((0.85, 0.5), (0.4, 0.75), (0.05, 0.98)),
                                      _line((0.05, 0.98), (0.95, 0.97))])]),
        "angular": (2, [_poly((0.1, 0.15), (0.5, 0.0), (0.85, 0.2), (0.05, 1.0), (0.95, 0.98))]),
        "looped": (2, [((0.1, 0.22), [((0.2, -0.05), (0.9, -0.05), (0.8, 0.35)),
                                      ((0.7, 0.6), (0.2, 0.8), (0.1, 0.95)),
                                      ((0.05, 1.05), (0.4, 0.85), (0.3, 0.8)),
                                      ((0.2, 0.8), (0.3, 1.0), (0.95, 0.97))])]),
    },
    3: {
        "round": (5, [((0.1, 0.12), [((0.3, -0.05), (0.9, 0.0), (0.8, 0.25)),
                                     ((0.72, 0.42), (0.4, 0.45), (0.35, 0.47)),
                                     ((0.9, 0.45), (1.0, 0.8), (0.65, 0.97)),
                                     ((0.4, 1.05), (0.1, 0.95), (0.05, 0.85))])]),
        "flat_top": (2, [((0.08, 0.02), [_line((0.08, 0.02), (0.85, 0.02)), _line((0.85, 0.02), (0.4, 0.4)),
                                         ((0.9, 0.38), (1.0, 0.85), (0.6, 0.98)),
                                         ((0.35, 1.04), (0.12, 0.95), (0.05, 0.82))])]),
        # the top bowl closes back on itself: begins at the waist, loops up and over, returns
        "closed_top": (2, [((0.45, 0.46), [((0.05, 0.45), (0.05, 0.0), (0.45, 0.0)),
                                           ((0.85, 0.0), (0.85, 0.42), (0.45, 0.46)),
                                           ((0.95, 0.5), (1.0, 0.85), (0.6, 0.98)),
                                           ((0.35, 1.05), (0.1, 0.95), (0.05, 0.82))])]),
    },
    4: {
        "open": (4, [_poly((0.2, 0.0), (0.05, 0.62), (0.95, 0.62)), _poly((0.7, 0.15), (0.68, 1.0))]),
        "closed_top": (3, [_poly((0.65, 0.0), (0.03, 0.65), (0.95, 0.65)), _poly((0.68, 0.02), (0.66, 1.0))]),
        # one stroke, curved like a reversed S / "ч": down, round the bottom, up, then the stem
        "curved_one": (2, [((0.15, 0.0), [((0.05, 0.3), (0.1, 0.58), (0.45, 0.58)),
                                           ((0.7, 0.58), (0.8, 0.35), (0.82, 0.02)),
                                           _line((0.82, 0.02), (0.78, 1.0))])]),
        # one stroke zigzag: down-left, across, up the stem and back down over it
        "zigzag_one": (2, [_poly((0.35, 0.0), (0.05, 0.6), (0.9, 0.6), (0.72, 0.08), (0.7, 1.0))]),
        # narrow, the diagonal and bar making a tiny loop against the stem
        "narrow_loop": (2, [((0.62, 0.25), [_line((0.62, 0.25), (0.35, 0.58)),
                                             ((0.45, 0.65), (0.75, 0.6), (0.72, 0.45)),
                                             _line((0.72, 0.45), (0.72, 0.02)),
                                             _line((0.72, 0.02), (0.7, 1.0))])]),
    },
    5: {
        "two": (5, [((0.2, 0.02), [_line((0.2, 0.02), (0.12, 0.45)),
                                   ((0.5, 0.3), (0.95, 0.5), (0.85, 0.8)),
                                   ((0.75, 1.05), (0.25, 1.05), (0.05, 0.88))]),
                    _poly((0.2, 0.02), (0.9, 0.0))]),
        "one": (3, [((0.9, 0.02), [_line((0.9, 0.02), (0.2, 0.03)), _line((0.2, 0.03), (0.12, 0.45)),
                                   ((0.5, 0.3), (0.95, 0.5), (0.85, 0.8)),
                                   ((0.75, 1.05), (0.25, 1.05), (0.05, 0.88))])]),
    },
    6: {
        "round": (5, [((0.8, 0.03), [((0.35, 0.1), (0.05, 0.5), (0.12, 0.85)),
                                     ((0.2, 1.05), (0.8, 1.05), (0.85, 0.75)),
                                     ((0.88, 0.45), (0.3, 0.45), (0.13, 0.72))])]),
        # a tall curved stem and a tiny loop at its foot
        "tall_stem": (3, [((0.75, 0.0), [((0.4, 0.2), (0.25, 0.55), (0.3, 0.85)),
                                         ((0.35, 1.02), (0.7, 1.02), (0.68, 0.85)),
                                         ((0.65, 0.7), (0.4, 0.72), (0.32, 0.8))])]),
    },
    7: {
        "plain": (4, [_poly((0.05, 0.03), (0.92, 0.02), (0.45, 1.0))]),
        # the bar low (60 % down), the stem curving and hooking left at the foot
        "crossed_hook": (4, [((0.05, 0.05), [_line((0.05, 0.05), (0.92, 0.02)),
                                             ((0.7, 0.3), (0.55, 0.7), (0.5, 0.9)),
                                             ((0.45, 1.02), (0.3, 1.02), (0.22, 0.93))]),
                             _poly((0.3, 0.58), (0.85, 0.55))]),
        "crossed": (2, [_poly((0.05, 0.03), (0.92, 0.02), (0.42, 1.0)), _poly((0.35, 0.52), (0.88, 0.5))]),
        "serif": (2, [_poly((0.05, 0.2), (0.08, 0.02), (0.92, 0.03), (0.45, 1.0))]),
    },
    8: {
        "eight": (5, [((0.85, 0.12), [((0.7, -0.05), (0.1, -0.05), (0.2, 0.25)),
                                      ((0.3, 0.45), (0.95, 0.55), (0.85, 0.85)),
                                      ((0.75, 1.05), (0.15, 1.05), (0.15, 0.8)),
                                      ((0.2, 0.55), (0.9, 0.4), (0.82, 0.1))])]),
        "two_loops": (3, [((0.5, 0.45), [((0.05, 0.4), (0.15, 0.0), (0.5, 0.0)),
                                         ((0.85, 0.0), (0.9, 0.4), (0.5, 0.45)),
                                         ((0.0, 0.5), (0.05, 1.0), (0.5, 1.0)),
                                         ((0.95, 1.0), (1.0, 0.5), (0.5, 0.45))])]),
    },
    9: {
        "straight": (4, [((0.85, 0.12), [((0.6, -0.05), (0.05, 0.0), (0.12, 0.3)),
                                         ((0.2, 0.5), (0.8, 0.48), (0.85, 0.12)),
                                         _line((0.85, 0.12), (0.8, 1.0))])]),
        # a small loop, the tail sweeping down and hooking back left under it, like a g
        "hooked_g": (4, [((0.8, 0.15), [((0.6, -0.02), (0.15, 0.0), (0.2, 0.25)),
                                        ((0.25, 0.45), (0.75, 0.42), (0.8, 0.15)),
                                        ((0.85, 0.5), (0.85, 0.85), (0.6, 0.97)),
                                        ((0.4, 1.05), (0.15, 0.95), (0.1, 0.82))])]),
        # a tiny, nearly closed loop on a tall stem
        "tiny_loop": (3, [((0.75, 0.07), [((0.55, -0.03), (0.3, 0.02), (0.35, 0.17)),
                                          ((0.4, 0.3), (0.72, 0.28), (0.76, 0.1)),
                                          _line((0.76, 0.1), (0.7, 1.0))])]),
        # the loop left open at the right: begun below the top, the stem not joining it
        "open_loop": (2, [((0.72, 0.3), [((0.8, 0.05), (0.3, -0.05), (0.12, 0.2)),
                                         ((0.0, 0.45), (0.5, 0.5), (0.78, 0.4)),
                                         _line((0.78, 0.4), (0.85, 0.05)),
                                         _line((0.85, 0.05), (0.8, 1.0))])]),
    },
}


def _bezier_points(start: np.ndarray, pieces: list, per_piece: int = 24) -> np.ndarray:
    """Dense points along a chain of cubic Bézier pieces (n, 2)."""
    t = np.linspace(0.0, 1.0, per_piece + 1)[1:, None]
    out, p0 = [start[None]], start
    for c1, c2, p3 in pieces:
        c1, c2, p3 = np.asarray(c1), np.asarray(c2), np.asarray(p3)
        u = 1.0 - t
        out.append(u ** 3 * p0 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t ** 3 * p3)
        p0 = p3
    return np.vstack(out)


def _smooth(pts: np.ndarray, radius: float) -> np.ndarray:
    """Cut corners as a hand does: average the path over a window of `radius` (same units)."""
    seg = np.hypot(*np.diff(pts, axis=0).T)
    s = np.concatenate(([0.0], np.cumsum(seg)))
    if s[-1] <= 0 or radius <= 0:
        return pts
    n = max(int(s[-1] / (radius / 4)) + 2, 8)
    u = np.linspace(0.0, s[-1], n)
    even = np.column_stack((np.interp(u, s, pts[:, 0]), np.interp(u, s, pts[:, 1])))
    k = max(int(round(4 * 1.0)), 1)  # window of ±radius in steps of radius/4
    w = np.exp(-0.5 * (np.arange(-k, k + 1) / (k / 1.5)) ** 2)
    w /= w.sum()
    padded = np.vstack([np.repeat(even[:1], k, 0), even, np.repeat(even[-1:], k, 0)])
    return np.column_stack([np.convolve(padded[:, i], w, "valid") for i in range(2)])


def _drag(path: np.ndarray, rng: np.random.Generator, speed: float) -> np.ndarray:
    """The mouse events of one drag along `path` (canvas pixels): minimum-jerk timing, 7-17 ms apart."""
    seg = np.hypot(*np.diff(path, axis=0).T)
    s = np.concatenate(([0.0], np.cumsum(seg)))
    total = float(s[-1])
    if total <= 0:
        return np.round(path[:1])
    duration = max(total / speed, 0.08)
    times = np.cumsum(rng.uniform(0.007, 0.017, int(duration / 0.007) + 2))
    tau = np.concatenate(([0.0], times[times < duration] / duration, [1.0]))
    frac = 10 * tau ** 3 - 15 * tau ** 4 + 6 * tau ** 5  # minimum-jerk progress along the path
    pts = np.column_stack((np.interp(frac * total, s, path[:, 0]), np.interp(frac * total, s, path[:, 1])))
    return np.round(pts)  # mouse positions arrive in whole pixels


def writer_strokes(digit: int, rng: np.random.Generator, style: str | None = None,
                   off_pad: bool | None = None, slant: float | None = None) -> list[np.ndarray]:
    """One simulated writer's `digit` as the pad would receive it: list of (n, 2) canvas points.

    style : a key of STYLES[digit] (default: drawn by weight)
    off_pad : drag part of the digit past the pad's edge (default: one time in eight); points
        outside 0..CANVAS are kept, as the mouse reports them
    slant : the writer's right slant (default: drawn between -0.05 and 0.3)
    """
    options = STYLES[int(digit)]
    names = list(options)
    if style is None:
        w = np.array([options[n][0] for n in names], dtype=float)
        style = names[int(rng.choice(len(names), p=w / w.sum()))]
    strokes = options[style][1]
    width = rng.uniform(0.45, 0.8)  # width over height of the writer's digits
    drawn_slant = rng.uniform(-0.05, 0.3)  # x shifts by slant * height going up
    slant = drawn_slant if slant is None else float(slant)
    wobble = rng.uniform(0.01, 0.05)  # how far a hand misses each control point
    hand = rng.uniform(0.0, 0.05)  # corner cutting, digit heights
    drift_amp = rng.uniform(0.0, 0.02)
    paths = []
    for n, (start, pieces) in enumerate(strokes):
        start = np.asarray(start, float) + rng.normal(0.0, wobble, 2)
        pieces = [tuple(np.asarray(c, float) + rng.normal(0.0, wobble, 2) for c in piece) for piece in pieces]
        pts = _bezier_points(start, pieces)
        if n:  # after a pen lift the hand lands a little off
            pts = pts + rng.normal(0.0, 0.025, 2)
        phase = rng.uniform(0, 2 * np.pi, 2)
        t = np.linspace(0.0, 1.0, len(pts))[:, None]
        pts = pts + drift_amp * np.sin(2 * np.pi * t * rng.uniform(0.5, 1.5) + phase)
        pts = _smooth(pts, hand)
        x = (pts[:, 0] - 0.5) * width + slant * (0.5 - pts[:, 1])
        paths.append(np.column_stack((x, pts[:, 1])))
    allp = np.vstack(paths)
    lo, hi = allp.min(axis=0), allp.max(axis=0)
    height = rng.uniform(0.6, 0.8) * CANVAS
    k = height / max(hi[1] - lo[1], 1e-6)
    size = (hi - lo) * k
    if off_pad is None:
        off_pad = rng.random() < 0.125
    if off_pad:  # a quarter to a tenth of the digit past one edge
        over = rng.uniform(0.1, 0.25) * size
        side = int(rng.integers(4))
        ox = [-over[0], CANVAS - size[0] + over[0]][side % 2] if side < 2 else rng.uniform(0, CANVAS - size[0])
        oy = [-over[1], CANVAS - size[1] + over[1]][side % 2] if side >= 2 else rng.uniform(0, CANVAS - size[1])
    else:
        ox = rng.uniform(0.0, max(CANVAS - size[0], 0.0))
        oy = rng.uniform(0.0, max(CANVAS - size[1], 0.0))
    speed = rng.uniform(300.0, 900.0)  # pixels per second
    return [_drag((p - lo) * k + (ox, oy), rng, speed) for p in paths]


# ---------------------------------------------------------------------------- non-digits
NON_DIGIT_KINDS = ("scribble", "star", "line", "dot", "row", "tiny")


def non_digit_strokes(kind: str, rng: np.random.Generator) -> list[np.ndarray]:
    """Something that is not one digit, as pad strokes (canvas pixels, y down)."""
    speed = rng.uniform(300.0, 900.0)
    c = rng.uniform(90, 190, 2)
    if kind == "scribble":  # back and forth, or round and round
        n = int(rng.integers(6, 14))
        r = rng.uniform(40, 100)
        if rng.random() < 0.5:
            a = np.linspace(0, 2 * np.pi * n / 3, 30 * n)
            walk = np.cumsum(rng.normal(0, 0.04 * r, (len(a), 2)), axis=0)  # the centre wanders
            radius = r * (1 + 0.3 * np.sin(a / rng.uniform(2, 5)))
            pts = c + walk + np.column_stack((radius * np.cos(a), 0.7 * radius * np.sin(a)))
        else:
            ys = np.linspace(-r, r, n)
            xs = np.where(np.arange(n) % 2 == 0, -r, r) * rng.uniform(0.7, 1.0, n)
            pts = c + np.column_stack((xs, ys))
        return [_drag(_smooth(pts, 3.0), rng, speed)]
    if kind == "star":
        r = rng.uniform(60, 110)
        a0 = rng.uniform(0, 2 * np.pi)
        a = a0 + np.radians(np.arange(6) * 144.0)
        pts = c + r * np.column_stack((np.sin(a), -np.cos(a))) + rng.normal(0, 0.05 * r, (6, 2))
        if rng.random() < 0.4:  # an asterisk: three or four crossing lines
            m = int(rng.integers(3, 5))
            return [_drag(np.array([c - r * np.array([np.cos(b), np.sin(b)]), c + r * np.array([np.cos(b), np.sin(b)])]),
                          rng, speed) for b in a0 + np.pi * np.arange(m) / m]
        return [_drag(pts, rng, speed)]
    if kind == "line":  # horizontal to diagonal
        ang = np.radians(rng.choice([rng.uniform(-20, 20), rng.uniform(30, 50), rng.uniform(130, 150)]))
        half = rng.uniform(50, 120) * np.array([np.cos(ang), np.sin(ang)])
        pts = np.vstack([c - half, c + half])
        return [_drag(_smooth(np.vstack([pts[0], (pts[0] + pts[1]) / 2 + rng.normal(0, 2, 2), pts[1]]), 2.0),
                      rng, speed)]
    if kind == "dot":
        return [np.round(c + rng.normal(0, 1.0, (int(rng.integers(1, 4)), 2)))]
    if kind == "tiny":  # a short drag of 6-25 px, any direction
        ang = rng.uniform(0, 2 * np.pi)
        length = rng.uniform(6, 25)
        return [_drag(np.vstack([c, c + length * np.array([np.cos(ang), np.sin(ang)])]), rng, speed)]
    if kind == "row":  # two or three digits side by side
        count = int(rng.integers(2, 4))
        digits = rng.integers(0, 10, count)
        h = rng.uniform(0.25, 0.45) * CANVAS
        x0 = rng.uniform(5, 30)
        out = []
        for d in digits:
            one = writer_strokes(int(d), rng, off_pad=False)
            pts = np.vstack(one)
            lo, hi = pts.min(axis=0), pts.max(axis=0)
            k = h / max(hi[1] - lo[1], 1e-6)
            out += [(s - lo) * k + (x0, 80) for s in one]
            x0 += (hi[0] - lo[0]) * k + rng.uniform(10, 30)
        return out
    raise ValueError(f"unknown non-digit kind {kind!r}; choose from {', '.join(NON_DIGIT_KINDS)}")


# ---------------------------------------------------------------------------- sets
_CACHE: dict = {}


def make_writer_strokes(per_digit: int = DEFAULT_PER_DIGIT, seed: int = DEFAULT_SEED):
    """(list of strokes, labels uint8 (n,), style names) for `per_digit` digits of each class."""
    key = ("strokes", int(per_digit), int(seed))
    if key not in _CACHE:
        rng = np.random.default_rng(seed)
        items, labels, styles = [], [], []
        for d in range(10):
            names = list(STYLES[d])
            w = np.array([STYLES[d][n][0] for n in names], dtype=float)
            for _ in range(int(per_digit)):
                style = names[int(rng.choice(len(names), p=w / w.sum()))]
                items.append(writer_strokes(d, rng, style))
                labels.append(d)
                styles.append(style)
        _CACHE[key] = (items, np.asarray(labels, np.uint8), styles)
    return _CACHE[key]


def make_writer_set(per_digit: int = DEFAULT_PER_DIGIT, seed: int = DEFAULT_SEED):
    """The second proxy: x (n, 784) float32 as the pad gives it to the network, t (n,) uint8, styles."""
    key = ("x", int(per_digit), int(seed))
    if key not in _CACHE:
        from nnstudio.core.digits.preprocess import strokes_to_input

        items, t, styles = make_writer_strokes(per_digit, seed)
        x = np.asarray([strokes_to_input(s, CANVAS) for s in items], dtype=np.float32)
        x.flags.writeable = False
        _CACHE[key] = (x, t, styles)
    return _CACHE[key]


def make_non_digits(per_kind: int = 60, seed: int = DEFAULT_SEED + 1):
    """(list of strokes, kinds) of `per_kind` examples of each non-digit kind."""
    rng = np.random.default_rng(seed)
    items, kinds = [], []
    for kind in NON_DIGIT_KINDS:
        for _ in range(int(per_kind)):
            items.append(non_digit_strokes(kind, rng))
            kinds.append(kind)
    return items, kinds


def evaluate(network, per_digit: int = DEFAULT_PER_DIGIT, seed: int = DEFAULT_SEED):
    """Accuracy of `network` on the second proxy: (overall, per-digit ndarray (10,), per-style dict)."""
    x, t, styles = make_writer_set(per_digit, seed)
    correct = np.asarray(network.predict_labels(x)) == t
    per_digit_acc = np.array([correct[t == d].mean() for d in range(10)])
    per_style: dict = {}
    for d in range(10):
        for name in STYLES[d]:
            sel = (t == d) & np.array([s == name for s in styles])
            if sel.any():
                per_style[f"{d} {name}"] = float(correct[sel].mean())
    return float(correct.mean()), per_digit_acc, per_style


def reading_rates(network, per_digit: int = 30, per_kind: int = 60, seed: int = DEFAULT_SEED) -> dict:
    """How the pad's honest reading (reading.read_strokes) treats the second proxy's digits and the
    non-digits: {"digits": n, "digit_refused", "digit_unsure", "digit_right" (read as a clear, right
    digit), "non_digits": n, "non_digit_refused", "refused_by_kind": {kind: rate}}."""
    from nnstudio.core.digits.reading import read_strokes

    items, t, _ = make_writer_strokes(per_digit, seed)
    kinds = [read_strokes(network, s, CANVAS)[1] for s in items]
    refused = np.array([r.kind == "not_digit" for r in kinds])
    unsure = np.array([r.kind == "unsure" for r in kinds])
    right = np.array([r.kind == "digit" and r.label == d for r, d in zip(kinds, t)])
    others, names = make_non_digits(per_kind, seed + 1)
    no = np.array([read_strokes(network, s, CANVAS)[1].kind == "not_digit" for s in others])
    by_kind = {k: float(no[[n == k for n in names]].mean()) for k in NON_DIGIT_KINDS}
    return {"digits": len(items), "digit_refused": float(refused.mean()), "digit_unsure": float(unsure.mean()),
            "digit_right": float(right.mean()), "non_digits": len(others),
            "non_digit_refused": float(no.mean()), "refused_by_kind": by_kind}
