"""MNIST loading: the dataset's known facts, every option, other folders, and every bad input."""

from __future__ import annotations

import gzip
import struct

import numpy as np
import pytest

from nnstudio.core.digits.data import DatasetError, load_mnist, load_raw


@pytest.fixture(scope="module")
def raw():
    return load_raw()


def test_known_facts_of_the_bundled_set(raw):
    (xtr, ttr), (xte, tte) = raw
    assert xtr.shape == (60000, 28, 28) and xte.shape == (10000, 28, 28)
    assert ttr[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert tte[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert np.bincount(ttr).tolist() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    assert xtr.mean() == pytest.approx(33.318, abs=5e-4)


@pytest.mark.parametrize("normalize", [True, False])
@pytest.mark.parametrize("flatten", [True, False])
@pytest.mark.parametrize("one_hot_label", [True, False])
def test_shapes_and_dtypes_for_every_option(normalize, flatten, one_hot_label):
    (x, t), (xt, tt) = load_mnist(normalize=normalize, flatten=flatten, one_hot_label=one_hot_label)
    assert x.shape == ((60000, 784) if flatten else (60000, 1, 28, 28))
    assert xt.shape == ((10000, 784) if flatten else (10000, 1, 28, 28))
    if normalize:
        assert x.dtype == np.float32 and 0.0 <= x.min() and x.max() == 1.0
    else:
        assert x.dtype == np.uint8 and x.max() == 255
    if one_hot_label:
        assert t.shape == (60000, 10) and t.dtype == np.float32
        assert (t.sum(axis=1) == 1).all() and t[0].argmax() == 5
    else:
        assert t.shape == (60000,) and t.dtype == np.uint8 and tt[0] == 7


# ---------------------------------------------------------------- a folder the test writes itself

def _images(n, rows=28, cols=28, magic=2051, payload=None):
    data = payload if payload is not None else (np.arange(n * rows * cols) % 256).astype(np.uint8).tobytes()
    return struct.pack(">IIII", magic, n, rows, cols) + data


def _labels(labels, magic=2049):
    return struct.pack(">II", magic, len(labels)) + bytes(labels)


def _write_set(folder, n_train=6, n_test=4, gz=False, **override):
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "train-images-idx3-ubyte": _images(n_train),
        "train-labels-idx1-ubyte": _labels([i % 10 for i in range(n_train)]),
        "t10k-images-idx3-ubyte": _images(n_test),
        "t10k-labels-idx1-ubyte": _labels([(i + 3) % 10 for i in range(n_test)]),
    }
    files.update(override)
    for name, content in files.items():
        if gz:
            (folder / (name + ".gz")).write_bytes(gzip.compress(content))
        else:
            (folder / name).write_bytes(content)
    return folder


@pytest.mark.parametrize("gz", [False, True])
def test_any_mnist_format_folder_raw_or_gzipped(tmp_path, gz):
    folder = _write_set(tmp_path / "fashion", gz=gz)
    (x, t), (xt, tt) = load_mnist(directory=folder, normalize=False)
    assert x.shape == (6, 784) and xt.shape == (4, 784)
    assert t.tolist() == [0, 1, 2, 3, 4, 5] and tt.tolist() == [3, 4, 5, 6]
    assert x[0, :5].tolist() == [0, 1, 2, 3, 4]
    (xn, _), _ = load_mnist(directory=folder)
    assert xn.dtype == np.float32 and xn.max() <= 1.0


BAD_CASES = {
    "missing file": ({"drop": "t10k-labels-idx1-ubyte"}, "file not found"),
    "empty file": ({"train-images-idx3-ubyte": b""}, "empty"),
    "truncated header": ({"train-images-idx3-ubyte": b"\x00\x00\x08"}, "truncated header"),
    "truncated data": ({"train-images-idx3-ubyte": _images(6)[:-100]}, "truncated"),
    "wrong magic": ({"train-images-idx3-ubyte": _images(6, magic=2049)}, "wrong magic number"),
    "labels given as images": ({"train-labels-idx1-ubyte": _images(6)}, "wrong magic number"),
    "wrong dimensions": ({"train-images-idx3-ubyte": _images(6, rows=32, cols=32)}, "expected 28x28"),
    "count mismatch": ({"train-labels-idx1-ubyte": _labels([1, 2, 3])}, "3 labels"),
    "label outside 0..9": ({"train-labels-idx1-ubyte": _labels([0, 1, 2, 13, 4, 5])}, "outside 0..9"),
    "random bytes": ({"t10k-images-idx3-ubyte": bytes(np.random.default_rng(0).integers(0, 256, 5000,
                                                                                      dtype=np.uint8))},
                     "magic number"),
    "trailing bytes": ({"t10k-labels-idx1-ubyte": _labels([1, 2, 3, 4]) + b"xx"}, "unexpected bytes"),
    "broken gzip": ({"t10k-labels-idx1-ubyte": b"\x1f\x8b\x08\x00garbage"}, "gzip"),
}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_bad_data_gives_a_one_line_dataset_error(tmp_path, case):
    override, expected = BAD_CASES[case]
    override = dict(override)
    drop = override.pop("drop", None)
    folder = _write_set(tmp_path / "bad", **override)
    if drop:
        (folder / drop).unlink()
    with pytest.raises(DatasetError) as info:
        load_mnist(directory=folder)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message
    assert str(folder) in message  # names the file


def test_missing_folder(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        load_mnist(directory=tmp_path / "nowhere")


def test_a_file_instead_of_a_folder(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(DatasetError, match="not a folder"):
        load_mnist(directory=f)


def test_bundled_files_are_checked_against_their_checksum(tmp_path, monkeypatch):
    import nnstudio.paths as paths

    folder = _write_set(tmp_path / "mnist", gz=True)
    monkeypatch.setattr(paths, "mnist_dir", lambda: folder)
    with pytest.raises(DatasetError, match="checksum"):
        load_mnist()


# ---------------------------------------------------------------- hostile files: refused before allocating

def _tracking_empty(monkeypatch):
    """Record the size of every np.empty the reader makes (to prove nothing big was allocated)."""
    import nnstudio.core.digits.data as data

    sizes = []
    real = np.empty

    def empty(shape, *args, **kwargs):
        sizes.append(int(np.prod(shape)))
        return real(shape, *args, **kwargs)

    monkeypatch.setattr(data.np, "empty", empty)
    return sizes


def test_a_header_declaring_billions_of_images_is_refused_before_allocating(tmp_path, monkeypatch):
    huge = struct.pack(">IIII", 2051, 4_000_000_000, 28, 28) + bytes(784)
    folder = _write_set(tmp_path / "huge", gz=True, **{"train-images-idx3-ubyte": huge,
                                                       "train-labels-idx1-ubyte": _labels([1] * 6)})
    sizes = _tracking_empty(monkeypatch)
    with pytest.raises(DatasetError, match="declares 4,000,000,000 images") as info:
        load_mnist(directory=folder)
    assert str(folder) in str(info.value) and max(sizes, default=0) < 10_000


def test_image_and_label_counts_are_compared_before_reading_the_images(tmp_path, monkeypatch):
    big = struct.pack(">IIII", 2051, 1_500_000, 28, 28)  # no pixels at all: only the header is read
    folder = _write_set(tmp_path / "mismatch", **{"train-images-idx3-ubyte": big})
    sizes = _tracking_empty(monkeypatch)
    with pytest.raises(DatasetError, match="1500000 images but train-labels-idx1-ubyte has 6 labels"):
        load_mnist(directory=folder)
    assert max(sizes, default=0) < 10_000


def test_more_than_the_free_memory_is_refused_before_allocating(tmp_path, monkeypatch):
    import nnstudio.core.digits.data as data

    n = 500_000  # consistent headers, no pixels written: the memory check comes first
    folder = _write_set(tmp_path / "big", **{"train-images-idx3-ubyte": struct.pack(">IIII", 2051, n, 28, 28),
                                              "train-labels-idx1-ubyte": struct.pack(">II", 2049, n)})
    monkeypatch.setattr(data, "measured_available", lambda: 100 * 2**20)
    sizes = _tracking_empty(monkeypatch)
    with pytest.raises(DatasetError, match="GB of memory") as info:
        load_mnist(directory=folder)
    assert str(folder) in str(info.value) and max(sizes, default=0) < 10_000


def test_a_gzip_bomb_stops_at_the_declared_size(tmp_path, monkeypatch):
    import nnstudio.core.digits.data as data

    # 6 images declared, then 200 MB of zeros (about 200 kB compressed): read 6 images and one chunk more
    bomb = _images(6) + bytes(200 * 2**20)
    folder = _write_set(tmp_path / "bomb", gz=True, **{"train-images-idx3-ubyte": bomb})
    reads = []
    real = data._IdxStream.read

    def read(self, n):
        chunk = real(self, n)
        reads.append(len(chunk))
        return chunk

    monkeypatch.setattr(data._IdxStream, "read", read)
    with pytest.raises(DatasetError, match="or more unexpected bytes after 6 images"):
        load_mnist(directory=folder)
    assert sum(reads) < 3 * data.CHUNK  # not the 200 MB


def test_short_gzip_data_is_refused(tmp_path):
    folder = _write_set(tmp_path / "short", gz=True, **{"t10k-images-idx3-ubyte": _images(4)[:-10]})
    with pytest.raises(DatasetError, match="truncated: header says 4 images"):
        load_mnist(directory=folder)


@pytest.mark.parametrize("split, which", [("train", "training"), ("t10k", "test")])
def test_a_set_without_images_is_refused(tmp_path, split, which):
    folder = _write_set(tmp_path / "empty", **{f"{split}-images-idx3-ubyte": _images(0),
                                                f"{split}-labels-idx1-ubyte": _labels([])})
    with pytest.raises(DatasetError, match=f"the {which} set has no images") as info:
        load_mnist(directory=folder)
    assert "\n" not in str(info.value)


def test_setting_the_cancel_event_stops_between_chunks(tmp_path, monkeypatch):
    import threading

    import nnstudio.core.digits.data as data

    folder = _write_set(tmp_path / "slow", n_train=20, gz=True)
    monkeypatch.setattr(data, "CHUNK", 100)
    cancel = threading.Event()
    real = data._IdxStream.read
    calls = []

    def read(self, n):
        calls.append(n)
        if len(calls) == 8:
            cancel.set()  # as the GUI does from another thread
        return real(self, n)

    monkeypatch.setattr(data._IdxStream, "read", read)
    with pytest.raises(data.LoadCancelled):
        load_mnist(directory=folder, cancel=cancel)
    assert len(calls) == 8  # the read that found the event set raised, before reading a byte
