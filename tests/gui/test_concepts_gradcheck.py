"""The gradient-check explorer: backprop agrees with the numerical gradient, off the GUI thread."""

import pytest
from PySide6.QtCore import Qt

from nnstudio.gui.context import AppContext
from nnstudio.gui.panels.concepts.gradcheck import GradCheckExplorer


@pytest.fixture
def explorer(make_explorer):
    return make_explorer(GradCheckExplorer)


def test_gradcheck_differences_and_timings(explorer, qtbot):
    assert "7,960 parameters" in explorer.size_label.text()
    qtbot.mouseClick(explorer.run_button, Qt.LeftButton)
    assert not explorer.run_button.isEnabled()
    # the job's end (its finished signal, queued after the result) re-enables Run
    qtbot.waitUntil(lambda: explorer.result is not None and explorer.run_button.isEnabled(), timeout=60000)
    rows = explorer.table.rowCount()
    names = [explorer.table.item(r, 0).text() for r in range(rows)]
    assert names == ["W1", "b1", "W2", "b2"]
    for r in range(rows):
        assert float(explorer.table.item(r, 2).text()) < 1e-6  # mean |Δ| as shown
    assert explorer.result.max_mean_abs_diff < 1e-6
    assert explorer.result.slowdown > 0  # a ratio of two timings: its size depends on the machine
    assert "slower" in explorer.timing.text() and "Backprop is right" in explorer.timing.text()
    assert f"{explorer.result.max_relative_error:.1e}" in explorer.timing.text()  # measured, not claimed
    assert explorer.result.max_relative_error < 1e-7
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
    from nnstudio.gui import workers

    context = AppContext()
    w = GradCheckExplorer(context)
    with qtbot.waitSignal(context.dataset_changed, timeout=60000):
        w.start()  # the first start loads MNIST, then runs the check
    worker = w.worker
    assert worker is not None and worker in workers._jobs
    w.deleteLater()
    del w
    qtbot.waitUntil(lambda: worker not in workers._jobs, timeout=30000)
    assert not worker.isRunning()
    context.deleteLater()


def test_book_simplenet_example_shown(explorer):
    text = explorer.simplenet.label.text()
    assert explorer.simplenet.isVisibleTo(explorer)
    for shown in ("0.47355232", "0.92806854", "0.21924763", "-0.54421514", "0.6, 0.9", "t = (0, 0, 1)"):
        assert shown in text


def test_gradcheck_text_tells_what_the_code_does(explorer):
    text = explorer.explainer.toPlainText()
    assert "5·10⁻⁷" not in text and "adds inside" not in text
    assert "clips" in text


def test_gradcheck_of_a_tiny_conv_net(explorer, qtbot):
    from fit import clipped_children

    explorer.network_kind.setCurrentIndex(explorer.network_kind.findData("conv"))
    assert explorer.hidden_label.text() == "conv filters" and explorer.hidden.value() == 3
    assert "conv 3 5x5 s3, pool 2, dense 10" in explorer.size_label.text()
    assert "568 parameters" in explorer.size_label.text()  # 3·25 + 3 + 48·10 + 10
    explorer.images.setValue(2)
    explorer.show()
    qtbot.waitExposed(explorer)
    qtbot.mouseClick(explorer.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: explorer.result is not None and explorer.run_button.isEnabled(), timeout=60000)
    rows = explorer.table.rowCount()
    assert [explorer.table.item(r, 1).text() for r in range(rows)] == ["(3, 1, 5, 5)", "(3,)", "(48, 10)", "(10,)"]
    assert explorer.result.arch == "conv 3 5x5 s3, pool 2, dense 10"
    assert explorer.result.max_mean_abs_diff < 1e-6 and "Backprop is right" in explorer.timing.text()
    assert "conv 3 5x5 s3" in explorer.status.text()
    assert clipped_children(explorer) == []
    explorer.network_kind.setCurrentIndex(explorer.network_kind.findData("mlp"))
    assert explorer.hidden_label.text() == "hidden neurons" and "7,960 parameters" in explorer.size_label.text()
