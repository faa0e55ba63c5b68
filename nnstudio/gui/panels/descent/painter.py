"""The field of the playground drawn from f: equalised colour background, contours, −∇f arrows.

The maths is core's `field_layers`. A redraw that took longer than `async_after_ms` last time runs
the next ones in a JobWorker: the latest request wins, an older result still arriving is dropped.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, Signal, Slot

from nnstudio.core.playground import fields
from nnstudio.core.playground.surfaces import Surface
from nnstudio.gui.panels.descent.field import FieldView
from nnstudio.gui.panels.descent.style import background_lut, colorize
from nnstudio.gui.workers import JobWorker

ASYNC_AFTER_MS = 10.0  # a redraw slower than this (most take 20-30 ms) runs the next ones off the GUI thread


class FieldPainter(QObject):
    """Samples a surface over the field's visible range and hands the field what to show.

    painted(str) : after layers were drawn, with the sentence about the arrows. `undefined` says
    whether the last background met values of f that are not finite.
    """

    painted = Signal(str)

    def __init__(self, field: FieldView, parent=None):
        super().__init__(parent)
        self.field = field
        self.undefined = False
        self.async_after_ms = ASYNC_AFTER_MS
        self.last_ms = 0.0  # how long the last computation took (measured where it ran)
        self.job: JobWorker | None = None
        self._job_background = False
        self.dropped = 0  # results that arrived after a newer request (counted for the tests)
        self._serial = 0
        self._lut = background_lut()
        self._last = None  # (layers, kind) of the last draw: its sentence is made again on a language change

    def paint(self, surface: Surface, n: int, show: bool, kind: str, background: bool = True,
              sync: bool | None = None) -> None:
        """Draw `surface` over the visible range: at once, or in a worker when the last draw was slow
        (sync None) or as told. A newer request supersedes every one still running."""
        self._serial += 1
        serial = self._serial
        if self.job is not None:
            background = background or self._job_background  # never drop a background still owed
            self.job.cancel()  # its result is not emitted any more
            self.job = None
        args = (serial, kind, surface.f, self.field.visible_range())
        kwargs = dict(arrows=n if show else 0, grad=surface.grad, follow=kind, background=background,
                      square_cells=self.field.equal_scale())
        if sync is None:
            sync = self.last_ms <= self.async_after_ms
        if sync:
            self._apply(_timed(*args, **kwargs))
            return
        self._job_background = background
        self.job = JobWorker(_timed, *args, name="descentField", **kwargs)
        self.job.result.connect(self._apply)  # queued to this object's (the GUI) thread
        self.job.start()

    @Slot(object)
    def _apply(self, message) -> None:
        serial, kind, layers, ms = message
        if serial != self._serial:  # an older request finished late: the newer one wins
            self.dropped += 1
            return
        self.job = None
        self.last_ms = ms
        if layers.values01 is not None:
            a, b, c, d = layers.view
            self.field.set_background(colorize(layers.values01, self._lut), (a, c, b - a, d - c),
                                      layers.contours)
            self.undefined = layers.undefined
        self.field.set_arrows(layers.arrows, layers.differ if layers.compared else None)
        self._last = (layers, kind)
        self.painted.emit(self._info(layers, kind))

    def tell_again(self) -> None:
        """Emit the last draw's sentence again (in the interface language now)."""
        if self._last is not None:
            self.painted.emit(self._info(*self._last))

    def busy(self) -> bool:
        return self.job is not None

    def shutdown(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def _info(self, layers: fields.FieldLayers, kind: str) -> str:
        undefined = " " + self.tr("White: f is not finite there.") if self.undefined else ""
        if not layers.grid:
            return undefined.strip()
        n = layers.grid
        if layers.compared:
            bad = len(layers.differ)
            worst = layers.worst
            worst_text = f"{worst:.1e}" if math.isfinite(worst) else "nan"
            if bad:
                info = self.tr("Analytic and numerical gradients differ at {bad} of {compared} grid points "
                               "(circled in red; largest relative difference {worst}).").format(
                    bad=bad, compared=layers.compared, worst=worst_text)
            else:
                info = self.tr("Analytic and numerical gradients agree on this {n}×{n} grid "
                               "(largest relative difference {worst}).").format(n=n, worst=worst_text)
        else:
            info = self.tr("A typed-in function has only the numerical gradient (central differences, "
                           "h = 1e-4).")
        kind_text = self.tr("analytic") if kind == "analytic" else self.tr("numerical")
        return self.tr("Arrows: −∇f, {kind}; length follows |∇f|, capped. {info}").format(
            kind=kind_text, info=info) + undefined


def _timed(serial, kind, *args, **kwargs):
    """(serial, kind, core's field_layers, how long it took in ms), wherever it ran."""
    t0 = time.perf_counter()
    layers = fields.field_layers(*args, **kwargs)
    return serial, kind, layers, (time.perf_counter() - t0) * 1000
