"""What a PyTorch state dict does not say, asked of the user: the activation after its layers and,
for a conv net, the architecture (stride, padding, pooling). File ▸ Open model shows it when a
.safetensors file without NN Studio's metadata is opened; the file is then read again with the
answers (core/interop/state_dict.py never guesses them)."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)

from nnstudio.core.nn.layers import ACTIVATION_LAYERS
from nnstudio.core.nn.spec import INPUT_SHAPE, format_arch, parse_arch
from nnstudio.gui import names

MAX_LISTED = 12  # layers listed in the dialog (a longer net says how many more)


def suggested_arch(layers) -> str:
    """A starting point for the architecture field: each Conv2d as 'conv N KxK' followed by a
    2x2 pooling, each Linear as 'dense N' (the user corrects stride, padding and pooling)."""
    parts = []
    for _index, kind, shape in layers:
        if kind == "Conv2d":
            parts += [f"conv {shape[0]} {shape[2]}x{shape[3]}", "pool 2"]
        else:
            parts.append(f"dense {shape[0]}")
    return ", ".join(parts)


class DeclareDialog(QDialog):
    """Asks for what `exc` (an UndeclaredStateDict) needs; `declarations()` → {"activation", "arch"}."""

    def __init__(self, parent, file_name: str, exc):
        super().__init__(parent)
        self.setObjectName("declareStateDictDialog")
        self.setWindowTitle(self.tr("Open a PyTorch state dict"))
        self.needs_arch = exc.needs_arch
        listed = [f"{i}: {kind} {tuple(shape)}" for i, kind, shape in exc.layers[:MAX_LISTED]]
        if len(exc.layers) > MAX_LISTED:
            listed.append(self.tr("… and {n} more").format(n=len(exc.layers) - MAX_LISTED))
        intro = QLabel(self.tr("{file} holds the weights of these layers, but not what comes between "
                               "them. Say which activation follows each layer but the last{arch}, and "
                               "NN Studio reads it as that network:").format(
            file=file_name, arch=self.tr(" and how the convolutions and pooling are laid out")
            if exc.needs_arch else ""))
        intro.setWordWrap(True)
        layer_list = QLabel("\n".join(listed))
        layer_list.setObjectName("declareLayers")
        self.activation = QComboBox(objectName="declareActivation")
        for key in ACTIVATION_LAYERS:
            self.activation.addItem(names.name(key), key)
        self.activation.setCurrentIndex(max(0, self.activation.findData("relu")))
        self.arch = QLineEdit(suggested_arch(exc.layers), objectName="declareArch")
        self.arch.setToolTip(self.tr("The layers in order, as in the Training panel's Architecture field: "
                                     "conv 16 5x5, pool 2, dense 128, dense 10"))
        self.error = QLabel("", objectName="declareError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b2182b;")
        form = QFormLayout()
        form.addRow(self.tr("Activation"), self.activation)
        if exc.needs_arch:
            form.addRow(self.tr("Architecture"), self.arch)
        else:
            self.arch.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(layer_list)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # wide enough for a whole architecture line (the intro wraps to it)
        self.setMinimumWidth(min(720, self.fontMetrics().horizontalAdvance(self.arch.text() or "x" * 40) + 160))

    def accept(self) -> None:
        if self.needs_arch:
            try:
                self.arch.setText(format_arch(parse_arch(self.arch.text(), INPUT_SHAPE, classes=10)))
            except ValueError as exc:  # the spec's one-line message, the dialog stays open
                self.error.setText(str(exc))
                return
        super().accept()

    def declarations(self) -> dict:
        return {"activation": self.activation.currentData(), "arch": self.arch.text() if self.needs_arch else None}
