"""Optimizers sharing one contract: `step(params, grads)` updates the arrays in `params` in place."""

from __future__ import annotations

import math

import numpy as np


class Optimizer:
    """Base: `lr` may be changed between steps; state is created lazily per parameter key.

    `step(params, grads, overwrite_grads=False)`: a caller that has no further use for the
    gradients (the trainer) passes overwrite_grads=True and the optimizer works in them instead of
    in a buffer of its own, which saves memory traffic (most for Adam, whose update makes the
    most passes over the parameters).
    """

    name = "base"

    def __init__(self, lr: float = 0.01):
        self.lr = float(lr)
        self._scratch = None
        self._steps = 0  # steps since the state was created (for the subnormal flush)

    def step(self, params: dict, grads: dict, overwrite_grads: bool = False) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        """Forget accumulated state (velocities, moments), keeping the hyperparameters."""
        self._scratch = None
        self._steps = 0

    def _zeros_like(self, params):
        return {k: np.zeros_like(v) for k, v in params.items()}

    def _work(self, key: str, g: np.ndarray, overwrite: bool) -> np.ndarray:
        """An array shaped like g to compute in: g itself when the caller allows, else a buffer
        kept between steps (so a step allocates nothing)."""
        if overwrite and g.flags.writeable:
            return g
        if self._scratch is None:
            self._scratch = {}
        buf = self._scratch.get(key)
        if buf is None or buf.shape != g.shape or buf.dtype != g.dtype:
            buf = self._scratch[key] = np.empty_like(g)
        return buf

    def _flush_due(self) -> bool:
        self._steps += 1
        return self._steps % FLUSH_EVERY == 0


# A state that decays geometrically where the gradient is zero (Adam's m shrinks by 0.9 a step for
# the weights of pixels that are almost never inked) sinks into subnormal floats, on which the CPU
# is many times slower: on MNIST a share of Adam's first moments turns subnormal within a thousand
# steps and the whole run slows down noticeably. Every FLUSH_EVERY steps, values below FLUSH_BELOW (in units of the dtype's
# smallest normal number) are set to zero; such a value moves a weight by less than 1e-20.
FLUSH_EVERY = 50
FLUSH_BELOW = 1e8


def _flush_subnormal(state: np.ndarray, scratch: np.ndarray) -> None:
    """Zero the elements of `state` so small that a few dozen more decays make them subnormal."""
    limit = np.finfo(state.dtype).tiny * FLUSH_BELOW
    np.abs(state, out=scratch)
    np.copyto(state, 0, where=scratch < limit)


class SGD(Optimizer):
    """x <- x - lr*g."""

    name = "sgd"

    def step(self, params, grads, overwrite_grads=False):
        lr = self.lr
        for key, value in params.items():
            work = self._work(key, grads[key], overwrite_grads)
            np.multiply(grads[key], lr, out=work)
            value -= work


class Momentum(Optimizer):
    """v <- m*v - lr*g; x <- x + v."""

    name = "momentum"

    def __init__(self, lr: float = 0.01, momentum: float = 0.9):
        super().__init__(lr)
        self.momentum = float(momentum)
        self.v = None

    def reset(self):
        super().reset()
        self.v = None

    def step(self, params, grads, overwrite_grads=False):
        if self.v is None:
            self.v = self._zeros_like(params)
        flush = self._flush_due()
        for key, value in params.items():
            v, work = self.v[key], self._work(key, grads[key], overwrite_grads)
            np.multiply(grads[key], self.lr, out=work)
            v *= self.momentum
            v -= work
            value += v
            if flush:  # last: work may be the gradient itself, needed until here
                _flush_subnormal(v, work)


class Nesterov(Momentum):
    """Nesterov's accelerated gradient in the look-ahead-free form (Bengio et al. 2012):
    v <- m*v - lr*g; x <- x + m*m*v - (1+m)*lr*g. Momentum's state (v), another update."""

    name = "nesterov"

    def step(self, params, grads, overwrite_grads=False):
        if self.v is None:
            self.v = self._zeros_like(params)
        m, lr = self.momentum, self.lr
        flush = self._flush_due()
        for key, value in params.items():
            v, work = self.v[key], self._work(key, grads[key], overwrite_grads)
            np.multiply(grads[key], lr, out=work)  # work = lr*g
            v *= m
            v -= work
            work *= 1 + m
            value -= work
            np.multiply(v, m * m, out=work)
            value += work
            if flush:
                _flush_subnormal(v, work)


