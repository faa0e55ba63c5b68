"""safetensors state dicts of a torch nn.Sequential: written from a network, opened as one.

A state dict alone says which Linear and Conv2d layers there are, not which activation follows
them, nor a convolution's stride and padding, nor the pooling between: those come from the file's
metadata (written by us: the key "nnstudio"; anyone can add "activation", "arch", "input_shape"
and "output"), or from the caller (the export command's --activation, --arch, --input-shape).
What is not declared is refused with one line saying how to declare it: never a guess.
Shapes and dtypes are checked from the file's header before any tensor is read.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

from nnstudio.core.files import atomic_write
from nnstudio.core.interop import layout, require
from nnstudio.core.nn import serialization as ser
from nnstudio.core.nn.layers import ACTIVATION_LAYERS
from nnstudio.core.nn.serialization import FORMAT, ModelFileError
from nnstudio.core.nn.spec import INPUT_SHAPE, layer_shapes, parse_arch

META_KEY = "nnstudio"  # our JSON description: {"format", "version", "network", "summary"}
OUTPUTS = {"softmax": "cross_entropy", "sigmoid": "quadratic"}  # metadata "output" → our loss
DTYPES = {"F32": np.float32, "F64": np.float64}
SUMMARY_KEYS = ("name", "preset", "config", "finished", "created", "dataset")
SUPPORTED = "Linear, Conv2d, ReLU, Sigmoid, Tanh, LeakyReLU, MaxPool2d and Flatten"
_KEY = re.compile(r"^([0-9]+)\.(weight|bias)$")


class UndeclaredStateDict(ModelFileError):
    """A state dict that is readable but does not say what a network needs besides its tensors:
    the activation after its layers (`needs_activation`), or, with a Conv2d, the architecture
    (`needs_arch`). `layers` lists [(index, "Linear" | "Conv2d", weight shape)] so that a program
    can ask its user and read the file again with the answers (read_safetensors(activation, arch))."""

    def __init__(self, message: str, layers: list, needs_activation: bool, needs_arch: bool):
        super().__init__(message)
        self.layers, self.needs_activation, self.needs_arch = layers, needs_activation, needs_arch


def summary(meta: dict) -> dict:
    """The training summary an export carries: name, preset, settings, how the run ended."""
    out = {k: meta[k] for k in SUMMARY_KEYS if k in meta}
    history = meta.get("history")  # the app's {"epochs": [...], ...} or train --json's [epoch, ...]
    epochs = history.get("epochs") if isinstance(history, dict) else history
    if isinstance(epochs, list) and epochs and isinstance(epochs[-1], dict):
        out["last_epoch"] = {k: epochs[-1].get(k) for k in ("epoch", "iteration", "train_acc", "test_acc")}
    return out


def metadata(network, meta: dict) -> dict:
    """The safetensors metadata (str → str) of an export."""
    mods = layout.modules(network)
    version = ser.FORMAT_VERSION if "arch" in network.config() else 1
    d = {META_KEY: json.dumps({"format": FORMAT, "version": version, "network": network.config(),
                               "summary": summary(meta)}, default=str),
         "activation": network.activation,
         "input_shape": ",".join(map(str, layout.input_shape(network))),
         "output": "softmax" if network.loss_name == "cross_entropy" else "sigmoid",
         "modules": "; ".join(f"{i} {m.torch_text()}" for i, m in enumerate(mods))}
    if getattr(network, "arch", None):
        d["arch"] = network.arch
    else:
        d["layers"] = "-".join(map(str, network.sizes))
    return d


def write_safetensors(network, meta: dict, path) -> None:
    """The network's state dict, in its own dtype, with `metadata` (written atomically)."""
    st = require("safetensors.numpy", "writing .safetensors")
    data = st.save(layout.state_dict(network), metadata=metadata(network, meta))
    with atomic_write(path, "wb") as fh:
        fh.write(data)


