"""The command line with conv networks: train --preset conv-tiny and --arch, evaluate, predict."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.cli import main
from nnstudio.core.nn.sequential import SequentialNet
from nnstudio.core.nn.serialization import load_model

QUICK = ["--subset", "300", "--iters", "8", "--batch", "32", "--threads", "1"]


@pytest.fixture(autouse=True)
def _cached_mnist(mnist, monkeypatch):
    """The bundled MNIST from the session's fixture (read and checksummed once)."""
    from nnstudio.core.digits import data

    monkeypatch.setattr(data, "load_mnist", lambda *a, directory=None, **k: mnist)


def _status(argv) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


@pytest.fixture(scope="module")
def conv_model(tmp_path_factory, mnist):
    from nnstudio.core.digits import data

    path = tmp_path_factory.mktemp("conv") / "tiny.npz"
    real = data.load_mnist
    data.load_mnist = lambda *a, directory=None, **k: mnist
    try:
        assert main(["train", "--preset", "conv-tiny", *QUICK, "--quiet", "--save", str(path)]) == 0
    finally:
        data.load_mnist = real
    return path


def test_train_conv_tiny_saves_a_conv_model(conv_model, capsys):
    net, meta = load_model(conv_model)
    assert isinstance(net, SequentialNet) and net.arch == "conv 8 3x3, pool 2, dense 10"
    assert meta["preset"] == "conv-tiny" and meta["config"]["arch"] == net.arch
    assert meta["finished"]["iteration"] == 8


def test_train_with_an_architecture_option(tmp_path, capsys):
    path = tmp_path / "arch.npz"
    assert main(["train", "--preset", "fast", "--arch", "CONV 4 3 p1, pool 2, dense 10", *QUICK,
                 "--save", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("preset fast: 'conv 4 3x3 p1, pool 2, dense 10' relu")
    assert "epoch   1" in out and f"saved {path}" in out
    assert load_model(path)[0].arch == "conv 4 3x3 p1, pool 2, dense 10"


def test_hidden_sizes_or_arch_none_turn_a_conv_preset_into_an_mlp(tmp_path, capsys):
    for option in (["--hidden", "20"], ["--arch", "none"]):
        path = tmp_path / "mlp.npz"
        assert main(["train", "--preset", "conv-tiny", *option, *QUICK, "--quiet", "--save", str(path)]) == 0
        net = load_model(path)[0]
        assert not isinstance(net, SequentialNet) and net.sizes[0] == 784


@pytest.mark.parametrize("argv, message", [
    (["--arch", "conv 8 3y3, dense 10"], "argument --arch: architecture: layer 1 'conv 8 3y3': write the window"),
    (["--arch", "conv 8 3x3, dense 7"], "must have 10 units"),
    (["--arch", "conv 8 3x3, dense 10", "--hidden", "20"], "not allowed with argument"),
])
def test_bad_architectures_are_one_line_with_status_2(argv, message, capsys):
    assert _status(["train", *argv, *QUICK]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_evaluate_a_conv_model(conv_model, capsys):
    assert main(["evaluate", str(conv_model)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"model {conv_model}: 'conv 8 3x3, pool 2, dense 10' relu, cross_entropy loss, "
                          f"preset conv-tiny")
    accuracy = float(out.split("test accuracy ")[1].split()[0])
    assert accuracy > 0.3 and out.count("\n") == 13


def test_predict_with_a_conv_model(conv_model, tmp_path, capsys):
    pytest.importorskip("PySide6")
    from PySide6.QtGui import QImage

    image = np.full((60, 60), 255, np.uint8)
    image[10:50, 27:33] = 0  # a dark vertical bar: a one
    image = np.ascontiguousarray(image)
    path = tmp_path / "one.png"
    assert QImage(image.data, 60, 60, 60, QImage.Format_Grayscale8).save(str(path))
    assert main(["predict", str(conv_model), str(path), "--top", "3"]) == 0
    line = capsys.readouterr().out
    assert line.startswith(f"{path}: ") and "(p=" in line and line.count(":") == 4
