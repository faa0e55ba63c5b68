"""Synthetic handwritten digits: stroke templates per digit and style, jittered, rendered like the pad.

MNIST was written mostly by American hands; it barely contains sevens with a crossbar, nines whose
tail curls back to the left, ones with a long flag and a base, and other styles common elsewhere.
Each digit here has several allographs (skeleton templates made of spline and arc pieces); a sample
picks one, jitters its control points (as a careful or a sloppy hand would; a stroke after a pen
lift lands a little off), slants, rotates and stretches it, places it in the pad's
280 px canvas at 60-80 % of its height, and goes through the pad's own preprocessing
(`preprocess.strokes_to_input`), so the network trains on exactly the input distribution it sees.

Template coordinates: x to the right, y UP, the digit roughly in x 0..0.6, y 0..1.
"""

from __future__ import annotations

import numpy as np

CANVAS = 280

# A stroke is a list of pieces; consecutive pieces join at a corner.
#   ("s", [(x, y), ...])            Catmull-Rom spline through the points
#   ("a", cx, cy, rx, ry, a0, a1)   elliptic arc, angles in degrees (counter-clockwise, y up)
# A template is (weight, [stroke, ...]).


def _s(*pts):
    return ("s", [tuple(p) for p in pts])


def _a(cx, cy, rx, ry, a0, a1):
    return ("a", cx, cy, rx, ry, a0, a1)


