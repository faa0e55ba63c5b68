"""The optimizer list of the descent playground: a coloured checkbox and a learning rate per optimizer."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

from nnstudio.core.nn.optimizers import DEFAULT_LR, OPTIMIZERS
from nnstudio.gui.panels.descent.style import ERROR_TEXT, OPTIMIZER_COLORS, OPTIMIZER_LABELS

MAX_LR = 1e6


def _swatch(color: str) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(QColor(color))
    return QIcon(pix)


def format_lr(lr: float) -> str:
    """Short, exact-looking text for a learning rate: 0.1, 1.5, 1e-10."""
    return f"{lr:g}"


class OptimizerList(QWidget):
    """Rows of [x] name  lr [____]; `changed` fires on any edit that alters the selection or an lr."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("descentOptimizers")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel("<b>optimizer</b>"), 0, 0)
        grid.addWidget(QLabel("<b>learning rate</b>"), 0, 1)
        self._last: list = []
        self.checks: dict[str, QCheckBox] = {}
        self.edits: dict[str, QLineEdit] = {}
        for row, name in enumerate(OPTIMIZERS, start=1):
            check = QCheckBox(OPTIMIZER_LABELS.get(name, name))
            check.setObjectName(f"descentUse_{name}")
            check.setIcon(_swatch(OPTIMIZER_COLORS[name]))
            check.toggled.connect(self._on_edit)
            edit = QLineEdit(format_lr(DEFAULT_LR[name]))
            edit.setObjectName(f"descentLr_{name}")
            edit.setMaximumWidth(90)
            edit.setToolTip("learning rate: a positive number such as 0.1, 1.5 or 1e-10")
            edit.editingFinished.connect(self._on_edit)
            grid.addWidget(check, row, 0)
            grid.addWidget(edit, row, 1)
            self.checks[name], self.edits[name] = check, edit
        self.error = QLabel("")
        self.error.setObjectName("descentLrError")
        self.error.setStyleSheet(f"color: {ERROR_TEXT};")
        self.error.setWordWrap(True)
        grid.addWidget(self.error, len(OPTIMIZERS) + 1, 0, 1, 2)
        self.checks["sgd"].setChecked(True)
        self._last = self.selected()

    def lr(self, name: str) -> float | None:
        """The learning rate typed for `name`, or None when it is not a usable number."""
        try:
            value = float(self.edits[name].text().strip())
        except ValueError:
            return None
        return value if math.isfinite(value) and 0 < value <= MAX_LR else None

    def selected(self) -> list[tuple[str, float]]:
        """(name, lr) of every checked optimizer with a valid learning rate, in registry order."""
        return [(n, self.lr(n)) for n, c in self.checks.items() if c.isChecked() and self.lr(n)]

    def set_state(self, checked=None, lrs: dict | None = None) -> None:
        """Check exactly `checked` (names; None keeps the checks) and set learning rates, quietly."""
        for name, check in self.checks.items():
            check.blockSignals(True)
            if checked is not None:
                check.setChecked(name in checked)
            if lrs and name in lrs:
                self.edits[name].setText(format_lr(lrs[name]))
            check.blockSignals(False)
        self._validate()
        self._last = self.selected()

    @Slot()
    def _on_edit(self):
        self._validate()
        now = self.selected()
        if now != self._last:
            self._last = now
            self.changed.emit()

    def _validate(self):
        bad = [OPTIMIZER_LABELS[n] for n in self.checks if self.lr(n) is None]
        for name, edit in self.edits.items():
            edit.setStyleSheet("" if self.lr(name) is not None else f"border: 1px solid {ERROR_TEXT};")
        self.error.setText(f"learning rate of {', '.join(bad)}: type a number in (0, {MAX_LR:g}]"
                           if bad else "")
