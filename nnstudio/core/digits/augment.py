"""Random distortions of 28x28 digit batches for training: affine, stroke width, elastic, re-centred.

Everything is vectorised over the batch with numpy only: one bilinear resampling through a
per-image coordinate grid (rotation, scale, stretch, shear, and a smooth elastic displacement
field after Simard et al. 2003), a blend towards a grey-scale dilation or erosion for the stroke
width, then a whole-pixel shift that brings the centre of mass back within half a pixel of
(14, 14), the way MNIST was centred and the drawing pad's preprocessing places every input.
A fifth of each batch passes unchanged. Augmenting a batch costs a little more than a training
step of a 784-256-128-10 network on it, so augmented training runs at a bit under half the speed
(`python -m nnstudio bench --handwriting` measures both).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SIDE = 28
CENTRE = 14.0  # MNIST centre of mass, 0-based pixels (rows and columns alike)


@dataclass(frozen=True)
class AugmentParams:
    """How strong each distortion is; `augment_batch` draws every value uniformly in +-range."""

    rotation_deg: float = 15.0
    scale: tuple = (0.85, 1.15)
    aspect: float = 0.10  # extra relative stretch of one axis against the other
    shear: float = 0.25  # x shear coefficient (a slant of about +-14 degrees)
    right_slant: float = 0.15  # extra room for a right (forward) slant: shear in -(shear + this)..shear
    shift: float = 2.5  # random translation in pixels, used only without re-centring
    elastic_alpha: float = 1.3  # typical displacement of the elastic field, pixels
    elastic_sigma: float = 4.0  # smoothness of the field, pixels (Simard et al. 2003)
    width_prob: float = 0.7  # chance that the stroke width changes
    thicken_max: float = 1.0  # blend weight towards the dilated image
    thin_max: float = 0.6  # blend weight towards the eroded image
    recentre: bool = True
    jitter: float = 0.0  # extra random offset before the whole-pixel re-centring, pixels
    identity_prob: float = 0.2  # chance that an image passes unchanged (clean originals)


DEFAULT = AugmentParams()

_grid_r, _grid_c = np.meshgrid(np.arange(SIDE, dtype=np.float32), np.arange(SIDE, dtype=np.float32),
                               indexing="ij")
# Rows (1, r - 14, c - 14) of every pixel: a per-image affine map of the pixel grid, and the ink's
# mass and first moments, are then each one small matrix product for the whole batch (numpy's
# broadcasting and its sums along 28-element rows cost several times more).
_GRID = np.stack([np.ones(SIDE * SIDE, np.float32), (_grid_r - np.float32(CENTRE)).ravel(),
                  (_grid_c - np.float32(CENTRE)).ravel()])  # (3, 784)


def _gauss_matrix(sigma: float, n: int = SIDE) -> np.ndarray:
    """(n, n) matrix whose product smooths along one axis with a Gaussian (zero padding)."""
    idx = np.arange(n)
    m = np.exp(-0.5 * ((idx[:, None] - idx[None, :]) / sigma) ** 2)
    return (m / m.sum(axis=1, keepdims=True)).astype(np.float32)


_FIELD_CACHE: dict = {}
_FIELD_RMS: dict = {}


def _smooth_field(rng: np.random.Generator, n: int, sigma: float) -> np.ndarray:
    """n smooth random fields (n, 28, 28) with values about in [-1, 1].

    White noise smoothed by a Gaussian of sigma pixels is correlated over about 2 sigma, so the
    noise is drawn on a coarse grid (a node every 2 sigma pixels), interpolated linearly and
    softened by a Gaussian of sigma / 2: two small matrix products per field.
    """
    up = _FIELD_CACHE.get(sigma)
    if up is None:
        k = max(int(np.ceil((SIDE - 1) / (2.0 * sigma))) + 1, 2)
        nodes = np.linspace(0.0, SIDE - 1, k)
        lin = np.clip(1.0 - np.abs(np.arange(SIDE)[:, None] - nodes[None, :]) / (nodes[1] - nodes[0]),
                      0.0, 1.0)
        up = _FIELD_CACHE[sigma] = (_gauss_matrix(sigma / 2.0) @ lin).astype(np.float32)
        # expected root-mean-square value of the field: uniform noise has variance 1/3
        a = (up.astype(np.float64) ** 2).sum(axis=1)
        _FIELD_RMS[sigma] = np.float32(np.sqrt(a.mean() ** 2 / 3.0))
    k = up.shape[1]
    coarse = rng.random((n, k, k), dtype=np.float32) * np.float32(2.0) - np.float32(1.0)
    return up @ coarse @ up.T


def _bilinear(img: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Sample images (b, 28, 28) at real coordinates (b, 28, 28) float32; zero outside the image.

    `rows` and `cols` are used as scratch space (overwritten)."""
    b = img.shape[0]
    p = SIDE + 2  # one pixel of zero padding on every side: out-of-range reads land on zeros
    padded = np.zeros((b, p, p), dtype=np.float32)
    padded[:, 1:-1, 1:-1] = img
    hi = np.float32(p - 1.001)
    rows += np.float32(1.0)
    cols += np.float32(1.0)
    for coord in (rows, cols):  # clip to the padded frame (np.clip is several times slower)
        np.maximum(coord, 0.0, out=coord)
        np.minimum(coord, hi, out=coord)
    r0 = np.floor(rows)
    c0 = np.floor(cols)
    rows -= r0  # now the fractional parts
    cols -= c0
    r0 *= np.float32(p)
    r0 += c0  # exact in float32: at most 30 * 30
    base = r0.astype(np.intp)
    base += (np.arange(b, dtype=np.intp) * (p * p))[:, None, None]
    flat = padded.ravel()
    # flat indices into the whole padded batch: one 1-D take per corner is the fastest gather
    v00 = flat.take(base)
    base += 1
    v01 = flat.take(base)
    base += p
    v11 = flat.take(base)
    base -= 1
    v10 = flat.take(base)
    v01 -= v00
    v01 *= cols
    v01 += v00  # top edge
    v11 -= v10
    v11 *= cols
    v11 += v10  # bottom edge
    v11 -= v01
    v11 *= rows
    v11 += v01
    return v11


