"""`nnstudio train` and `nnstudio evaluate`: output, saved model and history, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from nnstudio.cli import main
from nnstudio.core.nn.serialization import load_model

@pytest.fixture(scope="module")
def _mnist_once():
    from nnstudio.core.digits.data import load_mnist

    return load_mnist()


@pytest.fixture(autouse=True)
def _cached_mnist(_mnist_once, monkeypatch):
    """Read and checksum the bundled MNIST once for this module (a folder given with --dataset is
    still read for real)."""
    import nnstudio.core.digits.data as data

    real = data.load_mnist

    def load_mnist(*args, directory=None, **kwargs):
        return _mnist_once if directory is None and not args and not kwargs else real(
            *args, directory=directory, **kwargs)

    monkeypatch.setattr(data, "load_mnist", load_mnist)


def _status(argv) -> int:
    """Exit status of `nnstudio ARGV`, whether argparse exits or the command returns."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


QUICK = ["--subset", "600", "--iters", "12", "--batch", "50", "--threads", "1"]


@pytest.fixture(scope="module")
def small_dataset(tmp_path_factory):
    """A folder in MNIST's IDX format (gzip for the images): 600 training and 200 test digits."""
    import gzip

    from nnstudio.core.digits.data import load_raw

    (xtr, ttr), (xte, tte) = load_raw()
    folder = tmp_path_factory.mktemp("mini-mnist")

    def images(name, x):
        header = np.array([2051, len(x), 28, 28], dtype=">u4").tobytes()
        (folder / (name + ".gz")).write_bytes(gzip.compress(header + x.tobytes()))

    def labels(name, t):
        (folder / name).write_bytes(np.array([2049, len(t)], dtype=">u4").tobytes() + t.tobytes())

    images("train-images-idx3-ubyte", xtr[:600])
    labels("train-labels-idx1-ubyte", ttr[:600])
    images("t10k-images-idx3-ubyte", xte[:200])
    labels("t10k-labels-idx1-ubyte", tte[:200])
    return folder


def test_train_prints_epochs_and_summary_saves_model_and_history(tmp_path, capsys):
    model, history = tmp_path / "m.npz", tmp_path / "h.json"
    code = main(["train", "--preset", "fast", "--hidden", "32,16", "--optimizer", "adam", "--lr", "0.003",
                 *QUICK, "--seed", "4", "--save", str(model), "--json", str(history)])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    epoch_lines = [ln for ln in lines if ln.startswith("epoch")]
    assert len(epoch_lines) == 2  # epoch 0 and the end of the 12 iterations (one epoch of 600 / 50)
    assert all("train" in ln and "test" in ln and "samples/s" in ln and " s " in ln for ln in epoch_lines)
    assert "784-32-16-10" in lines[0]
    assert any(ln.startswith("completed: 12 iterations") and "test accuracy" in ln for ln in lines)
    net, meta = load_model(model)
    assert net.sizes == [784, 32, 16, 10]
    assert meta["preset"] == "fast" and meta["config"]["hidden"] == [32, 16]
    assert meta["config"]["lr"] == 0.003 and meta["config"]["seed"] == 4 and meta["config"]["iterations"] == 12
    assert [h["epoch"] for h in meta["history"]] == [0, 1]
    assert meta["history"][0]["mean_loss"] is None  # NaN is not JSON
    assert meta["finished"]["reason"] == "completed"
    saved_history = json.loads(history.read_text())
    assert saved_history["history"] == meta["history"]


def test_every_override_reaches_the_config(tmp_path, capsys):
    history = tmp_path / "h.json"
    code = main(["train", "--preset", "book-twolayer", "--activation", "tanh", "--init", "xavier",
                 "--loss", "quadratic", "--optimizer", "momentum", "--lr", "0.05", "--sampling", "shuffle",
                 "--weight-decay", "0.001", "--lr-decay", "0.9", "--epochs", "1", "--subset", "300",
                 "--batch", "100", "--threads", "1", "--quiet", "--json", str(history)])
    assert code == 0
    cfg = json.loads(history.read_text())["config"]
    assert (cfg["activation"], cfg["init"], cfg["loss"], cfg["optimizer"], cfg["lr"], cfg["sampling"],
            cfg["weight_decay"], cfg["lr_decay"], cfg["epochs"], cfg["iterations"], cfg["train_subset"],
            cfg["batch_size"]) == ("tanh", "xavier", "quadratic", "momentum", 0.05, "shuffle", 0.001, 0.9,
                                   1.0, None, 300, 100)
    out = capsys.readouterr().out
    assert not any(ln.startswith("epoch") for ln in out.splitlines())  # --quiet: the summary only


