"""An honest reading of the pad: a digit, "3 or 9?", or "that is not a digit" (pure numpy).

A network always names one of ten digits, even for a star, a line or a row of three digits. This
module puts the model's answer next to checks on the ink itself (how much there is, its shape,
whether it falls apart into several digits side by side) and on the model's own hesitation (the
two best digits close together), and says which of four things the pad should show:

- "empty": nothing drawn;
- "digit": a clear digit (`label`);
- "unsure": the best two are close ("3 or 9?": `label`, `alternative`);
- "not_digit": the ink does not look like one digit, with the reason as a stable key.

The reasons are keys of READING_REASONS; the GUI shows its own translatable text per key, the
English here serves the command line and the docs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnstudio.core.digits.preprocess import SIDE, image_to_input, ink_map, robust_bbox, strokes_to_input
from nnstudio.core.digits.render import clean_strokes, render_strokes

READING_REASONS: dict[str, str] = {
    "": "",
    "too_little_ink": "too little ink to be a digit",
    "tiny": "drawn too small to read: draw the digit larger",
    "line": "a straight line, not a digit",
    "scribble": "a scribble or a shape, not a digit",
    "several_marks": "several digits or separate marks side by side: draw one digit",
    "wide": "much wider than a digit",
    "close_call": "two digits are almost equally likely",
    "low_confidence": "the network does not recognise any digit in it",
}

KINDS = ("empty", "digit", "unsure", "not_digit")

# --- thresholds (measured on the proxy sets, see resources/models/README.md) -----------------
MIN_SIZE = 0.03  # ink's longer side under 3 % of the canvas: a dot, not a digit
TINY_SIZE = 0.10  # under 10 % of the canvas (28 px of 280): too small to read
MAX_MAGNIFY = 3.0  # a drawing is enlarged at most 3x more than the canvas→28 px scale
LINE_THINNESS = 0.09  # minor / major spread of a straight stroke
LINE_MAX_TILT = 32.0  # degrees from vertical that a straight stroke may lean and still be a 1
MAX_ASPECT = 1.7  # width / height of the ink box beyond which it is no single digit
MAX_PATH = 4.5  # pen path over the ink box's longer side: a scribble goes back and forth (an 8: 3-3.7)
MAX_SHARP_TURNS = 5  # a star has five points; a digit at most three corners
SCRIBBLE_TURNS_PATH = (4, 3.5)  # four sharp turns and a path of 3.5 box sides: a zigzag
MAX_SPOKES = 3  # long straight strokes crossing near the ink's centre: an asterisk
MAX_FILL = 0.5  # fraction of the ink box covered: a filled blob...
MAX_FILL_ASPECT = 2.2  # ...judged only on a roundish box (a thin 1 fills its narrow box)
MIN_TOP = 0.30  # below this top probability the network recognises nothing
CLOSE_RATIO = 0.25  # runner-up at least a quarter of the best: a close call
RASTER = 40  # side of the raster the shape checks look at


@dataclass(frozen=True)
class Reading:
    kind: str  # one of KINDS
    label: int | None  # best digit for "digit"/"unsure"; None for "empty"/"not_digit"
    alternative: int | None  # runner-up digit when kind == "unsure", else None
    probabilities: np.ndarray | None  # (10,) the model's softmax; None for "empty"
    reason: str  # a key of READING_REASONS, "" for a clear digit

    @property
    def text(self) -> str:
        """A short English rendering: "7", "3 or 9?", "not a digit", ""."""
        if self.kind == "digit":
            return str(self.label)
        if self.kind == "unsure":
            return f"{self.label} or {self.alternative}?"
        if self.kind == "not_digit":
            return "not a digit"
        return ""


@dataclass(frozen=True)
class InkReport:
    """Measures of the ink, in units that do not depend on the pad's size.

    size : the ink's longer side as a fraction of the canvas (None when unknown: an image)
    path : pen path length over the ink box's longer side (None for images)
    sharp_turns : corners sharper than 110 degrees along the pen's path (0 for images)
    thinness : minor over major spread of the ink (0 for a straight line)
    tilt : angle of the ink's main axis from vertical, degrees (0..90)
    aspect : ink box width / height
    groups : tall clusters of ink side by side with clear gaps between them
    fill : fraction of the ink box covered by ink
    spokes : straight strokes at least half the box long whose middles lie near the ink's centre
    """
    size: float | None
    path: float | None
    sharp_turns: int
    thinness: float
    tilt: float
    aspect: float
    groups: int
    fill: float
    spokes: int = 0


def _raster_measures(img: np.ndarray) -> tuple[float, float, float, int, float]:
    """(thinness, tilt, aspect, groups, fill) of an ink image (h, w) cropped to its ink."""
    mask = img > 0.3
    rows, cols = np.nonzero(mask)
    if rows.size < 2:
        return 0.0, 0.0, 1.0, 1 if rows.size else 0, 0.0
    h = rows.max() - rows.min() + 1
    w = cols.max() - cols.min() + 1
    thinness, tilt = _spread(np.column_stack([cols, -rows]).astype(float))
    fill = float(mask.sum() / (h * w))
    return thinness, tilt, float(w / h), _groups(mask), fill


def _spread(pts: np.ndarray) -> tuple[float, float]:
    """Thinness (sqrt of the eigenvalue ratio) and tilt from vertical (degrees) of points (n, 2)."""
    c = np.cov((pts - pts.mean(axis=0)).T)
    vals, vecs = np.linalg.eigh(c)
    major = vecs[:, 1]
    thin = float(np.sqrt(max(vals[0], 0.0) / vals[1])) if vals[1] > 0 else 0.0
    tilt = float(np.degrees(np.arctan2(abs(major[0]), abs(major[1]))))
    return thin, tilt


def _groups(mask: np.ndarray) -> int:
    """Clusters of columns with ink, separated by empty gaps, each holding a tall part of the ink."""
    rows = np.flatnonzero(mask.any(axis=1))
    height = rows[-1] - rows[0] + 1
    inked = mask.any(axis=0)
    gap_min = max(1, int(round(0.05 * height)))
    runs, start, gap = [], None, 0
    for c, on in enumerate(inked):
        if on:
            if start is None:
                start = c
            elif gap >= gap_min:
                runs.append((start, c - gap))
                start = c
            gap = 0
        elif start is not None:
            gap += 1
    if start is not None:
        runs.append((start, len(inked) - gap))
    total = mask.sum()
    count = 0
    for a, b in runs:
        part = mask[:, a:b]
        r = np.flatnonzero(part.any(axis=1))
        if r.size and (r[-1] - r[0] + 1) >= 0.4 * height and part.sum() >= 0.08 * total:
            count += 1
    return max(count, 1)


def _resample_path(pts: np.ndarray, step: float) -> np.ndarray:
    seg = np.hypot(*np.diff(pts, axis=0).T)
    s = np.concatenate(([0.0], np.cumsum(seg)))
    if s[-1] <= 0:
        return pts[:1]
    t = np.linspace(0.0, s[-1], int(np.ceil(s[-1] / step)) + 1)
    return np.column_stack((np.interp(t, s, pts[:, 0]), np.interp(t, s, pts[:, 1])))


def _sharp_turns(stroke: np.ndarray, scale: float) -> int:
    """Corners sharper than 110 degrees along a stroke, looked at over 8 % of the drawing's size."""
    pts = _resample_path(stroke, 0.04 * scale)
    if len(pts) < 5:
        return 0
    k = 2  # compare the direction 2 steps before and after each point
    before = pts[k:-k] - pts[:-2 * k]
    after = pts[2 * k:] - pts[k:-k]
    nb, na = np.hypot(*before.T), np.hypot(*after.T)
    ok = (nb > 0) & (na > 0)
    cos = np.full(len(before), 1.0)
    cos[ok] = (before[ok] * after[ok]).sum(axis=1) / (nb[ok] * na[ok])
    sharp = cos < np.cos(np.radians(110))
    # count runs of consecutive sharp points as one corner
    return int(np.count_nonzero(sharp[1:] & ~sharp[:-1]) + (1 if sharp.size and sharp[0] else 0))