TEMPLATES: dict[int, list] = {
    0: [
        (3, [[_a(0.3, 0.5, 0.27, 0.48, 95, 95 + 370)]]),  # counter-clockwise from the top
        (2, [[_a(0.3, 0.5, 0.27, 0.48, 85, 85 - 375)]]),  # clockwise
        (1, [[_a(0.3, 0.5, 0.22, 0.48, 60, 60 + 380)]]),  # narrow, starts top right
    ],
    1: [
        (4, [[_s((0.3, 1.0), (0.3, 0.0))]]),
        (3, [[_s((0.1, 0.78), (0.3, 1.0)), _s((0.3, 1.0), (0.3, 0.0))]]),  # flag
        (2, [[_s((0.05, 0.72), (0.3, 1.0)), _s((0.3, 1.0), (0.3, 0.0))],  # flag and base
             [_s((0.08, 0.0), (0.52, 0.0))]]),
        (2, [[_s((0.0, 0.6), (0.32, 1.0)), _s((0.32, 1.0), (0.32, 0.0))]]),  # long European flag
    ],
    2: [
        (4, [[_a(0.3, 0.72, 0.26, 0.26, 160, -20), _s((0.54, 0.63), (0.3, 0.3), (0.02, 0.0)),
              _s((0.02, 0.0), (0.6, 0.0))]]),
        (2, [[_a(0.3, 0.72, 0.26, 0.26, 160, -20), _s((0.54, 0.63), (0.25, 0.3), (0.06, 0.08),
                                                      (0.2, 0.14), (0.16, 0.0), (0.06, 0.03)),
              _s((0.06, 0.03), (0.35, 0.0), (0.6, 0.02))]]),  # loop at the base
        (1, [[_a(0.3, 0.75, 0.25, 0.22, 170, -5), _s((0.55, 0.73), (0.0, 0.0)),
              _s((0.0, 0.0), (0.6, 0.0))]]),  # straight diagonal
        (1, [[_a(0.3, 0.72, 0.26, 0.26, 150, -30), _s((0.52, 0.6), (0.2, 0.25), (0.03, 0.02)),
              _s((0.03, 0.02), (0.3, 0.08), (0.6, 0.03))]]),  # wavy base
    ],
    3: [
        (4, [[_a(0.28, 0.75, 0.24, 0.24, 150, -90), _a(0.28, 0.27, 0.28, 0.26, 90, -150)]]),
        (2, [[_s((0.05, 1.0), (0.55, 1.0)), _s((0.55, 1.0), (0.22, 0.55)),
              _a(0.28, 0.29, 0.28, 0.27, 90, -150)]]),  # flat top
        (1, [[_a(0.3, 0.76, 0.22, 0.22, 160, -80), _s((0.25, 0.54), (0.3, 0.54)),
              _a(0.3, 0.27, 0.28, 0.27, 95, -160)]]),  # pointy middle
        (2, [[_a(0.3, 0.76, 0.22, 0.23, 270, 270 - 360), _a(0.28, 0.27, 0.28, 0.26, 90, -150)]]),
        # a closed top loop, begun and ended at the waist (read as 9 before)
    ],
    4: [
        (3, [[_s((0.4, 1.0), (0.0, 0.32)), _s((0.0, 0.32), (0.62, 0.32))],
             [_s((0.45, 0.75), (0.45, 0.0))]]),  # closed top
        (3, [[_s((0.08, 1.0), (0.04, 0.38)), _s((0.04, 0.38), (0.6, 0.38))],
             [_s((0.46, 0.85), (0.46, 0.0))]]),  # open top
        (2, [[_s((0.44, 1.0), (0.0, 0.32)), _s((0.0, 0.32), (0.62, 0.32))],
             [_s((0.44, 1.0), (0.44, 0.0))]]),  # closed, stem from the apex
        (1, [[_s((0.1, 1.0), (0.05, 0.38)), _s((0.05, 0.38), (0.45, 0.4)), _s((0.45, 0.4), (0.47, 1.0)),
              _s((0.47, 1.0), (0.45, 0.0))]]),  # one stroke, open
        # Issue 15's real writers (read as 5, 9 or 1 by the models before):
        (2, [[_s((0.1, 1.0), (0.03, 0.66), (0.12, 0.44), (0.36, 0.38), (0.5, 0.55), (0.55, 1.0)),
              _s((0.55, 1.0), (0.5, 0.0))]]),  # one stroke, curved like a reversed S
        (2, [[_s((0.32, 1.0), (0.02, 0.4)), _s((0.02, 0.4), (0.6, 0.4)), _s((0.6, 0.4), (0.47, 0.94)),
              _s((0.47, 0.94), (0.44, 0.0))]]),  # one-stroke zigzag, the stem retraced
        (2, [[_s((0.46, 0.78), (0.2, 0.42)), _s((0.2, 0.42), (0.4, 0.36), (0.48, 0.5)),
              _s((0.48, 0.5), (0.49, 1.0)), _s((0.49, 1.0), (0.47, 0.0))]]),  # narrow, tiny loop
    ],
    5: [
        (3, [[_s((0.1, 1.0), (0.07, 0.58)), _a(0.27, 0.3, 0.28, 0.28, 130, -145)],
             [_s((0.1, 1.0), (0.58, 1.0))]]),
        (2, [[_s((0.58, 1.0), (0.1, 1.0)), _s((0.1, 1.0), (0.07, 0.58)),
              _a(0.27, 0.3, 0.28, 0.28, 130, -145)]]),  # one stroke
        (1, [[_s((0.12, 1.0), (0.05, 0.52)), _a(0.3, 0.3, 0.27, 0.3, 140, -120)],
             [_s((0.12, 1.0), (0.6, 1.02))]]),  # rounder belly
    ],
    6: [
        (3, [[_s((0.5, 1.0), (0.22, 0.75), (0.05, 0.35)), _a(0.3, 0.27, 0.26, 0.27, 180, 180 + 350)]]),
        (2, [[_s((0.45, 1.0), (0.1, 0.6), (0.05, 0.3)), _a(0.3, 0.25, 0.25, 0.25, 185, 185 + 340)]]),
        (1, [[_s((0.55, 0.95), (0.35, 1.0), (0.1, 0.8), (0.03, 0.3)),
              _a(0.3, 0.28, 0.27, 0.28, 180, 180 + 360)]]),
        (2, [[_s((0.52, 1.0), (0.3, 0.72), (0.2, 0.38), (0.2, 0.15)),
              _a(0.33, 0.16, 0.14, 0.15, 190, 190 + 340)]]),  # tall stem, tiny loop
    ],
    7: [
        (3, [[_s((0.0, 1.0), (0.6, 1.0)), _s((0.6, 1.0), (0.2, 0.0))]]),
        (4, [[_s((0.0, 1.0), (0.6, 1.0)), _s((0.6, 1.0), (0.22, 0.0))],
             [_s((0.14, 0.5), (0.6, 0.5))]]),  # crossbar
        (2, [[_s((0.0, 0.88), (0.02, 1.0)), _s((0.02, 1.0), (0.6, 1.0)),
              _s((0.6, 1.0), (0.38, 0.5), (0.28, 0.0))]]),  # serif and curved stem
        (2, [[_s((0.0, 1.0), (0.6, 1.0)), _s((0.6, 1.0), (0.4, 0.5), (0.3, 0.0))],
             [_s((0.2, 0.52), (0.62, 0.5))]]),  # crossbar, curved stem
        (3, [[_s((0.0, 1.0), (0.6, 1.0)), _s((0.6, 1.0), (0.43, 0.58), (0.3, 0.16), (0.19, 0.02), (0.07, 0.05))],
             [_s((0.16, 0.42), (0.56, 0.43))]]),  # low crossbar, the foot hooking left
        (2, [[_s((0.02, 1.0), (0.58, 0.98)), _s((0.58, 0.98), (0.45, 0.6), (0.33, 0.22), (0.16, 0.0))],
             [_s((0.2, 0.38), (0.6, 0.4))]]),  # low crossbar, the foot curving left
    ],
    8: [
        (3, [[_s((0.52, 0.88), (0.3, 1.0), (0.08, 0.85), (0.15, 0.62), (0.45, 0.42), (0.56, 0.2),
                 (0.3, 0.0), (0.04, 0.18), (0.15, 0.42), (0.45, 0.62), (0.52, 0.86), (0.32, 1.0))]]),
        (2, [[_a(0.3, 0.76, 0.2, 0.23, 90, 90 + 360)], [_a(0.3, 0.27, 0.27, 0.27, 90, 90 - 360)]]),
        (1, [[_s((0.3, 0.52), (0.05, 0.75), (0.3, 1.0), (0.55, 0.75), (0.3, 0.52), (0.02, 0.26),
                 (0.3, 0.0), (0.58, 0.26), (0.3, 0.52))]]),
    ],
    9: [
        (3, [[_a(0.3, 0.73, 0.26, 0.25, 10, 10 + 355), _s((0.56, 0.75), (0.53, 0.0))]]),  # straight
        (4, [[_a(0.3, 0.73, 0.26, 0.25, 10, 10 + 355),
              _s((0.56, 0.75), (0.55, 0.3), (0.45, 0.06), (0.25, 0.0), (0.06, 0.1))]]),  # hooked
        (2, [[_a(0.3, 0.73, 0.26, 0.25, 10, 10 + 355),
              _s((0.56, 0.75), (0.52, 0.35), (0.38, 0.08), (0.18, 0.0))]]),  # curved tail
        (1, [[_a(0.32, 0.74, 0.25, 0.24, 0, 360), _s((0.57, 0.74), (0.33, 0.0))]]),  # slanted stem
        (2, [[_a(0.3, 0.76, 0.26, 0.24, 200, -10),
              _s((0.56, 0.72), (0.54, 0.3), (0.42, 0.04), (0.2, 0.0), (0.04, 0.14))]]),  # loop open
        # at the bottom left, then a hooked tail: the 9 that MNIST nets read as 3
        (3, [[_a(0.33, 0.82, 0.2, 0.16, 10, 10 + 355),
              _s((0.53, 0.83), (0.56, 0.45), (0.46, 0.1), (0.26, 0.0), (0.08, 0.08), (0.1, 0.2))]]),
        # a small loop, its tail sweeping down and hooking back left under it, like a g
        (2, [[_a(0.38, 0.87, 0.13, 0.12, 15, 15 + 345), _s((0.51, 0.88), (0.46, 0.0))]]),
        # a tiny loop on a tall stem
        (2, [[_a(0.3, 0.74, 0.25, 0.24, 40, 330), _s((0.52, 0.62), (0.58, 0.94)), _s((0.58, 0.94), (0.52, 0.0))]]),
        # the loop left open at the right
    ],
}


