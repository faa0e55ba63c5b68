"""Activations with their derivatives, softmax and the loss functions, with the books' meaning."""

from __future__ import annotations

import numpy as np

# ---------------------------------------------------------------- activations and derivatives


def identity(x):
    return x


def identity_grad(x):
    return np.ones_like(x)


def step_function(x):
    """1 where x > 0, else 0, in x's float dtype (int input gives int)."""
    x = np.asarray(x)
    return (x > 0).astype(x.dtype if x.dtype.kind == "f" else int)


def step_function_grad(x):
    # Zero almost everywhere (undefined at 0): nothing can be learned through it.
    return np.zeros_like(np.asarray(x, dtype=float))


def sigmoid(x):
    """1 / (1 + exp(-x)), written through tanh so that no input overflows."""
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(float)
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x):
    return np.tanh(x)


def tanh_grad(x):
    return 1.0 - np.tanh(x) ** 2


def relu(x):
    return np.maximum(0, x)


def relu_grad(x):
    return (np.asarray(x) > 0).astype(float)


LEAKY_SLOPE = 0.01


def leaky_relu(x, alpha: float = LEAKY_SLOPE):
    x = np.asarray(x)
    return np.where(x > 0, x, alpha * x)


def leaky_relu_grad(x, alpha: float = LEAKY_SLOPE):
    return np.where(np.asarray(x) > 0, 1.0, alpha)


# name → (function, derivative); the GUI fills its combo boxes from this registry.
ACTIVATIONS = {
    "identity": (identity, identity_grad),
    "step": (step_function, step_function_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
    "leaky_relu": (leaky_relu, leaky_relu_grad),
}

# ---------------------------------------------------------------- softmax and losses


def softmax(x):
    """Probabilities along the last axis; x : shape (n,) or (batch, n).

    The max-shift keeps exp() from overflowing: [1010, 1000, 990] stays finite.
    """
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(float)
    shifted = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_naive(x):
    """exp(x) / sum(exp(x)) without the shift: overflows to nan for large logits (a demo)."""
    x = np.asarray(x, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(x)
        return e / np.sum(e, axis=-1, keepdims=True)


def _as_onehot(y, t):
    t = np.asarray(t)
    if t.shape == y.shape:
        return t
    out = np.zeros_like(y)
    if y.ndim == 1:
        out[int(t)] = 1
    else:
        out[np.arange(y.shape[0]), t.reshape(-1).astype(int)] = 1
    return out


def sum_squares_error(y, t):
    """0.5 * sum((y - t)^2) over everything (the books' "mean squared error" is this sum).

    y : shape (n,) or (batch, n); t : one-hot of the same shape or labels.
    """
    y = np.asarray(y, dtype=float) if np.asarray(y).dtype.kind != "f" else np.asarray(y)
    return 0.5 * float(np.sum((y - _as_onehot(y, t)) ** 2))


def quadratic_cost(y, t):
    """Nielsen's quadratic cost: the sum-of-squares error averaged over the batch."""
    y = np.asarray(y)
    batch = y.shape[0] if y.ndim == 2 else 1
    return sum_squares_error(y, t) / batch


CE_DELTA = 1e-7


def cross_entropy_error(y, t):
    """-sum(t * log(y)) averaged over the batch, with y clipped below at 1e-7.

    y : probabilities, shape (n,) or (batch, n); t : one-hot of the same shape or integer labels.
    The clip keeps log(0) finite, as the book's "+ 1e-7" does, and, unlike adding 1e-7, leaves
    every probability above 1e-7 exact, so backprop's (y − t) is the true gradient (relative error
    far below 1e-6 in a gradient check). The books' 0.5108 and 2.3026 are unchanged.
    """
    y = np.asarray(y)
    if y.ndim == 1:
        y = y.reshape(1, -1)
        t = np.asarray(t).reshape(1, -1) if np.asarray(t).size == y.size else np.asarray(t).reshape(1)
    t = np.asarray(t)
    if t.shape == y.shape:
        t = t.argmax(axis=1)
    batch = y.shape[0]
    picked = y[np.arange(batch), t.reshape(-1).astype(int)]
    return float(-np.sum(np.log(np.maximum(picked, CE_DELTA))) / batch)


LOSSES = {
    "cross_entropy": cross_entropy_error,
    "quadratic": quadratic_cost,
}
