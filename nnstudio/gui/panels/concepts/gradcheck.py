"""Gradient check: backpropagation against the numerical gradient of a small TwoLayerNet or a tiny
conv net, timed."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QProgressBar, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem)

from nnstudio.core.nn import gradcheck as G
from nnstudio.gui.i18n import translate
from nnstudio.gui.panels.concepts.base import (ACCENT, FOREGROUND, GOOD, PALETTE, ExplorerPage, error_label,
                                               heading, make_plot, set_heading, set_plot_texts)
from nnstudio.gui.panels.concepts.dataset_wait import DatasetWait
from nnstudio.gui.panels.concepts.simplenet import SimpleNetBox
from nnstudio.gui.workers import JobWorker

INPUT, OUTPUT = 784, 10
COLUMNS = [QT_TRANSLATE_NOOP("GradCheckExplorer", "parameter"), QT_TRANSLATE_NOOP("GradCheckExplorer", "shape"),
           QT_TRANSLATE_NOOP("GradCheckExplorer", "mean |Δ|"), QT_TRANSLATE_NOOP("GradCheckExplorer", "max |Δ|"),
           QT_TRANSLATE_NOOP("GradCheckExplorer", "rel. error"), QT_TRANSLATE_NOOP("GradCheckExplorer", "time (num.)")]
PASS_LIMIT = 1e-6  # mean |backprop − numerical| below this counts as agreement
MUTED_LINE = "#777777"
MLP, CONV = "mlp", "conv"
NETWORKS = {MLP: QT_TRANSLATE_NOOP("GradCheckExplorer", "two-layer net"),
            CONV: QT_TRANSLATE_NOOP("GradCheckExplorer", "tiny conv net")}
SIZE_RANGE = {MLP: (QT_TRANSLATE_NOOP("GradCheckExplorer", "hidden neurons"), 30, 10),
              CONV: (QT_TRANSLATE_NOOP("GradCheckExplorer", "conv filters"), 8, 3)}  # label, maximum, default
# the status line's states (what it said last is said again after a change of language)
NOT_RUN = QT_TRANSLATE_NOOP("GradCheckExplorer", "Not run yet.")
TIMING = QT_TRANSLATE_NOOP("GradCheckExplorer", "Timing backprop…")
STOPPED = QT_TRANSLATE_NOOP("GradCheckExplorer", "Stopped.")
BACKPROP_TOOK = QT_TRANSLATE_NOOP("GradCheckExplorer", "Backprop took {time}. Now the numerical gradient, "
                                                       "one parameter element at a time…")
DONE = QT_TRANSLATE_NOOP("GradCheckExplorer", "Done: {images} image(s) through {network}.")


def check_job(data, hidden: int, images: int, seed: int, kind: str = MLP):
    """Run in the worker: take the first `images` training images of `data` and check the gradients
    of a TwoLayerNet with `hidden` neurons, or (kind CONV) of a tiny conv net with `hidden` filters."""
    (x_train, t_train), _ = data
    x = np.asarray(x_train[:images], dtype=np.float64).reshape(images, -1)
    t = np.asarray(t_train[:images])
    if kind == CONV:
        network = G.make_conv_network(hidden, seed=seed)
    else:
        network = G.make_network(x.shape[1], hidden, OUTPUT, seed=seed)
    yield from G.run_gradient_check(network, x, t)


def seconds_text(s: float) -> str:
    if s < 1e-3:
        return translate("GradCheckExplorer", "{value} µs").format(value=f"{s * 1e6:.0f}")
    if s < 1:
        return translate("GradCheckExplorer", "{value} ms").format(value=f"{s * 1e3:.1f}")
    return translate("GradCheckExplorer", "{value} s").format(value=f"{s:.2f}")


class GradCheckExplorer(ExplorerPage):
    """Choose a net size and a number of images, run, and compare the two gradients."""

    def __init__(self, context=None, parent=None):
        super().__init__("gradcheck", parent)
        self.setObjectName("gradcheckExplorer")
        self.context = context
        self.worker: JobWorker | None = None
        self.result = None
        self.checks = []
        self._status = (NOT_RUN, {})  # (template, fields) of the status line
        self._failure = ""  # the last check's error message
        self.loading = (DatasetWait(context, self.start, self._on_failed, self._on_finished, self)
                        if context is not None else None)
        form = QFormLayout()
        self.network_kind = QComboBox(objectName="gradcheckNetworkCombo")
        self.network_kind.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.network_kind.setMinimumContentsLength(10)  # the controls column stays narrow; the list shows all
        for key, text in NETWORKS.items():
            self.network_kind.addItem(text, key)
        self.hidden = QSpinBox(objectName="hiddenSpin", minimum=1, maximum=30, value=10)
        self.images = QSpinBox(objectName="imagesSpin", minimum=1, maximum=10, value=3)
        self.seed = QSpinBox(objectName="seedSpin", minimum=0, maximum=9999, value=0)
        self.form = form
        form.addRow(QLabel(), self.network_kind)
        self.hidden_label = QLabel()
        form.addRow(self.hidden_label, self.hidden)
        form.addRow(QLabel(), self.images)
        form.addRow(QLabel(), self.seed)
        self.controls.addLayout(form)
        self.size_label = QLabel(objectName="gradcheckSize")
        self.size_label.setWordWrap(True)
        self.controls.addWidget(self.size_label)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(objectName="gradcheckRunButton")
        self.stop_button = QPushButton(objectName="gradcheckStopButton", enabled=False)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_button)
        self.controls.addLayout(buttons)
        self.progress = QProgressBar(objectName="gradcheckProgress", minimum=0, maximum=1000, value=0)
        self.controls.addWidget(self.progress)
        self.status = QLabel(objectName="gradcheckStatus")
        self.status.setWordWrap(True)
        self.error = error_label()
        self.controls.addWidget(self.status)
        self.controls.addWidget(self.error)
        self.timing_heading = heading()
        self.controls.addWidget(self.timing_heading)
        self.timing = QLabel(objectName="gradcheckTiming", textFormat=Qt.RichText)
        self.timing.setWordWrap(True)
        self.controls.addWidget(self.timing)
        self.simplenet = SimpleNetBox()
        self.controls.addWidget(self.simplenet)
        self.controls.addStretch(1)

        self.table = QTableWidget(0, len(COLUMNS), objectName="gradcheckTable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)  # a narrow window scrolls, never cuts
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setFixedHeight(160)
        self.plot = make_plot()
        self.legend = self.plot.addLegend(offset=(10, 10), labelTextColor=FOREGROUND, brush=pg.mkBrush(255, 255, 255, 220))
        self.diagonal = self.plot.plot([], [], pen=pg.mkPen(MUTED_LINE, width=1, style=Qt.DashLine),
                                       name=" ")
        self.scatters = {}
        for i, name in enumerate(("W1", "b1", "W2", "b2")):
            scatter = pg.ScatterPlotItem(size=6, pen=None, brush=pg.mkBrush(PALETTE[i]), name=name)
            self.plot.addItem(scatter)
            self.scatters[name] = scatter
        self.main.addWidget(self.table)
        self.main.addWidget(self.plot, 1)

        self.network_kind.currentIndexChanged.connect(self._on_network_kind)
        self.hidden.valueChanged.connect(self._update_size)
        self.images.valueChanged.connect(self._update_size)
        self.run_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.retranslate()

    def retranslate(self) -> None:
        for i in range(self.network_kind.count()):
            self.network_kind.setItemText(i, translate("GradCheckExplorer", NETWORKS[self.network_kind.itemData(i)]))
        self.network_kind.setToolTip(self.tr("The two-layer net of chapter 4, or a tiny convolutional net "
                                             "({arch}): backprop through convolution and max pooling, checked "
                                             "the same way.").format(arch=G.tiny_conv_arch(3)))
        self.form.labelForField(self.network_kind).setText(self.tr("network"))
        self.hidden_label.setText(translate("GradCheckExplorer", SIZE_RANGE[self.network_kind.currentData()][0]))
        self.form.labelForField(self.images).setText(self.tr("MNIST images"))
        self.form.labelForField(self.seed).setText(self.tr("random seed"))
        self.run_button.setText(self.tr("Run the check"))
        self.stop_button.setText(self.tr("Stop"))
        set_heading(self.timing_heading, self.tr("Timing"))
        self.table.setHorizontalHeaderLabels([translate("GradCheckExplorer", c) for c in COLUMNS])
        set_plot_texts(self.plot, self.tr("Every gradient element: numerical against backprop"),
                       self.tr("backprop ∂L/∂w"), self.tr("numerical ∂L/∂w"))
        self.legend.getLabel(self.diagonal).setText(self.tr("equal (y = x)"))
        for row, check in enumerate(self.checks):
            cell = self.table.item(row, 5)
            if cell is not None:
                cell.setText(seconds_text(check.seconds))
        if not self._waiting():  # (while MNIST loads, the status line is DatasetWait's)
            self._set_status(*self._status)
        if self._failure:
            self._on_failed(self._failure)
        if self.result is not None:
            self._show_result(self.result)
        self._update_size()

    def _set_status(self, template: str, fields: dict | None = None) -> None:
        self._status = (template, fields or {})
        self.status.setText(translate("GradCheckExplorer", template).format(**self._status[1]))

    @Slot()
    def _on_network_kind(self, *args):
        label, maximum, default = SIZE_RANGE[self.network_kind.currentData()]
        self.hidden_label.setText(translate("GradCheckExplorer", label))
        self.hidden.blockSignals(True)
        self.hidden.setMaximum(maximum)
        self.hidden.setValue(default)
        self.hidden.blockSignals(False)
        self._update_size()

    @Slot()
    def _update_size(self):
        h = self.hidden.value()
        if self.network_kind.currentData() == CONV:
            from nnstudio.core.nn.memory import arch_costs

            arch = G.tiny_conv_arch(h)
            n = arch_costs(arch).parameters
            self.size_label.setText(self.tr("Net '{arch}' (float64, ReLU): {n:,} parameters. Backprop runs "
                                            "through the pooling and the convolution (col2im) once; the "
                                            "numerical gradient needs {passes:,} forward passes.").format(
                arch=arch, n=n, passes=2 * n))
            return
        n = INPUT * h + h + h * OUTPUT + OUTPUT
        self.size_label.setText(self.tr("Net {shape} (float64): {n:,} parameters. Backprop gets all "
                                        "their gradients from one forward and one backward pass; the numerical "
                                        "gradient needs {passes:,} forward passes.").format(
            shape=f"{INPUT}-{h}-{OUTPUT}", n=n, passes=2 * n))

    # ------------------------------------------------------------------ running
    @Slot()
    def start(self):
        if (self.worker is not None and self.worker.isRunning()) or self._waiting():
            return
        self.result, self.checks = None, []
        self.table.setRowCount(0)
        for scatter in self.scatters.values():
            scatter.setData([], [])
        self.diagonal.setData([], [])
        self.error.setText("")
        self._failure = ""
        self.timing.setText("")
        self.progress.setValue(0)
        self.run_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        if self.context is None:
            self._on_failed(self.tr("no dataset to take images from"))
            self._on_finished()
            return
        dataset = self.loading.dataset(self.status)
        if dataset is None:  # the check runs once MNIST has loaded
            return
        self._set_status(TIMING)
        self.worker = JobWorker(check_job, dataset.data, self.hidden.value(), self.images.value(),
                                self.seed.value(), self.network_kind.currentData(), name="gradientCheck")
        self.worker.yielded.connect(self._on_progress)
        self.worker.error.connect(self._on_failed)
        self.worker.finished.connect(self._on_finished)
        self.worker.start()

    def _waiting(self) -> bool:
        return self.loading is not None and self.loading.waiting

    @Slot()
    def stop(self):
        if self._waiting():
            self.loading.cancel()
            self._on_finished()
            self._set_status(STOPPED)
        if self.worker is not None:
            self.worker.cancel()

    @Slot(object)
    def _on_progress(self, item):
        if isinstance(item, tuple) and item[0] == "backprop":
            self._set_status(BACKPROP_TOOK, {"time": seconds_text(item[1])})
        elif isinstance(item, G.Progress):
            self.progress.setValue(int(1000 * item.done / item.total))
        elif isinstance(item, G.ParamCheck):
            self._add_check(item)
        elif isinstance(item, G.GradCheckResult):
            self._show_result(item)

    def _add_check(self, check: G.ParamCheck):
        self.checks.append(check)
        row = self.table.rowCount()
        self.table.insertRow(row)
        ok = check.mean_abs_diff < PASS_LIMIT
        cells = [check.name, str(check.shape), f"{check.mean_abs_diff:.2e}", f"{check.max_abs_diff:.2e}",
                 f"{check.relative_error:.2e}", seconds_text(check.seconds)]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignCenter)
            if col == 2:
                item.setForeground(pg.mkColor(GOOD if ok else ACCENT))
            self.table.setItem(row, col, item)
        self.scatters[check.name].setData(check.backprop.ravel(), check.numerical.ravel())
        values = np.concatenate([c.backprop.ravel() for c in self.checks])
        lo, hi = float(values.min()), float(values.max())
        self.diagonal.setData([lo, hi], [lo, hi])

    def _show_result(self, result: G.GradCheckResult):
        self.result = result
        agree = result.max_mean_abs_diff < PASS_LIMIT
        limit = f"{PASS_LIMIT:g}"
        verdict = (f"<span style='color:{GOOD}'><b>" + self.tr("Backprop is right:") + "</b></span> "
                   + self.tr("every mean |Δ| is below {limit}.").format(limit=limit) if agree else
                   f"<span style='color:{ACCENT}'><b>" + self.tr("The gradients disagree") + "</b></span> "
                   + self.tr("(mean |Δ| above {limit}).").format(limit=limit))
        self.timing.setText(
            self.tr("backprop, all {n:,} gradients: <b>{time}</b>").format(
                n=result.n_params, time=seconds_text(result.backprop_seconds)) + "<br>"
            + self.tr("numerical, the same gradients: <b>{time}</b>").format(
                time=seconds_text(result.numerical_seconds)) + "<br>"
            + self.tr("numerical is <b>{ratio}×</b> slower.").format(ratio=f"{result.slowdown:,.0f}")
            + f"<br><br>{verdict}<br>"
            + self.tr("Largest relative error, measured: <b>{error}</b> (the rounding of central differences: "
                      "the loss clips at 10⁻⁷ rather than adding it).").format(
                error=f"{result.max_relative_error:.1e}"))
        self._set_status(DONE, {"images": result.batch, "network": result.shape_text})

    @Slot(str)
    def _on_failed(self, message):
        self._failure = message
        self.error.setText(self.tr("The check failed: {message}").format(message=message))

    @Slot()
    def _on_finished(self):
        self.run_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if self.worker is not None and self.worker.cancelled:
            self._set_status(STOPPED)

    def shutdown(self):
        if self.loading is not None:
            self.loading.cancel()
        if self.worker is not None:
            self.worker.cancel()  # the check ends at its next yield
            self.worker.wait()
