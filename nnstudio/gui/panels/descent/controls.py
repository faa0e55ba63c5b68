"""The left column of the descent playground: function, typed-in formula, arrows, presets, optimizers."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from nnstudio.core.playground.surfaces import SURFACES
from nnstudio.gui import names
from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.panels.descent.optimizers import OptimizerList
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.panels.descent.style import ERROR_TEXT, NOTE_TEXT

CUSTOM = "custom"
CUSTOM_HALF_WIDTH = 4.0  # a typed-in f is shown on [-w, w]², w set beside the field
COLUMN_WIDTH = 350  # the left column never grows: whatever is typed wraps inside it
_ZWSP = "\u200b"  # a break opportunity that draws nothing
_BREAK_AFTER = re.compile(r"([+\-−*·/,=(]|\s)")
_LONG_RUN = re.compile(r"([^\s\u200b]{12})(?=[^\s\u200b])")


def breakable(html: str) -> str:
    """`html` with invisible break opportunities after operators (and inside any run of 12 characters
    without one), so that a long formula typed without spaces wraps in a narrow label instead of
    widening it. Tags and entities are left alone."""
    parts = re.split(r"(<[^>]*>|&[#\w]+;)", html)
    for i in range(0, len(parts), 2):  # text between tags
        text = _BREAK_AFTER.sub(lambda m: m.group(1) + _ZWSP, parts[i])
        parts[i] = _LONG_RUN.sub(lambda m: m.group(1) + _ZWSP, text)
    return "".join(parts)


def wrapping_label(text: str = "") -> QLabel:
    """A word-wrapped label that takes the column's width and never asks for more."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMinimumWidth(1)
    label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
    return label

# name -> (surface key, {optimizer: lr}, start, steps); one click each (the book's experiments)
PRESETS = {
    QT_TRANSLATE_NOOP("DescentControls", "Book: lr 0.1 from (−3, 4), 100 steps"): ("sphere", {"sgd": 0.1}, (-3.0, 4.0), 100),
    QT_TRANSLATE_NOOP("DescentControls", "lr 10 diverges"): ("sphere", {"sgd": 10.0}, (-3.0, 4.0), 100),
    QT_TRANSLATE_NOOP("DescentControls", "lr 1e-10 barely moves"): ("sphere", {"sgd": 1e-10}, (-3.0, 4.0), 100),
    QT_TRANSLATE_NOOP("DescentControls", "Book's comparison: x₀²/20 + x₁² from (−7, 2)"): (
        "elongated", {"sgd": 0.95, "momentum": 0.1, "adagrad": 1.5, "adam": 0.3}, (-7.0, 2.0), 30),
}


