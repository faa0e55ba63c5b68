"""The one mapping between NN Studio's networks and torch.nn.Sequential: which module sits at which
index, and how our parameters (the book's x @ W layout) become a state dict and back.

MultiLayerNet [784, 100, 10] relu       →  0 Linear(784, 100), 1 ReLU, 2 Linear(100, 10)
SequentialNet "conv 16 5x5, pool 2, dense 10"
                                        →  0 Conv2d(1, 16, 5x5), 1 ReLU, 2 MaxPool2d(2), 3 Flatten,
                                           4 Linear(2304, 10)

A dense layer's W (n_in, n_out) is Linear's weight transposed, (out, in); a convolution's W
(FN, C, FH, FW) is Conv2d's weight as it is (both cross-correlate). Flatten keeps (C, H, W) order
in both. The output activation (softmax, or the quadratic loss's sigmoid) is no module: the
Sequential ends with the scores, as a torch classifier trained with CrossEntropyLoss does.
The "identity" activation adds no module. The exporters (safetensors, ONNX, the .py script),
the reader of state dicts and the benchmark's PyTorch side all build from `modules`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.nn.functions import LEAKY_SLOPE
from nnstudio.core.nn.spec import Conv, Dense, Pool

# Our activation name → torch.nn class (identity: no module).
TORCH_ACTIVATIONS = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh", "leaky_relu": "LeakyReLU"}
PARAM_MODULES = ("Linear", "Conv2d")


@dataclass(frozen=True)
class Module:
    """One entry of the nn.Sequential.

    kind : the torch.nn class name; args : its constructor's arguments, in torch's order
    (Linear: in, out; Conv2d: in, out, (kh, kw), stride, padding; MaxPool2d: (kh, kw), stride,
    padding; LeakyReLU: slope); param : k of our W{k}/b{k} for Linear and Conv2d, else None."""

    kind: str
    args: tuple = ()
    param: int | None = None

    def torch_text(self) -> str:
        """How the module is written in Python: 'nn.Linear(784, 100)'."""
        if self.kind == "Conv2d":
            c_in, c_out, k, s, p = self.args
            return f"nn.Conv2d({c_in}, {c_out}, kernel_size={k}, stride={s}, padding={p})"
        if self.kind == "MaxPool2d":
            k, s, p = self.args
            return f"nn.MaxPool2d(kernel_size={k}, stride={s}, padding={p})"
        return f"nn.{self.kind}({', '.join(repr(a) for a in self.args)})"


def activation_module(activation: str) -> list[Module]:
    if activation == "identity":
        return []
    if activation == "leaky_relu":
        return [Module("LeakyReLU", (LEAKY_SLOPE,))]
    return [Module(TORCH_ACTIVATIONS[activation])]


def mlp_modules(sizes, activation: str) -> list[Module]:
    """Linear, activation, Linear, ... for layer widths [784, 100, 10] (no output activation)."""
    mods = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        mods.append(Module("Linear", (int(n_in), int(n_out)), i))
        if i < len(sizes) - 1:
            mods += activation_module(activation)
    return mods


def arch_modules(specs, shapes, input_shape, activation: str) -> list[Module]:
    """The modules of a SequentialNet (spec layers, their output shapes, input (C, H, W))."""
    mods, k, last = [], 0, len(specs) - 1
    shape = tuple(input_shape)
    for i, (spec, out) in enumerate(zip(specs, shapes)):
        if isinstance(spec, Conv):
            k += 1
            mods.append(Module("Conv2d", (shape[0], spec.filters, (spec.fh, spec.fw), spec.stride, spec.pad), k))
        elif isinstance(spec, Pool):
            mods.append(Module("MaxPool2d", ((spec.ph, spec.pw), spec.stride, spec.pad)))
        else:
            if k == 0 or not isinstance(specs[i - 1], Dense):
                mods.append(Module("Flatten"))  # as SequentialNet: before the first dense layer
            k += 1
            mods.append(Module("Linear", (int(np.prod(shape)), spec.units), k))
        if i < last and not isinstance(spec, Pool):
            mods += activation_module(activation)
        shape = out
    return mods


def modules(network) -> list[Module]:
    """The nn.Sequential of a MultiLayerNet or SequentialNet."""
    if getattr(network, "specs", None) is not None:
        return arch_modules(network.specs, network.shapes, network.input_shape, network.activation)
    return mlp_modules(network.sizes, network.activation)


def input_shape(network) -> tuple:
    """One input's shape as the exported models take it: (784,) rows for an MLP, (C, H, W) images
    for a network built from an architecture."""
    if getattr(network, "specs", None) is not None:
        return tuple(network.input_shape)
    return (network.sizes[0],)


def state_dict(network, dtype=None) -> dict:
    """{"0.weight": (out, in), "0.bias": ..., ...}: C-contiguous copies in torch's layouts."""
    out = {}
    for index, mod in enumerate(modules(network)):
        if mod.param is None:
            continue
        W, b = network.params[f"W{mod.param}"], network.params[f"b{mod.param}"]
        weight = W.T if mod.kind == "Linear" else W
        out[f"{index}.weight"] = np.ascontiguousarray(weight, dtype=dtype or W.dtype)
        out[f"{index}.bias"] = np.ascontiguousarray(b, dtype=dtype or b.dtype)
    return out


def params_from_state_dict(mods: list[Module], tensors: dict) -> dict:
    """Our params {"W1": (in, out), "b1": ...} from torch tensors named by index; a Linear or
    Conv2d without a bias gets zeros (what bias=False computes)."""
    params = {}
    for index, mod in enumerate(mods):
        if mod.param is None:
            continue
        weight = np.asarray(tensors[f"{index}.weight"])
        params[f"W{mod.param}"] = np.ascontiguousarray(weight.T) if mod.kind == "Linear" else weight
        bias = tensors.get(f"{index}.bias")
        params[f"b{mod.param}"] = np.zeros(weight.shape[0], weight.dtype) if bias is None else np.asarray(bias)
    return params


def to_torch(torch, mods: list[Module]):
    """A torch.nn.Sequential of these modules (torch passed in: it is never a dependency)."""
    nn, layers = torch.nn, []
    for mod in mods:
        if mod.kind == "Conv2d":
            c_in, c_out, k, s, p = mod.args
            layers.append(nn.Conv2d(c_in, c_out, kernel_size=k, stride=s, padding=p))
        elif mod.kind == "MaxPool2d":
            k, s, p = mod.args
            layers.append(nn.MaxPool2d(kernel_size=k, stride=s, padding=p))
        else:
            layers.append(getattr(nn, mod.kind)(*mod.args))
    return nn.Sequential(*layers)
