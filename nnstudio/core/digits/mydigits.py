"""The user's own labelled digits ("my digits"), kept as an .npz in the user's data folder.

Arrays in the file (no pickles, no object arrays): x (n, 784) float32, t (n,) uint8, and the
strokes each digit was drawn with, flattened: points (m, 2) float32, stroke_ends (k,) int64
(end index of each stroke in points), digit_ends (n,) int64 (end index of each digit's strokes).
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format

from nnstudio import paths
from nnstudio.core.errors import UserInputError
from nnstudio.core.nn.serialization import atomic_save_npz

FILE_NAME = "my_digits.npz"


# Sanity limits checked before any array is read: 100,000 digits with their strokes are ~400 MB.
MAX_MEMBERS = 16
MAX_BYTES = 512 * 2**20
_ARRAYS = ("x", "t", "points", "stroke_ends", "digit_ends")


class MyDigitsError(UserInputError):
    """The my-digits file exists but is damaged or invalid; the message is one line naming it.

    `path` is the file. Nothing reads past the error and nothing writes over the file: adding or
    removing a digit raises this too, until the user sets the file aside (`set_aside_damaged`).
    """

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: damaged or invalid my-digits file ({reason})")
        self.path, self.reason = Path(path), reason


def my_digits_path() -> Path:
    return paths.user_data_dir() / FILE_NAME


def _empty() -> dict:
    return {"x": np.zeros((0, 784), np.float32), "t": np.zeros(0, np.uint8),
            "points": np.zeros((0, 2), np.float32), "stroke_ends": np.zeros(0, np.int64),
            "digit_ends": np.zeros(0, np.int64)}


def _read() -> dict:
    path = my_digits_path()
    if not path.exists():
        return _empty()
    if not path.is_file():
        raise MyDigitsError(path, "not a file")
    try:
        data = _read_arrays(path)
    except MyDigitsError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged bytes raise anything: zlib.error, BadZipFile, ...
        text = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise MyDigitsError(path, f"not readable: {text}") from None
    return _validated(path, data)


def _read_arrays(path: Path) -> dict:
    """The file's arrays, after checking the zip's members and each array's declared size."""
    with open(path, "rb") as fh, zipfile.ZipFile(fh) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_BYTES:
            raise MyDigitsError(path, f"{len(infos)} members declaring "
                                f"{sum(i.file_size for i in infos) / 1e6:,.0f} MB: not a my-digits file")
        data = {}
        for info in infos:
            name = info.filename.removesuffix(".npy")
            if name not in _ARRAYS:
                continue  # not ours: ignored (and not kept when the set is saved again)
            with zf.open(info) as stream:
                version = npy_format.read_magic(stream)
                read_header = {(1, 0): npy_format.read_array_header_1_0,
                               (2, 0): npy_format.read_array_header_2_0}.get(version)
                if read_header is None:
                    raise MyDigitsError(path, f"{name} uses an unsupported .npy format {version}")
                shape, _fortran, dtype = read_header(stream)
                if dtype.hasobject or dtype.kind not in "uif" or \
                        int(np.prod(shape, dtype=np.float64)) * dtype.itemsize > info.file_size:
                    raise MyDigitsError(path, f"{name} declares {dtype} {shape}: not a my-digits array")
            with zf.open(info) as stream:
                data[name] = npy_format.read_array(stream, allow_pickle=False)
    return data


def _validated(path: Path, data: dict) -> dict:
    """Check shapes, dtypes, values and stroke indices; → the store's arrays in their dtypes."""
    x, t = data.get("x"), data.get("t")
    if x is None or t is None or x.ndim != 2 or x.shape[1] != 784 or t.shape != (len(x),):
        raise MyDigitsError(path, "not a my-digits file: needs x (n, 784) and t (n,)")
    if x.dtype.kind != "f" or x.dtype.itemsize not in (4, 8):
        raise MyDigitsError(path, f"images stored as {x.dtype}, not float32")
    if not (np.isfinite(x).all() and (x >= 0).all() and (x <= 1).all()):
        raise MyDigitsError(path, "images hold values outside 0-1")
    if t.dtype.kind not in "ui":
        raise MyDigitsError(path, f"labels stored as {t.dtype}, not integers")
    bad = np.flatnonzero((t < 0) | (t > 9))
    if len(bad):
        raise MyDigitsError(path, f"digit #{bad[0] + 1} has label {t[bad[0]]}, not 0-9")
    out = _empty()
    out["x"], out["t"] = x.astype(np.float32), t.astype(np.uint8)
    present = [k for k in ("points", "stroke_ends", "digit_ends") if k in data]
    if not present:  # images stored without strokes are still usable
        out["digit_ends"] = np.zeros(len(x), np.int64)
        return out
    if len(present) < 3:
        raise MyDigitsError(path, f"strokes incomplete (only {', '.join(present)})")
    points, stroke_ends, digit_ends = data["points"], data["stroke_ends"], data["digit_ends"]
    ok = (points.ndim == 2 and points.shape[1] == 2 and points.dtype.kind == "f"
          and np.isfinite(points).all()
          and stroke_ends.ndim == 1 and stroke_ends.dtype.kind in "ui"
          and digit_ends.shape == (len(x),) and digit_ends.dtype.kind in "ui"
          and _ends_ok(stroke_ends, len(points)) and _ends_ok(digit_ends, len(stroke_ends)))
    if not ok:
        raise MyDigitsError(path, "strokes do not match the digits")
    out["points"] = points.astype(np.float32)
    out["stroke_ends"], out["digit_ends"] = stroke_ends.astype(np.int64), digit_ends.astype(np.int64)
    return out


