"""The training settings form: a preset combo and one field per TrainConfig setting, each explained."""

from __future__ import annotations

import importlib.util
import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QSizePolicy, QSpinBox, QWidget)

from nnstudio.core.nn.layers import ACTIVATION_LAYERS, LOSS_LAYERS
from nnstudio.core.nn.network import INITS
from nnstudio.core.nn.optimizers import DEFAULT_LR, OPTIMIZERS
from nnstudio.core.nn.presets import PRESETS
from nnstudio.core.nn.config import SAMPLING, TrainConfig, parse_hidden
from nnstudio.core.nn.spec import INPUT_SHAPE, format_arch, layer_shapes, param_shapes, parse_arch
from nnstudio.gui import names
from nnstudio.gui.i18n import translate
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.widgets.signals import blocked

CUSTOM = "custom"
MLP, LAYERS = "mlp", "layers"  # the two kinds of network the form builds
NETWORK_KINDS = {MLP: QT_TRANSLATE_NOOP("ParamForm", "fully connected (hidden sizes)"),
                 LAYERS: QT_TRANSLATE_NOOP("ParamForm", "layers (architecture text)")}
# What the Architecture field starts with when the user switches to layers without a preset.
DEFAULT_ARCH = "conv 8 3x3, pool 2, dense 10"
# (label, field attribute, tip key) of the form's rows, in order
ROWS = ((QT_TRANSLATE_NOOP("ParamForm", "Preset"), "preset", "preset"),
        (QT_TRANSLATE_NOOP("ParamForm", "Network"), "network_kind", "network"),
        (QT_TRANSLATE_NOOP("ParamForm", "Hidden sizes"), "hidden", "hidden"),
        (QT_TRANSLATE_NOOP("ParamForm", "Architecture"), "arch", "arch"),
        (QT_TRANSLATE_NOOP("ParamForm", "Activation"), "activation", "activation"),
        (QT_TRANSLATE_NOOP("ParamForm", "Initialisation"), "init", "init"),
        (QT_TRANSLATE_NOOP("ParamForm", "Init std"), "init_std", "init_std"),
        (QT_TRANSLATE_NOOP("ParamForm", "Loss"), "loss", "loss"),
        (QT_TRANSLATE_NOOP("ParamForm", "Optimizer"), "optimizer", "optimizer"),
        (QT_TRANSLATE_NOOP("ParamForm", "Learning rate"), "lr", "lr"),
        (QT_TRANSLATE_NOOP("ParamForm", "Batch size"), "batch_size", "batch_size"),
        (QT_TRANSLATE_NOOP("ParamForm", "Length"), "length_row", "length"),
        (QT_TRANSLATE_NOOP("ParamForm", "Sampling"), "sampling", "sampling"),
        (QT_TRANSLATE_NOOP("ParamForm", "Training subset"), "train_subset", "train_subset"),
        (QT_TRANSLATE_NOOP("ParamForm", "LR decay / epoch"), "lr_decay", "lr_decay"),
        (QT_TRANSLATE_NOOP("ParamForm", "Seed"), "seed", "seed"),
        (QT_TRANSLATE_NOOP("ParamForm", "Weight decay"), "weight_decay", "weight_decay"),
        (QT_TRANSLATE_NOOP("ParamForm", "Synthetic digits"), "synthetic", "synthetic"))

