"""Models to and from .npz: parameters as arrays, architecture and training settings as JSON.

Files are written to a temporary name and renamed, so a crash never leaves half a model, and
read with allow_pickle=False, so a file can never run code. Every way a file can be wrong, damaged
or hostile ends in one ModelFileError with a one-line message naming the file.
"""

from __future__ import annotations

import json
import math
import zipfile
from itertools import pairwise
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format

from nnstudio.core.errors import UserInputError
from nnstudio.core.files import atomic_write
from nnstudio.core.nn import memory
from nnstudio.core.nn.layers import ACTIVATION_LAYERS, LOSS_LAYERS
from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.nn.sequential import SequentialNet, build_network
from nnstudio.core.nn.config import MAX_HIDDEN_SIZE
from nnstudio.core.nn.spec import param_shapes, parse_arch

MAX_INPUT_SIDE = 1024  # an architecture's input images: channels, height and width each at most this

FORMAT = "nnstudio-model"
FORMAT_VERSION = 2  # 2: networks described by an architecture text (conv layers); MLPs still write 1
ALLOWED_DTYPES = ("float32", "float64")
# Limits checked before any parameter data is read, so that whatever the app can build it can
# reopen, and nothing else. A layer is at most MAX_LAYER_WIDTH wide (parse_hidden's bound on a
# hidden size). MAX_PARAMETERS is the largest network a run can train: one step of SGD at batch 1
# costs more than ELEMENT_COST * 4 multiply-adds per parameter, and check_training refuses steps
# above MAX_STEP_MACS; so 125 M parameters (500 MB as float32; 784-100000-10 has 79.5 M). Below
# that, the memory free decides (`_check_memory`, from memory.py's estimate), with the figure.
MAX_LAYER_WIDTH = MAX_HIDDEN_SIZE
MAX_PARAMETERS = memory.MAX_STEP_MACS // (memory.ELEMENT_COST * min(memory.OPTIMIZER_PASSES.values()))
MAX_HEADER_BYTES = 4 * 2**20  # the JSON header with its training history: a few kB in practice
MAX_HEADER_DEPTH = 64
MAX_MEMBERS = 256
MAX_ARCHIVE_BYTES = 8 * MAX_PARAMETERS + MAX_HEADER_BYTES + MAX_MEMBERS * 2**16


class ModelFileError(UserInputError):
    """A model file that cannot be loaded; the message is one line naming the file."""


def atomic_save_npz(path: str | Path, arrays: dict) -> None:
    """np.savez_compressed to a temporary file beside `path`, then rename over it."""
    with atomic_write(path, "wb") as fh:
        np.savez_compressed(fh, **arrays)


def save_model(path: str | Path, network: MultiLayerNet | SequentialNet, meta: dict | None = None) -> None:
    """Save `network` with `meta` (training settings, history, anything JSON-serialisable)."""
    config = network.config()
    # An MLP file stays version 1, so that an NN Studio from before conv layers still opens it;
    # one with an architecture says 2, which such a version refuses as "saved by a newer NN Studio".
    version = FORMAT_VERSION if "arch" in config else 1
    header = {"format": FORMAT, "version": version, "network": config, "meta": meta or {}}
    arrays = {f"param_{k}": v for k, v in network.params.items()}
    arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
    atomic_save_npz(path, arrays)


