"""Export to safetensors, ONNX and a PyTorch script, and state dicts back: the round trips."""

from __future__ import annotations

import json

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from safetensors import safe_open
from safetensors.numpy import load_file, save_file

from nnstudio.core.interop import ExportError, export_model, layout
from nnstudio.core.interop.onnx_graph import OPSET
from nnstudio.core.interop.state_dict import read_safetensors
from nnstudio.core.nn.sequential import SequentialNet
from nnstudio.core.nn.serialization import ModelFileError, load_model
from nnstudio.paths import BUNDLED_MODELS

pytestmark = pytest.mark.usefixtures("one_blas_thread")

META = {"name": "test net", "preset": "custom", "config": {"optimizer": "sgd", "lr": 0.1},
        "finished": {"reason": "completed", "final_test_acc": 0.5}, "history": {"loss": [1, 2, 3], "epochs": [{"epoch": 2, "iteration": 20, "train_acc": 0.6,
                                                     "test_acc": 0.5, "seconds": 1.0}]}}


def _trained_conv(mnist, arch="conv 6 5x5, pool 2, conv 8 3x3 p1, pool 2, dense 32, dense 10",
                  activation="relu", loss="cross_entropy"):
    """A small conv net after 20 SGD steps (trained weights, not only initial ones)."""
    (x, t), _ = mnist
    net = SequentialNet(arch, activation=activation, loss=loss, rng=3)
    for step in range(20):
        sl = slice(64 * step, 64 * step + 64)
        grads, _loss = net.train_gradient(x[sl], t[sl], scale=0.1)
        net.flat_params[...] -= grads
    return net


def _onnx_probabilities(path, x):
    options = ort.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    return session.run(["probabilities"], {"input": x})[0]


@pytest.fixture(scope="module")
def bundled():
    return load_model(BUNDLED_MODELS["mlp"])  # the default is a conv net; these tests are the MLP's


def test_onnx_mlp_matches_the_apps_probabilities(tmp_path, mnist, bundled):
    network, meta = bundled
    x = np.ascontiguousarray(mnist[1][0][:100])
    export_model(network, meta, tmp_path / "m.onnx")
    model = onnx.load(str(tmp_path / "m.onnx"))
    onnx.checker.check_model(model, full_check=True)
    assert [o.version for o in model.opset_import] == [OPSET]
    assert {n.op_type for n in model.graph.node} >= {"Gemm", "Relu", "Softmax"}
    got = _onnx_probabilities(tmp_path / "m.onnx", x)
    want = network.probabilities(x)
    assert got.shape == (100, 10)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-5)
    assert (got.argmax(1) == want.argmax(1)).all()
    props = {p.key: p.value for p in model.metadata_props}
    assert props["layers"] == "784-256-128-10" and props["activation"] == "relu"


@pytest.mark.parametrize("activation, loss", [("relu", "cross_entropy"), ("tanh", "quadratic")])
def test_onnx_conv_net_matches_the_apps_probabilities(tmp_path, mnist, activation, loss):
    net = _trained_conv(mnist, activation=activation, loss=loss)
    x = np.ascontiguousarray(mnist[1][0][:100])
    export_model(net, META, tmp_path / "c.onnx")
    ops = {n.op_type for n in onnx.load(str(tmp_path / "c.onnx")).graph.node}
    assert {"Conv", "MaxPool", "Flatten", "Gemm"} <= ops
    got = _onnx_probabilities(tmp_path / "c.onnx", x.reshape(100, 1, 28, 28))
    np.testing.assert_allclose(got, net.probabilities(x), rtol=0, atol=1e-5)


