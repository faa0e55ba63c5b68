"""The optimizer race on screen: Play/Step/Reset, steps and speed; a timer advances the core Race."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QSlider, QSpinBox, QVBoxLayout, QWidget)

from nnstudio.core.playground.race import SPEEDS, TICK_MS, Race, speed_text, steps_per_tick, tick_interval
from nnstudio.gui.panels.descent.curves import ValueCurves
from nnstudio.gui.panels.descent.field import FieldView
from nnstudio.gui.panels.descent.style import ERROR_TEXT, NOTE_TEXT, OPTIMIZER_COLORS, OPTIMIZER_LABELS


def change_note(run) -> str:
    """The change since the start, spelled out when 4 significant digits would hide it (lr 1e-10)."""
    if run.n < 2:
        return ""
    df = float(run.values[-1] - run.values[0])
    moved = float(((run.path[-1] - run.path[0]) ** 2).sum() ** 0.5)
    scale = max(abs(float(run.values[0])), 1e-300)
    if df == 0 and moved == 0:
        return "; not moved at all"
    if abs(df) >= 1e-3 * scale:
        return ""
    return f"; since the start: Δf = {df:+.3g}, moved {moved:.3g}"


def state_note(run) -> str:
    """The optimizer's state in words: the velocity (drawn as a dashed arrow) or the step size per coordinate."""
    if run.failed:
        return ""
    if run.velocity is not None:
        return f"; velocity ({run.velocity[0]:.3g}, {run.velocity[1]:.3g}) (dashed arrow)"
    if run.step_size is not None:
        return f"; step size per coordinate: x₀ {run.step_size[0]:.3g}, x₁ {run.step_size[1]:.3g}"
    return ""


