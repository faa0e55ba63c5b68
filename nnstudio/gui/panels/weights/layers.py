"""The weights panel's second tab: one layer's weight matrix, its biases and its histogram."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout,
                               QWidget)

from nnstudio.gui.i18n import translate
from nnstudio.gui.widgets.heatmap import AXIS_COLOR, HeatmapWidget, brushes_for, style_plot
from nnstudio.gui.widgets.signals import blocked
from nnstudio.gui.widgets.plot_title import wrap_title
from nnstudio.gui.widgets.retranslate import Retranslatable

CURRENT_PEN, CURRENT_BRUSH = "#2166ac", (33, 102, 172, 110)
INITIAL_PEN, INITIAL_BRUSH = "#7f7f7f", (127, 127, 127, 90)
BINS = 60


def layer_names(params: dict) -> list[str]:
    """["W1", "W2", ...] in order."""
    return sorted((k for k in params if k.startswith("W")), key=lambda k: int(k[1:]))


def layer_label(name: str, W) -> str:
    """The layer combo's text: "W1: 784 → 50", or "W1: conv, 16 filters of 1×5×5" for a conv layer."""
    shape = np.shape(W)
    if len(shape) == 4:
        return translate("LayersView", "{name}: conv, {n} filters of {c}×{h}×{w}").format(
            name=name, n=shape[0], c=shape[1], h=shape[2], w=shape[3])
    return f"{name}: {shape[0]} → {shape[1]}"


def as_matrix(W) -> np.ndarray:
    """A layer's weights as a 2-D matrix (rows: inputs, columns: units): a conv layer's filters
    (FN, C, FH, FW) become one column each, their C·FH·FW taps as rows."""
    W = np.asarray(W)
    return W.reshape(W.shape[0], -1).T if W.ndim == 4 else W


def shared_histograms(current, initial, bins: int = BINS):
    """Histograms of two arrays on the same bin edges → (edges, current_counts, initial_counts|None)."""
    current = np.asarray(current).ravel()
    values = [current] if initial is None else [current, np.asarray(initial).ravel()]
    lo = min(float(v.min()) for v in values)
    hi = max(float(v.max()) for v in values)
    if not np.isfinite(lo) or not np.isfinite(hi):
        lo, hi = -1.0, 1.0
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
    # bins + range (not an edge array) takes numpy's fast path for equal-width bins
    counts, edges = np.histogram(current, bins=bins, range=(lo, hi))
    init_counts = None if initial is None else np.histogram(values[1], bins=bins, range=(lo, hi))[0]
    return edges, counts, init_counts


def _scaled(counts, log: bool):
    return np.log10(1.0 + counts) if log else counts


