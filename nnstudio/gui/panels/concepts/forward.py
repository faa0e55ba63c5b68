"""The forward pass: the book's 2-3-2-2 network stage by stage, then the shapes of a batch."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QAbstractItemView, QDoubleSpinBox, QFormLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from nnstudio.core.nn.network import BOOK_NETWORK, book_forward
from nnstudio.gui.i18n import translate
from nnstudio.gui.panels.concepts.base import ExplorerPage, heading, set_heading
from nnstudio.gui.panels.concepts.forward_batch import BatchForwardView
from nnstudio.gui.panels.concepts.forward_diagram import NetworkDiagram

BOOK_INPUT = (1.0, 0.5)
STAGES = [("X", QT_TRANSLATE_NOOP("ForwardExplorer", "the input")), ("A1", "X · W1 + b1"), ("Z1", "sigmoid(A1)"), ("A2", "Z1 · W2 + b2"),
          ("Z2", "sigmoid(A2)"), ("A3", "Z2 · W3 + b3"), ("Y", "identity(A3)")]


def vector_text(v) -> str:
    return "[" + ", ".join(f"{x:.8f}" for x in np.ravel(v)) + "]"


class ForwardExplorer(ExplorerPage):
    """Edit the two inputs; every stage of the forward pass updates."""

    def __init__(self, context=None, parent=None):
        super().__init__("forward", parent)
        self.setObjectName("forwardExplorer")
        self.input_heading = heading()
        self.controls.addWidget(self.input_heading)
        form = QFormLayout()
        self.x1 = self._spin(BOOK_INPUT[0], "x1Spin")
        self.x2 = self._spin(BOOK_INPUT[1], "x2Spin")
        form.addRow("x1", self.x1)
        form.addRow("x2", self.x2)
        self.controls.addLayout(form)
        self.book_button = QPushButton(objectName="bookInputButton")
        self.book_button.clicked.connect(self.set_book_input)
        self.controls.addWidget(self.book_button)
        self.output_heading = heading()
        self.controls.addWidget(self.output_heading)
        self.output_label = QLabel(objectName="forwardOutput", textFormat=Qt.RichText)
        self.output_label.setWordWrap(True)
        self.output_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.controls.addWidget(self.output_label)
        self.controls.addStretch(1)

        self.diagram = NetworkDiagram(BOOK_NETWORK)
        self.table = QTableWidget(len(STAGES), 4, objectName="forwardTable")

        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        for row, (name, how) in enumerate(STAGES):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(""))
        single = QWidget()
        single_layout = QVBoxLayout(single)
        single_layout.setContentsMargins(0, 0, 0, 0)
        single_layout.addWidget(self.diagram, 3)
        single_layout.addWidget(self.table, 2)
        self.batch_view = BatchForwardView(context)
        self.tabs = QTabWidget(objectName="forwardTabs")
        self.tabs.addTab(single, "")
        self.tabs.addTab(self.batch_view, "")
        self.main.addWidget(self.tabs)
        self.x1.valueChanged.connect(self.refresh)
        self.x2.valueChanged.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        set_heading(self.input_heading, self.tr("Input X = [x1, x2]"))
        set_heading(self.output_heading, self.tr("Output Y"))
        self.book_button.setText(self.tr("The book's input [1.0, 0.5]"))
        self.table.setHorizontalHeaderLabels([self.tr("stage"), self.tr("computed as"), self.tr("shape"),
                                              self.tr("values")])
        for row, (_name, how) in enumerate(STAGES):
            self.table.item(row, 1).setText(translate("ForwardExplorer", how))
        self.tabs.setTabText(0, self.tr("One input: 2-3-2-2"))
        self.tabs.setTabText(1, self.tr("A batch: 100 MNIST images"))
        self.refresh()

    @staticmethod
    def _spin(value, name):
        spin = QDoubleSpinBox(objectName=name, decimals=3, minimum=-100.0, maximum=100.0, singleStep=0.1,
                              value=value)
        spin.setKeyboardTracking(False)
        return spin

    @Slot()
    def set_book_input(self):
        self.x1.setValue(BOOK_INPUT[0])
        self.x2.setValue(BOOK_INPUT[1])

    def stages(self) -> dict:
        return book_forward(np.array([self.x1.value(), self.x2.value()]))

    @Slot()
    def refresh(self):
        stages = self.stages()
        for row, (name, _) in enumerate(STAGES):
            value = stages[name]
            self.table.setItem(row, 2, QTableWidgetItem(str(value.shape)))
            self.table.setItem(row, 3, QTableWidgetItem(vector_text(value)))
        self.diagram.set_stages(stages)
        self.output_label.setText(f"Y = {vector_text(stages['Y'])}")

    def stage_text(self, name: str) -> str:
        """The values the table shows for one stage (for tests)."""
        row = [n for n, _ in STAGES].index(name)
        return self.table.item(row, 3).text()

    def shutdown(self):
        self.batch_view.shutdown()
