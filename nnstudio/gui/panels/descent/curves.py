"""f against the step for each running optimizer, with a log-scale option."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.panels.descent.style import OPTIMIZER_COLORS, OPTIMIZER_LABELS, PLOT_BACKGROUND, style_plot


class ValueCurves(Retranslatable, pg.PlotWidget):
    """One curve per optimizer (the status lines above it are its colour key). On the log scale, values ≤ 0 cannot be drawn: they are left out and
    `hidden_nonpositive` says so (the saddle, a typed-in function)."""

    def __init__(self, parent=None):
        super().__init__(parent, background=PLOT_BACKGROUND)
        self.setObjectName("descentValues")
        plot = self.getPlotItem()
        style_plot(plot)
        plot.setMenuEnabled(False)
        plot.showGrid(x=True, y=True, alpha=0.2)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.values: dict[str, np.ndarray] = {}
        self.log = False
        self.hidden_nonpositive = False
        self.retranslate()

    def retranslate(self) -> None:
        plot = self.getPlotItem()
        plot.setLabel("bottom", self.tr("step"))
        plot.setLabel("left", self.tr("f(x₀, x₁), log scale") if self.log else "f(x₀, x₁)")

    def set_values(self, name: str, values) -> None:
        if name not in self.curves:
            color = OPTIMIZER_COLORS[name]
            curve = pg.PlotDataItem(pen=pg.mkPen(color, width=2), name=OPTIMIZER_LABELS[name])
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.getPlotItem().addItem(curve)
            self.curves[name] = curve
        self.values[name] = np.asarray(values, float)
        self._draw(name)

    def set_log(self, log: bool) -> None:
        self.log = bool(log)
        self.getPlotItem().setLogMode(False, self.log)
        self.retranslate()
        for name in self.curves:
            self._draw(name)
        self.getPlotItem().enableAutoRange()

    def clear_curves(self) -> None:
        for curve in self.curves.values():
            self.getPlotItem().removeItem(curve)
        self.curves.clear()
        self.values.clear()
        self.hidden_nonpositive = False
        self.getPlotItem().enableAutoRange()  # a new run gets axes of its own, not the last one's zoom

    def _draw(self, name):
        y = self.values[name]
        if self.log:
            bad = ~(y > 0)
            if bad.any():
                self.hidden_nonpositive = True
                y = np.where(bad, np.nan, y)
        self.curves[name].setData(np.arange(len(y)), y, connect="finite")