def _shift_whole_pixels(img: np.ndarray, dr: np.ndarray, dc: np.ndarray) -> np.ndarray:
    """out[r, c] = img[r + dr, c + dc] per image, dr and dc rounded to whole pixels (zero outside).

    This is how MNIST itself was centred (a whole-pixel shift of the centre of mass to the middle),
    and a whole-pixel shift is one gather with one offset per image: no interpolation, no blur.
    `img` is updated in place (the images that do not move are left alone) and returned."""
    dr, dc = np.rint(dr).astype(np.intp), np.rint(dc).astype(np.intp)
    moving = np.flatnonzero(dr | dc)
    if moving.size == 0:
        return img
    dr, dc = dr[moving], dc[moving]
    pad = int(max(np.abs(dr).max(), np.abs(dc).max()))
    p = SIDE + 2 * pad
    padded = np.zeros((moving.size, p, p), dtype=np.float32)
    padded[:, pad:pad + SIDE, pad:pad + SIDE] = img[moving]
    grid = np.arange(SIDE)[:, None] * p + np.arange(SIDE)[None, :]
    start = np.arange(moving.size) * (p * p) + (dr + pad) * p + dc + pad
    img[moving] = padded.ravel().take(grid[None] + start[:, None, None])
    return img


def _change_width(img: np.ndarray, amount: np.ndarray) -> np.ndarray:
    """Blend each image (b, 28, 28) towards its 4-neighbour grey-scale dilation (amount > 0,
    thicker strokes) or erosion (amount < 0, thinner) by |amount|, shape (b,). `img` is updated in
    place (images with amount 0 are left alone) and returned."""
    changing = np.flatnonzero(amount)
    if changing.size == 0:
        return img
    sub, amount = img[changing], amount[changing]
    padded = np.zeros((sub.shape[0], SIDE + 2, SIDE + 2), dtype=np.float32)
    padded[:, 1:-1, 1:-1] = sub
    shifted = (padded[:, :-2, 1:-1], padded[:, 2:, 1:-1], padded[:, 1:-1, :-2], padded[:, 1:-1, 2:])
    grow = amount > 0
    target = sub.copy()
    for which, extreme in ((grow, np.maximum), (~grow, np.minimum)):
        if which.any():
            g = target[which]
            for sh in shifted:
                extreme(g, sh[which], out=g)
            target[which] = g
    target -= sub  # sub + |amount| * (target - sub), in place
    target *= np.abs(amount)[:, None, None]
    target += sub
    img[changing] = target
    return img


