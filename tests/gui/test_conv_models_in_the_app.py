"""Until the panels draw conv layers, the app refuses a conv model file with one line and keeps
its training form on MLPs."""

from __future__ import annotations

from nnstudio.core.nn.sequential import SequentialNet
from nnstudio.core.nn.serialization import save_model
from nnstudio.gui import model_files
from nnstudio.gui.widgets.param_form import ParamForm


def test_opening_a_conv_model_gives_one_line_naming_the_file(tmp_path):
    path = tmp_path / "conv.npz"
    save_model(path, SequentialNet("conv 4 3x3, pool 2, dense 10", rng=0))
    message = model_files._read_model(path)
    assert isinstance(message, str) and message.startswith(f"{path}: a convolutional model")
    assert "\n" not in message


def test_the_training_form_lists_mlp_presets_and_trains_what_it_shows(qtbot):
    form = ParamForm()
    qtbot.addWidget(form)
    names = [form.preset.itemData(i) for i in range(form.preset.count())]
    assert "conv-small" not in names and "conv-tiny" not in names and "fast" in names
    from nnstudio.core.nn.presets import get_preset

    form.set_config(get_preset("conv-tiny").config)  # e.g. a run restored from a conv model's settings
    assert form.config().arch is None
