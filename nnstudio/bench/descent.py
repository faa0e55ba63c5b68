"""Benchmark: the descent playground's gradient grids, field drawing, descent steps and a GUI redraw."""

from __future__ import annotations

import os
import time

from nnstudio.bench import median_seconds


def _median_ms(fn, repeats: int) -> float:
    return median_seconds(fn, repeats) * 1000


def run(repeats: int = 20, gui: bool = True) -> dict:
    from nnstudio.core.playground import descent as core
    from nnstudio.core.playground import fields
    from nnstudio.core.playground.expression import parse_expression
    from nnstudio.core.nn.gradient import numerical_gradient
    from nnstudio.core.nn.optimizers import OPTIMIZERS
    from nnstudio.core.playground.surfaces import SURFACES

    s = SURFACES["rosenbrock"]
    figures = {}
    figures["grad_grid_40_vectorised_ms"] = _median_ms(lambda: fields.gradient_field(s.f, s.view, 40), repeats)
    points, grads = fields.gradient_field(s.f, s.view, 40)

    def loop_grid():  # the same 1600 gradients through the engine's per-point numerical_gradient
        for p in points:
            numerical_gradient(lambda x: s.f(x[0], x[1]), p.copy())

    figures["grad_grid_40_loop_ms"] = _median_ms(loop_grid, max(3, repeats // 5))
    figures["quiver_40_ms"] = _median_ms(lambda: fields.quiver_segments(points, grads, (0.1, 0.1)), repeats)

    def background():
        _, _, z = fields.sample(s.f, s.view, 160)
        fields.equalize(z)
        xs, ys, zc = fields.sample(s.f, s.view, 90)
        fields.contour_segments(xs, ys, zc, fields.rank_levels(zc, 14))

    figures["background_160_contours_90_ms"] = _median_ms(background, repeats)
    figures["field_layers_40_ms"] = _median_ms(lambda: fields.field_layers(s.f, s.view, 40, grad=s.grad), repeats)
    custom = parse_expression("sin(x0)*cos(x1) + 0.1*x0**2 + exp(-x1**2)")
    figures["custom_grid_160_ms"] = _median_ms(lambda: fields.sample(custom, s.view, 160), repeats)
    for name in OPTIMIZERS:
        t0 = time.perf_counter()
        r = core.run_descent(s.f, s.start, name, s.lrs[name], 2000, view=s.view)
        figures[f"steps_per_s_{name}"] = len(r.values) / (time.perf_counter() - t0)
    print(f"descent: 40x40 numerical gradients {figures['grad_grid_40_vectorised_ms']:.2f} ms vectorised "
          f"(numerical_gradient_2d) vs {figures['grad_grid_40_loop_ms']:.1f} ms point by point; "
          f"quiver geometry {figures['quiver_40_ms']:.2f} ms")
    print(f"descent: background 160x160 + contours {figures['background_160_contours_90_ms']:.1f} ms "
          f"(all field layers with 40x40 arrows: {figures['field_layers_40_ms']:.1f} ms); "
          f"typed-in f on 160x160 {figures['custom_grid_160_ms']:.2f} ms")
    print("descent: steps/s (numerical gradient): " + ", ".join(
        f"{n} {figures[f'steps_per_s_{n}']:,.0f}" for n in OPTIMIZERS))
    if gui:
        figures.update(_gui_figures(repeats))
    return figures


def _gui_figures(repeats: int) -> dict:
    """Full redraw (background, contours, 40x40 arrows) and a 6-optimizer animation tick, offscreen."""
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from nnstudio.gui.panels.descent.playground import DescentPlayground
    except ImportError:
        print("descent: GUI figures skipped (no PySide6)")
        return {}
    from nnstudio.core.nn.optimizers import OPTIMIZERS

    app = QApplication.instance() or QApplication([])
    w = DescentPlayground()
    w.resize(1200, 800)
    w.show()
    app.processEvents()
    w.function_combo.setCurrentIndex(w.function_combo.findData("rosenbrock"))
    w.grid_spin.setValue(40)
    w.painter.async_after_ms = float("inf")  # everything on the GUI thread: the whole cost
    redraw = _median_ms(w.redraw_field, max(5, repeats // 2))
    arrows = _median_ms(w._redraw_arrows, max(5, repeats // 2))
    w.painter.async_after_ms = -1.0  # in a JobWorker: what the GUI thread still spends per request

    def request():
        w.redraw_field()
        while w.painter.busy():  # drain before the next request (not timed: it runs elsewhere)
            app.processEvents()
            time.sleep(0.001)

    blocked = _median_ms(lambda: (w.redraw_field(), w.painter.shutdown()), max(5, repeats // 2))
    t0 = time.perf_counter()
    request()
    async_total = (time.perf_counter() - t0) * 1000
    from nnstudio.gui import workers_registry

    while workers_registry.live_threads():
        app.processEvents()
        time.sleep(0.001)
    w.painter.async_after_ms = float("inf")

    def paint():
        w.field.grab()

    repaint = _median_ms(paint, max(5, repeats // 2))
    w.optimizers.set_state(checked=set(OPTIMIZERS))
    w.steps_spin.setValue(20000)
    w._ensure_runs()
    tick = _median_ms(lambda: w.advance(6), max(5, repeats // 2))  # 200 steps/s at a 30 ms tick
    for _ in range(190):  # grow the trajectories to 19,000 points each, then time a tick there
        w.advance(100)
    late = _median_ms(lambda: w.advance(6), max(5, repeats // 2))
    w.shutdown()
    w.close()
    w.deleteLater()
    app.processEvents()
    print(f"descent GUI: a slow redraw in a JobWorker blocks the GUI thread {blocked:.1f} ms per request "
          f"(result drawn {async_total:.0f} ms later)")
    print(f"descent GUI: full field redraw with 40x40 arrows {redraw:.1f} ms (target < 100 ms), arrows "
          f"alone {arrows:.1f} ms, repaint {repaint:.1f} ms, animation tick of 6 optimizers x 6 steps "
          f"{tick:.1f} ms at the start, {late:.1f} ms after 19,000 steps (target < 50 ms)")
    return {"gui_redraw_40_ms": redraw, "gui_async_request_ms": blocked, "gui_async_total_ms": async_total, "gui_arrows_40_ms": arrows, "gui_repaint_ms": repaint,
            "gui_tick_6x6_ms": tick, "gui_tick_6x6_late_ms": late}
