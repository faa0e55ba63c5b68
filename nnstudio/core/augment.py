"""Random distortions of 28x28 digit batches for training: affine, stroke width, elastic, re-centred.

Everything is vectorised over the batch with numpy only: one bilinear resampling through a
per-image coordinate grid (affine + elastic displacement), a blend towards a grey-scale dilation or
erosion for the stroke width, and a second bilinear pass that puts the centre of mass back on
(14, 14), the way the drawing pad's preprocessing places every input.
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
    shift: float = 2.5  # pixels; mostly undone by the re-centring, kept for the elastic field's
    elastic_alpha: float = 1.5  # typical displacement of the elastic field, pixels
    elastic_sigma: float = 4.0  # smoothness of the field, pixels (Simard et al. 2003)
    width_prob: float = 0.7  # chance that the stroke width changes
    thicken_max: float = 1.0  # blend weight towards the dilated image
    thin_max: float = 0.6  # blend weight towards the eroded image
    recentre: bool = True
    jitter: float = 0.5  # residual random offset after re-centring, pixels (preprocessing rounding)
    identity_prob: float = 0.0  # chance that an image passes unchanged


DEFAULT = AugmentParams()

_grid_r, _grid_c = np.meshgrid(np.arange(SIDE, dtype=np.float32), np.arange(SIDE, dtype=np.float32),
                               indexing="ij")


def _gauss_matrix(sigma: float, n: int = SIDE) -> np.ndarray:
    """(n, n) matrix whose product smooths along one axis with a Gaussian (zero padding)."""
    idx = np.arange(n)
    m = np.exp(-0.5 * ((idx[:, None] - idx[None, :]) / sigma) ** 2)
    return (m / m.sum(axis=1, keepdims=True)).astype(np.float32)


_GAUSS_CACHE: dict = {}


def _smooth(field: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian-smooth a (b, 28, 28) field as two matrix products (separable filter)."""
    g = _GAUSS_CACHE.get(sigma)
    if g is None:
        g = _GAUSS_CACHE[sigma] = _gauss_matrix(sigma)
    return g @ field @ g.T


