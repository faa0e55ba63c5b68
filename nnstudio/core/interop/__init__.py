"""Models out to PyTorch, ONNX and safetensors, and state dicts back in (no Qt).

`export_model(network, meta, path)` writes by the path's extension:
  .safetensors  the torch nn.Sequential state dict ("0.weight" (out, in), ...) with the architecture
                and a training summary in its metadata (layout.py holds the mapping)
  .onnx         the same network as an ONNX graph (onnx_graph.py), checked by onnx.checker
  .py           a PyTorch script that builds the nn.Sequential and loads the .safetensors beside it
                (which is written too)
  .npz          NN Studio's own model file (serialization.save_model)
`state_dict.read_safetensors` opens a state dict as a network (serialization.load_model calls it
for a .safetensors path). The onnx and safetensors packages are the optional extra
`nnstudio[export]`; without them a UserInputError says in one line what to install.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from nnstudio.core.errors import UserInputError

FORMATS = {".safetensors": "safetensors", ".onnx": "ONNX", ".py": "PyTorch script", ".npz": "NN Studio model"}
INSTALL_HINT = "pip install 'nnstudio[export]' (or: pip install onnx onnxruntime safetensors)"


class MissingPackage(UserInputError):
    """An optional package the export needs is not installed; the message says what to install."""


class ExportError(UserInputError):
    """An export that cannot be made (an unknown extension, a network the format cannot hold)."""


def require(module: str, what: str):
    """import `module` or raise MissingPackage naming what needs it and how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingPackage(f"{what} needs the '{module.split('.')[0]}' package: {INSTALL_HINT}") from None


def format_of(path) -> str:
    """The extension of `path` if it is one we write, else ExportError."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"{Path(path).name}: unknown export format '{suffix or '(none)'}'; "
                          f"use {', '.join(FORMATS)}")
    return suffix


# Copies of the parameters an export holds at once: the state dict in torch's layouts and the
# serialized bytes (ONNX: the initializers, the ModelProto and its serialized bytes).
COPIES = {".safetensors": 2, ".py": 2, ".onnx": 3, ".npz": 2}


def check_memory(network, suffix: str, available: int | None = None) -> None:
    """ExportError, with the figures, when the copies an export makes do not fit in memory."""
    from nnstudio.core.nn import memory

    needed = COPIES[suffix] * network.flat_params.nbytes
    if available is None:
        available = memory.available_memory()
    if needed > memory.usable_memory(available):
        raise ExportError(f"exporting this network as {suffix} needs ~{memory.format_bytes(needed)} of memory, "
                          f"{memory.format_bytes(available)} free")


def export_model(network, meta: dict | None, path) -> list[Path]:
    """Write `network` to `path` in the format its extension names, atomically → the files written
    (a .py script also writes its .safetensors beside it)."""
    suffix, path, meta = format_of(path), Path(path), meta or {}
    check_memory(network, suffix)
    if suffix == ".npz":
        from nnstudio.core.nn.serialization import save_model

        save_model(path, network, meta)
        return [path]
    if suffix == ".onnx":
        from nnstudio.core.interop.onnx_graph import write_onnx

        write_onnx(network, meta, path)
        return [path]
    from nnstudio.core.interop.state_dict import write_safetensors

    if suffix == ".safetensors":
        write_safetensors(network, meta, path)
        return [path]
    from nnstudio.core.interop.script import write_script

    weights = path.with_suffix(".safetensors")
    write_safetensors(network, meta, weights)
    write_script(network, path, weights.name)
    return [path, weights]