def load_model(path: str | Path, available: int | None = None) -> tuple[MultiLayerNet | SequentialNet, dict]:
    """Load a model saved by `save_model` → (network, meta). Raises ModelFileError.
    A .safetensors path is read as a torch state dict (interop.state_dict.read_safetensors).

    Nothing is trusted before it is checked: the zip's member list and sizes, then the JSON header
    (size, nesting, architecture, dtype), then each parameter's shape and dtype as declared in its
    .npy header inside the zip, then the memory the network needs against `available` bytes
    (default: memory.available_memory()), all before any parameter data is read. So a small file
    declaring a huge array is refused at once, and what is read is at most MAX_PARAMETERS values.
    Seconds for the largest models: GUIs call it in a worker thread.
    """
    path = Path(path)
    if path.suffix.lower() == ".safetensors":  # a torch state dict (core/interop/state_dict.py)
        from nnstudio.core.interop.state_dict import read_safetensors

        return read_safetensors(path, available=available)
    if path.is_dir():
        raise ModelFileError(f"{path}: is a folder, not a model file")
    if not path.is_file():
        raise ModelFileError(f"{path}: file not found")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ModelFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if size == 0:
        raise ModelFileError(f"{path}: the file is empty")
    if not zipfile.is_zipfile(path):
        raise ModelFileError(f"{path}: not an .npz model file (not a zip archive)")
    try:
        with open(path, "rb") as fh, zipfile.ZipFile(fh) as zf:
            return _load(path, zf, available)
    except ModelFileError as exc:
        raise ModelFileError(" ".join(str(exc).split("\n"))) from None
    except OSError as exc:
        raise ModelFileError(f"{path}: cannot be read ({exc.strerror or _short(exc)})") from None
    except Exception as exc:  # noqa: BLE001 - untrusted bytes: a damaged archive can raise
        # almost anything (zlib.error, EOFError, BadZipFile, ...); each means the same to the user.
        raise ModelFileError(f"{path}: not a readable .npz model file ({_short(exc)})") from None


def _load(path: Path, zf: zipfile.ZipFile, available: int | None) -> tuple[MultiLayerNet | SequentialNet, dict]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ModelFileError(f"{path}: not a model file (the archive holds {len(infos)} members)")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise ModelFileError(f"{path}: damaged archive (a member name appears twice)")
    total = sum(info.file_size for info in infos)
    if total > MAX_ARCHIVE_BYTES:
        raise ModelFileError(f"{path}: the archive declares {total / 1e6:,.0f} MB uncompressed, more than "
                             f"a model NN Studio opens can hold ({MAX_ARCHIVE_BYTES / 1e6:,.0f} MB)")
    members = {name.removesuffix(".npy"): info for name, info in zip(names, infos)}
    if "header" not in members:
        raise ModelFileError(f"{path}: not an NN Studio model (no header)")
    header = _read_header(path, zf, members["header"])
    config, dtype = _check_network(path, header)
    if "arch" in config:
        expected, what = _check_arch(path, config), f"'{config['arch']}'"
    else:
        sizes = config["sizes"]
        expected, what = {}, "-".join(map(str, sizes))
        for i, (n_in, n_out) in enumerate(pairwise(sizes), start=1):
            expected[f"W{i}"], expected[f"b{i}"] = (n_in, n_out), (n_out,)
    found = {name[len("param_"):] for name in members if name.startswith("param_")}
    if found != set(expected):
        missing, extra = sorted(set(expected) - found), sorted(found - set(expected))
        raise ModelFileError(f"{path}: parameters do not match the architecture "
                             f"(missing {missing or 'none'}, unexpected {extra or 'none'})")
    for name, shape in expected.items():  # every declared shape and dtype before any data
        stored_shape, stored_dtype = _npy_header(path, zf, members[f"param_{name}"], f"parameter {name}")
        if not _is_allowed_float(stored_dtype):
            raise ModelFileError(f"{path}: parameter {name} is stored as {_dtype_name(stored_dtype)}; "
                                 f"only {' and '.join(ALLOWED_DTYPES)} are allowed")
        if stored_shape != shape:
            raise ModelFileError(f"{path}: parameter {name} has shape {stored_shape}, "
                                 f"the header's layers say {shape}")
    _check_memory(path, expected, what, dtype, available)
    params = {}
    for name in expected:
        value = _read_member(path, zf, members[f"param_{name}"], f"parameter {name}")
        if not np.isfinite(value).all():
            raise ModelFileError(f"{path}: parameter {name} holds NaN or infinite values")
        with np.errstate(over="ignore"):
            value = value.astype(dtype, copy=False)
        if not np.isfinite(value).all():  # float64 values beyond float32's range become inf
            raise ModelFileError(f"{path}: parameter {name} holds values too large for {dtype.name}")
        params[name] = value
    try:
        network = build_network(config, params=params)
    except (ValueError, TypeError, KeyError, OverflowError) as exc:
        raise ModelFileError(f"{path}: inconsistent model: {_short(exc)}") from None
    meta = header.get("meta") if isinstance(header.get("meta"), dict) else {}
    return network, meta


