"""A proxy handwriting test set: pen-drawn digits simulated independently of `synth`, for evaluation.

The default model is judged on digits written with a pen by real people and replayed onto the pad as
mouse drags. This module imitates that with a generator that shares nothing with `synth.py` but the
pad's preprocessing: each digit is a list of waypoints (its own templates and style frequencies),
a simulated pen chases them as a damped spring with momentum (rounded corners, overshoot, uneven
speed), a writer's slant, proportions and tremor are drawn per sample, and the pen position is
recorded at irregular mouse-event intervals. Digits are 60-80 % of the 280 px canvas high.

It never feeds training: it exists so that the model is never judged by the MNIST test set alone.
"""

from __future__ import annotations

import numpy as np

CANVAS = 280
DEFAULT_PER_DIGIT = 100
DEFAULT_SEED = 90_210  # the synthetic training data draws from the trainer's seed: disjoint streams

# digit -> list of (frequency, [stroke waypoints ...]); waypoints (x, y), y UP, box x 0..0.6, y 0..1.
_STYLES: dict[int, list] = {
    0: [
        (5, [[(0.3, 1.0), (0.1, 0.88), (0.02, 0.55), (0.08, 0.15), (0.3, 0.0), (0.52, 0.15),
              (0.58, 0.55), (0.5, 0.88), (0.3, 1.0), (0.2, 0.94)]]),
        (3, [[(0.34, 0.98), (0.52, 0.86), (0.58, 0.5), (0.5, 0.12), (0.3, 0.0), (0.1, 0.12),
              (0.02, 0.5), (0.1, 0.86), (0.3, 1.0)]]),
        (2, [[(0.45, 0.95), (0.22, 0.96), (0.05, 0.7), (0.05, 0.3), (0.25, 0.02), (0.5, 0.1),
              (0.58, 0.45), (0.52, 0.82), (0.4, 0.9)]]),  # left open at the top
    ],
    1: [
        (3, [[(0.3, 1.0), (0.29, 0.0)]]),
        (4, [[(0.15, 0.82), (0.31, 1.0), (0.3, 0.0)]]),
        (2, [[(0.0, 0.66), (0.33, 1.0), (0.31, 0.0)]]),  # long up-stroke
        (2, [[(0.13, 0.8), (0.32, 1.0), (0.3, 0.0)], [(0.1, 0.0), (0.52, 0.0)]]),  # with base
    ],
    2: [
        (5, [[(0.04, 0.78), (0.18, 0.97), (0.42, 0.98), (0.56, 0.8), (0.48, 0.58), (0.26, 0.33),
              (0.03, 0.02), (0.33, 0.03), (0.6, 0.02)]]),
        (3, [[(0.04, 0.8), (0.22, 0.99), (0.46, 0.95), (0.53, 0.74), (0.35, 0.45), (0.08, 0.1),
              (0.05, 0.02), (0.2, 0.12), (0.16, 0.0), (0.03, 0.05), (0.3, 0.04), (0.6, 0.0)]]),  # loop
        (2, [[(0.06, 0.85), (0.3, 1.0), (0.55, 0.86), (0.02, 0.0), (0.6, 0.0)]]),  # angular
    ],
    3: [
        (5, [[(0.05, 0.88), (0.25, 1.0), (0.48, 0.93), (0.52, 0.73), (0.26, 0.55), (0.5, 0.45),
              (0.57, 0.22), (0.4, 0.02), (0.15, 0.0), (0.02, 0.12)]]),
        (3, [[(0.04, 1.0), (0.56, 1.0), (0.24, 0.6), (0.48, 0.52), (0.58, 0.26), (0.38, 0.01),
              (0.02, 0.1)]]),  # flat top
        (2, [[(0.08, 0.92), (0.3, 1.0), (0.5, 0.85), (0.32, 0.56), (0.2, 0.55), (0.52, 0.4),
              (0.52, 0.12), (0.3, 0.0), (0.05, 0.08)]]),
    ],
    4: [
        (4, [[(0.44, 1.0), (0.03, 0.34), (0.62, 0.34)], [(0.46, 0.8), (0.45, 0.0)]]),  # closed
        (4, [[(0.1, 1.0), (0.05, 0.42), (0.6, 0.42)], [(0.47, 0.92), (0.46, 0.0)]]),  # open
        (2, [[(0.12, 1.0), (0.04, 0.42), (0.46, 0.44), (0.5, 1.0), (0.47, 0.0)]]),  # one stroke
    ],
    5: [
        (5, [[(0.12, 1.0), (0.08, 0.58), (0.32, 0.64), (0.53, 0.47), (0.56, 0.22), (0.36, 0.01),
              (0.04, 0.08)], [(0.12, 1.0), (0.56, 1.0)]]),
        (3, [[(0.56, 1.0), (0.12, 1.0), (0.08, 0.56), (0.3, 0.62), (0.54, 0.45), (0.55, 0.2),
              (0.34, 0.0), (0.03, 0.1)]]),
        (2, [[(0.12, 1.0), (0.06, 0.5), (0.4, 0.55), (0.58, 0.3), (0.45, 0.04), (0.08, 0.04)],
             [(0.14, 1.0), (0.58, 0.98)]]),
    ],
    6: [
        (5, [[(0.48, 1.0), (0.24, 0.8), (0.07, 0.5), (0.06, 0.2), (0.26, 0.0), (0.5, 0.1),
              (0.53, 0.35), (0.3, 0.5), (0.08, 0.33)]]),
        (3, [[(0.55, 0.95), (0.3, 1.0), (0.1, 0.8), (0.03, 0.4), (0.15, 0.05), (0.4, 0.0),
              (0.55, 0.2), (0.45, 0.45), (0.2, 0.45), (0.05, 0.3)]]),
        (2, [[(0.5, 1.0), (0.2, 0.6), (0.1, 0.25), (0.3, 0.0), (0.48, 0.18), (0.35, 0.38),
              (0.12, 0.28)]]),  # small loop
    ],
    7: [
        (3, [[(0.02, 1.0), (0.6, 1.0), (0.3, 0.45), (0.2, 0.0)]]),
        (3, [[(0.02, 1.0), (0.6, 1.0), (0.32, 0.45), (0.22, 0.0)], [(0.14, 0.5), (0.55, 0.52)]]),
        (2, [[(0.0, 0.84), (0.06, 1.0), (0.6, 0.98), (0.36, 0.5), (0.28, 0.0)],
             [(0.18, 0.48), (0.58, 0.5)]]),  # serif and crossbar
        (2, [[(0.0, 0.97), (0.58, 1.0), (0.45, 0.7), (0.35, 0.35), (0.33, 0.0)],
             [(0.12, 0.55), (0.6, 0.55)]]),  # crossbar, bowed stem
        (1, [[(0.02, 0.94), (0.3, 1.0), (0.6, 0.98), (0.42, 0.55), (0.32, 0.0)]]),  # wavy top
    ],
    8: [
        (5, [[(0.52, 0.86), (0.3, 1.0), (0.07, 0.84), (0.16, 0.62), (0.46, 0.42), (0.56, 0.18),
              (0.3, 0.0), (0.04, 0.18), (0.14, 0.42), (0.44, 0.62), (0.52, 0.86), (0.34, 1.0)]]),
        (3, [[(0.3, 0.55), (0.06, 0.78), (0.3, 1.0), (0.54, 0.78), (0.3, 0.55), (0.02, 0.26),
              (0.3, 0.0), (0.58, 0.26), (0.3, 0.55)]]),
        (2, [[(0.45, 0.95), (0.15, 0.95), (0.12, 0.7), (0.5, 0.4), (0.45, 0.05), (0.12, 0.05),
              (0.12, 0.35), (0.5, 0.7), (0.48, 0.92)]]),
    ],
    9: [
        (3, [[(0.55, 0.86), (0.35, 1.0), (0.1, 0.92), (0.04, 0.7), (0.25, 0.52), (0.5, 0.6),
              (0.56, 0.82), (0.55, 0.0)]]),  # straight stem
        (3, [[(0.55, 0.86), (0.35, 1.0), (0.1, 0.92), (0.04, 0.7), (0.25, 0.52), (0.5, 0.6),
              (0.56, 0.82), (0.57, 0.4), (0.5, 0.12), (0.32, 0.0), (0.12, 0.04), (0.02, 0.18)]]),  # hook
        (2, [[(0.52, 0.88), (0.3, 1.0), (0.06, 0.86), (0.08, 0.62), (0.3, 0.55), (0.54, 0.7),
              (0.52, 0.3), (0.38, 0.06), (0.18, 0.0)]]),  # curved tail
        (1, [[(0.2, 0.62), (0.06, 0.8), (0.3, 1.0), (0.52, 0.88), (0.55, 0.6), (0.5, 0.2),
              (0.35, 0.02), (0.12, 0.0), (0.03, 0.12)]]),  # loop left open, hooked tail
        (2, [[(0.52, 0.66), (0.4, 0.54), (0.18, 0.55), (0.05, 0.72), (0.15, 0.93), (0.35, 1.0),
              (0.52, 0.92), (0.56, 0.75), (0.55, 0.4), (0.45, 0.08), (0.2, 0.0)]]),  # loop from its
        # bottom right, curved tail
    ],
}