TIPS = {
    "preset": QT_TRANSLATE_NOOP("ParamForm", "Ready-made settings. The book presets reproduce the runs of Deep Learning from Scratch "
                          "(ch. 4) and Nielsen (ch. 1); editing any field switches to 'custom'."),
    "hidden": QT_TRANSLATE_NOOP("ParamForm", "How many neurons each hidden layer has, separated by commas. '50' is one hidden layer "
                          "of 50 neurons; '256, 128' is two layers; empty means no hidden layer. The 784 inputs "
                          "and 10 outputs are fixed."),
    "network": QT_TRANSLATE_NOOP("ParamForm", "Fully connected: the books' multi-layer perceptron, 784 inputs, the hidden "
                                 "layers you list, 10 outputs. Layers: any stack of convolution, pooling and dense "
                                 "layers written as text in the Architecture field (Deep Learning from Scratch, ch. 7)."),
    "arch": QT_TRANSLATE_NOOP("ParamForm", "The network's layers in order, separated by commas:\n"
                              "  conv FILTERS KxK [sN] [pN]  convolution (stride N, zero padding N)\n"
                              "  pool KxK [sN]  max pooling (stride: the window unless given)\n"
                              "  dense UNITS  fully connected (the image is flattened before the first one)\n"
                              "The last layer must be 'dense 10', one unit per digit. The activation follows every "
                              "conv and dense layer except the last. Example: conv 16 5x5, pool 2, conv 32 5x5, "
                              "pool 2, dense 128, dense 10"),
    "activation": QT_TRANSLATE_NOOP("ParamForm", "The function each hidden neuron applies to its weighted sum. Sigmoid is the books' "
                          "choice; ReLU usually learns faster in deeper networks."),
    "init": QT_TRANSLATE_NOOP("ParamForm", "How the weights start before training. Small random numbers break the symmetry between "
                          "neurons; He and Xavier scale them to the layer size so signals neither vanish nor explode."),
    "init_std": QT_TRANSLATE_NOOP("ParamForm", "The standard deviation of the starting weights for the 'std' initialisation "
                          "(the book uses 0.01)."),
    "loss": QT_TRANSLATE_NOOP("ParamForm", "How wrong a prediction counts. Cross-entropy (with softmax) punishes confident mistakes "
                          "hard; the quadratic cost (with sigmoid outputs) is Nielsen's chapter-1 choice."),
    "optimizer": QT_TRANSLATE_NOOP("ParamForm", "The rule that turns gradients into weight changes. SGD steps straight downhill; "
                          "Momentum and Adam remember past steps to move faster through flat valleys."),
    "lr": QT_TRANSLATE_NOOP("ParamForm", "The learning rate: how big each step downhill is. Too small learns slowly; too large "
                          "overshoots and the loss can blow up. You can change it while training runs."),
    "batch_size": QT_TRANSLATE_NOOP("ParamForm", "How many images are averaged for each gradient step (a mini-batch). Bigger batches "
                          "give smoother but fewer steps per pass over the data."),
    "length": QT_TRANSLATE_NOOP("ParamForm", "How long to train: epochs (full passes over the training images) or a number of "
                          "iterations (mini-batch steps)."),
    "sampling": QT_TRANSLATE_NOOP("ParamForm", "How mini-batches are picked: at random with replacement each time (the book), or by "
                          "shuffling once per epoch and walking through every image once (Nielsen)."),
    "train_subset": QT_TRANSLATE_NOOP("ParamForm", "Train on only the first N training images (0 = all 60,000). Small subsets run "
                          "fast but generalise worse: watch the gap between train and test accuracy."),
    "seed": QT_TRANSLATE_NOOP("ParamForm", "The random seed: the same seed with the same settings gives exactly the same run."),
    "weight_decay": QT_TRANSLATE_NOOP("ParamForm", "L2 regularisation: a small pull of every weight towards zero, which fights "
                          "overfitting. 0 switches it off."),
    "lr_decay": QT_TRANSLATE_NOOP("ParamForm", "Multiply the learning rate by this at the end of every epoch: big steps early, "
                          "small careful steps later. 1 keeps it constant."),
    "augment": QT_TRANSLATE_NOOP("ParamForm", "Randomly shift, rotate, scale, thicken and distort each training image every time it "
                          "is used, so the network sees more varied handwriting (slower, generalises better)."),
    "synthetic": QT_TRANSLATE_NOOP("ParamForm", "Add this many computer-drawn digits that look like mouse drawings, so the model "
                          "also reads what you draw on the Drawing pad. 0 adds none."),
    "my_digits": QT_TRANSLATE_NOOP("ParamForm", "Add the digits you saved on the Drawing pad to the training images."),
}


def tip(key: str) -> str:
    return translate("ParamForm", TIPS[key])


def _combo(items: dict | list) -> QComboBox:
    """Items keyed by core's registry names (itemData), shown by their display names (retranslate)."""
    box = QComboBox()
    for key in items:
        box.addItem(names.name(key), key)
    # A long item elides instead of widening the form (the list shows it whole).
    box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    return box


