"""A user's models and runs are kept: unusable runs and Reset leave the current model, the run
history survives restarts and damaged files, quitting during a run asks first, stuck runs say so."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.gui.context import DatasetInfo, ModelInfo
from nnstudio.gui.run_history import history_path


@pytest.fixture(scope="module")
def small_dataset():
    from nnstudio.core.digits.data import load_mnist

    (xtr, ttr), (xte, tte) = load_mnist()
    return DatasetInfo("MNIST subset", None, ((xtr[:2000], ttr[:2000]), (xte[:1000], tte[:1000])))


@pytest.fixture
def bundled():
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.paths import default_model_path

    network, meta = load_model(default_model_path())
    return ModelInfo(network, "bundled default model", "bundled", default_model_path(), meta)


@pytest.fixture
def panel(make_training_panel, small_dataset, bundled):
    return make_training_panel(small_dataset, bundled)


def configure(panel, *, iterations, lr, optimizer="sgd", activation="sigmoid", init="he", loss=None,
              batch=50, hidden="20"):
    f = panel.form
    f.hidden.setText(hidden)
    f.activation.setCurrentIndex(f.activation.findData(activation))
    f.init.setCurrentIndex(f.init.findData(init))
    if loss is not None:
        f.loss.setCurrentIndex(f.loss.findData(loss))
    f.optimizer.setCurrentIndex(f.optimizer.findData(optimizer))
    f.lr.setText(lr)
    f.batch_size.setValue(batch)
    f.sampling.setCurrentIndex(f.sampling.findData("shuffle"))
    f.length_unit.setCurrentIndex(f.length_unit.findData("iterations"))
    f.iterations.setValue(iterations)


def run_to_end(qtbot, panel):
    assert panel.start()
    qtbot.waitUntil(lambda: not panel.running, timeout=60_000)


def params_copy(info):
    return {k: v.copy() for k, v in info.network.params.items()}


def test_diverged_run_keeps_the_model_and_zooms_to_its_steps(qtbot, panel):
    before = panel.context.model
    weights = params_copy(before)
    changed = []
    panel.context.model_changed.connect(changed.append)
    configure(panel, iterations=2000, lr="1e6")
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    run_to_end(qtbot, panel)
    assert panel.run.finished.reason == "diverged"
    assert panel.context.model is before and not changed
    for k, v in before.network.params.items():
        np.testing.assert_array_equal(v, weights[k])
    text = panel.stats.message.text()
    assert "diverged" in text and "still bundled default model" in text
    # the axes show the steps that exist, not the planned 2,000
    last = panel.run.iterations[-1]
    assert last < 500
    vb = panel.plots.loss_plot.getPlotItem().vb
    qtbot.waitUntil(lambda: vb.viewRange()[0][1] < 2 * last + 10, timeout=5000)


def test_a_stuck_run_warns_and_does_not_replace_the_model(qtbot, panel, monkeypatch):
    from nnstudio.core.nn import learning

    monkeypatch.setattr(learning, "FLAT_WINDOW", 300)
    before = panel.context.model
    weights = params_copy(before)
    seen = []
    # Nielsen's quadratic cost at lr 100: saturated sigmoids, loss flat at 0.5, accuracy ~10%
    configure(panel, iterations=700, lr="100", init="nielsen", loss="quadratic", batch=10, hidden="30")
    shown = panel.stats.show_message

    def show_message(text, *args, **kwargs):  # every message the panel shows, on the GUI thread
        seen.append(text)
        return shown(text, *args, **kwargs)

    monkeypatch.setattr(panel.stats, "show_message", show_message)
    assert panel.start()
    qtbot.waitUntil(lambda: not panel.running, timeout=60_000)
    seen = [text for text in seen if "not moved" in text]
    assert seen and "loss has not moved for 300 iterations" in seen[0]
    assert "smaller learning rate" in seen[0] and "cross-entropy" in seen[0]
    assert panel.run.not_learning is not None and panel.run.finished.reason == "completed"
    assert panel.context.model is before
    for k, v in before.network.params.items():
        np.testing.assert_array_equal(v, weights[k])
    text = panel.stats.message.text()
    assert "not clearly better than guessing" in text and "Not learning at step" in text
    assert "not learning" in panel.history_box.shown.currentText()


def test_a_usable_run_becomes_the_model(qtbot, panel):
    configure(panel, iterations=120, lr="0.01", optimizer="adam", activation="relu")
    run_to_end(qtbot, panel)
    assert panel.context.model.name == "run 1 (completed)" and panel.context.model.source == "trained"


def test_reset_keeps_the_current_model(qtbot, panel):
    before = panel.context.model
    changed = []
    panel.context.model_changed.connect(changed.append)
    panel.reset()
    assert panel.context.model is before and not changed
    assert "unchanged" in panel.stats.message.text()


def test_runs_are_kept_across_restarts(qtbot, make_training_panel, small_dataset):
    first = make_training_panel(small_dataset)
    configure(first, iterations=60, lr="0.01", optimizer="adam", activation="relu")
    run_to_end(qtbot, first)
    first.shutdown()
    assert history_path().exists()
    second = make_training_panel(small_dataset)
    assert [r.number for r in second.history.runs] == [1]
    assert len(second.history.runs[0].losses) == 60
    assert "earlier session" in second.history_box.shown.currentText()
    assert second.plots.loss_plot.count("loss") == 60  # the last run is shown again
    configure(second, iterations=20, lr="0.01", optimizer="adam", activation="relu")
    run_to_end(qtbot, second)
    assert second.run.number == 2
    second.shutdown()


def test_damaged_history_is_reported_and_set_aside(qtbot, main_window_factory):
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    damaged = b'{"format": "nnstudio-run-history", "version": 1, "runs": [{"run": 1, '
    path.write_bytes(damaged)
    window = main_window_factory()
    panel = window.panels["trainingPanel"]
    assert "run history is damaged" in panel.stats.message.text()
    assert "run history is damaged" in window.statusBar().currentMessage()
    aside = list(path.parent.glob("run-history.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert not path.exists() and len(panel.history) == 0


@pytest.fixture
def main_window_factory(qtbot):
    from PySide6.QtWidgets import QMessageBox

    from nnstudio.gui.main_window import MainWindow

    windows = []

    def make():
        window = MainWindow()
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
        for window in windows:
            window.close()


def test_quit_during_a_run_asks_and_cancel_keeps_going(qtbot, main_window_factory, small_dataset,
                                                       monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = main_window_factory()
    window.context.set_dataset(small_dataset)
    panel = window.panels["trainingPanel"]
    configure(panel, iterations=1_000_000, lr="0.01", optimizer="adam", activation="relu")
    window.show()
    assert panel.start()
    qtbot.waitUntil(lambda: panel.run is not None and len(panel.run.losses) > 3, timeout=20_000)
    asked = []

    def answer(button):
        def question(parent, title, text, *args, **kwargs):
            asked.append(text)
            return button
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Cancel))
    assert not window.close()
    assert asked and "still training" in asked[0]
    assert window.isVisible() and panel.running
    at = len(panel.run.losses)
    qtbot.waitUntil(lambda: len(panel.run.losses) > at, timeout=10_000)  # the run goes on
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Yes))
    assert window.close()
    assert len(asked) == 2 and not panel.running
    run = panel.history.runs[-1]
    assert run.finished is not None and run.finished.reason == "stopped"
    from nnstudio.gui.run_history import RunHistory

    saved, problem = RunHistory.load(history_path())
    assert problem == "" and saved.runs[-1].finished.reason == "stopped"
    assert len(saved.runs[-1].losses) >= at


def test_no_question_when_idle(qtbot, main_window_factory, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = main_window_factory()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("no question when idle"))
    assert window.close()


def test_revert_to_bundled_model_and_use_bundled_mnist(qtbot, main_window_factory, small_dataset):
    from PySide6.QtGui import QAction

    from nnstudio.core.nn.network import MultiLayerNet

    window = main_window_factory()
    assert window.objectName() == "mainWindow" and window.side_list.objectName() == "panelList"
    window.context.set_model(ModelInfo(MultiLayerNet([784, 5, 10]), "mine", "file"))
    window.findChild(QAction, "revertModelAction").trigger()
    assert window.context.model.source == "bundled" and window.context.model.name == "bundled default model"
    window.context.set_dataset(small_dataset)
    with qtbot.waitSignal(window.context.dataset_changed, timeout=60_000):
        window.findChild(QAction, "useBundledMnistAction").trigger()
    assert window.context.dataset.name == "MNIST (bundled)"
    assert len(window.context.dataset.data[0][0]) > 2000
    assert "MNIST (bundled)" in window.dataset_label.text()


def test_after_an_unusable_run_the_weights_panel_shows_the_current_model(qtbot, main_window_factory,
                                                                         small_dataset):
    window = main_window_factory()
    window.context.set_dataset(small_dataset)
    model = window.context.model
    assert model.source == "bundled"
    weights = window.panels["weightsPanel"]
    panel = window.panels["trainingPanel"]
    configure(panel, iterations=2000, lr="1e6", hidden="100")
    run_to_end(qtbot, panel)
    assert panel.run.finished.reason == "diverged" and window.context.model is model
    assert weights.iteration is None
    for k, v in model.network.params.items():
        np.testing.assert_array_equal(weights.params[k], v)
