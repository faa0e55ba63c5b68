"""The common frame of every concept explorer: controls | plots | explanation, and its colours."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QLabel, QScrollArea, QSizePolicy, QSplitter, QVBoxLayout, QWidget)

from nnstudio.gui.widgets.explainer import Explainer
from nnstudio.gui.widgets.plot_title import wrap_title
from nnstudio.gui.widgets.retranslate import Retranslatable

# Colours of the concept explorers, in one place.
BACKGROUND = "w"
FOREGROUND = "#222222"
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf"]
ACCENT = "#d62728"  # the target, the marked point, "wrong"
GOOD = "#2ca02c"
MUTED = "#9e9e9e"
ERROR_STYLE = "color: #c62828;"
PLOT_MIN_HEIGHT = 150


def make_plot(title: str = "", x_label: str = "", y_label: str = "", view_box=None) -> pg.PlotWidget:
    """A white pyqtgraph plot with a grid and dark, readable axes (optionally on a custom ViewBox)."""
    plot = pg.PlotWidget(background=BACKGROUND, viewBox=view_box)
    plot.setMinimumHeight(PLOT_MIN_HEIGHT)  # smaller is unreadable: the panel scrolls instead
    item = plot.getPlotItem()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(FOREGROUND))
        axis.setTextPen(pg.mkPen(FOREGROUND))
    if x_label:
        item.setLabel("bottom", x_label, color=FOREGROUND)
    if y_label:
        item.setLabel("left", y_label, color=FOREGROUND)
    item.showGrid(x=True, y=True, alpha=0.25)
    item.setMenuEnabled(False)
    if title:
        wrap_title(item, title, color=FOREGROUND, size="11pt")
    return plot


def keep_range(plot: pg.PlotWidget, x_range, y_range, padding: float = 0.02) -> None:
    """Show at least `x_range` by `y_range` at every size (an aspect-locked view otherwise crops one)."""
    view = plot.getPlotItem().getViewBox()
    view.sigResized.connect(lambda *_: view.setRange(xRange=x_range, yRange=y_range, padding=padding))
    view.setRange(xRange=x_range, yRange=y_range, padding=padding)


def heading(text: str = "") -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setWordWrap(True)
    return label


def set_heading(label: QLabel, text: str) -> None:
    label.setText(f"<b>{text}</b>")


def set_plot_texts(plot: pg.PlotWidget, title: str = "", x_label: str = "", y_label: str = "") -> None:
    """A plot's title and axis labels again (after a change of language), as make_plot sets them."""
    item = plot.getPlotItem()
    if x_label:
        item.setLabel("bottom", x_label, color=FOREGROUND)
    if y_label:
        item.setLabel("left", y_label, color=FOREGROUND)
    if title:
        wrap_title(item, title, color=FOREGROUND, size="11pt")


def error_label() -> QLabel:
    """A red one-line label for bad input, empty (and so invisible) when all is well."""
    label = QLabel("")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


class ExplorerPage(Retranslatable, QWidget):
    """Controls on the left, plots in the middle, the concept's explanation on the right; below
    NARROW pixels (a 1024x768 projector, a large interface size) the explanation goes under the plots.

    Subclasses fill `self.controls` (a QVBoxLayout) and `self.main` (a QVBoxLayout), and write
    `retranslate()` (called at the end of their __init__ and on every change of language).
    """

    CONTROLS_WIDTH = 290
    EXPLAINER_WIDTH = 300
    NARROW = 1150

    def __init__(self, concept: str, parent=None):
        super().__init__(parent)
        controls_widget = QWidget()
        self.controls = QVBoxLayout(controls_widget)
        self.controls.setContentsMargins(6, 6, 6, 6)
        scroll = QScrollArea()
        scroll.setWidget(controls_widget)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.CONTROLS_WIDTH)
        main_widget = QWidget()
        self.main_widget = main_widget  # what File ▸ Export plot… saves
        main_widget.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.main = QVBoxLayout(main_widget)
        self.main.setContentsMargins(0, 0, 0, 0)
        self.explainer = Explainer(concept)
        self.explainer.setMinimumWidth(220)
        self.right = QSplitter(Qt.Horizontal, objectName="explorerRightSplitter")
        self.right.addWidget(main_widget)
        self.right.addWidget(self.explainer)
        self.right.setStretchFactor(0, 1)
        self.right.setCollapsible(0, False)
        self.right.setCollapsible(1, False)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([self.CONTROLS_WIDTH, 900])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._arrange()

    def narrow(self) -> bool:
        return self.width() < self.NARROW

    def _arrange(self) -> None:
        """Explanation beside the plots when there is room, under them when not."""
        orientation = Qt.Vertical if self.narrow() else Qt.Horizontal
        if self.right.orientation() == orientation and self.right.property("arranged"):
            return
        self.right.setProperty("arranged", True)
        self.right.setOrientation(orientation)
        if orientation == Qt.Horizontal:
            self.explainer.setMinimumSize(220, 0)
            self.right.setSizes([600, self.EXPLAINER_WIDTH])
        else:
            self.explainer.setMinimumSize(0, 90)
            total = max(self.right.height(), self.height() - 8, 400)
            self.right.setSizes([total - total // 4, total // 4])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()
