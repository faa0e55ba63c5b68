"""Activation functions and their derivatives over an adjustable range."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QFormLayout, QGridLayout, QLabel

from nnstudio.core.nn import functions as F
from nnstudio.gui.i18n import translate
from nnstudio.gui.panels.concepts.base import (FOREGROUND, PALETTE, ExplorerPage, error_label, heading,
                                               make_plot, set_heading, set_plot_texts)
from nnstudio.gui.widgets.signals import blocked

NAMES = {"step": QT_TRANSLATE_NOOP("ActivationsExplorer", "step"), "sigmoid": "sigmoid", "tanh": "tanh",
         "relu": "ReLU", "leaky_relu": "leaky ReLU",
         "identity": QT_TRANSLATE_NOOP("ActivationsExplorer", "identity")}
SHOWN_AT_START = ("step", "sigmoid", "relu")
N_POINTS = 1201


class ActivationsExplorer(ExplorerPage):
    """Check a function to draw it, check its "f′" box to add its derivative (dashed)."""

    def __init__(self, context=None, parent=None):
        super().__init__("activations", parent)
        self.setObjectName("activationsExplorer")
        self.functions = {name: F.ACTIVATIONS[name] for name in NAMES}
        self.colors = {name: PALETTE[i] for i, name in enumerate(NAMES)}

        self.range_heading = heading()
        self.controls.addWidget(self.range_heading)
        form = QFormLayout()
        self.form = form
        self.x_min = self._spin(-6.0, "xMinSpin")
        self.x_max = self._spin(6.0, "xMaxSpin")
        self.leaky_slope = QDoubleSpinBox(objectName="leakySlopeSpin", decimals=3, minimum=0.0,
                                          maximum=0.5, singleStep=0.01, value=F.LEAKY_SLOPE)
        self.probe = self._spin(0.5, "probeSpin")
        for spin in (self.x_min, self.x_max, self.leaky_slope, self.probe):
            form.addRow(QLabel(), spin)
        self.controls.addLayout(form)
        self.range_error = error_label()
        self.controls.addWidget(self.range_error)

        self.functions_heading = heading()
        self.controls.addWidget(self.functions_heading)
        grid = QGridLayout()
        self.shown, self.derivative = {}, {}
        for row, name in enumerate(NAMES):
            box = QCheckBox(objectName=f"show_{name}", checked=name in SHOWN_AT_START)
            box.setStyleSheet(f"color: {self.colors[name]}; font-weight: bold;")
            deriv = QCheckBox("f′", objectName=f"deriv_{name}", checked=name == "step")
            box.toggled.connect(self.refresh)
            deriv.toggled.connect(self.refresh)
            grid.addWidget(box, row, 0)
            grid.addWidget(deriv, row, 1)
            self.shown[name], self.derivative[name] = box, deriv
        self.controls.addLayout(grid)

        self.values_heading = heading()
        self.controls.addWidget(self.values_heading)
        self.probe_label = QLabel(objectName="probeLabel", textFormat=Qt.RichText)
        self.probe_label.setWordWrap(True)
        self.controls.addWidget(self.probe_label)
        self.controls.addStretch(1)

        self.plot = make_plot()
        self.legend = self.plot.addLegend(offset=(10, 10), labelTextColor=FOREGROUND,
                                          brush=pg.mkBrush(255, 255, 255, 220))
        self.probe_line = pg.InfiniteLine(pos=self.probe.value(), angle=90, movable=True,
                                          pen=pg.mkPen("#555555", width=1, style=Qt.DotLine))
        self.probe_line.sigPositionChanged.connect(self._on_probe_dragged)
        self.main.addWidget(self.plot)
        self.curves = {}
        for spin in (self.x_min, self.x_max, self.leaky_slope):
            spin.valueChanged.connect(self.refresh)
        self.probe.valueChanged.connect(self._on_probe_spin)
        self.retranslate()

    def retranslate(self) -> None:
        set_heading(self.range_heading, self.tr("Range of x"))
        set_heading(self.functions_heading, self.tr("Functions (f) and derivatives (f′, dashed)"))
        set_heading(self.values_heading, self.tr("Values at the probe"))
        for spin, text in ((self.x_min, self.tr("from")), (self.x_max, self.tr("to")),
                           (self.leaky_slope, self.tr("leaky ReLU slope")), (self.probe, self.tr("probe at x ="))):
            self.form.labelForField(spin).setText(text)
        for name, box in self.shown.items():
            box.setText(self.fn_title(name))
        set_plot_texts(self.plot, self.tr("Activation functions"), "x", "f(x), f′(x)")
        if hasattr(self, "step_note"):
            self.step_note.setText(self._step_note_text())
        self.refresh()

    def fn_title(self, name: str) -> str:
        return translate("ActivationsExplorer", NAMES[name])

    def _step_note_text(self) -> str:
        return self.tr("step′ = 0 for every x ≠ 0 (undefined at 0):\nno slope, so nothing to learn from")

    def _spin(self, value, name):
        spin = QDoubleSpinBox(objectName=name, decimals=2, minimum=-1000.0, maximum=1000.0,
                              singleStep=0.5, value=value)
        spin.setKeyboardTracking(False)
        return spin

    def evaluate(self, name: str, x):
        """(f(x), f'(x)) for one function; the leaky slope comes from its spin box."""
        if name == "leaky_relu":
            a = self.leaky_slope.value()
            return F.leaky_relu(x, a), F.leaky_relu_grad(x, a)
        f, df = self.functions[name]
        return f(x), df(x)

    def _build_curves(self):
        """Every curve and the step note, made once; refresh() only sets their data and visibility."""
        self.all_curves = {}
        for name in NAMES:
            color = self.colors[name]
            self.all_curves[name] = (name, pg.PlotDataItem(pen=pg.mkPen(color, width=2.5)))
            self.all_curves[name + "'"] = (name, pg.PlotDataItem(pen=pg.mkPen(color, width=2,
                                                                               style=Qt.DashLine)))
        for _, curve in self.all_curves.values():
            self.plot.addItem(curve)
        self.step_note = pg.TextItem(self._step_note_text(), color=self.colors["step"], anchor=(0, 0),
                                     fill=pg.mkBrush(255, 255, 255, 210))
        self.plot.addItem(self.step_note)
        self.plot.addItem(self.probe_line)
        view = self.plot.getPlotItem().getViewBox()
        view.sigRangeChanged.connect(self.place_note)
        view.sigResized.connect(self.place_note)
        self.legend.geometryChanged.connect(self.place_note)

    @Slot()
    def refresh(self):
        if not hasattr(self, "all_curves"):
            self._build_curves()
        lo, hi = self.x_min.value(), self.x_max.value()
        self.legend.clear()
        self.curves = {}
        if lo >= hi:
            self.range_error.setText(self.tr("“from” ({lo}) must be smaller than “to” ({hi}).").format(
                lo=f"{lo:g}", hi=f"{hi:g}"))
            for _, curve in self.all_curves.values():
                curve.setVisible(False)
            self.step_note.setVisible(False)
            self._update_probe()
            return
        self.range_error.setText("")
        x = np.linspace(lo, hi, N_POINTS)
        if lo < 0 < hi:  # put x = 0 on the grid so the step's jump is drawn where it happens
            x = np.sort(np.append(x, [0.0, np.nextafter(0.0, 1.0)]))
        for name in NAMES:
            fx, dfx = self.evaluate(name, x)
            for key, values, box in ((name, fx, self.shown[name]), (name + "'", dfx, self.derivative[name])):
                _, curve = self.all_curves[key]
                curve.setVisible(box.isChecked())
                if box.isChecked():
                    curve.setData(x, values)
                    self.curves[key] = curve
                    self.legend.addItem(curve, self.fn_title(name) + ("′" if key.endswith("'") else ""))
        self.step_note.setVisible(self.derivative["step"].isChecked())
        self.plot.setXRange(lo, hi, padding=0.02)
        self.place_note()
        self._update_probe()

    @Slot()
    def place_note(self, *_):
        """Put the step note just under the legend (in pixels), so the legend never covers it."""
        view = self.plot.getPlotItem().getViewBox()
        box = self.legend.sceneBoundingRect()
        corner = QPointF(box.left(), box.bottom() + 6) if self.curves else view.sceneBoundingRect().topLeft()
        self.step_note.setPos(view.mapSceneToView(corner))

    @Slot(float)
    def _on_probe_spin(self, value):
        with blocked(self.probe_line):
            self.probe_line.setValue(value)
        self._update_probe()

    @Slot(object)
    def _on_probe_dragged(self, line):
        with blocked(self.probe):
            self.probe.setValue(float(line.value()))
        self._update_probe()

    def _update_probe(self):
        x = self.probe.value()
        rows = []
        for name in NAMES:
            if not (self.shown[name].isChecked() or self.derivative[name].isChecked()):
                continue
            fx, dfx = self.evaluate(name, np.array([x]))
            rows.append(f"<tr><td style='color:{self.colors[name]}'><b>{self.fn_title(name)}</b></td>"
                        f"<td align=right>&nbsp;f = {fx[0]:.4f}</td><td align=right>&nbsp;f′ = {dfx[0]:.4f}</td></tr>")
        self.probe_label.setText(f"x = {x:.2f}<table>{''.join(rows)}</table>" if rows
                                 else self.tr("Check a function to see its values."))
