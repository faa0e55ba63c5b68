"""A multi-layer perceptron built from layer objects, and the books' simpleNet and TwoLayerNet."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from nnstudio.core.nn import functions as F
from nnstudio.core.nn.fused import FusedBackprop
from nnstudio.core.nn.base import Network
from nnstudio.core.nn.layers import ACTIVATION_LAYERS, LOSS_LAYERS, Affine

# name → human description; the GUI fills its combo box from this.
INITS = {
    "std": "fixed standard deviation (the book's 0.01), zero biases",
    "nielsen": "Gaussian, std 1/sqrt(fan-in), Gaussian biases (Nielsen)",
    "xavier": "Xavier/Glorot: std sqrt(2/(fan-in + fan-out)), zero biases",
    "he": "He: std sqrt(2/fan-in), zero biases (for ReLU)",
}

EVAL_CHUNK = 10_000  # rows per forward pass when evaluating: bounds the memory of big sets


DRAW_CHUNK = 1 << 22  # initial weights are drawn this many at a time, checking for a stop


class BuildCancelled(Exception):
    """The network's construction was stopped (its `should_stop` returned True)."""


def _normal(rng, out: np.ndarray, scale: float = 1.0, should_stop=None) -> None:
    """Fill `out` with N(0, scale²) draws made in its own dtype: no float64 array twice its size
    (a 100,000-wide layer's float64 draw alone would take 630 MB). Drawn in chunks (the same
    stream as one call), polling should_stop between them."""
    flat = out.reshape(-1)
    if out.dtype not in (np.float32, np.float64):
        flat[...] = rng.standard_normal(flat.shape)
    for start in range(0, flat.size if out.dtype in (np.float32, np.float64) else 0, DRAW_CHUNK):
        if should_stop is not None and should_stop():
            raise BuildCancelled("stopped while drawing the initial weights")
        rng.standard_normal(out=flat[start:start + DRAW_CHUNK], dtype=out.dtype)
    if scale != 1.0:
        out *= out.dtype.type(scale)


def _init_layer(rng, W: np.ndarray, b: np.ndarray, init, init_std, should_stop=None,
                fans: tuple[int, int] | None = None) -> None:
    """Initialise one layer's W (n_in, n_out) and b (n_out,) in place.

    fans : (fan-in, fan-out) when W is not a matrix (a convolution's (FN, C, FH, FW): C·FH·FW in,
    FN·FH·FW out)."""
    n_in, n_out = fans if fans is not None else W.shape
    if init == "std":
        _normal(rng, W, init_std, should_stop)
        b[...] = 0
    elif init == "nielsen":
        _normal(rng, W, 1.0 / np.sqrt(n_in), should_stop)
        _normal(rng, b)
    elif init == "xavier":
        _normal(rng, W, np.sqrt(2.0 / (n_in + n_out)), should_stop)
        b[...] = 0
    elif init == "he":
        _normal(rng, W, np.sqrt(2.0 / n_in), should_stop)
        b[...] = 0
    else:
        raise ValueError(f"unknown initialisation {init!r}; choose from {', '.join(INITS)}")


