"""The partial-derivatives tab: the book's f(x0, x1) = x0² + x1² cut along each axis at a point, the
slice drawn with its tangent, whose slope is the partial derivative ((6, 8) at (3, 4))."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nnstudio.core.playground.calculus import partial_derivatives, partial_slice
from nnstudio.core.playground.surfaces import sphere, sphere_grad
from nnstudio.gui import theme
from nnstudio.gui.panels.descent.style import NOTE_TEXT, PLOT_BACKGROUND, rename_item, style_plot
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.widgets.signals import blocked

BOOK_POINT = (3.0, 4.0)
_SUB = ("₀", "₁")


class PartialsTab(Retranslatable, QWidget):
    """Two slices of x0² + x1² through a point: x1 held fixed (left) and x0 held fixed (right)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("descentPartialsTab")
        self.plots, self.slices, self.tangents, self.points = [], [], [], []
        self.plot_area = QWidget()  # what File > Export plot saves
        grid = QGridLayout(self.plot_area)
        grid.setContentsMargins(0, 0, 0, 0)
        for axis in (0, 1):
            w = pg.PlotWidget(background=PLOT_BACKGROUND)
            w.setObjectName(f"descentPartialPlot{axis}")
            p = w.getPlotItem()
            style_plot(p)
            p.setMenuEnabled(False)
            p.showGrid(x=True, y=True, alpha=0.2)
            p.setLabel("bottom", f"x{_SUB[axis]}")
            p.addLegend(offset=(10, 10), labelTextColor="#222222", brush=pg.mkBrush(255, 255, 255, 215))
            self.slices.append(p.plot(pen=theme.pen(theme.BLUE, 2.5), name="slice of f"))
            self.tangents.append(p.plot(pen=theme.pen(theme.VERMILLION, 2, dashed=True),
                                        name="∂f/∂x" + _SUB[axis]))
            dot = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(theme.VERMILLION), pen=pg.mkPen("w"))
            p.addItem(dot)
            self.points.append(dot)
            self.plots.append(w)
            grid.addWidget(w, 0, axis)
        self.spins = []
        row = QHBoxLayout()
        self.at_label = QLabel()
        row.addWidget(self.at_label)
        for axis in (0, 1):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"descentPartialAt{axis}")
            spin.setRange(-10.0, 10.0)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            spin.valueChanged.connect(self._on_spin)
            row.addWidget(spin)
            self.spins.append(spin)
        self.book_button = book = QPushButton()
        book.setObjectName("descentPartialBook")
        book.clicked.connect(self._on_book)
        row.addWidget(book)
        row.addStretch(1)
        self.numbers = QLabel()
        self.numbers.setObjectName("descentPartialNumbers")
        self.numbers.setTextFormat(Qt.RichText)
        self.numbers.setWordWrap(True)
        self.note = note = QLabel()
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {NOTE_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot_area, 1)
        layout.addLayout(row)
        layout.addWidget(self.numbers)
        layout.addWidget(note)
        self.point = None
        self.set_point(*BOOK_POINT)
        self.retranslate()

    def retranslate(self) -> None:
        for axis in (0, 1):
            p = self.plots[axis].getPlotItem()
            rename_item(p, self.slices[axis], self.tr("slice of f"))
            rename_item(p, self.tangents[axis], self.tr("tangent: slope = {partial}").format(
                partial="∂f/∂x" + _SUB[axis]))
        self.at_label.setText(self.tr("at the point (x₀, x₁) ="))
        self.book_button.setText(self.tr("the book's (3, 4)"))
        self.note.setText(self.tr(
            "A partial derivative holds every other variable fixed: cutting f(x₀, x₁) = x₀² + x₁² "
            "at x₁ = 4 leaves the 1D function x₀² + 16, whose slope at x₀ = 3 is ∂f/∂x₀ = 6; "
            "cutting at x₀ = 3 leaves 9 + x₁², slope 8 at x₁ = 4. Together: the gradient (6, 8)."))
        self._texts()

    def set_point(self, x0: float, x1: float) -> None:
        """Cut the bowl through (x0, x1) along each axis; draw both slices, tangents and numbers."""
        self.point = (float(x0), float(x1))
        with blocked(*self.spins):
            for spin, v in zip(self.spins, self.point):
                spin.setValue(v)
        for axis in (0, 1):
            s = partial_slice(sphere, self.point, axis)
            self.slices[axis].setData(s.t, s.values)
            self.tangents[axis].setData(s.t, s.tangent)
            self.points[axis].setData([self.point[axis]], [sphere(*self.point)])
            p = self.plots[axis].getPlotItem()
            p.setYRange(min(s.values.min(), s.tangent.min()), s.values.max(), padding=0.05)
        self._texts()

    def _texts(self) -> None:
        """Titles, axis labels and numbers for the point shown, in the interface language."""
        x0, x1 = self.point
        fixed = (f"x₁ = {x1:g}", f"x₀ = {x0:g}")
        rest = (f"x₀² + {x1 ** 2:g}", f"{x0 ** 2:g} + x₁²")
        for axis in (0, 1):
            p = self.plots[axis].getPlotItem()
            p.setTitle(self.tr("{fixed} held fixed: f = {rest}").format(fixed=fixed[axis], rest=rest[axis]),
                       color="#222222", size="11pt")
            p.setLabel("left", self.tr("f(x₀, x₁) with {fixed}").format(fixed=fixed[axis]))
        g = partial_derivatives(sphere, self.point)
        e = sphere_grad(*self.point)
        self.numbers.setText(
            self.tr("At ({x0}, {x1}): ∂f/∂x₀ ≈ <b>{g0}</b> (exact 2x₀ = {e0}) &nbsp;·&nbsp; "
                    "∂f/∂x₁ ≈ <b>{g1}</b> (exact 2x₁ = {e1}) &nbsp;·&nbsp; ∇f = ({g0short}, {g1short})").format(
                x0=f"{x0:g}", x1=f"{x1:g}", g0=f"{g[0]:.10f}", e0=f"{e[0]:g}", g1=f"{g[1]:.10f}",
                e1=f"{e[1]:g}", g0short=f"{g[0]:.4g}", g1short=f"{g[1]:.4g}"))

    @Slot(float)
    def _on_spin(self, _value: float) -> None:
        self.set_point(self.spins[0].value(), self.spins[1].value())

    @Slot()
    def _on_book(self) -> None:
        self.set_point(*BOOK_POINT)
