"""The 2D tab: pick or type f(x0, x1), see its gradient field, race optimizers from a start point."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSlider, QSpinBox,
                               QSplitter, QVBoxLayout, QWidget)

from nnstudio.core.playground import descent as core
from nnstudio.core.playground.expression import ExpressionError, parse_expression
from nnstudio.core.nn.gradient import numerical_gradient_2d
from nnstudio.core.nn.optimizers import DEFAULT_LR
from nnstudio.core.playground.surfaces import SURFACES, Surface
from nnstudio.gui.panels.descent.controls import CUSTOM, PRESETS, DescentControls
from nnstudio.gui.panels.descent.curves import ValueCurves
from nnstudio.gui.panels.descent.field import FieldView
from nnstudio.gui.panels.descent.style import (ERROR_TEXT, NOTE_TEXT, OPTIMIZER_COLORS, OPTIMIZER_LABELS,
                                               background_lut, colorize)

IMAGE_RES = 160  # background samples per side
CONTOUR_RES = 90
SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]  # steps per second, one per slider notch
TICK_MS = 30
DIFFER_THRESHOLD = 1e-3  # relative difference that counts as "analytic and numerical differ"


class _Run:
    """One optimizer's generator and what it has produced so far (growing numpy buffers)."""

    def __init__(self, name, generator):
        self.name, self.generator = name, generator
        self._xy = np.empty((256, 2))
        self._f = np.empty(256)
        self.n = 0
        self.end = None
        self.drawn = None  # (n, end) last drawn
        self.advance(1)  # the start point (step 0)

    def advance(self, n: int) -> None:
        for _ in range(n):
            if self.end is not None:
                return
            record = next(self.generator)
            if isinstance(record, core.DescentPoint):
                if self.n == len(self._f):
                    self._xy = np.concatenate([self._xy, np.empty_like(self._xy)])
                    self._f = np.concatenate([self._f, np.empty_like(self._f)])
                self._xy[self.n] = record.x0, record.x1
                self._f[self.n] = record.f
                self.n += 1
            else:
                self.end = record

    @property
    def path(self) -> np.ndarray:
        """Points so far, shape (n, 2) (a view: copy before keeping it)."""
        return self._xy[:self.n]

    @property
    def values(self) -> np.ndarray:
        return self._f[:self.n]

    @property
    def step(self) -> int:
        return max(self.n - 1, 0)


def _finite_start(f, view, near):
    """The point of a coarse grid over `view` closest to `near` where f is finite (else the centre)."""
    xs, ys, Z = core.sample(f, view, 24)
    X, Y = np.meshgrid(xs, ys)
    ok = np.isfinite(Z)
    a, b, c, d = view
    if a <= near[0] <= b and c <= near[1] <= d and np.isfinite(f(*near)):
        return float(near[0]), float(near[1])
    if not ok.any():
        return (a + b) / 2, (c + d) / 2
    dist = np.where(ok, (X - near[0]) ** 2 + (Y - near[1]) ** 2, np.inf)
    j, i = np.unravel_index(np.argmin(dist), dist.shape)
    return float(round(X[j, i], 3)), float(round(Y[j, i], 3))


