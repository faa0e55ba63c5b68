"""The numerical-differentiation tab: a function's tangent, and the difference quotients' error against h
(the book's 0.01x² + 0.1x, or sin, exp, x³ whose central difference draws its own V)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QSlider, QVBoxLayout, QWidget)

from nnstudio.core.nn.gradient import forward_diff, numerical_diff
from nnstudio.core.playground.calculus import FUNCTIONS_1D, error_v
from nnstudio.core.playground.descent import tangent_line
from nnstudio.gui import theme
from nnstudio.gui.panels.descent.style import NOTE_TEXT, PLOT_BACKGROUND, rename_item, style_plot
from nnstudio.gui import names
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.widgets.signals import blocked

SLIDER_STEPS = 200  # 0.1 per notch on the book's [0, 20]
HS = np.logspace(-20, 0, 161)
BOOK_H = 1e-4


class NumericalDiffTab(Retranslatable, QWidget):
    """Left: f (the book's 0.01x² + 0.1x by default) with its tangent at x. Right: |error| of forward
    and central differences against h on log-log axes at the same x, with the book's h = 1e-4 marked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("descentDiffTab")
        self.curve_plot = pg.PlotWidget(background=PLOT_BACKGROUND)
        self.curve_plot.setObjectName("descentDiffCurve")
        p = self.curve_plot.getPlotItem()
        style_plot(p)
        p.setMenuEnabled(False)
        p.setLabel("bottom", "x")
        p.showGrid(x=True, y=True, alpha=0.2)
        p.addLegend(offset=(10, 10), labelTextColor="#222222", brush=pg.mkBrush(255, 255, 255, 215))
        self.f_curve = p.plot(pen=theme.pen(theme.BLUE, 2.5), name="f(x)")
        self.tangent = p.plot(pen=theme.pen(theme.VERMILLION, 2, dashed=True), name="tangent")
        self.point = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(theme.VERMILLION), pen=pg.mkPen("w"))
        p.addItem(self.point)

        self.error_plot = pg.PlotWidget(background=PLOT_BACKGROUND)
        self.error_plot.setObjectName("descentDiffError")
        e = self.error_plot.getPlotItem()
        style_plot(e)
        e.setMenuEnabled(False)
        e.setLogMode(True, True)
        e.setLabel("bottom", "h")
        for name in ("left", "bottom"):
            e.getAxis(name).enableAutoSIPrefix(False)
        e.showGrid(x=True, y=True, alpha=0.25)
        e.addLegend(offset=(-10, 10), labelTextColor="#222222", brush=pg.mkBrush(255, 255, 255, 215))
        self.forward_curve = e.plot(pen=theme.pen(theme.ORANGE, 2), symbol="o", symbolSize=3,
                                    symbolBrush=theme.ORANGE, symbolPen=None,
                                    name="forward", connect="finite")
        self.central_curve = e.plot(pen=theme.pen(theme.BLUE, 2), symbol="o", symbolSize=3,
                                    symbolBrush=theme.BLUE, symbolPen=None,
                                    name="central", connect="finite")
        self.book_line = pg.InfiniteLine(np.log10(BOOK_H), angle=90, pen=theme.pen(theme.GREY, 1, dashed=True),
                                         label="h = 1e-4", labelOpts={"position": 0.08, "color": "#444"})
        e.addItem(self.book_line)

        self.function_combo = QComboBox()
        self.function_combo.setObjectName("descentDiffFunction")
        for key, fn in FUNCTIONS_1D.items():
            self.function_combo.addItem("", key)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName("descentDiffSlider")
        self.slider.setRange(0, SLIDER_STEPS)
        self.spin = QDoubleSpinBox()
        self.spin.setObjectName("descentDiffX")
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
        controls.addWidget(self.function_combo)
        self.tangent_label = QLabel()
        controls.addWidget(self.tangent_label)
        controls.addWidget(self.spin)
        controls.addWidget(self.slider, 1)
        self.book_buttons = []
        for x in (5.0, 10.0):  # the book's two tangents
            b = QPushButton(f"x = {x:g}")
            self.book_buttons.append(b)
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
        self.function_combo.currentIndexChanged.connect(self._on_function)
        self.x = None
        self.v, self.zeros = None, 0
        self.set_function("book")
        self.retranslate()

    def retranslate(self) -> None:
        for i, fn in enumerate(FUNCTIONS_1D.values()):
            self.function_combo.setItemText(i, names.description(fn.label))
        self.function_combo.setToolTip(self.tr("the book's quadratic has no third derivative, so its central "
                                               "difference is exact but for rounding; sin, eˣ and x³ show both "
                                               "arms"))
        self.tangent_label.setText(self.tr("tangent at x ="))
        e = self.error_plot.getPlotItem()
        e.setLabel("left", self.tr("|estimate − exact f′(x)|"))
        rename_item(self.curve_plot.getPlotItem(), self.tangent, self.tr("tangent (numerical slope)"))
        rename_item(e, self.forward_curve, self.tr("forward (f(x+h) − f(x)) / h"))
        rename_item(e, self.central_curve, self.tr("central (f(x+h) − f(x−h)) / 2h"))
        self.book_line.label.setFormat(self.tr("book's h = 1e-4"))
        self._texts()

    def set_function(self, key: str) -> None:
        """Differentiate FUNCTIONS_1D[key]: its curve, its range, its own tangent and error curves."""
        self.fn = fn = FUNCTIONS_1D[key]
        with blocked(self.function_combo):
            self.function_combo.setCurrentIndex(self.function_combo.findData(key))
        lo, hi = fn.x_range
        xs = np.linspace(lo, hi, 401)
        ys = fn.f(xs)
        self.f_curve.setData(xs, ys)
        p = self.curve_plot.getPlotItem()
        p.setXRange(lo, hi, padding=0.02)
        pad = 0.15 * (ys.max() - ys.min())
        p.setYRange(ys.min() - pad, ys.max() + pad, padding=0)
        with blocked(self.spin):
            self.spin.setRange(lo, hi)
        for b in self.book_buttons:  # the book's two tangents belong to its function
            b.setVisible(key == "book")
        self.x = None
        self.set_x(fn.x)

    @Slot(int)
    def _on_function(self, index: int) -> None:
        self.set_function(self.function_combo.itemData(index))

    def set_x(self, x: float) -> None:
        """Draw the tangent at x and the error curves there; update the numbers."""
        fn = self.fn
        lo, hi = fn.x_range
        x = float(np.clip(x, lo, hi))
        if x == self.x:
            return
        self.x = x
        with blocked(self.spin, self.slider):
            self.spin.setValue(x)
            self.slider.setValue(round((x - lo) / (hi - lo) * SLIDER_STEPS))
        slope, intercept = tangent_line(fn.f, x, BOOK_H)
        tx = np.array(fn.x_range)
        self.tangent.setData(tx, slope * tx + intercept)
        self.point.setData([x], [fn.f(x)])
        v = self.v = error_v(fn, x, HS)
        fwd, cen = v.forward, v.central
        self.zeros = int((fwd == 0).sum() + (cen == 0).sum())
        # log axes cannot show 0: exact hits are left out (and counted in the note)
        self.forward_curve.setData(HS, np.where(fwd > 0, fwd, np.nan))
        self.central_curve.setData(HS, np.where(cen > 0, cen, np.nan))
        self._texts()

    def _texts(self) -> None:
        """The titles, axis label and sentences for the function and x shown, in the interface language."""
        fn, x, v, zeros = self.fn, self.x, self.v, self.zeros
        label = names.description(fn.label)
        short = label.split(" (")[0].split("（")[0]
        p = self.curve_plot.getPlotItem()
        p.setTitle(self.tr("{f} and its tangent").format(f=short), color="#222222", size="11pt")
        p.setLabel("left", short)
        self.error_plot.getPlotItem().setTitle(self.tr("difference error at x = {x}").format(x=f"{x:.2f}"),
                                               color="#222222", size="11pt")
        exact = fn.df(x)
        central = numerical_diff(fn.f, x, BOOK_H)
        forward = forward_diff(fn.f, x, BOOK_H)
        sep = " &nbsp;·&nbsp; "
        self.numbers.setText(
            self.tr("At x = {x}: exact f′(x) = {derivative} = <b>{exact}</b>").format(
                x=f"{x:.2f}", derivative=fn.derivative, exact=f"{exact:.4f}") + sep
            + self.tr("central difference (h = 1e-4) = <b>{value}</b>").format(value=f"{central:.10f}") + sep
            + self.tr("forward difference (h = 1e-4) = <b>{value}</b>").format(value=f"{forward:.10f}"))
        tiny = numerical_diff(fn.f, x, 1e-50)
        central_right = (self.tr("exact for this quadratic, up to rounding: no right arm") if fn.key == "book" else
                         self.tr("its own V, least error at h ≈ {h}").format(h=f"{v.best_central:.0e}"))
        text = self.tr(
            "Shrinking h trades truncation error for rounding error. Large h: truncation, O(h) for the "
            "forward difference (the rising right end; least error at h ≈ {h_forward}), O(h²) "
            "for the central one ({central}). Small h: f(x + h) − f(x) loses its digits to "
            "rounding and dividing by h magnifies the loss. Tiny h: x + h rounds to x, both differences "
            "are 0 and the error is |f′(x)| (the flat left end); the book's h = 1e-50 gives {tiny} in "
            "float64.").format(h_forward=f"{v.best_forward:.0e}", central=central_right, tiny=f"{tiny:g}")
        if zeros:
            text += " " + (self.tr("{n} exact zero errors are not drawn (0 has no place on a log axis).")
                           if zeros != 1 else
                           self.tr("{n} exact zero error is not drawn (0 has no place on a log axis).")).format(n=zeros)
        self.note.setText(text)

    @Slot()
    def _on_book_x(self) -> None:
        self.set_x(float(self.sender().property("tangent_x")))

    @Slot(int)
    def _on_slider(self, value: int) -> None:
        lo, hi = self.fn.x_range
        self.set_x(lo + (hi - lo) * value / SLIDER_STEPS)

    @Slot(float)
    def _on_spin(self, value: float) -> None:
        self.set_x(value)
