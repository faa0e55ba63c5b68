"""The run controls: the button-state table, and the state the run controller reports as a run goes
(waiting for the dataset: tests/gui/test_dataset_loading.py)."""

from __future__ import annotations

import pytest

from nnstudio.gui.context import AppContext, DatasetInfo
from nnstudio.gui.panels.training.controls import BUTTON_STATES, RunControls

BUTTONS = ("start", "pause", "step", "step_epoch", "stop", "reset")
ACTIONS = ("stop", "step", "step_epoch", "reset")  # Start / Pause is always enabled (Space)

# The table, written out: a change to what a state enables is a change to this test too.
EXPECTED = {
    "idle": ({"start", "step", "step_epoch", "reset"}, "Pause", "Start", False),
    "waiting": ({"step", "step_epoch", "reset"}, "Pause", "Start", False),
    "preparing": ({"pause", "stop"}, "Pause", "Pause", True),
    "running": ({"pause", "stop"}, "Pause", "Pause", True),
    "paused": ({"pause", "step", "step_epoch", "stop"}, "Resume", "Resume", True),
    "stopping": ({"pause", "stop"}, "Pause", "Pause", True),
    "finished": ({"start", "step", "step_epoch", "reset"}, "Pause", "Start", False),
}


def test_the_table_has_every_state():
    assert set(BUTTON_STATES) == set(EXPECTED)
    for state, (enabled, pause_label, start_pause_label, locked) in EXPECTED.items():
        row = BUTTON_STATES[state]
        assert (set(row.enabled), row.pause_label, row.start_pause_label, row.locked) == \
            (enabled, pause_label, start_pause_label, locked), state


@pytest.mark.parametrize("state", list(EXPECTED))
def test_apply_enables_and_labels_buttons_and_actions(qtbot, state):
    controls = RunControls()
    qtbot.addWidget(controls)
    controls.apply(state)
    enabled, pause_label, start_pause_label, _locked = EXPECTED[state]
    for name in BUTTONS:
        assert getattr(controls, f"{name}_button").isEnabled() == (name in enabled), name
    for name in ACTIONS:
        assert getattr(controls, f"{name}_action").isEnabled() == (name in enabled), name
    assert controls.start_pause_action.isEnabled()
    assert controls.pause_button.text() == pause_label
    assert controls.start_pause_action.text() == start_pause_label


@pytest.fixture
def panel(qtbot, mnist):
    from nnstudio.gui.panels.training.panel import TrainingPanel

    (xtr, ttr), (xte, tte) = mnist
    context = AppContext()
    context.set_dataset(DatasetInfo("MNIST subset", None, ((xtr[:1000], ttr[:1000]), (xte[:500], tte[:500]))))
    p = TrainingPanel(context)
    qtbot.addWidget(p)
    p.context_ref = context
    p.form.hidden.setText("8")
    p.form.length_unit.setCurrentIndex(p.form.length_unit.findData("iterations"))
    p.form.iterations.setValue(1_000_000)
    yield p
    p.shutdown()


def assert_shows(panel, state):
    assert panel.controller.state() == state
    enabled, pause_label, _start_pause_label, locked = EXPECTED[state]
    assert {n for n in BUTTONS if getattr(panel, f"{n}_button").isEnabled()} == enabled
    assert panel.pause_button.text() == pause_label
    assert panel.form.hidden.isEnabled() != locked


def test_states_through_a_run(qtbot, panel):
    assert_shows(panel, "idle")
    panel.step()  # a paused start: paused while its data is prepared, and after its one step
    assert panel.controller.state() == "paused"
    qtbot.waitUntil(lambda: panel.run is not None and len(panel.run.losses) == 1, timeout=30_000)
    assert_shows(panel, "paused")
    panel.toggle_pause()
    assert_shows(panel, "running")
    qtbot.waitUntil(lambda: len(panel.run.losses) > 3, timeout=30_000)
    panel.stop()
    assert panel.controller.state() == "stopping"
    qtbot.waitUntil(lambda: not panel.running, timeout=30_000)
    assert_shows(panel, "finished")
    assert panel.run.finished.reason == "stopped"


def test_preparing_then_running(qtbot, panel):
    assert panel.start()
    assert_shows(panel, "preparing")  # the Trainer is built in the worker: nothing reported yet
    qtbot.waitUntil(lambda: panel.trainer is not None, timeout=30_000)
    assert_shows(panel, "running")
    panel.stop()
    qtbot.waitUntil(lambda: not panel.running, timeout=30_000)
