"""Models to and from .npz: parameters as arrays, architecture and training settings as JSON.

Files are written to a temporary name and renamed, so a crash never leaves half a model, and
read with allow_pickle=False, so a file can never run code.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

from nnstudio.core.files import atomic_write
from nnstudio.core.nn.network import MultiLayerNet

FORMAT = "nnstudio-model"
FORMAT_VERSION = 1


class ModelFileError(ValueError):
    """A model file that cannot be loaded; the message is one line naming the file."""


def atomic_save_npz(path: str | Path, arrays: dict) -> None:
    """np.savez_compressed to a temporary file beside `path`, then rename over it."""
    with atomic_write(path, "wb") as fh:
        np.savez_compressed(fh, **arrays)


def save_model(path: str | Path, network: MultiLayerNet, meta: dict | None = None) -> None:
    """Save `network` with `meta` (training settings, history, anything JSON-serialisable)."""
    header = {"format": FORMAT, "version": FORMAT_VERSION, "network": network.config(),
              "meta": meta or {}}
    arrays = {f"param_{k}": v for k, v in network.params.items()}
    arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
    atomic_save_npz(path, arrays)


def load_model(path: str | Path) -> tuple[MultiLayerNet, dict]:
    """Load a model saved by `save_model` → (network, meta). Raises ModelFileError."""
    path = Path(path)
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
        with np.load(path, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
    except Exception as exc:  # noqa: BLE001 - untrusted bytes: a damaged member can raise
        # almost anything (zlib.error, EOFError, ValueError, even tokenize.TokenError from a
        # garbled array header); each means the same thing to the user.
        raise ModelFileError(f"{path}: not a readable .npz model file ({_short(exc)})") from None
    if "header" not in arrays:
        raise ModelFileError(f"{path}: not an NN Studio model (no header)")
    try:
        header = json.loads(arrays.pop("header").tobytes().decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise ModelFileError(f"{path}: the model header is not valid JSON") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ModelFileError(f"{path}: not an NN Studio model")
    version = header.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise ModelFileError(f"{path}: the model header has no valid format version")
    if version > FORMAT_VERSION:
        raise ModelFileError(f"{path}: saved by a newer NN Studio (format {header.get('version')})")
    params = {name[len("param_"):]: value for name, value in arrays.items() if name.startswith("param_")}
    config = header.get("network")
    sizes = config.get("sizes") if isinstance(config, dict) else None
    if not (isinstance(sizes, list) and len(sizes) >= 2
            and all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in sizes)):
        raise ModelFileError(f"{path}: the header does not describe a network")
    for name, value in params.items():
        if value.dtype.kind != "f":
            raise ModelFileError(f"{path}: parameter {name} is not a float array")
        if not np.isfinite(value).all():
            raise ModelFileError(f"{path}: parameter {name} holds NaN or infinite values")
    expected = {f"{p}{i}" for i in range(1, len(config["sizes"])) for p in "Wb"}
    if set(params) != expected:
        missing, extra = sorted(expected - set(params)), sorted(set(params) - expected)
        raise ModelFileError(f"{path}: parameters do not match the architecture "
                             f"(missing {missing or 'none'}, unexpected {extra or 'none'})")
    try:
        network = MultiLayerNet.from_config(config, params=params)
    except (ValueError, TypeError, KeyError) as exc:
        raise ModelFileError(f"{path}: inconsistent model: {_short(exc)}") from None
    meta = header.get("meta") if isinstance(header.get("meta"), dict) else {}
    return network, meta


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