class MultiLayerNet(Network):
    """Affine → activation → ... → Affine → output loss, for any number of hidden layers.

    sizes : layer widths, e.g. [784, 50, 10].  Parameters live in `params` as W1, b1, W2, ...,
    views into one contiguous array (`flat_params`); the layers hold references to them, so
    optimizers update them in place (write into them, `set_params`, never rebind the keys).
    """

    def __init__(self, sizes: Sequence[int], activation: str = "sigmoid", init: str = "std",
                 init_std: float = 0.01, loss: str = "cross_entropy", weight_decay: float = 0.0,
                 dtype=np.float32, rng: np.random.Generator | int | None = None,
                 params: dict | None = None, should_stop=None):
        sizes = [int(s) for s in sizes]
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(f"a network needs at least an input and an output size, got {sizes}")
        if activation not in ACTIVATION_LAYERS:
            raise ValueError(f"unknown activation {activation!r}; choose from {', '.join(ACTIVATION_LAYERS)}")
        if loss not in LOSS_LAYERS:
            raise ValueError(f"unknown loss {loss!r}; choose from {', '.join(LOSS_LAYERS)}")
        self.sizes, self.activation, self.init, self.init_std = sizes, activation, init, float(init_std)
        self.loss_name, self.weight_decay = loss, float(weight_decay)
        self.dtype = np.dtype(dtype)
        if params is None:
            if init not in INITS:
                raise ValueError(f"unknown initialisation {init!r}; choose from {', '.join(INITS)}")
            rng = np.random.default_rng(rng) if not isinstance(rng, np.random.Generator) else rng
            shapes = {}
            for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
                shapes[f"W{i}"], shapes[f"b{i}"] = (n_in, n_out), (n_out,)
            self._flat, self.params = _flat_views(shapes, self.dtype)  # drawn in place below
            for i in range(1, len(sizes)):
                _init_layer(rng, self.params[f"W{i}"], self.params[f"b{i}"], init, self.init_std,
                            should_stop)  # BuildCancelled when it says stop (a huge layer: seconds)
        else:
            params = {k: np.asarray(v, dtype=self.dtype) for k, v in params.items()}  # copied once below
            for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
                if params.get(f"W{i}", np.empty(0)).shape != (n_in, n_out) or \
                        params.get(f"b{i}", np.empty(0)).shape != (n_out,):
                    raise ValueError(f"parameters W{i}/b{i} do not match layer sizes {n_in}→{n_out}")
            self._flat, self.params = _flatten(params, self.dtype)
        self._flat_grads = None  # one gradient buffer shared by every batch size's workspace
        self._workspaces = {}  # batch size → FusedBackprop buffers (a last partial batch has its own)
        self._build()

    # ------------------------------------------------------------------ structure
    @property
    def n_layers(self) -> int:
        """Number of affine layers."""
        return len(self.sizes) - 1

    def _build(self):
        self.layers = []
        for i in range(1, self.n_layers + 1):
            self.layers.append(Affine(self.params[f"W{i}"], self.params[f"b{i}"]))
            if i < self.n_layers:
                self.layers.append(ACTIVATION_LAYERS[self.activation]())
        self.last_layer = LOSS_LAYERS[self.loss_name]()
        self._affines = [layer for layer in self.layers if isinstance(layer, Affine)]

    def config(self) -> dict:
        """Everything needed to rebuild this architecture (JSON-serialisable)."""
        return {"sizes": self.sizes, "activation": self.activation, "init": self.init,
                "init_std": self.init_std, "loss": self.loss_name, "weight_decay": self.weight_decay,
                "dtype": self.dtype.name}

    @classmethod
    def from_config(cls, config: dict, params: dict | None = None, rng=None) -> "MultiLayerNet":
        return cls(config["sizes"], activation=config["activation"], init=config.get("init", "std"),
                   init_std=config.get("init_std", 0.01), loss=config.get("loss", "cross_entropy"),
                   weight_decay=config.get("weight_decay", 0.0), dtype=config.get("dtype", "float32"),
                   params=params, rng=rng)

    def predict(self, x):
        """Scores before the output activation; x : shape (batch, sizes[0]) → (batch, sizes[-1])."""
        x = np.asarray(x, dtype=self.dtype)
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def activations(self, x) -> list[tuple[str, np.ndarray]]:
        """Every stage of the forward pass: [("input", x), ("A1", ..), ("Z1", ..), ..., ("output", y)]."""
        x = np.asarray(x, dtype=self.dtype)
        stages = [("input", x)]
        affine_i = 0
        for layer in self.layers:
            x = layer.forward(x)
            if isinstance(layer, Affine):
                affine_i += 1
                stages.append((f"A{affine_i}", x))
            else:
                stages.append((f"Z{affine_i}", x))
        stages.append(("output", self.last_layer.output(x)))
        return stages

    def eval_chunk(self) -> int:
        """Rows per forward pass when evaluating (nnstudio.core.nn.memory.eval_chunk_rows)."""
        from nnstudio.core.nn.memory import eval_chunk_rows

        return min(eval_chunk_rows(self.sizes, self.dtype), EVAL_CHUNK)

    def scores(self, x) -> np.ndarray:
        """The same scores as `predict` without keeping any layer's input: one activation array per
        layer at a time (inference only; `gradient` needs `predict`'s stored inputs)."""
        h = np.asarray(x, dtype=self.dtype)
        n = self.n_layers
        for i in range(1, n + 1):
            a = h @ self.params[f"W{i}"]
            a += self.params[f"b{i}"]
            if i < n:
                a = ACTIVATION_LAYERS[self.activation]().forward(a)
            h = a
        return h

    # ------------------------------------------------------------------ gradients
    def gradient(self, x, t, return_loss: bool = False):
        """Backpropagation: grads with the keys of `params` (and the loss, if asked)."""
        scores = self.predict(x)
        loss = self.last_layer.forward(scores, np.asarray(t))
        dout = self.last_layer.backward(1.0)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        grads = {}
        for i, affine in enumerate(self._affines, start=1):
            grads[f"W{i}"] = affine.dW
            grads[f"b{i}"] = affine.db
            if self.weight_decay:
                grads[f"W{i}"] = affine.dW + self.weight_decay * affine.W
        if return_loss:
            return grads, float(loss) + self._decay_penalty()
        return grads

    def train_gradient(self, x, t, scale: float = 1.0) -> tuple[np.ndarray, float]:
        """The fast path of training (core/nn/fused.py): backprop for one mini-batch into reused buffers.

        x : shape (batch, sizes[0]) in this network's dtype; t : integer labels, shape (batch,)
        (one-hot rows are accepted too). scale : multiply the gradient by this, free of charge
        (plain SGD passes its learning rate and then subtracts the result: one pass less).
        Returns (flat_grads, loss): the gradient of every parameter laid out like `flat_params`
        (overwritten by the next call; copy to keep it) and the mini-batch loss incl. weight decay
        (never scaled).
        Same numbers as `gradient`, without layer objects, temporaries or the input's own
        gradient (nothing needs it): what keeps a batch-10 step in tens of microseconds.
        """
        x = np.asarray(x, dtype=self.dtype)
        t = np.asarray(t)
        if t.ndim == 2:  # one-hot rows → labels
            t = t.argmax(axis=1)
        if t.dtype != np.intp:
            t = t.astype(np.intp)
        ws = self._workspaces.get(len(x))
        if ws is None:
            ws = self._workspaces[len(x)] = FusedBackprop(self, len(x))
        return ws.run(x, t, scale)