def test_safetensors_reads_back_exactly_with_torch_names_and_layouts(tmp_path, mnist):
    net = _trained_conv(mnist)
    export_model(net, META, tmp_path / "c.safetensors")
    tensors = load_file(str(tmp_path / "c.safetensors"))  # safetensors' own numpy loader
    # 0 Conv2d, 1 ReLU, 2 MaxPool2d, 3 Conv2d, 4 ReLU, 5 MaxPool2d, 6 Flatten, 7 Linear, 8 ReLU, 9 Linear
    assert sorted(tensors) == sorted(f"{i}.{p}" for i in (0, 3, 7, 9) for p in ("weight", "bias"))
    np.testing.assert_array_equal(tensors["0.weight"], net.params["W1"])  # (out, in, kh, kw) as ours
    np.testing.assert_array_equal(tensors["7.weight"], net.params["W3"].T)  # Linear: (out, in)
    np.testing.assert_array_equal(tensors["9.bias"], net.params["b4"])
    assert tensors["7.weight"].shape == (32, 8 * 6 * 6) and tensors["0.weight"].dtype == np.float32
    with safe_open(str(tmp_path / "c.safetensors"), "np") as f:
        meta = f.metadata()
    assert meta["arch"] == net.arch and meta["activation"] == "relu" and meta["output"] == "softmax"
    assert json.loads(meta["nnstudio"])["summary"]["preset"] == "custom"
    summary = json.loads(meta["nnstudio"])["summary"]
    assert "history" not in summary  # a summary, not the curves
    assert summary["last_epoch"] == {"epoch": 2, "iteration": 20, "train_acc": 0.6, "test_acc": 0.5}
    assert meta["modules"].startswith("0 nn.Conv2d(1, 6, kernel_size=(5, 5), stride=1, padding=0); 1 nn.ReLU()")


def test_exported_safetensors_opens_as_the_same_network(tmp_path, mnist, bundled):
    for net, meta in ((bundled[0], bundled[1]), (_trained_conv(mnist), META)):
        export_model(net, meta, tmp_path / "n.safetensors")
        back, back_meta = load_model(tmp_path / "n.safetensors")  # File ▸ Open, evaluate, predict
        assert type(back) is type(net) and back.config() == net.config()
        for key, value in net.params.items():
            np.testing.assert_array_equal(back.params[key], value)
        assert back_meta["imported_from"] == "n.safetensors"
        assert back_meta.get("preset") == meta.get("preset")


def test_generated_script_is_python_and_names_the_weights(tmp_path, bundled):
    written = export_model(bundled[0], bundled[1], tmp_path / "net.py")
    assert [p.name for p in written] == ["net.py", "net.safetensors"]
    source = (tmp_path / "net.py").read_text()
    compile(source, "net.py", "exec")
    assert "nn.Linear(784, 256),  # 0" in source and "'net.safetensors'" in source


def test_generated_script_runs_in_torch_when_installed(tmp_path, mnist):
    torch = pytest.importorskip("torch")
    import runpy

    net = _trained_conv(mnist)
    export_model(net, META, tmp_path / "net.py")
    scope = runpy.run_path(str(tmp_path / "net.py"))
    x = np.ascontiguousarray(mnist[1][0][:100])
    got = scope["probabilities"](torch.from_numpy(x.reshape(100, 1, 28, 28).copy())).numpy()
    np.testing.assert_allclose(got, net.probabilities(x), atol=1e-5)


def test_script_refuses_a_pool_padding_torch_cannot_build(tmp_path):
    net = SequentialNet("conv 2 3x3, pool 3 p2, dense 10", rng=0)
    with pytest.raises(ExportError, match="MaxPool2d pads at most half"):
        export_model(net, {}, tmp_path / "n.py")
    assert not (tmp_path / "n.py").exists()
    export_model(net, {}, tmp_path / "n.onnx")  # ONNX can


def test_unknown_extension_is_one_line(tmp_path, bundled):
    with pytest.raises(ExportError, match=r"unknown export format '\.txt'"):
        export_model(bundled[0], {}, tmp_path / "n.txt")


# ------------------------------------------------------------------ foreign state dicts

def _torch_like_mlp(rng, sizes=(784, 20, 10), gap=2):
    """A state dict as torch writes for Linear, act, (Dropout,) Linear: indices 0, gap, ..."""
    sd = {}
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        sd[f"{i * gap}.weight"] = rng.standard_normal((n_out, n_in)).astype(np.float32) * 0.1
        sd[f"{i * gap}.bias"] = rng.standard_normal(n_out).astype(np.float32)
    return sd


