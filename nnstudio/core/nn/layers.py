"""Layers with forward and backward side by side; `backward` never writes into its input."""

from __future__ import annotations

import numpy as np

from nnstudio.core.nn import functions as F


class Affine:
    """out = x·W + b.  x : shape (batch, n_in) → out : shape (batch, n_out)."""

    def __init__(self, W: np.ndarray, b: np.ndarray):
        self.W, self.b = W, b
        self.x = None
        self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = F.sigmoid(x)
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


class Tanh:
    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out * self.out)


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class LeakyRelu:
    def __init__(self, alpha: float = F.LEAKY_SLOPE):
        self.alpha = alpha
        self.scale = None

    def forward(self, x):
        self.scale = np.where(x > 0, x.dtype.type(1), x.dtype.type(self.alpha))
        return x * self.scale

    def backward(self, dout):
        return dout * self.scale


class Identity:
    def forward(self, x):
        return x

    def backward(self, dout):
        return dout


class SoftmaxWithLoss:
    """Softmax then cross-entropy; backward gives (y − t) / batch, the reason they are paired."""

    output_activation = "softmax"

    def __init__(self):
        self.y = self.t = None

    def forward(self, x, t):
        """x : scores, shape (batch, 10); t : labels (batch,) or one-hot (batch, 10)."""
        self.y = F.softmax(x)
        self.t = t
        return F.cross_entropy_error(self.y, t)

    def backward(self, dout=1.0):
        batch = self.y.shape[0]
        dx = self.y.copy()
        if self.t.ndim == self.y.ndim:
            dx -= self.t
        else:
            dx[np.arange(batch), self.t] -= 1
        return dx * (dout / batch)

    @staticmethod
    def output(x):
        return F.softmax(x)


class SigmoidQuadraticLoss:
    """Nielsen's chapter 1 output: sigmoid units with the quadratic cost 0.5·Σ(a − y)², batch-mean."""

    output_activation = "sigmoid"

    def __init__(self):
        self.y = self.t = None

    def forward(self, x, t):
        self.y = F.sigmoid(x)
        self.t = t if t.ndim == 2 else _one_hot_like(self.y, t)
        return F.quadratic_cost(self.y, self.t)

    def backward(self, dout=1.0):
        batch = self.y.shape[0]
        return (self.y - self.t) * self.y * (1.0 - self.y) * (dout / batch)

    @staticmethod
    def output(x):
        return F.sigmoid(x)


def _one_hot_like(y, labels):
    out = np.zeros_like(y)
    out[np.arange(y.shape[0]), labels] = 1
    return out


ACTIVATION_LAYERS = {
    "sigmoid": Sigmoid,
    "relu": Relu,
    "tanh": Tanh,
    "leaky_relu": LeakyRelu,
    "identity": Identity,
}

LOSS_LAYERS = {
    "cross_entropy": SoftmaxWithLoss,
    "quadratic": SigmoidQuadraticLoss,
}