def _bilinear(img: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Sample images (b, 28, 28) at real coordinates (b, 28, 28); zero outside the image."""
    b = img.shape[0]
    p = SIDE + 2  # one pixel of zero padding on every side: out-of-range reads land on zeros
    padded = np.zeros((b, p, p), dtype=np.float32)
    padded[:, 1:-1, 1:-1] = img
    rows = np.clip(rows + np.float32(1.0), 0.0, p - 1.001)
    cols = np.clip(cols + np.float32(1.0), 0.0, p - 1.001)
    r0f, c0f = np.floor(rows), np.floor(cols)
    fr, fc = rows - r0f, cols - c0f
    r0, c0 = r0f.astype(np.intp), c0f.astype(np.intp)
    # flat indices into the whole padded batch: one 1-D take per corner is the fastest gather
    base = r0 * p + c0 + (np.arange(b, dtype=np.intp) * (p * p))[:, None, None]
    flat = padded.ravel()
    v00 = flat.take(base)
    v01 = flat.take(base + 1)
    v10 = flat.take(base + p)
    v11 = flat.take(base + (p + 1))
    top = v00 + fc * (v01 - v00)
    bottom = v10 + fc * (v11 - v10)
    return top + fr * (bottom - top)


def _neighbour_stack(img: np.ndarray) -> np.ndarray:
    """(5, b, 28, 28): the image and its four 4-neighbour shifts (zero padded)."""
    b = img.shape[0]
    padded = np.zeros((b, SIDE + 2, SIDE + 2), dtype=np.float32)
    padded[:, 1:-1, 1:-1] = img
    return np.stack([img, padded[:, :-2, 1:-1], padded[:, 2:, 1:-1],
                     padded[:, 1:-1, :-2], padded[:, 1:-1, 2:]])


def centre_of_mass(img: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Centre of mass (row, col) of each image, shape (b,) each; blank images give (14, 14).

    img : ndarray, shape (b, 28, 28) or (b, 784)
    """
    img = np.asarray(img, dtype=np.float32).reshape(-1, SIDE, SIDE)
    mass = img.sum(axis=(1, 2))
    safe = np.where(mass > 0, mass, 1.0)
    r = (img.sum(axis=2) @ np.arange(SIDE, dtype=np.float32)) / safe
    c = (img.sum(axis=1) @ np.arange(SIDE, dtype=np.float32)) / safe
    return np.where(mass > 0, r, CENTRE), np.where(mass > 0, c, CENTRE)


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
    p = params
    img = x.astype(np.float32, copy=True).reshape(b, SIDE, SIDE)

    # Affine part: a forward map M = rotation @ [[sr, 0], [sc*shear, sc]] on (row, col) vectors
    # about the centre (scale each axis, slant the columns, rotate), inverted analytically so that
    # every output pixel knows where to read in the source image.
    theta = np.deg2rad(rng.uniform(-p.rotation_deg, p.rotation_deg, b))
    scale = rng.uniform(p.scale[0], p.scale[1], b)
    aspect = 1.0 + rng.uniform(-p.aspect, p.aspect, b)
    shear = rng.uniform(-p.shear, p.shear, b)
    sr, sc = scale * np.sqrt(aspect), scale / np.sqrt(aspect)  # row and column scale
    cos, sin = np.cos(theta), np.sin(theta)
    c, d = sc * shear, sc
    m00, m01 = cos * sr - sin * c, -sin * d
    m10, m11 = sin * sr + cos * c, cos * d
    det = m00 * m11 - m01 * m10
    inv = (np.stack([m11, -m01, -m10, m00]) / det).astype(np.float32)[:, :, None, None]
    shift_r = rng.uniform(-p.shift, p.shift, b).astype(np.float32)
    shift_c = rng.uniform(-p.shift, p.shift, b).astype(np.float32)

    yr = _grid_r[None] - (CENTRE + shift_r[:, None, None])
    yc = _grid_c[None] - (CENTRE + shift_c[:, None, None])
    src_r = inv[0] * yr + inv[1] * yc + np.float32(CENTRE)
    src_c = inv[2] * yr + inv[3] * yc + np.float32(CENTRE)

    if p.elastic_alpha > 0:
        # Simard et al.: uniform random displacements, Gaussian-smoothed, scaled by alpha. The
        # smoothing shrinks their spread, so normalise it to make alpha the typical displacement.
        field = rng.random((2, b, SIDE, SIDE), dtype=np.float32) * np.float32(2.0) - np.float32(1.0)
        field = _smooth(field.reshape(2 * b, SIDE, SIDE), p.elastic_sigma).reshape(2, b, SIDE, SIDE)
        rms = np.sqrt((field ** 2).mean(axis=(0, 2, 3), keepdims=True)) + 1e-6
        strength = rng.uniform(0.0, p.elastic_alpha, (1, b, 1, 1)).astype(np.float32)
        field *= strength / rms
        src_r = src_r + field[0]
        src_c = src_c + field[1]

    out = _bilinear(img, src_r, src_c)

    # Stroke width: blend towards the 4-neighbour grey-scale dilation (thicker) or erosion (thinner).
    if p.width_prob > 0:
        stack = _neighbour_stack(out)
        amount = rng.uniform(-p.thin_max, p.thicken_max, b).astype(np.float32)
        amount[rng.random(b) >= p.width_prob] = 0.0
        target = np.where(amount[:, None, None] > 0, stack.max(axis=0), stack.min(axis=0))
        out = out + np.abs(amount)[:, None, None] * (target - out)

    if p.recentre:
        com_r, com_c = centre_of_mass(out)
        jr = rng.uniform(-p.jitter, p.jitter, b) if p.jitter > 0 else 0.0
        jc = rng.uniform(-p.jitter, p.jitter, b) if p.jitter > 0 else 0.0
        dr = (com_r - CENTRE + jr).astype(np.float32)[:, None, None]
        dc = (com_c - CENTRE + jc).astype(np.float32)[:, None, None]
        out = _bilinear(out, _grid_r[None] + dr, _grid_c[None] + dc)

    if p.identity_prob > 0:
        keep = rng.random(b) < p.identity_prob
        out[keep] = img[keep]
    np.clip(out, 0.0, 1.0, out=out)
    return out.reshape(b, SIDE * SIDE)
