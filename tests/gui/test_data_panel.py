"""The Data panel: browsing (paging, digit filter, counts, mean images, histogram, another folder)
and evaluating the current model (confusion matrix, cell clicks, mistakes, baselines)."""

from __future__ import annotations

import struct

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from PySide6.QtCore import Qt

from nnstudio.core.digits.data import load_mnist
from nnstudio.gui.context import AppContext, DatasetInfo, ModelInfo
from nnstudio.gui.panels.data.panel import DataPanel


@pytest.fixture(scope="module")
def trained_net(mnist):
    """784-30-10 sigmoid trained on 5000 images for two epochs (about a second); never mutated."""
    from nnstudio.core.nn.config import TrainConfig
    from nnstudio.core.nn.trainer import Trainer

    cfg = TrainConfig(hidden=(30,), lr=0.5, batch_size=50, epochs=2, iterations=None,
                      sampling="shuffle", init="nielsen", train_subset=5000, seed=1)
    trainer = Trainer(cfg, mnist, eval_train_limit=100)
    for _ in trainer.run():
        pass
    return trainer.network


def write_idx_folder(folder, n_train=60, n_test=25, seed=0):
    """Four small MNIST-format files (raw IDX) with random images and labels."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for split, n in (("train", n_train), ("t10k", n_test)):
        images = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
        images[:, :, :14] = 0  # a blank left half
        labels = rng.integers(0, 10, n, dtype=np.uint8)
        labels[:3] = 7
        (folder / f"{split}-images-idx3-ubyte").write_bytes(
            struct.pack(">IIII", 2051, n, 28, 28) + images.tobytes())
        (folder / f"{split}-labels-idx1-ubyte").write_bytes(struct.pack(">II", 2049, n) + labels.tobytes())


@pytest.fixture
def context(mnist):
    ctx = AppContext()
    ctx.set_dataset(DatasetInfo("MNIST (bundled)", None, mnist))
    yield ctx
    ctx.deleteLater()


def _idle(panel):
    return panel.browse.worker is None and panel.evaluate.worker is None


@pytest.fixture
def panel(qtbot, context):
    p = DataPanel(context)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    yield p
    qtbot.waitUntil(lambda: _idle(p), timeout=20000)
    p.shutdown()


def show_browse(panel, qtbot):
    panel.show()
    qtbot.waitUntil(lambda: panel.browse.dataset is not None and _idle(panel), timeout=20000)
    return panel.browse


def show_evaluate(panel, qtbot):
    panel.tabs.setCurrentIndex(1)
    panel.show()
    qtbot.waitUntil(lambda: _idle(panel), timeout=20000)
    return panel.evaluate


def evaluate_trained(panel, context, qtbot, net):
    """The Evaluate tab, shown, after it has evaluated `net` (a visible tab evaluates by itself)."""
    view = show_evaluate(panel, qtbot)
    context.set_model(ModelInfo(net, "quick net", "trained"))
    qtbot.waitUntil(lambda: view.result is not None and _idle(panel), timeout=20000)
    return view


# ---------------------------------------------------------------------- Browse
def test_grid_pages_through_the_training_set(panel, qtbot, mnist):
    view = show_browse(panel, qtbot)
    (_, ttr), _ = mnist
    grid = view.grid
    assert grid.page_count == 600 and grid.shown_indices().tolist() == list(range(100))
    assert grid.page_captions()[:5] == ["5", "0", "4", "1", "9"]
    grid.next_button.click()
    assert grid.shown_indices().tolist() == list(range(100, 200))
    grid.page_spin.setValue(600)
    assert grid.shown_indices().tolist() == list(range(59900, 60000))
    assert grid.page_captions() == [str(d) for d in ttr[59900:]]


def test_digit_filter_and_test_split(panel, qtbot, mnist):
    view = show_browse(panel, qtbot)
    _, (_, tte) = mnist
    view.split_combo.setCurrentText("Test set")
    view.digit_combo.setCurrentIndex(1 + 3)  # "Only 3"
    qtbot.waitUntil(lambda: _idle(panel), timeout=20000)
    grid = view.grid
    expected = np.flatnonzero(tte == 3)
    assert len(grid.indices) == len(expected) == 1010
    assert grid.page_count == 11
    assert_array_equal(grid.shown_indices(), expected[:100])
    assert set(grid.page_captions()) == {"3"}
    grid.next_page()
    assert np.all(tte[grid.shown_indices()] == 3)
    assert grid.count_label.text() == "1,010 images"


def test_counts_per_digit_match_bincount(panel, qtbot, mnist):
    view = show_browse(panel, qtbot)
    (_, ttr), (_, tte) = mnist
    assert_array_equal(view.counts_chart.values, np.bincount(ttr, minlength=10))
    view.split_combo.setCurrentText("Test set")
    assert_array_equal(view.counts_chart.values, np.bincount(tte, minlength=10))
    qtbot.waitUntil(lambda: _idle(panel), timeout=20000)


def test_mean_images_and_histogram(panel, qtbot, mnist):
    view = show_browse(panel, qtbot)
    (xtr, ttr), _ = mnist
    qtbot.waitUntil(lambda: view.means_grid.images is not None, timeout=20000)
    means = view.means_grid.images
    assert means.shape == (10, 784) and view.means_grid.page_captions() == [str(d) for d in range(10)]
    assert_allclose(means[1], xtr[ttr == 1].mean(axis=0, dtype=np.float64), atol=1e-6)
    assert view.hist_chart.values.sum() == xtr.size
    assert view.hist_chart.values[0] > 10 * view.hist_chart.values[1:].max()  # mostly blank pixels


def test_clicking_an_image_names_it(panel, qtbot):
    view = show_browse(panel, qtbot)
    canvas = view.grid.canvas
    qtbot.mouseClick(canvas, Qt.LeftButton, pos=canvas.tile_rect(7).center())
    assert view.detail_label.text() == "Training image #7: label 3"


def test_an_opened_folder_refreshes_every_view(panel, context, qtbot, tmp_path):
    view = show_browse(panel, qtbot)
    folder = tmp_path / "tiny"
    write_idx_folder(folder)
    data = load_mnist(directory=folder)
    context.set_dataset(DatasetInfo("tiny", folder, data))
    qtbot.waitUntil(lambda: view.means_grid.images is not None and _idle(panel), timeout=20000)
    (xtr, ttr), _ = data
    assert view.dataset.name == "tiny" and "tiny: 60 training and 25 test images" in view.dataset_label.text()
    assert len(view.grid.indices) == 60 and view.grid.page_count == 1
    assert_array_equal(view.counts_chart.values, np.bincount(ttr, minlength=10))
    assert_allclose(view.means_grid.images[7], xtr[ttr == 7].mean(axis=0), atol=1e-5)
    assert view.hist_chart.values.sum() == 60 * 784
    view.digit_combo.setCurrentIndex(1 + 7)
    assert np.all(ttr[view.grid.shown_indices()] == 7)
    qtbot.waitUntil(lambda: _idle(panel), timeout=20000)


# ---------------------------------------------------------------------- Evaluate
def test_no_model_gives_a_clear_message(panel, qtbot):
    view = show_evaluate(panel, qtbot)
    view.evaluate_button.click()
    assert view.result is None and view.worker is None
    assert "No model yet" in view.accuracy_label.text()
    assert "No model to evaluate" in view.confusion.message
    assert view.confusion.matrix is None
    assert not view.digit_chart.isVisible() and not view.gallery.isVisible()  # no empty axes
    assert view.findChild(type(view.confusion), "confusionMatrix") is view.confusion
    view.confusion.repaint()


def test_confusion_matrix_of_a_trained_model(panel, context, qtbot, mnist, trained_net):
    view = evaluate_trained(panel, context, qtbot, trained_net)
    net = trained_net
    _, (xte, tte) = mnist
    cm = view.confusion.matrix
    assert cm.shape == (10, 10) and cm.sum() == len(tte) == 10_000
    accuracy = net.accuracy(xte, tte)
    assert np.trace(cm) / cm.sum() == pytest.approx(accuracy)
    assert f"{100 * accuracy:.2f}%" in view.accuracy_label.text()
    assert_allclose(view.digit_chart.values, 100 * np.diag(cm) / cm.sum(axis=1))
    random_acc, darkness_acc, model_acc = view.baselines_chart.values / 100
    assert 0.08 < random_acc < 0.12
    assert 0.18 <= darkness_acc <= 0.26
    assert model_acc == pytest.approx(accuracy)
    assert view.digit_chart.isVisible() and view.gallery.isVisible()


def test_clicking_a_cell_shows_those_images(panel, context, qtbot, mnist, trained_net):
    view = evaluate_trained(panel, context, qtbot, trained_net)
    net = trained_net
    _, (xte, tte) = mnist
    cm = view.confusion.matrix
    off = cm.copy()
    np.fill_diagonal(off, 0)
    i, j = np.unravel_index(np.argmax(off), off.shape)
    centre = view.confusion.cell_rect(i, j).center().toPoint()
    with qtbot.waitSignal(view.confusion.cell_clicked) as blocker:
        qtbot.mouseClick(view.confusion, Qt.LeftButton, pos=centre)
    assert blocker.args == [i, j]
    shown = view.gallery.indices
    assert len(shown) == cm[i, j] > 0
    assert np.all(tte[shown] == i)
    assert_array_equal(net.predict_labels(xte[shown]), np.full(len(shown), j))
    assert f"True {i}, predicted {j}" in view.gallery_title.text()
    view.confusion.click_cell(2, 2)  # a diagonal cell: the right answers
    assert len(view.gallery.indices) == cm[2, 2]
    assert np.all(tte[view.gallery.indices] == 2)
    view.mistakes_button.click()
    assert len(view.gallery.indices) == cm.sum() - np.trace(cm)


def test_mistakes_gallery_is_most_confident_first(panel, context, qtbot, mnist, trained_net):
    view = evaluate_trained(panel, context, qtbot, trained_net)
    net = trained_net
    _, (xte, tte) = mnist
    idx = view.gallery.shown_indices()
    assert len(idx) == view.gallery.page_size
    pred = net.predict_labels(xte[idx])
    assert np.all(pred != tte[idx])
    conf = net.probabilities(xte[idx]).max(axis=1)
    assert np.all(np.diff(conf) <= 1e-6)
    first = view.gallery.page_captions()[0]
    assert first == f"{tte[idx[0]]}→{pred[0]} {100 * conf[0]:.0f}%"
    assert view.gallery.page_flags().all()
    tip = view.gallery.tooltip(0)
    assert tip.startswith(f"test image #{idx[0]}: true {tte[idx[0]]}, predicted {pred[0]}")
    assert f"top three: {pred[0]} (" in tip


def test_model_change_while_hidden_is_evaluated_on_show(panel, context, qtbot, trained_net):
    show_browse(panel, qtbot)
    view = panel.evaluate
    context.set_model(ModelInfo(trained_net, "quick net", "trained"))
    assert view.worker is None and view.stale  # Browse is showing: nothing runs yet
    panel.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.result is not None and _idle(panel), timeout=20000)
    assert view.confusion.matrix.sum() == 10_000


def test_evaluation_follows_a_new_dataset(panel, context, qtbot, tmp_path, trained_net):
    view = show_evaluate(panel, qtbot)
    context.set_model(ModelInfo(trained_net, "quick net", "trained"))
    qtbot.waitUntil(lambda: view.result is not None and _idle(panel), timeout=20000)
    write_idx_folder(tmp_path / "tiny")
    context.set_dataset(DatasetInfo("tiny", tmp_path / "tiny", load_mnist(directory=tmp_path / "tiny")))
    qtbot.waitUntil(lambda: _idle(panel) and view.confusion.matrix is not None
                    and view.confusion.matrix.sum() == 25, timeout=20000)
    assert "tiny" in view.model_label.text()


def test_export_plot_writes_the_visible_tab(panel, qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog

    show_browse(panel, qtbot)
    target = tmp_path / "out" / "browse"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)"))
    panel.export_plot()
    image = QImage(str(target) + ".png")
    assert not image.isNull() and image.width() > 500
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    panel.export_plot()  # cancelled: nothing happens


def test_a_model_that_does_not_fit_the_images_gets_a_message(panel, context, qtbot):
    from nnstudio.core.nn.network import MultiLayerNet

    view = show_evaluate(panel, qtbot)
    context.set_model(ModelInfo(MultiLayerNet([100, 5, 10], rng=0), "odd net", "file"))
    assert view.worker is None and view.result is None
    assert "takes 100 inputs but the images have 784 pixels" in view.accuracy_label.text()
    context.set_model(ModelInfo(MultiLayerNet([784, 5, 3], rng=0), "odd net", "file"))
    assert "3 outputs" in view.confusion.message


def test_hovering_the_confusion_matrix_explains_a_cell(panel, context, qtbot, monkeypatch, trained_net):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    shown = []  # the offscreen platform warns when a real tooltip window is raised
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, *a: shown.append(text))
    view = show_evaluate(panel, qtbot)
    context.set_model(ModelInfo(trained_net, "quick net", "trained"))
    qtbot.waitUntil(lambda: view.result is not None and _idle(panel), timeout=20000)
    qtbot.mouseMove(view.confusion, view.confusion.cell_rect(4, 9).center().toPoint())
    qtbot.waitUntil(lambda: view.confusion.hover == (4, 9))
    cm = view.confusion.matrix
    view.confusion.repaint()
    at = view.confusion.cell_rect(4, 9).center().toPoint()
    QApplication.sendEvent(view.confusion, QHelpEvent(QEvent.ToolTip, at, view.confusion.mapToGlobal(at)))
    assert shown[-1].startswith(f"true 4, predicted 9: {cm[4, 9]:,} (wrong;")


def test_shutdown_waits_for_a_running_evaluation(panel, context, qtbot, trained_net):
    view = show_evaluate(panel, qtbot)
    context.set_model(ModelInfo(trained_net, "quick net", "trained"))
    assert view.worker is not None  # started in the background
    panel.shutdown()
    assert not view.worker.isRunning()
    qtbot.waitUntil(lambda: view.result is not None and _idle(panel), timeout=20000)


def test_the_main_window_hosts_the_data_panel(main_window):
    panel = main_window.panels["dataPanel"]
    assert isinstance(panel, DataPanel)
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == ["Browse", "Evaluate"]
    assert panel.browse.dataset is None  # nothing loads before the panel is shown
