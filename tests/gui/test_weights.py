"""The Weights panel: tiles per unit, symmetric levels, live snapshots, unit detail, export."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.nn.records import WeightSnapshot
from nnstudio.gui.context import AppContext, DatasetInfo, ModelInfo
from nnstudio.gui.panels.weights.panel import FIRST, LAYERS, WeightsPanel
from nnstudio.gui.widgets.tile_mosaic import GAP, SIDE, assemble_tiles


def tiny_dataset(n=200, seed=0):
    """A small stand-in for MNIST (random images, labels 0-9): keeps the tests fast."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 784), dtype=np.float32)
    t = (np.arange(n) % 10).astype(np.uint8)
    return DatasetInfo("tiny", None, ((x, t), (x.copy(), t.copy())))


def make_context(sizes=(784, 50, 10), source="file", seed=0, activation="sigmoid"):
    ctx = AppContext()
    ctx.set_dataset(tiny_dataset())
    net = MultiLayerNet(list(sizes), init="xavier", rng=seed, activation=activation)
    ctx.set_model(ModelInfo(net, "test model", source))
    return ctx


@pytest.fixture
def make_panel(qtbot):
    kept = []  # strong references: Qt deletes the panels (deleteLater at teardown), not the GC

    def make(ctx, show=True):
        panel = WeightsPanel(ctx)
        kept.append((panel, ctx))
        qtbot.addWidget(panel)
        panel.resize(1200, 800)
        if show:
            panel.show()
            qtbot.waitExposed(panel)
        return panel
    yield make
    for panel, _ in kept:
        panel.close()


def finite_tiles(image, n_slots):
    """How many tile slots of a mosaic image hold numbers (the rest are NaN padding)."""
    step = SIDE + GAP
    rows, cols = (image.shape[0] + GAP) // step, (image.shape[1] + GAP) // step
    return sum(np.isfinite(image[r * step:r * step + SIDE, c * step:c * step + SIDE]).all()
               for r in range(rows) for c in range(cols))


@pytest.mark.parametrize("sizes", [(784, 50, 10), (784, 256, 128, 10)])
def test_one_tile_per_hidden_unit(make_panel, sizes):
    panel = make_panel(make_context(sizes))
    mosaic = panel.first.mosaic
    hidden = sizes[1]
    assert mosaic.n_units == hidden and mosaic.n_pages == 1
    rows, cols = mosaic.grid
    assert rows * cols >= hidden > (rows - 1) * cols
    assert mosaic.image.image.shape == (rows * (SIDE + GAP) - GAP, cols * (SIDE + GAP) - GAP)
    assert finite_tiles(mosaic.image.image, rows * cols) == hidden


def test_tile_shows_its_unit_weights():
    w = np.random.default_rng(1).standard_normal((784, 7)).astype(np.float32)
    image, (rows, cols) = assemble_tiles(w)
    assert (rows, cols) == (3, 3)
    r, c = divmod(5, cols)
    tile = image[r * (SIDE + GAP):r * (SIDE + GAP) + SIDE, c * (SIDE + GAP):c * (SIDE + GAP) + SIDE]
    np.testing.assert_array_equal(tile, w[:, 5].reshape(28, 28))


def test_more_than_256_units_are_paged(make_panel):
    panel = make_panel(make_context((784, 300, 10)))
    mosaic = panel.first.mosaic
    assert mosaic.n_pages == 2 and list(mosaic.page_units()) == list(range(256))
    mosaic.next_button.click()
    assert list(mosaic.page_units()) == list(range(256, 300))
    assert finite_tiles(mosaic.image.image, 0) == 44
    assert not mosaic.next_button.isEnabled() and mosaic.prev_button.isEnabled()
    assert mosaic.info.text().startswith("300 hidden units")
    mosaic.set_weights(np.zeros((784, 20)))  # another network: its own count and a valid page
    assert mosaic.info.text().startswith("20 hidden units") and mosaic.page == 0


def test_levels_are_symmetric_around_zero(make_panel):
    ctx = make_context()
    panel = make_panel(ctx)
    mosaic = panel.first.mosaic
    lo, hi = mosaic.levels
    assert lo == -hi and hi == pytest.approx(np.abs(ctx.model.network.params["W1"]).max())
    assert tuple(mosaic.colorbar.levels()) == pytest.approx((lo, hi))
    mosaic.per_tile.setChecked(True)
    assert mosaic.levels == (-1.0, 1.0)
    tiles = mosaic.image.image[np.isfinite(mosaic.image.image)]
    assert np.abs(tiles).max() == pytest.approx(1.0)