def _catmull_rom(pts: np.ndarray, per_seg: int = 10) -> np.ndarray:
    """Points along a Catmull-Rom spline through `pts` (n, 2); straight for two points."""
    if len(pts) == 2:
        t = np.linspace(0.0, 1.0, per_seg + 1)[:, None]
        return pts[0] + t * (pts[1] - pts[0])
    ext = np.vstack([2 * pts[0] - pts[1], pts, 2 * pts[-1] - pts[-2]])
    t = np.linspace(0.0, 1.0, per_seg, endpoint=False)[:, None]
    out = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                          + (-p0 + 3 * p1 - 3 * p2 + p3) * t ** 3))
    out.append(pts[-1:])
    return np.vstack(out)


def _piece_points(piece, rng: np.random.Generator, jitter: float) -> np.ndarray:
    if piece[0] == "s":
        pts = np.array(piece[1], dtype=float)
        pts = pts + rng.normal(0.0, jitter, pts.shape)
        return _catmull_rom(pts)
    _, cx, cy, rx, ry, a0, a1 = piece
    cx, cy = cx + rng.normal(0, jitter), cy + rng.normal(0, jitter)
    rx = max(rx * (1 + rng.normal(0, 1.5 * jitter)), 0.05)
    ry = max(ry * (1 + rng.normal(0, 1.5 * jitter)), 0.05)
    a0 = a0 + rng.normal(0, 60 * jitter)
    a1 = a1 + rng.normal(0, 60 * jitter)
    ang = np.deg2rad(np.linspace(a0, a1, max(int(abs(a1 - a0) / 8), 4)))
    return np.column_stack([cx + rx * np.cos(ang), cy + ry * np.sin(ang)])


