"""blocked(): signals stay quiet inside the block, and each object's earlier state comes back."""

import pytest
from PySide6.QtWidgets import QSpinBox

from nnstudio.gui.widgets.signals import blocked


def spin_with_log(qtbot):
    spin = QSpinBox()
    qtbot.addWidget(spin)
    seen = []
    spin.valueChanged.connect(seen.append)
    return spin, seen


def test_blocked_silences_several_widgets_then_lets_them_speak(qtbot):
    (a, seen_a), (b, seen_b) = spin_with_log(qtbot), spin_with_log(qtbot)
    with blocked(a, b):
        assert a.signalsBlocked() and b.signalsBlocked()
        a.setValue(3)
        b.setValue(4)
    assert (seen_a, seen_b) == ([], [])
    assert not a.signalsBlocked() and not b.signalsBlocked()
    a.setValue(5)
    assert seen_a == [5]


def test_blocked_restores_the_earlier_state_even_after_an_error(qtbot):
    (a, _), (b, _) = spin_with_log(qtbot), spin_with_log(qtbot)
    with blocked(a):
        with blocked(a, b):
            pass
        assert a.signalsBlocked() and not b.signalsBlocked()  # the outer block still holds a
    assert not a.signalsBlocked()
    with pytest.raises(RuntimeError):
        with blocked(a):
            raise RuntimeError("boom")
    assert not a.signalsBlocked()
