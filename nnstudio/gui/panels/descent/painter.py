"""The field of the playground drawn from f: equalised colour background, contours, −∇f arrows."""

from __future__ import annotations

import numpy as np

from nnstudio.core.playground import fields
from nnstudio.core.playground.surfaces import Surface
from nnstudio.gui.panels.descent.field import FieldView
from nnstudio.gui.panels.descent.style import background_lut, colorize

IMAGE_RES = 160  # background samples per side
CONTOUR_RES = 90
DIFFER_THRESHOLD = 1e-3  # relative difference that counts as "analytic and numerical differ"


class FieldPainter:
    """Samples a surface over the field's visible range and hands the field what to show.

    `undefined` says whether the last background met values of f that are not finite.
    """

    def __init__(self, field: FieldView):
        self.field = field
        self.undefined = False
        self._lut = background_lut()

    def paint_background(self, f) -> None:
        """Colour map and contour lines of f(x0, x1) for the visible range."""
        a, b, c, d = view = self.field.visible_range()
        _, _, Z = fields.sample(f, view, IMAGE_RES)
        # contours on a coarser grid: smooth enough, and a third of the cost
        xs, ys, Zc = fields.sample(f, view, CONTOUR_RES)
        levels = fields.rank_levels(Zc, 14)
        pairs = np.concatenate(fields.contour_segments(xs, ys, Zc, levels)) if len(levels) else np.empty((0, 2))
        self.field.set_background(colorize(fields.equalize(Z), self._lut), (a, c, b - a, d - c), pairs)
        self.undefined = not np.isfinite(Z).all()

    def paint_arrows(self, surface: Surface, n: int, show: bool, kind: str) -> str:
        """−∇f on an n x n grid (none unless `show`), following the `kind` gradient ("analytic" or
        "numerical"); grid points where the two differ are circled. Returns the sentence that says so."""
        undefined = " White: f is not finite there." if self.undefined else ""
        if not show:
            self.field.set_arrows(np.empty((0, 2)))
            return undefined.strip()
        a, b, c, d = view = self.field.visible_range()
        points, numerical = fields.gradient_field(surface.f, view, n)
        grads, differ = numerical, None
        if surface.grad is not None:
            _, analytic = fields.gradient_field(surface.f, view, n, grad=surface.grad)
            rel = fields.gradient_difference(numerical, analytic)
            bad = ~(rel <= DIFFER_THRESHOLD)
            differ = points[bad]
            worst = float(np.nanmax(rel)) if np.isfinite(rel).any() else float("nan")
            if bad.any():
                info = (f"Analytic and numerical gradients differ at {int(bad.sum())} of {len(rel)} "
                        f"grid points (circled in red; largest relative difference {worst:.1e}).")
            else:
                info = (f"Analytic and numerical gradients agree on this {n}×{n} grid "
                        f"(largest relative difference {worst:.1e}).")
            if kind == "analytic":
                grads = analytic
        else:
            info = "A typed-in function has only the numerical gradient (central differences, h = 1e-4)."
        cell = ((b - a) / n, (d - c) / n)
        if self.field.equal_scale():  # square cells on screen: arrow heads undistorted
            cell = (min(cell),) * 2
        pairs, _ = fields.quiver_segments(points, grads, cell)
        self.field.set_arrows(pairs, differ)
        return f"Arrows: −∇f, {kind}; length follows |∇f|, capped. {info}{undefined}"
