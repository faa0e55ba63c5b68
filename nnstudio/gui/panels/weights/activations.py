"""The weights panel's third tab: every layer's activation for the drawn digit or a test image."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from nnstudio.gui.names import name as display_name
from nnstudio.gui.widgets.heatmap import (AXIS_COLOR, HeatmapWidget, brushes_for,
                                          diverging_colormap, sequential_colormap, style_plot)
from nnstudio.gui.widgets.plot_title import wrap_title
from nnstudio.gui.widgets.retranslate import Retranslatable

BAR, BAR_TOP = "#9ecae1", "#b2182b"  # output bars; the predicted digit stands out
POSITIVE_ONLY = {"sigmoid": (0.0, 1.0), "relu": None, "step": (0.0, 1.0)}  # None: (0, max)


class ActivationsView(Retranslatable, QWidget):
    """Input image, one heat strip per hidden layer, then scores and probabilities as bars.

    test_data() → (x_test, t_test) or None. set_network(net) and set_drawing(x) feed it.
    """

    shown = Signal()  # the tab became visible (a show event never fires while tearing down)

    def __init__(self, test_data: Callable[[], tuple | None], parent=None):
        super().__init__(parent)
        self._test_data = test_data
        self.network = None
        self.drawing = None
        self.stages = []
        self.from_drawing = QRadioButton()
        self.from_drawing.setObjectName("activationsFromDrawing")
        self.from_test = QRadioButton()
        self.from_test.setObjectName("activationsFromTest")
        self.index_spin = QSpinBox()
        self.index_spin.setObjectName("testImageSpin")
        self.index_spin.setRange(0, 9999)
        group = QButtonGroup(self)
        group.addButton(self.from_drawing)
        group.addButton(self.from_test)
        self.from_test.setChecked(True)
        self.status = QLabel()
        self.status.setObjectName("activationsStatus")
        self.status.setWordWrap(True)  # wraps on a narrow window instead of widening the panel,
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing())  # into two lines kept for it
        controls = QHBoxLayout()
        self.input_label = QLabel()
        controls.addWidget(self.input_label)
        controls.addWidget(self.from_drawing)
        controls.addWidget(self.from_test)
        controls.addWidget(self.index_spin)
        controls.addWidget(self.status, 1)

        self.left = pg.GraphicsLayoutWidget()
        self.left.setBackground("w")
        self.input_plot = self.left.addPlot(row=0, col=0)
        self.input_image = pg.ImageItem(axisOrder="row-major")
        self.input_plot.addItem(self.input_image)
        self.input_plot.invertY(True)
        self.input_plot.setAspectLocked(True)
        for plot in (self.input_plot,):
            plot.hideAxis("left")
            plot.hideAxis("bottom")
        self.input_plot.titleLabel.setAttr("color", AXIS_COLOR)
        self.scores_plot = self.left.addPlot(row=1, col=0)
        self.prob_plot = self.left.addPlot(row=2, col=0)
        for plot in (self.scores_plot, self.prob_plot, self.input_plot):
            style_plot(plot)
            plot.setMenuEnabled(False)
            plot.hideButtons()
        self.scores_bars = pg.BarGraphItem(x=[], height=[], width=0.7, pen=None)
        self.prob_bars = pg.BarGraphItem(x=[], height=[], width=0.7, pen=None)
        self.scores_plot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#888888")))
        self.scores_plot.addItem(self.scores_bars)
        self.prob_plot.addItem(self.prob_bars)
        self.prob_plot.setYRange(0, 1)
        for plot in (self.scores_plot, self.prob_plot):
            plot.getAxis("bottom").setTicks([[(i, str(i)) for i in range(10)]])

        self.strips_box = QWidget()
        self.strips_layout = QVBoxLayout(self.strips_box)
        self.strips_layout.setContentsMargins(0, 0, 0, 0)
        self.strips: list[HeatmapWidget] = []
        self.votes = pg.PlotWidget(background="w")
        self.votes.setObjectName("activationVotes")
        self.votes.setMinimumHeight(160)  # a two-line title, bars and axis (the panel scrolls below it)
        self.votes_plot = self.votes.getPlotItem()
        style_plot(self.votes_plot)
        self.votes_plot.setMenuEnabled(False)
        self.votes_plot.hideButtons()
        self.votes_plot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#888888")))
        self.vote_bars = pg.BarGraphItem(x=[], height=[], width=0.8, pen=None)
        self.votes_plot.addItem(self.vote_bars)
        self.strips_layout.addWidget(self.votes, 1)
        splitter = QSplitter()
        splitter.addWidget(self.left)
        splitter.addWidget(self.strips_box)
        splitter.setSizes([380, 720])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)

        self.from_drawing.toggled.connect(self._on_source_changed)
        self.index_spin.valueChanged.connect(self._on_index_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.from_drawing.setText(self.tr("Digit on the drawing pad"))
        self.from_test.setText(self.tr("Test image #"))
        self.input_label.setText(self.tr("Input:"))
        wrap_title(self.scores_plot, self.tr("scores (last affine layer)"))
        self.votes_plot.setLabel("bottom", self.tr("unit of the last hidden layer"), color=AXIS_COLOR)
        self.votes_plot.setLabel("left", self.tr("activation × weight"), color=AXIS_COLOR)
        for strip in self.strips:
            self._strip_texts(strip)
        if self.network is not None:
            self.render()
        else:
            wrap_title(self.input_plot, self.tr("input (28×28)"))
            wrap_title(self.prob_plot, self.tr("output probabilities"))
            wrap_title(self.votes_plot, self.tr("how the last hidden layer votes"))

    def _strip_texts(self, strip) -> None:
        strip.set_colorbar_label(self.tr("activation"))
        strip.set_names(self.tr("stage"), self.tr("unit"))

    # ------------------------------------------------------------------ public API
    def set_network(self, network) -> None:
        self.network = network
        self.render()

    def set_drawing(self, x) -> None:
        self.drawing = x
        if self.from_drawing.isChecked():
            self.render()

    def use_drawing(self, on: bool = True) -> None:
        (self.from_drawing if on else self.from_test).setChecked(True)

    def current_input(self):
        """(x (784,), caption) for the chosen source, or (None, why not)."""
        if self.from_drawing.isChecked():
            if self.drawing is None:
                return None, self.tr("The drawing pad is empty: draw a digit there (Drawing pad panel).")
            return np.asarray(self.drawing, dtype=np.float32).reshape(784), self.tr("the digit on the drawing pad")
        data = self._test_data()
        if data is None:
            return None, self.tr("No test images yet: the dataset is loading (or could not be loaded).")
        x, t = data
        i = min(self.index_spin.value(), len(x) - 1)
        self.index_spin.setMaximum(len(x) - 1)
        label = np.asarray(t[i]).argmax() if np.ndim(t[i]) else int(t[i])
        return np.asarray(x[i], dtype=np.float32), self.tr("test image {i} (label {label})").format(i=i, label=label)

    def render(self) -> None:
        if self.network is None:
            return
        x, caption = self.current_input()
        if x is None:
            self.clear(caption)
            return
        self.stages = self.network.activations(x[None, :])
        # one strip per fully connected hidden layer (a conv net's maps: the Feature maps tab)
        hidden = [(name, a[0]) for name, a in self.stages if name.startswith("Z") and np.ndim(a) == 2]
        self._ensure_strips(len(hidden))
        self.input_image.setImage(1.0 - x.reshape(28, 28), levels=(0.0, 1.0))
        wrap_title(self.input_plot, caption)
        act = self.network.activation
        conv = bool(getattr(self.network, "arch", None))
        for k, (strip, (name, z)) in enumerate(zip(self.strips, hidden), start=1):
            levels = POSITIVE_ONLY.get(act, "signed")
            if levels == "signed":
                strip.set_colormap(diverging_colormap())
                levels = None
            else:
                strip.set_colormap(sequential_colormap())
                levels = levels or (0.0, max(float(z.max()), 1e-6))
            strip.set_matrix(z[None, :], levels=levels, row_labels=[name])
            what = (self.tr("dense layer {n}").format(n=name[1:]) if conv
                    else self.tr("hidden layer {n}").format(n=k))
            strip.set_title(self.tr("{layer}: {name} = {function}(A{n}), {units} units").format(
                layer=what, name=name, function=display_name(act), n=name[1:], units=len(z)))
        scores = dict(self.stages)[f"A{self.network.n_layers}"][0]
        probs = self.stages[-1][1][0]
        top = int(np.argmax(probs))
        self._bars(self.scores_bars, scores, top)
        self._bars(self.prob_bars, probs, top)
        # what feeds the last layer: the last hidden layer, or a conv net's last maps, flattened
        feeding = self.stages[-3]
        self._votes(None if feeding[0] == "input" else (feeding[0], np.ravel(feeding[1][0])), top, scores[top])
        self.scores_plot.autoRange()
        self.prob_plot.setYRange(0, 1)
        self.prob_plot.setXRange(-0.6, len(probs) - 0.4)
        wrap_title(self.prob_plot, self.tr("output: {digit} with probability {p}").format(
            digit=top, p=f"{probs[top]:.1%}"))
        status = self.tr("Showing {input}: hover a strip to read a unit's activation.").format(input=caption)
        if conv:
            status += self.tr(" The conv layers' feature maps are on the Feature maps tab.")
        self.status.setText(status)

    def clear(self, why: str) -> None:
        """Nothing to show (empty pad): say why and blank the plots rather than keep stale ones."""
        self.status.setText(why)
        self.stages = []
        self.input_image.clear()
        wrap_title(self.input_plot, self.tr("no input"))
        for strip in self.strips:
            strip.image.clear()
            strip.matrix = None  # no hover read-out of stale values
        for item in (self.scores_bars, self.prob_bars, self.vote_bars):
            item.setOpts(x=[], height=[])
        wrap_title(self.prob_plot, self.tr("output probabilities"))
        wrap_title(self.votes_plot, self.tr("how the last hidden layer votes"))

    def export_views(self) -> list:
        return [self.left] + [s.graphics for s in self.strips] + [self.votes]

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _bars(item, values, top):
        values = np.asarray(values, dtype=np.float64)
        is_top = np.arange(len(values)) == top  # "positive" colour for the winner only
        item.setOpts(x=np.arange(len(values)), height=values, width=0.7,
                     brushes=brushes_for(np.where(is_top, 1, -1), BAR_TOP, BAR))

    def _votes(self, last_hidden, digit: int, score: float) -> None:
        """Bars z_j · W_L[j, digit]: each last-layer unit's push toward the predicted digit."""
        if last_hidden is None:
            self.vote_bars.setOpts(x=[], height=[])
            wrap_title(self.votes_plot, self.tr("no hidden layer: the scores come straight from the pixels"))
            return
        name, z = last_hidden
        W = self.network.params[f"W{self.network.n_layers}"]
        b = self.network.params[f"b{self.network.n_layers}"]
        votes = np.asarray(z, dtype=np.float64) * W[:, digit]
        self.vote_bars.setOpts(x=np.arange(len(votes)), height=votes, width=0.8,
                               brushes=brushes_for(votes))
        wrap_title(self.votes_plot, self.tr("how {name} votes for digit {digit}: {name}·W{n} summed ({sum}) "
                                            "+ bias ({bias}) = score {score}").format(
            name=name, digit=digit, n=self.network.n_layers, sum=f"{votes.sum():.2f}",
            bias=f"{float(b[digit]):.2f}", score=f"{score:.2f}"))
        self.votes_plot.autoRange()

    def _ensure_strips(self, n: int) -> None:
        while len(self.strips) > n:
            strip = self.strips.pop()
            self.strips_layout.removeWidget(strip)
            strip.deleteLater()
        while len(self.strips) < n:
            strip = HeatmapWidget()
            self._strip_texts(strip)
            strip.setObjectName(f"activationStrip{len(self.strips) + 1}")
            strip.plot.hideAxis("left")
            strip.setMinimumHeight(120)
            strip.setMaximumHeight(175)
            self.strips_layout.insertWidget(len(self.strips), strip)
            self.strips.append(strip)

    @Slot(bool)
    def _on_source_changed(self, _on):
        self.render()

    @Slot(int)
    def _on_index_changed(self, _value):
        if self.from_test.isChecked():
            self.render()
        else:
            self.from_test.setChecked(True)

    def showEvent(self, event):
        super().showEvent(event)
        self.shown.emit()
