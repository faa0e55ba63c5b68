"""Gradient check: backpropagation against the numerical gradient, parameter by parameter, timed."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from nnstudio.core.nn.functions import softmax
from nnstudio.core.nn.gradient import numerical_gradient, relative_error
from nnstudio.core.nn.network import SimpleNet, TwoLayerNet

BACKPROP_REPEATS = 20  # backprop is too quick to time once: report the mean of several calls
PROGRESS_EVERY = 500  # numerical-gradient elements between two progress reports


@dataclass(frozen=True)
class ParamCheck:
    """How one parameter array's two gradients compare.

    backprop, numerical : the gradients themselves (copies), shape `shape`.
    seconds : the time the numerical gradient of this array took.
    """

    name: str
    shape: tuple
    mean_abs_diff: float
    max_abs_diff: float
    relative_error: float
    seconds: float
    backprop: np.ndarray
    numerical: np.ndarray

    @property
    def size(self) -> int:
        return int(np.prod(self.shape))


@dataclass(frozen=True)
class Progress:
    """The numerical gradient has done `done` of `total` parameter elements."""

    done: int
    total: int


@dataclass(frozen=True)
class GradCheckResult:
    """Every parameter's comparison and the two timings (seconds) for the whole gradient."""

    sizes: tuple
    batch: int
    params: tuple  # of ParamCheck, in the network's order W1, b1, W2, b2
    backprop_seconds: float
    numerical_seconds: float
    arch: str | None = None  # a conv net's architecture text (None: an MLP, described by `sizes`)

    @property
    def shape_text(self) -> str:
        """'784-10-10', or the conv net's layers."""
        return self.arch or "-".join(map(str, self.sizes))

    @property
    def n_params(self) -> int:
        return sum(p.size for p in self.params)

    @property
    def slowdown(self) -> float:
        """How many times longer the numerical gradient took than backpropagation."""
        return self.numerical_seconds / max(self.backprop_seconds, 1e-12)

    @property
    def max_mean_abs_diff(self) -> float:
        return max(p.mean_abs_diff for p in self.params)

    @property
    def max_relative_error(self) -> float:
        return max(p.relative_error for p in self.params)


def make_network(input_size: int = 784, hidden_size: int = 10, output_size: int = 10,
                 seed: int = 0) -> TwoLayerNet:
    """A float64 TwoLayerNet (float64: central differences need the precision)."""
    return TwoLayerNet(input_size, hidden_size, output_size, dtype=np.float64,
                       rng=np.random.default_rng(seed))


def tiny_conv_arch(filters: int = 3) -> str:
    """A conv net small enough for central differences over every parameter in about a second:
    5x5 filters with stride 3 (8x8 maps), max pooling 2, then the 10 scores."""
    return f"conv {int(filters)} 5x5 s3, pool 2, dense 10"


def make_conv_network(filters: int = 3, seed: int = 0):
    """A float64 SequentialNet of tiny_conv_arch(filters) on 28x28 images."""
    from nnstudio.core.nn.sequential import SequentialNet

    rng = np.random.default_rng(seed)
    net = SequentialNet(tiny_conv_arch(filters), activation="relu", init="he", dtype=np.float64, rng=rng)
    # Small positive conv biases: on MNIST's blank background every filter's output would be its
    # bias, 0 from the initialisation, exactly at ReLU's kink, where a central difference
    # straddles both slopes and can never match backprop's one-sided derivative.
    net.params["b1"][...] = rng.uniform(0.05, 0.2, net.params["b1"].shape)
    return net


def _central_differences(loss, value, out, start: int, stop: int, h: float) -> None:
    """out.flat[i] = (loss with value.flat[i] + h − loss with value.flat[i] − h) / 2h for i in [start, stop).

    The same central difference as nnstudio.core.nn.gradient.numerical_gradient, in slices so the
    caller can report progress and stop in between; each element is restored at once.
    """
    flat = value.reshape(-1)  # a view: the network reads `value` itself
    for i in range(start, stop):
        keep = flat[i]
        flat[i] = keep + h
        plus = loss()
        flat[i] = keep - h
        minus = loss()
        flat[i] = keep
        out.flat[i] = (plus - minus) / (2 * h)


