"""The architecture language: "conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10".

Grammar (case-insensitive; layers separated by commas or semicolons):

    conv FILTERS KxK [sN] [pN]    convolution, stride N (default 1), zero padding N (default 0)
    pool KxK [sN] [pN]            max pooling, stride N (default: the window), padding N (default 0)
    dense UNITS                   fully connected (the image is flattened before the first one)

K alone means KxK. The run's activation follows every conv and dense layer except the last,
whose units are the classes. `parse_arch` checks the shapes against the input and names the
layer at fault in a one-line UserInputError; `format_arch` writes the canonical text back.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from nnstudio.core.errors import UserInputError

INPUT_SHAPE = (1, 28, 28)  # MNIST: one channel of 28x28 pixels
MAX_LAYERS = 64  # conv, pool and dense layers together (a model file holds two members a layer)
MAX_FILTERS = 1024
MAX_UNITS = 100_000  # config.MAX_HIDDEN_SIZE, a sanity bound; the memory estimate is the real guard
MAX_WINDOW = 64  # filter and pool windows, strides and paddings stay far below this on MNIST


@dataclass(frozen=True)
class Conv:
    filters: int
    fh: int
    fw: int
    stride: int = 1
    pad: int = 0


@dataclass(frozen=True)
class Pool:
    ph: int
    pw: int
    stride: int  # parse_arch fills in the window's height when no stride is given
    pad: int = 0


@dataclass(frozen=True)
class Dense:
    units: int


_WINDOW = re.compile(r"^([0-9]+)(?:x([0-9]+))?$")
_INT = re.compile(r"^[0-9]+$")
_OPTION = re.compile(r"^([sp])=?([0-9]+)$")


def parse_arch(text: str, input_shape=INPUT_SHAPE, classes: int | None = None) -> tuple:
    """'conv 16 5x5, pool 2, dense 10' → (Conv(16, 5, 5), Pool(2, 2, 2), Dense(10)).

    input_shape : (channels, height, width) of one image; classes : the last dense layer's units
    must equal this when given. Raises UserInputError naming the part at fault."""
    parts = [p.strip() for p in re.split(r"[,;\n]", str(text))]
    if not any(parts):
        raise UserInputError("architecture: empty; write layers like 'conv 8 3x3, pool 2, dense 10'")
    if len(parts) > MAX_LAYERS:
        raise UserInputError(f"architecture: at most {MAX_LAYERS} layers (got {len(parts)})")
    layers = []
    for i, part in enumerate(parts, start=1):
        if not part:
            raise UserInputError(f"architecture: layer {i} is empty (two commas in a row?)")
        layers.append(_parse_layer(part.lower().split(), f"architecture: layer {i} '{part[:40]}'"))
    if not isinstance(layers[-1], Dense):
        raise UserInputError("architecture: the last layer must be 'dense N', N the number of classes")
    if classes is not None and layers[-1].units != classes:
        raise UserInputError(f"architecture: the last layer 'dense {layers[-1].units}' must have "
                             f"{classes} units, one per class")
    layer_shapes(layers, input_shape, parts)  # every window fits: UserInputError otherwise
    return tuple(layers)


def _parse_layer(words: list[str], where: str):
    kind, args = words[0], words[1:]
    if kind == "dense":
        if len(args) != 1 or not _INT.match(args[0]):
            raise UserInputError(f"{where}: write 'dense UNITS', like 'dense 128'")
        return Dense(_bounded(args[0], 1, MAX_UNITS, "units", where))
    if kind == "conv":
        if len(args) < 2 or not _INT.match(args[0]):
            raise UserInputError(f"{where}: write 'conv FILTERS KxK [sN] [pN]', like 'conv 16 5x5'")
        filters = _bounded(args[0], 1, MAX_FILTERS, "filters", where)
        fh, fw = _window(args[1], where)
        opts = _options(args[2:], where)
        if opts.get("p", 0) >= min(fh, fw):
            raise UserInputError(f"{where}: padding {opts['p']} must be smaller than the filter")
        return Conv(filters, fh, fw, opts.get("s", 1), opts.get("p", 0))
    if kind == "pool":
        if len(args) < 1:
            raise UserInputError(f"{where}: write 'pool KxK [sN]', like 'pool 2'")
        ph, pw = _window(args[0], where)
        opts = _options(args[1:], where)
        if opts.get("p", 0) >= min(ph, pw):
            raise UserInputError(f"{where}: padding {opts['p']} must be smaller than the window")
        return Pool(ph, pw, opts.get("s", ph), opts.get("p", 0))
    raise UserInputError(f"{where}: unknown layer '{kind[:20]}'; use conv, pool or dense")


def _bounded(word: str, lo: int, hi: int, what: str, where: str) -> int:
    value = int(word)
    if not lo <= value <= hi:
        raise UserInputError(f"{where}: {what} must be from {lo} to {hi:,} (got {value:,})")
    return value


def _window(word: str, where: str) -> tuple[int, int]:
    m = _WINDOW.match(word)
    if not m:
        raise UserInputError(f"{where}: write the window as KxK or K, like 5x5 (got '{word[:20]}')")
    h = _bounded(m.group(1), 1, MAX_WINDOW, "the window", where)
    w = _bounded(m.group(2) or m.group(1), 1, MAX_WINDOW, "the window", where)
    return h, w


def _options(words: list[str], where: str) -> dict:
    opts = {}
    for word in words:
        m = _OPTION.match(word)
        if not m:
            raise UserInputError(f"{where}: unknown option '{word[:20]}'; use sN (stride) or pN (padding)")
        key = m.group(1)
        if key in opts:
            raise UserInputError(f"{where}: '{key}' given twice")
        opts[key] = _bounded(m.group(2), 1 if key == "s" else 0, MAX_WINDOW,
                             "the stride" if key == "s" else "the padding", where)
    return opts


def _out(n: int, k: int, stride: int, pad: int) -> int:
    return (n + 2 * pad - k) // stride + 1


def layer_shapes(layers, input_shape=INPUT_SHAPE, names=None) -> list[tuple]:
    """The output shape of each layer for one image: (C, H, W) after conv and pool, (units,) after dense."""
    shape = tuple(int(n) for n in input_shape)
    shapes = []
    for i, layer in enumerate(layers):
        where = f"architecture: layer {i + 1} '{names[i][:40]}'" if names else f"architecture: layer {i + 1}"
        if isinstance(layer, Dense):
            shape = (layer.units,)
        elif len(shape) != 3:
            raise UserInputError(f"{where}: conv and pool must come before the dense layers")
        else:
            c, h, w = shape
            kh, kw = (layer.fh, layer.fw) if isinstance(layer, Conv) else (layer.ph, layer.pw)
            if h + 2 * layer.pad < kh or w + 2 * layer.pad < kw:
                raise UserInputError(f"{where}: its {kh}x{kw} window does not fit the {h}x{w} image "
                                     f"that reaches it")
            oh, ow = _out(h, kh, layer.stride, layer.pad), _out(w, kw, layer.stride, layer.pad)
            shape = (layer.filters if isinstance(layer, Conv) else c, oh, ow)
        shapes.append(shape)
    return shapes


def param_shapes(layers, input_shape=INPUT_SHAPE) -> dict:
    """{"W1": ..., "b1": ..., "W2": ...}: conv W (FN, C, FH, FW), dense W (n_in, units), b (n_out,),
    numbered over the conv and dense layers in order (the book's SimpleConvNet naming)."""
    shapes, shape, k = {}, tuple(input_shape), 0
    for layer, out in zip(layers, layer_shapes(layers, input_shape)):
        if isinstance(layer, Conv):
            k += 1
            shapes[f"W{k}"], shapes[f"b{k}"] = (layer.filters, shape[0], layer.fh, layer.fw), (layer.filters,)
        elif isinstance(layer, Dense):
            k += 1
            shapes[f"W{k}"], shapes[f"b{k}"] = (math.prod(shape), layer.units), (layer.units,)
        shape = out
    return shapes


def format_arch(layers) -> str:
    """The canonical text of parsed layers (defaults left out): parse_arch(format_arch(l)) == l."""
    words = []
    for layer in layers:
        if isinstance(layer, Dense):
            words.append(f"dense {layer.units}")
            continue
        if isinstance(layer, Conv):
            text, default_stride = f"conv {layer.filters} {layer.fh}x{layer.fw}", 1
        else:
            text, default_stride = f"pool {layer.ph}" if layer.ph == layer.pw else f"pool {layer.ph}x{layer.pw}", layer.ph
        if layer.stride != default_stride:
            text += f" s{layer.stride}"
        if layer.pad:
            text += f" p{layer.pad}"
        words.append(text)
    return ", ".join(words)


def normalize_arch(text: str, input_shape=INPUT_SHAPE, classes: int | None = None) -> str:
    """Checked and canonical: '  CONV 16 5, pool 2x2 s2, dense 10' → 'conv 16 5x5, pool 2, dense 10'."""
    return format_arch(parse_arch(text, input_shape, classes))
