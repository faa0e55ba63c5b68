"""The numerical-differentiation tab: the tangent of 0.01x² + 0.1x, and difference error against h."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSlider,
                               QVBoxLayout, QWidget)

from nnstudio.core.playground.descent import difference_errors, tangent_line
from nnstudio.core.nn.gradient import forward_diff, numerical_diff
from nnstudio.core.playground.surfaces import function_1, function_1_grad
from nnstudio.gui import theme
from nnstudio.gui.panels.descent.style import NOTE_TEXT, PLOT_BACKGROUND, style_plot

X_RANGE = (0.0, 20.0)
SLIDER_STEPS = 200  # 0.1 per notch
HS = np.logspace(-20, 0, 161)
BOOK_H = 1e-4


class NumericalDiffTab(QWidget):
    """Left: f(x) = 0.01x² + 0.1x with its tangent at x. Right: |error| of forward and central
    differences against h on log-log axes at the same x, with the book's h = 1e-4 marked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("descentDiffTab")
        self.curve_plot = pg.PlotWidget(background=PLOT_BACKGROUND)
        self.curve_plot.setObjectName("descentDiffCurve")
        p = self.curve_plot.getPlotItem()
        style_plot(p)
        p.setMenuEnabled(False)
        p.setTitle("f(x) = 0.01x² + 0.1x and its tangent", color="#222222", size="11pt")
        p.setLabel("bottom", "x")
        p.setLabel("left", "f(x) = 0.01x² + 0.1x")
        p.showGrid(x=True, y=True, alpha=0.2)
        p.addLegend(offset=(10, 10), labelTextColor="#222222", brush=pg.mkBrush(255, 255, 255, 215))
        xs = np.linspace(*X_RANGE, 201)
        p.plot(xs, function_1(xs), pen=theme.pen(theme.BLUE, 2.5), name="f(x)")
        self.tangent = p.plot(pen=theme.pen(theme.VERMILLION, 2, dashed=True), name="tangent (numerical slope)")
        self.point = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(theme.VERMILLION), pen=pg.mkPen("w"))
        p.addItem(self.point)
        p.setXRange(*X_RANGE, padding=0.02)
        p.setYRange(-1.0, 6.0, padding=0)

        self.error_plot = pg.PlotWidget(background=PLOT_BACKGROUND)
        self.error_plot.setObjectName("descentDiffError")
        e = self.error_plot.getPlotItem()
        style_plot(e)
        e.setMenuEnabled(False)
        e.setLogMode(True, True)
        e.setLabel("bottom", "h")
        e.setLabel("left", "|estimate − exact f′(x)|")
        for name in ("left", "bottom"):
            e.getAxis(name).enableAutoSIPrefix(False)
        e.showGrid(x=True, y=True, alpha=0.25)
        e.addLegend(offset=(-10, 10), labelTextColor="#222222", brush=pg.mkBrush(255, 255, 255, 215))
        self.forward_curve = e.plot(pen=theme.pen(theme.ORANGE, 2), symbol="o", symbolSize=3,
                                    symbolBrush=theme.ORANGE, symbolPen=None,
                                    name="forward (f(x+h) − f(x)) / h", connect="finite")
        self.central_curve = e.plot(pen=theme.pen(theme.BLUE, 2), symbol="o", symbolSize=3,
                                    symbolBrush=theme.BLUE, symbolPen=None,
                                    name="central (f(x+h) − f(x−h)) / 2h", connect="finite")
        e.addItem(pg.InfiniteLine(np.log10(BOOK_H), angle=90, pen=theme.pen(theme.GREY, 1, dashed=True),
                                  label="book's h = 1e-4", labelOpts={"position": 0.08, "color": "#444"}))

        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName("descentDiffSlider")
        self.slider.setRange(0, SLIDER_STEPS)
        self.spin = QDoubleSpinBox()
        self.spin.setObjectName("descentDiffX")
        self.spin.setRange(*X_RANGE)
        self.spin.setDecimals(2)
        self.spin.setSingleStep(0.1)
        self.numbers = QLabel()
        self.numbers.setObjectName("descentDiffNumbers")
        self.numbers.setTextFormat(Qt.RichText)
        self.numbers.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("descentDiffNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.RichText)
        self.note.setStyleSheet(f"color: {NOTE_TEXT};")

        controls = QHBoxLayout()
        controls.addWidget(QLabel("tangent at x ="))
        controls.addWidget(self.spin)
        controls.addWidget(self.slider, 1)
        for x in (5.0, 10.0):  # the book's two tangents
            b = QPushButton(f"x = {x:g}")
            b.setObjectName(f"descentDiffAt{x:g}")
            b.setProperty("tangent_x", x)
            b.clicked.connect(self._on_book_x)
            controls.addWidget(b)
        self.plot_area = QWidget()  # what File > Export plot saves
        plots = QGridLayout(self.plot_area)
        plots.setContentsMargins(0, 0, 0, 0)
        plots.addWidget(self.curve_plot, 0, 0)
        plots.addWidget(self.error_plot, 0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot_area, 1)
        layout.addLayout(controls)
        layout.addWidget(self.numbers)
        layout.addWidget(self.note)
        self.slider.valueChanged.connect(self._on_slider)
        self.spin.valueChanged.connect(self._on_spin)
        self.x = None
        self.set_x(5.0)

    def set_x(self, x: float) -> None:
        """Draw the tangent at x and the error curves there; update the numbers."""
        x = float(np.clip(x, *X_RANGE))
        if x == self.x:
            return
        self.x = x
        for w, v in ((self.spin, x), (self.slider, round((x - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0]) * SLIDER_STEPS))):
            w.blockSignals(True)
            w.setValue(v)
            w.blockSignals(False)
        slope, intercept = tangent_line(function_1, x, BOOK_H)
        tx = np.array(X_RANGE)
        self.tangent.setData(tx, slope * tx + intercept)
        self.point.setData([x], [function_1(x)])
        self.error_plot.getPlotItem().setTitle(f"error of the difference quotients at x = {x:.2f}",
                                               color="#222222", size="11pt")
        fwd, cen = difference_errors(function_1, function_1_grad, x, HS)
        zeros = int((fwd == 0).sum() + (cen == 0).sum())
        # log axes cannot show 0: exact hits are left out (and counted in the note)
        self.forward_curve.setData(HS, np.where(fwd > 0, fwd, np.nan))
        self.central_curve.setData(HS, np.where(cen > 0, cen, np.nan))
        exact = function_1_grad(x)
        central = numerical_diff(function_1, x, BOOK_H)
        forward = forward_diff(function_1, x, BOOK_H)
        self.numbers.setText(
            f"At x = {x:.2f}: exact f′(x) = 0.02x + 0.1 = <b>{exact:.4f}</b> &nbsp;·&nbsp; "
            f"central difference (h = 1e-4) = <b>{central:.10f}</b> &nbsp;·&nbsp; "
            f"forward difference (h = 1e-4) = <b>{forward:.10f}</b>")
        tiny = numerical_diff(function_1, x, 1e-50)
        self.note.setText(
            f"Shrinking h trades truncation error for rounding error. Large h: truncation, O(h) for the "
            "forward difference (the rising right end), O(h²) for the central one (exact for this "
            "quadratic, up to rounding). Small h: f(x + h) − f(x) loses its digits to rounding and "
            "dividing by h magnifies the loss. Tiny h: x + h rounds to x, both differences are 0 and the "
            f"error is |f′(x)| (the flat left end); the book's h = 1e-50 gives {tiny:g} in float64."
            + (f" {zeros} exact zero errors are not drawn (0 has no place on a log axis)." if zeros else ""))

    @Slot()
    def _on_book_x(self) -> None:
        self.set_x(float(self.sender().property("tangent_x")))

    @Slot(int)
    def _on_slider(self, value: int) -> None:
        self.set_x(X_RANGE[0] + (X_RANGE[1] - X_RANGE[0]) * value / SLIDER_STEPS)

    @Slot(float)
    def _on_spin(self, value: float) -> None:
        self.set_x(value)
