"""The 2D tab: pick or type f(x0, x1), see its gradient field, race optimizers from a start point."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from nnstudio.core.playground.expression import ExpressionError, parse_expression
from nnstudio.core.nn.gradient import numerical_gradient_2d
from nnstudio.core.nn.optimizers import DEFAULT_LR
from nnstudio.core.playground.surfaces import SURFACES, Surface, finite_start
from nnstudio.gui.panels.descent.controls import COLUMN_WIDTH, CUSTOM, PRESETS, DescentControls, breakable
from nnstudio.gui.panels.descent.curves import ValueCurves
from nnstudio.gui.panels.descent.field import FieldView
from nnstudio.gui.panels.descent.painter import FieldPainter
from nnstudio.gui.panels.descent.race import RaceRunner
from nnstudio.gui.panels.descent.style import NOTE_TEXT
from nnstudio.gui import names
from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.panels.descent.formula_errors import formula_error
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.widgets.signals import blocked


HOVER_HINT = QT_TRANSLATE_NOOP("DescentPlayground", "hover over the plot to read f there; click or drag to move the start")
CUSTOM_NOTE = QT_TRANSLATE_NOOP("DescentPlayground", "Your function: only the numerical gradient is known.")


class DescentPlayground(Retranslatable, QWidget):
    """Controls on the left; the field (top) and f against the step (bottom) on the right."""

    runs_finished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("descentPlayground")
        self.surface: Surface = SURFACES["sphere"]
        self.custom: Surface | None = None
        self.range_timer = QTimer(self)
        self.range_timer.setSingleShot(True)
        self.range_timer.setInterval(150)
        self.range_timer.timeout.connect(self.redraw_field)

        self.field = FieldView()
        self.curves = ValueCurves()
        self.painter = FieldPainter(self.field, self)
        self.painter.painted.connect(self._on_painted)
        self.race = RaceRunner(self.field, self.curves, self._course, self)
        self._adopt_race(self.race)
        self.readout = QLabel()
        self.hover = None  # where the mouse last was: the readout is made again on a language change
        self.error_text = None  # the formula error shown: (kind, text)
        self.readout.setMinimumWidth(0)
        self.readout.setWordWrap(True)
        self.readout.setStyleSheet(f"color: {NOTE_TEXT};")
        self.readout.setObjectName("descentReadout")
        right = self.plot_area = QSplitter(Qt.Vertical)  # what File > Export plot saves
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.race.bar)
        tl.addWidget(self.field, 1)
        tl.addWidget(self.readout)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.race.header)
        bl.addWidget(self.curves, 1)
        right.addWidget(top)
        right.addWidget(bottom)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)
        # below these the panel scrolls (PanelScroll) instead of squeezing the plots flat
        self.field.setMinimumHeight(200)
        self.curves.setMinimumHeight(90)
        right.setSizes([560, 220])

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.controls = DescentControls()
        self._adopt_controls(self.controls)
        scroll.setWidget(self.controls)
        scroll.setFixedWidth(COLUMN_WIDTH)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(right, 1)

        self.field.start_moved.connect(self._on_start_moved)
        self.field.hovered.connect(self._on_hover)
        self.field.range_changed.connect(self._on_range_changed)
        self.set_surface(self.surface)
        self.retranslate()

    def retranslate(self) -> None:
        """The texts that depend on the state; the column, bar and plots translate themselves."""
        self._show_note()
        self._show_readout()
        self._show_expression_error()
        self.race.retranslate()
        self.painter.tell_again()  # the sentence under the arrows

    # --- building ---------------------------------------------------------------------------------

    def _adopt_controls(self, c: DescentControls) -> None:
        """Name the column's widgets here too and connect them."""
        self.function_combo, self.formula, self.note = c.function_combo, c.formula, c.note
        self.expression, self.view_spin, self.expression_error = c.expression, c.view_spin, c.expression_error
        self.show_arrows, self.gradient_combo = c.show_arrows, c.gradient_combo
        self.grid_spin, self.gradient_info = c.grid_spin, c.gradient_info
        self.optimizers, self.start_x0, self.start_x1 = c.optimizers, c.start_x0, c.start_x1
        self.function_combo.currentIndexChanged.connect(self._on_function_chosen)
        self.view_spin.valueChanged.connect(self._on_view_width)
        c.equal_scale.toggled.connect(self._on_equal_scale)
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

    def _adopt_race(self, r: RaceRunner) -> None:
        """Name the race's widgets and timer here too, and pass its end on."""
        self.timer, self.status, self.log_check = r.timer, r.status, r.log_check
        self.play_button, self.steps_spin, self.speed = r.play_button, r.steps_spin, r.speed
        r.runs_finished.connect(self.runs_finished)

    # --- the function and its field ---------------------------------------------------------------

    def set_surface(self, surface: Surface, start=None) -> None:
        """Show `surface`: formula, view, field, default learning rates; runs are reset."""
        self.surface = surface
        self.formula.setText(f"<span style='font-size:11pt'>{breakable(surface.formula_html)}</span>")
        self._show_note()
        self.hover = None  # the old function's f and ∇f would be wrong here
        self._show_readout()
        self._set_expression_error(None)
        with blocked(self.expression, self.view_spin):
            # the typed formula belongs to "Your own f" only; the view's half-width to this function
            self.expression.setText(surface.source if surface.key == CUSTOM else "")
            a, b, c, d = surface.view
            self.view_spin.setValue(max(b - a, d - c) / 2)
        custom = surface.grad is None
        item = self.gradient_combo.model().item(1)
        item.setEnabled(not custom)
        if custom and self.gradient_combo.currentIndex() == 1:
            with blocked(self.gradient_combo):
                self.gradient_combo.setCurrentIndex(0)
        self.optimizers.set_state(lrs=surface.lrs or {})
        self.field.set_view(surface.view)
        self.field.set_minima(surface.minima)
        self.set_start(*(surface.start if start is None else start), reset=False)
        self.reset()
        self._paint(background=True, sync=True)  # at once: the old function's field would be wrong

    def _gradient_kind(self) -> str:
        return "analytic" if self.gradient_combo.currentIndex() == 1 and self.surface.grad else "numerical"

    @Slot()
    def redraw_field(self) -> None:
        """Resample the background, contours and arrows for the visible range: at once, or in a
        worker when the last redraw was slow (a typed-in f, a busy machine; the latest one wins)."""
        self._paint(background=True, sync=None)

    @Slot()
    def _redraw_arrows(self) -> None:
        self._paint(background=False, sync=None)

    def _paint(self, background: bool, sync) -> None:
        self.painter.paint(self.surface, self.grid_spin.value(), self.show_arrows.isChecked(),
                           self._gradient_kind(), background=background, sync=sync)

    @Slot(str)
    def _on_painted(self, info: str) -> None:
        self.gradient_info.setText(info)

    @Slot(int)
    def _on_function_chosen(self, index: int) -> None:
        key = self.function_combo.itemData(index)
        if key == CUSTOM:
            if self.custom is not None:
                self.set_surface(self.custom)
            else:
                self.expression.setFocus()
                self._set_expression_error("enter")
            return
        self._set_expression_error(None)
        self.set_surface(SURFACES[key])

    @Slot()
    def _on_expression_entered(self) -> None:
        self.set_expression(self.expression.text())

    def set_expression(self, text: str) -> bool:
        """Parse and show a typed-in f; on error say why under the field and keep the current one."""
        try:
            expr = parse_expression(text)
        except ExpressionError as exc:
            self._set_expression_error("formula", str(exc))
            return False
        self._set_expression_error(None)
        if self.expression.text() != text:
            self.expression.setText(text)
        w = self.view_spin.value()  # half-width of the typed-in function's view
        view = (-w, w, -w, w)
        start = finite_start(expr, view, self.field.start_point())
        self.custom = Surface(CUSTOM, "Your own f(x₀, x₁)", expr.formula, expr.formula_html, expr, None,
                              view, start, (), CUSTOM_NOTE,
                              dict(DEFAULT_LR, sgd=0.1), source=text)
        with blocked(self.function_combo):
            self.function_combo.setCurrentIndex(self.function_combo.findData(CUSTOM))
        self.set_surface(self.custom)
        return True

    def _show_note(self) -> None:
        note = self.surface.note
        self.note.setText(translate("DescentPlayground", note) if note == CUSTOM_NOTE else names.description(note))

    def _set_expression_error(self, kind, text: str = "") -> None:
        """None (no error), "enter" (type a formula first) or "formula" (core's message `text`)."""
        self.error_text = None if kind is None else (kind, text)
        self._show_expression_error()

    def _show_expression_error(self) -> None:
        if self.error_text is None:
            self.expression_error.setText("")
        elif self.error_text[0] == "enter":
            self.expression_error.setText(self.tr("Type a formula above and press Enter."))
        else:
            self.expression_error.setText(formula_error(self.error_text[1]))

    @Slot(float)
    def _on_view_width(self, w: float) -> None:
        """Frame [−w, w]² around the function's centre, whichever function is shown."""
        a, b, c, d = self.surface.view
        cx, cy = (a + b) / 2, (c + d) / 2
        view = (cx - w, cx + w, cy - w, cy + w)
        if self.surface.key == CUSTOM:  # a typed-in f is defined by its view: runs escape 100× of it
            self.custom = self.surface = self.surface.with_(view=view)
            self.reset()
        self.field.set_view(view)
        self.redraw_field()

    @Slot()
    def _on_range_changed(self) -> None:
        """Panned, zoomed or resized: "view ±" follows the zoom (the shorter side), the field redraws soon."""
        a, b, c, d = self.field.visible_range()
        with blocked(self.view_spin):
            self.view_spin.setValue(min(b - a, d - c) / 2)
        self.range_timer.start()

    @Slot(bool)
    def _on_equal_scale(self, on: bool) -> None:
        self.field.set_equal_scale(on)
        self.redraw_field()

    @Slot(int)
    def _on_gradient_kind(self, _index: int) -> None:
        self.reset()
        self._redraw_arrows()

    # --- start point ------------------------------------------------------------------------------

    def set_start(self, x0: float, x1: float, reset: bool = True) -> None:
        self.field.set_start(x0, x1)
        with blocked(self.start_x0, self.start_x1):
            self.start_x0.setValue(x0)
            self.start_x1.setValue(x1)
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
        self.hover = (x0, x1)
        self._show_readout()

    def _show_readout(self) -> None:
        if self.hover is None:
            self.readout.setText(translate("DescentPlayground", HOVER_HINT))
            return
        x0, x1 = self.hover
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
        with blocked(self.function_combo):
            self.function_combo.setCurrentIndex(self.function_combo.findData(key))
        if self.gradient_combo.currentIndex() != 0:  # the book's runs use the numerical gradient
            with blocked(self.gradient_combo):
                self.gradient_combo.setCurrentIndex(0)
        self.set_surface(SURFACES[key], start)  # also frames the function's own view again
        self.optimizers.set_state(checked=set(lrs), lrs=lrs)
        with blocked(self.steps_spin):
            self.steps_spin.setValue(steps)
        self.set_start(*start)
        self.play()

    def _course(self) -> tuple:
        """What the race runs on: (f, start, [(optimizer, lr, options), ...], analytic grad or None, view)."""
        grad = self.surface.grad if self._gradient_kind() == "analytic" else None
        return self.surface.f, self.start_point(), self.optimizers.entrants(), grad, self.surface.view

    @Slot()
    def _on_settings_changed(self) -> None:
        self.reset()

    # the race under the names the panel, the tests and the benchmark use: RaceRunner does the work

    @property
    def runs(self) -> dict:
        return self.race.runs

    def _ensure_runs(self) -> bool:
        return self.race.ensure_runs()

    def play(self) -> None:
        self.race.play()

    def stop(self) -> None:
        self.race.stop()

    def single_step(self) -> None:
        self.race.single_step()

    def reset(self) -> None:
        """Stop and forget the runs (the next Play or Step starts again from the start point)."""
        self.race.reset()

    def advance(self, n: int) -> None:
        self.race.advance(n)

    def finished(self) -> bool:
        return self.race.finished()

    def shutdown(self) -> None:
        self.range_timer.stop()
        self.painter.shutdown()
        self.race.shutdown()