def test_changing_the_optimizer_without_lr_uses_its_default_rate(tmp_path):
    history = tmp_path / "h.json"
    assert main(["train", "--optimizer", "adam", *QUICK, "--quiet", "--json", str(history)]) == 0
    assert json.loads(history.read_text())["config"]["lr"] == 0.001


def test_another_dataset_folder_and_evaluate(tmp_path, small_dataset, capsys):
    model = tmp_path / "m.npz"
    assert main(["train", "--dataset", str(small_dataset), "--iters", "20", "--batch", "30",
                 "--threads", "1", "--save", str(model)]) == 0
    out = capsys.readouterr().out
    assert "600 training images" in out
    _, meta = load_model(model)
    assert meta["dataset"] == str(small_dataset.resolve())
    assert main(["evaluate", str(model), "--dataset", str(small_dataset), "--train"]) == 0
    out = capsys.readouterr().out
    assert "test accuracy" in out and "/200)" in out and "train accuracy" in out
    digit_lines = [ln for ln in out.splitlines() if ln.startswith("  ") and ln.strip()[0].isdigit()]
    assert len(digit_lines) == 10


def test_evaluate_on_mnist_prints_per_digit_accuracy(tmp_path, capsys):
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.core.nn.serialization import save_model

    model = tmp_path / "m.npz"
    save_model(model, MultiLayerNet([784, 10], rng=0))
    assert main(["evaluate", str(model)]) == 0
    out = capsys.readouterr().out
    assert "/10000)" in out and "1135" in out  # 1,135 ones in the MNIST test set


def test_diverged_run_is_reported_and_not_saved(tmp_path, capsys):
    model = tmp_path / "m.npz"
    code = main(["train", "--lr", "1e6", "--subset", "1000", "--iters", "200", "--threads", "1",
                 "--save", str(model)])
    out = capsys.readouterr().out
    assert code == 1
    assert "diverged at step" in out and "1e+06" in out
    assert "not saved" in out and not model.exists()


@pytest.mark.parametrize("argv, message", [
    (["train", "--preset", "imagenet"], "invalid choice"),
    (["train", "--hidden", "12,abc"], "--hidden"),
    (["train", "--hidden", "12,-3"], "positive"),
    (["train", "--lr", "-1"], "positive"),
    (["train", "--lr", "nan"], "positive"),
    (["train", "--batch", "0"], "positive"),
    (["train", "--epochs", "2", "--iters", "3"], "not allowed"),
    (["train", "--activation", "swish"], "invalid choice"),
    (["train", "--lr-decay", "2", "--iters", "1"], "decay"),
    (["train", "--dataset", "/no/such/folder", "--iters", "1"], "does not exist"),
    (["train", "--iters", "1", "--save", "/"], "folder"),
    (["evaluate", "/no/such/model.npz"], "not found"),
    (["evaluate"], "required"),
])
def test_bad_arguments_exit_2_with_one_line(argv, message, capsys):
    assert _status(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


def test_bad_model_file_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.npz"
    bad.write_text("not a model")
    assert main(["evaluate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "not an .npz model file" in err and len(err.strip().splitlines()) == 1


def test_exit_codes_through_a_real_process(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"")
    run = subprocess.run([sys.executable, "-m", "nnstudio", "evaluate", str(bad)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 2 and "empty" in run.stderr and "Traceback" not in run.stderr
    run = subprocess.run([sys.executable, "-m", "nnstudio", "train", "--iters", "x"], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    run = subprocess.run([sys.executable, "-m", "nnstudio", "train", "--list"], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0 and "nielsen-ch1" in run.stdout and "pad" in run.stdout


def test_synthetic_digits_are_announced_before_training(tmp_path, capsys):
    assert main(["train", *QUICK, "--synthetic", "300"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("drawing 300 synthetic pad-style digits")  # not a TTY: one line
    assert lines[1].startswith("preset ")
