"""The gradient-descent panel: functions, start point, optimizer races, divergence, parser, tabs."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QPushButton

from nnstudio.core.nn.optimizers import OPTIMIZERS
from nnstudio.core.playground.surfaces import SURFACES
from nnstudio.gui.panels.descent.panel import DescentPanel
from nnstudio.gui.panels.descent.playground import PRESETS

PRESET_NAMES = list(PRESETS)


@pytest.fixture
def panel(qtbot):
    p = DescentPanel(None)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    yield p
    p.shutdown()
    from nnstudio.gui import workers_registry

    qtbot.waitUntil(lambda: not workers_registry.live_threads(), timeout=30_000)  # a field job ends soon


def run_to_end(pg, limit=100000):
    pg._ensure_runs()
    while not pg.finished() and limit:
        pg.advance(50)
        limit -= 1
    assert pg.finished()


@pytest.mark.parametrize("key", list(SURFACES))
def test_each_function_loads_and_every_optimizer_descends(panel, key):
    pg = panel.playground
    pg.function_combo.setCurrentIndex(pg.function_combo.findData(key))
    s = SURFACES[key]
    assert pg.surface.key == key
    assert pg.formula.text() and "<sub>" in pg.formula.text()
    assert pg.field.arrows.getData()[0] is not None and len(pg.field.arrows.getData()[0]) > 0
    assert pg.field.image.image is not None
    a, b, c, d = s.view
    start = (a + 0.3 * (b - a), c + 0.7 * (d - c))
    pg.field.place_start(*start)  # what a click does
    assert pg.start_point() == pytest.approx(start)
    assert (pg.start_x0.value(), pg.start_x1.value()) == pytest.approx(start, abs=1e-3)
    pg.optimizers.set_state(checked=set(OPTIMIZERS), lrs=s.lrs)
    pg.steps_spin.setValue(40)
    run_to_end(pg)
    assert set(pg.runs) == set(OPTIMIZERS)
    for name, run in pg.runs.items():
        assert run.path[0] == pytest.approx(start)
        assert run.values[-1] < run.values[0], name
        if key != "saddle":  # the saddle has no bottom: leaving the view is the right answer there
            assert run.end.reason == "finished", (name, run.end)
    assert set(pg.field.paths) == set(OPTIMIZERS)
    assert set(pg.curves.curves) == set(OPTIMIZERS)


def test_book_preset_ends_near_origin(panel):
    pg = panel.playground
    pg.apply_preset(PRESET_NAMES[0])
    assert pg.timer.isActive()  # presets start playing
    run_to_end(pg)
    run = pg.runs["sgd"]
    assert run.step == 100
    assert run.path[-1] == pytest.approx((-6.11110793e-10, 8.14814391e-10), rel=1e-6)
    assert "step 100" in pg.status.text()
    assert not pg.timer.isActive()


def test_huge_lr_is_labelled_diverged_and_view_stays(panel):
    pg = panel.playground
    pg.field.vb.setRange(xRange=(0, 1), yRange=(0, 1))  # zoomed in: the preset frames the view again
    pg.apply_preset(PRESET_NAMES[1])
    run_to_end(pg)
    end = pg.runs["sgd"].end
    assert end.diverged and end.steps == 2
    assert "diverged after 2 steps" in pg.status.text()
    assert "diverged after 2 steps" in pg.field.notes["sgd"].toPlainText()
    a, b, c, d = pg.field.visible_range()
    # the view framed again (equal scales may show more of the wider axis), no jump to 1e13
    assert -15 < a < -4.9 and 4.9 < b < 15 and -15 < c < -4.9 and 4.9 < d < 15
    pg.log_check.setChecked(True)  # log scale of exploding values draws quietly


def test_tiny_lr_barely_moves(panel):
    pg = panel.playground
    pg.apply_preset(PRESET_NAMES[2])
    run_to_end(pg)
    assert pg.runs["sgd"].path[-1] == pytest.approx((-3.0, 4.0), abs=1e-6)


def test_comparison_preset_runs_four_optimizers(panel):
    pg = panel.playground
    pg.apply_preset(PRESET_NAMES[3])
    assert pg.surface.key == "elongated" and pg.start_point() == pytest.approx((-7.0, 2.0))
    run_to_end(pg)
    assert set(pg.runs) == {"sgd", "momentum", "adagrad", "adam"}
    assert all(r.values[-1] < r.values[0] / 10 for r in pg.runs.values())
    assert pg.field.legend.isVisible()


def test_play_animates_with_the_timer_then_stops(panel, qtbot):
    pg = panel.playground
    pg.speed.setValue(pg.speed.maximum())
    pg.steps_spin.setValue(60)
    with qtbot.waitSignal(pg.runs_finished, timeout=10000):
        pg.play_button.click()
    assert pg.runs["sgd"].step == 60 and not pg.timer.isActive()
    assert pg.play_button.text() == "Play"


def test_step_pause_and_reset(panel):
    pg = panel.playground
    pg.single_step()
    pg.single_step()
    assert pg.runs["sgd"].step == 2 and len(pg.field.paths["sgd"][1].getData()[0]) == 3
    pg.play()
    pg.stop()
    assert not pg.timer.isActive()
    pg.reset()
    assert not pg.runs and not pg.field.paths and not pg.curves.curves


def test_hover_reads_f_and_gradient(panel):
    pg = panel.playground
    pg._on_hover(1.0, 2.0)
    assert "f = 5" in pg.readout.text() and "∇f ≈ (2, 4)" in pg.readout.text()


def test_mouse_click_sets_the_start(panel, qtbot):
    pg = panel.playground
    field = pg.field
    scene_pos = field.vb.mapViewToScene(QPointF(1.5, -2.0))
    qtbot.mouseClick(field.viewport(), Qt.LeftButton, pos=field.mapFromScene(scene_pos))
    assert field.start_point() == pytest.approx((1.5, -2.0), abs=0.1)
    assert pg.start_x0.value() == pytest.approx(1.5, abs=0.1)


def test_dragging_the_start_marker(panel):
    pg = panel.playground
    pg.single_step()
    pg.field.start.setPos(QPointF(2.0, -1.0))
    pg.field.start.sigPositionChangeFinished.emit(pg.field.start)  # what the end of a drag sends
    assert (pg.start_x0.value(), pg.start_x1.value()) == pytest.approx((2.0, -1.0))
    assert not pg.runs  # old trajectories are gone
    pg.start_x0.setValue(-1.0)  # typing a coordinate moves the marker
    assert pg.field.start_point() == pytest.approx((-1.0, -1.0))


def test_custom_view_width(panel):
    pg = panel.playground
    pg.view_spin.setValue(50.0)
    assert pg.set_expression("x0**2/100 + x1**2/10")
    assert pg.surface.view == (-50.0, 50.0, -50.0, 50.0)
    a, b, c, d = pg.field.visible_range()
    assert a < -49 and b > 49


def test_expression_refused_keeps_previous_function(panel):
    pg = panel.playground
    before = pg.surface
    for bad in ("__import__('os')", "x0.__class__", "(lambda: 0)()", "9**9**9", "x0 +"):
        assert not pg.set_expression(bad)
        assert pg.expression_error.text()
        assert pg.surface is before
    assert "not an allowed function" in (pg.set_expression("__import__('os')") or pg.expression_error.text())


def test_expression_accepted_has_only_the_numerical_gradient(panel):
    pg = panel.playground
    pg.expression.setText("sin(x0)*cos(x1) + 0.1*x0**2")
    pg.expression.returnPressed.emit()
    assert pg.surface.key == "custom" and pg.expression_error.text() == ""
    assert pg.function_combo.currentData() == "custom"
    assert not pg.gradient_combo.model().item(1).isEnabled()
    assert "only the numerical gradient" in pg.gradient_info.text()
    run_to_end(pg)
    run = pg.runs["sgd"]
    assert run.values[-1] < run.values[0]
    pg.function_combo.setCurrentIndex(0)  # back to a built-in, then to the typed one again
    pg.function_combo.setCurrentIndex(pg.function_combo.findData("custom"))
    assert pg.surface.formula_html.endswith("0.1·x<sub>0</sub><sup>2</sup>")
    assert pg.expression.text() == "sin(x0)*cos(x1) + 0.1*x0**2"


def test_function_undefined_in_part_of_the_view_is_drawn_where_finite(panel):
    pg = panel.playground
    assert pg.set_expression("log(x0) + x1**2")
    img = pg.field.image.image
    alpha = img[..., 3]
    assert (alpha == 0).any() and (alpha == 255).any()  # transparent where x0 <= 0
    assert "not finite" in pg.gradient_info.text()
    assert np.isfinite(pg.surface.value(*pg.start_point()))  # the start moved to where f exists


def test_analytic_toggle_and_agreement_message(panel, qtbot):
    pg = panel.playground
    assert "agree" in pg.gradient_info.text() and "numerical" in pg.gradient_info.text()
    pg.gradient_combo.setCurrentIndex(1)  # redraws may run in a worker (a slow last one): wait
    qtbot.waitUntil(lambda: "analytic" in pg.gradient_info.text(), timeout=20_000)
    pg.grid_spin.setValue(40)
    qtbot.waitUntil(lambda: len(pg.field.arrows.getData()[0]) > 6 * 1000, timeout=20_000)
    pg.show_arrows.setChecked(False)

    def no_arrows():
        xs = pg.field.arrows.getData()[0]
        return not pg.painter.busy() and (xs is None or len(xs) == 0)

    qtbot.waitUntil(no_arrows, timeout=20_000)


def test_log_scale_leaves_out_non_positive_values(panel):
    pg = panel.playground
    pg.function_combo.setCurrentIndex(pg.function_combo.findData("saddle"))
    pg.log_check.setChecked(True)
    run_to_end(pg)
    assert pg.curves.hidden_nonpositive and "left out" in pg.status.text()


def test_invalid_learning_rate_is_flagged(panel):
    pg = panel.playground
    edit = pg.optimizers.edits["sgd"]
    edit.setText("fast")
    edit.editingFinished.emit()
    assert "learning rate" in pg.optimizers.error.text()
    assert pg.optimizers.selected() == []
    pg.single_step()
    assert "Tick at least one optimizer" in pg.status.text()


def test_numerical_differentiation_tab(panel):
    diff = panel.diff
    panel.tabs.setCurrentIndex(1)
    diff.set_x(5.0)
    assert "<b>0.2000</b>" in diff.numbers.text() and "0.2000000000" in diff.numbers.text()
    diff.spin.setValue(10.0)
    assert "<b>0.3000</b>" in diff.numbers.text() and "0.3000000000" in diff.numbers.text()
    assert diff.slider.value() == 100
    diff.findChild(QPushButton, "descentDiffAt5").click()
    assert diff.x == 5.0 and diff.spin.value() == 5.0
    assert "1e-50" in diff.note.text() and "gives 0" in diff.note.text()
    x, y = diff.forward_curve.getData()
    assert len(x) == 161


def test_export_plot(panel, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "descent"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)"))
    assert panel.export_plot() == str(target) + ".png"
    assert (tmp_path / "descent.png").stat().st_size > 1000


def test_panel_in_main_window(main_window):
    panel = main_window.panels["descentPanel"]
    assert isinstance(panel, DescentPanel)


# --- fits and tells the truth ---------------------------------------------------------------------

LONG = "+".join(f"sin(x0*{k})*cos(x1*{k})" for k in range(1, 9))  # no spaces to break at


def test_long_formula_wraps_inside_the_fixed_column(panel, qtbot):
    pg = panel.playground
    assert pg.set_expression(LONG)
    scroll = pg.controls.parentWidget().parentWidget()
    qtbot.waitUntil(lambda: pg.controls.width() <= scroll.viewport().width())
    assert pg.controls.minimumSizeHint().width() <= scroll.viewport().width()
    for b in pg.controls.preset_buttons:  # every preset keeps its whole text
        assert b.width() >= b.sizeHint().width(), b.text()
    plot = pg.controls.plot_button
    right = plot.mapTo(pg.controls, plot.rect().topRight()).x()
    assert plot.isVisible() and right <= scroll.viewport().width()


def test_equal_scales_make_circles_round(panel, qtbot):
    pg = panel.playground
    for width, height in ((1200, 800), (1400, 600)):
        panel.resize(width, height)
        qtbot.waitUntil(lambda: abs(pg.field.pixel_aspect() - 1) < 0.01)
    pg.controls.equal_scale.setChecked(False)  # the view may fill a wide plot when asked
    qtbot.waitUntil(lambda: abs(pg.field.pixel_aspect() - 1) > 0.2)


def test_view_width_frames_every_function(panel):
    pg = panel.playground
    for key in ("sphere", "rosenbrock"):
        pg.function_combo.setCurrentIndex(pg.function_combo.findData(key))
        a, b, c, d = SURFACES[key].view
        assert pg.view_spin.value() == pytest.approx(max(b - a, d - c) / 2, rel=0.05)  # (with padding)
        pg.view_spin.setValue(1.0)
        x0, x1, y0, y1 = pg.field.visible_range()
        assert y1 - y0 < 2.5 and x1 - x0 < 2.5 * 2  # zoomed to ±1 (equal scales: wider in x0)
        assert (x0 + x1) / 2 == pytest.approx((a + b) / 2, abs=0.05)
    pg.field.vb.scaleBy((2, 2))  # the mouse wheel zooms out: the spin follows instead of lying
    pg.field.vb.sigRangeChangedManually.emit([True, True])
    x0, x1, y0, y1 = pg.field.visible_range()
    assert pg.view_spin.value() == pytest.approx(min(x1 - x0, y1 - y0) / 2, abs=0.01)
    assert pg.view_spin.value() > 1.5


def test_switching_function_clears_formula_note_and_readout(panel):
    pg = panel.playground
    assert pg.set_expression("x0**4 + x1**2")
    pg._on_hover(1.0, 1.0)
    assert "f = 2" in pg.readout.text()
    pg.function_combo.setCurrentIndex(pg.function_combo.findData("saddle"))
    assert pg.expression.text() == "" and "f = " not in pg.readout.text()
    assert "saddle" in pg.note.text() and "x<sub>0</sub><sup>2</sup> − " in pg.formula.text().replace("\u200b", "")
    pg.function_combo.setCurrentIndex(pg.function_combo.findData("custom"))
    assert pg.expression.text() == "x0**4 + x1**2"


def test_value_chart_rescales_for_a_new_run(panel):
    pg = panel.playground
    pg.apply_preset(PRESET_NAMES[1])  # lr 10: f explodes to about 1e6
    run_to_end(pg)
    pg.curves.getPlotItem().getViewBox().setYRange(0, 1e7)
    pg.apply_preset(PRESET_NAMES[0])
    run_to_end(pg)
    vb = pg.curves.getPlotItem().getViewBox()
    vb.updateAutoRange()
    assert vb.viewRange()[1][1] < 100  # f ≤ 25 now, not the last run's 1e6


def test_tiny_lr_shows_the_change_it_made(panel):
    pg = panel.playground
    pg.apply_preset(PRESET_NAMES[2])
    run_to_end(pg)
    text = pg.status.text()
    # 100 steps of x <- x(1 − 2e-10) from |x| = 5: f = 25(1 − 4e-8) and the point moved 5·2e-8
    assert "Δf = -1e-06" in text and "moved 1e-07" in text


def test_speed_text_is_what_the_timer_does(panel):
    from nnstudio.core.playground.race import SPEEDS

    race = panel.playground.race
    for i, sps in enumerate(SPEEDS):
        panel.playground.speed.setValue(i)
        ticks = 1000 / race.timer.interval()
        from nnstudio.core.playground.race import steps_per_tick
        n = steps_per_tick(sps, race.timer.interval())
        assert n * ticks == pytest.approx(sps)
        assert race.speed_label.text().startswith(f"{n} step")


# --- the book's examples --------------------------------------------------------------------------

def test_partial_derivatives_tab_draws_the_books_slices(panel):
    tab = panel.partials
    panel.tabs.setCurrentWidget(tab)
    assert tab.point == (3.0, 4.0)
    x, y = tab.slices[0].getData()
    assert np.allclose(y, x ** 2 + 16)  # x1 held at 4
    tx, ty = tab.tangents[0].getData()
    assert np.allclose(ty, 6 * (tx - 3) + 25, atol=1e-6)  # slope ∂f/∂x0 = 6 through (3, 25)
    x, y = tab.slices[1].getData()
    assert np.allclose(y, 9 + x ** 2)  # x0 held at 3
    tx, ty = tab.tangents[1].getData()
    assert np.allclose(ty, 8 * (tx - 4) + 25, atol=1e-6)
    assert "6.0000000000" in tab.numbers.text() and "8.0000000000" in tab.numbers.text()
    tab.spins[0].setValue(-1.0)
    assert tab.point == (-1.0, 4.0) and "-2.0000000000" in tab.numbers.text()


@pytest.mark.parametrize("key", ["sin", "exp", "cube"])
def test_error_lab_function_choice_draws_the_central_v(panel, key):
    from nnstudio.core.playground.calculus import FUNCTIONS_1D

    diff = panel.diff
    diff.function_combo.setCurrentIndex(diff.function_combo.findData(key))
    fn = FUNCTIONS_1D[key]
    assert diff.fn is fn and diff.x == fn.x
    x, y = diff.f_curve.getData()
    assert np.allclose(y, fn.f(x))
    hs, err = diff.central_curve.getData()
    err = np.asarray(err)
    i = int(np.nanargmin(err))
    assert 0 < i < len(err) - 1 and err[-1] > 100 * err[i] and np.nanmax(err[:i]) > 100 * err[i]  # a V
    assert "its own V" in diff.note.text()
    assert not diff.book_buttons[0].isVisible()
    diff.function_combo.setCurrentIndex(diff.function_combo.findData("book"))
    assert diff.x == 5.0 and "<b>0.2000</b>" in diff.numbers.text()


def test_decay_rates_are_editable_and_used(panel):
    pg = panel.playground
    opts = pg.optimizers
    opts.set_state(checked={"momentum", "adam"}, lrs={"momentum": 0.1, "adam": 0.3})
    for (name, key), text in ((("momentum", "momentum"), "0"), (("adam", "beta1"), "0.5"),
                              (("adam", "beta2"), "0.9")):
        opts.decay_edits[name, key].setText(text)
        opts.decay_edits[name, key].editingFinished.emit()
    assert dict((n, o) for n, _, o in opts.entrants()) == {"momentum": {"momentum": 0.0},
                                                          "adam": {"beta1": 0.5, "beta2": 0.9}}
    pg.single_step()
    pg.single_step()
    run = pg.runs["momentum"]  # β = 0: the velocity is just the last step
    assert run.path[-1] - run.path[-2] == pytest.approx(np.asarray(run.velocity))
    edit = opts.decay_edits["adam", "beta2"]
    edit.setText("1")
    edit.editingFinished.emit()
    assert "[0, 1)" in opts.error.text() and [n for n, _ in opts.selected()] == ["momentum"]


def test_optimizer_state_is_drawn_after_a_step(panel):
    pg = panel.playground
    pg.optimizers.set_state(checked={"sgd", "momentum", "adagrad", "rmsprop", "adam"})
    pg.single_step()
    pg.single_step()
    x, y = pg.field.velocities["momentum"].getData()
    run = pg.runs["momentum"]
    assert len(x) == 6 and (x[0], y[0]) == pytest.approx(tuple(run.path[-1]))
    assert (x[1] - x[0], y[1] - y[0]) == pytest.approx(run.velocity)  # the arrow is v, from the head
    assert "sgd" not in pg.field.velocities
    text = pg.status.text()
    assert "velocity (" in text
    for name in ("adagrad", "rmsprop", "adam"):
        s0, s1 = pg.runs[name].step_size
        assert f"x₀ {s0:.3g}, x₁ {s1:.3g}" in text
    pg.reset()
    assert not pg.field.velocities


def test_slow_redraws_leave_the_gui_thread_and_the_latest_wins(panel, qtbot):
    from nnstudio.gui import workers_registry

    pg = panel.playground
    pg.painter.async_after_ms = -1.0  # as if the last redraw had been slow
    pg.field.vb.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    pg.redraw_field()
    assert pg.painter.busy()  # the GUI thread went on
    pg.field.vb.setRange(xRange=(-2, 2), yRange=(-2, 2), padding=0)
    latest = pg.field.visible_range()
    with qtbot.waitSignal(pg.painter.painted, timeout=20_000):
        pg.redraw_field()
    # the range timer may ask again (same view); wait until every job has ended and been applied
    # the image shows the view as it is now, never the first request's (0, 1) square (equal scales
    # may still widen the view a little while the panel's layout settles on a busy machine: the
    # range timer then asks for one more redraw)
    qtbot.waitUntil(lambda: not pg.painter.busy() and not workers_registry.live_threads()
                    and not pg.range_timer.isActive(), timeout=20_000)
    assert pg.field.visible_range()[:2] == pytest.approx(latest[:2], rel=0.05)
    latest = pg.field.visible_range()
    rect = pg.field.image.boundingRect()
    scale = pg.field.image.mapRectToParent(rect)
    assert (scale.left(), scale.right()) == pytest.approx((latest[0], latest[1]))
    assert (scale.top(), scale.bottom()) == pytest.approx((latest[2], latest[3]))


def test_a_new_function_is_drawn_at_once_even_when_slow(panel):
    pg = panel.playground
    pg.painter.async_after_ms = -1.0
    pg.function_combo.setCurrentIndex(pg.function_combo.findData("himmelblau"))
    assert not pg.painter.busy() and len(pg.field.arrows.getData()[0]) > 0
