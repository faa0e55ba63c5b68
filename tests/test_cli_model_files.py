"""A bad model file given to the command line: one line on stderr, exit status 2, nothing else."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from numpy.lib import format as npy_format

from nnstudio.cli import main
from nnstudio.core.nn import serialization as S

ROOT = Path(__file__).resolve().parents[1]


def _npy(shape, dtype, data=b""):
    buf = io.BytesIO()
    npy_format.write_array_header_1_0(buf, {"descr": npy_format.dtype_to_descr(np.dtype(dtype)),
                                           "fortran_order": False, "shape": tuple(shape)})
    return buf.getvalue() + data


def _model_zip(path, header_network, params):
    header = json.dumps({"format": S.FORMAT, "version": S.FORMAT_VERSION, "meta": {},
                         "network": header_network}).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("header.npy", _npy((len(header),), np.uint8, header))
        for name, (shape, dtype) in params.items():
            data = np.zeros(shape, dtype).tobytes() if np.prod(shape) < 10**6 else b""
            zf.writestr(f"param_{name}.npy", _npy(shape, dtype, data))
    return path


NETWORK = {"sizes": [784, 100, 10], "activation": "relu", "loss": "cross_entropy", "dtype": "float32"}
GOOD = {"W1": ((784, 100), np.float32), "b1": ((100,), np.float32),
        "W2": ((100, 10), np.float32), "b2": ((10,), np.float32)}


def bad_models(tmp_path):
    """(file, what its one-line message says) for several kinds of bad model."""
    return [
        (_model_zip(tmp_path / "bomb.npz", NETWORK, {**GOOD, "W1": ((4_000_000, 1000), np.float32)}),
         "parameter W1 has shape (4000000, 1000), the header's layers say (784, 100)"),
        (_model_zip(tmp_path / "u10.npz", {**NETWORK, "dtype": "U10"}, GOOD),
         "the header's dtype 'U10' is not allowed (only float32 and float64)"),
        (_model_zip(tmp_path / "int8.npz", NETWORK, {**GOOD, "b1": ((100,), np.int8)}),
         "parameter b1 is stored as int8; only float32 and float64 are allowed"),
    ]


@pytest.mark.parametrize("command", ["evaluate", "predict"])
def test_bad_model_is_one_line_on_stderr_with_status_2(tmp_path, capsys, command):
    pytest.importorskip("PySide6")  # predict reads images through QtGui
    image = tmp_path / "digit.png"
    image.write_bytes(b"unused: the model is refused first")
    for path, says in bad_models(tmp_path):
        before = path.read_bytes()
        argv = [command, str(path)] + ([str(image)] if command == "predict" else [])
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == f"nnstudio {command}: error: {path}: {says}\n"
        assert path.read_bytes() == before


def test_real_process_exit_status(tmp_path):
    path, says = bad_models(tmp_path)[0]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "nnstudio", "evaluate", str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [f"nnstudio evaluate: error: {path}: {says}"]
