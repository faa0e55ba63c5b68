"""The optimizer race on screen: Play/Step/Reset, steps and speed; a timer advances the core Race."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QSlider, QSpinBox, QVBoxLayout, QWidget)

from nnstudio.core.playground.race import SPEEDS, TICK_MS, Race, steps_per_tick, tick_interval
from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.panels.descent.curves import ValueCurves
from nnstudio.gui.panels.descent.field import FieldView
from nnstudio.gui.panels.descent.style import ERROR_TEXT, NOTE_TEXT, OPTIMIZER_COLORS, OPTIMIZER_LABELS


# core's reasons why a run stopped (nnstudio.core.playground.descent), word for word
END_DETAILS = (
    QT_TRANSLATE_NOOP("RaceRunner", "f is not finite at the start point: choose another one"),
    QT_TRANSLATE_NOOP("RaceRunner", "the gradient is not finite"),
    QT_TRANSLATE_NOOP("RaceRunner", "x is not finite"),
    QT_TRANSLATE_NOOP("RaceRunner", "left 100× the view"),
    QT_TRANSLATE_NOOP("RaceRunner", "f is not finite"),
)


def end_text(end, short: bool = False) -> str:
    """Why a run stopped, in the interface language (core's DescentEnd.message); `short` leaves the
    detail of a divergence out (the label at the path's end)."""
    detail = translate("RaceRunner", end.detail) if end.detail else ""
    if end.reason == "diverged":
        text = (translate("RaceRunner", "diverged after {n:,} steps") if end.steps != 1 else
                translate("RaceRunner", "diverged after {n:,} step")).format(n=end.steps)
        return translate("RaceRunner", "{text} ({detail})").format(text=text, detail=detail) \
            if detail and not short else text
    if end.reason == "invalid":
        return detail or translate("RaceRunner", "f is not finite at the start point")
    return translate("RaceRunner", "finished {n:,} steps").format(n=end.steps)


def speed_text(speed: int) -> str:
    """What runs at `speed`, spelled out (core's speed_text in the interface language)."""
    interval = tick_interval(speed)
    n = steps_per_tick(speed, interval)
    ticks = 1000 / interval
    total = n * ticks
    step = (translate("RaceRunner", "{n} steps") if n != 1 else translate("RaceRunner", "{n} step")).format(n=n)
    return translate("RaceRunner", "{steps} × {ticks}/s = {total} steps/s").format(
        steps=step, ticks=f"{ticks:g}", total=f"{total:g}")


def change_note(run) -> str:
    """The change since the start, spelled out when 4 significant digits would hide it (lr 1e-10)."""
    if run.n < 2:
        return ""
    df = float(run.values[-1] - run.values[0])
    moved = float(((run.path[-1] - run.path[0]) ** 2).sum() ** 0.5)
    scale = max(abs(float(run.values[0])), 1e-300)
    if df == 0 and moved == 0:
        return translate("RaceRunner", "; not moved at all")
    if abs(df) >= 1e-3 * scale:
        return ""
    return translate("RaceRunner", "; since the start: Δf = {df}, moved {moved}").format(
        df=f"{df:+.3g}", moved=f"{moved:.3g}")


def state_note(run) -> str:
    """The optimizer's state in words: the velocity (drawn as a dashed arrow) or the step size per coordinate."""
    if run.failed:
        return ""
    if run.velocity is not None:
        return translate("RaceRunner", "; velocity ({v0}, {v1}) (dashed arrow)").format(
            v0=f"{run.velocity[0]:.3g}", v1=f"{run.velocity[1]:.3g}")
    if run.step_size is not None:
        return translate("RaceRunner", "; step size per coordinate: x₀ {s0}, x₁ {s1}").format(
            s0=f"{run.step_size[0]:.3g}", s1=f"{run.step_size[1]:.3g}")
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
        self.last_status = ""
        self.bar = self._build_run_bar()
        self.header = self._build_curve_header()
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts again (the playground calls this on a language change: a QObject gets no event)."""
        self.play_button.setText(self.tr("Pause") if self.timer.isActive() else self.tr("Play"))
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("one update of every ticked optimizer"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("forget the trajectories; the next Play starts from the start point"))
        # as narrow as their words allow (the style's 80-px minimum would push the panel sideways
        # on a 1366x768 screen at 150%); Play's width holds "Pause" too
        metrics = self.play_button.fontMetrics()
        narrow = max(metrics.horizontalAdvance(w) for w in (self.tr("Play"), self.tr("Pause"), self.tr("Step"),
                                                            self.tr("Reset")))
        for b in (self.play_button, self.step_button, self.reset_button):
            b.setMinimumWidth(narrow + 24)
        self.steps_label.setText(self.tr("steps"))
        self.speed_title.setText(self.tr("speed"))
        self.speed_label.setToolTip(self.tr("steps per timer tick × ticks per second: what the animation "
                                            "really does"))
        self._on_speed(self.speed.value())
        self.log_check.setText(self.tr("log scale"))
        self.log_check.setToolTip(self.tr("f against step on a log axis (values ≤ 0 are left out)"))
        for run in self.runs.values():
            if run.n:
                self.field.set_path(run.name, run.path, end_text(run.end, short=True) if run.failed else "")
        if self.last_status == "nothing":
            self._say_nothing_ticked()
        elif self.runs:
            self.update_status()

    # --- building ---------------------------------------------------------------------------------

    def _build_run_bar(self) -> QWidget:
        bar = QWidget()
        rows = QVBoxLayout(bar)  # two short rows: the panel fits a 1024-pixel-wide screen at 150%
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        row = QHBoxLayout()
        rows.addLayout(row)
        self.play_button = QPushButton()
        self.play_button.setObjectName("descentPlay")
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.step_button = step_button = QPushButton()
        step_button.setObjectName("descentStep")
        step_button.clicked.connect(self.single_step)
        self.reset_button = reset_button = QPushButton()
        reset_button.setObjectName("descentReset")
        reset_button.clicked.connect(self._on_settings_changed)
        # as narrow as their words allow (the style's 80-px minimum would push the panel sideways
        # on a 1366x768 screen at 150%); Play's width holds "Pause" too
        for b in (self.play_button, step_button, reset_button):
            row.addWidget(b)
        row.addSpacing(12)
        self.steps_label = QLabel()
        row.addWidget(self.steps_label)
        self.steps_spin = QSpinBox()
        self.steps_spin.setObjectName("descentSteps")
        self.steps_spin.setRange(1, 20000)
        self.steps_spin.setValue(100)
        self.steps_spin.valueChanged.connect(self._on_settings_changed)
        row.addWidget(self.steps_spin)
        row.addStretch(1)
        row = QHBoxLayout()
        rows.addLayout(row)
        self.speed_title = QLabel()
        row.addWidget(self.speed_title)
        self.speed = QSlider(Qt.Horizontal)
        self.speed.setObjectName("descentSpeed")
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(3)
        self.speed.setMinimumWidth(80)
        self.speed.setMaximumWidth(160)
        self.speed.valueChanged.connect(self._on_speed)
        self.speed_label = QLabel()
        self.speed_label.setObjectName("descentSpeedText")
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
        self.log_check = QCheckBox()
        self.log_check.setObjectName("descentLogScale")
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
            self._say_nothing_ticked()
            return False
        self.advance(0)  # draw the start points
        return True

    def _say_nothing_ticked(self) -> None:
        self.last_status = "nothing"
        self.status.setText(f"<span style='color:{ERROR_TEXT}'>"
                            + self.tr("Tick at least one optimizer (with a valid learning rate).") + "</span>")

    def play(self) -> None:
        self.play_button.setChecked(True)

    def stop(self) -> None:
        self.play_button.setChecked(False)

    @Slot(bool)
    def _on_play_toggled(self, on: bool) -> None:
        if on and self.finished():
            self._clear_runs()  # play again from the start
        if on and self.ensure_runs():
            self.play_button.setText(self.tr("Pause"))
            self.timer.start()
        else:
            self.timer.stop()
            self.play_button.setText(self.tr("Play"))
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
        self.last_status = ""

    @Slot()
    def _on_tick(self) -> None:
        self.advance(steps_per_tick(SPEEDS[self.speed.value()], self.timer.interval()))

    def advance(self, n: int) -> None:
        """Move every unfinished run n steps, then redraw each once (one setData per curve)."""
        for run in self.race.advance(n):
            if run.n:
                self.field.set_path(run.name, run.path, end_text(run.end, short=True) if run.failed else "")
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
                lines.append(f"{head}: <span style='color:{ERROR_TEXT}'>{end_text(run.end)}</span>")
            elif run.n:
                x0, x1 = run.path[-1]
                where = (self.tr("step {step} (done), f = {f} at ({x0}, {x1})") if run.end is not None else
                         self.tr("step {step}, f = {f} at ({x0}, {x1})")).format(
                    step=run.step, f=f"{run.values[-1]:.4g}", x0=f"{x0:.4g}", x1=f"{x1:.4g}")
                lines.append(f"{head}: {where}{change_note(run)}{state_note(run)}")
        if self.curves.hidden_nonpositive:
            lines.append(f"<span style='color:{NOTE_TEXT}'>" + self.tr("values ≤ 0 are left out of the log-scale "
                                                                       "plot") + "</span>")
        self.last_status = "runs"
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
