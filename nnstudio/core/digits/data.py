"""MNIST-format IDX files: reading, validation and the books' `load_mnist`."""

from __future__ import annotations

import gzip
import hashlib
import io
import zlib
from pathlib import Path

import numpy as np

from nnstudio.core.errors import UserInputError
from nnstudio.core.system_memory import measured_available

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


class DatasetError(UserInputError):
    """A dataset file or folder that cannot be used; the message is one line naming the file."""


class LoadCancelled(Exception):
    """Reading stopped because the caller set its cancel event (not an error to report)."""


# Refused before anything is allocated: more images than any MNIST-format set (EMNIST ByClass has
# 814,255), or more memory than the machine has free (the bytes plus their float32 copy).
MAX_IMAGES = 2_000_000
CHUNK = 1 << 20  # bytes read (and decompressed) between two looks at the cancel event


def _find(directory: Path, stem: str) -> Path:
    for name in (stem, stem + ".gz", stem.replace("-idx", ".idx")):
        path = directory / name
        if path.is_file():
            return path
    raise DatasetError(f"{directory / stem}: file not found (looked for {stem} and {stem}.gz)")


def _check_cancel(cancel) -> None:
    if cancel is not None and cancel.is_set():
        raise LoadCancelled()


class _IdxStream:
    """One IDX file opened for reading, raw or gzip, read in chunks; errors become DatasetError."""

    def __init__(self, path: Path, source=None, cancel=None, digest=None):
        self.path, self.cancel, self.digest = path, cancel, digest
        self._own = source is None
        try:
            raw = open(path, "rb") if source is None else source
        except OSError as exc:
            raise DatasetError(f"{path}: cannot be read ({exc.strerror or exc})") from None
        self._raw = self._file = raw
        self.gzipped = False
        self.read_bytes = 0
        try:
            head = self._guard(lambda: raw.read(2))
            if not head:
                raise DatasetError(f"{path}: the file is empty")
            self._guard(lambda: raw.seek(0))
        except BaseException:
            self.close()
            raise
        self.gzipped = head == b"\x1f\x8b"
        if self.gzipped:
            self._file = gzip.GzipFile(fileobj=raw, mode="rb")

    def _guard(self, fn):
        try:
            return fn()
        except (OSError, EOFError, zlib.error) as exc:
            if isinstance(exc, (gzip.BadGzipFile, EOFError, zlib.error)):
                raise DatasetError(f"{self.path}: not a valid gzip file ({exc})") from None
            raise DatasetError(f"{self.path}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None

    def read(self, n: int) -> bytes:
        """Up to n bytes (fewer only at the end of the data)."""
        _check_cancel(self.cancel)
        data = self._guard(lambda: self._file.read(n))
        self.read_bytes += len(data)
        if self.digest is not None:
            self.digest.update(data)
        return data

    def read_into(self, out: np.ndarray) -> int:
        """Fill the uint8 array `out` chunk by chunk, checking the cancel event between chunks;
        returns how many bytes arrived (less than out.size when the data is short)."""
        view = memoryview(out).cast("B")
        done = 0
        while done < len(view):
            chunk = self.read(min(CHUNK, len(view) - done))
            if not chunk:
                break
            view[done:done + len(chunk)] = chunk
            done += len(chunk)
        return done

    def close(self) -> None:
        if self._file is not self._raw:
            self._file.close()  # the GzipFile; it leaves the file it reads open
        if self._own:
            self._raw.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _header(stream: _IdxStream, magic: int, ndim: int) -> tuple[int, ...]:
    size = 4 * (1 + ndim)
    raw = stream.read(size)
    if not raw and stream.gzipped:
        raise DatasetError(f"{stream.path}: the file is empty once decompressed")
    if len(raw) < size:
        raise DatasetError(f"{stream.path}: truncated header ({len(raw)} bytes, IDX needs {size})")
    fields = np.frombuffer(raw, dtype=">u4", count=1 + ndim)
    if int(fields[0]) != magic:
        kind = "images" if magic == IMAGE_MAGIC else "labels"
        raise DatasetError(
            f"{stream.path}: wrong magic number {int(fields[0])} (expected {magic} for MNIST {kind}); "
            "not an IDX file of this kind"
        )
    return tuple(int(v) for v in fields[1:])


def _image_header(stream: _IdxStream) -> int:
    count, rows, cols = _header(stream, IMAGE_MAGIC, 3)
    if (rows, cols) != (28, 28):
        raise DatasetError(f"{stream.path}: images are {rows}x{cols}, expected 28x28")
    if count > MAX_IMAGES:
        raise DatasetError(f"{stream.path}: the header declares {count:,} images, more than the "
                           f"{MAX_IMAGES:,} NN Studio accepts; not a usable MNIST-format file")
    return count


def _payload(stream: _IdxStream, count: int, size: int, what: str) -> np.ndarray:
    """The `size` bytes after the header, refusing short data and anything after them."""
    out = np.empty(size, dtype=np.uint8)
    got = stream.read_into(out)
    if got < size:
        raise DatasetError(f"{stream.path}: truncated: header says {count} {what} ({size} data bytes), "
                           f"the file has {got}")
    extra = stream.read(CHUNK)  # one more look: a gzip bomb stops here, after at most a chunk
    if extra:
        more = "" if len(extra) < CHUNK else " or more"
        raise DatasetError(f"{stream.path}: {len(extra)}{more} unexpected bytes after {count} {what}")
    return out


def _labels_payload(stream: _IdxStream, count: int) -> np.ndarray:
    labels = _payload(stream, count, count, "labels")
    if labels.size and labels.max() >= NUM_CLASSES:
        bad = int(np.argmax(labels >= NUM_CLASSES))
        raise DatasetError(f"{stream.path}: label {int(labels[bad])} at index {bad} is outside 0..9")
    return labels


def _source(raw: bytes | None):
    return None if raw is None else io.BytesIO(raw)


def read_idx_images(path: Path, raw: bytes | None = None, cancel=None) -> np.ndarray:
    """Read an IDX image file → uint8 array, shape (count, rows, cols)."""
    path = Path(path)
    with _IdxStream(path, _source(raw), cancel) as stream:
        count = _image_header(stream)
        return _payload(stream, count, count * 784, "images").reshape(count, 28, 28)


def read_idx_labels(path: Path, raw: bytes | None = None, cancel=None) -> np.ndarray:
    """Read an IDX label file → uint8 array, shape (count,), values checked to be 0..9."""
    path = Path(path)
    with _IdxStream(path, _source(raw), cancel) as stream:
        (count,) = _header(stream, LABEL_MAGIC, 1)
        return _labels_payload(stream, count)


def _check_memory(needed: int, what: str) -> None:
    free = measured_available()
    if free is not None and needed > free:
        raise DatasetError(f"{what}: loading it needs about {needed / 2**30:.1f} GB of memory and "
                           f"{free / 2**30:.1f} GB are free")


def _open_pair(directory: Path, split: str, verify: bool, cancel):
    """Open both files of a split and read their headers; (streams, image count)."""
    stems = FILES[f"{split}_images"], FILES[f"{split}_labels"]
    img_path, lab_path = _find(directory, stems[0]), _find(directory, stems[1])
    img = _IdxStream(img_path, cancel=cancel, digest=hashlib.sha256() if verify else None)
    try:
        lab = _IdxStream(lab_path, cancel=cancel, digest=hashlib.sha256() if verify else None)
    except BaseException:
        img.close()
        raise
    try:
        (n_labels,) = _header(lab, LABEL_MAGIC, 1)
        n_images = _image_header(img)
        if n_images != n_labels:
            raise DatasetError(f"{img_path}: {n_images} images but {lab_path.name} has {n_labels} labels")
        if n_images == 0:
            which = "training" if split == "train" else "test"
            raise DatasetError(f"{img_path}: the {which} set has no images (the header declares 0); "
                               "a dataset needs both training and test images")
    except BaseException:
        img.close()
        lab.close()
        raise
    return (img, lab), n_images


def _read_split(streams, count: int, verify: bool):
    img, lab = streams
    with img, lab:
        labels = _labels_payload(lab, count)
        images = _payload(img, count, count * 784, "images").reshape(count, 28, 28)
        if verify:
            for stream in (img, lab):
                stem = stream.path.name.removesuffix(".gz")
                if stream.digest.hexdigest() != BUNDLED_SHA256.get(stem):
                    raise DatasetError(f"{stream.path}: checksum mismatch: the bundled file is damaged")
    return images, labels


def load_raw(directory: str | Path | None = None, cancel=None):
    """((train_images, train_labels), (test_images, test_labels)) as uint8, images (N, 28, 28).

    With `directory` None the bundled MNIST is read and checked against its SHA-256. Every header
    is read and checked (counts of images against labels, a sane maximum, the free memory) before
    any image is; files are read in chunks, and setting the `cancel` event (a threading.Event)
    stops between two chunks with LoadCancelled.
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
    train, n_train = _open_pair(directory, "train", verify, cancel)
    try:
        test, n_test = _open_pair(directory, "test", verify, cancel)
    except BaseException:
        for s in train:
            s.close()
        raise
    try:
        # uint8 images and labels, then their float32 copy (load_mnist's normalisation)
        _check_memory((n_train + n_test) * (784 * 5 + 1), str(directory))
    except BaseException:
        for s in (*train, *test):
            s.close()
        raise
    try:
        train_arrays = _read_split(train, n_train, verify)
    except BaseException:
        for s in test:
            s.close()
        raise
    return train_arrays, _read_split(test, n_test, verify)


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
               directory: str | Path | None = None, cancel=None):
    """The books' loader: ((x_train, t_train), (x_test, t_test)).

    x : float32 in [0, 1] when `normalize`, else uint8; shape (N, 784) when `flatten`,
        else (N, 1, 28, 28).
    t : uint8 labels, shape (N,), or float32 one-hot, shape (N, 10), when `one_hot_label`.
    `directory` is any folder holding the four MNIST-format files (raw or .gz): MNIST,
    Fashion-MNIST, KMNIST. Raises DatasetError with a one-line message on bad data, and
    LoadCancelled when the `cancel` event (a threading.Event) is set while the files are read.
    """
    (xtr, ttr), (xte, tte) = load_raw(directory, cancel)
    return (_convert(xtr, ttr, normalize, flatten, one_hot_label),
            _convert(xte, tte, normalize, flatten, one_hot_label))