def run_gradient_check(network, x, t, repeats: int = BACKPROP_REPEATS, h: float = 1e-4):
    """Generator: compare backprop with central differences for every parameter of `network`.

    x : shape (batch, n_in); t : labels (batch,) or one-hot (batch, n_out).
    Yields ("backprop", seconds) once, then Progress every PROGRESS_EVERY elements and one
    ParamCheck per parameter as its (slow) numerical gradient finishes, and finally the
    GradCheckResult.  Stopping the iteration between yields cancels the check; each perturbed
    element is restored before the next yield, so the parameters are left as they were.
    """
    x = np.asarray(x, dtype=network.dtype)
    t = np.asarray(t)
    start = time.perf_counter()
    for _ in range(max(1, repeats)):
        grads = network.gradient(x, t)
    backprop_seconds = (time.perf_counter() - start) / max(1, repeats)
    grads = {k: np.array(v, copy=True) for k, v in grads.items()}
    yield ("backprop", backprop_seconds)

    total = sum(v.size for v in network.params.values())
    done = 0
    checks = []
    for name, value in network.params.items():
        numerical = np.zeros_like(value)
        seconds = 0.0
        for start_index in range(0, value.size, PROGRESS_EVERY):
            stop_index = min(start_index + PROGRESS_EVERY, value.size)
            start = time.perf_counter()
            _central_differences(lambda: network.loss(x, t), value, numerical, start_index, stop_index, h)
            seconds += time.perf_counter() - start
            done += stop_index - start_index
            yield Progress(done, total)
        diff = np.abs(grads[name] - numerical)
        check = ParamCheck(name, tuple(value.shape), float(diff.mean()), float(diff.max()),
                           relative_error(grads[name], numerical), seconds, grads[name], numerical)
        checks.append(check)
        yield check
    yield GradCheckResult(tuple(network.sizes), int(x.shape[0]), tuple(checks), backprop_seconds,
                          sum(c.seconds for c in checks), getattr(network, "arch", None))


def gradient_check(network, x, t, repeats: int = BACKPROP_REPEATS, h: float = 1e-4) -> GradCheckResult:
    """Run `run_gradient_check` to the end and return its GradCheckResult."""
    result = None
    for result in run_gradient_check(network, x, t, repeats, h):
        pass
    return result


# The book's worked example (Saito, ch. 4, gradient_simplenet.py): the W it prints, x and t.
BOOK_SIMPLENET_W = ((0.47355232, 0.9977393, 0.84668094), (0.85557411, 0.03563661, 0.69422093))
BOOK_SIMPLENET_X = (0.6, 0.9)
BOOK_SIMPLENET_T = (0, 0, 1)


@dataclass(frozen=True)
class SimpleNetExample:
    """simpleNet's numbers: W (2, 3), x (2,), t (3,), scores x·W and softmax (3,), the loss,
    dW by central differences (2, 3), and backprop's x^T (y − t) (2, 3) with their relative error."""

    W: np.ndarray
    x: np.ndarray
    t: np.ndarray
    scores: np.ndarray
    probabilities: np.ndarray
    loss: float
    dW: np.ndarray
    backprop: np.ndarray
    relative_error: float


def simplenet_example(W=BOOK_SIMPLENET_W, x=BOOK_SIMPLENET_X, t=BOOK_SIMPLENET_T,
                      h: float = 1e-4) -> SimpleNetExample:
    """The book's `f = lambda w: net.loss(x, t); dW = numerical_gradient(f, net.W)`, with backprop beside it."""
    net = SimpleNet(np.array(W, dtype=np.float64))
    x, t = np.array(x, dtype=np.float64), np.array(t, dtype=np.float64)
    dW = numerical_gradient(lambda w: net.loss(x, t), net.W, h)
    scores = net.predict(x)
    y = softmax(scores)
    backprop = np.outer(x, y - t)  # softmax-with-loss's backward: (y − t), then the product's x^T
    return SimpleNetExample(net.W.copy(), x, t, scores, y, net.loss(x, t), dW, backprop,
                            relative_error(backprop, dW))