class DescentControls(Retranslatable, QWidget):
    """Widgets only; DescentPlayground connects them. objectNames as the tests and settings use them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("descentControls")
        col = QVBoxLayout(self)
        col.setContentsMargins(4, 4, 4, 4)

        self.function_box = g = QGroupBox()
        v = QVBoxLayout(g)
        self.function_combo = QComboBox()
        self.function_combo.setObjectName("descentFunction")
        for key in SURFACES:
            self.function_combo.addItem("", key)
        self.function_combo.addItem("", CUSTOM)
        self.formula = wrapping_label()
        self.formula.setObjectName("descentFormula")
        self.formula.setTextFormat(Qt.RichText)
        self.note = wrapping_label()
        self.note.setObjectName("descentNote")
        self.note.setStyleSheet(f"color: {NOTE_TEXT};")
        row = QHBoxLayout()
        self.expression = QLineEdit()
        self.expression.setObjectName("descentExpression")
        self.expression.setPlaceholderText("sin(x0)*cos(x1) + 0.1*x0**2")
        self.plot_button = plot_button = QPushButton()
        plot_button.setObjectName("descentPlotExpression")
        self.view_spin = QDoubleSpinBox()
        self.view_spin.setObjectName("descentCustomView")
        self.view_spin.setDecimals(2)
        self.view_spin.setRange(0.01, 1e4)
        self.view_spin.setValue(CUSTOM_HALF_WIDTH)
        self.view_spin.setKeyboardTracking(False)
        self.view_label = QLabel()
        row.addWidget(self.view_label)
        row.addWidget(self.view_spin)
        row.addStretch(1)
        row.addWidget(plot_button)
        self.expression_error = wrapping_label("")
        self.expression_error.setObjectName("descentExpressionError")
        self.expression_error.setStyleSheet(f"color: {ERROR_TEXT};")
        for w in (self.function_combo, self.formula, self.note):
            v.addWidget(w)
        self.type_label = QLabel()
        v.addWidget(self.type_label)
        v.addWidget(self.expression)
        v.addLayout(row)
        v.addWidget(self.expression_error)
        col.addWidget(g)

        self.arrows_box = g = QGroupBox()
        grid = QGridLayout(g)
        self.show_arrows = QCheckBox()
        self.show_arrows.setChecked(True)
        self.equal_scale = QCheckBox()
        self.equal_scale.setObjectName("descentEqualScale")
        self.equal_scale.setChecked(True)
        self.gradient_combo = QComboBox()
        self.gradient_combo.setObjectName("descentGradientKind")
        self.gradient_combo.addItem("", "numerical")
        self.gradient_combo.addItem("", "analytic")
        self.grid_spin = QSpinBox()
        self.grid_spin.setObjectName("descentGridSize")
        self.grid_spin.setRange(8, 60)
        self.grid_spin.setValue(20)
        self.gradient_info = wrapping_label("")
        self.gradient_info.setObjectName("descentGradientInfo")
        self.gradient_info.setStyleSheet(f"color: {NOTE_TEXT};")
        grid.addWidget(self.show_arrows, 0, 0)
        self.grid_label = QLabel()
        grid.addWidget(self.grid_label, 0, 1, Qt.AlignRight)
        grid.addWidget(self.grid_spin, 0, 2)
        grid.addWidget(self.equal_scale, 1, 0, 1, 3)
        grid.addWidget(self.gradient_combo, 2, 0, 1, 3)
        grid.addWidget(self.gradient_info, 3, 0, 1, 3)
        col.addWidget(g)

        self.descent_box = g = QGroupBox()
        v = QVBoxLayout(g)
        presets = QGridLayout()
        self.preset_buttons = []
        for i, name in enumerate(PRESETS):
            b = QPushButton()
            b.setObjectName(f"descentPreset{i}")
            b.setProperty("preset", name)
            presets.addWidget(b, i, 0)
            self.preset_buttons.append(b)
        v.addLayout(presets)
        self.optimizers = OptimizerList()
        v.addWidget(self.optimizers)
        row = QHBoxLayout()
        self.start_label = QLabel()
        row.addWidget(self.start_label)
        self.start_x0, self.start_x1 = QDoubleSpinBox(), QDoubleSpinBox()
        for name, spin in (("descentStartX0", self.start_x0), ("descentStartX1", self.start_x1)):
            spin.setObjectName(name)
            spin.setDecimals(3)
            spin.setRange(-1e6, 1e6)
            spin.setSingleStep(0.1)
            spin.setKeyboardTracking(False)
            row.addWidget(spin, 1)
        v.addLayout(row)
        self.hint = hint = QLabel()
        hint.setStyleSheet(f"color: {NOTE_TEXT};")
        v.addWidget(hint)
        col.addWidget(g)
        col.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.function_box.setTitle(self.tr("Function"))
        for i, s in enumerate(SURFACES.values()):
            self.function_combo.setItemText(i, names.description(s.name))
        self.function_combo.setItemText(len(SURFACES), self.tr("Your own f(x₀, x₁)…"))
        self.expression.setToolTip(self.tr("numbers, x0, x1, + - * / **, pi, e and sin cos tan exp log sqrt abs "
                                           "tanh arctan sigmoid …"))
        self.plot_button.setText(self.tr("Plot"))
        self.view_spin.setToolTip(self.tr("frame x₀ and x₁ in [−w, w] around the function's centre (any "
                                          "function; the mouse wheel zooms from there)"))
        self.view_label.setText(self.tr("view ±"))
        self.type_label.setText(self.tr("Type your own f(x0, x1):"))
        self.arrows_box.setTitle(self.tr("Gradient arrows (−∇f)"))
        self.show_arrows.setText(self.tr("show arrows"))
        self.equal_scale.setText(self.tr("equal scales"))
        self.equal_scale.setToolTip(self.tr("one unit of x₀ as long as one of x₁ on screen: circles stay round "
                                            "and −∇f looks perpendicular to the contours"))
        self.gradient_combo.setItemText(0, self.tr("numerical (central differences)"))
        self.gradient_combo.setItemText(1, self.tr("analytic (the formula's derivative)"))
        self.gradient_combo.setToolTip(self.tr("which gradient the arrows show and the optimizers follow"))
        self.grid_spin.setToolTip(self.tr("arrows per side: n × n"))
        self.grid_label.setText(self.tr("arrows per side"))
        self.descent_box.setTitle(self.tr("Descent"))
        for b in self.preset_buttons:
            b.setText(translate("DescentControls", b.property("preset")))
        self.start_label.setText(self.tr("start"))
        self.hint.setText(self.tr("click or drag on the plot to move the start"))

