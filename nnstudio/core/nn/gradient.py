"""Numerical differentiation, numerical gradients, plain gradient descent and gradient checks."""

from __future__ import annotations

import numpy as np


def numerical_diff(f, x, h: float = 1e-4):
    """Central difference (f(x+h) - f(x-h)) / 2h."""
    return (f(x + h) - f(x - h)) / (2 * h)


def forward_diff(f, x, h: float = 1e-4):
    """Forward difference (f(x+h) - f(x)) / h: error O(h) against the central O(h^2)."""
    return (f(x + h) - f(x)) / h


def numerical_gradient(f, x, h: float = 1e-4):
    """Gradient of scalar f at array x (any shape) by central differences.

    Each element is perturbed in place and restored before the next, so x comes back unchanged
    (and f may read x itself, as the books' `lambda w: net.loss(x, t)` does).
    """
    x = np.asarray(x)
    if x.dtype.kind != "f":
        raise TypeError("numerical_gradient needs a float array (integer x cannot be perturbed by h)")
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=[["readwrite"]])
    while not it.finished:
        idx = it.multi_index
        keep = x[idx]
        x[idx] = keep + h
        fxh1 = f(x)
        x[idx] = keep - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = keep
        it.iternext()
    return grad


def numerical_gradient_2d(f, points, h: float = 1e-4):
    """Vectorised central differences of f(x0, x1) at many points.

    f : takes two arrays (x0, x1) and returns an array of their shape.
    points : shape (n, 2) → gradients, shape (n, 2). Same numbers as `numerical_gradient`
    applied point by point, without the Python loop: what a 40x40 quiver field needs.
    """
    p = np.asarray(points, dtype=float)
    x0, x1 = p[:, 0], p[:, 1]
    g0 = (f(x0 + h, x1) - f(x0 - h, x1)) / (2 * h)
    g1 = (f(x0, x1 + h) - f(x0, x1 - h)) / (2 * h)
    return np.stack([g0, g1], axis=1)


def gradient_descent(f, init_x, lr: float = 0.01, step_num: int = 100):
    """The books' gradient descent x ← x - lr * grad f(x), with the path it took.

    Returns (x, path): the final point and an array of shape (step_num + 1, *init_x.shape)
    holding every point from init_x to x.
    """
    x = np.array(init_x, dtype=float)
    path = [x.copy()]
    for _ in range(step_num):
        x = x - lr * numerical_gradient(f, x)
        path.append(x.copy())
    return x, np.array(path)


def relative_error(a, b, eps: float = 1e-12) -> float:
    """‖a − b‖ / (‖a‖ + ‖b‖): the gradient-check measure, blind to the scale of the parameters."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), eps))
