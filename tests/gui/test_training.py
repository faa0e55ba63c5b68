"""The training panel: runs, live curves, controls, divergence, run history, exports."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nnstudio.core.nn.records import StepRecord
from nnstudio.gui.context import DatasetInfo


@pytest.fixture(scope="module")
def small_dataset(mnist):
    (xtr, ttr), (xte, tte) = mnist
    return DatasetInfo("MNIST subset", None, ((xtr[:2000], ttr[:2000]), (xte[:1000], tte[:1000])))


@pytest.fixture
def panel(make_training_panel, small_dataset):
    return make_training_panel(small_dataset)


def configure(panel, *, iterations=None, epochs=None, lr="0.01", optimizer="adam", hidden="20"):
    f = panel.form
    f.hidden.setText(hidden)
    f.activation.setCurrentIndex(f.activation.findData("relu"))
    f.init.setCurrentIndex(f.init.findData("he"))
    f.optimizer.setCurrentIndex(f.optimizer.findData(optimizer))
    f.lr.setText(lr)
    f.batch_size.setValue(50)
    f.sampling.setCurrentIndex(f.sampling.findData("shuffle"))
    if epochs is not None:
        f.length_unit.setCurrentIndex(f.length_unit.findData("epochs"))
        f.epochs.setValue(epochs)
    else:
        f.length_unit.setCurrentIndex(f.length_unit.findData("iterations"))
        f.iterations.setValue(iterations)


def steps(panel) -> int:
    """Steps the current run has reported (0 while its data is being prepared)."""
    return len(panel.run.losses) if panel.run is not None else 0


def wait_finished(qtbot, panel, timeout=60_000):
    qtbot.waitUntil(lambda: not panel.running, timeout=timeout)


def test_short_run_fills_curves_and_publishes_model(qtbot, panel):
    configure(panel, epochs=3)
    models, states = [], []
    panel.context.model_changed.connect(models.append)
    panel.context.training_state_changed.connect(states.append)
    snapshots = []
    panel.context.weights_snapshot.connect(snapshots.append)
    assert panel.start()
    assert not panel.start_button.isEnabled() and panel.stop_button.isEnabled()
    assert not panel.start()  # no second run while one runs
    wait_finished(qtbot, panel)
    ipe = 2000 // 50
    assert panel.plots.loss_plot.count("loss") == 3 * ipe
    assert panel.plots.loss_plot.count("loss_avg") == 3 * ipe
    assert panel.plots.acc_plot.count("test") == 4  # epoch 0 and three epoch ends
    _, test_acc = panel.plots.acc_plot.points("test")
    assert test_acc[-1] > 50  # well above the 10% chance
    assert states == [True, False]
    assert models and models[-1].name == "run 1 (completed)" and models[-1].source == "trained"
    assert models[-1].meta["config"]["hidden"] == [20]
    assert len(models[-1].meta["history"]["epochs"]) == 4
    assert snapshots
    assert panel.start_button.isEnabled() and not panel.stop_button.isEnabled()
    assert panel.stats.text("iteration") == f"{3 * ipe:,}"
    assert "completed" in panel.stats.message.text()


def test_stop_button_ends_the_run(qtbot, panel):
    configure(panel, iterations=1_000_000)
    panel.start()
    qtbot.waitUntil(lambda: steps(panel) > 5, timeout=60_000)
    qtbot.mouseClick(panel.stop_button, qtbot_button())
    qtbot.waitUntil(lambda: not panel.running, timeout=10_000)  # a hang, not a slow machine, fails
    assert panel.run.finished.reason == "stopped"
    # it becomes the current model only when it learned (measured again on test images at the stop)
    learned = panel._final_accuracy(panel.run, panel.run.finished) > 0.2
    assert (panel.context.model is not None and panel.context.model.name == "run 1 (stopped)") == learned


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.LeftButton


def parked_after(qtbot, panel, control) -> int:
    """Call a panel control and wait until the worker's loop has parked; every record it emitted
    before parking has reached the panel. Returns the iteration it parked at."""
    parks = []
    panel.worker.parked.connect(parks.append)  # (called on the worker's thread)
    control()
    qtbot.waitUntil(lambda: bool(parks), timeout=10_000)
    qtbot.waitUntil(lambda: steps(panel) == parks[0], timeout=10_000)
    return parks[0]


def test_pause_resume_continues(qtbot, panel):
    configure(panel, iterations=1_000_000)
    panel.start()
    qtbot.waitUntil(lambda: steps(panel) > 5, timeout=60_000)
    at = parked_after(qtbot, panel, panel.toggle_pause)  # a step may be in flight: it parks after it
    assert panel.pause_button.text() == "Resume"
    assert panel.step_button.isEnabled()
    assert panel.trainer.iteration == at
    assert parked_after(qtbot, panel, panel.step) == at + 1
    assert panel.trainer.iteration == at + 1
    panel.toggle_pause()
    qtbot.waitUntil(lambda: steps(panel) > at + 10, timeout=30_000)
    assert list(panel.run.iterations) == list(range(1, len(panel.run.iterations) + 1))
    panel.stop()
    wait_finished(qtbot, panel)


def test_step_from_idle_then_step_epoch(qtbot, panel):
    configure(panel, epochs=5)
    panel.step()
    qtbot.waitUntil(lambda: steps(panel) == 1, timeout=30_000)
    assert panel.running and panel.paused
    panel.step_epoch()
    qtbot.waitUntil(lambda: panel.plots.acc_plot.count("test") == 2, timeout=10_000)  # epoch 0 and 1
    assert len(panel.run.losses) == 40
    panel.stop()
    wait_finished(qtbot, panel)


def test_learning_rate_change_mid_run(qtbot, panel):
    configure(panel, iterations=1_000_000, optimizer="sgd", lr="0.1")
    panel.start()
    assert panel.form.lr.isEnabled() and not panel.form.hidden.isEnabled()
    qtbot.waitUntil(lambda: steps(panel) > 3, timeout=60_000)
    panel.form.lr.setText("0.02")
    panel.form.lr.editingFinished.emit()
    qtbot.waitUntil(lambda: panel.run.lrs[-1] == 0.02, timeout=10_000)
    panel.form.lr.setText("fast please")
    panel.form.lr.editingFinished.emit()
    assert "not changed" in panel.stats.message.text()
    panel.stop()
    wait_finished(qtbot, panel)
    lrs = list(panel.run.lrs)
    k = lrs.index(0.02)
    assert set(lrs[:k]) == {0.1} and set(lrs[k:]) == {0.02}
    assert panel.run.lr_changes() == [[1, 0.1], [k + 1, 0.02]]


def test_huge_learning_rate_is_reported_as_diverged(qtbot, panel, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail("no error dialog expected"))
    f = panel.form
    configure(panel, iterations=2000, optimizer="sgd", lr="1e6")
    f.activation.setCurrentIndex(f.activation.findData("sigmoid"))
    panel.start()
    wait_finished(qtbot, panel)
    assert panel.run.finished.reason == "diverged"
    text = panel.stats.message.text()
    assert "diverged" in text and "lower learning rate" in text
    assert panel.context.model is None  # a diverged run never becomes the current model
    assert "There is still no current model" in text
    assert all(np.isfinite(v).all() for v in panel.trainer.network.params.values())  # last sound weights
    assert panel.start_button.isEnabled()


def test_bad_settings_show_a_message(qtbot, panel):
    panel.form.hidden.setText("ten")
    assert not panel.start()
    assert "hidden sizes" in panel.stats.message.text()
    assert not panel.running


def test_worker_failure_shows_dialog(qtbot, panel, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    configure(panel, iterations=100)
    import nnstudio.gui.panels.training.controller as training

    class Broken(training.Trainer):
        def run(self):
            yield from ()
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(training, "Trainer", Broken)
    panel.start()
    wait_finished(qtbot, panel)
    assert shown and "disk on fire" in shown[0]
    assert panel.start_button.isEnabled()


def test_failure_while_preparing_data(qtbot, panel, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    import nnstudio.gui.panels.training.controller as training

    def broken(*args, **kwargs):
        raise ValueError("extra training rows do not match the training set")

    monkeypatch.setattr(training, "Trainer", broken)
    configure(panel, iterations=100)
    panel.start()
    wait_finished(qtbot, panel)
    assert shown and "do not match" in shown[0]
    assert panel.start_button.isEnabled() and len(panel.history) == 0


def test_step_epoch_from_idle(qtbot, panel):
    configure(panel, epochs=5)
    panel.step_epoch()  # starts paused; the step budget of one epoch is given once the data is ready
    parks = []
    panel.worker.parked.connect(parks.append)  # before the event loop runs: no park at 40 is missed
    qtbot.waitUntil(lambda: 40 in parks, timeout=60_000)
    qtbot.waitUntil(lambda: panel.plots.acc_plot.count("test") == 2, timeout=10_000)
    assert steps(panel) == 40 and panel.trainer.iteration == 40 and panel.paused
    panel.stop()
    wait_finished(qtbot, panel)


def test_history_overlay_and_export(qtbot, panel, tmp_path):
    configure(panel, epochs=1)
    panel.start()
    wait_finished(qtbot, panel)
    configure(panel, epochs=2, lr="0.003")
    panel.start()
    wait_finished(qtbot, panel)
    box = panel.history_box
    assert box.shown.count() == 2 and box.overlay.count() == 3  # nothing, run 1 (not the shown run 2), a file
    assert box.overlay.findData(2) < 0
    box.overlay.setCurrentIndex(box.overlay.findData(1))
    box.overlay.activated.emit(box.overlay.currentIndex())
    assert panel.plots.loss_plot.count("ov_loss") == 40
    assert panel.plots.acc_plot.count("ov_test") == 2
    configure(panel, epochs=1)  # a new run: the compared run stays drawn and chosen
    panel.start()
    qtbot.waitUntil(lambda: panel.run is not None and panel.run.number == 3, timeout=60_000)
    assert panel.plots.loss_plot.count("ov_loss") == 40 and box.overlay_run() == 1
    wait_finished(qtbot, panel)
    assert panel.plots.loss_plot.count("ov_loss") == 40 and box.overlay_run() == 1
    assert box.overlay.findData(3) < 0  # run 3 is shown now
    box.shown.setCurrentIndex(box.shown.findData(1))
    box.shown.activated.emit(box.shown.currentIndex())
    assert panel.plots.loss_plot.count("loss") == 40
    # Run 1 is shown: it leaves the compare list and is no longer drawn over itself.
    assert box.overlay.findData(1) < 0 and box.overlay_run() == 0
    assert "ov_loss" not in panel.plots.loss_plot.keys()
    assert panel.export_run(2, tmp_path / "run2.csv")
    rows = (tmp_path / "run2.csv").read_text().splitlines()
    assert rows[0] == "iteration,epoch,loss,lr,train_acc,test_acc" and len(rows) == 1 + 1 + 80
    assert panel.export_run(2, tmp_path / "run2.json")
    d = json.loads((tmp_path / "run2.json").read_text())
    assert d["config"]["lr"] == 0.003 and len(d["steps"]["loss"]) == 80 and len(d["epochs"]) == 3
    panel._on_reuse_run(1)
    assert panel.form.epochs.value() == 1


def test_x_axis_toggle_and_book_references(qtbot, panel):
    panel.form.set_preset("book-twolayer")
    assert panel.form.preset_name() == "book-twolayer"
    panel.form.train_subset.setValue(1000)  # editing a field makes it custom
    assert panel.form.preset_name() == "custom"
    panel.form.set_preset("book-twolayer")
    cfg = panel.form.config()
    assert cfg.iterations == 10_000 and cfg.lr == 0.1
    panel.plots.start_run(600, 0.9465)
    assert len(panel.plots.acc_plot._references) == 2
    panel.plots.add_records([StepRecord(i, i / 600, 2.3, 0.1) for i in range(1, 601)])
    panel.plots.set_x_mode("epochs")
    x = panel.plots.loss_plot._series["loss"].item.xData
    assert x[-1] == pytest.approx(1.0)
    panel.plots.set_x_mode("iterations")
    x = panel.plots.loss_plot._series["loss"].item.xData
    assert x[-1] == pytest.approx(600)


def test_hover_shows_value(qtbot, panel):
    plot = panel.plots.loss_plot
    panel.plots.start_run(10, None)
    panel.plots.add_records([StepRecord(i, i / 10, 1.0, 0.1) for i in range(1, 101)])
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    vb = plot.getPlotItem().vb
    vb.autoRange()
    from PySide6.QtCore import QPointF

    text = plot.show_value_at(vb.mapViewToScene(QPointF(50, 1.0)))
    assert "iteration 50" in text and "1" in text
    panel.plots.log_loss.setChecked(True)  # log10(1.0) = 0 in view coordinates
    vb.autoRange()
    text = plot.show_value_at(vb.mapViewToScene(QPointF(70, 0.0)))
    assert "iteration 70" in text


def test_close_window_during_run(qtbot, small_dataset, monkeypatch):
    from nnstudio.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.context.set_dataset(small_dataset)
    panel = window.panels["trainingPanel"]
    configure(panel, iterations=1_000_000)
    panel.start()
    qtbot.waitUntil(lambda: steps(panel) > 3, timeout=60_000)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    worker = panel.worker
    window.close()  # stops the run and joins its thread
    assert not panel.running
    assert worker.wait(0)  # its thread has ended


def test_include_my_digits(qtbot, panel, monkeypatch):
    import numpy as np

    import nnstudio.core.digits.mydigits as mydigits

    assert panel.form.my_digits.isEnabled()
    monkeypatch.setattr(mydigits, "load_my_digits", lambda: None)
    configure(panel, iterations=20)
    panel.form.my_digits.setChecked(True)
    assert not panel.start()
    assert "no saved digits" in panel.stats.message.text()
    digits = (np.zeros((7, 784), np.float32), np.arange(7, dtype=np.uint8))
    monkeypatch.setattr(mydigits, "load_my_digits", lambda: digits)
    assert panel.start()
    wait_finished(qtbot, panel)
    assert len(panel.trainer.x_train) == 2007
    assert "7 of your digits" in panel.stats.message.text() or panel.run.finished.reason == "completed"


def test_pyqtgraph_exporters_work_on_the_plots(qtbot, panel, tmp_path):
    import pyqtgraph.exporters as exporters

    panel.plots.start_run(10, 0.9, 100)
    panel.plots.add_records([StepRecord(i, i / 10, 1.0 / i, 0.1) for i in range(1, 101)])
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitExposed(panel)
    exporters.CSVExporter(panel.plots.loss_plot.getPlotItem()).export(str(tmp_path / "loss.csv"))
    assert len((tmp_path / "loss.csv").read_text().splitlines()) >= 100
    exporters.ImageExporter(panel.plots.acc_plot.getPlotItem()).export(str(tmp_path / "acc.png"))
    assert (tmp_path / "acc.png").stat().st_size > 1000


def test_stop_right_after_start_keeps_the_model(qtbot, panel):
    before = panel.context.model
    configure(panel, iterations=1_000_000)
    panel.start()
    panel.stop()
    wait_finished(qtbot, panel, timeout=10_000)
    assert panel.context.model is before
    # (the stop lands while the data is prepared or before the first step, depending on timing)
    assert "model is unchanged" in panel.stats.message.text()
    assert panel.start_button.isEnabled()


def test_drawing_synthetic_digits_shows_its_progress(qtbot, panel):
    configure(panel, iterations=5)
    panel.form.synthetic.setValue(1500)  # ~1 s of drawing before the first step
    formats = []
    panel.stats.progress.valueChanged.connect(lambda _v: formats.append(panel.stats.progress.format()))
    assert panel.start()
    qtbot.waitUntil(lambda: panel.run is not None, timeout=30_000)
    wait_finished(qtbot, panel)
    shown = [f for f in formats if "synthetic digits" in f]
    assert "preparing · 256 / 1,500 synthetic digits (17%)" in shown
    assert shown[-1] == "preparing · 1,500 / 1,500 synthetic digits (100%)"
    assert panel.run.finished.reason == "completed"


def test_stop_while_drawing_synthetic_digits_says_so_and_keeps_the_model(qtbot, panel):
    configure(panel, iterations=5)
    panel.form.synthetic.setValue(60_000)  # most of a minute of drawing: stopped long before
    model_before = panel.context.model
    assert panel.start()
    qtbot.waitUntil(lambda: "synthetic digits" in panel.stats.progress.format(), timeout=10_000)
    panel.stop()
    wait_finished(qtbot, panel, timeout=10_000)
    assert panel.run is None
    assert "Stopped while the training data was being prepared" in panel.stats.message.text()
    assert panel.stats.progress.format() == "idle" and panel.stats.progress.value() == 0
    assert panel.context.model is model_before