def _pen_path(waypoints: np.ndarray, rng: np.random.Generator, omega: float, speed: float,
              tremor: float) -> np.ndarray:
    """Simulate a pen following `waypoints`; return the mouse-event samples (n, 2).

    A guide point runs along the waypoint polyline at a speed that changes from segment to segment
    and slows before sharp turns; the pen is a damped spring (natural frequency `omega`, rad/s)
    pulled towards the guide, so corners come out rounded and the pen lags and overshoots a little
    like a hand. A slowly wandering offset of the guide adds tremor. Mouse events arrive every
    6-16 ms."""
    seg = np.diff(waypoints, axis=0)
    seg_len = np.hypot(seg[:, 0], seg[:, 1])
    keep = seg_len > 1e-9
    seg, seg_len = seg[keep], seg_len[keep]
    if len(seg) == 0:
        return waypoints[:1].copy()
    # speed per segment: random, and slower into a sharp turn (cosine of the turning angle)
    seg_speed = speed * rng.uniform(0.6, 1.4, len(seg))
    unit = seg / seg_len[:, None]
    turn = np.ones(len(seg))
    turn[:-1] = (unit[:-1] * unit[1:]).sum(axis=1)
    seg_speed *= 0.55 + 0.45 * (1.0 + turn) / 2.0
    cum = np.concatenate([[0.0], np.cumsum(seg_len)])
    # The guide's arc length as a function of time, sampled every dt (piecewise constant speed).
    dt = 0.002  # simulated seconds per step (semi-implicit Euler is stable for omega*dt < 1)
    seg_time = np.concatenate([[0.0], np.cumsum(seg_len / seg_speed)])
    n = int(seg_time[-1] / dt) + 1
    arc = np.interp(np.arange(n) * dt, seg_time, cum)
    guide = np.column_stack([np.interp(arc, cum, waypoints[np.r_[True, keep], 0]),
                             np.interp(arc, cum, waypoints[np.r_[True, keep], 1])])
    settle = int(0.15 / dt)  # let the pen catch up with the end of the stroke
    guide = np.vstack([guide, np.repeat(guide[-1:], settle, axis=0)])
    # Tremor: white noise through a slow exponential filter, as an offset of the guide.
    noise = rng.normal(0.0, tremor, (len(guide) + 200, 2))
    kernel = 0.98 ** np.arange(200)
    wobble = np.column_stack([np.convolve(noise[:, 0], kernel, "valid"),
                              np.convolve(noise[:, 1], kernel, "valid")])[:len(guide)]
    gx, gy = (guide + wobble).T.tolist()
    damp = 2.0 * omega * float(rng.uniform(0.7, 1.0))  # a little under-damped
    k = omega * omega
    x, y = float(waypoints[0, 0]), float(waypoints[0, 1])
    vx, vy = float(unit[0, 0] * seg_speed[0] * 0.5), float(unit[0, 1] * seg_speed[0] * 0.5)
    # mouse events every 6-16 ms
    events = set(np.cumsum(np.round(rng.uniform(0.006, 0.016, len(gx)) / dt)).astype(int).tolist())
    ex, ey = float(waypoints[-1, 0]), float(waypoints[-1, 1])
    out = [(x, y)]
    for i in range(len(gx)):
        vx += (k * (gx[i] - x) - damp * vx) * dt
        vy += (k * (gy[i] - y) - damp * vy) * dt
        x += vx * dt
        y += vy * dt
        if i in events:
            out.append((x, y))
        if i >= n and (x - ex) ** 2 + (y - ey) ** 2 < 4e-4:
            break
    out.append((x, y))
    return np.array(out)


