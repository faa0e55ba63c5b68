"""The forward-pass explorer: the book's 2-3-2-2 numbers and the batch shapes of 100 MNIST images."""

import pytest
from PySide6.QtCore import QRectF, Qt

from nnstudio.gui.panels.concepts.forward import ForwardExplorer


@pytest.fixture
def explorer(make_explorer):
    return make_explorer(ForwardExplorer)


def test_book_output_for_1_and_half(explorer):
    assert explorer.stage_text("Y") == "[0.31682708, 0.69627909]"
    assert "[0.31682708, 0.69627909]" in explorer.output_label.text()
    assert explorer.stage_text("A1") == "[0.30000000, 0.70000000, 1.10000000]"
    assert explorer.stage_text("Z1") == "[0.57444252, 0.66818777, 0.75026011]"
    shapes = [explorer.table.item(r, 2).text() for r in range(explorer.table.rowCount())]
    assert shapes == ["(2,)", "(3,)", "(3,)", "(2,)", "(2,)", "(2,)", "(2,)"]
    stages = [explorer.table.item(r, 0).text() for r in range(explorer.table.rowCount())]
    assert stages == ["X", "A1", "Z1", "A2", "Z2", "A3", "Y"]


def test_input_is_editable(explorer, qtbot):
    explorer.x1.setValue(0.0)
    explorer.x2.setValue(0.0)
    assert explorer.stage_text("X") == "[0.00000000, 0.00000000]"
    assert explorer.stage_text("A1") == "[0.10000000, 0.20000000, 0.30000000]"
    assert explorer.stage_text("Y") != "[0.31682708, 0.69627909]"
    qtbot.mouseClick(explorer.book_button, Qt.LeftButton)
    assert explorer.stage_text("Y") == "[0.31682708, 0.69627909]"
    assert explorer.diagram.node_texts[3][0].toPlainText() == "a 0.3168\ny 0.3168"


def test_batch_view_shapes_of_100_mnist_images(explorer, qtbot):
    view = explorer.batch_view
    explorer.tabs.setCurrentWidget(view)
    qtbot.mouseClick(view.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.result is not None and not view.worker.isRunning(), timeout=30000)
    shapes = view.shape_texts()
    assert shapes["X"] == "(100, 784)"
    assert shapes["A1"] == shapes["Z1"] == "(100, 50)"
    assert shapes["A2"] == shapes["Z2"] == "(100, 100)"
    assert shapes["A3"] == shapes["Y"] == "(100, 10)"
    assert shapes["W1, b1"] == "(784, 50), (50,)"
    assert "(100, 784) → (100, 50) → (100, 100) → (100, 10)" in view.status.text()
    assert view.image.image.shape == (280, 280)
    assert view.run_button.isEnabled()


def test_batch_failure_is_a_message(explorer, qtbot):
    import numpy as np

    from nnstudio.gui.context import DatasetInfo

    view = explorer.batch_view
    x, t = np.zeros((10, 784), np.float32), np.zeros(10, np.uint8)
    view.context.set_dataset(DatasetInfo("ten images", None, ((x, t), (x, t))))
    view.start()
    with qtbot.waitSignal(view.worker.finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: view.run_button.isEnabled(), timeout=5000)
    assert "the test set has only 10 images" in view.error.text()


def test_batch_waits_for_the_dataset_and_reports_a_failed_load(explorer, qtbot, monkeypatch):
    import nnstudio.gui.context as context_module
    from nnstudio.core.digits.data import DatasetError

    def broken(directory, cancel):
        raise DatasetError("no MNIST here")

    monkeypatch.setattr(context_module, "_load_dataset", broken)
    view = explorer.batch_view
    with qtbot.waitSignal(view.context.dataset_failed, timeout=10000):
        view.start()
        assert view.status.text() == "Loading MNIST…" and not view.run_button.isEnabled()
    assert "no MNIST here" in view.error.text() and view.run_button.isEnabled()
    assert view.worker is None and view.context.dataset is None


@pytest.mark.parametrize("size", [(1100, 760), (760, 420)])
def test_diagram_circles_never_overlap(make_explorer, qtbot, size):
    from nnstudio.gui.panels.concepts.forward import ForwardExplorer

    w = make_explorer(ForwardExplorer)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    diagram = w.diagram
    view = diagram.plot.getPlotItem().getViewBox()

    def apart():
        (x0, x1), (y0, y1) = view.viewRange()
        px_y = view.height() / (y1 - y0)
        gap = 0.9 * px_y  # two neighbours of one layer, in pixels
        spots = diagram.circles.points()
        circles = []
        for s in spots:
            c = view.mapViewToScene(s.pos())
            r = s.size() / 2
            circles.append((s.pos(), QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)))
        labels_clear = all(not label.sceneBoundingRect().intersects(rect)
                           for label, own in diagram.bias_labels for pos, rect in circles
                           if (pos.x(), pos.y()) != own)
        return len(spots) > 0 and all(s.size() < gap for s in spots) and labels_clear

    qtbot.waitUntil(apart)
