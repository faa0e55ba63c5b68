"""The user's own labelled digits ("my digits"), kept as an .npz in the user's data folder.

Arrays in the file (no pickles, no object arrays): x (n, 784) float32, t (n,) uint8, and the
strokes each digit was drawn with, flattened: points (m, 2) float32, stroke_ends (k,) int64
(end index of each stroke in points), digit_ends (n,) int64 (end index of each digit's strokes).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np

from nnstudio import paths
from nnstudio.core.nn.serialization import atomic_save_npz

FILE_NAME = "my_digits.npz"


class MyDigitsError(ValueError):
    """The my-digits file exists but cannot be read; the message is one line naming it."""


def my_digits_path() -> Path:
    return paths.user_data_dir() / FILE_NAME


def _empty() -> dict:
    return {"x": np.zeros((0, 784), np.float32), "t": np.zeros(0, np.uint8),
            "points": np.zeros((0, 2), np.float32), "stroke_ends": np.zeros(0, np.int64),
            "digit_ends": np.zeros(0, np.int64)}


def _read() -> dict:
    path = my_digits_path()
    if not path.is_file():
        return _empty()
    try:
        with np.load(path, allow_pickle=False) as npz:
            data = {name: npz[name] for name in npz.files}
    except (OSError, ValueError, zipfile.BadZipFile, EOFError, KeyError) as exc:
        raise MyDigitsError(f"{path}: not a readable my-digits file ({str(exc)[:120]})") from None
    x, t = data.get("x"), data.get("t")
    if x is None or t is None or x.ndim != 2 or x.shape[1] != 784 or t.shape != (len(x),):
        raise MyDigitsError(f"{path}: not a my-digits file (needs x (n, 784) and t (n,))")
    if x.dtype.kind != "f" or not np.isfinite(x).all() or t.dtype.kind not in "ui" or (t > 9).any():
        raise MyDigitsError(f"{path}: my-digits file holds invalid images or labels")
    out = _empty()
    out["x"], out["t"] = x.astype(np.float32), t.astype(np.uint8)
    strokes_ok = all(k in data for k in ("points", "stroke_ends", "digit_ends")) and \
        data["digit_ends"].shape == (len(x),) and data["points"].ndim == 2
    if strokes_ok:
        out["points"] = data["points"].astype(np.float32).reshape(-1, 2)
        out["stroke_ends"] = data["stroke_ends"].astype(np.int64)
        out["digit_ends"] = data["digit_ends"].astype(np.int64)
    else:  # images without strokes are still usable
        out["digit_ends"] = np.zeros(len(x), np.int64)
    return out


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
