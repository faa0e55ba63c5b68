"""The reusable heatmap: symmetric levels, hover read-out, cell clicks, export."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from nnstudio.gui.widgets.heatmap import HeatmapWidget, symmetric_levels


@pytest.fixture
def heatmap(qtbot):
    w = HeatmapWidget(title="test", row_name="row", col_name="col")
    qtbot.addWidget(w)
    w.resize(500, 400)
    w.show()
    qtbot.waitExposed(w)
    return w


def _widget_pos(w, row, col):
    """Widget coordinates of a cell's centre."""
    scene = w.plot.vb.mapViewToScene(QPointF(col + 0.5, row + 0.5))
    return w.graphics.mapFromScene(scene)


def test_default_levels_are_symmetric_around_zero(heatmap):
    m = np.array([[0.5, -2.0], [1.0, 0.25], [0.0, 0.1]])
    heatmap.set_matrix(m)
    assert heatmap.levels == (-2.0, 2.0)
    assert tuple(heatmap.colorbar.levels()) == pytest.approx((-2.0, 2.0))
    assert heatmap.image.image.shape == (3, 2)


def test_explicit_levels_and_labels(heatmap):
    heatmap.set_matrix(np.arange(6).reshape(2, 3), levels=(0, 5), row_labels=["a", "b"],
                       col_labels=["x", "y", "z"])
    assert heatmap.levels == (0.0, 5.0)
    assert heatmap.text_for(1, 2) == "row b  ·  col z  ·  value 5"


def test_hover_shows_row_column_and_value(heatmap, qtbot):
    m = np.arange(12, dtype=float).reshape(3, 4) / 100 - 0.05
    heatmap.set_matrix(m)
    with qtbot.waitSignal(heatmap.cell_hovered) as blocker:
        heatmap.graphics.scene().sigMouseMoved.emit(
            heatmap.plot.vb.mapViewToScene(QPointF(2.5, 1.5)))
    assert blocker.args[:2] == [1, 2]
    assert heatmap.hover_text == "row 1  ·  col 2  ·  value 0.01"
    assert heatmap.readout.text() == heatmap.hover_text


def test_click_emits_cell(heatmap, qtbot):
    heatmap.set_matrix(np.eye(4))
    with qtbot.waitSignal(heatmap.cell_clicked) as blocker:
        qtbot.mouseClick(heatmap.graphics.viewport(), Qt.LeftButton, pos=_widget_pos(heatmap, 2, 1))
    assert blocker.args == [2, 1]


def test_vector_shows_as_one_row_and_bad_shape_is_refused(heatmap):
    heatmap.set_matrix(np.array([1.0, -3.0, 2.0]))
    assert heatmap.matrix.shape == (1, 3)
    with pytest.raises(ValueError, match="2-D"):
        heatmap.set_matrix(np.zeros((2, 2, 2)))


def test_symmetric_levels_of_zeros_and_nans():
    assert symmetric_levels(np.zeros(4)) == (-1.0, 1.0)
    assert symmetric_levels(np.array([np.nan, -0.5])) == (-0.5, 0.5)


def test_export_png_is_readable(heatmap, tmp_path):
    heatmap.set_matrix(np.random.default_rng(0).standard_normal((5, 7)))
    path = tmp_path / "heat.png"
    heatmap.export_png(str(path))
    image = QImage(str(path))
    assert not image.isNull() and image.width() > 50
