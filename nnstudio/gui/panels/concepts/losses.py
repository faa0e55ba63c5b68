"""Losses: a one-hot target, a prediction to drag, sum-of-squares and cross-entropy, live."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QDoubleSpinBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox)

from nnstudio.core.nn import functions as F
from nnstudio.gui.panels.concepts.base import (ACCENT, FOREGROUND, PALETTE, ExplorerPage, heading,
                                               make_plot, set_heading, set_plot_texts)
from nnstudio.gui.widgets.signals import blocked

N_CLASSES = 10
# The books' example: the answer is class 2; the first guess is right (0.6 on class 2), the second
# puts its 0.6 on class 7.
BOOK_TARGET = 2
BOOK_RIGHT = (0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0)
BOOK_WRONG = (0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0)
LOG_CURVE_MIN = 1e-3


class _DragViewBox(pg.ViewBox):
    """A view box where pressing or dragging the left button sets the bar under the mouse."""

    bar_set = Signal(int, float)

    def __init__(self, n_bars: int):
        super().__init__(enableMenu=False)
        self.n_bars = n_bars
        self.setMouseEnabled(x=False, y=False)

    def _emit(self, ev):
        point = self.mapSceneToView(ev.scenePos())
        index = int(round(point.x()))
        if 0 <= index < self.n_bars:
            self.bar_set.emit(index, float(np.clip(point.y(), 0.0, 1.0)))

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.LeftButton:
            ev.accept()
            self._emit(ev)

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() == Qt.LeftButton:
            ev.accept()
            self._emit(ev)
        else:
            ev.ignore()


class LossesExplorer(ExplorerPage):
    """Drag the bars (or type the numbers): both losses follow at once."""

    def __init__(self, context=None, parent=None):
        super().__init__("losses", parent)
        self.setObjectName("lossesExplorer")
        form = QFormLayout()
        self.target = QSpinBox(objectName="targetSpin", minimum=0, maximum=N_CLASSES - 1, value=BOOK_TARGET)
        self.target_label = QLabel()
        form.addRow(self.target_label, self.target)
        self.controls.addLayout(form)
        self.right_button = QPushButton(objectName="presetRightButton")
        self.wrong_button = QPushButton(objectName="presetWrongButton")
        presets = QHBoxLayout()
        presets.addWidget(self.right_button)
        presets.addWidget(self.wrong_button)
        self.controls.addLayout(presets)
        self.normalise_button = QPushButton(objectName="normaliseButton")
        self.controls.addWidget(self.normalise_button)

        self.prediction_heading = heading()
        self.controls.addWidget(self.prediction_heading)
        grid = QGridLayout()
        self.spins = []
        for i in range(N_CLASSES):
            spin = QDoubleSpinBox(objectName=f"predictionSpin{i}", decimals=3, minimum=0.0, maximum=1.0,
                                  singleStep=0.05)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self.refresh)
            grid.addWidget(QLabel(f"y{i}"), i % 5, 2 * (i // 5))
            grid.addWidget(spin, i % 5, 2 * (i // 5) + 1)
            self.spins.append(spin)
        self.controls.addLayout(grid)

        self.losses_heading = heading()
        self.controls.addWidget(self.losses_heading)
        self.sse_label = QLabel(objectName="sseLabel", textFormat=Qt.RichText)
        self.ce_label = QLabel(objectName="ceLabel", textFormat=Qt.RichText)
        self.sum_label = QLabel(objectName="sumLabel")
        for label in (self.sse_label, self.ce_label, self.sum_label):
            label.setWordWrap(True)
            self.controls.addWidget(label)
        self.controls.addStretch(1)

        self.view_box = _DragViewBox(N_CLASSES)
        self.bar_plot = make_plot(view_box=self.view_box)
        self.view_box.setRange(xRange=(-0.6, N_CLASSES - 0.4), yRange=(0, 1.08), padding=0)
        self.bar_plot.getPlotItem().getAxis("bottom").setTicks([[(i, str(i)) for i in range(N_CLASSES)]])
        self.target_bar = pg.BarGraphItem(x=[BOOK_TARGET], height=[1.0], width=0.8, brush=None,
                                          pen=pg.mkPen(ACCENT, width=2, style=Qt.DashLine))
        self.bars = pg.BarGraphItem(x=np.arange(N_CLASSES), height=np.zeros(N_CLASSES), width=0.6,
                                    brush=PALETTE[0])
        self.bar_plot.addItem(self.bars)
        self.bar_plot.addItem(self.target_bar)
        self.view_box.bar_set.connect(self.set_bar)

        self.log_plot = make_plot()
        y = np.linspace(LOG_CURVE_MIN, 1.0, 800)
        self.log_plot.plot(y, -np.log(y), pen=pg.mkPen(PALETTE[0], width=2.5))
        self.marker = pg.ScatterPlotItem(size=13, brush=pg.mkBrush(ACCENT), pen=pg.mkPen(FOREGROUND))
        self.marker_text = pg.TextItem("", color=ACCENT, anchor=(0, 1))
        self.log_plot.addItem(self.marker)
        self.log_plot.addItem(self.marker_text)
        self.log_plot.setXRange(0, 1.02, padding=0)
        self.log_plot.setYRange(0, 7.2, padding=0)
        self.main.addWidget(self.bar_plot, 1)
        self.main.addWidget(self.log_plot, 1)

        self.target.valueChanged.connect(self.refresh)
        self.right_button.clicked.connect(self.preset_right)
        self.wrong_button.clicked.connect(self.preset_wrong)
        self.normalise_button.clicked.connect(self.normalise)
        self.retranslate()
        self.preset_right()

    def retranslate(self) -> None:
        self.target_label.setText(self.tr("correct class (one-hot t)"))
        self.right_button.setText(self.tr("Book: right guess"))
        self.wrong_button.setText(self.tr("Book: wrong guess"))
        self.normalise_button.setText(self.tr("Scale y to sum to 1"))
        set_heading(self.prediction_heading, self.tr("Prediction y (drag the bars, or type)"))
        set_heading(self.losses_heading, self.tr("Losses"))
        set_plot_texts(self.bar_plot, self.tr("Prediction y and one-hot target t (drag a bar)"), self.tr("class"), "y")
        set_plot_texts(self.log_plot, self.tr("Cross-entropy of one example: −log(y at the correct class)"),
                       self.tr("y at the correct class"), "−log y")
        self.refresh()

    # ------------------------------------------------------------------ editing
    def prediction(self) -> np.ndarray:
        return np.array([s.value() for s in self.spins])

    def set_prediction(self, values, target: int | None = None) -> None:
        with blocked(self.target, *self.spins):
            if target is not None:
                self.target.setValue(target)
            for spin, v in zip(self.spins, values):
                spin.setValue(float(v))
        self.refresh()

    @Slot()
    def preset_right(self):
        self.set_prediction(BOOK_RIGHT, BOOK_TARGET)

    @Slot()
    def preset_wrong(self):
        self.set_prediction(BOOK_WRONG, BOOK_TARGET)

    @Slot()
    def normalise(self):
        y = self.prediction()
        total = y.sum()
        self.set_prediction(y / total if total > 0 else np.full(N_CLASSES, 1.0 / N_CLASSES))

    @Slot(int, float)
    def set_bar(self, index: int, value: float):
        self.spins[index].setValue(round(value, 3))

    # ------------------------------------------------------------------ display
    def losses(self) -> tuple[float, float]:
        """(sum-of-squares error, cross-entropy error) of the current y and one-hot t."""
        y, t = self.prediction(), self.target.value()
        return F.sum_squares_error(y, t), F.cross_entropy_error(y, t)

    @Slot()
    def refresh(self):
        y, t = self.prediction(), self.target.value()
        sse, ce = self.losses()
        brushes = [ACCENT if i == t else PALETTE[0] for i in range(N_CLASSES)]
        self.bars.setOpts(height=y, brushes=brushes)
        self.target_bar.setOpts(x=[t])
        self.sse_label.setText(self.tr("sum-of-squares 0.5·Σ(y − t)² = <b>{sse}</b><br><small>(the book's “mean "
                                       "squared error”: a half-sum, not a mean)</small>").format(sse=f"{sse:.4f}"))
        self.ce_label.setText(self.tr("cross-entropy −Σ t·log y = −log max(y{t}, 10⁻⁷) = <b>{ce}</b>").format(
            t=t, ce=f"{ce:.4f}"))
        self.sum_label.setText(f"Σy = {y.sum():.3f}" + ("" if abs(y.sum() - 1) < 1e-6
                                                        else self.tr("  (not a probability distribution)")))
        yt = y[t]
        shown = max(yt, LOG_CURVE_MIN)
        self.marker.setData([shown], [-np.log(shown)])
        self.marker_text.setText(self.tr("  y{t} = {y}, loss {loss}").format(t=t, y=f"{yt:.3f}", loss=f"{ce:.3f}"))
        self.marker_text.setPos(shown, min(-np.log(shown), 6.9))

