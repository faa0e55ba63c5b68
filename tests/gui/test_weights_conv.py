"""The Weights panel with a conv model: first-layer filters as tiles, each layer's feature maps for
the pad's digit or a test image with a histogram, weights per layer, activations; live snapshots
of a conv run; nothing cut off at 1024x768 and 1400x900."""

import numpy as np
import pytest

from fit import clipped_children  # tests/gui/fit.py
from nnstudio.core.nn.records import WeightSnapshot
from nnstudio.core.nn.sequential import SequentialNet
from nnstudio.gui.context import AppContext, DatasetInfo, ModelInfo
from nnstudio.gui.panels.weights.feature_maps import map_stages
from nnstudio.gui.panels.weights.filters import filter_tiles
from nnstudio.gui.panels.weights.panel import ACTIVATIONS, FEATURES, FIRST, LAYERS, WeightsPanel
from nnstudio.gui.widgets.map_grid import tile_maps

ARCH = "conv 6 5x5, pool 2, conv 4 3x3, pool 2, dense 12, dense 10"


def tiny_dataset(n=50, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.random((n, 784), dtype=np.float32)
    t = (np.arange(n) % 10).astype(np.uint8)
    return DatasetInfo("tiny", None, ((x, t), (x.copy(), t.copy())))


def conv_net(arch=ARCH, seed=0):
    return SequentialNet(arch, rng=seed)  # random He weights: the views draw any weights


@pytest.fixture
def conv_panel(qtbot):
    made = []

    def make(net=None, size=(1200, 800)):
        ctx = AppContext()
        ctx.set_dataset(tiny_dataset())
        ctx.set_model(ModelInfo(net or conv_net(), "conv test model", "file"))
        panel = WeightsPanel(ctx)
        made.append((panel, ctx))
        qtbot.addWidget(panel)
        panel.resize(*size)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    yield make
    for panel, _ in made:
        panel.close()


def test_tile_maps_places_each_map_in_its_own_tile():
    maps = np.arange(5 * 3 * 4, dtype=np.float32).reshape(5, 3, 4)
    image, (rows, cols) = tile_maps(maps)
    assert (rows, cols) == (2, 3) and image.shape == (2 * 4 - 1, 3 * 5 - 1)
    np.testing.assert_array_equal(image[4:7, 5:9], maps[4])  # row 1, col 1
    assert np.isnan(image[3]).all() and np.isnan(image[4:, 10:]).all()  # a gap row, an empty slot


def test_first_tab_shows_one_tile_per_first_layer_filter(conv_panel, qtbot):
    net = conv_net()
    panel = conv_panel(net)
    assert panel.tabs.tabText(FIRST) == "First-layer filters"
    assert panel.first_stack.currentWidget() is panel.filters
    grid = panel.filters.grid
    qtbot.waitUntil(lambda: grid.maps is not None)
    assert grid.maps.shape == (6, 5, 5)
    np.testing.assert_array_equal(grid.maps[3], net.params["W1"][3, 0])
    assert grid.levels[0] == -grid.levels[1] == -float(np.abs(net.params["W1"]).max())
    tiles, names = filter_tiles(np.zeros((2, 3, 5, 5)))
    assert tiles.shape == (6, 5, 5) and names[4] == "filter 1, channel 1"
    assert "conv 6 5x5" in panel.header.text()


def test_feature_maps_follow_the_test_image_then_the_pad(conv_panel, qtbot):
    net = conv_net()
    panel = conv_panel(net)
    assert panel.tabs.isTabVisible(FEATURES)
    panel.tabs.setCurrentIndex(FEATURES)
    view = panel.features
    qtbot.waitUntil(lambda: view.grid.maps is not None)
    x_test = panel.test_data()[0]
    names = [view.stage_combo.itemData(i) for i in range(view.stage_combo.count())]
    assert names == ["A1", "Z1", "P1", "A2", "Z2", "P2"]
    assert view.stage_combo.currentData() == "Z1"  # the first layer after its activation
    expected = dict(map_stages(net.activations(x_test[:1])))
    np.testing.assert_allclose(view.grid.maps, expected["Z1"], rtol=1e-6)
    assert view.grid.maps.shape == (6, 24, 24)
    counts = view.hist_curve.getData()[1]
    assert counts.sum() == 6 * 24 * 24  # the histogram counts every value of the layer

    view.stage_combo.setCurrentIndex(names.index("P2"))
    assert view.grid.maps.shape == (4, 5, 5)
    np.testing.assert_allclose(view.grid.maps, expected["P2"], rtol=1e-6)
    view.index_spin.setValue(7)
    np.testing.assert_allclose(view.grid.maps, dict(map_stages(net.activations(x_test[7:8])))["P2"], rtol=1e-6)

    drawing = np.zeros(784, np.float32)
    drawing[300:330] = 1.0
    panel.context.set_drawing(drawing)
    # the user picked a test image: a new drawing does not take over the view
    assert view.from_test.isChecked()
    view.from_drawing.click()
    np.testing.assert_allclose(view.grid.maps, dict(map_stages(net.activations(drawing[None])))["P2"],
                               rtol=1e-6)


def test_the_pad_digit_is_the_default_input_once_drawn(conv_panel, qtbot):
    panel = conv_panel()
    drawing = np.zeros(784, np.float32)
    drawing[400:420] = 1.0
    panel.context.set_drawing(drawing)
    panel.tabs.setCurrentIndex(FEATURES)
    qtbot.waitUntil(lambda: panel.features.grid.maps is not None)
    assert panel.features.from_drawing.isChecked()
    assert "drawing pad" in panel.features.status.text()


def test_layers_and_activations_tabs_draw_a_conv_model(conv_panel, qtbot):
    net = conv_net()
    panel = conv_panel(net)
    panel.tabs.setCurrentIndex(LAYERS)
    combo = panel.layers.layer_combo
    qtbot.waitUntil(lambda: combo.count() == 4)
    assert combo.itemText(0) == "W1: conv, 6 filters of 1×5×5"
    assert panel.layers.heatmap.matrix.shape == (25, 6)  # a column per filter, a row per tap
    assert panel.layers.current_curve.getData()[1].sum() == net.params["W1"].size
    panel.layers.set_layer(2)
    assert panel.layers.heatmap.matrix.shape == (100, 12)

    panel.tabs.setCurrentIndex(ACTIVATIONS)
    view = panel.activations
    qtbot.waitUntil(lambda: len(view.stages) > 0)
    assert len(view.strips) == 1  # the one fully connected hidden layer (dense 12)
    x = panel.test_data()[0][:1]
    np.testing.assert_allclose(view.stages[-1][1], net.probabilities(x), rtol=1e-5)
    assert len(view.vote_bars.opts["height"]) == 12


def test_a_conv_net_without_dense_hidden_layers_votes_from_its_maps(conv_panel, qtbot):
    net = conv_net("conv 3 3x3, pool 2, dense 10")
    panel = conv_panel(net)
    panel.tabs.setCurrentIndex(ACTIVATIONS)
    qtbot.waitUntil(lambda: len(panel.activations.stages) > 0)
    assert panel.activations.strips == []
    assert len(panel.activations.vote_bars.opts["height"]) == 3 * 13 * 13


def test_live_snapshots_of_a_conv_run_and_back_to_an_mlp(conv_panel, qtbot):
    from nnstudio.core.nn.network import MultiLayerNet

    panel = conv_panel()
    panel.tabs.setCurrentIndex(FEATURES)
    other = conv_net(seed=5)
    panel.context.training_state_changed.emit(True)
    panel._on_snapshot(WeightSnapshot(12, other.params_copy(), "relu", other.config()))
    qtbot.waitUntil(lambda: panel.features.network is not None and panel.iteration == 12)
    qtbot.waitUntil(lambda: "iteration 12" in panel.header.text())
    x = panel.test_data()[0][:1]
    expected = dict(map_stages(other.activations(x)))[panel.features.stage_combo.currentData()]
    qtbot.waitUntil(lambda: panel.features.grid.maps is not None
                    and np.allclose(panel.features.grid.maps, expected, rtol=1e-5))

    mlp = MultiLayerNet([784, 20, 10], rng=0)
    panel.context.set_model(ModelInfo(mlp, "an MLP", "file"))
    assert not panel.tabs.isTabVisible(FEATURES) and panel.tabs.currentIndex() == ACTIVATIONS
    assert panel.first_stack.currentWidget() is panel.first
    panel.tabs.setCurrentIndex(FIRST)
    qtbot.waitUntil(lambda: panel.first.mosaic.n_units == 20)


@pytest.mark.parametrize("size", [(1024, 768), (1400, 900)])
def test_conv_views_fit_in_the_main_window(main_window, qtbot, size):
    from test_fit import settle

    main_window.resize(*size)
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.context.set_dataset(tiny_dataset())
    main_window.context.set_model(ModelInfo(SequentialNet("conv 16 5x5, pool 2, conv 32 5x5, pool 2, "
                                                          "dense 128, dense 10", rng=0), "conv", "file"))
    panel = main_window.panels["weightsPanel"]
    main_window.side_list.setCurrentRow(list(main_window.panels).index("weightsPanel"))
    for tab in (FIRST, LAYERS, ACTIVATIONS, FEATURES):
        panel.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(lambda: panel.tabs.currentWidget().isVisible())
        settle(qtbot, main_window)
        assert tab not in panel.dirty
        assert clipped_children(panel) == [], (tab, size)


def test_export_the_filters_and_the_feature_maps(conv_panel, qtbot, tmp_path):
    net = conv_net()
    panel = conv_panel(net)
    panel.export_to(str(tmp_path / "filters.npy"))
    np.testing.assert_array_equal(np.load(tmp_path / "filters.npy", allow_pickle=False), net.params["W1"])
    panel.tabs.setCurrentIndex(FEATURES)
    qtbot.waitUntil(lambda: panel.features.grid.maps is not None)
    panel.export_to(str(tmp_path / "maps.png"))
    assert (tmp_path / "maps.png").stat().st_size > 1000
