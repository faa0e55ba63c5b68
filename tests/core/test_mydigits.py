"""My digits: an .npz store of labelled drawings in the user's data folder."""

from __future__ import annotations

import io
import zipfile

import numpy as np
import pytest
from numpy.lib import format as npy_format

from nnstudio.core.digits import mydigits as M
from helpers import damage_member, saved_my_digits


def digit(value):
    return np.full(784, value, np.float32)


def test_empty_store_gives_none():
    assert M.load_my_digits() is None
    assert M.count_my_digits().tolist() == [0] * 10
    M.clear_my_digits()  # nothing to clear is fine


def test_add_load_remove_clear(tmp_path):
    assert M.my_digits_path().parent == tmp_path / "data"  # the test fixture's folder
    s1 = [np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0, 6.0]])]
    assert M.add_my_digit(digit(0.1), 7, strokes=s1) == 1
    assert M.add_my_digit(digit(0.2), 3) == 2
    s3 = [np.array([[9.0, 9.0], [8.0, 8.0], [7.0, 7.0]])]
    assert M.add_my_digit(digit(0.3), 7, strokes=s3) == 3
    x, t = M.load_my_digits()
    assert x.shape == (3, 784) and x.dtype == np.float32 and t.dtype == np.uint8
    assert t.tolist() == [7, 3, 7]
    assert M.count_my_digits()[7] == 2
    assert [s.tolist() for s in M.load_my_strokes(0)] == [s.tolist() for s in s1]
    assert M.load_my_strokes(1) == []
    assert M.remove_my_digit(1) == 2
    x, t = M.load_my_digits()
    assert t.tolist() == [7, 7] and x[1, 0] == pytest.approx(0.3)
    assert [s.tolist() for s in M.load_my_strokes(1)] == [s.tolist() for s in s3]
    assert len(M.load_my_strokes(0)) == 2
    with pytest.raises(IndexError):
        M.remove_my_digit(5)
    M.clear_my_digits()
    assert M.load_my_digits() is None


def test_file_is_plain_arrays_without_pickles():
    M.add_my_digit(digit(0.5), 1, strokes=[np.zeros((4, 2))])
    with np.load(M.my_digits_path(), allow_pickle=False) as npz:
        assert {npz[k].dtype.kind for k in npz.files} <= {"f", "u", "i"}


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        M.add_my_digit(np.zeros(10), 1)
    with pytest.raises(ValueError):
        M.add_my_digit(digit(0.0), 10)
    assert M.load_my_digits() is None


def test_damaged_file_gives_a_clear_error():
    path = M.my_digits_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a zip")
    with pytest.raises(M.MyDigitsError, match="my_digits.npz"):
        M.load_my_digits()
    np.savez(path, x=np.zeros((2, 5)), t=np.zeros(2))
    with pytest.raises(M.MyDigitsError, match="not a my-digits file"):
        M.load_my_digits()


# ---------------------------------------------------------------- damaged or invalid files
def write_set(**arrays):
    path = M.my_digits_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    base = {"x": np.zeros((2, 784), np.float32), "t": np.array([1, 2], np.uint8)}
    np.savez_compressed(path, **{k: v for k, v in {**base, **arrays}.items() if v is not None})
    return path


def assert_untouched(path, before):
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_zlib_damage_is_reported_and_nothing_is_written():
    path = saved_my_digits()
    damage_member(path)
    before = path.read_bytes()
    with pytest.raises(M.MyDigitsError, match="invalid code lengths set") as info:
        M.load_my_digits()
    assert info.value.path == path and str(path) in str(info.value) and "\n" not in str(info.value)
    for action in (lambda: M.add_my_digit(digit(0.5), 2), lambda: M.remove_my_digit(0),
                   M.count_my_digits, lambda: M.load_my_strokes(0)):
        with pytest.raises(M.MyDigitsError):
            action()
    assert_untouched(path, before)


@pytest.mark.parametrize("t, says", [(np.array([1, -1], np.int8), "digit #2 has label -1"),
                                     (np.array([10, 1], np.int64), "digit #1 has label 10"),
                                     (np.array([1.0, 2.0]), "labels stored as float64")])
def test_labels_outside_0_to_9_are_refused(t, says):
    path = write_set(t=t)
    before = path.read_bytes()
    with pytest.raises(M.MyDigitsError, match=says):
        M.load_my_digits()
    with pytest.raises(M.MyDigitsError):
        M.add_my_digit(digit(0.5), 2)  # a label of -1 is never trained on nor saved again as 255
    assert_untouched(path, before)


@pytest.mark.parametrize("arrays, says", [
    ({"x": np.zeros((2, 783), np.float32)}, "needs x"),
    ({"x": np.zeros((2, 784), np.int16)}, "images stored as int16"),
    ({"x": np.full((2, 784), 2.0, np.float32)}, "outside 0-1"),
    ({"x": np.full((2, 784), np.nan, np.float32)}, "outside 0-1"),
    ({"x": np.zeros((2, 784), np.complex64)}, "declares complex64"),
    ({"t": np.array(["1", "2"])}, "declares <U1"),
    ({"points": np.zeros((3, 2), np.float32)}, "strokes incomplete"),
    ({"points": np.zeros((3, 2), np.float32), "stroke_ends": np.array([2, 5]),
      "digit_ends": np.array([1, 2])}, "strokes do not match"),
    ({"points": np.zeros((3, 2), np.float32), "stroke_ends": np.array([3]),
      "digit_ends": np.array([1, 0])}, "strokes do not match"),
])
def test_invalid_arrays_are_refused(arrays, says):
    path = write_set(**arrays)
    before = path.read_bytes()
    with pytest.raises(M.MyDigitsError, match=says):
        M.load_my_digits()
    assert_untouched(path, before)


def test_array_declaring_more_than_its_member_holds_is_refused_before_reading(monkeypatch):
    path = M.my_digits_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    header = io.BytesIO()
    npy_format.write_array_header_1_0(header, {"descr": "<f4", "fortran_order": False,
                                               "shape": (5_000_000, 784)})  # 15 GB declared
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("x.npy", header.getvalue())
        zf.writestr("t.npy", header.getvalue())
    monkeypatch.setattr(M.npy_format, "read_array", lambda *a, **k: pytest.fail("data was read"))
    with pytest.raises(M.MyDigitsError, match=r"declares float32 \(5000000, 784\)"):
        M.load_my_digits()


def test_too_many_members_are_refused():
    path = M.my_digits_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(M.MAX_MEMBERS + 1):
            zf.writestr(f"m{i}.npy", b"")
    with pytest.raises(M.MyDigitsError, match="members"):
        M.load_my_digits()


def test_images_without_strokes_still_load():
    write_set()
    _, t = M.load_my_digits()
    assert t.tolist() == [1, 2] and M.load_my_strokes(1) == []


def test_set_aside_renames_the_damaged_file_and_a_fresh_set_starts(monkeypatch):
    path = saved_my_digits()
    damage_member(path)
    before = path.read_bytes()
    monkeypatch.setattr(M.time, "strftime", lambda fmt: "20260101-120000")
    aside = M.set_aside_damaged()
    assert aside == path.with_name("my_digits.damaged-20260101-120000.npz")
    assert aside.read_bytes() == before and not path.exists()
    assert M.load_my_digits() is None
    assert M.add_my_digit(digit(0.5), 2) == 1
    damage_member(path)  # damaged again in the same second: a second name, nothing overwritten
    second = M.set_aside_damaged()
    assert second.name == "my_digits.damaged-20260101-120000-2.npz"
    assert aside.read_bytes() == before
