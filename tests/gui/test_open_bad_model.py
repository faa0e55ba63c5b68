"""File ▸ Open model with a bad or hostile file: one dialog, the current model stays."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.nn import serialization as S
from test_cli_model_files import GOOD, NETWORK, _model_zip


@pytest.mark.parametrize("name, network, params, says", [
    ("bomb.npz", NETWORK, {**GOOD, "W1": ((4_000_000, 1000), np.float32)},
     "parameter W1 has shape (4000000, 1000), the header's layers say (784, 100)"),
    ("u10.npz", {**NETWORK, "dtype": "U10"}, GOOD, "the header's dtype 'U10' is not allowed"),
    ("v8.npz", {**NETWORK, "dtype": "V8"}, GOOD, "the header's dtype 'V8' is not allowed"),
    ("c64.npz", NETWORK, {**GOOD, "W2": ((100, 10), np.complex64)}, "parameter W2 is stored as complex64"),
])
def test_bad_model_gives_one_dialog_and_keeps_the_current_model(main_window, qtbot, tmp_path, dialogs,
                                                                 monkeypatch, name, network, params, says):
    read = []
    real_read = S.npy_format.read_array
    monkeypatch.setattr(S.npy_format, "read_array",
                        lambda *a, **k: read.append(1) or real_read(*a, **k))
    path = _model_zip(tmp_path / name, network, params)
    before_bytes = path.read_bytes()
    before = main_window.context.model
    label = main_window.model_label.text()
    assert main_window.open_model(path)  # read in a worker: the dialog comes when it is refused
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=30_000)
    qtbot.waitUntil(lambda: not main_window.model_files.loading, timeout=30_000)
    (kind, title, text), = dialogs
    assert kind == "warning" and title == "Cannot open model"
    assert text == f"{path}: {says}" or text.startswith(f"{path}: {says}")
    assert "\n" not in text
    assert main_window.context.model is before and main_window.model_label.text() == label
    assert path.read_bytes() == before_bytes
    assert len(read) <= 1  # the JSON header at most: no parameter data was read
