"""SequentialNet: a network built from an architecture text (conv, pool, dense layers; spec.py),
driven by the Trainer, the optimizers, the evaluation and the model files exactly like MultiLayerNet."""

from __future__ import annotations

import math

import numpy as np

from nnstudio.core.errors import UserInputError
from nnstudio.core.nn.base import Network
from nnstudio.core.nn.conv import Convolution, Flatten, Pooling
from nnstudio.core.nn.layers import ACTIVATION_LAYERS, LOSS_LAYERS, Affine
from nnstudio.core.nn.network import EVAL_CHUNK, INITS, _flat_views, _flatten, _init_layer
from nnstudio.core.nn.spec import INPUT_SHAPE, Conv, Dense, Pool, format_arch, layer_shapes, param_shapes, parse_arch


class SequentialNet(Network):
    """conv → activation → pool → ... → dense → activation → ... → dense → output loss.

    arch : the architecture text ("conv 16 5x5, pool 2, dense 10") or layers parsed by spec.parse_arch.
    input_shape : (channels, height, width) of one image; inputs arrive as flat rows (N, C·H·W).
    Parameters live in `params` as W1, b1, W2, ... (numbered over the conv and dense layers, as the
    book's SimpleConvNet), views into one contiguous array (`flat_params`); the layers hold
    references to them, so optimizers update them in place (never rebind the keys).
    `sizes` is [inputs, the flattened output of each conv and dense layer..., classes]: sizes[0]
    and sizes[-1] mean what they mean for MultiLayerNet.
    """

    def __init__(self, arch, activation: str = "relu", init: str = "he", init_std: float = 0.01,
                 loss: str = "cross_entropy", weight_decay: float = 0.0, dtype=np.float32,
                 rng: np.random.Generator | int | None = None, params: dict | None = None,
                 input_shape=INPUT_SHAPE, should_stop=None):
        self.input_shape = tuple(int(n) for n in input_shape)
        self.specs = parse_arch(arch, self.input_shape) if isinstance(arch, str) else tuple(arch)
        self.arch = format_arch(self.specs)
        if activation not in ACTIVATION_LAYERS:
            raise ValueError(f"unknown activation {activation!r}; choose from {', '.join(ACTIVATION_LAYERS)}")
        if loss not in LOSS_LAYERS:
            raise ValueError(f"unknown loss {loss!r}; choose from {', '.join(LOSS_LAYERS)}")
        self.activation, self.init, self.init_std = activation, init, float(init_std)
        self.loss_name, self.weight_decay = loss, float(weight_decay)
        self.dtype = np.dtype(dtype)
        self.shapes = layer_shapes(self.specs, self.input_shape)  # per layer, for one image
        param_layers = [(spec, shape) for spec, shape in zip(self.specs, self.shapes)
                        if isinstance(spec, (Conv, Dense))]
        self.sizes = [math.prod(self.input_shape)] + [math.prod(shape) for _, shape in param_layers]
        expected = param_shapes(self.specs, self.input_shape)
        if params is None:
            if init not in INITS:
                raise ValueError(f"unknown initialisation {init!r}; choose from {', '.join(INITS)}")
            rng = np.random.default_rng(rng) if not isinstance(rng, np.random.Generator) else rng
            self._flat, self.params = _flat_views(expected, self.dtype)
            for i in range(1, len(param_layers) + 1):
                W = self.params[f"W{i}"]
                fans = (math.prod(W.shape[1:]), W.shape[0] * math.prod(W.shape[2:])) if W.ndim == 4 else None
                _init_layer(rng, W, self.params[f"b{i}"], init, self.init_std, should_stop, fans)
        else:
            params = {k: np.asarray(v, dtype=self.dtype) for k, v in params.items()}
            if set(params) != set(expected):
                raise ValueError(f"parameters {sorted(params)} do not match the architecture's {sorted(expected)}")
            for key, shape in expected.items():
                if params[key].shape != shape:
                    raise ValueError(f"parameter {key} has shape {params[key].shape}, the architecture "
                                     f"says {shape}")
            self._flat, self.params = _flatten(params, self.dtype)
        self._flat_grads = None
        self._grad_views = None
        self.layers = self._make_layers()
        self.last_layer = LOSS_LAYERS[self.loss_name]()

    # ------------------------------------------------------------------ structure
    @property
    def n_layers(self) -> int:
        """Number of layers with parameters (conv and dense)."""
        return len(self.sizes) - 1

    def _make_layers(self, fuse: bool = True) -> list:
        """Fresh layer objects over the shared parameter arrays (they keep per-call state, so
        inference makes its own and never disturbs a training step's stored inputs).

        fuse : a ReLU followed by max pooling becomes one Pooling(relu=True) (the same values
        and gradients in one pass instead of two); `activations` asks for the book's layers."""
        layers, k, last = [], 0, len(self.specs) - 1
        for i, spec in enumerate(self.specs):
            if isinstance(spec, Conv):
                k += 1
                layers.append(Convolution(self.params[f"W{k}"], self.params[f"b{k}"], spec.stride, spec.pad))
            elif isinstance(spec, Pool):
                relu = fuse and bool(layers) and isinstance(layers[-1], ACTIVATION_LAYERS["relu"])
                if relu:
                    layers.pop()
                layers.append(Pooling(spec.ph, spec.pw, spec.stride, spec.pad, relu=relu))
                continue
            else:
                if k == 0 or not isinstance(self.specs[i - 1], Dense):
                    layers.append(Flatten())  # (N, C, H, W) → (N, C·H·W); a no-op on flat rows
                k += 1
                layers.append(Affine(self.params[f"W{k}"], self.params[f"b{k}"]))
            if i < last:
                layers.append(ACTIVATION_LAYERS[self.activation]())
        if isinstance(layers[0], Convolution):
            layers[0].compute_dx = False  # nothing needs the input image's gradient: a col2im saved
        return layers

    def config(self) -> dict:
        """Everything needed to rebuild this architecture (JSON-serialisable)."""
        return {"arch": self.arch, "input_shape": list(self.input_shape), "activation": self.activation,
                "init": self.init, "init_std": self.init_std, "loss": self.loss_name,
                "weight_decay": self.weight_decay, "dtype": self.dtype.name}

    @classmethod
    def from_config(cls, config: dict, params: dict | None = None, rng=None) -> SequentialNet:
        return cls(config["arch"], activation=config.get("activation", "relu"), init=config.get("init", "he"),
                   init_std=config.get("init_std", 0.01), loss=config.get("loss", "cross_entropy"),
                   weight_decay=config.get("weight_decay", 0.0), dtype=config.get("dtype", "float32"),
                   params=params, rng=rng, input_shape=config.get("input_shape", INPUT_SHAPE))

    def _images(self, x) -> np.ndarray:
        """Flat rows (N, C·H·W) or images (N, C, H, W) → images (N, C, H, W) in this dtype."""
        x = np.asarray(x, dtype=self.dtype)
        return x.reshape((len(x), *self.input_shape))

    def predict(self, x):
        """Scores before the output activation; x : shape (batch, C·H·W) → (batch, classes).
        The layers keep their inputs for `gradient` (training's forward pass)."""
        h = self._images(x)
        for layer in self.layers:
            h = layer.forward(h)
        return h

    def scores(self, x) -> np.ndarray:
        """The same scores as `predict` through layer objects of its own (inference only: safe
        beside a training step, as the GUI evaluates while a run is paused)."""
        h = self._images(x)
        layers = self._make_layers()
        while layers:  # each layer (and its im2col buffers) is let go once it has run
            h = layers.pop(0).forward(h)
        return h

    def activations(self, x) -> list[tuple[str, np.ndarray]]:
        """Every stage: [("input", images), ("A1", conv1 out), ("Z1", activated), ("P1", pooled), ...,
        ("A<n>", scores), ("output", y)]."""
        h = self._images(x)
        stages, k = [("input", h)], 0
        for layer in self._make_layers(fuse=False):
            h = layer.forward(h)
            if isinstance(layer, (Convolution, Affine)):
                k += 1
                stages.append((f"A{k}", h))
            elif isinstance(layer, Pooling):
                stages.append((f"P{k}", h))
            elif not isinstance(layer, Flatten):
                stages.append((f"Z{k}", h))
        stages.append(("output", self.last_layer.output(h)))
        return stages

    def eval_chunk(self) -> int:
        """Rows per forward pass when evaluating (nnstudio.core.nn.memory.arch_eval_chunk_rows):
        a chunk's im2col buffers and activations stay bounded."""
        from nnstudio.core.nn.memory import arch_eval_chunk_rows

        return min(arch_eval_chunk_rows(self.specs, self.input_shape, self.dtype), EVAL_CHUNK)

    # ------------------------------------------------------------------ gradients
    def _backward(self, x, t) -> float:
        """Forward and backward through the layer objects (each keeps its dW, db); the data loss."""
        loss = float(self.last_layer.forward(self.predict(x), t))
        dout = self.last_layer.backward(1.0)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return loss

    def _param_layers(self) -> list:
        return [layer for layer in self.layers if isinstance(layer, (Convolution, Affine))]

    def gradient(self, x, t, return_loss: bool = False):
        """Backpropagation: grads with the keys of `params` (and the loss, if asked)."""
        loss = self._backward(x, np.asarray(t))
        grads = {}
        for i, layer in enumerate(self._param_layers(), start=1):
            W = self.params[f"W{i}"]
            grads[f"W{i}"] = layer.dW + self.weight_decay * W if self.weight_decay else layer.dW
            grads[f"b{i}"] = layer.db
        if return_loss:
            return grads, loss + self._decay_penalty()
        return grads

    def train_gradient(self, x, t, scale: float = 1.0) -> tuple[np.ndarray, float]:
        """One mini-batch's backprop for the trainer, as MultiLayerNet.train_gradient.

        x : shape (batch, C·H·W) in this network's dtype; t : labels (batch,) or one-hot rows.
        scale : multiply the gradient by this (plain SGD passes its learning rate).
        Returns (flat_grads, loss): every parameter's gradient laid out like `flat_params`
        (overwritten by the next call) and the loss incl. weight decay (never scaled)."""
        t = np.asarray(t)
        if t.ndim == 2:
            t = t.argmax(axis=1)
        loss = self._backward(x, t.astype(np.intp, copy=False))
        if self._flat_grads is None:
            self._flat_grads = np.zeros_like(self._flat)
            offsets, views = 0, {}
            for key, value in self.params.items():  # params are in W1, b1, W2, ... order
                views[key] = self._flat_grads[offsets:offsets + value.size].reshape(value.shape)
                offsets += value.size
            self._grad_views = views
        g, wd = self._grad_views, self.weight_decay
        for i, layer in enumerate(self._param_layers(), start=1):
            np.copyto(g[f"W{i}"], layer.dW, casting="same_kind")
            np.copyto(g[f"b{i}"], layer.db, casting="same_kind")
            if wd:
                g[f"W{i}"] += self.dtype.type(wd) * self.params[f"W{i}"]
        if scale != 1.0:
            self._flat_grads *= self.dtype.type(scale)
        return self._flat_grads, loss + self._decay_penalty()


def build_network(config: dict, params: dict | None = None, rng=None):
    """A network from a model header's config: SequentialNet when it names an architecture
    ("arch"), else MultiLayerNet."""
    from nnstudio.core.nn.network import MultiLayerNet

    if config.get("arch") is not None:
        return SequentialNet.from_config(config, params=params, rng=rng)
    return MultiLayerNet.from_config(config, params=params, rng=rng)


def check_input_size(input_size: int, input_shape=INPUT_SHAPE) -> None:
    """UserInputError unless flat rows of `input_size` values reshape into images of input_shape."""
    if int(input_size) != math.prod(input_shape):
        raise UserInputError(f"an architecture with conv layers takes {'x'.join(map(str, input_shape[1:]))} "
                             f"images ({math.prod(input_shape)} values a row), the data has {input_size}")
