"""A damaged my_digits.npz: the app starts, says which file and where, and changes nothing until
the user sets it aside."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.digits import mydigits
from helpers import damage_member, saved_my_digits


@pytest.fixture
def damaged():
    path = saved_my_digits()
    damage_member(path)
    return path, path.read_bytes()


def test_app_starts_and_names_the_damaged_file(damaged, qtbot, dialogs):
    from nnstudio.gui.main_window import MainWindow

    path, before = damaged
    window = MainWindow()  # used to die here with zlib.error: invalid code lengths set
    qtbot.addWidget(window)
    box = window.panels["drawingPanel"].my_digits
    assert str(path) in box.score_label.text() and "invalid code lengths set" in box.score_label.text()
    assert str(path.parent) in box.counts_label.text()
    assert not box.set_aside_button.isHidden()
    assert not any(b.isEnabled() for b in box.add_buttons)
    assert path.read_bytes() == before and [p.name for p in path.parent.iterdir()] == [path.name]
    assert dialogs == []
    window.close()


def test_drawing_does_not_enable_saving_over_a_damaged_file(damaged, qtbot, dialogs):
    from nnstudio.gui.context import AppContext
    from nnstudio.gui.panels.drawing.panel import DrawingPanel

    path, before = damaged
    panel = DrawingPanel(AppContext())
    qtbot.addWidget(panel)
    panel.show_input(np.full(784, 0.5, np.float32))
    assert not any(b.isEnabled() for b in panel.my_digits.add_buttons)
    panel.add_to_my_digits(3)  # even if called: refused, the file is not overwritten
    (kind, _, text), = dialogs
    assert kind == "warning" and str(path) in text
    assert path.read_bytes() == before


def test_set_aside_keeps_the_damaged_file_and_starts_fresh(damaged, qtbot, dialogs):
    from nnstudio.gui.context import AppContext
    from nnstudio.gui.panels.drawing.panel import DrawingPanel

    path, before = damaged
    panel = DrawingPanel(AppContext())
    qtbot.addWidget(panel)
    box = panel.my_digits
    panel.show_input(np.full(784, 0.5, np.float32))
    box.set_aside_button.click()
    aside, = [p for p in path.parent.iterdir() if p.name.startswith("my_digits.damaged-")]
    assert aside.read_bytes() == before and not path.exists()
    assert str(aside) in box.score_label.text()
    assert box.set_aside_button.isHidden() and box.damaged is None
    assert all(b.isEnabled() for b in box.add_buttons)
    box.add_buttons[3].click()
    assert mydigits.load_my_digits()[1].tolist() == [3]
    assert aside.read_bytes() == before
    assert dialogs == []
