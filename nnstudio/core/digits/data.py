"""MNIST-format IDX files: reading, validation and the books' `load_mnist`."""

from __future__ import annotations

import gzip
import hashlib
import zlib
from pathlib import Path

import numpy as np

FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}

# SHA-256 of the decompressed bundled files (resources/mnist/README.md).
BUNDLED_SHA256 = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}

IMAGE_MAGIC = 2051
LABEL_MAGIC = 2049
NUM_CLASSES = 10


class DatasetError(ValueError):
    """A dataset file or folder that cannot be used; the message is one line naming the file."""


def _find(directory: Path, stem: str) -> Path:
    for name in (stem, stem + ".gz", stem.replace("-idx", ".idx")):
        path = directory / name
        if path.is_file():
            return path
    raise DatasetError(f"{directory / stem}: file not found (looked for {stem} and {stem}.gz)")


def _read_bytes(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DatasetError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not raw:
        raise DatasetError(f"{path}: the file is empty")
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise DatasetError(f"{path}: not a valid gzip file ({exc})") from None
        if not raw:
            raise DatasetError(f"{path}: the file is empty once decompressed")
    return raw


def _header(path: Path, raw: bytes, magic: int, ndim: int) -> tuple[int, ...]:
    size = 4 * (1 + ndim)
    if len(raw) < size:
        raise DatasetError(f"{path}: truncated header ({len(raw)} bytes, IDX needs {size})")
    fields = np.frombuffer(raw, dtype=">u4", count=1 + ndim)
    if int(fields[0]) != magic:
        kind = "images" if magic == IMAGE_MAGIC else "labels"
        raise DatasetError(
            f"{path}: wrong magic number {int(fields[0])} (expected {magic} for MNIST {kind}); "
            "not an IDX file of this kind"
        )
    return tuple(int(v) for v in fields[1:])


def read_idx_images(path: Path, raw: bytes | None = None) -> np.ndarray:
    """Read an IDX image file → uint8 array, shape (count, rows, cols)."""
    path = Path(path)
    raw = _read_bytes(path) if raw is None else raw
    count, rows, cols = _header(path, raw, IMAGE_MAGIC, 3)
    if (rows, cols) != (28, 28):
        raise DatasetError(f"{path}: images are {rows}x{cols}, expected 28x28")
    expected = 16 + count * rows * cols
    if len(raw) < expected:
        raise DatasetError(
            f"{path}: truncated: header says {count} images ({expected} bytes), file has {len(raw)} bytes"
        )
    if len(raw) > expected:
        raise DatasetError(f"{path}: {len(raw) - expected} unexpected bytes after {count} images")
    return np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(count, rows, cols)


def read_idx_labels(path: Path, raw: bytes | None = None) -> np.ndarray:
    """Read an IDX label file → uint8 array, shape (count,), values checked to be 0..9."""
    path = Path(path)
    raw = _read_bytes(path) if raw is None else raw
    (count,) = _header(path, raw, LABEL_MAGIC, 1)
    expected = 8 + count
    if len(raw) < expected:
        raise DatasetError(
            f"{path}: truncated: header says {count} labels, file has {len(raw) - 8} label bytes"
        )
    if len(raw) > expected:
        raise DatasetError(f"{path}: {len(raw) - expected} unexpected bytes after {count} labels")
    labels = np.frombuffer(raw, dtype=np.uint8, offset=8)
    if labels.size and labels.max() >= NUM_CLASSES:
        bad = int(np.argmax(labels >= NUM_CLASSES))
        raise DatasetError(f"{path}: label {int(labels[bad])} at index {bad} is outside 0..9")
    return labels


def _read_pair(directory: Path, split: str, verify: bool) -> tuple[np.ndarray, np.ndarray]:
    img_path = _find(directory, FILES[f"{split}_images"])
    lab_path = _find(directory, FILES[f"{split}_labels"])
    img_raw, lab_raw = _read_bytes(img_path), _read_bytes(lab_path)
    if verify:
        for path, raw, stem in ((img_path, img_raw, FILES[f"{split}_images"]),
                                (lab_path, lab_raw, FILES[f"{split}_labels"])):
            if hashlib.sha256(raw).hexdigest() != BUNDLED_SHA256[stem]:
                raise DatasetError(f"{path}: checksum mismatch: the bundled file is damaged")
    images = read_idx_images(img_path, img_raw)
    labels = read_idx_labels(lab_path, lab_raw)
    if len(images) != len(labels):
        raise DatasetError(
            f"{img_path}: {len(images)} images but {lab_path.name} has {len(labels)} labels"
        )
    return images, labels


def load_raw(directory: str | Path | None = None):
    """((train_images, train_labels), (test_images, test_labels)) as uint8, images (N, 28, 28).

    With `directory` None the bundled MNIST is read and checked against its SHA-256.
    """
    verify = directory is None
    if directory is None:
        from nnstudio.paths import mnist_dir

        directory = mnist_dir()
    directory = Path(directory)
    if not directory.exists():
        raise DatasetError(f"{directory}: folder does not exist")
    if not directory.is_dir():
        raise DatasetError(f"{directory}: not a folder")
    return _read_pair(directory, "train", verify), _read_pair(directory, "test", verify)


def one_hot(labels: np.ndarray, num_classes: int = NUM_CLASSES) -> np.ndarray:
    """labels : shape (N,) ints → float32 one-hot, shape (N, num_classes)."""
    out = np.zeros((labels.size, num_classes), dtype=np.float32)
    out[np.arange(labels.size), labels] = 1.0
    return out


def _convert(images, labels, normalize, flatten, one_hot_label):
    x = images.reshape(len(images), 784) if flatten else images.reshape(len(images), 1, 28, 28)
    x = x.astype(np.float32) / np.float32(255.0) if normalize else x.copy()
    t = one_hot(labels) if one_hot_label else labels.copy()
    return x, t


def load_mnist(normalize: bool = True, flatten: bool = True, one_hot_label: bool = False,
               directory: str | Path | None = None):
    """The books' loader: ((x_train, t_train), (x_test, t_test)).

    x : float32 in [0, 1] when `normalize`, else uint8; shape (N, 784) when `flatten`,
        else (N, 1, 28, 28).
    t : uint8 labels, shape (N,), or float32 one-hot, shape (N, 10), when `one_hot_label`.
    `directory` is any folder holding the four MNIST-format files (raw or .gz): MNIST,
    Fashion-MNIST, KMNIST. Raises DatasetError with a one-line message on bad data.
    """
    (xtr, ttr), (xte, tte) = load_raw(directory)
    return (_convert(xtr, ttr, normalize, flatten, one_hot_label),
            _convert(xte, tte, normalize, flatten, one_hot_label))
