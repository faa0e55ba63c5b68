"""The optimizer list of the descent playground: a coloured checkbox, a learning rate and the decay
rates (Momentum's β, RMSprop's ρ, Adam's β1 and β2) per optimizer."""

from __future__ import annotations

import math

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from nnstudio.core.nn.optimizers import DEFAULT_LR, OPTIMIZERS
from nnstudio.gui.panels.descent.style import ERROR_TEXT, OPTIMIZER_COLORS, OPTIMIZER_LABELS
from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.widgets.signals import blocked

MAX_LR = 1e6
# name -> [(the optimizer's keyword, symbol, default, what it does)]; each a rate in [0, 1)
DECAYS = {
    "momentum": [("momentum", "β", 0.9, QT_TRANSLATE_NOOP("OptimizerList", "Momentum's β: how much of the last velocity each step keeps"))],
    "nesterov": [("momentum", "β", 0.9, QT_TRANSLATE_NOOP("OptimizerList", "Nesterov's β: how much of the last velocity each step keeps"))],
    "rmsprop": [("decay_rate", "ρ", 0.99, QT_TRANSLATE_NOOP("OptimizerList", "RMSprop's ρ: how slowly its mean of g² forgets"))],
    "adam": [("beta1", "β₁", 0.9, QT_TRANSLATE_NOOP("OptimizerList", "Adam's β₁: decay of its mean gradient (the momentum)")),
             ("beta2", "β₂", 0.999, QT_TRANSLATE_NOOP("OptimizerList", "Adam's β₂: decay of its mean g² (the per-coordinate step size)"))],
}


def _swatch(color: str) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(QColor(color))
    return QIcon(pix)


def format_lr(lr: float) -> str:
    """Short, exact-looking text for a learning rate: 0.1, 1.5, 1e-10."""
    return f"{lr:g}"


class OptimizerList(Retranslatable, QWidget):
    """Rows of [x] name  lr [____]; `changed` fires on any edit that alters the selection or an lr."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("descentOptimizers")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.heads = (QLabel(), QLabel())
        grid.addWidget(self.heads[0], 0, 0)
        grid.addWidget(self.heads[1], 0, 1)
        grid.addWidget(QLabel("<b>β</b>"), 0, 2)
        self._last: list = []
        self.checks: dict[str, QCheckBox] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.decay_edits: dict[tuple[str, str], QLineEdit] = {}  # (name, keyword) -> its edit
        for row, name in enumerate(OPTIMIZERS, start=1):
            check = QCheckBox(OPTIMIZER_LABELS.get(name, name))
            check.setObjectName(f"descentUse_{name}")
            check.setIcon(_swatch(OPTIMIZER_COLORS[name]))
            check.toggled.connect(self._on_edit)
            edit = QLineEdit(format_lr(DEFAULT_LR[name]))
            edit.setObjectName(f"descentLr_{name}")
            edit.setMaximumWidth(70)
            edit.editingFinished.connect(self._on_edit)
            grid.addWidget(check, row, 0)
            grid.addWidget(edit, row, 1)
            self.checks[name], self.edits[name] = check, edit
            decays = QHBoxLayout()
            decays.setSpacing(2)
            for key, symbol, default, tip in DECAYS.get(name, []):
                d = QLineEdit(f"{default:g}")
                d.setObjectName(f"descentDecay_{name}_{key}")
                d.setMaximumWidth(46)
                d.setPlaceholderText(symbol)
                d.editingFinished.connect(self._on_edit)
                decays.addWidget(d)
                self.decay_edits[name, key] = d
            decays.addStretch(1)
            grid.addLayout(decays, row, 2)
        self.error = QLabel("")
        self.error.setObjectName("descentLrError")
        self.error.setStyleSheet(f"color: {ERROR_TEXT};")
        self.error.setWordWrap(True)
        grid.addWidget(self.error, len(OPTIMIZERS) + 1, 0, 1, 2)
        self.checks["sgd"].setChecked(True)
        self._last = self.entrants()
        self.retranslate()

    def retranslate(self) -> None:
        self.heads[0].setText("<b>" + self.tr("optimizer") + "</b>")
        self.heads[1].setText("<b>" + self.tr("learning rate") + "</b>")
        for edit in self.edits.values():
            edit.setToolTip(self.tr("learning rate: a positive number such as 0.1, 1.5 or 1e-10"))
        for name, decays in DECAYS.items():
            for key, _symbol, _default, tip in decays:
                self.decay_edits[name, key].setToolTip(
                    self.tr("{what}; a number in [0, 1)").format(what=translate("OptimizerList", tip)))
        self._validate()

    def lr(self, name: str) -> float | None:
        """The learning rate typed for `name`, or None when it is not a usable number."""
        try:
            value = float(self.edits[name].text().strip())
        except ValueError:
            return None
        return value if math.isfinite(value) and 0 < value <= MAX_LR else None

    def decay(self, name: str, key: str) -> float | None:
        """The decay rate typed for `name`'s `key` ("momentum", "beta1", ...): in [0, 1), else None."""
        try:
            value = float(self.decay_edits[name, key].text().strip())
        except ValueError:
            return None
        return value if 0 <= value < 1 else None

    def options(self, name: str) -> dict | None:
        """The optimizer's decay rates as keywords ({"beta1": 0.9, "beta2": 0.999}); None if one is bad."""
        out = {key: self.decay(name, key) for key, *_ in DECAYS.get(name, [])}
        return None if None in out.values() else out

    def selected(self) -> list[tuple[str, float]]:
        """(name, lr) of every checked optimizer with a valid learning rate and decays, in registry order."""
        return [(n, lr) for n, lr, _ in self.entrants()]

    def entrants(self) -> list[tuple[str, float, dict]]:
        """(name, lr, options) of every checked, valid optimizer: what the race runs."""
        return [(n, self.lr(n), self.options(n)) for n, c in self.checks.items()
                if c.isChecked() and self.lr(n) and self.options(n) is not None]

    def set_state(self, checked=None, lrs: dict | None = None) -> None:
        """Check exactly `checked` (names; None keeps the checks) and set learning rates, quietly."""
        for name, check in self.checks.items():
            with blocked(check):
                if checked is not None:
                    check.setChecked(name in checked)
                if lrs and name in lrs:
                    self.edits[name].setText(format_lr(lrs[name]))
        self._validate()
        self._last = self.entrants()

    @Slot()
    def _on_edit(self):
        self._validate()
        now = self.entrants()
        if now != self._last:
            self._last = now
            self.changed.emit()

    def _validate(self):
        bad = [OPTIMIZER_LABELS[n] for n in self.checks if self.lr(n) is None]
        for name, edit in self.edits.items():
            edit.setStyleSheet("" if self.lr(name) is not None else f"border: 1px solid {ERROR_TEXT};")
        bad_decay = sorted({OPTIMIZER_LABELS[n] for (n, key) in self.decay_edits if self.decay(n, key) is None})
        for (name, key), edit in self.decay_edits.items():
            edit.setStyleSheet("" if self.decay(name, key) is not None else f"border: 1px solid {ERROR_TEXT};")
        comma = self.tr(", ")
        text = [self.tr("learning rate of {names}: type a number in (0, {limit}]").format(
            names=comma.join(bad), limit=f"{MAX_LR:g}")] if bad else []
        text += [self.tr("β of {names}: type a number in [0, 1)").format(names=comma.join(bad_decay))] \
            if bad_decay else []
        self.error.setText(self.tr("; ").join(text))