class DescentPlayground(QWidget):
    """Controls on the left; the field (top) and f against the step (bottom) on the right."""

    runs_finished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("descentPlayground")
        self.surface: Surface = SURFACES["sphere"]
        self.custom: Surface | None = None
        self.runs: dict[str, _Run] = {}
        self._undefined = False
        self._lut = background_lut()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_tick)
        self.range_timer = QTimer(self)
        self.range_timer.setSingleShot(True)
        self.range_timer.setInterval(150)
        self.range_timer.timeout.connect(self.redraw_field)

        self.field = FieldView()
        self.curves = ValueCurves()
        self.readout = QLabel("hover over the plot to read f there; click or drag to move the start")
        self.readout.setMinimumWidth(0)
        self.readout.setWordWrap(True)
        self.readout.setStyleSheet(f"color: {NOTE_TEXT};")
        self.readout.setObjectName("descentReadout")
        self.status = QLabel("")
        self.status.setObjectName("descentStatus")
        self.status.setTextFormat(Qt.RichText)
        self.status.setWordWrap(True)
        right = self.plot_area = QSplitter(Qt.Vertical)  # what File > Export plot saves
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self._build_run_bar())
        tl.addWidget(self.field, 1)
        tl.addWidget(self.readout)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self._build_curve_header())
        bl.addWidget(self.curves, 1)
        right.addWidget(top)
        right.addWidget(bottom)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([560, 220])

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.controls = DescentControls()
        self._adopt_controls(self.controls)
        scroll.setWidget(self.controls)
        scroll.setFixedWidth(350)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(right, 1)

        self.field.start_moved.connect(self._on_start_moved)
        self.field.hovered.connect(self._on_hover)
        self.field.range_changed.connect(self.range_timer.start)
        self.set_surface(self.surface)

    # --- building ---------------------------------------------------------------------------------

    def _adopt_controls(self, c: DescentControls) -> None:
        """Name the column's widgets here too and connect them."""
        self.function_combo, self.formula, self.note = c.function_combo, c.formula, c.note
        self.expression, self.view_spin, self.expression_error = c.expression, c.view_spin, c.expression_error
        self.show_arrows, self.gradient_combo = c.show_arrows, c.gradient_combo
        self.grid_spin, self.gradient_info = c.grid_spin, c.gradient_info
        self.optimizers, self.start_x0, self.start_x1 = c.optimizers, c.start_x0, c.start_x1
        self.function_combo.currentIndexChanged.connect(self._on_function_chosen)
        self.expression.returnPressed.connect(self._on_expression_entered)
        c.plot_button.clicked.connect(self._on_expression_entered)
        self.show_arrows.toggled.connect(self._redraw_arrows)
        self.gradient_combo.currentIndexChanged.connect(self._on_gradient_kind)
        self.grid_spin.valueChanged.connect(self._redraw_arrows)
        for b in c.preset_buttons:
            b.clicked.connect(self._on_preset_clicked)
        self.optimizers.changed.connect(self._on_settings_changed)
        for spin in (self.start_x0, self.start_x1):
            spin.valueChanged.connect(self._on_start_spin)

    def _build_run_bar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.play_button = QPushButton("Play")
        self.play_button.setObjectName("descentPlay")
        self.play_button.setCheckable(True)
        self.play_button.setMinimumWidth(70)
        self.play_button.toggled.connect(self._on_play_toggled)
        step_button = QPushButton("Step")
        step_button.setObjectName("descentStep")
        step_button.setToolTip("one update of every ticked optimizer")
        step_button.clicked.connect(self.single_step)
        reset_button = QPushButton("Reset")
        reset_button.setObjectName("descentReset")
        reset_button.setToolTip("forget the trajectories; the next Play starts from the start point")
        reset_button.clicked.connect(self._on_settings_changed)
        for b in (self.play_button, step_button, reset_button):
            row.addWidget(b)
        row.addSpacing(12)
        row.addWidget(QLabel("steps"))
        self.steps_spin = QSpinBox()
        self.steps_spin.setObjectName("descentSteps")
        self.steps_spin.setRange(1, 20000)
        self.steps_spin.setValue(100)
        self.steps_spin.valueChanged.connect(self._on_settings_changed)
        row.addWidget(self.steps_spin)
        row.addSpacing(12)
        row.addWidget(QLabel("speed"))
        self.speed = QSlider(Qt.Horizontal)
        self.speed.setObjectName("descentSpeed")
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(3)
        self.speed.setMinimumWidth(110)
        self.speed.setMaximumWidth(160)
        self.speed.valueChanged.connect(self._on_speed)
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(90)
        row.addWidget(self.speed)
        row.addWidget(self.speed_label)
        row.addStretch(1)
        self._on_speed(self.speed.value())
        return bar

    def _build_curve_header(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        self.log_check = QCheckBox("log scale")
        self.log_check.setObjectName("descentLogScale")
        self.log_check.setToolTip("f against step on a log axis (values ≤ 0 are left out)")
        self.log_check.toggled.connect(self._on_log)
        row.addWidget(self.log_check, 0, Qt.AlignTop)
        return box

    # --- the function and its field ---------------------------------------------------------------

    def set_surface(self, surface: Surface, start=None) -> None:
        """Show `surface`: formula, view, field, default learning rates; runs are reset."""
        self.surface = surface
        self.formula.setText(f"<span style='font-size:11pt'>{surface.formula_html}</span>")
        self.note.setText(surface.note)
        custom = surface.grad is None
        item = self.gradient_combo.model().item(1)
        item.setEnabled(not custom)
        if custom and self.gradient_combo.currentIndex() == 1:
            self.gradient_combo.blockSignals(True)
            self.gradient_combo.setCurrentIndex(0)
            self.gradient_combo.blockSignals(False)
        self.optimizers.set_state(lrs=surface.lrs or {})
        self.field.set_view(surface.view)
        self.field.set_minima(surface.minima)
        self.set_start(*(surface.start if start is None else start), reset=False)
        self.reset()
        self.redraw_field()

    def _gradient_kind(self) -> str:
        return "analytic" if self.gradient_combo.currentIndex() == 1 and self.surface.grad else "numerical"

    @Slot()
    def redraw_field(self) -> None:
        """Resample the background, contours and arrows for the visible range (a few ms)."""
        self._redraw_background()
        self._redraw_arrows()

    def _redraw_background(self) -> None:
        f = self.surface.f
        a, b, c, d = view = self.field.visible_range()
        _, _, Z = core.sample(f, view, IMAGE_RES)
        # contours on a coarser grid: smooth enough, and a third of the cost
        xs, ys, Zc = core.sample(f, view, CONTOUR_RES)
        levels = core.rank_levels(Zc, 14)
        pairs = np.concatenate(core.contour_segments(xs, ys, Zc, levels)) if len(levels) else np.empty((0, 2))
        self.field.set_background(colorize(core.equalize(Z), self._lut), (a, c, b - a, d - c), pairs)
        self._undefined = not np.isfinite(Z).all()

    @Slot()
    def _redraw_arrows(self) -> None:
        s = self.surface
        a, b, c, d = view = self.field.visible_range()
        n = self.grid_spin.value()
        undefined = " White: f is not finite there." if self._undefined else ""
        if not self.show_arrows.isChecked():
            self.field.set_arrows(np.empty((0, 2)))
            self.gradient_info.setText(undefined.strip())
            return
        points, numerical = core.gradient_field(s.f, view, n)
        grads, differ = numerical, None
        if s.grad is not None:
            _, analytic = core.gradient_field(s.f, view, n, grad=s.grad)
            rel = core.gradient_difference(numerical, analytic)
            bad = ~(rel <= DIFFER_THRESHOLD)
            differ = points[bad]
            worst = float(np.nanmax(rel)) if np.isfinite(rel).any() else float("nan")
            if bad.any():
                info = (f"Analytic and numerical gradients differ at {int(bad.sum())} of {len(rel)} "
                        f"grid points (circled in red; largest relative difference {worst:.1e}).")
            else:
                info = (f"Analytic and numerical gradients agree on this {n}×{n} grid "
                        f"(largest relative difference {worst:.1e}).")
            if self._gradient_kind() == "analytic":
                grads = analytic
        else:
            info = "A typed-in function has only the numerical gradient (central differences, h = 1e-4)."
        pairs, _ = core.quiver_segments(points, grads, ((b - a) / n, (d - c) / n))
        self.field.set_arrows(pairs, differ)
        self.gradient_info.setText(f"Arrows: −∇f, {self._gradient_kind()}; length follows |∇f|, capped. "
                                   f"{info}{undefined}")

    @Slot(int)
    def _on_function_chosen(self, index: int) -> None:
        key = self.function_combo.itemData(index)
        if key == CUSTOM:
            if self.custom is not None:
                self.set_surface(self.custom)
            else:
                self.expression.setFocus()
                self.expression_error.setText("Type a formula above and press Enter.")
            return
        self.expression_error.setText("")
        self.set_surface(SURFACES[key])

    @Slot()
    def _on_expression_entered(self) -> None:
        self.set_expression(self.expression.text())

    def set_expression(self, text: str) -> bool:
        """Parse and show a typed-in f; on error say why under the field and keep the current one."""
        try:
            expr = parse_expression(text)
        except ExpressionError as exc:
            self.expression_error.setText(str(exc))
            return False
        self.expression_error.setText("")
        if self.expression.text() != text:
            self.expression.setText(text)
        w = self.view_spin.value()  # half-width of the typed-in function's view
        view = (-w, w, -w, w)
        start = _finite_start(expr, view, self.field.start_point())
        self.custom = Surface(CUSTOM, "Your own f(x₀, x₁)", expr.formula, expr.formula_html, expr, None,
                              view, start, (), "Your function: only the numerical gradient is known.",
                              dict(DEFAULT_LR, sgd=0.1))
        self.function_combo.blockSignals(True)
        self.function_combo.setCurrentIndex(self.function_combo.findData(CUSTOM))
        self.function_combo.blockSignals(False)
        self.set_surface(self.custom)
        return True

    @Slot(int)
    def _on_gradient_kind(self, _index: int) -> None:
        self.reset()
        self._redraw_arrows()

    # --- start point ------------------------------------------------------------------------------

    def set_start(self, x0: float, x1: float, reset: bool = True) -> None:
        self.field.set_start(x0, x1)
        for spin, value in ((self.start_x0, x0), (self.start_x1, x1)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        if reset:
            self.reset()

    def start_point(self) -> tuple[float, float]:
        return self.field.start_point()

    @Slot(float, float)
    def _on_start_moved(self, x0: float, x1: float) -> None:
        self.set_start(x0, x1)

    @Slot(float)
    def _on_start_spin(self, _value: float) -> None:
        self.set_start(self.start_x0.value(), self.start_x1.value())

    @Slot(float, float)
    def _on_hover(self, x0: float, x1: float) -> None:
        f = float(self.surface.value(x0, x1))
        with np.errstate(all="ignore"):
            g = numerical_gradient_2d(self.surface.f, [[x0, x1]])[0]
        self.readout.setText(f"x₀ = {x0:.4g}   x₁ = {x1:.4g}   f = {f:.6g}   "
                             f"∇f ≈ ({g[0]:.4g}, {g[1]:.4g})")

    # --- runs -------------------------------------------------------------------------------------

    @Slot()
    def _on_preset_clicked(self) -> None:
        self.apply_preset(self.sender().property("preset"))

    def apply_preset(self, name: str) -> None:
        """One of the book's experiments: function, optimizers and their rates, start, steps; then play."""
        key, lrs, start, steps = PRESETS[name]
        self.stop()
        self.function_combo.blockSignals(True)
        self.function_combo.setCurrentIndex(self.function_combo.findData(key))
        self.function_combo.blockSignals(False)
        if self.gradient_combo.currentIndex() != 0:  # the book's runs use the numerical gradient
            self.gradient_combo.blockSignals(True)
            self.gradient_combo.setCurrentIndex(0)
            self.gradient_combo.blockSignals(False)
        self.set_surface(SURFACES[key], start)  # also frames the function's own view again
        self.optimizers.set_state(checked=set(lrs), lrs=lrs)
        self.steps_spin.blockSignals(True)
        self.steps_spin.setValue(steps)
        self.steps_spin.blockSignals(False)
        self.set_start(*start)
        self.play()

    def _ensure_runs(self) -> bool:
        if self.runs:
            return True
        grad = self.surface.grad if self._gradient_kind() == "analytic" else None
        start = self.start_point()
        for name, lr in self.optimizers.selected():
            gen = core.descend(self.surface.f, start, name, lr, self.steps_spin.value(), grad,
                               self.surface.view)
            self.runs[name] = _Run(name, gen)
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
        if on and self._ensure_runs():
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
        if self._ensure_runs():
            self.advance(1)

    @Slot()
    def _on_settings_changed(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Stop and forget the runs (the next Play or Step starts again from the start point)."""
        self.stop()
        self._clear_runs()

    def _clear_runs(self) -> None:
        for run in self.runs.values():
            run.generator.close()
        self.runs.clear()
        self.field.clear_paths()
        self.curves.clear_curves()
        self.status.setText("")

    def _steps_per_tick(self) -> int:
        return max(1, round(SPEEDS[self.speed.value()] * self.timer.interval() / 1000))

    @Slot()
    def _on_tick(self) -> None:
        self.advance(self._steps_per_tick())

    def advance(self, n: int) -> None:
        """Move every unfinished run n steps, then redraw each once (one setData per curve)."""
        for run in self.runs.values():
            run.advance(n)
            if run.drawn == (run.n, run.end):
                continue  # finished earlier: nothing new to draw
            run.drawn = (run.n, run.end)
            note = run.end.message if run.end is not None and run.end.reason != "finished" else ""
            if run.n:
                self.field.set_path(run.name, run.path, note.split(" (")[0])
                self.curves.set_values(run.name, run.values)
        self._update_status()
        if self.finished():
            self.stop()
            self.runs_finished.emit()

    def finished(self) -> bool:
        return bool(self.runs) and all(r.end is not None for r in self.runs.values())

    def _update_status(self) -> None:
        lines = []
        for run in self.runs.values():
            color = OPTIMIZER_COLORS[run.name]
            head = f"<span style='color:{color}'>■</span> <b>{OPTIMIZER_LABELS[run.name]}</b>"
            if run.end is not None and run.end.reason != "finished":
                lines.append(f"{head}: <span style='color:{ERROR_TEXT}'>{run.end.message}</span>")
            elif run.n:
                x0, x1 = run.path[-1]
                done = " (done)" if run.end is not None else ""
                lines.append(f"{head}: step {run.step}{done}, f = {run.values[-1]:.4g} at "
                             f"({x0:.4g}, {x1:.4g})")
        if self.curves.hidden_nonpositive:
            lines.append(f"<span style='color:{NOTE_TEXT}'>values ≤ 0 are left out of the log-scale "
                         "plot</span>")
        self.status.setText("<br>".join(lines))

    @Slot(int)
    def _on_speed(self, index: int) -> None:
        sps = SPEEDS[index]
        self.timer.setInterval(max(TICK_MS, int(1000 / sps)))
        self.speed_label.setText(f"{sps} steps/s")

    @Slot(bool)
    def _on_log(self, on: bool) -> None:
        self.curves.set_log(on)
        self._update_status()

    def shutdown(self) -> None:
        self.timer.stop()
        self.range_timer.stop()
        self.reset()