def test_snapshot_during_training_changes_the_image(make_panel, qtbot):
    from nnstudio.core.nn.config import TrainConfig
    from nnstudio.core.nn.trainer import Trainer

    ctx = make_context()
    panel = make_panel(ctx)
    config = TrainConfig(hidden=(50,), iterations=20, batch_size=20, lr=1.0, seed=3, init="xavier")
    trainer = Trainer(config, ctx.dataset.data)
    ctx.set_training(True)
    before = None
    for record in trainer.run():
        if type(record).__name__ == "StepRecord" and record.iteration in (1, 20):
            ctx.weights_snapshot.emit(WeightSnapshot(record.iteration, trainer.network.params_copy()))
            if before is None:
                qtbot.waitUntil(lambda: panel.iteration == 1 and not panel.dirty & {FIRST})
                before = panel.first.mosaic.image.image.copy()
    qtbot.waitUntil(lambda: panel.iteration == 20 and not panel.dirty & {FIRST}, timeout=2000)
    after = panel.first.mosaic.image.image
    assert not np.allclose(np.nan_to_num(before), np.nan_to_num(after))
    assert "iteration 20" in panel.header.text() and "sigmoid, assumed" in panel.header.text()
    assert panel.initial_note == "the run's first snapshot, iteration 1"
    ctx.set_training(False)


def test_snapshot_naming_its_activation_is_believed(make_panel, qtbot):
    ctx = make_context(activation="sigmoid")
    panel = make_panel(ctx)
    ctx.set_training(True)
    params = {k: v * 2 for k, v in ctx.model.network.params.items()}
    ctx.weights_snapshot.emit(WeightSnapshot(7, params, "relu"))
    qtbot.waitUntil(lambda: panel.iteration == 7)
    assert panel.activation == "relu" and not panel.activation_assumed
    assert panel.network().activation == "relu"
    ctx.set_training(False)


def test_hidden_panel_redraws_only_when_shown(make_panel, qtbot):
    ctx = make_context()
    panel = make_panel(ctx, show=False)
    net = ctx.model.network
    params = {k: v + 0.5 for k, v in net.params.items()}
    ctx.weights_snapshot.emit(WeightSnapshot(5, params))
    assert FIRST in panel.dirty and panel.first.mosaic.weights is None  # nothing drawn while hidden
    panel.show()
    qtbot.waitUntil(lambda: panel.first.mosaic.weights is params["W1"])


def test_redraws_are_throttled(make_panel, qtbot):
    ctx = make_context()
    panel = make_panel(ctx)
    calls = []
    original = panel.first.set_params
    panel.first.set_params = lambda *a, **k: (calls.append(1), original(*a, **k))
    net = ctx.model.network
    for i in range(10):  # a burst far above 5 Hz
        ctx.weights_snapshot.emit(WeightSnapshot(i, {k: v + i for k, v in net.params.items()}))
    assert len(calls) <= 1
    qtbot.waitUntil(lambda: panel.iteration == 9 and not panel.dirty & {FIRST})
    assert len(calls) <= 2
    assert panel.first.mosaic.weights[0, 0] == pytest.approx(net.params["W1"][0, 0] + 9)


def _tile_centre(mosaic, unit):
    x, y = mosaic.tile_origin(unit)
    scene = mosaic.plot.vb.mapViewToScene(QPointF(x + SIDE / 2, y + SIDE / 2))
    return mosaic.graphics.mapFromScene(scene)


def test_clicking_a_tile_opens_its_detail(make_panel, qtbot):
    ctx = make_context()
    panel = make_panel(ctx)
    mosaic, detail = panel.first.mosaic, panel.first.detail
    assert detail.unit is None
    with qtbot.waitSignal(mosaic.tile_clicked) as blocker:
        qtbot.mouseClick(mosaic.graphics.viewport(), Qt.LeftButton, pos=_tile_centre(mosaic, 17))
    assert blocker.args == [17]
    assert detail.unit == 17 and "unit 17" in detail.title.text()
    params = ctx.model.network.params
    np.testing.assert_allclose(detail.incoming_image.image, params["W1"][:, 17].reshape(28, 28))
    np.testing.assert_allclose(detail.outgoing_bars.opts["height"], params["W2"][17])
    # the top 16 test images really are the ones that drive unit 17 hardest
    x, _ = ctx.dataset.data[1]
    act = 1 / (1 + np.exp(-(x @ params["W1"][:, 17] + params["b1"][17])))
    assert len(detail.top_images) == 16
    np.testing.assert_allclose(detail.top_values, np.sort(act)[::-1][:16], rtol=1e-5)
    assert detail.top_image_labels == [int(i % 10) for i in np.argsort(-act)[:16]]