class RaceRunner(QObject):
    """Builds the run bar (`bar`) and the status row over the curves (`header`); draws the race's
    paths into `field`, f against the step into `curves`, and where each run stands into `status`.

    course() -> (f, start, entrants, grad, view) says what to race when runs are needed: entrants
    as [(optimizer, lr), ...], the rest as for nnstudio.core.playground.descent.descend.
    """

    runs_finished = Signal()

    def __init__(self, field: FieldView, curves: ValueCurves, course: Callable[[], tuple], parent=None):
        super().__init__(parent)
        self.field, self.curves, self._course = field, curves, course
        self.race = Race()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_tick)
        self.status = QLabel("")
        self.status.setObjectName("descentStatus")
        self.status.setTextFormat(Qt.RichText)
        self.status.setWordWrap(True)
        self.bar = self._build_run_bar()
        self.header = self._build_curve_header()

    # --- building ---------------------------------------------------------------------------------

    def _build_run_bar(self) -> QWidget:
        bar = QWidget()
        rows = QVBoxLayout(bar)  # two short rows: the panel fits a 1024-pixel-wide screen at 150%
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        row = QHBoxLayout()
        rows.addLayout(row)
        self.play_button = QPushButton("Play")
        self.play_button.setObjectName("descentPlay")
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._on_play_toggled)
        step_button = QPushButton("Step")
        step_button.setObjectName("descentStep")
        step_button.setToolTip("one update of every ticked optimizer")
        step_button.clicked.connect(self.single_step)
        reset_button = QPushButton("Reset")
        reset_button.setObjectName("descentReset")
        reset_button.setToolTip("forget the trajectories; the next Play starts from the start point")
        reset_button.clicked.connect(self._on_settings_changed)
        # as narrow as their words allow (the style's 80-px minimum would push the panel sideways
        # on a 1366x768 screen at 150%); Play's width holds "Pause" too
        narrow = max(self.play_button.fontMetrics().horizontalAdvance(w) for w in ("Play", "Pause", "Step", "Reset"))
        for b in (self.play_button, step_button, reset_button):
            b.setMinimumWidth(narrow + 24)
            row.addWidget(b)
        row.addSpacing(12)
        row.addWidget(QLabel("steps"))
        self.steps_spin = QSpinBox()
        self.steps_spin.setObjectName("descentSteps")
        self.steps_spin.setRange(1, 20000)
        self.steps_spin.setValue(100)
        self.steps_spin.valueChanged.connect(self._on_settings_changed)
        row.addWidget(self.steps_spin)
        row.addStretch(1)
        row = QHBoxLayout()
        rows.addLayout(row)
        row.addWidget(QLabel("speed"))
        self.speed = QSlider(Qt.Horizontal)
        self.speed.setObjectName("descentSpeed")
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(3)
        self.speed.setMinimumWidth(80)
        self.speed.setMaximumWidth(160)
        self.speed.valueChanged.connect(self._on_speed)
        self.speed_label = QLabel()
        self.speed_label.setObjectName("descentSpeedText")
        self.speed_label.setToolTip("steps per timer tick × ticks per second: what the animation really does")
        row.addWidget(self.speed)
        row.addWidget(self.speed_label)
        row.addStretch(1)
        self._on_speed(self.speed.value())
        return bar

    def _build_curve_header(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        # the status scrolls inside at least three lines: on a small screen no line is cut off
        holder = QScrollArea()
        holder.setObjectName("descentStatusScroll")
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.NoFrame)
        holder.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        holder.setWidget(self.status)
        self.status.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.status.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        holder.setMinimumHeight(3 * self.status.fontMetrics().lineSpacing() + 4)
        self.status_scroll = holder
        row.addWidget(holder, 1)
        self.log_check = QCheckBox("log scale")
        self.log_check.setObjectName("descentLogScale")
        self.log_check.setToolTip("f against step on a log axis (values ≤ 0 are left out)")
        self.log_check.toggled.connect(self._on_log)
        row.addWidget(self.log_check, 0, Qt.AlignTop)
        return box

    # --- running ----------------------------------------------------------------------------------

    @property
    def runs(self) -> dict:
        """Optimizer name -> nnstudio.core.playground.race.Run; empty until Play or Step."""
        return self.race.runs

    def ensure_runs(self) -> bool:
        """Start the runs from the course unless they exist; False (and say so) when nothing is ticked."""
        if self.runs:
            return True
        f, start, entrants, grad, view = self._course()
        self.race.start(f, start, entrants, self.steps_spin.value(), grad, view)
        if not self.runs:
            self.status.setText(f"<span style='color:{ERROR_TEXT}'>Tick at least one optimizer "
                                "(with a valid learning rate).</span>")
            return False
        self.advance(0)  # draw the start points
        return True

    def play(self) -> None:
        self.play_button.setChecked(True)

    def stop(self) -> None:
        self.play_button.setChecked(False)

    @Slot(bool)
    def _on_play_toggled(self, on: bool) -> None:
        if on and self.finished():
            self._clear_runs()  # play again from the start
        if on and self.ensure_runs():
            self.play_button.setText("Pause")
            self.timer.start()
        else:
            self.timer.stop()
            self.play_button.setText("Play")
            if on:
                self.play_button.setChecked(False)

    @Slot()
    def single_step(self) -> None:
        self.stop()
        if self.finished():
            return
        if self.ensure_runs():
            self.advance(1)

    @Slot()
    def _on_settings_changed(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Stop and forget the runs (the next Play or Step starts again from the start point)."""
        self.stop()
        self._clear_runs()

    def _clear_runs(self) -> None:
        self.race.clear()
        self.field.clear_paths()
        self.curves.clear_curves()
        self.status.setText("")

    @Slot()
    def _on_tick(self) -> None:
        self.advance(steps_per_tick(SPEEDS[self.speed.value()], self.timer.interval()))

    def advance(self, n: int) -> None:
        """Move every unfinished run n steps, then redraw each once (one setData per curve)."""
        for run in self.race.advance(n):
            if run.n:
                self.field.set_path(run.name, run.path, run.note)
                if run.velocity is not None:
                    self.field.set_velocity(run.name, run.path[-1], run.velocity)
                self.curves.set_values(run.name, run.values)
        self.update_status()
        if self.finished():
            self.stop()
            self.runs_finished.emit()

    def finished(self) -> bool:
        return self.race.finished()

    def update_status(self) -> None:
        lines = []
        for run in self.runs.values():
            color = OPTIMIZER_COLORS[run.name]
            head = f"<span style='color:{color}'>■</span> <b>{OPTIMIZER_LABELS[run.name]}</b>"
            if run.failed:
                lines.append(f"{head}: <span style='color:{ERROR_TEXT}'>{run.end.message}</span>")
            elif run.n:
                x0, x1 = run.path[-1]
                done = " (done)" if run.end is not None else ""
                lines.append(f"{head}: step {run.step}{done}, f = {run.values[-1]:.4g} at "
                             f"({x0:.4g}, {x1:.4g}){change_note(run)}{state_note(run)}")
        if self.curves.hidden_nonpositive:
            lines.append(f"<span style='color:{NOTE_TEXT}'>values ≤ 0 are left out of the log-scale "
                         "plot</span>")
        self.status.setText("<br>".join(lines))

    @Slot(int)
    def _on_speed(self, index: int) -> None:
        sps = SPEEDS[index]
        self.timer.setInterval(tick_interval(sps))
        self.speed_label.setText(speed_text(sps))  # what the timer really does, not a wish

    @Slot(bool)
    def _on_log(self, on: bool) -> None:
        self.curves.set_log(on)
        self.update_status()

    def shutdown(self) -> None:
        self.timer.stop()
        self.reset()
