"""The run's buttons and menu actions, and the table of what each state of a run enables."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.widgets.retranslate import Retranslatable


@dataclass(frozen=True)
class ButtonState:
    """What one state of a run lets the user do."""

    enabled: frozenset  # the buttons enabled (a menu action follows its button)
    pause_label: str  # the Pause button's text (in English: translated where shown)
    start_pause_label: str  # the Start / Pause action's text (Space)
    locked: bool  # the settings form and the run history are locked while a run exists


_PAUSE, _START, _RESUME = (QT_TRANSLATE_NOOP("RunControls", "Pause"), QT_TRANSLATE_NOOP("RunControls", "Start"),
                           QT_TRANSLATE_NOOP("RunControls", "Resume"))
_IDLE = ButtonState(frozenset({"start", "step", "step_epoch", "reset"}), _PAUSE, _START, False)
_RUNNING = ButtonState(frozenset({"pause", "stop"}), _PAUSE, _PAUSE, True)

# State by state (RunController.state() says which one holds). Stopping keeps the buttons of the
# state it was pressed in, and a run started with Step is "paused" while its data is prepared.
BUTTON_STATES: dict[str, ButtonState] = {
    "idle": _IDLE,
    "waiting": ButtonState(frozenset({"step", "step_epoch", "reset"}), _PAUSE, _START, False),  # for the dataset
    "preparing": _RUNNING,  # the training data (synthetic digits take most of a minute)
    "running": _RUNNING,
    "paused": ButtonState(frozenset({"pause", "step", "step_epoch", "stop"}), _RESUME, _RESUME, True),
    "stopping": _RUNNING,
    "finished": _IDLE,
}


def _button(name: str) -> QPushButton:
    b = QPushButton()
    b.setObjectName(name)
    return b


class RunControls(Retranslatable, QWidget):
    """Start, Pause, Stop, Step, Step epoch and Reset in a grid, and the Training menu's actions."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.start_button = _button("startButton")
        self.pause_button = _button("pauseButton")
        self.step_button = _button("stepButton")
        self.step_epoch_button = _button("stepEpochButton")
        self.stop_button = _button("stopButton")
        self.reset_button = _button("resetButton")
        self.start_button.setStyleSheet("font-weight: 600;")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, b in enumerate((self.start_button, self.pause_button, self.stop_button,
                               self.step_button, self.step_epoch_button, self.reset_button)):
            grid.addWidget(b, i // 3, i % 3)

        self.start_pause_action = QAction(self)
        # F5 works wherever the focus is (a text field keeps its spaces); Space too where no text
        # field has the focus.
        self.start_pause_action.setShortcuts([QKeySequence(Qt.Key_F5), QKeySequence(Qt.Key_Space)])
        self.stop_action = QAction(self)
        self.stop_action.setShortcut(QKeySequence("Ctrl+."))
        self.step_action = QAction(self)
        self.step_epoch_action = QAction(self)
        self.reset_action = QAction(self)
        self.state = "idle"
        self.retranslate()

    def retranslate(self) -> None:
        self.start_button.setText(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Train a fresh network with these settings (F5, or Space outside a "
                                             "text field)"))
        self.pause_button.setToolTip(self.tr("Pause the run between two steps; press again to resume (F5, or "
                                             "Space outside a text field)"))
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("Do one mini-batch step, then pause (starts a paused run when idle)"))
        self.step_epoch_button.setText(self.tr("Step epoch"))
        self.step_epoch_button.setToolTip(self.tr("Train up to the end of the current epoch, then pause"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("End the run now; its network becomes the current model if it "
                                            "learned (Ctrl+. or Esc)"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Clear the plots and numbers; the next Start trains a fresh network "
                                             "(the current model stays)"))
        self.stop_action.setText(self.tr("Stop"))
        self.step_action.setText(self.tr("Step one mini-batch"))
        self.step_epoch_action.setText(self.tr("Step one epoch"))
        self.reset_action.setText(self.tr("Reset"))
        self._label(BUTTON_STATES[self.state])

    def actions_for_menu(self) -> list:
        return [self.start_pause_action, self.stop_action, self.step_action, self.step_epoch_action,
                self.reset_action]

    def apply(self, state: str) -> ButtonState:
        """Enable and label the buttons and actions as `state` wants; returns its row of the table."""
        row = BUTTON_STATES[state]
        self.state = state
        for name in ("start", "pause", "step", "step_epoch", "stop", "reset"):
            getattr(self, f"{name}_button").setEnabled(name in row.enabled)
        for name in ("stop", "step", "step_epoch", "reset"):
            getattr(self, f"{name}_action").setEnabled(name in row.enabled)
        self._label(row)
        return row

    def _label(self, row: ButtonState) -> None:
        self.pause_button.setText(translate("RunControls", row.pause_label))
        self.start_pause_action.setText(translate("RunControls", row.start_pause_label))