def _narrow(box) -> None:
    """A spin box as narrow as a six-digit value needs, not as its largest allowed value: the form
    fits beside the plots on a 1024-pixel screen or at 150% interface size."""
    box.ensurePolished()
    box.setMinimumWidth(box.fontMetrics().horizontalAdvance("000,000") + 34)


class ArchEdit(QPlainTextEdit):
    """The architecture text, wrapped over three lines so a long one is read whole in a narrow form;
    text()/setText() as a QLineEdit's. Tab moves on; Enter starts a new line, which separates
    layers like a comma."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.ensurePolished()
        margins = self.contentsMargins()
        doc = 2 * self.document().documentMargin()
        self.setFixedHeight(int(3 * self.fontMetrics().lineSpacing() + doc + margins.top() + margins.bottom() + 2))

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - QLineEdit's name, so both read alike
        if text != self.toPlainText():
            self.setPlainText(text)


def my_digits_available() -> bool:
    return importlib.util.find_spec("nnstudio.core.digits.mydigits") is not None


class ParamForm(Retranslatable, QWidget):
    """Edits a TrainConfig. `config()` raises ValueError with a readable message on bad input."""

    lr_changed = Signal(float)  # the learning-rate field was edited to a valid value
    lr_invalid = Signal(str)  # ... or to something that is not a positive number (the reason)
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filling = False
        self.preset = _combo([*PRESETS, CUSTOM])
        self.preset.setObjectName("presetCombo")
        self.network_kind = QComboBox()
        self.network_kind.setObjectName("networkKindCombo")
        for key in NETWORK_KINDS:
            self.network_kind.addItem("", key)
        self.network_kind.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.network_kind.setMinimumContentsLength(8)
        self.hidden = QLineEdit("50")
        self.hidden.setObjectName("hiddenEdit")
        self.arch = ArchEdit(DEFAULT_ARCH)
        self.arch.setObjectName("archEdit")
        self.arch.setPlaceholderText("conv 8 3x3, pool 2, dense 10")
        self.arch_info = QLabel("")
        self.arch_info.setObjectName("archInfo")
        self.arch_info.setWordWrap(True)
        self.arch_info.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)  # its lines, no more
        self.activation = _combo(ACTIVATION_LAYERS)
        self.init = _combo(INITS)
        self.init_std = self._double(1e-4, 10.0, 4, 0.01)
        self.loss = _combo(LOSS_LAYERS)
        self.optimizer = _combo(OPTIMIZERS)
        self.lr = QLineEdit("0.1")
        self.lr.setObjectName("lrEdit")
        self.batch_size = self._int(1, 60_000, 100)
        self.length_unit = _combo(["epochs", "iterations"])
        self.epochs = self._double(0.01, 10_000, 2, 10.0)
        self.iterations = self._int(1, 100_000_000, 10_000)
        self.sampling = _combo(SAMPLING)
        self.train_subset = self._int(0, 10_000_000, 0)
        self.seed = self._int(0, 2**31 - 1, 0)
        self.weight_decay = self._double(0.0, 10.0, 5, 0.0)
        self.lr_decay = self._double(0.01, 1.0, 3, 1.0)
        self.synthetic = self._int(0, 1_000_000, 0)
        self.augment = QCheckBox()
        self._base = TrainConfig()  # settings the form does not show (dtype, eval_train) come from here
        self.my_digits = QCheckBox()
        self.my_digits.setEnabled(my_digits_available())

        self.length_row = QWidget()
        self.length_row.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)  # no share of spare height
        row = QHBoxLayout(self.length_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.epochs, 1)
        row.addWidget(self.iterations, 1)
        row.addWidget(self.length_unit)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for _label, attr, _key in ROWS:
            layout.addRow(QLabel(), getattr(self, attr))
        layout.insertRow(layout.getWidgetPosition(self.arch)[0] + 1, "", self.arch_info)
        layout.addRow("", self.augment)
        layout.addRow("", self.my_digits)
        self.form_layout = self._layout = layout

        self.preset.currentIndexChanged.connect(self._on_preset)
        self.length_unit.currentIndexChanged.connect(self._on_length_unit)
        self.init.currentIndexChanged.connect(self._on_init)
        self.optimizer.currentIndexChanged.connect(self._on_optimizer)
        self.lr.editingFinished.connect(self._on_lr_edited)
        self.network_kind.currentIndexChanged.connect(self._on_network_kind)
        self.arch.textChanged.connect(self._show_arch_info)
        for w in (self.activation, self.init, self.loss, self.optimizer, self.length_unit, self.sampling,
                  self.network_kind):
            w.currentIndexChanged.connect(self._on_edited)
        for w in (self.hidden, self.lr):
            w.textEdited.connect(self._on_edited)
        self.arch.textChanged.connect(self._on_edited)
        for w in (self.init_std, self.batch_size, self.epochs, self.iterations, self.train_subset,
                  self.seed, self.weight_decay, self.lr_decay, self.synthetic):
            w.valueChanged.connect(self._on_edited)
        self.augment.toggled.connect(self._on_edited)
        self.retranslate()
        self.set_preset("book-twolayer")

    def retranslate(self) -> None:
        """Labels, tooltips and the combo boxes' names in the current language (values unchanged)."""
        layout = self.form_layout
        for label, attr, key in ROWS:
            widget = getattr(self, attr)
            layout.labelForField(widget).setText(translate("ParamForm", label))
            layout.labelForField(widget).setToolTip(tip(key))
            widget.setToolTip(tip(key))
        for box in (self.epochs, self.iterations, self.length_unit):
            box.setToolTip(tip("length"))
        for i in range(self.network_kind.count()):
            self.network_kind.setItemText(i, translate("ParamForm", NETWORK_KINDS[self.network_kind.itemData(i)]))
        self.arch_info.setToolTip(tip("arch"))
        self._show_arch_info()
        for box in (self.preset, self.activation, self.init, self.loss, self.optimizer, self.length_unit,
                    self.sampling):
            for i in range(box.count()):
                box.setItemText(i, names.name(box.itemData(i)))
        for i, key in enumerate(INITS):
            self.init.setItemData(i, f"{names.name(key)}: {names.description(INITS[key])}", 3)  # Qt.ToolTipRole
        for i, key in enumerate(SAMPLING):
            self.sampling.setItemData(i, names.description(SAMPLING[key]), 3)
        self.train_subset.setSpecialValueText(self.tr("all"))
        self.augment.setText(self.tr("random distortions (augment)"))
        self.augment.setToolTip(tip("augment"))
        self.my_digits.setText(self.tr("include my digits"))
        self.my_digits.setToolTip(tip("my_digits") if my_digits_available()
                                  else self.tr("Not available yet: no saved digits module in this version."))
        self._preset_tooltip()

    def _preset_tooltip(self) -> None:
        name = self.preset_name()
        if name in PRESETS:
            self.preset.setToolTip(f"{names.description(PRESETS[name].description)}\n\n{tip('preset')}")
        else:
            self.preset.setToolTip(tip("preset"))

    def _int(self, lo, hi, v) -> QSpinBox:
        box = QSpinBox()
        box.setRange(lo, hi)
        box.setValue(v)
        box.setGroupSeparatorShown(True)
        _narrow(box)
        return box

    def _double(self, lo, hi, decimals, v) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setDecimals(decimals)
        box.setRange(lo, hi)
        box.setValue(v)
        _narrow(box)
        return box

    # ------------------------------------------------------------------ reading and writing
    def preset_name(self) -> str:
        return self.preset.currentData()

    def set_preset(self, name: str) -> None:
        i = self.preset.findData(name)
        if i >= 0:
            self.preset.setCurrentIndex(i)
            self._on_preset(i)

    def lr_value(self) -> float:
        try:
            lr = float(self.lr.text().strip())
        except ValueError:
            raise ValueError(self.tr("learning rate: {text} is not a number").format(text=repr(self.lr.text()))) from None
        if not lr > 0 or lr == float("inf"):
            raise ValueError(self.tr("learning rate must be a positive number"))
        return lr

    def hidden_sizes(self) -> tuple:
        """The hidden sizes field through core's parse_hidden (as the CLI's --hidden): empty means
        no hidden layer; 0 and sizes above MAX_HIDDEN_SIZE are refused."""
        return parse_hidden(self.hidden.text())

    def network_kind_value(self) -> str:
        """MLP (the hidden sizes) or LAYERS (the architecture text)."""
        return self.network_kind.currentData()

    def arch_value(self) -> str | None:
        """The architecture field checked and in canonical form when the network is built from
        layers, None for an MLP. UserInputError (a ValueError) names the layer at fault."""
        if self.network_kind_value() != LAYERS:
            return None
        return format_arch(parse_arch(self.arch.text(), INPUT_SHAPE, classes=10))

    def set_network_kind(self, kind: str) -> None:
        self.network_kind.setCurrentIndex(self.network_kind.findData(kind))

    def config(self) -> TrainConfig:
        arch = self.arch_value()  # first: a bad architecture is the message, whatever else is wrong
        epochs = iterations = None
        if self.length_unit.currentData() == "epochs":
            epochs = self.epochs.value()
        else:
            iterations = self.iterations.value()
        return self._base.with_(hidden=self.hidden_sizes(), activation=self.activation.currentData(),
                           init=self.init.currentData(), init_std=self.init_std.value(),
                           loss=self.loss.currentData(), optimizer=self.optimizer.currentData(),
                           lr=self.lr_value(), batch_size=self.batch_size.value(), epochs=epochs,
                           iterations=iterations, sampling=self.sampling.currentData(),
                           train_subset=self.train_subset.value() or None, seed=self.seed.value(),
                           weight_decay=self.weight_decay.value(), lr_decay=self.lr_decay.value(),
                           augment=self.augment.isChecked(), synthetic=self.synthetic.value(),
                           arch=arch)  # None: the MLP of the hidden sizes

    def set_config(self, cfg: TrainConfig) -> None:
        self._filling = True
        self._base = cfg
        try:
            self.hidden.setText(", ".join(str(h) for h in cfg.hidden))
            if cfg.arch:
                self.arch.setText(cfg.arch)
            self.set_network_kind(LAYERS if cfg.arch else MLP)
            for box, key in ((self.activation, cfg.activation), (self.init, cfg.init), (self.loss, cfg.loss),
                             (self.optimizer, cfg.optimizer), (self.sampling, cfg.sampling)):
                i = box.findData(key)
                if i >= 0:
                    box.setCurrentIndex(i)
            self.init_std.setValue(cfg.init_std)
            self.lr.setText(f"{cfg.lr:g}")
            self.batch_size.setValue(cfg.batch_size)
            if cfg.epochs is not None:
                self.length_unit.setCurrentIndex(self.length_unit.findData("epochs"))
                self.epochs.setValue(cfg.epochs)
            else:
                self.length_unit.setCurrentIndex(self.length_unit.findData("iterations"))
                self.iterations.setValue(cfg.iterations)
            self.train_subset.setValue(cfg.train_subset or 0)
            self.seed.setValue(cfg.seed)
            self.weight_decay.setValue(cfg.weight_decay)
            self.lr_decay.setValue(cfg.lr_decay)
            self.synthetic.setValue(cfg.synthetic)
            self.augment.setChecked(cfg.augment)
        finally:
            self._filling = False
        self._on_length_unit()
        self._on_init()
        self._on_network_kind()

    def to_dict(self) -> dict:
        """Everything on the form, for QSettings (invalid text fields are kept as text)."""
        d = {"preset": self.preset_name(), "hidden_text": self.hidden.text(), "lr_text": self.lr.text(),
             "my_digits": self.my_digits.isChecked(), "network": self.network_kind_value(),
             "arch_text": self.arch.text()}
        try:
            d["config"] = self.config().to_dict()
        except ValueError:
            pass
        return d

    def from_dict(self, d: dict) -> None:
        """Restore `to_dict()` output; silently ignores anything unusable (an old settings file)."""
        if not isinstance(d, dict):
            return
        try:
            if isinstance(d.get("config"), dict):
                self.set_config(TrainConfig.from_dict(d["config"]))
        except (TypeError, ValueError):
            pass
        if "config" not in d and isinstance(d.get("arch_text"), str):  # kept as typed, even if invalid
            self.arch.setText(d["arch_text"][:2000])
            if d.get("network") in NETWORK_KINDS:
                self.set_network_kind(d["network"])
        self.my_digits.setChecked(bool(d.get("my_digits")) and self.my_digits.isEnabled())
        preset = d.get("preset")
        i = self.preset.findData(preset)
        if i >= 0 and preset != CUSTOM and preset in PRESETS and self._matches(PRESETS[preset].config):
            self._set_preset_combo(preset)
        else:
            self._set_preset_combo(CUSTOM)

    def _matches(self, cfg: TrainConfig) -> bool:
        try:
            return self.config() == cfg
        except ValueError:
            return False

    def _set_preset_combo(self, name: str) -> None:
        with blocked(self.preset):
            self.preset.setCurrentIndex(self.preset.findData(name))

    def set_running(self, running: bool) -> None:
        """While a run trains only the learning rate stays editable."""
        for w in self.findChildren(QWidget):
            if w is not self.lr:
                w.setEnabled(not running)
        if not running:
            self.my_digits.setEnabled(my_digits_available())
            self._on_init()
            self._on_length_unit()
            self._on_network_kind()

    # ------------------------------------------------------------------ handlers
    @Slot(int)
    def _on_preset(self, index: int) -> None:
        name = self.preset.itemData(index)
        if name in PRESETS:
            self.set_config(PRESETS[name].config)
        self._preset_tooltip()
        self.changed.emit()

    @Slot()
    def _on_edited(self, *args) -> None:
        if self._filling:
            return
        name = self.preset_name()
        # "custom" only when the settings differ from the preset's ("50 " is still 50 hidden units).
        if name != CUSTOM and not (name in PRESETS and self._matches(PRESETS[name].config)):
            self._set_preset_combo(CUSTOM)
        self.changed.emit()

    @Slot()
    def _on_network_kind(self, *args) -> None:
        """Show the field that describes the network: the hidden sizes or the architecture text."""
        layers = self.network_kind_value() == LAYERS
        if layers and not self.arch.text().strip():
            self.arch.setText(DEFAULT_ARCH)
        self._layout.setRowVisible(self.hidden, not layers)
        self._layout.setRowVisible(self.arch, layers)
        self._layout.setRowVisible(self.arch_info, layers)
        self._show_arch_info()

    @Slot()
    def _show_arch_info(self, *args) -> None:
        """Under the architecture: each layer's output shape and the parameter count, or what is wrong."""
        if self.network_kind_value() != LAYERS:
            return
        try:
            layers = parse_arch(self.arch.text(), INPUT_SHAPE, classes=10)
        except ValueError as exc:
            self.arch_info.setStyleSheet("color: #b2182b;")
            self.arch_info.setText(str(exc))
            return
        shapes = ["×".join(str(n) for n in shape) for shape in layer_shapes(layers, INPUT_SHAPE)]
        n = sum(math.prod(v) for v in param_shapes(layers, INPUT_SHAPE).values())
        self.arch_info.setStyleSheet("")
        self.arch_info.setText(self.tr("1×28×28 → {shapes} · {n:,} parameters").format(shapes=" → ".join(shapes), n=n))

    @Slot()
    def _on_length_unit(self, *args) -> None:
        epochs = self.length_unit.currentData() == "epochs"
        self.epochs.setVisible(epochs)
        self.iterations.setVisible(not epochs)

    @Slot()
    def _on_init(self, *args) -> None:
        self.init_std.setEnabled(self.init.currentData() == "std" and self.init.isEnabled())

    @Slot()
    def _on_optimizer(self, *args) -> None:
        if not self._filling:  # a new optimizer starts from its usual learning rate
            self.lr.setText(f"{DEFAULT_LR.get(self.optimizer.currentData(), 0.01):g}")

    @Slot()
    def _on_lr_edited(self) -> None:
        try:
            lr = self.lr_value()
        except ValueError as exc:
            self.lr_invalid.emit(str(exc))
            return
        self.lr_changed.emit(lr)