# ---------------------------------------------------------------------------------------------
# Reading

def read_safetensors(path, activation: str | None = None, arch: str | None = None,
                     input_shape=None, available: int | None = None):
    """A network from the state dict in `path` → (network, meta); ModelFileError names what is wrong.

    activation, arch, input_shape : declarations for a state dict whose metadata lacks them."""
    path = Path(path)
    if path.is_dir():
        raise ModelFileError(f"{path}: is a folder, not a model file")
    if not path.is_file():
        raise ModelFileError(f"{path}: file not found")
    try:
        from safetensors import safe_open
    except ImportError:
        raise ModelFileError(f"{path}: reading .safetensors needs the 'safetensors' package: "
                             f"pip install 'nnstudio[export]'") from None
    try:
        with safe_open(str(path), framework="np") as f:
            return _read(path, f, activation, arch, input_shape, available)
    except UndeclaredStateDict as exc:
        raise UndeclaredStateDict(" ".join(str(exc).split()), exc.layers, exc.needs_activation,
                                  exc.needs_arch) from None
    except ModelFileError as exc:
        raise ModelFileError(" ".join(str(exc).split())) from None
    except OSError as exc:
        raise ModelFileError(f"{path}: cannot be read ({exc.strerror or ser._short(exc)})") from None
    except Exception as exc:  # noqa: BLE001 - untrusted bytes: the reader raises its own errors
        raise ModelFileError(f"{path}: not a readable .safetensors file ({ser._short(exc)})") from None


def _read(path: Path, f, activation, arch, input_shape, available):
    meta_in = f.metadata() or {}
    keys = list(f.keys())
    if not keys:
        raise ModelFileError(f"{path}: the state dict holds no tensors")
    if len(keys) > ser.MAX_MEMBERS:
        raise ModelFileError(f"{path}: {len(keys)} tensors, more than a network NN Studio builds holds")
    found = _found_layers(path, f, keys)  # [(index, kind, weight shape, dtype), ...]
    config, meta = _declared(path, meta_in, found, activation, arch, input_shape)
    config.setdefault("dtype", "float64" if any(d == np.float64 for *_, d in found) else "float32")
    config, dtype = ser._check_network(path, {"network": config})
    mods = _expected_modules(path, config)
    expected = [m for m in mods if m.param is not None]
    if len(expected) != len(found):
        raise ModelFileError(f"{path}: the state dict has {len(found)} Linear/Conv2d layers, the "
                             f"declared architecture {_what(config)} has {len(expected)}")
    shapes = {}
    for mod, (index, kind, shape, _dt) in zip(expected, found):
        want = _torch_weight_shape(mod)
        if kind != mod.kind or shape != want:
            raise ModelFileError(f"{path}: module {index} is {kind} with weight {shape}; the declared "
                                 f"architecture {_what(config)} has {mod.kind} with weight {want} there")
        shapes[f"W{mod.param}"], shapes[f"b{mod.param}"] = shape, (shape[0],)
    ser._check_memory(path, shapes, _what(config), dtype, available)
    tensors = {}
    for mod, (index, *_rest) in zip(expected, found):
        for name in (f"{index}.weight", f"{index}.bias"):
            if name in keys:
                value = f.get_tensor(name)
                if not np.isfinite(value).all():
                    raise ModelFileError(f"{path}: tensor {name} holds NaN or infinite values")
                tensors[name] = value
    renamed = {}  # the file's indices → ours (its modules may sit at other indices: Dropout, ...)
    for mod_index, mod in enumerate(mods):
        if mod.param is not None:
            index = found[mod.param - 1][0]
            for part in ("weight", "bias"):
                if f"{index}.{part}" in tensors:
                    renamed[f"{mod_index}.{part}"] = tensors[f"{index}.{part}"]
    params = layout.params_from_state_dict(mods, renamed)
    with np.errstate(over="ignore"):
        params = {k: v.astype(dtype, copy=False) for k, v in params.items()}
    if not all(np.isfinite(v).all() for v in params.values()):
        raise ModelFileError(f"{path}: its values are too large for {dtype.name}")
    from nnstudio.core.nn.sequential import build_network

    try:
        network = build_network(config, params=params)
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        raise ModelFileError(f"{path}: inconsistent model: {ser._short(exc)}") from None
    return network, meta