def _ends_ok(ends: np.ndarray, total: int) -> bool:
    """End indices are non-decreasing, within 0..total, and the last one is `total`."""
    ends = ends.astype(np.int64)
    if len(ends) == 0:
        return total == 0
    return bool(ends[0] >= 0 and (np.diff(ends) >= 0).all() and ends[-1] == total)


def set_aside_damaged() -> Path:
    """Rename a damaged my-digits file to my_digits.damaged-<timestamp>.npz beside it (never over
    another file) so a fresh set can start; returns the new path. Nothing is deleted."""
    path = my_digits_path()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        target = path.with_name(f"{path.stem}.damaged-{stamp}{'' if n == 1 else f'-{n}'}.npz")
        if not target.exists():
            break
    else:
        raise FileExistsError(f"{path.parent}: too many set-aside my-digits files named for {stamp}")
    os.rename(path, target)
    return target


def load_my_digits() -> tuple[np.ndarray, np.ndarray] | None:
    """(x (n, 784) float32 in [0, 1], t (n,) uint8), or None when the set is empty or absent.

    Raises MyDigitsError when the file exists but is damaged.
    """
    data = _read()
    if len(data["x"]) == 0:
        return None
    return data["x"], data["t"]


def load_my_strokes(i: int) -> list[np.ndarray]:
    """The strokes digit i was drawn with (pad coordinates), or [] if it was stored without."""
    data = _read()
    if not 0 <= i < len(data["x"]):
        raise IndexError(f"no digit {i} in my digits ({len(data['x'])} stored)")
    return _strokes_of(data, i)


def count_my_digits() -> np.ndarray:
    """How many digits of each label are stored: shape (10,) int."""
    data = _read()
    return np.bincount(data["t"], minlength=10)[:10]


def add_my_digit(x: np.ndarray, label: int, strokes=None) -> int:
    """Append one labelled input (784,) (with the strokes it came from, if given); returns the count."""
    x = np.asarray(x, dtype=np.float32).reshape(-1)
    if x.shape != (784,) or not np.isfinite(x).all():
        raise ValueError("a digit must be 784 finite values")
    label = int(label)
    if not 0 <= label <= 9:
        raise ValueError(f"a digit label is 0-9, got {label}")
    data = _read()
    pts = [np.asarray(s, dtype=np.float32).reshape(-1, 2) for s in (strokes or ())]
    pts = [p for p in pts if len(p)]
    n_points = len(data["points"])
    ends = n_points + np.cumsum([len(p) for p in pts], dtype=np.int64)
    data["points"] = np.concatenate([data["points"], *pts]) if pts else data["points"]
    data["stroke_ends"] = np.concatenate((data["stroke_ends"], ends))
    data["digit_ends"] = np.append(data["digit_ends"], len(data["stroke_ends"]))
    data["x"] = np.concatenate((data["x"], np.clip(x, 0, 1)[None]))
    data["t"] = np.append(data["t"], np.uint8(label))
    _write(data)
    return len(data["x"])


def remove_my_digit(i: int) -> int:
    """Remove digit i (0-based); returns the count left."""
    data = _read()
    n = len(data["x"])
    if not 0 <= i < n:
        raise IndexError(f"no digit {i} in my digits ({n} stored)")
    strokes = [_strokes_of(data, j) for j in range(n) if j != i]
    keep = np.arange(n) != i
    out = _empty()
    out["x"], out["t"] = data["x"][keep], data["t"][keep]
    flat = [s for digit in strokes for s in digit]
    lengths = [len(s) for s in flat]
    out["points"] = np.concatenate(flat).astype(np.float32) if flat else out["points"]
    out["stroke_ends"] = np.cumsum(lengths, dtype=np.int64)
    out["digit_ends"] = np.cumsum([len(d) for d in strokes], dtype=np.int64)
    _write(out)
    return n - 1


def _strokes_of(data: dict, i: int) -> list[np.ndarray]:
    """Strokes of digit i from an already read store (see the module docstring)."""
    digit_ends, stroke_ends = data["digit_ends"], data["stroke_ends"]
    first = int(digit_ends[i - 1]) if i else 0
    start = int(stroke_ends[first - 1]) if first else 0
    strokes = []
    for end in stroke_ends[first:int(digit_ends[i])]:
        strokes.append(data["points"][start:int(end)].copy())
        start = int(end)
    return strokes


def clear_my_digits() -> None:
    """Forget every stored digit (removes the file)."""
    my_digits_path().unlink(missing_ok=True)


def _write(data: dict) -> None:
    atomic_save_npz(my_digits_path(), data)