class AdaGrad(Optimizer):
    """h <- h + g^2; x <- x - lr*g/(sqrt(h) + eps): each parameter gets its own shrinking step."""

    name = "adagrad"

    def __init__(self, lr: float = 0.01, eps: float = 1e-7):
        super().__init__(lr)
        self.eps = float(eps)
        self.h = None

    def reset(self):
        super().reset()
        self.h = None

    def step(self, params, grads, overwrite_grads=False):
        if self.h is None:
            self.h = self._zeros_like(params)
        for key, value in params.items():
            g, h = grads[key], self.h[key]
            h += g * g
            value -= self.lr * g / (np.sqrt(h) + self.eps)


class RMSprop(Optimizer):
    """h <- rho*h + (1-rho)*g^2; x <- x - lr*g/(sqrt(h) + eps): AdaGrad that forgets old gradients."""

    name = "rmsprop"

    def __init__(self, lr: float = 0.01, decay_rate: float = 0.99, eps: float = 1e-7):
        super().__init__(lr)
        self.decay_rate = float(decay_rate)
        self.eps = float(eps)
        self.h = None

    def reset(self):
        super().reset()
        self.h = None

    def step(self, params, grads, overwrite_grads=False):
        if self.h is None:
            self.h = self._zeros_like(params)
        rho = self.decay_rate
        flush = self._flush_due()
        for key, value in params.items():
            g, h = grads[key], self.h[key]
            if flush:
                _flush_subnormal(h, self._work(key, g, False))
            h *= rho
            h += (1 - rho) * g * g
            value -= self.lr * g / (np.sqrt(h) + self.eps)


class Adam(Optimizer):
    """Adam (Kingma & Ba 2015): m <- b1*m + (1-b1)*g; v <- b2*v + (1-b2)*g^2;
    x <- x - lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v) + eps), the bias correction folded into the step.

    For speed the moments are stored scaled, m/(1-b1) and v/(1-b2): each then updates in two or
    three in-place passes (m <- b1*m + g) and the constants move into the step size and eps, ten
    passes over the parameters instead of twelve. `m` and `v` give the unscaled moments.
    """

    name = "adam"

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        super().__init__(lr)
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)
        self._ms = self._vs = None
        self.iter = 0

    def reset(self):
        super().reset()
        self._ms = self._vs = None
        self.iter = 0

    @property
    def m(self) -> dict | None:
        """First moments per key (copies), None before the first step."""
        return None if self._ms is None else {k: a * (1 - self.beta1) for k, a in self._ms.items()}

    @property
    def v(self) -> dict | None:
        """Second moments per key (copies), None before the first step."""
        return None if self._vs is None else {k: a * (1 - self.beta2) for k, a in self._vs.items()}

    def step(self, params, grads, overwrite_grads=False):
        if self._ms is None:
            self._ms, self._vs = self._zeros_like(params), self._zeros_like(params)
        self.iter += 1
        b1, b2 = self.beta1, self.beta2
        # Python floats, not NumPy float64 scalars: a float64 scalar would make every pass that
        # uses it compute in float64 through casting buffers, which makes the update much slower.
        root = math.sqrt(1.0 - b2)
        lr_t = self.lr * math.sqrt(1.0 - b2 ** self.iter) / (1.0 - b1 ** self.iter) * (1.0 - b1) / root
        eps = self.eps / root
        flush = self._flush_due()
        for key, value in params.items():
            g, m, v = grads[key], self._ms[key], self._vs[key]
            work = self._work(key, g, overwrite_grads)
            m *= b1  # m <- b1*m + g        (m/(1-b1) of the paper)
            m += g
            v *= b2  # v <- b2*v + g^2      (v/(1-b2) of the paper)
            np.multiply(g, g, out=work)
            v += work
            np.sqrt(v, out=work)  # x <- x - lr_t * m / (sqrt(v) + eps)
            work += eps
            np.divide(m, work, out=work)
            work *= lr_t
            value -= work
            if flush:  # last: work may be the gradient itself, needed until here
                _flush_subnormal(m, work)
                _flush_subnormal(v, work)


OPTIMIZERS = {cls.name: cls for cls in (SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam)}

# Sensible starting learning rates per optimizer, for the GUI's defaults.
DEFAULT_LR = {"sgd": 0.1, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.01, "rmsprop": 0.001,
              "adam": 0.001}


def make_optimizer(name: str, lr: float | None = None, **kwargs) -> Optimizer:
    """Create an optimizer by registry name, e.g. make_optimizer("adam", lr=1e-3)."""
    try:
        cls = OPTIMIZERS[name.lower()]
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r}; choose from {', '.join(OPTIMIZERS)}") from None
    return cls(lr=DEFAULT_LR[cls.name] if lr is None else lr, **kwargs)