def template_strokes(digit: int, rng: np.random.Generator, style: int | None = None,
                     jitter: float | None = None) -> list[np.ndarray]:
    """One jittered skeleton of `digit` in template coordinates (y up): a list of (n, 2) arrays.

    jitter : standard deviation of the control points' displacement, in digit heights (default:
    drawn per digit between 0.02, a careful hand, and 0.06, a sloppy one)."""
    options = TEMPLATES[int(digit)]
    if style is None:
        w = np.array([o[0] for o in options], dtype=float)
        style = int(rng.choice(len(options), p=w / w.sum()))
    if jitter is None:
        jitter = rng.uniform(0.02, 0.06)
    strokes = []
    for n, stroke in enumerate(options[style][1]):
        parts = np.vstack([_piece_points(piece, rng, jitter) for piece in stroke])
        if n:  # a stroke after a pen lift starts a little off where it was meant to
            parts = parts + rng.normal(0.0, 0.6 * jitter, 2)
        strokes.append(parts)
    return strokes


def place_strokes(strokes: list[np.ndarray], rng: np.random.Generator,
                  canvas: int = CANVAS) -> list[np.ndarray]:
    """Slant, rotate, stretch and place template strokes (y up) in the canvas (pixels, y down).

    The digit's height is 60-80 % of the canvas, its position random within the canvas."""
    allp = np.vstack(strokes)
    centre = allp.mean(axis=0)
    slant = rng.normal(0.12, 0.12)  # forward slant is the common one
    rot = np.deg2rad(rng.uniform(-8, 8))
    widen = rng.uniform(0.75, 1.3)
    c, s = np.cos(rot), np.sin(rot)
    out = []
    for st in strokes:
        p = st - centre
        p = p * np.array([widen, 1.0])
        p = p + np.column_stack([slant * p[:, 1], np.zeros(len(p))])
        p = p @ np.array([[c, s], [-s, c]])
        out.append(p)
    allp = np.vstack(out)
    lo, hi = allp.min(axis=0), allp.max(axis=0)
    height = rng.uniform(0.6, 0.8) * canvas
    k = height / max(hi[1] - lo[1], 1e-6)
    size = (hi - lo) * k
    ox = rng.uniform(0.0, max(canvas - size[0], 0.0))
    oy = rng.uniform(0.0, max(canvas - size[1], 0.0))
    placed = []
    for p in out:
        x = (p[:, 0] - lo[0]) * k + ox
        y = (hi[1] - p[:, 1]) * k + oy  # flip: canvas y points down
        placed.append(np.column_stack([x, y]).astype(np.float64))
    return placed


def synth_strokes(digit: int, rng: np.random.Generator, style: int | None = None) -> list[np.ndarray]:
    """A random synthetic `digit` as pad strokes: list of (n, 2) canvas points, y down."""
    return place_strokes(template_strokes(digit, rng, style), rng)


class SynthesisCancelled(Exception):
    """make_synthetic was asked to stop before it finished."""


def make_synthetic(n: int, rng: np.random.Generator, digits=None,
                   should_stop=None, progress=None) -> tuple[np.ndarray, np.ndarray]:
    """`n` synthetic digits through the pad's preprocessing.

    n : number of images; labels cycle evenly through `digits` (default 0-9) in a random order
    rng : the only source of randomness
    should_stop : optional callable polled every 256 digits; when it returns True the work is
        abandoned and SynthesisCancelled raised (60,000 digits take most of a minute)
    progress : optional callable progress(done, n), called every 256 digits and at the end
    returns : x, shape (n, 784) float32 in [0, 1]; t, shape (n,) uint8
    """
    from nnstudio.core.nn.memory import check_synthetic
    from nnstudio.core.digits.preprocess import strokes_to_input

    check_synthetic(int(n))  # NotEnoughMemory (a UserInputError) before the images are allocated
    digits = np.arange(10) if digits is None else np.asarray(digits)
    labels = np.resize(digits, int(n)).astype(np.uint8)
    rng.shuffle(labels)
    x = np.zeros((int(n), 784), dtype=np.float32)
    keep = np.ones(int(n), dtype=bool)
    for i, d in enumerate(labels):
        if i % 256 == 0:
            if should_stop is not None and should_stop():
                raise SynthesisCancelled(f"stopped after {i} of {int(n)} synthetic digits")
            if progress is not None:
                progress(i, int(n))
        img = strokes_to_input(synth_strokes(int(d), rng), CANVAS)
        if img is None:  # cannot happen for these templates; never train on a blank
            keep[i] = False
            continue
        x[i] = img
    if progress is not None:
        progress(int(n), int(n))
    if keep.all():  # (always, for these templates): no second copy of every image
        return x, labels
    return x[keep], labels[keep]
