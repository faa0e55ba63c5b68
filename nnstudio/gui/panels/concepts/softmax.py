"""Softmax: ten editable logits, a temperature, the probabilities as bars, and the overflow demo."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QAbstractItemView, QDoubleSpinBox, QFormLayout, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QSlider, QSpinBox, QTableWidget,
                               QTableWidgetItem)

from nnstudio.core.nn import functions as F
from nnstudio.gui.i18n import translate
from nnstudio.gui.panels.concepts.base import (ACCENT, FOREGROUND, PALETTE, ExplorerPage, heading,
                                               make_plot, set_heading, set_plot_texts)
from nnstudio.gui.widgets.signals import blocked

N_LOGITS = 10
SLIDER_SCALE = 10  # slider steps per unit: the sliders cover [-10, 10] in steps of 0.1
SLIDER_LIMIT = 10.0
OVERFLOW_DEMO = (1010.0, 1000.0, 990.0)
START_LOGITS = (0.3, 2.9, 4.0, -1.0, 0.5, 1.2, -0.4, 2.0, 0.0, -2.0)
COLUMNS = ["z/T", "exp(z/T)", QT_TRANSLATE_NOOP("SoftmaxExplorer", "naive p"), "s = z/T−max", "exp(s)",
           QT_TRANSLATE_NOOP("SoftmaxExplorer", "shifted p")]  # (column_texts finds a column by these)


def fmt(value: float) -> str:
    """Five significant digits; nan and inf spelled as numpy prints them."""
    if np.isnan(value):
        return "nan"
    if np.isinf(value):
        return "inf" if value > 0 else "-inf"
    return f"{value:.5g}"


class SoftmaxExplorer(ExplorerPage):
    """Edit the logits with sliders or numbers; the bars show softmax(z / T)."""

    def __init__(self, context=None, parent=None):
        super().__init__("softmax", parent)
        self.setObjectName("softmaxExplorer")
        form = QFormLayout()
        self.classes = QSpinBox(objectName="classesSpin", minimum=2, maximum=N_LOGITS, value=N_LOGITS)
        self.temperature = QDoubleSpinBox(objectName="temperatureSpin", decimals=2, minimum=0.05,
                                          maximum=20.0, singleStep=0.1, value=1.0)
        self.form = form
        form.addRow(QLabel(), self.classes)
        form.addRow(QLabel(), self.temperature)
        self.controls.addLayout(form)

        self.logits_heading = heading()
        self.controls.addWidget(self.logits_heading)
        grid = QGridLayout()
        self.sliders, self.spins, self.row_labels = [], [], []
        for i in range(N_LOGITS):
            label = QLabel(f"z{i}")
            slider = QSlider(Qt.Horizontal, objectName=f"logitSlider{i}", minimum=-100, maximum=100)
            spin = QDoubleSpinBox(objectName=f"logitSpin{i}", decimals=2, minimum=-5000.0, maximum=5000.0,
                                  singleStep=0.1)
            spin.setKeyboardTracking(False)
            slider.valueChanged.connect(lambda v, i=i: self._on_slider(i, v))
            spin.valueChanged.connect(lambda v, i=i: self._on_spin(i, v))
            grid.addWidget(label, i, 0)
            grid.addWidget(slider, i, 1)
            grid.addWidget(spin, i, 2)
            self.sliders.append(slider)
            self.spins.append(spin)
            self.row_labels.append(label)
        self.controls.addLayout(grid)
        buttons = QHBoxLayout()
        self.reset_button = QPushButton(objectName="softmaxExampleButton")
        self.zero_button = QPushButton(objectName="softmaxZeroButton")
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.zero_button)
        self.controls.addLayout(buttons)
        self.overflow_button = QPushButton(objectName="overflowButton")
        self.controls.addWidget(self.overflow_button)
        self.summary = QLabel(objectName="softmaxSummary", textFormat=Qt.RichText)
        self.summary.setWordWrap(True)
        self.controls.addWidget(self.summary)
        self.controls.addStretch(1)

        self.logit_plot = make_plot()
        self.prob_plot = make_plot()
        self.prob_plot.setYRange(0, 1.1, padding=0)
        self.prob_plot.getPlotItem().setMouseEnabled(x=False, y=False)
        self.logit_plot.getPlotItem().setMouseEnabled(x=False, y=False)
        self.logit_bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=PALETTE[0])
        self.prob_bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=PALETTE[2])
        self.logit_plot.addItem(self.logit_bars)
        self.prob_plot.addItem(self.prob_bars)
        self.prob_texts = []
        for i in range(N_LOGITS):
            text = pg.TextItem("", color=FOREGROUND, anchor=(0.5, 1))
            self.prob_plot.addItem(text)
            self.prob_texts.append(text)
        self.table = QTableWidget(0, len(COLUMNS), objectName="overflowTable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)  # whole numbers; a narrow window scrolls
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(120)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table_note = QLabel(objectName="overflowNote", textFormat=Qt.RichText)
        self.table_note.setWordWrap(True)
        self.main.addWidget(self.logit_plot, 2)
        self.main.addWidget(self.prob_plot, 3)
        self.table_heading = heading()
        self.main.addWidget(self.table_heading)
        self.main.addWidget(self.table, 3)
        self.main.addWidget(self.table_note)

        self.classes.valueChanged.connect(self.refresh)
        self.temperature.valueChanged.connect(self.refresh)
        self.reset_button.clicked.connect(self.show_example)
        self.zero_button.clicked.connect(self.set_zero)
        self.overflow_button.clicked.connect(self.show_overflow_demo)
        self.set_logits(START_LOGITS)
        self.retranslate()

    def retranslate(self) -> None:
        self.temperature.setToolTip(self.tr("softmax(z / T): T > 1 flattens the distribution, T < 1 sharpens it"))
        self.form.labelForField(self.classes).setText(self.tr("classes"))
        self.form.labelForField(self.temperature).setText(self.tr("temperature T"))
        set_heading(self.logits_heading, self.tr("Logits z"))
        self.reset_button.setText(self.tr("Example"))
        self.zero_button.setText(self.tr("All zero"))
        self.overflow_button.setText(self.tr("Overflow demo: z = [1010, 1000, 990]"))
        set_plot_texts(self.logit_plot, self.tr("Logits z"), "", "z")
        set_plot_texts(self.prob_plot, self.tr("Probabilities softmax(z / T)"), self.tr("class"), self.tr("probability"))
        self.table.setHorizontalHeaderLabels([translate("SoftmaxExplorer", c) for c in COLUMNS])
        set_heading(self.table_heading, self.tr("Naive exp(z)/Σexp(z) against the max-shifted formula"))
        self.refresh()

    # ------------------------------------------------------------------ editing
    def logits(self) -> np.ndarray:
        """The active logits, shape (classes,)."""
        return np.array([s.value() for s in self.spins[:self.classes.value()]])

    def set_logits(self, values, temperature: float | None = None) -> None:
        """Set the first len(values) logits (and the class count) in one update."""
        values = list(values)
        with blocked(self.classes, self.temperature, *self.spins, *self.sliders):
            self.classes.setValue(len(values))
            if temperature is not None:
                self.temperature.setValue(temperature)
            for i, v in enumerate(values):
                self.spins[i].setValue(v)
                self.sliders[i].setValue(self._slider_value(v))
        self.refresh()

    @staticmethod
    def _slider_value(v: float) -> int:
        return int(round(np.clip(v, -SLIDER_LIMIT, SLIDER_LIMIT) * SLIDER_SCALE))

    @Slot()
    def show_example(self):
        self.set_logits(START_LOGITS, temperature=1.0)

    @Slot()
    def set_zero(self):
        self.set_logits([0.0] * self.classes.value())

    @Slot()
    def show_overflow_demo(self):
        self.set_logits(OVERFLOW_DEMO, temperature=1.0)

    def _on_slider(self, i: int, value: int):
        spin = self.spins[i]
        with blocked(spin):
            spin.setValue(value / SLIDER_SCALE)
        self.refresh()

    def _on_spin(self, i: int, value: float):
        slider = self.sliders[i]
        with blocked(slider):
            slider.setValue(self._slider_value(value))
        self.refresh()

    # ------------------------------------------------------------------ display
    def compute(self):
        """(z/T, naive exp, naive p, shifted z, shifted exp, shifted p), each shape (classes,)."""
        z = self.logits() / self.temperature.value()
        with np.errstate(over="ignore", invalid="ignore"):  # the point of the demo: exp overflows
            naive_exp = np.exp(z)
        naive = F.softmax_naive(z)
        shifted = z - z.max()
        return z, naive_exp, naive, shifted, np.exp(shifted), F.softmax(z)

    @Slot()
    def refresh(self):
        n = self.classes.value()
        for i in range(N_LOGITS):
            for widget in (self.row_labels[i], self.sliders[i], self.spins[i]):
                widget.setEnabled(i < n)
        columns = self.compute()
        naive, probs = columns[2], columns[5]
        x = np.arange(n)
        self.logit_bars.setOpts(x=x, height=self.logits(), width=0.6)
        heights = np.nan_to_num(probs)
        brushes = [ACCENT if i == int(np.argmax(probs)) else PALETTE[2] for i in range(n)]
        self.prob_bars.setOpts(x=x, height=heights, width=0.6, brushes=brushes)
        for i, text in enumerate(self.prob_texts):
            text.setVisible(i < n)
            if i < n:
                text.setText(f"{probs[i]:.3f}" if probs[i] >= 1e-3 or probs[i] == 0 else f"{probs[i]:.1e}")
                text.setPos(i, heights[i] + 0.01)
        for plot in (self.logit_plot, self.prob_plot):
            plot.setXRange(-0.6, n - 0.4, padding=0)
            plot.getPlotItem().getAxis("bottom").setTicks([[(i, str(i)) for i in range(n)]])
        self.logit_plot.getPlotItem().enableAutoRange(axis="y")
        self._fill_table(columns)
        self.summary.setText(f"Σp = {probs.sum():.6f}<br>" + self.tr("largest: class {k} (p = {p})").format(
            k=int(np.argmax(probs)), p=f"{probs.max():.4f}"))
        if np.isnan(naive).any():
            self.table_note.setText(
                f"<span style='color:{ACCENT}'><b>" + self.tr("The naive formula breaks:") + "</b></span> "
                + self.tr("exp(z) overflows to inf for z above about 709, and inf / inf is nan. Subtracting the "
                          "largest logit first changes nothing mathematically, but keeps every exponent ≤ 0."))
        else:
            self.table_note.setText(self.tr("Both formulas agree here. Try the overflow demo, or a logit above 710."))

    def _fill_table(self, columns):
        n = len(columns[0])
        self.table.setRowCount(n)
        self.table.setVerticalHeaderLabels([str(i) for i in range(n)])
        for col, values in enumerate(columns):
            for row, value in enumerate(values):
                item = QTableWidgetItem(fmt(float(value)))
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if not np.isfinite(value):
                    item.setForeground(pg.mkColor(ACCENT))
                self.table.setItem(row, col, item)

    def column_texts(self, title: str) -> list[str]:
        """The table's texts in the column called `title` (for tests and export)."""
        col = COLUMNS.index(title)
        return [self.table.item(row, col).text() for row in range(self.table.rowCount())]