class LayersView(Retranslatable, QWidget):
    """Pick a layer: its W as a heatmap, b as bars, and W's histogram against its initialisation."""

    shown = Signal()  # the tab became visible (a show event never fires while tearing down)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.params = None
        self.initial = None
        self.initial_note = ""
        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("layerCombo")
        self.layer_combo.setMinimumContentsLength(22)
        self.layer_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # a conv layer's text, read whole
        self.log_counts = QCheckBox()
        self.log_counts.setObjectName("histLogCounts")
        self.summary = QLabel()
        self.summary.setObjectName("layerSummary")
        self.summary.setWordWrap(True)  # two lines rather than a panel wider than a 150% screen
        self.summary.setMinimumHeight(2 * self.summary.fontMetrics().lineSpacing())  # two lines kept for it
        self.heatmap = HeatmapWidget()
        self.heatmap.setObjectName("layerHeatmap")

        self.side = pg.GraphicsLayoutWidget()
        self.side.setBackground("w")
        self.bias_plot = self.side.addPlot(row=0, col=0)
        self.hist_plot = self.side.addPlot(row=1, col=0)
        for plot in (self.bias_plot, self.hist_plot):
            style_plot(plot)
            plot.setMenuEnabled(False)
            plot.hideButtons()
        self.bias_plot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#888888")))
        self.bias_bars = pg.BarGraphItem(x=[], height=[], width=0.8, pen=None)
        self.bias_plot.addItem(self.bias_bars)
        legend = self.hist_plot.addLegend(offset=(5, 5), labelTextColor=AXIS_COLOR,
                                          brush=pg.mkBrush(255, 255, 255, 200))
        self.initial_curve = pg.PlotDataItem(stepMode="center", fillLevel=0, pen=pg.mkPen(INITIAL_PEN),
                                             brush=pg.mkBrush(INITIAL_BRUSH), name=" ")
        self.current_curve = pg.PlotDataItem(stepMode="center", fillLevel=0, pen=pg.mkPen(CURRENT_PEN),
                                             brush=pg.mkBrush(CURRENT_BRUSH), name=" ")
        self.initial_curve.setZValue(-1)  # the reference stays behind
        self.hist_plot.addItem(self.initial_curve)
        self.hist_plot.addItem(self.current_curve)
        self.legend = legend
        self.side.ci.layout.setRowStretchFactor(0, 2)
        self.side.ci.layout.setRowStretchFactor(1, 3)

        top = QHBoxLayout()
        self.layer_label = QLabel()
        top.addWidget(self.layer_label)
        top.addWidget(self.layer_combo)
        top.addWidget(self.summary, 1)
        top.addWidget(self.log_counts)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.heatmap)
        splitter.addWidget(self.side)
        splitter.setSizes([620, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.layer_combo.currentIndexChanged.connect(self._on_layer_changed)
        self.log_counts.toggled.connect(self._on_log_toggled)
        self.retranslate()

    def retranslate(self) -> None:
        self.log_counts.setText(self.tr("Log counts"))
        self.log_counts.setToolTip(self.tr("Histogram heights as log10(1 + count): the tails and a narrow "
                                           "initial spike fit on one scale."))
        self.layer_label.setText(self.tr("Layer:"))
        self.heatmap.set_colorbar_label(self.tr("weight"))
        self.bias_plot.setLabel("left", self.tr("bias"), color=AXIS_COLOR)
        self.hist_plot.setLabel("bottom", self.tr("weight"), color=AXIS_COLOR)
        self.legend.getLabel(self.current_curve).setText(self.tr("now"))
        if self.params is not None:
            self._fill_layers()
            self.render()
        else:
            self.heatmap.set_names(self.tr("from"), self.tr("to"))
            wrap_title(self.bias_plot, self.tr("biases b"))
            wrap_title(self.hist_plot, self.tr("weight histogram"))
            self.hist_plot.setLabel("left", self.tr("count"), color=AXIS_COLOR)
            self.legend.getLabel(self.initial_curve).setText(self.tr("at initialisation"))

    # ------------------------------------------------------------------ public API
    @property
    def layer(self) -> str:
        names = layer_names(self.params) if self.params else []
        i = self.layer_combo.currentIndex()
        return names[i] if 0 <= i < len(names) else ""

    def set_params(self, params: dict, initial: dict | None, initial_note: str | Callable[[], str] = "") -> None:
        """initial_note: what `initial` is, or a function that says it in the interface language."""
        self.params, self.initial, self.initial_note = params, initial, initial_note
        self._fill_layers()
        self.render()

    def _fill_layers(self) -> None:
        params = self.params
        names = layer_names(params)
        labels = [layer_label(n, params[n]) for n in names]
        if labels != [self.layer_combo.itemText(i) for i in range(self.layer_combo.count())]:
            keep = self.layer_combo.currentIndex()
            with blocked(self.layer_combo):
                self.layer_combo.clear()
                self.layer_combo.addItems(labels)
                self.layer_combo.setCurrentIndex(keep if 0 <= keep < len(labels) else 0)

    def set_layer(self, index: int) -> None:
        self.layer_combo.setCurrentIndex(index)

    def render(self) -> None:
        name = self.layer
        if not name:
            return
        i = int(name[1:])
        W, b = self.params[name], self.params[f"b{i}"]
        matrix = as_matrix(W)
        last = i == len(layer_names(self.params))
        unit = self.tr("digit") if last else self.tr("layer {i} unit").format(i=i)
        units = self.tr("digits") if last else self.tr("layer {i} units").format(i=i)
        if np.ndim(W) == 4:  # a conv layer: one column per filter, one row per tap (channel, y, x)
            from_name = self.tr("filter tap (channel, row, col)")
            to_name = unit = self.tr("layer {i} filter").format(i=i)
            units = self.tr("layer {i} filters").format(i=i)
        elif i > 1 and np.ndim(self.params[f"W{i - 1}"]) == 4 or i == 1:
            from_name = self.tr("input pixel") if i == 1 else self.tr("flattened feature-map value")
            to_name = unit
        else:
            from_name, to_name = self.tr("layer {i} unit").format(i=i - 1), unit
        self.heatmap.set_names(from_name, to_name)
        self.heatmap.set_matrix(matrix, col_labels=list(range(matrix.shape[1])) if last else None)
        self.heatmap.set_title(self.tr("{name}: weight from {source} (row) to {target} (column)").format(
            name=name, source=from_name, target=to_name))
        self.heatmap.set_axis_labels(from_name, to_name)

        self.bias_bars.setOpts(x=np.arange(len(b)), height=np.asarray(b, dtype=np.float64),
                               width=0.8, brushes=brushes_for(b))
        wrap_title(self.bias_plot, self.tr("biases b{i} ({n} {units})").format(i=i, n=len(b), units=units))
        self.bias_plot.setLabel("bottom", to_name, color=AXIS_COLOR)
        self.bias_plot.autoRange()

        init = None if self.initial is None else self.initial.get(name)
        if init is not None and np.shape(init) != W.shape:
            init = None
        edges, counts, init_counts = shared_histograms(W, init)
        log = self.log_counts.isChecked()
        self.hist_plot.setLabel("left", self.tr("log10(1 + count)") if log else self.tr("count"), color=AXIS_COLOR)
        self.current_curve.setData(edges, _scaled(counts, log))
        if init_counts is None:
            self.initial_curve.setData([], [])
        else:
            self.initial_curve.setData(edges, _scaled(init_counts, log))
        note = self.initial_note() if callable(self.initial_note) else self.initial_note
        self.legend.getLabel(self.initial_curve).setText(
            self.tr("at initialisation ({note})").format(note=note) if note else self.tr("at initialisation"))
        wrap_title(self.hist_plot, self.tr("histogram of {name}'s {n:,} weights").format(name=name, n=W.size))
        self.hist_plot.autoRange()
        self.summary.setText(self.tr("{shape} weights: mean {mean}, std {std}, largest |w| {largest}").format(
            shape="×".join(map(str, np.shape(W))), mean=f"{W.mean(dtype=np.float64):.3g}",
            std=f"{W.std(dtype=np.float64):.3g}", largest=f"{-self.heatmap.levels[0]:.3g}"))

    def export_views(self) -> list:
        return [self.heatmap.graphics, self.side]

    @Slot(bool)
    def _on_log_toggled(self, _on):
        if self.params is not None:
            self.render()

    @Slot(int)
    def _on_layer_changed(self, _index):
        if self.params is not None:
            self.render()

    def showEvent(self, event):
        super().showEvent(event)
        self.shown.emit()