def centre_of_mass(img: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Centre of mass (row, col) of each image, shape (b,) each; blank images give (14, 14).

    img : ndarray, shape (b, 28, 28) or (b, 784)
    """
    img = np.asarray(img, dtype=np.float32).reshape(-1, SIDE * SIDE)
    moments = img @ _GRID.T  # (b, 3): mass, sum of (r - 14) * ink, sum of (c - 14) * ink
    mass = moments[:, 0]
    safe = np.where(mass > 0, mass, np.float32(1.0))
    r = moments[:, 1] / safe + np.float32(CENTRE)
    c = moments[:, 2] / safe + np.float32(CENTRE)
    return np.where(mass > 0, r, np.float32(CENTRE)), np.where(mass > 0, c, np.float32(CENTRE))


def augment_batch(x: np.ndarray, rng: np.random.Generator,
                  params: AugmentParams = DEFAULT) -> np.ndarray:
    """Return a randomly distorted copy of a batch of 28x28 digits.

    x : ndarray, shape (b, 784), values in [0, 1] (any float dtype; the result is float32)
    rng : the only source of randomness, so a seeded generator repeats the same distortions
    returns : ndarray, shape (b, 784), float32 in [0, 1]; the input is never modified
    """
    x = np.asarray(x)
    if x.ndim != 2 or x.shape[1] != SIDE * SIDE:
        raise ValueError(f"augment_batch expects shape (batch, 784), got {x.shape}")
    b = x.shape[0]
    if b == 0:
        return np.zeros((0, SIDE * SIDE), dtype=np.float32)
    out = x.astype(np.float32, copy=True).reshape(b, SIDE, SIDE)
    # A share of each batch stays as it is (clean originals), and costs nothing.
    change = rng.random(b) >= params.identity_prob
    if change.any():
        out[change] = _distort(out[change], rng, params)
    np.maximum(out, 0.0, out=out)  # clip to [0, 1] (np.clip is several times slower)
    np.minimum(out, 1.0, out=out)
    return out.reshape(b, SIDE * SIDE)


def _distort(img: np.ndarray, rng: np.random.Generator, p: AugmentParams) -> np.ndarray:
    """The distortions of `augment_batch` on images (b, 28, 28) float32; returns (b, 28, 28)."""
    b = img.shape[0]
    # Affine part: a forward map M = rotation @ [[sr, 0], [sc*shear, sc]] on (row, col) vectors
    # about the centre (scale each axis, slant the columns, rotate), inverted analytically so that
    # every output pixel knows where to read in the source image.
    theta = np.deg2rad(rng.uniform(-p.rotation_deg, p.rotation_deg, b))
    scale = rng.uniform(p.scale[0], p.scale[1], b)
    aspect = 1.0 + rng.uniform(-p.aspect, p.aspect, b)
    shear = rng.uniform(-p.shear - p.right_slant, p.shear, b)  # negative: the top leans right
    sr, sc = scale * np.sqrt(aspect), scale / np.sqrt(aspect)  # row and column scale
    cos, sin = np.cos(theta), np.sin(theta)
    c, d = sc * shear, sc
    m00, m01 = cos * sr - sin * c, -sin * d
    m10, m11 = sin * sr + cos * c, cos * d
    det = m00 * m11 - m01 * m10
    inv = np.stack([m11, -m01, -m10, m00]) / det  # (4, b): M^-1 row by row

    field = None
    if p.elastic_alpha > 0:
        # Simard et al.: random displacements, smoothed over elastic_sigma pixels, scaled so that
        # each image's typical displacement is a random fraction of elastic_alpha pixels.
        field = _smooth_field(rng, 2 * b, p.elastic_sigma).reshape(2, b, SIDE, SIDE)
        strength = rng.uniform(0.0, p.elastic_alpha, (1, b, 1, 1)).astype(np.float32)
        field *= strength / _FIELD_RMS[p.elastic_sigma]

    if p.recentre:
        # Aim the affine part so that the input's centre of mass lands on the centre (ink at
        # source q goes to M (q - C) + C + shift): the digit stays inside the frame. The elastic
        # field then moves the centre a little (it compresses some ink and spreads other), so a
        # second, exact pass below finishes the placement.
        com_r, com_c = centre_of_mass(img)
        qr, qc = com_r - CENTRE, com_c - CENTRE
        shift_r = -(m00 * qr + m01 * qc)
        shift_c = -(m10 * qr + m11 * qc)
    else:
        shift_r = rng.uniform(-p.shift, p.shift, b)
        shift_c = rng.uniform(-p.shift, p.shift, b)
    # src = M^-1 (p - C - shift) + C = M^-1 (p - C) + [C - M^-1 shift]: one constant per image
    off_r = CENTRE - (inv[0] * shift_r + inv[1] * shift_c)
    off_c = CENTRE - (inv[2] * shift_r + inv[3] * shift_c)
    # Both coordinates of every output pixel: rows (off, inv_r, inv_c) of 2b maps times _GRID.
    maps = np.stack([np.stack([off_r, inv[0], inv[1]], axis=1),
                     np.stack([off_c, inv[2], inv[3]], axis=1)]).astype(np.float32)  # (2, b, 3)
    src = (maps.reshape(2 * b, 3) @ _GRID).reshape(2, b, SIDE, SIDE)
    src_r, src_c = src[0], src[1]
    if field is not None:
        src_r += field[0]
        src_c += field[1]

    out = _bilinear(img, src_r, src_c)

    # Stroke width: blend towards the 4-neighbour grey-scale dilation (thicker) or erosion (thinner).
    if p.width_prob > 0:
        amount = rng.uniform(-p.thin_max, p.thicken_max, b).astype(np.float32)
        amount[rng.random(b) >= p.width_prob] = 0.0
        out = _change_width(out, amount)

    if p.recentre:  # the whole-pixel shift that brings the centre of mass nearest to C
        com_r, com_c = centre_of_mass(out)
        jr = rng.uniform(-p.jitter, p.jitter, b) if p.jitter > 0 else 0.0
        jc = rng.uniform(-p.jitter, p.jitter, b) if p.jitter > 0 else 0.0
        out = _shift_whole_pixels(out, com_r - CENTRE + jr, com_c - CENTRE + jc)

    return out
