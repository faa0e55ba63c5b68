"""Until the panels draw conv layers, the app refuses a conv model file with one line and keeps
its training form on MLPs; its training worker already drives a conv run like any other."""

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


def test_the_training_worker_drives_a_conv_run(qtbot, mnist):
    from nnstudio.core.nn.config import TrainConfig
    from nnstudio.core.nn.records import StepRecord, WeightSnapshot
    from nnstudio.core.nn.trainer import Trainer
    from nnstudio.gui.workers import TrainingWorker

    (xtr, ttr), (xte, tte) = mnist
    cfg = TrainConfig(arch="conv 4 3x3, pool 2, dense 10", activation="relu", init="he", optimizer="adam",
                      lr=3e-3, batch_size=32, iterations=30, seed=1)
    worker = TrainingWorker(Trainer(cfg, ((xtr[:500], ttr[:500]), (xte[:200], tte[:200]))))
    batches, snapshots = [], []
    worker.progressed.connect(batches.append)
    worker.snapshot.connect(snapshots.append)
    with qtbot.waitSignal(worker.finished, timeout=60_000) as finished:
        worker.start()
    assert worker.wait(10_000)
    assert finished.args[0].reason == "completed"
    steps = [r.iteration for b in batches for r in b if isinstance(r, StepRecord)]
    assert steps == list(range(1, 31))
    assert isinstance(snapshots[-1], WeightSnapshot) and snapshots[-1].iteration == 30
    assert snapshots[-1].params["W1"].shape == (4, 1, 3, 3)
