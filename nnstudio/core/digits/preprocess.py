"""A drawing or an image → the 28x28 input, the way MNIST was made (pure numpy).

The MNIST recipe: crop to the ink's bounding box, scale the longer side to 20 px keeping the
aspect ratio (anti-aliased), and place the result in a 28x28 frame so that its centre of mass
lands on (row 14.0, col 14.0), the mean measured on MNIST. On top of that, the stroke width is
normalised to MNIST's (about 2.5 px at 28x28), so a thin or fat brush, a small or large digit,
all give the same kind of input.

Coordinates: a stroke is an array (n, 2) of (x, y) points, y pointing down. The strokes are drawn
by `render.py` (pixel (row r, col c) covers [c, c+1) x [r, r+1); its centre is (c + 0.5, r + 0.5)).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nnstudio.core.digits.render import (EDGE_WIDTH, STROKE_WIDTH, clean_strokes, render_segments,
                                         stroke_segments)

SIDE = 28  # MNIST frame
BOX = 20.0  # the longer side of the digit's ink, in pixels
TARGET_COM = (14.0, 14.0)  # (row, col), 0-based pixel indices, measured on MNIST (13.99, 14.01)
# Extent of the points' bounding box so the ink (half-intensity) box is 20 px: 20 - width, a bit
# less so that the faint edge pixels stay inside too.
POINT_BOX = BOX - STROKE_WIDTH - 1.0


# ---------------------------------------------------------------------------- measures
def center_of_mass(img: np.ndarray) -> tuple[float, float]:
    """(row, col) of the intensity centre of img (h, w) (or (784,) read as 28x28), 0-based.

    A blank image gives its geometric centre.
    """
    img = _as_2d(img).astype(np.float64)
    total = img.sum()
    h, w = img.shape
    if total <= 0:
        return (h - 1) / 2.0, (w - 1) / 2.0
    row = float(img.sum(axis=1) @ np.arange(h) / total)
    col = float(img.sum(axis=0) @ np.arange(w) / total)
    return row, col


def ink_width(img: np.ndarray) -> float:
    """Mean stroke width of img (h, w) (or (784,)), in pixels: 2 x ink area / ink perimeter.

    A stroke of length L and width w has area L·w and an outline of about 2L; the outline is
    measured as the total variation (sum of gradient magnitudes), which also works on
    anti-aliased images. MNIST's median is 2.47 px. A blank image gives 0.
    """
    img = np.pad(_as_2d(img).astype(np.float64), 1)
    gy, gx = np.gradient(img)
    perimeter = np.hypot(gx, gy).sum()
    return float(2.0 * img.sum() / perimeter) if perimeter > 0 else 0.0


def ink_bbox(img: np.ndarray, threshold: float = 0.0) -> tuple[int, int, int, int] | None:
    """(top, bottom, left, right) inclusive indices of pixels above threshold, or None if none."""
    mask = _as_2d(img) > threshold
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return None
    return int(rows[0]), int(rows[-1]), int(cols[0]), int(cols[-1])


def _as_2d(img) -> np.ndarray:
    img = np.asarray(img)
    if img.ndim == 1 and img.size == SIDE * SIDE:
        return img.reshape(SIDE, SIDE)
    if img.ndim != 2:
        raise ValueError(f"expected a 2D image, got shape {img.shape}")
    return img


# ---------------------------------------------------------------------------- pad strokes
def strokes_to_input(strokes: Sequence, canvas_size: float = 280.0,
                     max_scale: float | None = None) -> np.ndarray | None:
    """Pad strokes → the network's input, float32 (784,) in [0, 1]; None when there is no ink.

    strokes : list of (n, 2) arrays of (x, y) canvas coordinates (y down).
    canvas_size : the canvas's logical side (only the strokes' shape matters: the recipe crops
    and rescales, so the result does not depend on it).
    max_scale : if given, the largest factor from canvas units to 28x28 pixels: a drawing smaller
    than POINT_BOX / max_scale is not blown up to the full 20 px box (a tiny drag stays small).
    Points outside the canvas are kept: the ink is cropped wherever it lies.

    The strokes are drawn again at MNIST's stroke width whatever the brush, so the width is
    normalised by construction. The centre of mass is placed by shifting the points (sub-pixel)
    and rendering again, not by rolling pixels.
    """
    del canvas_size  # the recipe is scale-free; kept for the documented signature
    strokes = clean_strokes(strokes)
    if not strokes:
        return None
    pts = np.concatenate(strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    extent = float((hi - lo).max())
    scale = POINT_BOX / extent if extent > 1e-9 else 1.0
    if max_scale is not None:
        scale = min(scale, float(max_scale))
    centre = (lo + hi) / 2.0
    target = np.array([TARGET_COM[1], TARGET_COM[0]]) + 0.5  # (x, y) of the target pixel's centre
    a, b = stroke_segments([(s - centre) * scale + target for s in strokes], STROKE_WIDTH)
    img = render_segments(a, b, SIDE, SIDE, STROKE_WIDTH, EDGE_WIDTH)
    width = STROKE_WIDTH
    if KEEP_LOOPS_OPEN:
        width, img = _open_loops(a, b, img)
    for _ in range(2):  # rendering is translation-equivariant up to sampling: 1-2 passes suffice
        row, col = center_of_mass(img)
        shift = np.array([TARGET_COM[1] - col, TARGET_COM[0] - row])
        if np.abs(shift).max() < 0.05:
            break
        a, b = a + shift, b + shift
        img = render_segments(a, b, SIDE, SIDE, width, EDGE_WIDTH)
    if img.max() <= 0:
        return None
    return img.reshape(-1)


# Small loops (a 9's or a 6's tiny loop, a narrow 4's) fill up when drawn at MNIST's 2.5 px width,
# and the network then sees a stick: when a hole that a thin pen leaves open is gone at 2.5 px, the
# drawing is drawn with the widest of LOOP_WIDTHS that keeps every such hole open.
KEEP_LOOPS_OPEN = True
THIN_WIDTH = 1.2  # the pen that shows which holes the drawing has
LOOP_WIDTHS = (2.0, 1.6)
OPEN_HOLE = 0.35  # a hole is open when some of its pixels are darker than this


def hole_count(img: np.ndarray, threshold: float = 0.5) -> int:
    """Regions of background (< threshold) in img (h, w) that do not reach the border: the holes."""
    background = np.asarray(img) < threshold
    reach = np.zeros_like(background)
    reach[0], reach[-1], reach[:, 0], reach[:, -1] = (background[0], background[-1], background[:, 0],
                                                      background[:, -1])
    holes = background & ~_flood(reach, background)
    count = 0
    while holes.any():
        seed = np.zeros_like(holes)
        seed.flat[np.flatnonzero(holes)[0]] = True
        holes &= ~_flood(seed, holes)
        count += 1
    return count


def _flood(seed: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Grow seed through 4-neighbours within allowed until it stops: whole runs of allowed pixels
    along the rows, then along the columns, are taken at once (a few passes, not one per pixel)."""
    region = seed & allowed
    while True:
        grown = _runs_reached(_runs_reached(region, allowed).T, allowed.T).T
        if np.array_equal(grown, region):
            return region
        region = grown


