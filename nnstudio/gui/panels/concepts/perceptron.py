"""Perceptrons (Nielsen ch. 1): gates with editable weights, their truth tables, and XOR."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox,
                               QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from nnstudio.core.playground import perceptron as P
from nnstudio.gui.i18n import translate
from nnstudio.gui.panels.concepts.base import (ACCENT, FOREGROUND, GOOD, PALETTE, ExplorerPage, heading,
                                               keep_range, make_plot, set_heading, set_plot_texts)
from nnstudio.gui.widgets.signals import blocked

PLANE = (-0.5, 1.5)  # the plotted square of input space
SHADE_PIXELS = 160
SHADE_COLORS = np.array([[255, 255, 255, 255], [207, 226, 243, 255]], dtype=np.uint8)  # output 0, 1
XOR_BUILDS = {  # key → (name, table columns, how the layers are wired)
    "nand_or_and": (QT_TRANSLATE_NOOP("PerceptronExplorer", "NAND and OR, then AND"), ["x1", "x2", "s1", "s2", "y"],
                    QT_TRANSLATE_NOOP("PerceptronExplorer", "s1 = NAND(x1, x2), s2 = OR(x1, x2); then y = AND(s1, s2)")),
    "four_nands": (QT_TRANSLATE_NOOP("PerceptronExplorer", "four NANDs (Nielsen)"), ["x1", "x2", "n1", "n2", "n3", "y"],
                   QT_TRANSLATE_NOOP("PerceptronExplorer", "n1 = NAND(x1, x2); n2 = NAND(x1, n1), n3 = NAND(x2, n1); "
                                                           "y = NAND(n2, n3)")),
}


def _table(columns, name) -> QTableWidget:
    table = QTableWidget(4, len(columns), objectName=name)
    table.setHorizontalHeaderLabels(columns)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + 4 * 26 + 2 * table.frameWidth())
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    return table


def _cell(text, color=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignCenter)
    if color:
        item.setForeground(pg.mkColor(color))
    return item


class PerceptronExplorer(ExplorerPage):
    """One perceptron: output 1 when w1·x1 + w2·x2 + b > 0. Which gates can it be?"""

    def __init__(self, context=None, parent=None):
        super().__init__("perceptron", parent)
        self.setObjectName("perceptronExplorer")
        form = QFormLayout()
        self.preset = QComboBox(objectName="gatePreset")
        self.preset.addItems(list(P.GATES))
        self.target = QComboBox(objectName="gateTarget")
        self.target.addItems(list(P.TARGETS))
        self.w1 = self._spin("w1Spin")
        self.w2 = self._spin("w2Spin")
        self.bias = self._spin("biasSpin")
        self.form = form
        for widget in (self.preset, self.target, self.w1, self.w2, self.bias):
            form.addRow(QLabel(), widget)
        self.controls.addLayout(form)
        self.table = _table(["x1", "x2", "w·x+b", "out", "want", ""], "truthTable")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table_heading = heading()
        self.controls.addWidget(self.table_heading)
        self.controls.addWidget(self.table)
        self.verdict = QLabel(objectName="perceptronVerdict", textFormat=Qt.RichText)
        self.verdict.setWordWrap(True)
        self.controls.addWidget(self.verdict)
        self.search_heading = heading()
        self.controls.addWidget(self.search_heading)
        self.search_label = QLabel(objectName="searchLabel", textFormat=Qt.RichText)
        self.search_label.setWordWrap(True)
        self.controls.addWidget(self.search_label)
        self.controls.addStretch(1)

        self.plot = make_plot("", "x1", "x2")
        self.plot.getPlotItem().getViewBox().setAspectLocked(True)
        self.plot.getPlotItem().setMouseEnabled(x=False, y=False)
        self.shade = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.shade)
        self.line = self.plot.plot([], [], pen=pg.mkPen(PALETTE[0], width=2.5))
        self.points = pg.ScatterPlotItem(size=18, pen=pg.mkPen(FOREGROUND, width=1.5))
        self.plot.addItem(self.points)
        self.point_texts = []
        for x1, x2 in P.INPUTS:
            text = pg.TextItem("", color=FOREGROUND, anchor=(0.5, -0.6))
            text.setPos(x1, x2)
            self.plot.addItem(text)
            self.point_texts.append(text)
        keep_range(self.plot, PLANE, PLANE)

        self.xor_build = QComboBox(objectName="xorBuild")
        for key in XOR_BUILDS:
            self.xor_build.addItem("", key)
        self.xor_table = _table(XOR_BUILDS["nand_or_and"][1], "xorTable")
        self.xor_wiring = QLabel(objectName="xorWiring")
        self.xor_wiring.setWordWrap(True)
        xor_box = QGroupBox()
        self.xor_box = xor_box
        xor_layout = QVBoxLayout(xor_box)
        xor_layout.addWidget(self.xor_build)
        xor_layout.addWidget(self.xor_wiring)
        xor_layout.addWidget(self.xor_table)
        self.main.addWidget(self.plot, 1)
        self.main.addWidget(xor_box)

        self.preset.currentTextChanged.connect(self.load_gate)
        self.target.currentTextChanged.connect(self.refresh)
        self.xor_build.currentIndexChanged.connect(self.refresh_xor)
        for spin in (self.w1, self.w2, self.bias):
            spin.valueChanged.connect(self.refresh)
        self.preset.setCurrentText("NAND")
        self.load_gate("NAND")
        self.retranslate()

    def retranslate(self) -> None:
        for widget, text in ((self.preset, self.tr("load weights of")), (self.target, self.tr("wanted truth table")),
                             (self.w1, self.tr("weight w1")), (self.w2, self.tr("weight w2")),
                             (self.bias, self.tr("bias b"))):
            self.form.labelForField(widget).setText(text)
        self.table.setHorizontalHeaderLabels(["x1", "x2", "w·x+b", self.tr("out"), self.tr("want"), ""])
        set_heading(self.table_heading, self.tr("Truth table of this perceptron"))
        set_heading(self.search_heading, self.tr("Searching for weights"))
        set_plot_texts(self.plot, self.tr("Input space: shaded where the perceptron outputs 1"))
        for i in range(self.xor_build.count()):
            self.xor_build.setItemText(i, translate("PerceptronExplorer", XOR_BUILDS[self.xor_build.itemData(i)][0]))
        self.xor_box.setTitle(self.tr("XOR from two layers of perceptrons"))
        self.refresh()
        self.refresh_xor()

    @staticmethod
    def _spin(name):
        spin = QDoubleSpinBox(objectName=name, decimals=2, minimum=-10.0, maximum=10.0, singleStep=0.1)
        spin.setKeyboardTracking(False)
        return spin

    def weights(self):
        return (self.w1.value(), self.w2.value()), self.bias.value()

    @Slot(str)
    def load_gate(self, name: str):
        """Put the preset gate's weights in the spin boxes and make it the wanted table."""
        (w1, w2), b = P.GATES[name]
        with blocked(self.w1, self.w2, self.bias, self.target):
            for spin, value in ((self.w1, w1), (self.w2, w2), (self.bias, b)):
                spin.setValue(value)
            self.target.setCurrentText(name)
        self.refresh()

    @Slot()
    def refresh(self):
        w, b = self.weights()
        target = self.target.currentText()
        wanted = P.TARGETS[target]
        rows = P.truth_table(w, b)
        for r, ((x1, x2, s, out), want) in enumerate(zip(rows, wanted)):
            ok = out == want
            cells = [str(x1), str(x2), f"{s:.2f}", str(out), str(want), "✓" if ok else "✗"]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, _cell(text, (GOOD if ok else ACCENT) if c >= 3 else None))
        self._draw(w, b, wanted)
        if P.realises(w, b, target):
            self.verdict.setText(f"<span style='color:{GOOD}'><b>"
                                 + self.tr("These weights compute {gate}.").format(gate=target) + "</b></span>")
        elif target == "XOR":
            self.verdict.setText(
                f"<span style='color:{ACCENT}'><b>" + self.tr("No single perceptron computes XOR.") + "</b></span> "
                + self.tr("Its output is 1 on one side of a straight line, but XOR wants (0,1) and (1,0) on one side "
                          "and (0,0), (1,1) on the other: the points are not linearly separable. Two layers can do "
                          "it (table below the plot)."))
        else:
            wrong = sum(out != want for (_, _, _, out), want in zip(rows, wanted))
            self.verdict.setText(f"<span style='color:{ACCENT}'><b>" + self.tr("Not {gate} yet:").format(gate=target)
                                 + "</b></span> "
                                 + self.tr("{wrong} of 4 rows differ. Move the line so that the filled points lie "
                                           "in the shaded side.").format(wrong=wrong))
        found, tried = P.search_single_perceptron(target)
        self.search_label.setText(
            self.tr("Of {tried:,} weight and bias settings on a grid over [−5, 5]³, <b>{found:,}</b> compute "
                    "{gate}.").format(tried=tried, found=found, gate=target)
            + (self.tr(" None can: no straight line separates XOR's ones from its zeros.") if target == "XOR" else ""))

    def _draw(self, w, b, wanted):
        grid = np.linspace(PLANE[0], PLANE[1], SHADE_PIXELS)
        gx1, gx2 = np.meshgrid(grid, grid)
        inside = P.perceptron(np.stack([gx1.ravel(), gx2.ravel()], axis=1), w, b).reshape(gx1.shape)
        self.shade.setImage(SHADE_COLORS[inside], levels=(0, 255))
        self.shade.setRect(PLANE[0], PLANE[0], PLANE[1] - PLANE[0], PLANE[1] - PLANE[0])
        x1 = np.array(PLANE)
        x2 = P.decision_line(w, b, x1)
        if x2 is not None:
            self.line.setData(x1, x2)
        elif w[0] != 0:
            self.line.setData([-b / w[0]] * 2, list(PLANE))
        else:
            self.line.setData([], [])
        brushes = [pg.mkBrush(GOOD) if want else pg.mkBrush("w") for want in wanted]
        self.points.setData(pos=P.INPUTS, brush=brushes)
        for text, want in zip(self.point_texts, wanted):
            text.setText(self.tr("wanted {value}").format(value=want))

    @Slot()
    def refresh_xor(self):
        build = self.xor_build.currentData()
        _name, columns, wiring = XOR_BUILDS[build]
        self.xor_wiring.setText(translate("PerceptronExplorer", wiring))
        self.xor_table.setColumnCount(len(columns))
        self.xor_table.setHorizontalHeaderLabels(columns)
        parts = P.xor_two_layer(P.INPUTS) if build == "nand_or_and" else P.xor_all_nand(P.INPUTS)
        values = np.column_stack([P.INPUTS.astype(int), *parts])
        for r, row in enumerate(values):
            for c, v in enumerate(row):
                self.xor_table.setItem(r, c, _cell(str(int(v)), PALETTE[0] if c == len(row) - 1 else None))

    def column(self, table: QTableWidget, title: str) -> list[str]:
        """The texts of one column of `table`, found by its header (for tests)."""
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        col = headers.index(title)
        return [table.item(r, col).text() for r in range(table.rowCount())]
