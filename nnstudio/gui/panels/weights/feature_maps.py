"""The weights panel's Feature maps tab (conv models): what every conv and pool layer makes of the
input (the pad's digit or a test image), its maps as tiles beside a histogram of their values."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHBoxLayout, QLabel, QRadioButton, QSpinBox,
                               QSplitter, QVBoxLayout, QWidget)

from nnstudio.gui.i18n import translate
from nnstudio.gui.names import name as display_name
from nnstudio.gui.panels.weights.layers import BINS, CURRENT_BRUSH, CURRENT_PEN
from nnstudio.gui.widgets.heatmap import AXIS_COLOR, style_plot
from nnstudio.gui.widgets.map_grid import MapGrid
from nnstudio.gui.widgets.plot_title import wrap_title
from nnstudio.gui.widgets.retranslate import Retranslatable

KINDS = {"A": QT_TRANSLATE_NOOP("FeatureMapsView", "convolution output"),
         "Z": QT_TRANSLATE_NOOP("FeatureMapsView", "after {act}"),
         "P": QT_TRANSLATE_NOOP("FeatureMapsView", "after max pooling")}


def map_stages(stages) -> list[tuple[str, np.ndarray]]:
    """The stages of SequentialNet.activations that are feature maps: [(name, maps (C, H, W))],
    for one input (the batch's first row); the input itself and the dense layers left out."""
    return [(name, a[0]) for name, a in stages if name != "input" and np.ndim(a) == 4]


def stage_label(name: str, maps, activation: str) -> str:
    """'Z1 · after relu · 16 maps of 24×24'."""
    kind = translate("FeatureMapsView", KINDS[name[:1]]) if name[:1] in KINDS else name
    c, h, w = np.shape(maps)
    return translate("FeatureMapsView", "{name} · {kind} · {c} maps of {h}×{w}").format(
        name=name, kind=kind.format(act=display_name(activation)), c=c, h=h, w=w)


class FeatureMapsView(Retranslatable, QWidget):
    """Pick an input and a layer: that layer's feature maps as tiles and a histogram of their values.

    test_data() → (x_test, t_test) or None. set_network(net) and set_drawing(x) feed it; the pad's
    digit is the input once one is drawn, until the user picks a test image."""

    shown = Signal()  # the tab became visible (a show event never fires while tearing down)

    def __init__(self, test_data: Callable[[], tuple | None], parent=None):
        super().__init__(parent)
        self._test_data = test_data
        self.network = None
        self.drawing = None
        self.stages: list[tuple[str, np.ndarray]] = []
        self._chosen = False  # the user picked a source: a new drawing no longer switches to it
        self.from_drawing = QRadioButton()
        self.from_drawing.setObjectName("featureMapsFromDrawing")
        self.from_test = QRadioButton()
        self.from_test.setObjectName("featureMapsFromTest")
        self.index_spin = QSpinBox()
        self.index_spin.setObjectName("featureMapsImageSpin")
        self.index_spin.setRange(0, 9999)
        group = QButtonGroup(self)
        group.addButton(self.from_drawing)
        group.addButton(self.from_test)
        self.from_test.setChecked(True)
        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("featureMapsStageCombo")
        self.stage_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # short items, read whole
        controls = QHBoxLayout()
        self.input_label = QLabel()
        controls.addWidget(self.input_label)
        controls.addWidget(self.from_drawing)
        controls.addWidget(self.from_test)
        controls.addWidget(self.index_spin)
        controls.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("featureMapsStatus")
        self.status.setWordWrap(True)
        stage_row = QHBoxLayout()  # a row of its own: both fit a 1024-pixel screen at 150%
        self.layer_label = QLabel()
        stage_row.addWidget(self.layer_label)
        stage_row.addWidget(self.stage_combo)
        stage_row.addWidget(self.status, 1)

        self.grid = MapGrid()
        self.grid.setObjectName("featureMapGrid")
        self.side = pg.GraphicsLayoutWidget()
        self.side.setObjectName("featureMapsSide")
        self.side.setBackground("w")
        self.input_plot = self.side.addPlot(row=0, col=0)
        self.input_image = pg.ImageItem(axisOrder="row-major")
        self.input_plot.addItem(self.input_image)
        self.input_plot.invertY(True)
        self.input_plot.setAspectLocked(True)
        self.input_plot.hideAxis("left")
        self.input_plot.hideAxis("bottom")
        self.hist_plot = self.side.addPlot(row=1, col=0)
        for plot in (self.input_plot, self.hist_plot):
            style_plot(plot)
            plot.setMenuEnabled(False)
            plot.hideButtons()
        self.hist_curve = pg.PlotDataItem(stepMode="center", fillLevel=0, pen=pg.mkPen(CURRENT_PEN),
                                          brush=pg.mkBrush(CURRENT_BRUSH))
        self.hist_plot.addItem(self.hist_curve)
        self.side.ci.layout.setRowStretchFactor(0, 2)
        self.side.ci.layout.setRowStretchFactor(1, 3)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.grid)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addLayout(stage_row)
        layout.addWidget(splitter, 1)

        self.from_drawing.toggled.connect(self._on_source_changed)
        self.from_drawing.clicked.connect(self._on_source_clicked)
        self.from_test.clicked.connect(self._on_source_clicked)
        self.index_spin.valueChanged.connect(self._on_index_changed)
        self.stage_combo.currentIndexChanged.connect(self._on_stage_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.from_drawing.setText(self.tr("Digit on the drawing pad"))
        self.from_test.setText(self.tr("Test image #"))
        self.input_label.setText(self.tr("Input:"))
        self.layer_label.setText(self.tr("Layer:"))
        self.stage_combo.setToolTip(self.tr("Which layer's feature maps to show: each convolution's output, "
                                            "the same after the activation, and after pooling."))
        self.grid.set_colorbar_label(self.tr("activation"))
        self.hist_plot.setLabel("left", self.tr("count"), color=AXIS_COLOR)
        self.hist_plot.setLabel("bottom", self.tr("value"), color=AXIS_COLOR)
        if self.network is not None:
            self.render()
        else:
            wrap_title(self.input_plot, self.tr("input"))
            wrap_title(self.hist_plot, self.tr("histogram of the layer's values"))

    # ------------------------------------------------------------------ public API
    def set_network(self, network) -> None:
        self.network = network
        self.render()

    def set_drawing(self, x) -> None:
        """The pad's digit changed: shown at once when it is the input (or the user has not chosen)."""
        self.drawing = x
        self.render()

    def current_input(self):
        """(x (784,), caption) for the chosen source, or (None, why not)."""
        if self.from_drawing.isChecked():
            if self.drawing is None:
                return None, self.tr("The drawing pad is empty: draw a digit there, or pick a test image.")
            return np.asarray(self.drawing, dtype=np.float32).reshape(784), self.tr("the digit on the drawing pad")
        data = self._test_data()
        if data is None:
            return None, self.tr("No test images yet: the dataset is loading (or could not be loaded).")
        x, t = data
        self.index_spin.setMaximum(len(x) - 1)
        i = min(self.index_spin.value(), len(x) - 1)
        label = np.asarray(t[i]).argmax() if np.ndim(t[i]) else int(t[i])
        return np.asarray(x[i], dtype=np.float32).reshape(784), self.tr("test image {i} (label {label})").format(
            i=i, label=label)

    def render(self) -> None:
        if self.network is None:
            return
        if self.drawing is not None and not self._chosen and not self.from_drawing.isChecked():
            self.from_drawing.blockSignals(True)  # the default input: the pad's digit, once drawn
            self.from_drawing.setChecked(True)
            self.from_drawing.blockSignals(False)
        x, caption = self.current_input()
        if x is None:
            self.clear(caption)
            return
        all_stages = self.network.activations(x[None, :])
        self.stages = map_stages(all_stages)
        probs = all_stages[-1][1][0]
        self._fill_stages()
        self.input_image.setImage(1.0 - x.reshape(28, 28), levels=(0.0, 1.0))
        top = int(np.argmax(probs))
        wrap_title(self.input_plot, self.tr("{input}: read as {digit} ({p})").format(
            input=caption, digit=top, p=f"{probs[top]:.0%}"))
        self.status.setText(self.tr("Showing {input}; hover a map to read its values.").format(input=caption))
        self._render_stage()

    def clear(self, why: str) -> None:
        self.stages = []
        self.status.setText(why)
        self.grid.clear(why)
        self.input_image.clear()
        self.hist_curve.setData([], [])
        wrap_title(self.input_plot, self.tr("no input"))

    def export_views(self) -> list:
        return [self.grid.graphics, self.side]

    # ------------------------------------------------------------------ helpers
    def _fill_stages(self) -> None:
        labels = [stage_label(name, maps, self.network.activation) for name, maps in self.stages]
        if labels == [self.stage_combo.itemText(i) for i in range(self.stage_combo.count())]:
            return
        keep = self.stage_combo.currentData()
        names = [name for name, _ in self.stages]
        self.stage_combo.blockSignals(True)
        self.stage_combo.clear()
        for name, label in zip(names, labels):
            self.stage_combo.addItem(label, name)
        # the first layer's activated maps are where the filters' work shows best
        default = keep if keep in names else "Z1" if "Z1" in names else names[0] if names else None
        self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(default), 0))
        self.stage_combo.blockSignals(False)

    def _render_stage(self) -> None:
        name = self.stage_combo.currentData()
        maps = dict(self.stages).get(name)
        if maps is None:
            self.grid.clear(self.tr("This model has no conv or pool layer."))
            self.hist_curve.setData([], [])
            return
        maps = np.asarray(maps, dtype=np.float32)
        signed = float(maps.min()) < 0
        tile = self.tr("{name} map {i}")
        self.grid.set_maps(maps, signed=signed, names=[tile.format(name=name, i=i) for i in range(len(maps))],
                           title=stage_label(name, maps, self.network.activation))
        lo, hi = float(maps.min()), float(maps.max())
        if not hi > lo:
            lo, hi = lo - 0.5, hi + 0.5
        counts, edges = np.histogram(maps, bins=BINS, range=(lo, hi))
        self.hist_curve.setData(edges, counts)
        zero = float(np.mean(maps == 0))
        fields = dict(n=maps.size, name=name, mean=f"{float(maps.mean()):.3g}", zero=f"{zero:.0%}")
        wrap_title(self.hist_plot, (self.tr("{n:,} values of {name}: mean {mean}, {zero} exactly zero") if zero
                                    else self.tr("{n:,} values of {name}: mean {mean}")).format(**fields))
        self.hist_plot.autoRange()

    @Slot(bool)
    def _on_source_changed(self, _on):
        self.render()

    @Slot()
    def _on_source_clicked(self):
        self._chosen = True

    @Slot(int)
    def _on_index_changed(self, _value):
        self._chosen = True
        if self.from_test.isChecked():
            self.render()
        else:
            self.from_test.setChecked(True)

    @Slot(int)
    def _on_stage_changed(self, _index):
        if self.stages:
            self._render_stage()

    def showEvent(self, event):
        super().showEvent(event)
        self.shown.emit()
