"""Model files of conv networks: the architecture in the header, every member checked against it
before any data is read, and MLP files unchanged (the bundled model still opens)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from nnstudio import paths
from nnstudio.core.nn import serialization as S
from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.nn.sequential import SequentialNet
from nnstudio.core.nn.serialization import ModelFileError, load_model, save_model

ARCH = "conv 4 3x3 p1, pool 2, dense 16, dense 10"


@pytest.fixture
def net():
    return SequentialNet(ARCH, activation="relu", init="he", weight_decay=0.001, rng=0)


@pytest.fixture
def saved(tmp_path, net):
    path = tmp_path / "conv.npz"
    save_model(path, net, {"preset": "conv-tiny"})
    return path


@pytest.fixture
def no_data_read(monkeypatch):
    """Call it once the file is written: the test then fails if any parameter's data is read
    (the JSON header is the one array read)."""
    real_read = S.npy_format.read_array

    def header_only(*args, **kwargs):
        value = real_read(*args, **kwargs)
        if value.dtype != np.uint8:
            raise AssertionError("parameter data was read")
        return value

    return lambda: monkeypatch.setattr(S.npy_format, "read_array", header_only)


def _rewrite(src, dst, change):
    with np.load(src, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    header = json.loads(arrays["header"].tobytes().decode())
    change(arrays, header)
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    np.savez(dst, **arrays)
    return dst


def _armed(arm, path):
    arm()
    return path


def _refused(path, match):
    with pytest.raises(ModelFileError, match=match) as info:
        load_model(path)
    assert "\n" not in str(info.value) and str(info.value).startswith(f"{path}: ")
    return str(info.value)


def test_round_trip_keeps_architecture_parameters_and_meta(saved, net):
    loaded, meta = load_model(saved)
    assert isinstance(loaded, SequentialNet) and meta == {"preset": "conv-tiny"}
    assert loaded.config() == net.config() and loaded.arch == ARCH
    for key, value in net.params.items():
        assert_array_equal(loaded.params[key], value)
        assert np.shares_memory(loaded.params[key], loaded.flat_params)
    x = np.random.default_rng(0).random((3, 784), dtype=np.float32)
    assert_array_equal(loaded.predict_labels(x), net.predict_labels(x))
    with np.load(saved, allow_pickle=False) as npz:
        header = json.loads(npz["header"].tobytes().decode())
        assert sorted(npz.files) == ["header", "param_W1", "param_W2", "param_W3", "param_b1", "param_b2",
                                     "param_b3"]
        assert npz["param_W1"].shape == (4, 1, 3, 3)
    assert header["version"] == 2 and header["network"]["arch"] == ARCH
    assert header["network"]["input_shape"] == [1, 28, 28]


def test_mlp_files_keep_format_1_and_the_bundled_model_still_opens(tmp_path):
    path = tmp_path / "mlp.npz"
    save_model(path, MultiLayerNet([784, 8, 10], rng=0))
    with np.load(path, allow_pickle=False) as npz:
        assert json.loads(npz["header"].tobytes().decode())["version"] == 1
    bundled, _ = load_model(paths.BUNDLED_MODELS["mlp"])  # the default is a conv net since issue 15
    assert isinstance(bundled, MultiLayerNet) and bundled.sizes[0] == 784 and bundled.sizes[-1] == 10
    conv, _ = load_model(paths.BUNDLED_MODELS["conv"])
    assert conv.sizes[0] == 784 and conv.sizes[-1] == 10


def test_a_member_whose_shape_disagrees_with_the_architecture_is_refused_before_reading(
        tmp_path, saved, no_data_read):
    def change(arrays, header):
        arrays["param_W1"] = np.zeros((4, 1, 5, 5), np.float32)

    message = _refused(_armed(no_data_read, _rewrite(saved, tmp_path / "shape.npz", change)), "W1")
    assert message.endswith("parameter W1 has shape (4, 1, 5, 5), the header's layers say (4, 1, 3, 3)")


def test_an_architecture_that_disagrees_with_the_members_is_refused(tmp_path, saved, no_data_read):
    def change(arrays, header):
        header["network"]["arch"] = "conv 4 3x3 p1, pool 2, dense 20, dense 10"

    _refused(_armed(no_data_read, _rewrite(saved, tmp_path / "arch.npz", change)),
             r"W2 has shape \(784, 16\), .* say \(784, 20\)")


def test_missing_and_extra_members_are_refused(tmp_path, saved):
    def change(arrays, header):
        del arrays["param_b3"]
        arrays["param_W9"] = np.zeros(3, np.float32)

    _refused(_rewrite(saved, tmp_path / "members.npz", change), r"missing \['b3'\], unexpected \['W9'\]")


@pytest.mark.parametrize("network, match", [
    ({"arch": "conv 4 3y3, dense 10"}, r"the header's architecture: layer 1 'conv 4 3y3'"),
    ({"arch": 17}, "architecture is not a text"),
    ({"arch": None}, "architecture is not a text"),
    ({"input_shape": [1, 28]}, "input shape is not three sizes"),
    ({"input_shape": [1, 28, 10**9]}, "input shape is not three sizes"),
    ({"input_shape": [1, 1, 1]}, "layer 2 .pool 2.: its 2x2 window does not fit the 1x1 image"),
    ({"activation": "swish"}, "activation 'swish' is unknown"),
    ({"dtype": "int8"}, "dtype 'int8' is not allowed"),
])
def test_bad_architecture_headers_are_refused_before_reading(tmp_path, saved, no_data_read, network, match):
    def change(arrays, header):
        header["network"].update(network)

    _refused(_armed(no_data_read, _rewrite(saved, tmp_path / "bad.npz", change)), match)


def test_an_architecture_declaring_too_many_parameters_is_refused(tmp_path, saved, no_data_read):
    def change(arrays, header):
        header["network"]["arch"] = "conv 1024 5x5 p2, dense 100000, dense 10"

    _refused(_armed(no_data_read, _rewrite(saved, tmp_path / "huge.npz", change)), r"declares [\d,]+ parameters")


def test_a_conv_model_larger_than_the_memory_free_is_refused_with_the_figures(saved):
    message = str(pytest.raises(ModelFileError, load_model, saved, available=1000).value)
    assert f"its '{ARCH}' network" in message and "parameters) needs ~" in message and "free" in message