def _read_header(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> dict:
    """The JSON header member → dict, refusing a big, deeply nested or foreign header."""
    shape, dtype = _npy_header(path, zf, info, "the header")
    if dtype != np.uint8 or len(shape) != 1:
        raise ModelFileError(f"{path}: not an NN Studio model (the header is not a byte string)")
    if shape[0] > MAX_HEADER_BYTES:
        raise ModelFileError(f"{path}: the model header is too large ({shape[0]:,} bytes, "
                             f"at most {MAX_HEADER_BYTES:,})")
    raw = _read_member(path, zf, info, "the header")
    try:
        header = json.loads(raw.tobytes().decode("utf-8"))
    except RecursionError:
        raise ModelFileError(f"{path}: the model header is nested too deeply") from None
    except (ValueError, UnicodeDecodeError):
        raise ModelFileError(f"{path}: the model header is not valid JSON") from None
    if _depth(header) > MAX_HEADER_DEPTH:
        raise ModelFileError(f"{path}: the model header is nested too deeply "
                             f"(more than {MAX_HEADER_DEPTH} levels)")
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ModelFileError(f"{path}: not an NN Studio model")
    version = header.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise ModelFileError(f"{path}: the model header has no valid format version")
    if version > FORMAT_VERSION:
        raise ModelFileError(f"{path}: saved by a newer NN Studio (format {header.get('version')})")
    return header


def _check_network(path: Path, header: dict) -> tuple[dict, np.dtype]:
    """The header's network description → (config, parameter dtype), or ModelFileError."""
    config = header.get("network")
    if isinstance(config, dict) and "arch" in config:
        pass  # checked by _check_arch against its parameter shapes
    elif not isinstance(config, dict) or not _check_sizes(path, config.get("sizes")):
        raise ModelFileError(f"{path}: the header does not describe a network")
    dtype = config.get("dtype", "float32")
    if dtype not in ALLOWED_DTYPES:
        raise ModelFileError(f"{path}: the header's dtype {str(dtype)[:40]!r} is not allowed "
                             f"(only {' and '.join(ALLOWED_DTYPES)})")
    for key, choices in (("activation", ACTIVATION_LAYERS), ("loss", LOSS_LAYERS)):
        value = config.get(key, "cross_entropy" if key == "loss" else None)
        if value not in choices:
            raise ModelFileError(f"{path}: the header's {key} {str(value)[:40]!r} is unknown "
                                 f"(choose from {', '.join(choices)})")
    for key in ("init_std", "weight_decay"):
        value = config.get(key, 0.0)
        if not (isinstance(value, (int, float)) and not isinstance(value, bool) and np.isfinite(value)):
            raise ModelFileError(f"{path}: the header's {key} is not a finite number")
    return config, np.dtype(dtype)


def _check_sizes(path: Path, sizes) -> bool:
    """An MLP's layer widths: False when they are no list of widths, ModelFileError when too large."""
    if not (isinstance(sizes, list) and 2 <= len(sizes) <= MAX_MEMBERS // 2
            and all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in sizes)):
        return False
    layers = "-".join(map(str, sizes))
    if max(sizes) > MAX_LAYER_WIDTH:
        raise ModelFileError(f"{path}: the header's layers {layers} include one of {max(sizes):,} units; "
                             f"NN Studio builds layers of up to {MAX_LAYER_WIDTH:,}")
    n_params = memory.parameter_count(sizes)
    if n_params > MAX_PARAMETERS:
        raise ModelFileError(f"{path}: the header's layers {layers} declare {n_params:,} parameters; "
                             f"NN Studio trains and opens models of up to {MAX_PARAMETERS:,}")
    return True


