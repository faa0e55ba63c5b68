"""The training panel refuses what does not fit (through the estimate, never by allocating) and
stops promptly while evaluating."""

from __future__ import annotations

import threading

import pytest

import nnstudio.core.nn.memory as M
from nnstudio.gui.context import DatasetInfo

GB = 10 ** 9


@pytest.fixture(scope="module")
def small_dataset(mnist):
    (xtr, ttr), (xte, tte) = mnist
    return DatasetInfo("MNIST subset", None, ((xtr[:1000], ttr[:1000]), (xte[:500], tte[:500])))


@pytest.fixture
def panel(make_training_panel, small_dataset):
    return make_training_panel(small_dataset)


@pytest.fixture
def dialogs(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = {"warning": [], "critical": []}
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown["warning"].append((title, text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown["critical"].append((title, text)))
    return shown


@pytest.fixture
def no_building(monkeypatch):
    from nnstudio.core.nn.config import TrainConfig

    monkeypatch.setattr(TrainConfig, "build_network", lambda *a, **k: pytest.fail("a network was built"))


def small_run(panel, hidden="20"):
    f = panel.form
    f.hidden.setText(hidden)
    f.batch_size.setValue(50)
    f.length_unit.setCurrentIndex(f.length_unit.findData("iterations"))
    f.iterations.setValue(5)


def test_reset_with_huge_hidden_sizes_is_refused_with_advice(panel, dialogs, monkeypatch, no_building):
    monkeypatch.setattr(M, "available_memory", lambda: 2 * GB)
    before = panel.context.model
    small_run(panel, "100000, 100000")
    panel.reset()
    assert panel.context.model is before
    text = panel.stats.message.text()
    assert text.startswith("Cannot reset: A 784-100000-100000-10 network needs ~") and "2.0 GB free" in text
    assert "try hidden sizes of at most" in text
    assert [title for title, _ in dialogs["warning"]] == ["Not enough memory"]


def test_reset_with_sizes_that_fit_clears_for_that_network(panel, dialogs, monkeypatch):
    monkeypatch.setattr(M, "available_memory", lambda: 2 * GB)
    before = panel.context.model
    small_run(panel, "30")
    panel.reset()
    assert panel.context.model is before  # Reset never replaces the model (Start builds the network)
    assert "Start trains a fresh 784-30-10 network" in panel.stats.message.text()
    assert not dialogs["warning"]


def test_start_with_an_absurd_step_is_refused_before_any_thread(panel, dialogs, monkeypatch, no_building):
    monkeypatch.setattr(M, "available_memory", lambda: 1000 * GB)  # memory is not the problem
    small_run(panel, "100000")
    assert not panel.start()
    assert panel.worker is None and not panel.running
    assert "operations per step" in panel.stats.message.text()
    assert "try hidden sizes of at most" in dialogs["warning"][0][1]


def test_a_refusal_by_the_trainer_itself_is_advice_not_a_failure(qtbot, panel, dialogs, monkeypatch):
    import nnstudio.gui.panels.training.preflight as T

    monkeypatch.setattr(T, "check_training", lambda *a, **k: None)  # let the worker's check decide
    monkeypatch.setattr(M, "available_memory", lambda: 1)
    small_run(panel)
    assert panel.start()
    qtbot.waitUntil(lambda: not panel.running, timeout=30_000)
    assert dialogs["critical"] == []
    assert dialogs["warning"] and dialogs["warning"][0][0] == "Not enough memory"
    assert panel.stats.message.text().startswith("Cannot start: This run needs ~")


@pytest.mark.parametrize("text", ["0", "20, 0"])
def test_hidden_zero_is_refused_with_the_clis_message(panel, dialogs, text):
    from nnstudio.core.nn.config import parse_hidden

    small_run(panel, text)
    assert not panel.start()
    with pytest.raises(ValueError) as info:
        parse_hidden(text)
    assert panel.stats.message.text() == f"Cannot start: {info.value}"


def test_empty_hidden_sizes_mean_no_hidden_layer(panel):
    small_run(panel, "")
    assert panel.form.config().hidden == ()


def test_stop_while_evaluating_the_untrained_network_ends_the_run(qtbot, panel, dialogs, monkeypatch):
    from nnstudio.core.nn.network import MultiLayerNet

    started = threading.Event()
    calls = []
    real = MultiLayerNet.scores

    def slow_scores(net, x):
        calls.append(len(x))
        started.set()
        worker = panel.worker
        for _ in range(400):  # each chunk waits (at most 20 s) for the Stop: a very slow evaluation
            if worker is None or worker._stop_event.wait(0.05):
                break
        return real(net, x)

    monkeypatch.setattr(MultiLayerNet, "eval_chunk", lambda net: 10)  # 150 chunks for 1,500 images
    monkeypatch.setattr(MultiLayerNet, "scores", slow_scores)
    small_run(panel)
    before = panel.context.model
    assert panel.start()
    qtbot.waitUntil(started.is_set, timeout=30_000)
    panel.stop()
    qtbot.waitUntil(lambda: not panel.running, timeout=30_000)
    assert len(calls) < 150
    assert panel.run.finished.reason == "stopped" and panel.run.finished.iteration == 0
    assert panel.context.model is before
    assert "before its first step" in panel.stats.message.text()
