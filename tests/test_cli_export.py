"""`nnstudio export`: by OUT's extension, one line and exit status 2 for whatever is wrong."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from safetensors.numpy import save_file

from nnstudio.cli import main
from nnstudio.core.nn.serialization import load_model
from nnstudio.paths import default_model_path

from helpers import bundled_mlp_path


def test_export_each_format_and_back(tmp_path, capsys):
    model = str(default_model_path())
    for name in ("m.safetensors", "m.onnx", "m.py"):
        assert main(["export", model, str(tmp_path / name)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "m.safetensors"), str(tmp_path / "back.npz")]) == 0
    net, back = load_model(model)[0], load_model(tmp_path / "back.npz")[0]
    for key in net.params:
        np.testing.assert_array_equal(back.params[key], net.params[key])


def test_declared_activation_converts_a_foreign_state_dict(tmp_path, capsys):
    net = load_model(bundled_mlp_path())[0]
    sd = {f"{2 * (i - 1)}.weight": net.params[f"W{i}"].T.copy() for i in (1, 2, 3)}
    sd.update({f"{2 * (i - 1)}.bias": net.params[f"b{i}"] for i in (1, 2, 3)})
    save_file(sd, str(tmp_path / "torch.safetensors"))
    assert main(["evaluate", str(tmp_path / "torch.safetensors")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--activation" in err
    assert main(["export", str(tmp_path / "torch.safetensors"), str(tmp_path / "t.npz"),
                 "--activation", "relu"]) == 0
    assert load_model(tmp_path / "t.npz")[0].config() == net.config() | {"init": "std"}
    assert main(["export", str(bundled_mlp_path()), str(tmp_path / "t2.npz"), "--activation", "relu"]) == 2
    assert "declare a .safetensors" in capsys.readouterr().err


def test_errors_are_one_line(tmp_path, capsys, monkeypatch):
    model = str(default_model_path())
    assert main(["export", model, str(tmp_path / "m.txt")]) == 2
    assert "unknown export format '.txt'" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "onnx", None)  # as if the optional package were missing
    assert main(["export", model, str(tmp_path / "m.onnx")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'nnstudio[export]'" in err
    assert not (tmp_path / "m.onnx").exists()


def test_predict_and_evaluate_read_an_exported_state_dict(tmp_path, capsys):
    pytest.importorskip("PySide6")  # predict reads images with QtGui
    from test_cli_predict import save_gray
    from helpers import ellipse, tiny_model
    from nnstudio.core.digits.render import render_strokes
    from nnstudio.core.nn.serialization import save_model

    save_model(tmp_path / "tiny.npz", tiny_model())
    assert main(["export", str(tmp_path / "tiny.npz"), str(tmp_path / "tiny.safetensors")]) == 0
    ring = render_strokes([ellipse(200, 200, 70, 120)], 400, width=25)
    save_gray(tmp_path / "zero.png", 255 * (1 - ring))
    capsys.readouterr()
    for model in ("tiny.npz", "tiny.safetensors"):
        assert main(["predict", str(tmp_path / model), str(tmp_path / "zero.png"), "--top", "3"]) == 0
    npz_line, st_line = capsys.readouterr().out.splitlines()
    assert npz_line == st_line and npz_line.startswith(f"{tmp_path / 'zero.png'}: 0 (p=")
    assert main(["evaluate", str(tmp_path / "tiny.safetensors")]) == 0
    assert "test accuracy" in capsys.readouterr().out
