"""`nnstudio train` refuses what does not fit with one line on stderr and status 2 (by the estimate:
nothing big is allocated), and reads --hidden as the app's field does."""

from __future__ import annotations

import pytest

import nnstudio.core.nn.memory as M
from nnstudio.cli import main

GB = 10 ** 9


@pytest.fixture(autouse=True)
def _small_mnist(monkeypatch):
    """A small stand-in for the bundled MNIST: these runs never get far enough to need more."""
    import numpy as np

    import nnstudio.core.digits.data as data

    rng = np.random.default_rng(0)
    fake = ((rng.random((600, 784), dtype=np.float32), rng.integers(0, 10, 600).astype(np.uint8)),
            (rng.random((100, 784), dtype=np.float32), rng.integers(0, 10, 100).astype(np.uint8)))
    monkeypatch.setattr(data, "load_mnist", lambda *a, **k: fake)


@pytest.fixture
def no_building(monkeypatch):
    import nnstudio.core.nn.config as C

    monkeypatch.setattr(C, "MultiLayerNet", lambda *a, **k: pytest.fail("a network was built"))


def _refused(argv, capsys) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    err = captured.err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert "drawing" not in captured.out  # refused before announcing any synthetic digits
    return err


@pytest.mark.parametrize("argv, advice", [
    (["--batch", "10000000"], "try a batch of at most"),
    (["--synthetic", "1000000000"], "try fewer synthetic digits (at most"),
    (["--hidden", "100000,100000"], "try hidden sizes of at most"),
])
def test_too_big_is_refused_with_advice(argv, advice, capsys, monkeypatch, no_building):
    monkeypatch.setattr(M, "available_memory", lambda: 4 * GB)
    err = _refused(["train", *argv, "--iters", "1"], capsys)
    assert err.startswith("nnstudio train: error: this run needs ~") and "4.0 GB free" in err
    assert advice in err


def test_an_absurd_step_is_refused(capsys, monkeypatch, no_building):
    monkeypatch.setattr(M, "available_memory", lambda: 1000 * GB)
    err = _refused(["train", "--hidden", "100000", "--iters", "1"], capsys)
    assert "operations per step" in err and "try hidden sizes of at most" in err


def test_hidden_zero_is_refused_as_in_the_app(capsys):
    from nnstudio.core.nn.config import parse_hidden

    with pytest.raises(ValueError) as info:
        parse_hidden("0")
    with pytest.raises(SystemExit) as exit_info:  # argparse's own exit
        main(["train", "--hidden", "0", "--iters", "1"])
    assert exit_info.value.code == 2
    assert str(info.value) in capsys.readouterr().err


def test_hidden_none_trains_softmax_regression(capsys):
    assert main(["train", "--hidden", "none", "--iters", "2", "--quiet"]) == 0
    assert "completed: 2 iterations" in capsys.readouterr().out
