"""argparse types shared by the subcommands: numbers in a range and the user's paths, each error
one line that argparse prefixes with the option's name ("argument --seed: ...")."""

from __future__ import annotations

import argparse
import errno
import math
import os


class UserPath(str):
    """A path the user gave on the command line (a str): the dispatcher reports an OSError about
    it, its folder or a file beside it as one line instead of a traceback."""


def _int(text: str) -> int:
    """'12', '1_000' or an integral '1e4' → int; anything else → ArgumentTypeError."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if math.isinf(value):
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    if not value.is_integer():  # also NaN
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    return int(value)


def _float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number, not {text!r}")
    return value


def _fmt(x) -> str:
    return f"{x:,}" if isinstance(x, int) else f"{x:g}"


def int_in_range(lo: int, hi: int | None = None):
    """An argparse type: an integer from lo to hi (inclusive; hi None: no upper bound)."""
    def parse(text: str) -> int:
        value = _int(text)
        if value < lo or hi is not None and value > hi:
            wanted = f"from {_fmt(lo)} to {_fmt(hi)}" if hi is not None else f"at least {_fmt(lo)}"
            raise argparse.ArgumentTypeError(f"must be a whole number {wanted}, not {text!r}")
        return value
    parse.__name__ = "integer"
    return parse


def float_in_range(lo: float, hi: float | None = None, lo_open: bool = False):
    """An argparse type: a finite number from lo (above it if lo_open) to hi (inclusive)."""
    def parse(text: str) -> float:
        value = _float(text)
        if (value <= lo if lo_open else value < lo) or hi is not None and value > hi:
            if hi is None:
                wanted = f"above {_fmt(lo)}" if lo_open else f"at least {_fmt(lo)}"
            else:
                wanted = (f"above {_fmt(lo)} and at most {_fmt(hi)}" if lo_open
                          else f"from {_fmt(lo)} to {_fmt(hi)}")
            raise argparse.ArgumentTypeError(f"must be a number {wanted}, not {text!r}")
        return value
    parse.__name__ = "number"
    return parse


positive_int = int_in_range(1)
non_negative_int = int_in_range(0)
finite_positive_float = float_in_range(0.0, lo_open=True)
finite_non_negative_float = float_in_range(0.0)


def user_path(text: str) -> UserPath:
    """An argparse type for a file or folder name: refuses names the system cannot hold (too long,
    empty) before any work is done, so nothing is computed for a file that cannot be written."""
    if not text:
        raise argparse.ArgumentTypeError("empty file name")
    too_long = argparse.ArgumentTypeError(f"{short_path(text)}: file name too long for this system")
    try:
        os.stat(text)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise too_long from None
        if exc.errno == errno.ENOENT and _too_long(text):  # a new file or folder: would fail later
            raise too_long from None
    except ValueError:  # an embedded NUL byte
        raise argparse.ArgumentTypeError(f"{short_path(text)!r}: not a valid file name") from None
    return UserPath(text)


def _too_long(path: str) -> bool:
    """Would creating `path` fail for its length (a part past NAME_MAX, the whole past PATH_MAX)?"""
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    try:
        name_max, path_max = os.pathconf(folder, "PC_NAME_MAX"), os.pathconf(folder, "PC_PATH_MAX")
    except (AttributeError, OSError, ValueError):  # no pathconf (Windows): the usual limits
        name_max, path_max = 255, 4096
    encoded = os.fsencode(os.path.abspath(path))
    return len(encoded) >= path_max or any(len(part) > name_max for part in encoded.split(os.sep.encode()))


def short_path(path, limit: int = 120) -> str:
    """The path for a message, its middle elided when longer than `limit` characters."""
    text = os.fspath(path) if not isinstance(path, str) else path
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if len(text) <= limit:
        return text
    return f"{text[:limit // 2]}...{text[-(limit // 2 - 3):]} ({len(text):,} characters)"


def check_writable(path, option: str) -> None:
    """Raise UserInputError unless a file can be written at `path`: not a folder, and its nearest
    existing folder is one we may write in (checked before the work, so nothing is lost after)."""
    from nnstudio.core.errors import UserInputError

    shown = short_path(path)
    if os.path.isdir(path):
        raise UserInputError(f"{option} {shown}: is a folder, give a file name")
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.exists(folder):
        folder = os.path.dirname(folder)
    if not os.path.isdir(folder):
        raise UserInputError(f"{option} {shown}: {short_path(folder)} is a file, not a folder")
    if not os.access(folder, os.W_OK):  # the file itself is replaced by a rename: its mode is moot
        raise UserInputError(f"{option} {shown}: no permission to write there")


def add_model_argument(parser) -> None:
    """The positional MODEL of the commands that read a saved model (evaluate, predict)."""
    parser.add_argument("model", type=user_path, metavar="MODEL", help="a model .npz saved by NN Studio (or a "
                        ".safetensors state dict: see docs/model-format.md)")


def add_dataset_argument(parser) -> None:
    """--dataset DIR of the commands that read MNIST (train, evaluate); absent: the bundled set."""
    parser.add_argument("--dataset", type=user_path, metavar="DIR",
                        help="a folder with the four MNIST-format files")