def ink_from_strokes(strokes: Sequence, canvas_size: float = 280.0) -> InkReport | None:
    """Measure pad strokes (list of (n, 2) canvas points, possibly outside the canvas); None if empty."""
    strokes = clean_strokes(strokes)
    if not strokes:
        return None
    pts = np.concatenate(strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    extent = float((hi - lo).max())
    length = sum(float(np.hypot(*np.diff(s, axis=0).T).sum()) for s in strokes if len(s) > 1)
    size = extent / float(canvas_size)
    if extent <= 1e-9:
        return InkReport(size, 0.0, 0, 0.0, 0.0, 1.0, 1, 1.0, 0)
    turns = sum(_sharp_turns(s, extent) for s in strokes if len(s) > 1)
    k = (RASTER - 4) / extent
    h = int(np.ceil((hi[1] - lo[1]) * k)) + 4
    w = int(np.ceil((hi[0] - lo[0]) * k)) + 4
    img = render_strokes([(s - lo) * k + 2.0 for s in strokes], (h, w), width=2.0, edge=1.0)
    # thinness and tilt from the pen's path (uniform along it), the rest from the raster
    path_pts = np.concatenate([_resample_path(s, 0.02 * extent) if len(s) > 1 else s for s in strokes])
    thinness, tilt = _spread(np.column_stack([path_pts[:, 0], -path_pts[:, 1]]))
    _, _, aspect, groups, fill = _raster_measures(img)
    return InkReport(size, length / extent, turns, thinness, tilt, aspect, groups, fill,
                     _spokes(strokes, (lo + hi) / 2.0, extent))


def _spokes(strokes: list[np.ndarray], centre: np.ndarray, extent: float) -> int:
    """Straight strokes at least half the drawing's size long, crossing near its centre."""
    count = 0
    for s in strokes:
        if len(s) < 2 or float(np.hypot(*(s[-1] - s[0]))) < 0.5 * extent:
            continue
        thin, _ = _spread(s)
        mid = (s[0] + s[-1]) / 2.0
        if thin < LINE_THINNESS and float(np.hypot(*(mid - centre))) < 0.2 * extent:
            count += 1
    return count


def ink_from_image(ink: np.ndarray) -> InkReport | None:
    """Measure white-on-black ink (h, w) in [0, 1] (preprocess.ink_map); None when there is none."""
    box = robust_bbox(ink)
    if box is None:
        return None
    top, bottom, left, right = box
    crop = ink[top:bottom + 1, left:right + 1]
    step = max(1, int(max(crop.shape) // (2 * RASTER)))  # keep the raster small: speed
    crop = crop[::step, ::step]
    thinness, tilt, aspect, groups, fill = _raster_measures(crop)
    return InkReport(None, None, 0, thinness, tilt, aspect, groups, fill)


def ink_problem(ink: InkReport | None) -> str:
    """The key of the first check the ink fails, or "" when it could be one digit."""
    if ink is None:
        return ""
    if ink.size is not None and ink.size < MIN_SIZE:
        return "too_little_ink"
    if ink.size is not None and ink.size < TINY_SIZE:
        return "tiny"
    if ink.thinness < LINE_THINNESS and ink.tilt > LINE_MAX_TILT:
        return "line"
    if ink.groups >= 2:
        return "several_marks"
    if ink.aspect > MAX_ASPECT:
        return "wide"
    if ink.path is not None and ink.path > MAX_PATH:
        return "scribble"
    if ink.sharp_turns >= MAX_SHARP_TURNS or ink.spokes >= MAX_SPOKES:
        return "scribble"
    if (ink.path is not None and ink.sharp_turns >= SCRIBBLE_TURNS_PATH[0]
            and ink.path > SCRIBBLE_TURNS_PATH[1]):
        return "scribble"
    # fill: only for drawings, whose raster is drawn with a thin pen (a bold image fills its box)
    if ink.path is not None and ink.fill > MAX_FILL and 1.0 / MAX_FILL_ASPECT < ink.aspect < MAX_FILL_ASPECT:
        return "scribble"
    return ""


def judge(p: np.ndarray, ink: InkReport | None = None) -> Reading:
    """The reading for the model's probabilities p (10,) and the ink's measures."""
    p = np.asarray(p, dtype=np.float64).reshape(-1)
    problem = ink_problem(ink)
    if problem:
        return Reading("not_digit", None, None, p, problem)
    order = np.argsort(p)[::-1]
    best, second = int(order[0]), int(order[1])
    if p[best] < MIN_TOP:
        return Reading("not_digit", None, None, p, "low_confidence")
    if p[second] >= CLOSE_RATIO * p[best]:
        return Reading("unsure", best, second, p, "close_call")
    return Reading("digit", best, None, p, "")


def _empty() -> Reading:
    return Reading("empty", None, None, None, "")


def read_input(network, x: np.ndarray | None, ink: InkReport | None = None) -> Reading:
    """Read a model input x (784,) in [0, 1] (None = nothing drawn) with `network`.

    ink : the measures of the drawing or image x came from (read_strokes / read_image pass them);
    without them only the ink in x itself and the model's confidence are judged.
    """
    if x is None:
        return _empty()
    x = np.asarray(x, dtype=np.float32).reshape(-1)
    if x.size != SIDE * SIDE or not np.any(x > 0):
        return _empty()
    p = np.asarray(network.probabilities(x[None]))[0]
    if ink is None:
        ink = ink_from_image(x.reshape(SIDE, SIDE))
    return judge(p, ink)


def read_strokes(network, strokes, canvas_size: float = 280.0) -> tuple[np.ndarray | None, Reading]:
    """Pad strokes (list of (n, 2) canvas points; they may lie outside 0..canvas_size) → (x, reading).

    x is the (784,) input the network saw. The drawing is cropped to its ink wherever it lies, and
    a small drawing is not enlarged more than MAX_MAGNIFY times the canvas→28 px scale, so a tiny
    drag stays a speck instead of turning into a long bar.
    """
    x = strokes_to_input(strokes, canvas_size, max_scale=MAX_MAGNIFY * SIDE / float(canvas_size))
    if x is None:
        return None, _empty()
    return x, read_input(network, x, ink_from_strokes(strokes, canvas_size))


def read_image(network, gray: np.ndarray) -> tuple[np.ndarray | None, Reading]:
    """An opened image (gray (h, w) or colour, any polarity) → (x, reading)."""
    x = image_to_input(gray)
    if x is None:
        return None, _empty()
    ink = ink_map(gray)
    report = ink_from_image(ink) if ink is not None else None
    return x, read_input(network, x, report)
