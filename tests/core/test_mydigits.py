"""My digits: an .npz store of labelled drawings in the user's data folder."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.digits import mydigits as M


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
