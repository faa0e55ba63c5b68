"""The drawing pad panel: draw (or open) a digit and see what the current network reads."""

from __future__ import annotations

from pathlib import Path

import html

import numpy as np
from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QFont, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QSlider, QVBoxLayout, QWidget)

from nnstudio.core.digits import mydigits, reading
from nnstudio.core.digits.preprocess import strokes_to_input
from nnstudio.core.digits.saliency import saliency
from nnstudio.gui import settings, theme
from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.panels.drawing.models import (BUNDLED_KEYS, CURRENT, SETTINGS_KEY, PadModelChoice, display_name,
                                                load_bundled)
from nnstudio.gui.panels.drawing.mydigits import MyDigitsBox
from nnstudio.gui.panels.drawing.opener import ImageOpener
from nnstudio.gui.panels.drawing.preview import InputPreview
from nnstudio.gui.panels.drawing.teach import TeachBox
from nnstudio.gui.panels.drawing.verdict import VerdictView
from nnstudio.gui.saving import report_save_error, save_image, save_or_report
from nnstudio.gui.widgets.drawing_pad import BRUSH_RANGE, LOGICAL_SIZE, DrawingPad
from nnstudio.gui.widgets.prob_bars import ProbabilityBars
from nnstudio.gui.widgets.retranslate import Retranslatable

IMAGE_FILTER = QT_TRANSLATE_NOOP("DrawingPanel", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)")
NO_MODEL = QT_TRANSLATE_NOOP("DrawingPanel", "no model: train one or open one")


