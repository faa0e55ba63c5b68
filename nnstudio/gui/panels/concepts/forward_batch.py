"""The forward pass on a batch: 100 MNIST images through a 784-50-100-10 net, stage by stage."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.gui.i18n import translate
from nnstudio.gui.panels.concepts.base import error_label, make_plot, set_plot_texts
from nnstudio.gui.panels.concepts.dataset_wait import DatasetWait
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.workers import JobWorker

BATCH = 100
SIZES = (784, 50, 100, 10)
OPERATIONS = {"X": QT_TRANSLATE_NOOP("BatchForwardView", "100 test images"), "A1": "X · W1 + b1", "Z1": "sigmoid(A1)",
              "A2": "Z1 · W2 + b2", "Z2": "sigmoid(A2)", "A3": "Z2 · W3 + b3", "Y": "softmax(A3)"}


def batch_forward(data, seed: int = 0) -> dict:
    """Run in the worker: push BATCH test images of `data` ((train, test) pairs) through the net."""
    (_, _), (x_test, t_test) = data
    if len(x_test) < BATCH:
        raise ValueError(translate("BatchForwardView", "the test set has only {n} images; this view needs {batch}")
                         .format(n=len(x_test), batch=BATCH))
    x = np.asarray(x_test[:BATCH], dtype=np.float32).reshape(BATCH, -1)
    net = MultiLayerNet(list(SIZES), activation="sigmoid", init="xavier", rng=seed)
    stages = dict(net.activations(x))
    names = {"input": "X", "output": "Y"}
    shapes = [(names.get(k, k), tuple(v.shape)) for k, v in stages.items()]
    params = [(k, tuple(v.shape)) for k, v in net.params.items()]
    side = int(round(np.sqrt(x.shape[1])))
    mosaic = (x.reshape(10, 10, side, side).transpose(0, 2, 1, 3).reshape(10 * side, 10 * side))
    return {"shapes": shapes, "params": params, "mosaic": mosaic, "labels": np.asarray(t_test[:BATCH])}


class BatchForwardView(Retranslatable, QWidget):
    """A button that loads MNIST off the GUI thread, then a table of every stage's shape."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.worker: JobWorker | None = None
        self.result = None
        self.loading = DatasetWait(context, self.start, self._on_failed, self._on_finished, self)
        self.run_button = QPushButton(objectName="batchRunButton")
        self.run_button.clicked.connect(self.start)
        self.status = QLabel(objectName="batchStatus")
        self.status.setWordWrap(True)
        self.error = error_label()
        self.table = QTableWidget(0, 3, objectName="batchTable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.images = make_plot()
        item = self.images.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.showGrid(x=False, y=False)
        item.getViewBox().setAspectLocked(True)
        item.getViewBox().invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.images.addItem(self.image)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.images, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.run_button)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addLayout(body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.run_button.setText(self.tr("Run {n} test images through the net").format(n=BATCH))
        self.run_button.setToolTip(self.tr("Push a batch of {n} MNIST test images through 784-50-100-10").format(n=BATCH))
        self.table.setHorizontalHeaderLabels([self.tr("stage"), self.tr("computed as"), self.tr("shape")])
        set_plot_texts(self.images, self.tr("X: {n} images, one per row").format(n=BATCH))
        if self.result is not None:
            self._on_done(self.result)
        elif not self.loading.waiting and (self.worker is None or not self.worker.isRunning()):
            self.status.setText(self.tr("The shapes below appear once the batch has run (the first run loads MNIST)."))

    @Slot()
    def start(self):
        if (self.worker is not None and self.worker.isRunning()) or self.loading.waiting:
            return
        self.run_button.setEnabled(False)
        self.error.setText("")
        dataset = self.loading.dataset(self.status)
        if dataset is None:  # the batch runs once MNIST has loaded
            return
        self.status.setText(self.tr("Running the batch…"))
        self.worker = JobWorker(batch_forward, dataset.data, name="batchForward")
        self.worker.result.connect(self._on_done)
        self.worker.error.connect(self._on_failed)
        self.worker.finished.connect(self._on_finished)
        self.worker.start()

    @Slot(object)
    def _on_done(self, result):
        self.result = result
        rows = []
        params = dict(result["params"])
        for name, shape in result["shapes"]:
            rows.append((name, translate("BatchForwardView", OPERATIONS.get(name, "")), shape))
            if name.startswith("A"):
                continue
            i = {"X": 1, "Z1": 2, "Z2": 3}.get(name)
            if i:
                rows.append((f"W{i}, b{i}", self.tr("weights, biases"), f"{params[f'W{i}']}, {params[f'b{i}']}"))
        self.table.setRowCount(len(rows))
        for r, (name, operation, shape) in enumerate(rows):
            for c, text in enumerate((name, operation, str(shape))):
                cell = QTableWidgetItem(text)
                if name.startswith("W"):
                    cell.setForeground(pg.mkColor("#666666"))
                if c == 2:
                    cell.setTextAlignment(Qt.AlignCenter)
                self.table.setItem(r, c, cell)
        self.image.setImage(result["mosaic"], levels=(0, 1))
        self.images.getPlotItem().getViewBox().autoRange(padding=0.02)
        chain = " → ".join(str(s) for n, s in result["shapes"] if n in ("X", "Z1", "Z2", "Y"))
        self.status.setText(self.tr("Shapes through the net: {chain}. The weights are random here: the shapes do "
                                    "not depend on them.").format(chain=chain))

    @Slot(str)
    def _on_failed(self, message):
        self.error.setText(self.tr("Could not run the batch: {reason}").format(reason=message))
        self.status.setText("")

    @Slot()
    def _on_finished(self):
        self.run_button.setEnabled(True)

    def shape_texts(self) -> dict:
        """{stage: shape text} as the table shows them (for tests)."""
        return {self.table.item(r, 0).text(): self.table.item(r, 2).text() for r in range(self.table.rowCount())}

    def shutdown(self):
        self.loading.cancel()
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()  # one batch: a fraction of a second
