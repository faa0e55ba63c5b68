"""The common frame of every concept explorer: controls | plots | explanation, and its colours."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QLabel, QScrollArea, QSizePolicy, QSplitter, QVBoxLayout, QWidget)

from nnstudio.gui.widgets.explainer import Explainer

# Colours of the concept explorers, in one place.
BACKGROUND = "w"
FOREGROUND = "#222222"
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf"]
ACCENT = "#d62728"  # the target, the marked point, "wrong"
GOOD = "#2ca02c"
MUTED = "#9e9e9e"
ERROR_STYLE = "color: #c62828;"


def make_plot(title: str = "", x_label: str = "", y_label: str = "", view_box=None) -> pg.PlotWidget:
    """A white pyqtgraph plot with a grid and dark, readable axes (optionally on a custom ViewBox)."""
    plot = pg.PlotWidget(background=BACKGROUND, viewBox=view_box)
    item = plot.getPlotItem()
    if title:
        item.setTitle(title, color=FOREGROUND, size="11pt")
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
    return plot


def heading(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    """A red one-line label for bad input, empty (and so invisible) when all is well."""
    label = QLabel("")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


class ExplorerPage(QWidget):
    """Controls on the left, plots in the middle, the concept's explanation on the right.

    Subclasses fill `self.controls` (a QVBoxLayout) and `self.main` (a QVBoxLayout).
    """

    CONTROLS_WIDTH = 290
    EXPLAINER_WIDTH = 300

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
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(main_widget)
        splitter.addWidget(self.explainer)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([self.CONTROLS_WIDTH, 600, self.EXPLAINER_WIDTH])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
