"""`nnstudio predict MODEL IMAGE...`: one line per file, clear lines for bad files and models."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("PySide6")

from nnstudio.cli import main  # noqa: E402
from nnstudio.core.nn.network import MultiLayerNet  # noqa: E402
from nnstudio.core.digits.preprocess import render_strokes, strokes_to_input  # noqa: E402
from nnstudio.core.nn.serialization import save_model  # noqa: E402


def save_gray(path, array):
    from PySide6.QtGui import QImage

    a = np.ascontiguousarray(array.astype(np.uint8))
    assert QImage(a.data, a.shape[1], a.shape[0], a.shape[1], QImage.Format_Grayscale8).save(str(path))


@pytest.fixture
def model(tmp_path):
    """A tiny net whose 'digit 1' unit fires on a vertical bar's pixels, 'digit 0' on an ellipse's."""
    t = np.linspace(0, 2 * np.pi, 80)
    zero = strokes_to_input([np.column_stack((140 + 60 * np.cos(t), 140 + 90 * np.sin(t)))])
    one = strokes_to_input([np.array([[140.0, 40.0], [140.0, 240.0]])])
    W = np.zeros((784, 10), np.float32)
    W[:, 0], W[:, 1] = zero - one, one - zero
    net = MultiLayerNet([784, 10], params={"W1": W * 0.2, "b1": np.zeros(10)})
    path = tmp_path / "tiny.npz"
    save_model(path, net)
    return path


def test_predicts_each_file_and_reports_bad_ones(model, tmp_path, capsys):
    t = np.linspace(0, 2 * np.pi, 80)
    ring = render_strokes([np.column_stack((200 + 70 * np.cos(t), 200 + 120 * np.sin(t)))], 400, width=25)
    save_gray(tmp_path / "zero.png", 255 * (1 - ring))  # dark on light
    bar = render_strokes([np.array([[150.0, 40.0], [152.0, 260.0]])], 300, width=12)
    save_gray(tmp_path / "one.jpg", 255 * bar)  # light on dark, JPEG
    (tmp_path / "notes.txt").write_text("not an image")
    save_gray(tmp_path / "blank.png", np.full((50, 50), 255))
    (tmp_path / "cut.png").write_bytes((tmp_path / "zero.png").read_bytes()[:300])
    files = [tmp_path / n for n in ("zero.png", "one.jpg", "notes.txt", "missing.png", "blank.png", "cut.png")]
    status = main(["predict", str(model), *map(str, files)])
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert status == 2
    assert len(lines) == 6 and captured.err == ""
    assert lines[0].startswith(f"{files[0]}: 0 (p=")
    assert lines[1].startswith(f"{files[1]}: 1 (p=")
    assert lines[2] == f"{files[2]}: not an image"
    assert lines[3] == f"{files[3]}: file not found"
    assert lines[4] == f"{files[4]}: no ink found (blank image)"
    assert lines[5] == f"{files[5]}: not a readable image (damaged or truncated?)"


def test_all_good_files_exit_zero(model, tmp_path, capsys):
    bar = render_strokes([np.array([[50.0, 10.0], [50.0, 90.0]])], 100, width=6)
    save_gray(tmp_path / "one.png", 255 * (1 - bar))
    assert main(["predict", str(model), str(tmp_path / "one.png"), "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{tmp_path / 'one.png'}: 1 (p=") and out.count(":") == 4


def test_bad_model_is_one_line_and_status_2(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_text("garbage")
    img = tmp_path / "x.png"
    save_gray(img, np.zeros((10, 10)))
    out = subprocess.run([sys.executable, "-m", "nnstudio", "predict", str(bad), str(img)],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and "bad.npz" in out.stderr


def test_a_damaged_image_gives_one_line_and_no_decoder_noise(model, tmp_path):
    bar = render_strokes([np.array([[50.0, 10.0], [50.0, 90.0]])], 100, width=6)
    save_gray(tmp_path / "one.png", 255 * bar)
    (tmp_path / "cut.png").write_bytes((tmp_path / "one.png").read_bytes()[:120])
    out = subprocess.run([sys.executable, "-m", "nnstudio", "predict", str(model), str(tmp_path / "cut.png")],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stdout.strip().endswith("cut.png: not a readable image (damaged or truncated?)")
    assert out.stderr == ""
