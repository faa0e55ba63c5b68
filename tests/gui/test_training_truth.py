"""The training panel tells the truth: what train accuracy is measured on, Nielsen's run and
baselines, readable log ticks, a paused run's numbers standing still."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.nn.presets import EVAL_TRAIN, PRESETS, get_preset
from nnstudio.core.nn.speed import RunClock
from nnstudio.core.nn.trainer import Trainer
from nnstudio.gui.context import DatasetInfo


@pytest.fixture(scope="module")
def dataset_12k(mnist):
    (xtr, ttr), (xte, tte) = mnist
    return DatasetInfo("MNIST subset", None, ((xtr[:12_000], ttr[:12_000]), (xte[:500], tte[:500])))


def _run_preset(qtbot, panel, name, **changes):
    panel.form.set_preset(name)
    for field, value in changes.items():
        getattr(panel.form, field).setValue(value)
    assert panel.start()
    qtbot.waitUntil(lambda: panel.trainer is not None and panel.run is not None, timeout=60_000)


def test_the_app_and_the_command_line_measure_train_accuracy_on_the_same_images(
        qtbot, make_training_panel, dataset_12k, mnist):
    # The command line trains a preset's config (nnstudio/cli/train.py): its Trainer's limit.
    for preset in PRESETS.values():
        assert preset.config.eval_train == EVAL_TRAIN
        assert Trainer(preset.config.with_(synthetic=0), mnist).eval_train_limit == EVAL_TRAIN
    panel = make_training_panel(dataset_12k)
    _run_preset(qtbot, panel, "book-twolayer", iterations=1_000_000)
    assert panel.trainer.eval_train_limit == EVAL_TRAIN
    name = panel.stats.names["train_acc"]
    assert name.text() == "Train acc. (10k)"
    assert "first 10,000 of the 12,000 training images" in name.toolTip()
    panel.stop()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)


def test_nielsens_run_trains_on_his_50000_images():
    cfg = get_preset("nielsen-ch1").config
    assert cfg.train_subset == 50_000  # the last 10,000 are his validation set
    assert "50,000" in get_preset("nielsen-ch1").description


def test_nielsens_baselines_are_drawn_with_his_result(qtbot, make_training_panel, dataset_12k):
    panel = make_training_panel(dataset_12k)
    _run_preset(qtbot, panel, "nielsen-ch1")  # (stopped long before its 30 epochs)
    refs = {round(y, 2): label for y, label in panel.plots.acc_plot.references()}
    assert set(refs) == {95.42, 10.0, 22.25}
    assert "chance" in refs[10.0] and "average darkness" in refs[22.25] and "book" in refs[95.42]
    assert len(panel.trainer.x_train) == 12_000  # fewer images than the subset: all of them
    panel.stop()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    panel.plots.start_run(10, 0.9465, 100, get_preset("book-twolayer").baselines)
    assert {round(y, 2) for y, _ in panel.plots.acc_plot.references()} == {94.65, 10.0}


@pytest.mark.parametrize("height", [90, 130, 250, 500])
def test_log_loss_tick_labels_never_overlap(qtbot, make_training_panel, dataset_12k, height):
    from nnstudio.gui.widgets.live_curve import LOG_TICK_MIN_PX

    panel = make_training_panel(dataset_12k)
    axis = panel.plots.loss_plot.getPlotItem().getAxis("left")
    panel.plots.log_loss.setChecked(True)
    for lo, hi in ((np.log10(0.03), np.log10(2.5)), (np.log10(0.5), np.log10(2.4)), (-6.0, 1.0)):
        ticks = sorted(v for _spacing, values in axis.tickValues(lo, hi, height) for v in values)
        assert len(ticks) >= 2
        assert np.min(np.diff(ticks)) * height / (hi - lo) >= LOG_TICK_MIN_PX


class _Ticking:
    """A clock that moves 0.05 s each time it is read: time passes whenever the panel looks."""

    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        self.t += 0.05
        return self.t


def test_a_paused_run_says_so_and_its_speed_and_time_left_stand_still(qtbot, make_training_panel,
                                                                      dataset_12k):
    panel = make_training_panel(dataset_12k)
    panel.controller.clock = RunClock(_Ticking())
    panel.form.set_preset("book-twolayer")
    panel.form.iterations.setValue(1_000_000)
    assert panel.start()
    qtbot.waitUntil(lambda: panel.run is not None and len(panel.run.losses) > 200, timeout=60_000)
    panel.toggle_pause()
    qtbot.waitUntil(lambda: panel.paused, timeout=10_000)
    assert "paused" in panel.stats.message.text() and "paused" in panel.stats.progress.format()
    speed, eta = panel.stats.text("speed"), panel.stats.text("eta")
    assert speed != "–" and eta not in ("–", "0:00")
    for _ in range(100):  # a long pause: 5 s on the panel's clock, records arriving meanwhile
        panel.controller.clock.mark(panel.trainer.iteration)
        panel.controller.update_progress()
        assert (panel.stats.text("speed"), panel.stats.text("eta")) == (speed, eta)
    panel.toggle_pause()
    qtbot.waitUntil(lambda: not panel.paused, timeout=10_000)
    assert "resumed" in panel.stats.message.text()
    panel.stop()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