def test_hovering_a_tile_shows_unit_pixel_and_weight(make_panel):
    ctx = make_context()
    panel = make_panel(ctx)
    mosaic = panel.first.mosaic
    x, y = mosaic.tile_origin(9)
    mosaic.graphics.scene().sigMouseMoved.emit(mosaic.plot.vb.mapViewToScene(QPointF(x + 5.5, y + 3.5)))
    value = ctx.model.network.params["W1"][3 * 28 + 5, 9]
    assert f"unit 9  ·  pixel (row 3, col 5)  ·  weight {value:.4g}" in mosaic.info.text()


def test_layers_tab_heatmap_bias_histogram_with_initial(make_panel, qtbot):
    ctx = make_context((784, 30, 20, 10))
    panel = make_panel(ctx)
    panel.tabs.setCurrentIndex(LAYERS)
    layers = panel.layers
    assert layers.layer_combo.count() == 3
    layers.set_layer(1)
    W2 = ctx.model.network.params["W2"]
    np.testing.assert_array_equal(layers.heatmap.matrix, W2)
    assert layers.heatmap.levels[0] == -layers.heatmap.levels[1]
    layers.heatmap.hover_cell(4, 7)
    assert f"{W2[4, 7]:.4g}" in layers.heatmap.hover_text and "layer 1 unit 4" in layers.heatmap.hover_text
    np.testing.assert_allclose(layers.bias_bars.opts["height"], ctx.model.network.params["b2"])
    x, y = layers.initial_curve.getData()
    assert len(x) == 61 and y.sum() == W2.size  # the loaded model's init sample, same bins
    assert "Xavier" in layers.legend.getLabel(layers.initial_curve).text
    layers.log_counts.setChecked(True)
    np.testing.assert_allclose(layers.initial_curve.getData()[1], np.log10(1 + y))


def test_activations_for_test_image_and_drawing(make_panel, qtbot):
    ctx = make_context((784, 40, 16, 10))
    panel = make_panel(ctx)
    panel.tabs.setCurrentIndex(2)
    view = panel.activations
    view.index_spin.setValue(3)
    assert len(view.strips) == 2
    x, _ = ctx.dataset.data[1]
    stages = dict(ctx.model.network.activations(x[3:4]))
    np.testing.assert_allclose(view.strips[0].matrix[0], stages["Z1"][0], rtol=1e-6)
    np.testing.assert_allclose(view.prob_bars.opts["height"], stages["output"][0], rtol=1e-6)
    view.use_drawing(True)
    assert "empty" in view.status.text()
    assert len(view.prob_bars.opts["height"]) == 0  # no stale bars from the test image
    ctx.set_drawing(x[7])
    qtbot.waitUntil(lambda: "drawing pad" in view.input_plot.titleLabel.text)
    expected = dict(ctx.model.network.activations(x[7:8]))["output"][0]
    np.testing.assert_allclose(view.prob_bars.opts["height"], expected, rtol=1e-6)


def test_export_png_and_npy(make_panel, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    ctx = make_context()
    panel = make_panel(ctx)
    panel.first.mosaic.click_unit(2)
    png = tmp_path / "tiles.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(png), "PNG image (*.png)")))
    assert panel.export_plot() == str(png)
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 400 and image.height() > 200
    npy = tmp_path / "w1"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: (str(npy), "First-layer weights as a NumPy array (*.npy)")))
    assert panel.export_plot() == str(npy) + ".npy"
    np.testing.assert_array_equal(np.load(str(npy) + ".npy"), ctx.model.network.params["W1"])
    for tab in (1, 2):
        panel.tabs.setCurrentIndex(tab)
        path = tmp_path / f"tab{tab}.png"
        panel.export_to(str(path))
        assert not QImage(str(path)).isNull()


def test_export_failure_is_a_message(make_panel, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    panel = make_panel(make_context())
    bad = tmp_path / "missing-folder" / "x.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(bad), "PNG image (*.png)")))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2])))
    assert panel.export_plot() is None
    assert shown and shown[0].startswith("Could not save x.png: ")


def test_empty_state_without_model(make_panel):
    ctx = AppContext()
    panel = make_panel(ctx)
    assert panel.stack.currentIndex() == 0
    assert "Train a model" in panel.empty.text()


def test_reset_and_trained_models_pick_their_initial_reference(make_panel):
    ctx = make_context(source="reset")
    panel = make_panel(ctx)
    assert panel.initial is ctx.model.network.params
    first = {k: v.copy() for k, v in ctx.model.network.params.items()}
    ctx.set_training(True)
    ctx.weights_snapshot.emit(WeightSnapshot(1, first))
    ctx.set_training(False)
    trained = MultiLayerNet([784, 50, 10], rng=9)
    ctx.set_model(ModelInfo(trained, "run 1", "trained"))
    assert panel.initial is first and panel.iteration is None
    assert "784-50-10" in panel.header.text() and "run 1" in panel.header.text()


def test_panel_lives_in_the_main_window(main_window):
    assert isinstance(main_window.panels["weightsPanel"], WeightsPanel)