def _runs_reached(region: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Every run of allowed pixels along a row that holds a pixel of region, filled."""
    h, w = allowed.shape
    flat = allowed.ravel()
    start = flat.copy()
    start[1:] &= ~flat[:-1]
    start[::w] = flat[::w]  # a run never continues onto the next row
    labels = np.cumsum(start) * flat
    reached = np.zeros(int(labels.max(initial=0)) + 1, dtype=bool)
    reached[labels[region.ravel() & flat]] = True
    reached[0] = False
    return reached[labels].reshape(h, w)


def _open_loops(a: np.ndarray, b: np.ndarray, img: np.ndarray) -> tuple[float, np.ndarray]:
    """(width, image): MNIST's width, or the widest of LOOP_WIDTHS that keeps the thin pen's holes."""
    # The thin pen's faint pixels count as walls (a hole must be closed); in the drawn input a hole
    # must be clearly dark to count as open.
    wanted = hole_count(render_segments(a, b, SIDE, SIDE, THIN_WIDTH, EDGE_WIDTH), 0.2)
    if wanted == 0 or wanted <= hole_count(img, OPEN_HOLE):
        return STROKE_WIDTH, img
    for width in LOOP_WIDTHS:
        thinner = render_segments(a, b, SIDE, SIDE, width, EDGE_WIDTH)
        if hole_count(thinner, OPEN_HOLE) >= wanted or width == LOOP_WIDTHS[-1]:
            return width, thinner
    return STROKE_WIDTH, img


# ---------------------------------------------------------------------------- images
MAX_INPUT_SIDE = 400  # bigger images are first shrunk by an integer factor (block means): speed
WORK_SIDE = 80  # working resolution of image_to_input (longer side of the ink box), 4x the 20 px box
MIN_CONTRAST = 0.08  # ink must differ from the paper by this much (in [0, 1] units)


def to_gray(img: np.ndarray) -> np.ndarray:
    """Any image array → float64 (h, w) in [0, 1]: uint8/uint16 or float, gray, RGB or RGBA."""
    img = np.asarray(img)
    if img.ndim == 3 and img.shape[2] in (3, 4):
        peak = 255.0 if img.dtype == np.uint8 else (65535.0 if img.dtype == np.uint16 else 1.0)
        gray = (img[..., :3].astype(np.float64) / peak) @ np.array([0.299, 0.587, 0.114])
        if img.shape[2] == 4:
            # Transparent pixels: composite over the colour opposite to the opaque pixels' median
            # (dark ink on a transparent background reads as dark on white).
            alpha = img[..., 3].astype(np.float64) / peak
            opaque = gray[alpha > 0.5]
            back = 1.0 - float(np.median(opaque)) if opaque.size else 1.0
            back = 1.0 if back >= 0.5 else 0.0
            gray = gray * alpha + back * (1.0 - alpha)
        return np.clip(gray, 0.0, 1.0)
    if img.ndim != 2 or img.size == 0:
        raise ValueError(f"expected a grayscale or colour image, got shape {np.shape(img)}")
    if img.dtype == np.uint8:
        return img.astype(np.float64) / 255.0
    if img.dtype.kind in "ui":
        return img.astype(np.float64) / float(np.iinfo(img.dtype).max)
    img = np.nan_to_num(img.astype(np.float64))
    return img / 255.0 if img.max() > 1.0 else img


def ink_map(gray: np.ndarray) -> np.ndarray | None:
    """White-on-black ink in [0, 1] from a photo or scan in either polarity; None when blank.

    Polarity: the paper is the border's median level; the ink is on the side of the extreme
    farther from it (dark ink on light paper, or chalk on a board). The paper's level is then
    estimated locally (uneven lighting of phone photos), the ink is what departs from it,
    stretched so that solid ink reads 1, with a small floor cut to drop texture and noise.
    """
    g = _shrink(to_gray(gray))
    border = np.concatenate((g[0], g[-1], g[:, 0], g[:, -1]))
    paper = float(np.median(border))
    lo, hi = np.percentile(g, [0.1, 99.9])
    dark_ink = (paper - lo) >= (hi - paper)
    level = _paper_level(g, dark_ink, paper)
    ink = np.clip((level - g) if dark_ink else (g - level), 0.0, None)
    top = float(ink.max())
    if top < MIN_CONTRAST:
        return None
    solid = float(np.percentile(ink[ink > 0.5 * top], 90))  # robust "full ink" level
    ink = np.clip((ink / max(solid, 1e-6) - 0.15) / 0.85, 0.0, 1.0)
    return ink if ink.max() > 0 else None


def _shrink(g: np.ndarray) -> np.ndarray:
    """Block-mean g down by an integer factor so that its longer side is at most MAX_INPUT_SIDE."""
    k = -(-max(g.shape) // MAX_INPUT_SIDE)
    if k <= 1:
        return g
    h, w = g.shape[0] // k * k, g.shape[1] // k * k
    if h == 0 or w == 0:
        return g
    return g[:h, :w].reshape(h // k, k, w // k, k).mean(axis=(1, 3))


PAPER_BLOCKS = 8  # the paper's level is estimated on an 8x8 grid of blocks, then interpolated


def _paper_level(g: np.ndarray, dark_ink: bool, paper: float) -> np.ndarray | float:
    """The paper's brightness under each pixel: a percentile per block (the paper side of the
    ink), spread to the neighbouring blocks (a block full of ink takes its neighbours' paper),
    bilinearly interpolated. Small images use the border's level."""
    h, w = g.shape
    if min(h, w) < 16 * PAPER_BLOCKS:
        return paper
    bh, bw = h // PAPER_BLOCKS, w // PAPER_BLOCKS
    blocks = g[:bh * PAPER_BLOCKS, :bw * PAPER_BLOCKS].reshape(PAPER_BLOCKS, bh, PAPER_BLOCKS, bw)
    level = np.percentile(blocks, 90 if dark_ink else 10, axis=(1, 3))
    padded = np.pad(level, 1, mode="edge")
    shifts = [padded[1 + dy:1 + dy + PAPER_BLOCKS, 1 + dx:1 + dx + PAPER_BLOCKS]
              for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    level = np.max(shifts, axis=0) if dark_ink else np.min(shifts, axis=0)
    centres_y = (np.arange(PAPER_BLOCKS) + 0.5) * bh
    centres_x = (np.arange(PAPER_BLOCKS) + 0.5) * bw
    eye = np.eye(PAPER_BLOCKS)
    wy = np.column_stack([np.interp(np.arange(h), centres_y, e) for e in eye])  # (h, blocks)
    wx = np.column_stack([np.interp(np.arange(w), centres_x, e) for e in eye])  # (w, blocks)
    return wy @ level @ wx.T


def robust_bbox(ink: np.ndarray, threshold: float = 0.25, trim: float = 0.005):
    """Like ink_bbox, but rows and columns at the edges holding under `trim` of the ink's
    mass (dust, specks, a stray mark far away) are left out. (top, bottom, left, right) or None."""
    mass = np.where(ink > threshold, ink, 0.0)
    total = mass.sum()
    if total <= 0:
        return None

    def span(profile):
        c = np.cumsum(profile) / total
        first = int(np.searchsorted(c, trim, side="right"))
        last = int(np.searchsorted(c, 1.0 - trim, side="left"))
        return first, max(min(last, len(profile) - 1), first)

    top, bottom = span(mass.sum(axis=1))
    left, right = span(mass.sum(axis=0))
    return top, bottom, left, right


def resample_area(img: np.ndarray, out_shape: tuple[int, int], scale: float,
                  offset: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """Area-averaging resample: output pixel (r, c) averages the input over
    [(r - offset[0]) / scale, (r + 1 - offset[0]) / scale) rows (likewise columns).

    Exact box integration of the piecewise-constant input (anti-aliased when shrinking);
    `offset` is in output pixels and may be fractional (sub-pixel placement).
    """
    img = np.asarray(img, dtype=np.float64)

    def _matrix(n_in, n_out, off):
        edges = (np.arange(n_out + 1) - off) / scale  # output pixel edges in input coordinates
        e = np.clip(edges, 0.0, n_in)
        # coverage of input pixel j by [e_i, e_{i+1}): overlap of intervals
        j = np.arange(n_in)
        left = np.maximum(e[:-1, None], j[None, :])
        right = np.minimum(e[1:, None], j[None, :] + 1)
        return np.clip(right - left, 0.0, None) * scale  # average: divide by the box size 1/scale

    rows = _matrix(img.shape[0], out_shape[0], offset[0])
    cols = _matrix(img.shape[1], out_shape[1], offset[1])
    return rows @ img @ cols.T


def _morph(img: np.ndarray, radius: float, grow: bool) -> np.ndarray:
    """Grayscale dilation (grow) or erosion with a disk of `radius` pixels (max/min of shifts)."""
    r = int(np.floor(radius))
    if r < 1:
        return img
    pad = np.pad(img, r)
    out = img.copy()
    h, w = img.shape
    op = np.maximum if grow else np.minimum
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            if dx * dx + dy * dy <= radius * radius and (dx or dy):
                op(out, pad[r + dy:r + dy + h, r + dx:r + dx + w], out=out)
    return out


def image_to_input(gray: np.ndarray) -> np.ndarray | None:
    """A photo, scan or PNG of a digit (any size, either polarity) → float32 (784,) or None.

    gray : (h, w) float in [0, 1] or uint8 (colour (h, w, 3|4) is accepted too).
    Steps: detect the polarity and make white ink on black; cut the paper's noise; crop to the
    ink; bring the crop to a working scale (longer side 80 px); thicken or thin the strokes so
    that once the box is 20 px they are MNIST's 2.5 px wide; scale the longer side to 20 px with
    area averaging, placing the centre of mass on (14, 14) with a sub-pixel offset.
    Returns None when no ink is found.
    """
    ink = ink_map(gray)
    if ink is None:
        return None
    box = robust_bbox(ink)
    if box is None:
        return None
    top, bottom, left, right = box
    crop = ink[top:bottom + 1, left:right + 1]
    scale = WORK_SIDE / max(crop.shape)
    work = resample_area(crop, (max(1, round(crop.shape[0] * scale)), max(1, round(crop.shape[1] * scale))), scale)
    # Width normalisation: after growing each side by d, the box is L + 2d and the width w + 2d;
    # once the box is scaled to 20 px the width should be STROKE_WIDTH:
    # (w + 2d) * 20 / (L + 2d) = W  →  d = (W·L - 20·w) / (40 - 2W).
    w_now, length = ink_width(work), float(max(work.shape))
    d = (STROKE_WIDTH * length - BOX * w_now) / (2 * BOX - 2 * STROKE_WIDTH)
    d = float(np.clip(d, -length / 4, length / 4))
    if abs(d) >= 1.0:
        pad = int(np.ceil(max(d, 0)))
        work = _morph(np.pad(work, pad), abs(d), grow=d > 0)
    box = robust_bbox(work)
    if box is None:
        return None
    top, bottom, left, right = box
    work = work[top:bottom + 1, left:right + 1]
    s = BOX / max(work.shape)
    # First place the box in the middle, then shift so the centre of mass lands on (14, 14).
    off = np.array([(SIDE - work.shape[0] * s) / 2.0, (SIDE - work.shape[1] * s) / 2.0])
    img = resample_area(work, (SIDE, SIDE), s, tuple(off))
    for _ in range(2):
        row, col = center_of_mass(img)
        shift = np.array([TARGET_COM[0] - row, TARGET_COM[1] - col])
        if np.abs(shift).max() < 0.02:
            break
        off = off + shift
        img = resample_area(work, (SIDE, SIDE), s, tuple(off))
    top_value = img.max()
    if top_value <= 0:
        return None
    return np.clip(img / top_value, 0.0, 1.0).astype(np.float32).reshape(-1)
