"""The forward-pass explorer: the book's 2-3-2-2 numbers and the batch shapes of 100 MNIST images."""

import pytest
from PySide6.QtCore import Qt

from nnstudio.gui.context import AppContext
from nnstudio.gui.panels.concepts.forward import ForwardExplorer


@pytest.fixture
def explorer(qtbot, qapp):
    context = AppContext()
    w = ForwardExplorer(context)
    qtbot.addWidget(w)
    w.resize(1100, 760)
    yield w
    w.shutdown()
    context.deleteLater()


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
    view = explorer.batch_view

    class Broken:
        @property
        def dataset(self):
            raise OSError("no MNIST here")

    view.context = Broken()
    view.start()
    qtbot.waitUntil(lambda: not view.worker.isRunning() and view.run_button.isEnabled(), timeout=10000)
    assert "no MNIST here" in view.error.text()