def _found_layers(path: Path, f, keys) -> list:
    """The Linear and Conv2d layers of the state dict, by index: [(index, kind, weight shape, dtype)]."""
    groups = {}
    for key in keys:
        m = _KEY.match(key)
        if not m:
            prefix = key.rsplit(".", 1)[0] if "." in key else key
            raise ModelFileError(f"{path}: tensor '{key[:60]}' is not a parameter of a flat nn.Sequential "
                                 f"('0.weight', '0.bias', ...): module '{prefix[:40]}' is not supported "
                                 f"(NN Studio builds {SUPPORTED})")
        groups.setdefault(int(m.group(1)), set()).add(m.group(2))
    layers = []
    for index in sorted(groups):
        if "weight" not in groups[index]:
            raise ModelFileError(f"{path}: module {index} has a bias but no weight")
        sl = f.get_slice(f"{index}.weight")
        shape, dt = tuple(int(n) for n in sl.get_shape()), sl.get_dtype()
        kind = {2: "Linear", 4: "Conv2d"}.get(len(shape))
        if kind is None:
            guess = {1: " (a BatchNorm or LayerNorm?)", 3: " (a Conv1d?)", 5: " (a Conv3d?)"}.get(len(shape), "")
            raise ModelFileError(f"{path}: module {index} has a weight of shape {shape}{guess}, which is "
                                 f"no Linear or Conv2d; NN Studio builds {SUPPORTED}")
        if dt not in DTYPES:
            raise ModelFileError(f"{path}: tensor {index}.weight is stored as {dt}; only F32 and F64 are read")
        if "bias" in groups[index]:
            bs = f.get_slice(f"{index}.bias")
            if tuple(bs.get_shape()) != (shape[0],) or bs.get_dtype() not in DTYPES:
                raise ModelFileError(f"{path}: tensor {index}.bias has shape {tuple(bs.get_shape())} "
                                     f"({bs.get_dtype()}); module {index} needs ({shape[0]},) in F32 or F64")
        layers.append((index, kind, shape, DTYPES[dt]))
    return layers


