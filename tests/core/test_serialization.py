"""Model files: round trip, atomic saving, and every kind of bad file → ModelFileError."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from nnstudio.core.nn import serialization as S
from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.nn.serialization import ModelFileError, load_model, save_model


@pytest.fixture
def net():
    return MultiLayerNet([784, 16, 10], activation="relu", init="he", weight_decay=0.001, rng=0)


@pytest.fixture
def saved(tmp_path, net):
    path = tmp_path / "model.npz"
    save_model(path, net, {"config": {"lr": 0.1}, "history": [{"epoch": 0, "test_acc": 0.1}]})
    return path


def _rewrite(src, dst, change):
    """Copy an .npz archive member by member, letting `change(arrays)` edit the dict of arrays."""
    with np.load(src, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    change(arrays)
    np.savez(dst, **arrays)
    return dst


def _header(arrays):
    return json.loads(arrays["header"].tobytes().decode())


def _set_header(arrays, header):
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)


def test_round_trip_keeps_parameters_architecture_and_meta(saved, net):
    loaded, meta = load_model(saved)
    assert loaded.config() == net.config()
    for key in net.params:
        assert_array_equal(loaded.params[key], net.params[key])
        assert loaded.params[key].dtype == np.float32
    assert meta == {"config": {"lr": 0.1}, "history": [{"epoch": 0, "test_acc": 0.1}]}
    x = np.random.default_rng(0).random((3, 784), dtype=np.float32)
    assert_array_equal(loaded.predict(x), net.predict(x))


def test_save_is_atomic_and_leaves_no_temporary_file(tmp_path, net, monkeypatch):
    path = tmp_path / "sub" / "m.npz"
    save_model(path, net)
    before = path.read_bytes()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(S.np, "savez_compressed", broken)
    with pytest.raises(OSError, match="disk full"):
        save_model(path, MultiLayerNet([784, 3, 10], rng=1))
    assert path.read_bytes() == before  # the old model is intact
    assert [p.name for p in path.parent.iterdir()] == ["m.npz"]


def test_files_are_read_without_pickle(saved, monkeypatch):
    seen = {}
    real_load = np.load

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(S.np, "load", spy)
    load_model(saved)
    assert seen.get("allow_pickle") is False


def test_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="not found"):
        load_model(tmp_path / "nope.npz")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.npz"
    path.write_bytes(b"")
    with pytest.raises(ModelFileError, match="not an .npz|empty"):
        load_model(path)


def test_not_a_zip(tmp_path):
    path = tmp_path / "text.npz"
    path.write_text("hello, I am not a model")
    with pytest.raises(ModelFileError, match="not an .npz"):
        load_model(path)


def test_truncated_file(tmp_path, saved):
    raw = saved.read_bytes()
    for cut in (len(raw) // 2, len(raw) - 30, 100):
        path = tmp_path / f"cut{cut}.npz"
        path.write_bytes(raw[:cut])
        with pytest.raises(ModelFileError):
            load_model(path)


def test_corrupted_member(tmp_path, saved):
    raw = bytearray(saved.read_bytes())
    raw[200:260] = bytes(60)  # zero a stretch inside the first compressed member
    path = tmp_path / "corrupt.npz"
    path.write_bytes(bytes(raw))
    with pytest.raises(ModelFileError):
        load_model(path)


def test_missing_header(tmp_path, saved):
    path = _rewrite(saved, tmp_path / "nohead.npz", lambda a: a.pop("header"))
    with pytest.raises(ModelFileError, match="no header"):
        load_model(path)


def test_bad_json_header(tmp_path, saved):
    def change(a):
        a["header"] = np.frombuffer(b"{not json", dtype=np.uint8)

    with pytest.raises(ModelFileError, match="JSON"):
        load_model(_rewrite(saved, tmp_path / "badjson.npz", change))


def test_header_of_another_format(tmp_path, saved):
    with pytest.raises(ModelFileError, match="not an NN Studio model"):
        load_model(_rewrite(saved, tmp_path / "other.npz", lambda a: _set_header(a, {"format": "x"})))


def test_version_that_is_not_a_number(tmp_path, saved):
    def change(a):
        _set_header(a, {**_header(a), "version": "2"})

    with pytest.raises(ModelFileError, match="version"):
        load_model(_rewrite(saved, tmp_path / "vstr.npz", change))


def test_newer_version(tmp_path, saved):
    def change(a):
        _set_header(a, {**_header(a), "version": S.FORMAT_VERSION + 1})

    with pytest.raises(ModelFileError, match="newer"):
        load_model(_rewrite(saved, tmp_path / "newer.npz", change))


def test_wrong_shapes(tmp_path, saved):
    def change(a):
        a["param_W1"] = np.zeros((784, 17), np.float32)

    with pytest.raises(ModelFileError, match="W1"):
        load_model(_rewrite(saved, tmp_path / "shape.npz", change))


def test_header_architecture_disagrees_with_arrays(tmp_path, saved):
    def change(a):
        h = _header(a)
        h["network"]["sizes"] = [784, 20, 10]
        _set_header(a, h)

    with pytest.raises(ModelFileError, match="inconsistent|match"):
        load_model(_rewrite(saved, tmp_path / "arch.npz", change))


def test_missing_params(tmp_path, saved):
    with pytest.raises(ModelFileError, match="missing"):
        load_model(_rewrite(saved, tmp_path / "missing.npz", lambda a: a.pop("param_b2")))


def test_nan_params(tmp_path, saved):
    def change(a):
        a["param_W2"] = a["param_W2"].copy()
        a["param_W2"][0, 0] = np.nan

    with pytest.raises(ModelFileError, match="NaN"):
        load_model(_rewrite(saved, tmp_path / "nan.npz", change))


def test_non_float_params_and_pickled_objects(tmp_path, saved):
    def ints(a):
        a["param_b1"] = np.zeros(16, np.int64)

    with pytest.raises(ModelFileError, match="float"):
        load_model(_rewrite(saved, tmp_path / "ints.npz", ints))

    def objects(a):
        a["param_b1"] = np.array([None] * 16, dtype=object)

    with pytest.raises(ModelFileError):
        load_model(_rewrite(saved, tmp_path / "objects.npz", objects))


def test_bad_network_description(tmp_path, saved):
    for i, network in enumerate([None, {"sizes": "abc", "activation": "relu"}, {"sizes": 5},
                                 {"sizes": [784, -1, 10]}, {"sizes": [784, 16.5, 10]},
                                 {"sizes": [784, 16, 10], "activation": "swish"}]):
        def change(a, network=network):
            _set_header(a, {**_header(a), "network": network})

        with pytest.raises(ModelFileError):
            load_model(_rewrite(saved, tmp_path / f"desc{i}.npz", change))


def test_a_zip_that_is_not_an_npz(tmp_path):
    path = tmp_path / "zip.npz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(ModelFileError):
        load_model(path)


def test_a_folder_instead_of_a_file(tmp_path):
    with pytest.raises(ModelFileError, match="not found|folder"):
        load_model(tmp_path)
