"""Teach it my handwriting, end to end from the pad: digits drawn and kept, fine-tuned in a worker,
accuracies before and after shown, kept (and undone exactly) or refused when MNIST would suffer,
cancelled without a trace."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.digits import finetune as ft
from nnstudio.core.digits import mydigits
from nnstudio.gui.context import DatasetInfo, ModelInfo
from nnstudio.gui.panels.drawing.panel import DrawingPanel
from pad_shapes import fit, four_one_stroke, nine_hooked, seven_curved_stem
from test_drawing_helpers import drag, pad_points

pytestmark = pytest.mark.usefixtures("one_blas_thread")


@pytest.fixture
def small_dataset(mnist):
    (xtr, ttr), (xte, tte) = mnist
    return DatasetInfo("MNIST (first rows)", None, ((xtr[:5000], ttr[:5000]), (xte[:2000], tte[:2000])))


@pytest.fixture
def panel(qtbot, context, small_dataset):
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.paths import BUNDLED_MODELS

    network, meta = load_model(BUNDLED_MODELS["mlp"])
    context.set_dataset(small_dataset)
    context.set_model(ModelInfo(network, "bundled default model", "bundled", None, meta))
    panel = DrawingPanel(context)
    qtbot.addWidget(panel)
    panel.resize(1100, 780)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    panel.shutdown()
    from nnstudio.gui import workers_registry

    qtbot.waitUntil(lambda: not any(t.isRunning() for t in workers_registry.live_threads()), timeout=60_000)


def keep_drawings(panel, shapes_and_labels) -> None:
    """Draw each shape on the pad and keep it with its label button, as a user does."""
    for shape, label in shapes_and_labels:
        panel.pad.clear()
        for stroke in shape:
            drag(panel.pad, pad_points(panel.pad, stroke))
        panel.my_digits.add_buttons[label].click()


def my_handwriting(n_each=3):
    """A few of "my" digits: the issue's harder styles, at a few sizes and positions."""
    out = []
    for shape, label in ((nine_hooked, 9), (four_one_stroke, 4), (seven_curved_stem, 7)):
        for i in range(n_each):
            out.append((fit(shape(), 160 + 20 * i, cx=130 + 10 * i), label))
    return out


def teach_and_wait(qtbot, panel):
    with qtbot.waitSignal(panel.teach.finished, timeout=120_000) as blocker:
        assert panel.teach.teach()
        assert panel.teach.busy and not panel.teach.teach_button.isEnabled()
    return blocker.args[0]


def test_teaching_shows_before_and_after_keeps_and_undoes_exactly(qtbot, panel, context, monkeypatch):
    monkeypatch.setattr(panel.teach, "settings", ft.FinetuneSettings(steps=30))
    keep_drawings(panel, my_handwriting())
    assert len(mydigits.load_my_digits()[1]) == 9
    original = context.model
    before = original.network.params_copy()
    panel.model_choice.setCurrentIndex(panel.model_choice.findData("current"))

    result = teach_and_wait(qtbot, panel)
    assert result.kept and result.n_mine == 9 and result.n_mnist_test == 2000
    text = panel.teach.result_label.text()
    for figure in (result.mine_before, result.mine_after):
        assert f"{100 * figure:.0f}%" in text
    for figure in (result.mnist_before, result.mnist_after):
        assert f"{100 * figure:.2f}%" in text
    assert "Kept" in text and "→" in text
    # the tuned model is the app's current model and the pad reads with it
    assert context.model is not original and context.model.name == "bundled default model + my handwriting"
    assert context.model.network is result.network
    np.testing.assert_array_equal(panel.network().flat_params, result.network.flat_params)
    assert panel.choice() == "current" and panel.teach.undo_button.isEnabled()

    panel.teach.undo_button.click()
    assert context.model is original
    for key, value in before.items():  # the old parameters exactly
        np.testing.assert_array_equal(context.model.network.params[key], value)
        np.testing.assert_array_equal(panel.network().params[key], value)
    assert not panel.teach.undo_button.isEnabled() and "Undone" in panel.teach.result_label.text()


def test_teaching_a_bundled_choice_and_undoing_goes_back_to_it(qtbot, panel, context, monkeypatch):
    monkeypatch.setattr(panel.teach, "settings", ft.FinetuneSettings(steps=10))
    keep_drawings(panel, my_handwriting(n_each=1))
    original = context.model
    panel.model_choice.setCurrentIndex(panel.model_choice.findData("conv"))
    bundled_before = panel.network().params_copy()
    result = teach_and_wait(qtbot, panel)
    assert result.kept
    assert context.model.name == "bundled conv net + my handwriting" and panel.choice() == "current"
    panel.teach.undo()
    assert context.model is original and panel.choice() == "conv"
    for key, value in bundled_before.items():
        np.testing.assert_array_equal(panel.network().params[key], value)


