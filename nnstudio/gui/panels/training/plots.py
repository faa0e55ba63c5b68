"""The training panel's two live plots: loss per iteration with its moving average, accuracy per epoch."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QRadioButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from nnstudio.core.nn.records import EpochRecord, StepRecord
from nnstudio.gui import theme
from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.widgets.live_curve import LivePlot
from nnstudio.gui.widgets.retranslate import Retranslatable

# The baselines of core's presets (nnstudio.core.nn.presets), by name, as their lines are labelled.
BASELINE_LABELS = {"chance": QT_TRANSLATE_NOOP("TrainingPlots", "chance: {accuracy}%"),
                   "average darkness": QT_TRANSLATE_NOOP("TrainingPlots", "average darkness: {accuracy}%")}


def moving_average_window(iters_per_epoch: int) -> int:
    """A tenth of an epoch, between 20 and 500 steps: smooth but still responsive."""
    return int(min(max(iters_per_epoch // 10, 20), 500))


def moving_average(values: np.ndarray, window: int) -> np.ndarray:
    """Trailing mean over `window` values (fewer at the start)."""
    cs = np.cumsum(values, dtype=np.float64)
    out = cs.copy()
    out[window:] = cs[window:] - cs[:-window]
    return out / np.minimum(np.arange(1, len(values) + 1), window)


class _RunningMean:
    """The trailing moving average, extended incrementally as losses arrive."""

    def __init__(self, window: int):
        self.window = window
        self.cs = np.zeros(1024)
        self.n = 0

    def extend(self, values: np.ndarray) -> np.ndarray:
        k = len(values)
        if self.n + k + 1 > len(self.cs):
            self.cs = np.resize(self.cs, max(2 * len(self.cs), self.n + k + 1))
        base = self.cs[self.n]  # cs[i] = sum of the first i values; cs[0] = 0
        self.cs[self.n + 1:self.n + k + 1] = base + np.cumsum(values, dtype=np.float64)
        idx = np.arange(self.n + 1, self.n + k + 1)
        lo = np.maximum(idx - self.window, 0)
        self.n += k
        return (self.cs[idx] - self.cs[lo]) / (idx - lo)


REFRESH_INTERVAL_S = 0.25  # the live curves redraw at most four times a second


class ElidedLabel(QLabel):
    """One line of text that ends in "…" where it does not fit (the whole text in its tooltip);
    it never widens its row."""

    def __init__(self, text: str, parent=None):
        super().__init__(text, parent)
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("hover…"), super().minimumSizeHint().height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.ElideRight, self.contentsRect().width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), text)


class TrainingPlots(Retranslatable, QWidget):
    """Loss and accuracy plots for the shown run, an optional overlaid run, and reference lines."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.loss_plot = LivePlot("", "", x_label=False)  # the accuracy plot's x axis, below, is the same
        self.loss_plot.setObjectName("lossPlot")
        self.acc_plot = LivePlot("", "", legend_corner="bottom")
        self.acc_plot.setObjectName("accuracyPlot")
        self.acc_plot.setYRange(0, 100)  # an empty plot still reads as percent; data re-autoranges
        self.acc_plot.enableAutoRange(axis="y")
        self.acc_plot.setXLink(self.loss_plot)
        # Before the first run: axes a run could have (iterations, a loss from ~2.3 down), not
        # pyqtgraph's empty 0-1 range with ticks at 0.2 iterations; the first data re-autoranges.
        self.loss_plot.setXRange(0, 1000, padding=0.02)
        self.loss_plot.setYRange(0, 2.5)
        self.loss_plot.enableAutoRange(axis="y")
        self._mean = _RunningMean(20)
        self.window = 20
        self._last_refresh = 0.0
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh_now)
        self.iters_per_epoch = 1
        self.x_iterations = QRadioButton()
        self.x_iterations.setObjectName("xIterations")
        self.x_epochs = QRadioButton()
        self.x_epochs.setObjectName("xEpochs")
        self.x_iterations.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.x_iterations)
        group.addButton(self.x_epochs)
        self.x_epochs.toggled.connect(self._on_x_mode)
        self.log_loss = QCheckBox()
        self.log_loss.setObjectName("logLossCheck")
        self.log_loss.toggled.connect(self._on_log_loss)
        self.hint = hint = ElidedLabel("")
        hint.setStyleSheet(f"color: {theme.GREY};")
        self.x_axis_label = QLabel()
        self._references: tuple = (None, ())  # start_run's (expected_test_acc, baselines)
        self._overlay_number: int | None = None
        top = QHBoxLayout()
        top.addWidget(self.x_axis_label)
        top.addWidget(self.x_iterations)
        top.addWidget(self.x_epochs)
        top.addSpacing(16)
        top.addWidget(self.log_loss)
        top.addStretch(1)
        top.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.loss_plot, 1)
        layout.addWidget(self.acc_plot, 1)
        self._make_main_series(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.loss_plot.set_title(self.tr("Loss"))
        self.loss_plot.set_y_label(self.tr("loss"))
        self.acc_plot.set_title(self.tr("Accuracy"))
        self.acc_plot.set_y_label(self.tr("accuracy (%)"))
        self.x_axis_label.setText(self.tr("x-axis:"))
        self.x_iterations.setText(self.tr("iterations"))
        self.x_epochs.setText(self.tr("epochs"))
        self.log_loss.setText(self.tr("log loss"))
        self.log_loss.setToolTip(self.tr("Draw the loss on a logarithmic scale: late, small improvements stay "
                                         "visible."))
        self.hint.setText(self.tr("hover: value · right-click: export PNG/CSV · drag/wheel: pan/zoom"))
        self.hint.setToolTip(self.hint.text())
        for plot, key, name in self._series_names():
            plot.rename_series(key, name)
        self._draw_references()

    def _series_names(self) -> list:
        """(plot, key, name in the interface language) of every curve drawn."""
        names = [(self.loss_plot, "loss", self.tr("loss per mini-batch")),
                 (self.loss_plot, "loss_avg", self.tr("moving average ({steps} steps)").format(steps=self.window)),
                 (self.acc_plot, "train", self.tr("train accuracy")), (self.acc_plot, "test", self.tr("test accuracy"))]
        if self._overlay_number is not None:
            n = self._overlay_number
            names += [(self.loss_plot, "ov_loss", self.tr("run {number}: moving average").format(number=n)),
                      (self.acc_plot, "ov_train", self.tr("run {number}: train").format(number=n)),
                      (self.acc_plot, "ov_test", self.tr("run {number}: test").format(number=n))]
        return names

    def _make_main_series(self, ipe: int) -> None:
        self.iters_per_epoch = ipe
        self.window = moving_average_window(ipe)
        self._mean = _RunningMean(self.window)
        names = {key: name for _plot, key, name in self._series_names()}
        self.loss_plot.add_series("loss", names["loss"], theme.pen(theme.LOSS_RAW, 1), ipe)
        self.loss_plot.add_series("loss_avg", names["loss_avg"], theme.pen(theme.LOSS_AVG, 2.2), ipe)
        self.acc_plot.add_series("train", names["train"], theme.pen(theme.TRAIN_ACC, 2), ipe,
                                 symbol="o", symbol_brush=theme.TRAIN_ACC, downsample=False)
        self.acc_plot.add_series("test", names["test"], theme.pen(theme.TEST_ACC, 2), ipe,
                                 symbol="s", symbol_brush=theme.TEST_ACC, downsample=False)
        for plot in (self.loss_plot, self.acc_plot):
            plot.set_x_mode(plot.x_mode)

    # ------------------------------------------------------------------ the shown run
    def start_run(self, iters_per_epoch: int, expected_test_acc: float | None,
                  total_iterations: int | None = None, baselines=((0.10, "chance"),)) -> None:
        """Empty the main curves for a new run; draw the book's references when it has one: its
        result and its `baselines` ((accuracy, name) pairs). With `total_iterations` the x axis
        spans the whole planned run from the start. A compared run stays drawn."""
        self._make_main_series(iters_per_epoch)
        for plot in (self.loss_plot, self.acc_plot):  # linked x axes: both or neither auto-range
            plot.set_x_extent(total_iterations)
        self._references = (expected_test_acc, tuple(baselines))
        self._draw_references()

    def _draw_references(self) -> None:
        expected_test_acc, baselines = self._references
        self.acc_plot.clear_references()
        if expected_test_acc is not None:
            # Below its line: a result near 100% would put its label above the plot's top.
            self.acc_plot.add_reference(100 * expected_test_acc,
                                        self.tr("book: {accuracy}%").format(accuracy=f"{100 * expected_test_acc:.2f}"),
                                        theme.pen(theme.EXPECTED, 1.5, dashed=True), below=True)
            for acc, name in baselines:
                label = translate("TrainingPlots", BASELINE_LABELS.get(name, name + ": {accuracy}%"))
                self.acc_plot.add_reference(100 * acc, label.format(accuracy=f"{100 * acc:.4g}"),
                                            theme.pen(theme.CHANCE, 1.5, dashed=True))

    def add_records(self, records: list) -> None:
        """Append a batch of records and redraw once."""
        steps = [r for r in records if isinstance(r, StepRecord)]
        if steps:
            it = np.fromiter((r.iteration for r in steps), dtype=np.float64, count=len(steps))
            loss = np.fromiter((r.loss for r in steps), dtype=np.float64, count=len(steps))
            self.loss_plot.append("loss", it, loss)
            self.loss_plot.append("loss_avg", it, self._mean.extend(loss))
        for r in records:
            if isinstance(r, EpochRecord):
                self.acc_plot.append("train", [r.iteration], [100 * r.train_acc])
                self.acc_plot.append("test", [r.iteration], [100 * r.test_acc])
        self.request_refresh()

    def request_refresh(self) -> None:
        """Redraw the curves now, or at most REFRESH_INTERVAL_S after the last redraw: records
        arrive about ten times a second, and every repaint of the loss plot (10-20 ms with its
        axes re-ticked as the loss falls) holds the GIL the training thread needs."""
        wait = REFRESH_INTERVAL_S - (time.monotonic() - self._last_refresh)
        if wait <= 0:
            self.refresh_now()
        elif not self._refresh_timer.isActive():
            self._refresh_timer.start(max(1, int(1000 * wait)))

    @Slot()
    def refresh_now(self) -> None:
        self._refresh_timer.stop()
        self._last_refresh = time.monotonic()
        self.loss_plot.refresh()
        self.acc_plot.refresh()

    def fit_to_data(self) -> None:
        """Let the x axes fit the data: after an early end (a divergence, a stop) the planned
        range would leave the run a sliver at the left."""
        for plot in (self.loss_plot, self.acc_plot):
            plot.set_x_extent(None)

    def show_run(self, run) -> None:
        """Show a finished run's curves as the main ones."""
        self.start_run(run.iters_per_epoch, None)
        self.add_records(run.epochs)
        it, loss = run.step_arrays()
        self.loss_plot.append("loss", it, loss)
        self.loss_plot.append("loss_avg", it, self._mean.extend(loss))
        self.refresh_now()

    # ------------------------------------------------------------------ a second run to compare
    def set_overlay(self, run) -> None:
        self.clear_overlay()
        self._overlay_number = run.number
        names = {key: name for _plot, key, name in self._series_names()}
        ipe = run.iters_per_epoch
        it, loss = run.step_arrays()
        pen = theme.pen(theme.OVERLAY_LOSS, 2, dashed=True)
        self.loss_plot.add_series("ov_loss", names["ov_loss"], pen, ipe)
        if len(loss):
            self.loss_plot.set_points("ov_loss", it, moving_average(loss, moving_average_window(ipe)))
        for key, color, attr in (("ov_train", theme.OVERLAY_TRAIN, "train_acc"),
                                 ("ov_test", theme.OVERLAY_TEST, "test_acc")):
            self.acc_plot.add_series(key, names[key], theme.pen(color, 1.5, dashed=True),
                                     ipe, symbol="t", symbol_brush=color, downsample=False)
            self.acc_plot.set_points(key, [e.iteration for e in run.epochs],
                                     [100 * getattr(e, attr) for e in run.epochs])
        for plot in (self.loss_plot, self.acc_plot):
            plot.refresh()
            plot.set_x_extent(None)

    def clear_overlay(self) -> None:
        self._overlay_number = None
        for key in ("ov_loss",):
            self.loss_plot.remove_series(key)
        for key in ("ov_train", "ov_test"):
            self.acc_plot.remove_series(key)

    # ------------------------------------------------------------------ x axis
    def x_mode(self) -> str:
        return "epochs" if self.x_epochs.isChecked() else "iterations"

    def set_x_mode(self, mode: str) -> None:
        (self.x_epochs if mode == "epochs" else self.x_iterations).setChecked(True)
        self._on_x_mode()

    @Slot(bool)
    def _on_log_loss(self, on: bool) -> None:
        self.loss_plot.set_log_y(on)

    @Slot()
    def _on_x_mode(self, *args) -> None:
        for plot in (self.loss_plot, self.acc_plot):
            plot.set_x_mode(self.x_mode())
