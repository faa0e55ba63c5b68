"""A drawing of the book's 2-3-2-2 network: neurons as circles with their values, weights as lines."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnstudio.gui.i18n import translate
from nnstudio.gui.panels.concepts.base import FOREGROUND, PALETTE, make_plot, set_plot_texts
from nnstudio.gui.widgets.retranslate import Retranslatable

CIRCLE = 64  # pixels: a neuron's circle when there is room
ROW_GAP = 0.9  # data units between two neurons of one layer
MIN_HEIGHT = 240  # pixels: below this the circles would be too small to read (the panel scrolls)
LAYER_TITLES = [QT_TRANSLATE_NOOP("NetworkDiagram", "input X"),
                QT_TRANSLATE_NOOP("NetworkDiagram", "hidden layer 1\nA1 → Z1 = σ(A1)"),
                QT_TRANSLATE_NOOP("NetworkDiagram", "hidden layer 2\nA2 → Z2 = σ(A2)"),
                QT_TRANSLATE_NOOP("NetworkDiagram", "output\nA3 → Y = A3")]


class NetworkDiagram(Retranslatable, QWidget):
    """Circles per neuron (a: weighted sum, z: activation) and weight lines (width ∝ |w|)."""

    def __init__(self, network: dict, parent=None):
        super().__init__(parent)
        self.network = network
        self.sizes = [network["W1"].shape[0]] + [network[f"W{i}"].shape[1] for i in (1, 2, 3)]
        self.plot = make_plot()
        self.plot.setMinimumHeight(MIN_HEIGHT)
        item = self.plot.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.showGrid(x=False, y=False)
        item.setMouseEnabled(x=False, y=False)
        self.plot.setXRange(-0.45, 3.45, padding=0)
        self.plot.setYRange(-1.75, 1.55, padding=0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.positions = [self._column(i, n) for i, n in enumerate(self.sizes)]
        self._draw_weights()
        nodes = np.concatenate(self.positions)
        circles = pg.ScatterPlotItem(pos=nodes, size=CIRCLE, brush=pg.mkBrush("#e8f1fa"),
                                     pen=pg.mkPen(PALETTE[0], width=2))
        circles.setZValue(5)
        self.plot.addItem(circles)
        self.circles = circles
        self.node_texts = []
        self.layer_titles = []
        for layer, pos in enumerate(self.positions):
            texts = []
            for x, y in pos:
                text = pg.TextItem("", color=FOREGROUND, anchor=(0.5, 0.5))
                text.setPos(x, y)
                text.setZValue(10)
                self.plot.addItem(text)
                texts.append(text)
            self.node_texts.append(texts)
            title = pg.TextItem("", color=FOREGROUND, anchor=(0.5, 0))
            title.setPos(layer, -1.2)
            self.plot.addItem(title)
            self.layer_titles.append(title)
        item.getViewBox().sigResized.connect(self.fit_circles)
        self.fit_circles()
        self.retranslate()

    def retranslate(self) -> None:
        set_plot_texts(self.plot, self.tr("The book's three-layer network (fixed weights)"))
        for text, title in zip(self.layer_titles, LAYER_TITLES):
            text.setText(translate("NetworkDiagram", title))

    @Slot()
    def fit_circles(self, *_) -> None:
        """Circles (and their text) as large as CIRCLE pixels but never touching: at most 70% of the
        distance between two neighbours, whatever the plot's size or the interface scale; each
        bias label just under its circle."""
        view = self.plot.getPlotItem().getViewBox()
        (x0, x1), (y0, y1) = view.viewRange()
        px_x, px_y = view.width() / (x1 - x0), view.height() / (y1 - y0)
        if px_x <= 0 or px_y <= 0:
            return
        size = max(24.0, min(CIRCLE, 0.7 * min(ROW_GAP * px_y, px_x)))
        self.size = size
        self.circles.setSize(size)
        font = QFont(self.font())
        font.setPointSizeF(max(5.0, font.pointSizeF() * size / CIRCLE))
        for texts in self.node_texts:
            for text in texts:
                text.setFont(font)
        for bias, (x, y) in self.bias_labels:
            bias.setFont(font)
            bias.setPos(x, y - size / 2 / px_y)

    @staticmethod
    def _column(layer: int, n: int) -> np.ndarray:
        ys = np.linspace(0.5 * (n - 1), -0.5 * (n - 1), n) * ROW_GAP
        return np.stack([np.full(n, float(layer)), ys], axis=1)

    def _draw_weights(self):
        self.bias_labels = []
        for i in (1, 2, 3):
            W, b = self.network[f"W{i}"], self.network[f"b{i}"]
            src, dst = self.positions[i - 1], self.positions[i]
            for j, p in enumerate(src):
                for k, q in enumerate(dst):
                    w = float(W[j, k])
                    color = PALETTE[0] if w >= 0 else PALETTE[1]
                    self.plot.plot([p[0], q[0]], [p[1], q[1]], pen=pg.mkPen(color, width=0.5 + 5 * abs(w)))
                    label = pg.TextItem(f"{w:g}", color="#444444", anchor=(0.5, 0.5),
                                        fill=pg.mkBrush(255, 255, 255, 200))
                    # rising lines labelled near their start, falling ones near their end: crossing
                    # lines then never share a label spot
                    f = 0.3 if q[1] >= p[1] else 0.7
                    label.setPos(p[0] + f * (q[0] - p[0]), p[1] + f * (q[1] - p[1]))
                    label.setZValue(8)  # above the lines and circles
                    self.plot.addItem(label)
            for k, q in enumerate(dst):
                bias = pg.TextItem(f"b = {b[k]:g}", color="#555555", anchor=(0.5, 0))
                bias.textItem.document().setDocumentMargin(1)
                bias.setPos(q[0], q[1] - 0.2)
                self.plot.addItem(bias)
                self.bias_labels.append((bias, (float(q[0]), float(q[1]))))

    def set_stages(self, stages: dict) -> None:
        """stages : book_forward's dict {"X", "A1", "Z1", ..., "Y"} for one input of shape (2,)."""
        for k, text in enumerate(self.node_texts[0]):
            text.setText(f"x{k + 1}\n{stages['X'][k]:.3g}")
        for layer, (a, z, zname) in enumerate((("A1", "Z1", "z"), ("A2", "Z2", "z"), ("A3", "Y", "y")), 1):
            for k, text in enumerate(self.node_texts[layer]):
                text.setText(f"a {stages[a][k]:.4f}\n{zname} {stages[z][k]:.4f}")
