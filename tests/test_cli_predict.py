"""`nnstudio predict MODEL IMAGE...`: one line per file, clear lines for bad files and models."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("PySide6")

from nnstudio.cli import main  # noqa: E402
from nnstudio.core.digits.render import render_strokes  # noqa: E402
from nnstudio.core.nn.serialization import save_model  # noqa: E402
from helpers import ellipse, tiny_model  # noqa: E402


def save_gray(path, array):
    from PySide6.QtGui import QImage

    a = np.ascontiguousarray(array.astype(np.uint8))
    assert QImage(a.data, a.shape[1], a.shape[0], a.shape[1], QImage.Format_Grayscale8).save(str(path))


@pytest.fixture
def model(tmp_path):
    """A tiny net whose 'digit 1' unit fires on a vertical bar's pixels, 'digit 0' on an ellipse's."""
    path = tmp_path / "tiny.npz"
    save_model(path, tiny_model())
    return path


def test_predicts_each_file_and_reports_bad_ones(model, tmp_path, capsys):
    ring = render_strokes([ellipse(200, 200, 70, 120)], 400, width=25)
    save_gray(tmp_path / "zero.png", 255 * (1 - ring))  # dark on light
    bar = render_strokes([np.array([[150.0, 40.0], [152.0, 260.0]])], 300, width=12)
    save_gray(tmp_path / "one.jpg", 255 * bar)  # light on dark, JPEG
    (tmp_path / "notes.txt").write_text("not an image")
    save_gray(tmp_path / "blank.png", np.full((50, 50), 255))
    (tmp_path / "cut.png").write_bytes((tmp_path / "zero.png").read_bytes()[:300])
    files = [tmp_path / n for n in ("zero.png", "one.jpg", "notes.txt", "missing.png", "blank.png", "cut.png")]
    status = main(["predict", str(model), *map(str, files)])
    captured = capsys.readouterr()
    lines, errors = captured.out.splitlines(), captured.err.splitlines()
    assert status == 2
    assert len(lines) == 2 and len(errors) == 4  # predictions on stdout, failures on stderr
    assert lines[0].startswith(f"{files[0]}: 0 (p=")
    assert lines[1].startswith(f"{files[1]}: 1 (p=")
    assert errors[0] == f"nnstudio predict: error: {files[2]}: not an image"
    assert errors[1] == f"nnstudio predict: error: {files[3]}: file not found"
    assert errors[2] == f"nnstudio predict: error: {files[4]}: no ink found (blank image)"
    assert errors[3] == f"nnstudio predict: error: {files[5]}: not a readable image (damaged or truncated?)"


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
    assert out.stdout == ""
    assert out.stderr == f"nnstudio predict: error: {tmp_path / 'cut.png'}: not a readable image (damaged or truncated?)\n"
