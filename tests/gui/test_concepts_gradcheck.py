"""The gradient-check explorer: backprop agrees with the numerical gradient, off the GUI thread."""

import pytest
from PySide6.QtCore import Qt

from nnstudio.gui.context import AppContext
from nnstudio.gui.panels.concepts.gradcheck import GradCheckExplorer


@pytest.fixture
def explorer(qtbot, qapp):
    context = AppContext()
    w = GradCheckExplorer(context)
    qtbot.addWidget(w)
    w.resize(1100, 760)
    yield w
    w.shutdown()
    context.deleteLater()


def test_gradcheck_differences_and_timings(explorer, qtbot):
    assert "7,960 parameters" in explorer.size_label.text()
    qtbot.mouseClick(explorer.run_button, Qt.LeftButton)
    assert not explorer.run_button.isEnabled()
    qtbot.waitUntil(lambda: explorer.result is not None and not explorer.worker.isRunning(), timeout=60000)
    rows = explorer.table.rowCount()
    names = [explorer.table.item(r, 0).text() for r in range(rows)]
    assert names == ["W1", "b1", "W2", "b2"]
    for r in range(rows):
        assert float(explorer.table.item(r, 2).text()) < 1e-6  # mean |Δ| as shown
    assert explorer.result.max_mean_abs_diff < 1e-6
    assert explorer.result.slowdown > 10
    assert "slower" in explorer.timing.text() and "Backprop is right" in explorer.timing.text()
    assert explorer.progress.value() == 1000
    assert explorer.run_button.isEnabled() and not explorer.stop_button.isEnabled()


def test_gradcheck_can_be_stopped(explorer, qtbot):
    explorer.hidden.setValue(30)
    explorer.images.setValue(10)
    explorer.start()
    qtbot.waitUntil(lambda: explorer.progress.value() > 0, timeout=30000)
    qtbot.mouseClick(explorer.stop_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not explorer.worker.isRunning(), timeout=30000)
    qtbot.waitUntil(lambda: explorer.run_button.isEnabled(), timeout=5000)
    assert explorer.result is None
    assert explorer.status.text() == "Stopped."


def test_worker_outlives_a_deleted_explorer(qtbot, qapp):
    from nnstudio.gui.panels import concepts_worker

    context = AppContext()
    w = GradCheckExplorer(context)
    w.start()
    worker = w.worker
    w.deleteLater()
    del w
    qtbot.waitUntil(lambda: worker not in concepts_worker._running, timeout=30000)
    worker.wait(5000)
    assert not worker.isRunning()
    context.deleteLater()