def test_foreign_mlp_needs_its_activation_declared(tmp_path, mnist):
    sd = _torch_like_mlp(np.random.default_rng(0), gap=3)  # a Dropout between: indices 0 and 3
    save_file(sd, str(tmp_path / "f.safetensors"))
    with pytest.raises(ModelFileError, match="does not say which activation") as err:
        load_model(tmp_path / "f.safetensors")
    assert "\n" not in str(err.value)
    net, _meta = read_safetensors(tmp_path / "f.safetensors", activation="tanh")
    x = mnist[1][0][:5]
    want = np.tanh(x @ sd["0.weight"].T + sd["0.bias"]) @ sd["3.weight"].T + sd["3.bias"]
    np.testing.assert_allclose(net.scores(x), want, rtol=1e-5, atol=1e-5)
    save_file(sd, str(tmp_path / "g.safetensors"), metadata={"activation": "tanh"})  # or in the file
    assert load_model(tmp_path / "g.safetensors")[0].activation == "tanh"


def test_foreign_conv_net_needs_its_arch_and_its_shapes_must_match(tmp_path, mnist):
    net = _trained_conv(mnist, arch="conv 4 5x5, pool 2, dense 10")
    sd = layout.state_dict(net)  # 0 Conv2d, 1 ReLU, 2 MaxPool2d, 3 Flatten, 4 Linear
    save_file(sd, str(tmp_path / "c.safetensors"), metadata={"activation": "relu"})
    with pytest.raises(ModelFileError, match="module 0 is a Conv2d.*declare the architecture"):
        load_model(tmp_path / "c.safetensors")
    with pytest.raises(ModelFileError, match=r"module 4 is Linear with weight \(10, 576\); the declared "
                                             r"architecture 'conv 4 5x5, pool 3, dense 10' has Linear with "
                                             r"weight \(10, 256\)"):
        read_safetensors(tmp_path / "c.safetensors", arch="conv 4 5x5, pool 3, dense 10")
    back, _ = read_safetensors(tmp_path / "c.safetensors", arch="conv 4 5x5, pool 2, dense 10")
    x = mnist[1][0][:20]
    np.testing.assert_array_equal(back.probabilities(x), net.probabilities(x))


@pytest.mark.parametrize("tensors, match", [
    ({"0.weight": np.ones((16, 1, 5, 5), np.float32), "1.weight": np.ones(16, np.float32),
      "1.bias": np.ones(16, np.float32)}, r"module 1 has a weight of shape \(16,\) \(a BatchNorm"),
    ({"0.weight": np.ones((8, 4), np.float32), "1.running_mean": np.ones(8, np.float32)},
     r"tensor '1.running_mean' .* module '1' is not supported"),
    ({"encoder.0.weight": np.ones((8, 4), np.float32)}, r"module 'encoder.0' is not supported"),
    ({"0.weight": np.ones((8, 4), np.int64)}, r"0.weight is stored as I64"),
    ({"0.weight": np.ones((8, 4), np.float32), "2.weight": np.ones((3, 9), np.float32)},
     r"module 2 takes 9 inputs, module 0 gives 8"),
    ({"0.weight": np.full((8, 4), np.nan, np.float32)}, r"NaN"),
])
def test_unsupported_state_dicts_are_refused_in_one_line(tmp_path, tensors, match):
    save_file(tensors, str(tmp_path / "x.safetensors"), metadata={"activation": "relu"})
    with pytest.raises(ModelFileError, match=match) as err:
        load_model(tmp_path / "x.safetensors")
    assert "\n" not in str(err.value)


def test_damaged_and_missing_files_are_one_line(tmp_path):
    (tmp_path / "bad.safetensors").write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json at all")
    with pytest.raises(ModelFileError, match="not a readable .safetensors file"):
        load_model(tmp_path / "bad.safetensors")
    with pytest.raises(ModelFileError, match="file not found"):
        load_model(tmp_path / "none.safetensors")


def test_bias_free_linear_reads_as_zero_bias(tmp_path, mnist):
    w = np.random.default_rng(1).standard_normal((10, 784)).astype(np.float32)
    save_file({"0.weight": w}, str(tmp_path / "w.safetensors"))  # one layer: no activation to declare
    net, _ = load_model(tmp_path / "w.safetensors")
    x = mnist[1][0][:3]
    np.testing.assert_allclose(net.scores(x), x @ w.T, rtol=1e-5, atol=1e-5)


def test_export_refuses_what_does_not_fit_in_memory(bundled):
    from nnstudio.core.interop import check_memory

    nbytes = bundled[0].flat_params.nbytes
    with pytest.raises(ExportError, match="needs ~.* of memory"):
        check_memory(bundled[0], ".onnx", available=2 * nbytes)
    check_memory(bundled[0], ".onnx", available=8 * 2**30)
