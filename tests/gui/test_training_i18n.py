"""The training panel under zh_CN: no English left in its states (idle, paused, finished, diverged,
a compared run), core's run texts translated in the GUI, and a change of language at run time."""

from __future__ import annotations

import numpy as np
import pytest
from i18n_walk import english_left, english_words  # tests/gui/i18n_walk.py

from nnstudio.gui import i18n
from nnstudio.gui.context import DatasetInfo


@pytest.fixture
def chinese(qapp):
    assert i18n.apply_language(i18n.CHINESE) == i18n.CHINESE
    yield
    i18n.apply_language(i18n.ENGLISH)
    qapp.processEvents()


@pytest.fixture(scope="module")
def small_dataset():
    from nnstudio.core.digits.data import load_mnist

    (xtr, ttr), (xte, tte) = load_mnist()
    return DatasetInfo("MNIST", None, ((xtr[:1000], ttr[:1000]), (xte[:500], tte[:500])))


def _configure(panel, iterations, lr, optimizer="adam"):
    f = panel.form
    f.hidden.setText("20")
    f.optimizer.setCurrentIndex(f.optimizer.findData(optimizer))
    f.lr.setText(lr)
    f.batch_size.setValue(50)
    f.length_unit.setCurrentIndex(f.length_unit.findData("iterations"))
    f.iterations.setValue(iterations)


def _english(panel) -> list[str]:
    left = english_left(panel)
    left += [f"{kind}: {text!r}" for kind, text in (("progress", panel.stats.progress.text()),
                                                    ("message", panel.stats.message.text()))
             if english_words(text)]
    left += [f"Training menu: {a.text()!r}" for a in panel.menu_actions() if english_words(a.text())]
    return left


def test_core_run_texts_are_all_known():
    """Every wording core gives a divergence, a stuck run or an unusable run has a translation
    (a new wording in core fails here instead of showing English in the Chinese interface)."""
    from nnstudio.core.nn import learning, trainer
    from nnstudio.core.nn.records import DivergedRecord, FinishedRecord
    from nnstudio.gui.panels.training.messages import known

    texts = [DivergedRecord(3, 0.1, 9.0).reason,
             trainer._health(np.array([np.nan]), None, 1.0, 2.3),
             trainer._health(np.array([1e9]), None, 1.0, 2.3),
             trainer._health(np.array([0.1]), 2.3, 1e6, 2.3)]
    monitor = learning.LearningMonitor(window=200, block=100)
    flat = [monitor.add_loss(i, 0.5, 0.1) for i in range(1, 400)]
    texts.append(next(r for r in flat if r is not None).reason)
    texts.append(learning.LearningMonitor(chance_after=0).add_accuracy(3000, 0.1, 0.1).reason)
    texts += [learning._suggestion(lr, flat) for lr in (3.0, 1e-5, 0.1) for flat in (True, False)]
    finished = FinishedRecord("completed", 100, 1.0, 1.0)
    texts += [learning.unusable_reason(FinishedRecord("failed", 1, 0, 0), None, None),
              learning.unusable_reason(FinishedRecord("diverged", 1, 0, 0), None, None),
              learning.unusable_reason(FinishedRecord("stopped", 0, 0, 0), None, 0.9),
              learning.unusable_reason(finished, None, None),
              learning.unusable_reason(finished, None, 0.11)]
    assert all(texts) and [t for t in texts if not known(t)] == []


def test_core_run_texts_in_chinese(chinese):
    from nnstudio.core.nn.records import DivergedRecord, NotLearningRecord
    from nnstudio.gui.panels.training.messages import diverged_message, model_name, not_learning_message

    diverged = DivergedRecord(12, 50.0, 1e9, "the loss exploded (from 2.3 to 1e+09)")
    assert diverged_message(diverged).startswith("训练在第 12 步发散（学习率 50）：损失函数的值爆炸了（从 2.3 升到 1e+09）")
    stuck = NotLearningRecord(2000, "flat_loss", "the loss has not moved for 2,000 iterations (0.5000)",
                              "try a smaller learning rate or the cross-entropy loss (saturated units), or a "
                              "larger one if the loss never moved at all")
    assert not english_words(not_learning_message(stuck)) and "2,000" in not_learning_message(stuck)
    assert model_name("run 3 (completed)") == "第 3 次运行（已完成）"
    assert model_name("bundled default model") == "bundled default model"  # not a run's: as it is


def test_no_english_left_in_the_training_panels_states(chinese, qtbot, make_training_panel, small_dataset):
    panel = make_training_panel(small_dataset)
    panel.resize(1024, 700)
    panel.show()
    qtbot.waitExposed(panel)
    left = _english(panel)  # idle
    _configure(panel, 40, "0.01")
    panel.step()  # a paused run
    qtbot.waitUntil(lambda: panel.paused and panel.run is not None and len(panel.run.iterations) > 0,
                    timeout=60_000)
    panel.toggle_pause()  # running, then paused again: its message and progress
    panel.toggle_pause()
    left += _english(panel)
    panel.toggle_pause()
    qtbot.waitUntil(lambda: not panel.running, timeout=60_000)
    assert panel.run.finished.reason == "completed"
    left += _english(panel)  # finished: the model is published
    _configure(panel, 400, "1e6", optimizer="sgd")
    assert panel.start()
    qtbot.waitUntil(lambda: not panel.running, timeout=60_000)
    assert panel.run.finished.reason == "diverged"
    left += _english(panel)  # diverged: the previous model kept
    panel.history_box.overlay.setCurrentIndex(panel.history_box.overlay.findData(1))
    panel.history_box._on_overlay(0)
    assert panel.plots.loss_plot.count("ov_loss") > 0
    qtbot.wait(50)  # (a repaint: pyqtgraph lays out the legend)
    left += _english(panel)  # a compared run
    assert not left, "\n".join(left)


def test_switching_the_language_retranslates_the_panel(qtbot, make_training_panel, small_dataset, qapp):
    panel = make_training_panel(small_dataset)
    assert panel.start_button.text() == "Start" and panel.stats.names["loss"].text() == "Loss (avg)"
    try:
        i18n.apply_language(i18n.CHINESE)
        qapp.processEvents()
        assert panel.start_button.text() == "开始" and panel.stats.names["loss"].text() == "损失（平均）"
        assert panel.history_box.title() == "运行历史" and panel.stats.progress.text().startswith("空闲")
        assert panel.stats.message.text().startswith("选择一个预设")
        assert panel.plots.acc_plot.plot_title == "识别精度"
        assert panel.start_pause_action.text() == "开始"
    finally:
        i18n.apply_language(i18n.ENGLISH)
        qapp.processEvents()
    assert panel.start_button.text() == "Start" and panel.stats.message.text().startswith("Pick a preset")