def test_a_run_that_would_drop_mnist_is_not_kept(qtbot, panel, context, monkeypatch):
    # "My" digits labelled against what they are, learnt hard and alone: MNIST accuracy falls far
    # more than half a point, deterministically (seeded).
    monkeypatch.setattr(panel.teach, "settings",
                        ft.FinetuneSettings(steps=40, mine_share=1.0, lr=0.01, augment=False, seed=0))
    keep_drawings(panel, [(shape, (label + 1) % 10) for shape, label in my_handwriting()])
    original = context.model
    result = teach_and_wait(qtbot, panel)
    assert not result.kept and result.reason == "mnist_dropped"
    assert result.mnist_after < result.mnist_before - 0.005
    text = panel.teach.result_label.text()
    assert "Not kept" in text and f"{100 * result.mnist_after:.2f}%" in text
    assert context.model is original and not panel.teach.undo_button.isEnabled()


def test_cancel_changes_nothing(qtbot, panel, context, monkeypatch):
    monkeypatch.setattr(panel.teach, "settings", ft.FinetuneSettings(steps=100_000))
    keep_drawings(panel, my_handwriting(n_each=1))
    original = context.model
    progressed = []
    assert panel.teach.teach()
    panel.teach.job.yielded.connect(progressed.append)
    qtbot.waitUntil(lambda: any(r.stage == "training" for r in progressed), timeout=60_000)
    with qtbot.waitSignal(panel.teach.finished, timeout=10_000) as blocker:
        panel.teach.cancel_button.click()
    assert blocker.args[0] is None and "Cancelled" in panel.teach.result_label.text()
    assert context.model is original and panel.teach.teach_button.isEnabled()
    assert not panel.teach.progress.isVisible()


def test_nothing_to_learn_from_says_so(panel):
    assert not panel.teach.teach()
    assert "Draw some digits" in panel.teach.result_label.text()


def test_memory_is_checked_before_starting(panel, monkeypatch, dialogs):
    keep_drawings(panel, my_handwriting(n_each=1))
    monkeypatch.setattr("nnstudio.core.system_memory.available_memory", lambda: 10 << 20)
    assert not panel.teach.teach()
    assert len(dialogs) == 1 and "fine-tuning needs ~" in dialogs[0][2]
    assert panel.teach.job is None and panel.teach.teach_button.isEnabled()


def test_without_a_dataset_mnist_is_loaded_first(qtbot, context, monkeypatch):
    """Teaching before any dataset was loaded waits for the bundled MNIST; cancelling meanwhile
    means it never starts."""
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.paths import BUNDLED_MODELS

    network, _ = load_model(BUNDLED_MODELS["mlp"])
    context.set_model(ModelInfo(network, "mlp", "bundled"))
    panel = DrawingPanel(context)
    qtbot.addWidget(panel)
    keep_drawings(panel, my_handwriting(n_each=1))
    assert panel.teach.teach()
    assert panel.teach._waiting_for_data and "Loading MNIST" in panel.teach.result_label.text()
    panel.teach.cancel()
    with qtbot.waitSignal(context.dataset_loading, timeout=120_000):
        pass  # the load ends (its False); nothing starts after it
    assert panel.teach.job is None and panel.teach.teach_button.isEnabled()


def test_a_conv_model_is_taught_too(qtbot, context, small_dataset, monkeypatch):
    from nnstudio.core.nn.sequential import SequentialNet

    conv = SequentialNet("conv 4 3x3, pool 2, dense 10", rng=0)
    context.set_dataset(small_dataset)
    context.set_model(ModelInfo(conv, "conv run", "trained"))
    panel = DrawingPanel(context)
    qtbot.addWidget(panel)
    monkeypatch.setattr(panel.teach, "settings", ft.FinetuneSettings(steps=10, batch_size=16, lr=3e-3))
    keep_drawings(panel, my_handwriting(n_each=1))
    result = teach_and_wait(qtbot, panel)
    assert isinstance(result.network, SequentialNet) and result.network.arch == conv.arch
    assert result.mnist_after > result.mnist_before  # an untrained net only gains
    assert result.kept and context.model.network is result.network
    assert panel.network().arch == conv.arch and panel.prediction_label.text() != ""
