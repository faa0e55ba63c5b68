"""The training panel fits a 1024x768 screen: nothing cut off, no sideways scrolling (tests/gui/fit.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from tests.gui.fit import clipped_children


def test_the_helper_finds_a_child_its_parent_cuts_off(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(100, 40)
    inside = QLabel("ok", parent)
    inside.setGeometry(0, 0, 50, 20)
    cut = QComboBox(parent)
    cut.setObjectName("cutCombo")
    cut.setGeometry(60, 0, 80, 20)  # reaches 140 in a 100-pixel parent
    parent.show()
    found = clipped_children(parent)
    assert len(found) == 1 and "cutCombo" in found[0]


def test_the_helper_allows_scrolling_only_where_a_scroll_area_scrolls(qtbot):
    def area(policy):
        scroll = QScrollArea()
        qtbot.addWidget(scroll)
        content = QWidget()
        content.setMinimumSize(400, 400)
        QVBoxLayout(content).addWidget(QLabel("wide"))
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(policy)
        scroll.resize(200, 200)
        scroll.show()
        return scroll

    assert clipped_children(area(Qt.ScrollBarAsNeeded)) == []
    assert len(clipped_children(area(Qt.ScrollBarAlwaysOff))) == 1


def test_a_one_line_label_narrower_than_its_text_is_cut(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(300, 40)
    label = QLabel("a label with a long text", parent)
    label.setGeometry(0, 0, 30, 20)
    parent.show()
    assert len(clipped_children(parent)) == 1


def _training_window(main_window, qtbot, width=1024, height=768):
    main_window.show_panel(0)
    assert main_window.current_panel() is main_window.panels["trainingPanel"]
    main_window.resize(width, height)
    main_window.show()
    qtbot.waitExposed(main_window)
    qtbot.waitUntil(lambda: main_window.size().width() == width, timeout=5_000)
    return main_window.stack.currentWidget()  # the panel's scroll area


def _assert_fits(page, qtbot):
    try:  # layouts settle in posted events after a resize or a reflow
        qtbot.waitUntil(lambda: not clipped_children(page), timeout=3_000)
    except AssertionError:
        pass
    assert clipped_children(page) == []
    assert page.horizontalScrollBar().maximum() == 0  # never sideways
    assert page.verticalScrollBar().maximum() == 0  # 1024x768 needs no scrolling either


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_the_idle_training_panel_fits(main_window, qtbot, size):
    page = _training_window(main_window, qtbot, *size)
    _assert_fits(page, qtbot)
    panel = main_window.panels["trainingPanel"]
    assert panel.history_box.visibleRegion().boundingRect().height() == panel.history_box.height()  # in view


def test_the_training_panel_fits_during_and_after_a_run(main_window, qtbot, mnist):
    from nnstudio.gui.context import DatasetInfo

    (xtr, ttr), (xte, tte) = mnist
    main_window.context.set_dataset(DatasetInfo("subset", None, ((xtr[:2000], ttr[:2000]), (xte[:500], tte[:500]))))
    page = _training_window(main_window, qtbot)
    panel = main_window.panels["trainingPanel"]
    panel.form.set_preset("nielsen-ch1")  # the longest preset name and reference labels
    panel.form.epochs.setValue(1000)  # paused and stopped long before its end
    assert panel.start()
    qtbot.waitUntil(lambda: panel.run is not None and len(panel.run.epochs) >= 2, timeout=60_000)
    panel.toggle_pause()
    qtbot.waitUntil(lambda: panel.paused, timeout=10_000)
    panel.stats.set("iteration", "1,000,000")  # a long run's numbers
    panel.stats.set("eta", "10:00:00")
    _assert_fits(page, qtbot)
    panel.stop()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    _assert_fits(page, qtbot)


SCALED = r'''
import os, sys
sys.path[:0] = [sys.argv[1]]
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
app.setOrganizationName("NN Studio Tests"); app.setApplicationName("NN Studio Tests")
QSettings.setDefaultFormat(QSettings.IniFormat)
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, sys.argv[2])
from nnstudio.gui.main_window import MainWindow
from tests.gui.fit import clipped_children
window = MainWindow()
window.show_panel(0)
window.resize(910, 512)  # 1366x768 at 150%, in Qt's scaled pixels
window.show()
for _ in range(50):
    app.processEvents()
page = window.stack.currentWidget()
print("CLIPPED", clipped_children(page))
print("SCROLL", page.horizontalScrollBar().maximum(), page.verticalScrollBar().maximum())
window.panels["trainingPanel"].shutdown()
'''


def test_the_training_panel_fits_1366x768_at_150_percent(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    root = str(Path(__file__).parents[2])
    out = subprocess.run([sys.executable, "-c", SCALED, root, str(tmp_path)], env=env, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "CLIPPED []" in out.stdout, out.stdout
    assert "SCROLL 0 0" in out.stdout, out.stdout  # neither sideways nor down