class TwoLayerNet(MultiLayerNet):
    """The book's two-layer net: TwoLayerNet(input_size, hidden_size, output_size, weight_init_std)."""

    def __init__(self, input_size: int, hidden_size: int, output_size: int,
                 weight_init_std: float = 0.01, dtype=np.float64, rng=None, activation: str = "sigmoid"):
        super().__init__([input_size, hidden_size, output_size], activation=activation, init="std",
                         init_std=weight_init_std, dtype=dtype, rng=rng)


class SimpleNet:
    """The book's 2x3 example: one weight matrix, softmax and cross-entropy."""

    def __init__(self, W: np.ndarray | None = None, rng=None):
        self.W = np.array(W, dtype=float) if W is not None else np.random.default_rng(rng).standard_normal((2, 3))

    def predict(self, x):
        return np.dot(x, self.W)

    def loss(self, x, t) -> float:
        return F.cross_entropy_error(F.softmax(self.predict(x)), t)


simpleNet = SimpleNet  # the book's spelling


# The book's three-layer forward pass with fixed weights (chapter 3), used by tests and Concepts.
BOOK_NETWORK = {
    "W1": np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]), "b1": np.array([0.1, 0.2, 0.3]),
    "W2": np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]), "b2": np.array([0.1, 0.2]),
    "W3": np.array([[0.1, 0.3], [0.2, 0.4]]), "b3": np.array([0.1, 0.2]),
}


def book_forward(x, network: dict = BOOK_NETWORK) -> dict:
    """Every stage of the book's 2-3-2-2 network (sigmoid, sigmoid, identity): X, A1, Z1, ..., Y."""
    x = np.asarray(x, dtype=float)
    a1 = x @ network["W1"] + network["b1"]
    z1 = F.sigmoid(a1)
    a2 = z1 @ network["W2"] + network["b2"]
    z2 = F.sigmoid(a2)
    a3 = z2 @ network["W3"] + network["b3"]
    return {"X": x, "A1": a1, "Z1": z1, "A2": a2, "Z2": z2, "A3": a3, "Y": F.identity(a3)}


def _flat_views(shapes: dict, dtype) -> tuple[np.ndarray, dict]:
    """One uninitialised contiguous buffer for arrays of these shapes, in W1, b1, W2, ... order
    → (flat, {key: view into flat})."""
    keys = sorted(shapes, key=lambda k: (int(k[1:]), k[0] != "W"))  # W1, b1, W2, b2, ...
    flat = np.empty(sum(math.prod(shapes[k]) for k in keys), dtype=dtype)
    views, offset = {}, 0
    for key in keys:
        size = math.prod(shapes[key])
        views[key] = flat[offset:offset + size].reshape(shapes[key])
        offset += size
    return flat, views


def _flatten(params: dict, dtype) -> tuple[np.ndarray, dict]:
    """Copy W1, b1, W2, ... into one contiguous buffer → (flat, {key: view into flat})."""
    flat, views = _flat_views({k: np.shape(v) for k, v in params.items()}, dtype)
    for key, view in views.items():
        view[...] = params[key]
    return flat, views