def _check_arch(path: Path, config: dict) -> dict:
    """The parameter shapes {"W1": ..., "b1": ...} of the header's architecture text, or ModelFileError."""
    arch, shape = config.get("arch"), config.get("input_shape")
    if not (isinstance(shape, list) and len(shape) == 3 and all(
            isinstance(n, int) and not isinstance(n, bool) and 0 < n <= MAX_INPUT_SIDE for n in shape)):
        raise ModelFileError(f"{path}: the header's input shape is not three sizes (channels, height, width)")
    if not isinstance(arch, str) or len(arch) > MAX_HEADER_BYTES // 4:
        raise ModelFileError(f"{path}: the header's architecture is not a text")
    try:
        expected = param_shapes(parse_arch(arch, shape), shape)
    except UserInputError as exc:
        raise ModelFileError(f"{path}: the header's {exc}") from None
    n_params = sum(math.prod(s) for s in expected.values())
    if n_params > MAX_PARAMETERS:
        raise ModelFileError(f"{path}: the header's architecture declares {n_params:,} parameters; "
                             f"NN Studio trains and opens models of up to {MAX_PARAMETERS:,}")
    return expected


def _check_memory(path: Path, shapes: dict, what: str, dtype: np.dtype, available: int | None) -> None:
    """Refuse a network that does not fit in the memory free, with the figures: its parameters
    twice (read, then gathered into the network's one flat array) and one layer as stored (up to
    float64), against what memory.py lets a configuration take of `available`.
    shapes : every parameter's shape; what : the network as the message names it."""
    sizes = [math.prod(s) for s in shapes.values()]
    n_params, largest = sum(sizes), max(sizes)
    needed = 2 * n_params * dtype.itemsize + 8 * largest
    if available is None:
        available = memory.available_memory()
    if needed > memory.usable_memory(available):
        close = "" if needed > available else " (too close: the app and the system need some too)"
        raise ModelFileError(f"{path}: its {what} network ({n_params:,} parameters) "
                             f"needs ~{memory.format_bytes(needed)} of memory to open, "
                             f"{memory.format_bytes(available)} free{close}")


def _npy_header(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, what: str):
    """(shape, dtype) declared by the .npy header at the start of a zip member; no data is read."""
    try:
        with zf.open(info) as stream:
            version = npy_format.read_magic(stream)
            if version == (1, 0):
                shape, _fortran, dtype = npy_format.read_array_header_1_0(stream)
            elif version == (2, 0):
                shape, _fortran, dtype = npy_format.read_array_header_2_0(stream)
            else:
                raise ModelFileError(f"{path}: {what} uses an unsupported .npy format {version}")
    except ModelFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - a garbled header can raise nearly anything
        raise ModelFileError(f"{path}: {what} is not a readable array ({_short(exc)})") from None
    return tuple(int(n) for n in shape), dtype


def _read_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, what: str) -> np.ndarray:
    """Read a member whose header was checked; its zip checksum is verified too."""
    try:
        with zf.open(info) as stream:
            value = npy_format.read_array(stream, allow_pickle=False)
            if stream.read(1):  # reading to the end also makes zipfile check the CRC
                raise ModelFileError(f"{path}: {what} has trailing data after its array")
    except ModelFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - zlib.error, BadZipFile (CRC), EOF, ...
        raise ModelFileError(f"{path}: {what} is damaged ({_short(exc)})") from None
    return value


def _is_allowed_float(dtype: np.dtype) -> bool:
    return dtype.kind == "f" and dtype.itemsize in (4, 8) and dtype.fields is None


def _dtype_name(dtype: np.dtype) -> str:
    return "objects (pickled)" if dtype.hasobject else (dtype.name if dtype.isnative else dtype.str)


def _depth(value) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if depth > MAX_HEADER_DEPTH:
                break
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