def pen_strokes(digit: int, rng: np.random.Generator, style: int | None = None) -> list[np.ndarray]:
    """One simulated pen-written `digit`: list of (n, 2) canvas points (pixels, y down)."""
    options = _STYLES[int(digit)]
    if style is None:
        w = np.array([o[0] for o in options], dtype=float)
        style = int(rng.choice(len(options), p=w / w.sum()))
    slant = rng.uniform(-0.12, 0.4)  # x += slant * y
    width = rng.uniform(0.7, 1.35)
    gamma = np.exp(rng.normal(0.0, 0.18))  # y -> y**gamma: top-heavy or bottom-heavy proportions
    taper = rng.uniform(-0.3, 0.3)  # wider at the top or at the bottom
    tilt = np.deg2rad(rng.normal(0.0, 5.0))
    wobble = rng.uniform(0.015, 0.08)  # per-waypoint displacement
    omega = rng.uniform(45.0, 110.0)  # how tightly the hand follows its intention
    speed = rng.uniform(2.0, 5.0)  # digit heights per second
    tremor = rng.uniform(0.0, 0.002)
    c, s = np.cos(tilt), np.sin(tilt)
    strokes = []
    for n, wps in enumerate(options[style][1]):
        w = np.array(wps, dtype=float)
        w = w + rng.normal(0.0, wobble, w.shape)
        if n:  # after a pen lift the hand lands a little off where it meant to
            w = w + rng.normal(0.0, 0.03, 2)
        if rng.random() < 0.25:  # the pen lands with a small tick before the stroke proper
            ang = rng.uniform(0, 2 * np.pi)
            w = np.vstack([w[:1] + rng.uniform(0.03, 0.08) * np.array([np.cos(ang), np.sin(ang)]), w])
        y = np.clip(w[:, 1], 0.0, None) ** gamma + np.minimum(w[:, 1], 0.0)
        w[:, 0] = (w[:, 0] - 0.3) * width * (1.0 + taper * (y - 0.5)) + slant * (y - 0.5)
        w[:, 1] = y - 0.5
        w = w @ np.array([[c, s], [-s, c]])
        strokes.append(_pen_path(w, rng, omega, speed, tremor))
    # Sized and placed here, not by synth.place_strokes: the proxy test set shares no sampling code
    # with the training generator it judges (test_independent_of_the_training_generator).
    allp = np.vstack(strokes)
    lo, hi = allp.min(axis=0), allp.max(axis=0)
    height = rng.uniform(0.6, 0.8) * CANVAS
    scale = height / max(hi[1] - lo[1], 1e-6)
    size = (hi - lo) * scale
    ox = rng.uniform(0.0, max(CANVAS - size[0], 0.0))
    oy = rng.uniform(0.0, max(CANVAS - size[1], 0.0))
    return [np.column_stack([(st[:, 0] - lo[0]) * scale + ox, (hi[1] - st[:, 1]) * scale + oy])
            for st in strokes]


