"""Conv models in the app: opened and saved like MLPs, trained from the Training panel (presets and
an architecture field, checked with one message), evaluated on the Data panel."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.nn.sequential import SequentialNet
from nnstudio.core.nn.serialization import load_model, save_model
from nnstudio.gui.context import DatasetInfo, ModelInfo
from nnstudio.gui.widgets.param_form import LAYERS, MLP, ParamForm

ARCH = "conv 4 3x3, pool 2, dense 10"


@pytest.fixture(scope="module")
def small_mnist():
    from nnstudio.core.digits.data import load_mnist

    (xtr, ttr), (xte, tte) = load_mnist()
    return DatasetInfo("MNIST subset", None, ((xtr[:2000], ttr[:2000]), (xte[:500], tte[:500])))


# ---------------------------------------------------------------------- model files
def test_a_conv_model_file_opens_becomes_current_and_saves(main_window, qtbot, tmp_path, dialogs):
    net = SequentialNet(ARCH, rng=0)
    path = tmp_path / "conv.npz"
    save_model(path, net, {"name": "conv"})
    with qtbot.waitSignal(main_window.context.model_changed, timeout=30_000):
        assert main_window.open_model(path)
    qtbot.waitUntil(lambda: not main_window.model_files.loading, timeout=30_000)
    assert dialogs == []
    info = main_window.context.model
    assert info.network.arch == ARCH and info.path == path
    assert ARCH in main_window.model_label.text()
    x = np.random.default_rng(0).random((3, 784), dtype=np.float32)
    np.testing.assert_allclose(info.network.probabilities(x), net.probabilities(x), rtol=1e-6)

    out = tmp_path / "copy.npz"
    assert main_window.model_files.save_model_to(out)
    again, _ = load_model(out)
    assert again.arch == ARCH
    for key, value in net.params.items():
        np.testing.assert_array_equal(again.params[key], value)


# ---------------------------------------------------------------------- the training form
def test_the_form_offers_the_conv_presets_and_shows_one_network_field(qtbot):
    form = ParamForm()
    qtbot.addWidget(form)
    form.show()
    names = [form.preset.itemData(i) for i in range(form.preset.count())]
    assert {"conv-small", "conv-tiny", "fast"} <= set(names)
    form.set_preset("conv-small")
    assert form.network_kind_value() == LAYERS
    assert form.arch.isVisible() and not form.hidden.isVisible()
    assert form.config().arch == "conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10"
    assert "80,202 parameters" in form.arch_info.text()
    form.set_preset("fast")  # an MLP preset: the hidden sizes field, no architecture
    assert form.network_kind_value() == MLP and form.hidden.isVisible() and not form.arch.isVisible()
    assert form.config().arch is None and form.config().hidden == (256, 128)


def test_the_architecture_field_is_checked_with_one_message(qtbot):
    form = ParamForm()
    qtbot.addWidget(form)
    form.set_network_kind(LAYERS)
    assert form.arch.text()  # a working example to start from, never an empty field
    form.arch.setText("conv 8 3x3, pool 2,, dense 10")
    with pytest.raises(ValueError, match="^architecture: layer 3 is empty"):
        form.config()
    assert form.arch_info.text().startswith("architecture: layer 3 is empty")
    form.arch.setText("")
    with pytest.raises(ValueError, match="^architecture: empty"):
        form.config()  # an empty field never falls back silently to the hidden sizes
    form.arch.setText("  CONV 8 3, pool 2x2 s2, dense 10 ")
    assert form.config().arch == "conv 8 3x3, pool 2, dense 10"  # canonical
    assert "8×26×26" in form.arch_info.text()
    d = form.to_dict()
    other = ParamForm()
    qtbot.addWidget(other)
    other.from_dict(d)
    assert other.config() == form.config()


# ---------------------------------------------------------------------- training from the panel
def test_an_invalid_architecture_refuses_start_with_its_message(make_training_panel, small_mnist):
    panel = make_training_panel(small_mnist)
    panel.form.set_network_kind(LAYERS)
    panel.form.arch.setText("conv 8 3x3, pool 2, dense 11")
    assert not panel.start()
    assert not panel.running
    assert panel.stats.message.text() == ("Cannot start: architecture: the last layer 'dense 11' must "
                                          "have 10 units, one per class")


def test_start_checks_a_conv_runs_memory(make_training_panel, small_mnist, dialogs, monkeypatch):
    from nnstudio.core.nn import memory

    monkeypatch.setattr(memory, "available_memory", lambda: 200 << 20)
    panel = make_training_panel(small_mnist)
    panel.form.set_network_kind(LAYERS)
    panel.form.arch.setText("conv 512 5x5, conv 512 5x5, dense 10")
    panel.form.batch_size.setValue(1024)
    assert not panel.start() and not panel.running
    assert dialogs and dialogs[0][1] == "Not enough memory"


def test_a_conv_run_from_the_panel_pauses_and_becomes_the_model(make_training_panel, small_mnist, qtbot):
    panel = make_training_panel(small_mnist)
    snapshots = []
    panel.context.weights_snapshot.connect(snapshots.append)
    f = panel.form
    f.set_preset("conv-tiny")
    f.length_unit.setCurrentIndex(f.length_unit.findData("iterations"))
    f.iterations.setValue(120)
    f.batch_size.setValue(32)
    assert panel.start()
    qtbot.waitUntil(lambda: panel.run is not None and len(panel.run.losses) >= 3, timeout=60_000)
    panel.controller.toggle_pause()
    qtbot.waitUntil(lambda: snapshots and snapshots[-1].iteration == panel.trainer.iteration, timeout=30_000)
    assert panel.controller.paused
    assert snapshots[-1].config["arch"] == ARCH.replace("4", "8")  # the run's own architecture
    panel.controller.toggle_pause()
    qtbot.waitUntil(lambda: not panel.running, timeout=120_000)
    info = panel.context.model
    assert info is not None and info.source == "trained", panel.stats.message.text()
    assert info.network.arch == "conv 8 3x3, pool 2, dense 10"
    assert info.meta["config"]["arch"] == "conv 8 3x3, pool 2, dense 10"
    (_, _), (xte, tte) = small_mnist.data
    assert info.network.accuracy(xte, tte) > 0.5  # learned something in 120 steps


# ---------------------------------------------------------------------- Data ▸ Evaluate
def test_evaluate_a_conv_model(qtbot, small_mnist):
    from nnstudio.gui.context import AppContext
    from nnstudio.gui.panels.data.evaluate import EvaluateView

    net = SequentialNet(ARCH, rng=1)
    ctx = AppContext()
    ctx.set_dataset(small_mnist)
    ctx.set_model(ModelInfo(net, "conv", "file"))
    view = EvaluateView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.evaluate()
    qtbot.waitUntil(lambda: view.result is not None and view.worker is None, timeout=60_000)
    (_, _), (xte, tte) = small_mnist.data
    ev = view.result["evaluation"]
    assert ev.accuracy == pytest.approx(net.accuracy(xte, tte))
    assert int(ev.confusion.sum()) == len(xte)
    assert ARCH in view.model_label.text()
    ctx.deleteLater()


@pytest.mark.parametrize("size", [(1024, 768), (1400, 900)])
def test_the_training_panel_with_an_architecture_fits(main_window, qtbot, size):
    from fit import clipped_children

    main_window.show_panel(0)
    main_window.resize(*size)
    main_window.show()
    qtbot.waitExposed(main_window)
    panel = main_window.panels["trainingPanel"]
    page = main_window.stack.currentWidget()
    for text in ("conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10",
                 "conv 16 5x5, pool 2, conv 32 5x5, pool 2, conv 8 5x5, dense 10"):  # the shapes, a long error
        panel.form.set_network_kind(LAYERS)
        panel.form.arch.setText(text)
        try:  # layouts settle in posted events
            qtbot.waitUntil(lambda: not clipped_children(page), timeout=3_000)
        except AssertionError:
            pass
        assert clipped_children(page) == [], text
        assert page.horizontalScrollBar().maximum() == 0


def test_the_pad_reads_a_conv_model_through_its_usual_calls(qtbot):
    """The drawing panel (not changed here) predicts, shows saliency and publishes the digit with a
    conv model as the current model, through network.copy(), probabilities() and saliency()."""
    from nnstudio.core.digits.saliency import saliency
    from nnstudio.gui.context import AppContext
    from nnstudio.gui.panels.drawing.panel import DrawingPanel

    net = SequentialNet(ARCH, rng=2)
    ctx = AppContext()
    ctx.set_model(ModelInfo(net, "conv", "file"))
    panel = DrawingPanel(ctx)
    qtbot.addWidget(panel)
    assert panel.network() is not None and panel.network().arch == ARCH
    panel.saliency_toggle.setChecked(True)
    x = np.zeros(784, np.float32)
    x[200:260] = 1.0
    panel.show_input(x)
    np.testing.assert_allclose(panel.probabilities, net.probabilities(x[None])[0], rtol=1e-5)
    assert ctx.drawing is not None
    sal = saliency(panel.network(), x)
    assert sal.shape == (784,) and np.any(sal != 0) and np.all(sal[x == 0] == 0)
    if hasattr(panel, "shutdown"):
        panel.shutdown()
    ctx.deleteLater()


def test_reset_names_the_conv_network_start_will_build(make_training_panel, small_mnist):
    panel = make_training_panel(small_mnist)
    panel.form.set_preset("conv-tiny")
    panel.reset()
    assert panel.stats.message.text().startswith("Cleared. Start trains a fresh 'conv 8 3x3, pool 2, "
                                                 "dense 10' network")
