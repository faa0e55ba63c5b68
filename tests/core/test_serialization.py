"""Model files: round trip, atomic saving, and every kind of bad file → ModelFileError."""

from __future__ import annotations

import io
import json
import zipfile
from itertools import pairwise

import numpy as np
import pytest
from numpy.lib import format as npy_format
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
    seen = []
    real_read = S.npy_format.read_array

    def spy(*args, **kwargs):
        seen.append(kwargs.get("allow_pickle"))
        return real_read(*args, **kwargs)

    monkeypatch.setattr(S.npy_format, "read_array", spy)
    load_model(saved)
    assert seen and set(seen) == {False}


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

    with pytest.raises(ModelFileError, match=r"W1 has shape \(784, 16\), the header's layers say \(784, 20\)"):
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


# ---------------------------------------------------------------- hostile files: refused before reading
def _npy(shape, dtype, data=b""):
    """A .npy member: a header declaring `shape` and `dtype`, followed by `data` (often none)."""
    buf = io.BytesIO()
    npy_format.write_array_header_1_0(buf, {"descr": npy_format.dtype_to_descr(np.dtype(dtype)),
                                           "fortran_order": False, "shape": tuple(shape)})
    return buf.getvalue() + data


def _header_npy(header):
    raw = header if isinstance(header, bytes) else json.dumps(header).encode()
    return _npy((len(raw),), np.uint8, raw)


def _network_header(sizes=(784, 100, 10), **network):
    return {"format": S.FORMAT, "version": S.FORMAT_VERSION, "meta": {},
            "network": {"sizes": list(sizes), "activation": "relu", "loss": "cross_entropy",
                        "dtype": "float32", **network}}


def _zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name + ".npy", data)
    return path


def _valid_members(header, dtype=np.float32, values=None):
    """Members of a valid model for header's sizes (zeros, or `values` for every parameter)."""
    sizes = header["network"]["sizes"]
    members = {"header": _header_npy(header)}
    for i, (n_in, n_out) in enumerate(pairwise(sizes), start=1):
        for name, shape in ((f"W{i}", (n_in, n_out)), (f"b{i}", (n_out,))):
            a = np.full(shape, 0.0 if values is None else values, dtype)
            members[f"param_{name}"] = _npy(shape, dtype, a.tobytes())
    return members


def _refused(path, match):
    with pytest.raises(ModelFileError, match=match) as info:
        load_model(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path}: ")
    return message


@pytest.fixture
def no_data_read(monkeypatch):
    """Fail the test if any parameter's data is read: the refusal must come from the headers
    alone (the JSON header is the one array read)."""
    real_read = S.npy_format.read_array

    def header_only(*args, **kwargs):
        value = real_read(*args, **kwargs)
        if value.dtype != np.uint8:
            raise AssertionError("parameter data was read")
        return value

    monkeypatch.setattr(S.npy_format, "read_array", header_only)


def test_parameter_declaring_gigabytes_is_refused_from_its_header(tmp_path, no_data_read):
    members = _valid_members(_network_header())
    members["param_W1"] = _npy((4_000_000, 1000), np.float32)  # 16 GB declared, no data stored
    path = _zip(tmp_path / "bomb.npz", members)
    before = path.read_bytes()
    message = _refused(path, "W1")
    assert message == f"{path}: parameter W1 has shape (4000000, 1000), the header's layers say (784, 100)"
    assert path.read_bytes() == before


def _declared(path, sizes, dtype=np.float32):
    """A model file whose header and .npy headers declare `sizes`, with no parameter data at all."""
    members = {"header": _header_npy(_network_header(sizes, dtype=np.dtype(dtype).name))}
    for i, (n_in, n_out) in enumerate(pairwise(sizes), start=1):
        members[f"param_W{i}"], members[f"param_b{i}"] = _npy((n_in, n_out), dtype), _npy((n_out,), dtype)
    return _zip(path, members)


def test_header_declaring_a_huge_network_is_refused(tmp_path, no_data_read):
    path = _declared(tmp_path / "huge.npz", (784, 100_000, 100_000, 10))
    _refused(path, r"declare 10,079,600,010 parameters; NN Studio trains and opens models of up to 125,000,000$")
    _refused(_declared(tmp_path / "wide.npz", (784, 4_000_000, 10)),
             r"layers 784-4000000-10 include one of 4,000,000 units; NN Studio builds layers of up to 100,000$")


def test_the_widest_network_the_app_trains_is_not_refused_by_its_size(tmp_path, monkeypatch):
    # 784-100000-10 (79.5 M parameters): parse_hidden accepts it and check_training lets SGD train
    # it at a small batch, so the app can save it; the reader must get past the size checks (here
    # it stops at the first parameter, whose data this small file does not hold).
    from nnstudio.core.nn import memory
    from nnstudio.core.nn.config import TrainConfig, parse_hidden

    sizes = (784, *parse_hidden("100000"), 10)
    memory.check_training(TrainConfig(hidden=sizes[1:-1], optimizer="sgd", batch_size=1),
                          available=64 << 30)
    path = _declared(tmp_path / "wide.npz", sizes)
    monkeypatch.setattr(S.memory, "available_memory", lambda: 64 << 30)  # what the default asks
    _refused(path, "parameter W1 is damaged")