_CACHE: dict = {}


def make_proxy_set(per_digit: int = DEFAULT_PER_DIGIT, seed: int = DEFAULT_SEED):
    """The proxy test set: `per_digit` pen digits of each class through the pad's preprocessing.

    returns : x, shape (10 * per_digit, 784) float32 in [0, 1]; t, shape (10 * per_digit,) uint8.
    Cached per (per_digit, seed); the arrays returned are read-only.
    """
    key = (int(per_digit), int(seed))
    if key not in _CACHE:
        from nnstudio.core.digits.preprocess import strokes_to_input

        rng = np.random.default_rng(seed)
        xs, ts = [], []
        for d in range(10):
            for _ in range(int(per_digit)):
                img = strokes_to_input(pen_strokes(d, rng), CANVAS)
                if img is not None:
                    xs.append(img)
                    ts.append(d)
        x = np.asarray(xs, dtype=np.float32).reshape(-1, 784)
        t = np.asarray(ts, dtype=np.uint8)
        x.flags.writeable = False
        t.flags.writeable = False
        _CACHE[key] = (x, t)
    return _CACHE[key]


def evaluate(network, per_digit: int = DEFAULT_PER_DIGIT, seed: int = DEFAULT_SEED):
    """Accuracy of `network` (anything with predict_labels(x)) on the proxy handwriting set.

    returns : (overall accuracy, per-digit accuracy ndarray shape (10,))
    """
    x, t = make_proxy_set(per_digit, seed)
    pred = np.asarray(network.predict_labels(x))
    correct = pred == t
    per_digit_acc = np.array([correct[t == d].mean() if np.any(t == d) else np.nan for d in range(10)])
    return float(correct.mean()), per_digit_acc