def _declared(path: Path, meta_in: dict, found: list, activation, arch, input_shape) -> tuple[dict, dict]:
    """The network config (without dtype) and meta, from our metadata or the declarations."""
    if META_KEY in meta_in and not (activation or arch or input_shape):
        try:
            d = json.loads(meta_in[META_KEY])
        except (ValueError, RecursionError):
            raise ModelFileError(f"{path}: its '{META_KEY}' metadata is not valid JSON") from None
        if not isinstance(d, dict) or d.get("format") != FORMAT or not isinstance(d.get("network"), dict):
            raise ModelFileError(f"{path}: its '{META_KEY}' metadata does not describe a network")
        if not isinstance(d.get("version"), int) or d["version"] > ser.FORMAT_VERSION:
            raise ModelFileError(f"{path}: exported by a newer NN Studio (format {str(d.get('version'))[:20]})")
        config = {k: v for k, v in d["network"].items() if k != "dtype"}
        meta = d.get("summary") if isinstance(d.get("summary"), dict) else {}
        return config, dict(meta, imported_from=path.name)
    activation = activation or meta_in.get("activation")
    arch = arch or meta_in.get("arch")
    input_shape = input_shape or meta_in.get("input_shape")
    output = meta_in.get("output", "softmax")
    if output not in OUTPUTS:
        raise ModelFileError(f"{path}: its metadata's output '{str(output)[:20]}' is unknown (softmax or sigmoid)")
    convs = [i for i, kind, *_ in found if kind == "Conv2d"]
    layers = [(i, kind, shape) for i, kind, shape, _dtype in found]
    if convs and not arch:
        raise UndeclaredStateDict(f"{path}: module {convs[0]} is a Conv2d, and a state dict does not say its "
                             f"stride, padding or the pooling after it: declare the architecture "
                             f"(nnstudio export {path.name} MODEL.npz --activation NAME --arch "
                             f"'conv 16 5x5, pool 2, dense 10', or the metadata keys 'arch' and 'activation')",
                                  layers, needs_activation=activation is None, needs_arch=True)
    if activation is None and len(found) > 1:
        raise UndeclaredStateDict(f"{path}: a state dict does not say which activation follows its layers: "
                             f"declare it (nnstudio export {path.name} MODEL.npz --activation "
                             f"{'|'.join(ACTIVATION_LAYERS)}, or the metadata key 'activation')",
                                  layers, needs_activation=True, needs_arch=False)
    activation = activation or "identity"  # one layer: no hidden activation to apply
    if activation not in ACTIVATION_LAYERS:
        raise ModelFileError(f"{path}: activation '{str(activation)[:20]}' is unknown "
                             f"(choose from {', '.join(ACTIVATION_LAYERS)})")
    config = {"activation": activation, "loss": OUTPUTS[output], "init": "std"}
    meta = {"name": path.stem, "imported_from": path.name}
    shape = _input_shape(path, input_shape)
    if arch:
        config.update(arch=str(arch), input_shape=list(shape or INPUT_SHAPE))
        return config, meta
    sizes = [found[0][2][1]] + [s[0] for _i, _k, s, _d in found]
    for (i0, _k0, s0, _d0), (i1, _k1, s1, _d1) in zip(found, found[1:]):
        if s1[1] != s0[0]:
            raise ModelFileError(f"{path}: module {i1} takes {s1[1]} inputs, module {i0} gives {s0[0]}")
    if shape is not None and math.prod(shape) != sizes[0]:
        raise ModelFileError(f"{path}: the declared input shape {shape} has {math.prod(shape)} values, "
                             f"module {found[0][0]} takes {sizes[0]}")
    if not ser._check_sizes(path, sizes):
        raise ModelFileError(f"{path}: its layers {sizes} are no network NN Studio builds")
    config["sizes"] = sizes
    return config, meta


def _input_shape(path: Path, value) -> tuple | None:
    if value is None:
        return None
    parts = value if isinstance(value, (list, tuple)) else str(value).replace("x", ",").split(",")
    try:
        shape = tuple(int(p) for p in parts)
    except (TypeError, ValueError):
        raise ModelFileError(f"{path}: input shape '{str(value)[:30]}' is not sizes like 1,28,28") from None
    if len(shape) == 1:
        return shape
    if len(shape) != 3 or min(shape) < 1 or max(shape) > ser.MAX_INPUT_SIDE:
        raise ModelFileError(f"{path}: input shape '{str(value)[:30]}' is not channels,height,width like 1,28,28")
    return shape


def _expected_modules(path: Path, config: dict) -> list:
    if "arch" not in config:
        return layout.mlp_modules(config["sizes"], config["activation"])
    ser._check_arch(path, config)  # the architecture text, its shapes and its size
    shape = tuple(config["input_shape"])
    specs = parse_arch(config["arch"], shape)
    return layout.arch_modules(specs, layer_shapes(specs, shape), shape, config["activation"])


def _torch_weight_shape(mod) -> tuple:
    if mod.kind == "Linear":
        n_in, n_out = mod.args
        return (n_out, n_in)
    c_in, c_out, (kh, kw), _s, _p = mod.args
    return (c_out, c_in, kh, kw)


def _what(config: dict) -> str:
    return f"'{config['arch']}'" if "arch" in config else "-".join(map(str, config["sizes"]))