class DrawingPanel(Retranslatable, QWidget):
    """Pad and tools on the left; the 28x28 input, the verdict and the bars in the middle; my digits below."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.source = "pad"  # or the opened image's file name
        self.x: np.ndarray | None = None
        self.reading: reading.Reading | None = None
        self._ink = None  # the ink measures of an opened image (None: measured from x itself)
        self._network = None  # the network the pad reads with (a private copy)
        self._current = None  # the context's model, when usable on the pad (a private copy)
        self._bundled: dict = {}  # key → (network, meta), read once
        self._my_digit: int | None = None  # the kept digit shown (its image), or None
        self._legend_digit: int | None = None  # the digit the saliency legend names (None: no legend)

        self.pad = DrawingPad()
        self.pad.strokes_changed.connect(self._on_strokes_changed)  # also emitted when a stroke ends
        self.clear_button = clear = QPushButton(objectName="clearButton")
        clear.clicked.connect(self.pad.clear)
        self.undo_button = undo = QPushButton(objectName="undoButton")
        undo.clicked.connect(self.pad.undo)
        self.open_image_button = QPushButton(objectName="openImageButton")
        self.open_image_button.clicked.connect(self.open_image_dialog)
        self.images = ImageOpener(self)  # decodes in a worker thread
        self.images.opened.connect(self._on_image_opened)
        self.images.busy_changed.connect(self._on_image_busy)
        self.brush = QSlider(Qt.Horizontal, objectName="brushSize")
        self.brush.setRange(int(BRUSH_RANGE[0]), int(BRUSH_RANGE[1]))
        self.brush.setValue(int(self.pad.brush_size()))
        self.brush.setFixedWidth(110)
        self.brush.valueChanged.connect(self.pad.set_brush_size)
        tools = QHBoxLayout()
        tools.addWidget(clear)
        tools.addWidget(undo)
        tools.addSpacing(8)
        self.brush_label = QLabel()
        tools.addWidget(self.brush_label)
        tools.addWidget(self.brush)
        tools.addStretch(1)
        tools.addWidget(self.open_image_button)
        self.model_choice = PadModelChoice()
        self.model_choice.choice_changed.connect(self._on_choice_changed)
        self.model_label = QLabel(objectName="modelLabel", wordWrap=True)
        self.model_label.setStyleSheet(f"color: {theme.GREY}")
        self.source_label = QLabel(objectName="sourceLabel")
        self.source_label.setStyleSheet(f"color: {theme.GREY}")
        left = QVBoxLayout()
        left.addWidget(self.pad, 1)
        left.addLayout(tools)
        reads = QHBoxLayout()
        self.reads_label = QLabel()
        reads.addWidget(self.reads_label)
        reads.addWidget(self.model_choice)
        reads.addWidget(self.model_label, 1)
        left.addLayout(reads)
        left.addWidget(self.source_label)

        self.preview = InputPreview()
        self.saliency_toggle = QCheckBox(objectName="saliencyToggle")
        self.saliency_toggle.toggled.connect(self._on_saliency_toggled)
        self.saliency_legend = QLabel(objectName="saliencyLegend", wordWrap=True)
        self.saliency_legend.setFixedWidth(self.preview.width())
        self.verdict = VerdictView()
        self.prediction_label = self.verdict.prediction_label
        self.probability_label = self.verdict.probability_label
        self.reason_label = self.verdict.reason_label
        self.bars = ProbabilityBars()

        seen = QVBoxLayout()
        self.seen_heading, self.prediction_heading, self.bars_heading = _heading(), _heading(), _heading()
        seen.addWidget(self.seen_heading)
        seen.addWidget(self.preview)
        seen.addWidget(self.saliency_toggle)
        seen.addWidget(self.saliency_legend)
        seen.addStretch(1)
        verdict = QVBoxLayout()
        verdict.addWidget(self.prediction_heading)
        verdict.addWidget(self.verdict)
        verdict.addStretch(1)
        top_right = QHBoxLayout()
        top_right.addLayout(seen)
        top_right.addSpacing(12)
        top_right.addLayout(verdict, 1)
        right = QVBoxLayout()
        right.addLayout(top_right)
        right.addWidget(self.bars_heading)
        right.addWidget(self.bars, 1)

        upper = QHBoxLayout()
        upper.addLayout(left, 5)
        upper.addSpacing(12)
        upper.addLayout(right, 4)
        self.my_digits = MyDigitsBox()
        self.my_digits.label_chosen.connect(self.add_to_my_digits)
        self.my_digits.digit_selected.connect(self.show_my_digit)
        self.teach = TeachBox(context, self)
        self.my_digits.layout().addWidget(self.teach)
        self.upper = QWidget()
        self.upper.setLayout(upper)
        upper.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.upper, 1)
        layout.addWidget(self.my_digits, 0)

        for keys, slot in ((QKeySequence(Qt.Key_Escape), self.pad.clear), (QKeySequence.Undo, self.pad.undo)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        context.model_changed.connect(self._on_model_changed)
        self._on_model_changed(context.model)
        self.retranslate()

    def retranslate(self) -> None:
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Erase the pad (Esc)"))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Remove the last stroke (Ctrl+Z)"))
        self.open_image_button.setText(self.tr("Open image…"))
        self.open_image_button.setToolTip(self.tr("Classify a PNG or JPEG of a handwritten digit"))
        self.brush_label.setText(self.tr("Brush"))
        self.brush.setToolTip(self.tr("Brush size on the pad (the network's input is always drawn at "
                                      "MNIST's stroke width)"))
        self.reads_label.setText(self.tr("Reads with:"))
        self.saliency_toggle.setText(self.tr("Saliency"))
        self.saliency_toggle.setToolTip(self.tr("Tint each pixel by input × gradient of the winning digit's "
                                                "score: how much its ink pushed that digit"))
        self.seen_heading.setText(self.tr("What the network sees"))
        self.prediction_heading.setText(self.tr("Prediction"))
        self.bars_heading.setText(self.tr("Probabilities"))
        self._show_model_texts()
        self._show_saliency_legend()
        self._show_source()

    def minimumSizeHint(self) -> QSize:
        """The layout's minimum, tall enough for the my-digits box at the panel's width: its word-wrapped
        texts (the score, teaching's outcome; longer in some languages) need more lines in a narrow
        window than its minimum says, and the panel's scroll area sizes the panel by this hint, so the
        box never squeezes the pad's column."""
        hint = super().minimumSizeHint()
        layout, margins = self.layout(), self.layout().contentsMargins()
        box = self.my_digits.heightForWidth(max(self.width(), hint.width()) - margins.left() - margins.right())
        need = (margins.top() + self.upper.minimumSizeHint().height() + layout.spacing()
                + max(box, self.my_digits.minimumSizeHint().height()) + margins.bottom())
        return QSize(hint.width(), max(hint.height(), need))

    # ------------------------------------------------------------------ which model reads the pad
    @Slot(object)
    def _on_model_changed(self, info) -> None:
        # A private copy: layers cache their inputs during forward, so two threads predicting
        # with one network object (a worker evaluating the same model) could disturb each other.
        usable = info is not None and getattr(info.network, "sizes", [784])[0] == 784
        self._current = None
        if usable:
            self._current = info.network.copy() if hasattr(info.network, "copy") else info.network
        self.model_choice.set_current_name(None if info is None else info.name)
        if self.model_choice.choice() == CURRENT:
            self._use(self._current)

    @Slot(str)
    def _on_choice_changed(self, key: str) -> None:
        if key == CURRENT:
            self._use(self._current)
            return
        if key not in self._bundled:
            loaded = load_bundled(key)
            if isinstance(loaded, str):  # missing or unreadable: greyed out, back to the current model
                self.model_choice.set_unusable(key, loaded)
                QMessageBox.warning(self, self.tr("Bundled model"), loaded)
                self.model_choice.set_choice(CURRENT)
                return
            self._bundled[key] = loaded
        self._use(self._bundled[key][0])

    def _use(self, network) -> None:
        self._network = network
        self._show_model_texts()
        self.refresh_reading()
        self.my_digits.refresh(network)

    def _show_model_texts(self) -> None:
        self.model_label.setText(self._model_description())
        self.model_choice.setToolTip(self.tr("The pad reads with {name}. Switching needs no training: the "
                                             "bundled models ship with the app.").format(name=self.model_name()))

    def _model_description(self) -> str:
        info = self.context.model
        if self.model_choice.choice() == CURRENT:
            if info is None:
                return translate("DrawingPanel", NO_MODEL)
            if self._network is None:
                name = html.escape(display_name(info.name))
                return self.tr("{name} does not take 28x28 inputs").format(name=f"<b>{name}</b>")
        network = self._network
        return getattr(network, "arch", None) or "-".join(str(s) for s in network.sizes)

    def network(self):
        """The network the pad reads with (a private copy), or None (no model, or one that does
        not take 28x28 inputs)."""
        return self._network

    def choice(self) -> str:
        """"current", "conv" or "mlp": the model_choice's key."""
        return self.model_choice.choice()

    def set_choice(self, key: str) -> None:
        self.model_choice.set_choice(key)

    def model_name(self) -> str:
        """What the pad's model is called: the current model's name or the bundled model's."""
        key = self.choice()
        if key == CURRENT:
            info = self.context.model
            return display_name(info.name) if info is not None else ""
        return {"conv": self.tr("bundled conv net"), "mlp": self.tr("bundled MLP")}.get(key, key)

    # ------------------------------------------------------------------ input → verdict
    @Slot()
    def _on_strokes_changed(self) -> None:
        self.images.cancel()  # drawing while an image is read: the drawing wins
        self.update_prediction()

    def update_prediction(self) -> None:
        """Read the pad's strokes (about a millisecond with the conv net) and show the verdict;
        drawing, clearing or undoing replaces an opened image."""
        self.source, self._my_digit = "pad", None
        self._show_source()
        self._ink = None
        strokes = self.pad.strokes()
        network = self.network()
        if network is None:
            x = strokes_to_input(strokes, LOGICAL_SIZE,
                                 max_scale=reading.MAX_MAGNIFY * reading.SIDE / LOGICAL_SIZE)
            self._show(x, None)
        else:
            self._show(*reading.read_strokes(network, strokes, LOGICAL_SIZE))

    def show_input(self, x, ink=None) -> None:
        """Read and show input x (784,) or None (an opened image, a kept digit) with the ink's
        measures `ink` (reading.InkReport; None: measured from x)."""
        self._ink = ink
        network = self.network()
        self._show(x, None if network is None else reading.read_input(network, x, ink))

    def refresh_reading(self) -> None:
        """Read the same drawing again (another model, saliency switched)."""
        if self.source == "pad":
            self.update_prediction()
        else:
            self.show_input(self.x, self._ink)

    @property
    def probabilities(self) -> np.ndarray | None:
        return None if self.reading is None else self.reading.probabilities

    def _show(self, x, read) -> None:
        """Show input x and its reading: preview (and saliency), verdict, bars; publish x."""
        changed = (x is None) != (self.x is None) or (x is not None and not np.array_equal(x, self.x))
        self.x = x
        self.reading = None if x is None else read
        p = self.probabilities
        sal = None
        # Saliency is a backward pass (with the conv net about as long again as the reading): while
        # a stroke is in progress the preview shows the plain input, tinted again when it ends.
        if self.saliency_toggle.isChecked() and p is not None and not self.pad.is_drawing():
            sal = saliency(self.network(), x, int(np.argmax(p)))
        self.preview.set_input(x, sal)
        self.bars.set_probabilities(p)
        self.my_digits.set_drawing_available(x is not None)
        self.verdict.show_reading(self.reading, no_model=x is not None and self.network() is None)
        if sal is not None or not (self.pad.is_drawing() and self.saliency_toggle.isChecked()):
            self._legend_digit = None if sal is None else int(np.argmax(p))
            self._show_saliency_legend()
        if changed:
            self.context.set_drawing(x)

    def _show_saliency_legend(self) -> None:
        """The saliency colours' meaning while the preview is tinted (empty otherwise)."""
        top = self._legend_digit
        legend = self.saliency_legend
        if top is None:
            legend.setText("")
            legend.setMinimumHeight(0)
            return
        # One line when it fits (two in English): a line break only between the two entries.
        entries = ((theme.ORANGE, self.tr("pushed toward {digit}").format(digit=top)),
                   (theme.SKY, self.tr("pushed against")))
        legend.setText(" ".join(f"<span style='white-space:nowrap'><span style='color:{colour}'>■</span> "
                                + html.escape(text) + "</span>" for colour, text in entries))
        legend.setMinimumHeight(legend.heightForWidth(legend.width()))  # (its width is fixed; the hint is not exact)

    @Slot(bool)
    def _on_saliency_toggled(self, _checked: bool) -> None:
        self.refresh_reading()

    # ------------------------------------------------------------------ images
    @Slot()
    def open_image_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an image of a digit"), "",
                                              translate("DrawingPanel", IMAGE_FILTER))
        if path:
            self.open_image(path)

    def open_image(self, path) -> bool:
        """Decode an image file in a worker and classify it through the same preprocessing; True
        when the read has started (False while another runs). `images.finished` follows: the
        image shown, or one dialog (a bad file, a blank image) and the current input kept."""
        return self.images.open(path)

    @Slot(str, object, object, object)
    def _on_image_opened(self, name: str, rgba: np.ndarray, x: np.ndarray, ink) -> None:
        self.pad.clear()
        h, w = rgba.shape[:2]
        self.pad.set_background(QImage(rgba.data, w, h, 4 * w, QImage.Format_RGBA8888).copy())
        self.source, self._my_digit = name, None
        self._show_source()
        self.show_input(x, ink)

    @Slot(bool)
    def _on_image_busy(self, busy: bool) -> None:
        self.open_image_button.setEnabled(not busy)
        self._show_source()  # refused or cancelled: the text as before

    def _show_source(self) -> None:
        """Where the input comes from: an image being read, an opened image, a kept digit, the pad."""
        if self.images.busy:
            text = self.tr("Reading the image…")
        elif self._my_digit is not None:
            text = self.tr("Showing my digit #{number}.").format(number=self._my_digit + 1)
        elif self.source != "pad":
            text = self.tr("Showing {file}: draw on the pad to replace it.").format(file=self.source)
        else:
            text = ""
        self.source_label.setText(text)

    def shutdown(self) -> None:
        self.images.cancel()  # never waits: the decoder ends on its own
        self.teach.shutdown()

    # ------------------------------------------------------------------ settings
    def save_settings(self) -> None:
        settings.set_value(SETTINGS_KEY, self.choice())

    def restore_settings(self) -> None:
        key = settings.value(SETTINGS_KEY)
        if key in (CURRENT, *BUNDLED_KEYS):
            self.set_choice(key)

    # ------------------------------------------------------------------ export
    def export_plot(self, path=None) -> bool:
        """Save the pad, the 28x28 input, the verdict and the bars as one PNG (atomically)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export plot"), "drawing.png",
                                                  self.tr("PNG image (*.png)"))
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        return save_or_report(self, path, lambda: save_image(self.upper.grab(), path))

    # ------------------------------------------------------------------ my digits
    @Slot(int)
    def add_to_my_digits(self, label: int) -> None:
        if self.x is None:
            return
        strokes = self.pad.strokes() if self.source == "pad" else None
        try:
            mydigits.add_my_digit(self.x, label, strokes=strokes)
        except OSError as exc:
            report_save_error(self, mydigits.my_digits_path(), exc, self.tr("My digits"))
            return
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("My digits"),
                                self.tr("Could not keep the digit: {reason}").format(reason=exc))
            return
        self.my_digits.refresh(self.network())

    @Slot(int)
    def show_my_digit(self, index: int) -> None:
        """Show a kept digit: its strokes on the pad if stored, else its image."""
        try:
            strokes = mydigits.load_my_strokes(index)
        except (IndexError, mydigits.MyDigitsError):
            return
        if strokes:
            self.source = "pad"
            self.pad.set_strokes(strokes)
        elif 0 <= index < len(self.my_digits.x):
            self.pad.clear()
            self.source, self._my_digit = f"my digit #{index + 1}", index
            self._show_source()
            self.show_input(self.my_digits.x[index])


def _heading() -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