def test_a_network_larger_than_the_memory_free_is_refused_with_the_figures(tmp_path, no_data_read):
    path = _declared(tmp_path / "big.npz", (784, 50_000, 10))  # 39.75 M parameters, 159 MB as float32
    message = str(pytest.raises(ModelFileError, load_model, path, available=200_000_000).value)
    assert message == (f"{path}: its 784-50000-10 network (39,750,010 parameters) needs ~632 MB of "
                       f"memory to open, 200 MB free")
    message = str(pytest.raises(ModelFileError, load_model, path, available=700_000_000).value)
    assert message.endswith("needs ~632 MB of memory to open, 700 MB free (too close: the app and "
                            "the system need some too)")
    with pytest.raises(ModelFileError, match="W1 is damaged"):  # enough memory: past the checks
        load_model(path, available=8 << 30)


def test_archive_with_too_many_members_is_refused(tmp_path, no_data_read):
    members = _valid_members(_network_header((4, 3, 2)))
    members.update({f"junk{i}": b"" for i in range(S.MAX_MEMBERS)})
    _refused(_zip(tmp_path / "many.npz", members), "members")


def test_archive_declaring_a_huge_uncompressed_size_is_refused(tmp_path, monkeypatch, no_data_read):
    monkeypatch.setattr(S, "MAX_ARCHIVE_BYTES", 10_000)  # rather than compressing gigabytes of zeros
    members = _valid_members(_network_header((4, 3, 2)))
    members["padding"] = bytes(20_000)
    _refused(_zip(tmp_path / "big.npz", members), "declares .* MB uncompressed")


@pytest.mark.parametrize("depth", [100, 100_000])
def test_deeply_nested_header_is_refused(tmp_path, depth):
    header = json.dumps(_network_header())[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"
    members = _valid_members(_network_header())
    members["header"] = _header_npy(header.encode())
    _refused(_zip(tmp_path / "deep.npz", members), "nested too deeply")


def test_header_declaring_a_huge_size_is_refused(tmp_path, no_data_read):
    members = _valid_members(_network_header())
    members["header"] = _npy((10**9,), np.uint8, b"{}")
    _refused(_zip(tmp_path / "bighead.npz", members), "header is too large")


@pytest.mark.parametrize("dtype", ["U10", "S4", "V8", "int8", "object", 5])
def test_header_dtype_other_than_float32_or_float64_is_refused(tmp_path, dtype, no_data_read):
    header = _network_header(dtype=dtype)
    members = _valid_members(_network_header())
    members["header"] = _header_npy(header)
    message = _refused(_zip(tmp_path / "dtype.npz", members), "dtype")
    assert "only float32 and float64" in message


@pytest.mark.parametrize("dtype", [np.int8, np.complex64, np.float16, np.dtype("U3"), object])
def test_parameters_stored_as_other_dtypes_are_refused(tmp_path, dtype, no_data_read):
    members = _valid_members(_network_header((4, 3, 2)))
    members["param_b1"] = _npy((3,), dtype)
    message = _refused(_zip(tmp_path / "b1.npz", members), "parameter b1 is stored as")
    assert message.endswith("only float32 and float64 are allowed")


def test_float64_parameters_load_into_a_float32_model(tmp_path):
    path = _zip(tmp_path / "f64.npz", _valid_members(_network_header((4, 3, 2)), np.float64, 0.5))
    net, _ = load_model(path)
    assert net.params["W1"].dtype == np.float32 and (net.params["W1"] == 0.5).all()


def test_float64_values_that_overflow_float32_are_refused(tmp_path):
    path = _zip(tmp_path / "big.npz", _valid_members(_network_header((4, 3, 2)), np.float64, 1e300))
    _refused(path, "parameter W1 holds values too large for float32")
    header = _network_header((4, 3, 2), dtype="float64")  # fine as float64
    net, _ = load_model(_zip(tmp_path / "ok64.npz", _valid_members(header, np.float64, 1e300)))
    assert net.dtype == np.float64 and np.isfinite(net.params["W1"]).all()


def test_damaged_parameter_data_is_refused(tmp_path):
    members = _valid_members(_network_header((4, 3, 2)))
    members["param_W1"] = members["param_W1"][:-5]  # data shorter than its header declares
    _refused(_zip(tmp_path / "short.npz", members), "parameter W1 is damaged")
    members = _valid_members(_network_header((4, 3, 2)))
    members["param_W1"] += b"extra"
    _refused(_zip(tmp_path / "long.npz", members), "parameter W1 has trailing data")


def test_zlib_damage_inside_a_member_is_refused(tmp_path, saved):
    with zipfile.ZipFile(saved) as zf:
        info = zf.getinfo("param_W1.npy")
    raw = bytearray(saved.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    raw[start + 100:start + 140] = bytes(range(40))  # inside the deflate stream
    path = tmp_path / "zlib.npz"
    path.write_bytes(bytes(raw))
    _refused(path, "W1")


def test_unknown_activation_in_header_is_refused_before_reading(tmp_path, no_data_read):
    members = _valid_members(_network_header((4, 3, 2)))
    members["header"] = _header_npy(_network_header((4, 3, 2), activation="swish"))
    _refused(_zip(tmp_path / "act.npz", members), "activation 'swish' is unknown")
