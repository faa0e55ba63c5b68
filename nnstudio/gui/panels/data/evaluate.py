"""The Evaluate tab: the current model's test accuracy beside two baselines, confusion matrix,
per-label accuracy and a gallery of its mistakes (or of one clicked confusion-matrix cell)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from nnstudio.core.digits.evaluation import AverageDarkness, evaluate, random_guess_accuracy
from nnstudio.gui.context import BUNDLED_NAME as BUNDLED_DATASET
from nnstudio.gui.i18n import translate
from nnstudio.gui.panels.data.chart import BarChart
from nnstudio.gui.panels.data.confusion import ConfusionMatrixView
from nnstudio.gui.panels.data.gallery import GalleryView
from nnstudio.gui.panels.data.style import (BAR, BAR_LOW, DARKNESS, ERROR_TEXT, MODEL, MUTED,
                                            RANDOM, TEXT)
from nnstudio.gui.panels.data.text import explainer
from nnstudio.gui.names import name as display_name
from nnstudio.gui.network_text import model_name, network_shape
from nnstudio.gui.workers import JobWorker
from nnstudio.gui.widgets.plot_title import wrap_title
from nnstudio.gui.widgets.retranslate import Retranslatable

LABELS = [str(d) for d in range(10)]
# what the model label says after the model's name, by the view's state
STATES = {"not evaluated": QT_TRANSLATE_NOOP("EvaluateView", " · not evaluated yet"),
          "loading": QT_TRANSLATE_NOOP("EvaluateView", " · loading the dataset…"),
          "evaluating": QT_TRANSLATE_NOOP("EvaluateView", " · evaluating…"), "plain": ""}


def run_evaluation(network, data, darkness: AverageDarkness | None) -> dict:
    """Worker-thread job: evaluate on the test set, with both baselines on the same images."""
    (xtr, ttr), (xte, tte) = data
    if darkness is None:
        darkness = AverageDarkness().fit(xtr, ttr)
    return {"evaluation": evaluate(network, xte, tte), "network": network, "darkness": darkness,
            "darkness_acc": darkness.accuracy(xte, tte),
            "random_acc": random_guess_accuracy(tte, np.random.default_rng(0))}


class EvaluateView(Retranslatable, QWidget):
    """Evaluates `context.model` on `context.dataset`'s test set in a worker thread."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.worker: JobWorker | None = None
        self.result: dict | None = None  # the last finished evaluation
        self.evaluated = None  # (ModelInfo, data) the result belongs to
        self.stale = True
        self._darkness: dict = {}  # id(data) → fitted AverageDarkness
        self._again = False  # evaluate once more when the running job ends
        self._dataset_name = ""  # the dataset the result belongs to
        self._state = "plain"  # a STATES key: what the model label says after the name
        self._problem = None  # ("mismatch", network, data) or ("error", message) on show, if any
        self._cell = None  # the confusion-matrix cell the gallery shows (None: every mistake)

        self.evaluate_button = QPushButton(objectName="evaluateButton")
        self.model_label = QLabel("", objectName="modelLabel")
        self.model_label.setStyleSheet(f"color: {MUTED};")
        self.model_label.setWordWrap(True)
        self.accuracy_label = QLabel("", objectName="accuracyLabel")
        self.accuracy_label.setTextFormat(Qt.RichText)
        self.accuracy_label.setAlignment(Qt.AlignCenter)
        self.accuracy_label.setWordWrap(True)
        self.accuracy_label.setMinimumHeight(self.fontMetrics().height() * 4)
        self.baselines_chart = BarChart(horizontal=True)
        self.baselines_chart.setObjectName("baselinesChart")
        self.baselines_chart.setMinimumHeight(120)
        self.confusion = ConfusionMatrixView()
        self.digit_chart = BarChart()
        self.digit_chart.setObjectName("digitAccuracyChart")
        self.digit_chart.setMinimumHeight(190)
        self.gallery_view = GalleryView()
        self.gallery = self.gallery_view.grid  # the ImageGrid itself
        self.gallery_title = self.gallery_view.title
        self.mistakes_button = self.gallery_view.mistakes_button
        self.explainer = explainer("evaluation")

        self.evaluate_button.clicked.connect(self.evaluate)
        self.mistakes_button.clicked.connect(self.show_mistakes)
        self.confusion.cell_clicked.connect(self.show_cell)
        context.model_changed.connect(self._on_model_changed)
        context.dataset_changed.connect(self._on_dataset_changed)
        self._build_layout()
        self._show_empty()
        self.retranslate()

    def retranslate(self) -> None:
        self.evaluate_button.setText(self.tr("Evaluate"))
        self.evaluate_button.setToolTip(self.tr("Run the current model on every test image"))
        self.baselines_chart.set_title(self.tr("Test accuracy beside two baselines"))
        self.digit_chart.set_title(self.tr("Accuracy per label"))
        self.digit_chart.set_labels("", self.tr("true label"))
        if self.result is not None:
            self._show_result()
        elif self.context.model is None:
            self._show_empty()
        else:
            self._set_model_label(self._state)
            if self._problem is not None and self._problem[0] == "mismatch":
                self._show_problem(self._mismatch(*self._problem[1:]))
            elif self._problem is not None:
                self._on_error(self._problem[1])

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.evaluate_button)
        top.addWidget(self.model_label, 1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.confusion, 3)
        left.addWidget(self.digit_chart, 2)
        right = self._right = QGridLayout()
        right.addWidget(self.accuracy_label, 0, 0)
        right.addWidget(self.baselines_chart, 1, 0)
        right.addWidget(self.gallery_view, 2, 0)
        right.addWidget(self.explainer, 3, 0)
        right.setRowStretch(1, 2)
        right.setRowStretch(2, 5)
        right.setRowStretch(3, 3)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.confusion.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    # ------------------------------------------------------------------ triggers
    def showEvent(self, event):
        super().showEvent(event)
        if self.stale:
            self.evaluate()

    @Slot(object)
    def _on_model_changed(self, info) -> None:
        self.stale = True
        if self.isVisible():
            self.evaluate()
        else:
            self._set_model_label("not evaluated")

    @Slot(object)
    def _on_dataset_changed(self, info) -> None:
        self._darkness.clear()
        self._on_model_changed(self.context.model)

    @Slot()
    def evaluate(self) -> None:
        """Start evaluating the current model (again once the running job ends, if one runs)."""
        info = self.context.model
        self.stale = False
        if info is None:
            self._show_empty()
            return
        if self.worker is not None:
            self._again = True
            return
        dataset = self.context.ensure_dataset()
        if dataset is None:  # loading: dataset_changed evaluates again
            self.stale = True
            self._set_model_label("loading")
            return
        data = dataset.data
        problem = self._mismatch(info.network, data)
        if problem:
            self._show_empty()
            self._set_model_label("plain")
            self._problem = ("mismatch", info.network, data)
            self._show_problem(problem)
            return
        self.evaluate_button.setEnabled(False)
        self._set_model_label("evaluating")
        network = info.network.copy()  # the worker never shares layer state with the GUI thread
        self.worker = JobWorker(run_evaluation, network, data, self._darkness.get(id(data)), name="evaluation")
        self.worker.tag = (info, data, dataset.name)
        self.worker.result.connect(self._on_result)
        self.worker.error.connect(self._on_error)
        self.worker.finished.connect(self._on_worker_done)
        self.worker.start()

    @Slot(object)
    def _on_result(self, result) -> None:
        info, data, name = self.sender().tag
        self._darkness[id(data)] = result["darkness"]
        self.evaluated, self.result, self._dataset_name = (info, data), result, name
        self._cell = None  # a new result opens on every mistake
        self._show_result()

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self._problem = ("error", message)
        self._set_model_label("plain")
        self.accuracy_label.setText(f"<span style='color:{ERROR_TEXT}'>"
                                    + self.tr("Evaluation failed: {message}").format(message=message) + "</span>")

    def _show_problem(self, problem: str) -> None:
        self.accuracy_label.setText(f"<span style='color:{ERROR_TEXT}'>{problem}</span>")
        self.confusion.clear(problem)

    @Slot()
    def _on_worker_done(self) -> None:
        if self.sender() is not self.worker:
            return
        self.worker = None
        self.evaluate_button.setEnabled(True)
        if self._again:
            self._again = False
            self.evaluate()

    def _mismatch(self, network, data) -> str:
        """Why this model cannot be evaluated on these images ('' when it can)."""
        pixels = int(np.prod(data[1][0].shape[1:]))
        if network.sizes[0] != pixels:
            return self.tr("This model takes {inputs} inputs but the images have {pixels} "
                           "pixels: it cannot be evaluated on this dataset.").format(inputs=network.sizes[0],
                                                                                     pixels=pixels)
        if network.sizes[-1] != 10:
            return self.tr("This model has {outputs} outputs, not one per label (10).").format(
                outputs=network.sizes[-1])
        if len(data[1][0]) == 0:
            return self.tr("The test set is empty.")
        return ""

    # ------------------------------------------------------------------ showing
    def _model_text(self) -> str:
        info = self.context.model
        if info is None:
            return self.tr("No model")
        return self.tr("Model: {name} ({shape}, {activation})").format(
            name=model_name(info.name), shape=network_shape(info.network),
            activation=display_name(info.network.activation))

    def _set_model_label(self, state: str) -> None:
        self._state = state
        self.model_label.setText(self._model_text() + translate("EvaluateView", STATES[state]))

    def _show_empty(self) -> None:
        self.result = None
        self._problem = None
        self.model_label.setText(self.tr("No model"))
        message = self.tr("No model to evaluate yet. Train one in the Training panel or open a saved "
                          "model; it is evaluated here as soon as it appears.")
        self.accuracy_label.setText(f"<span style='font-size:15pt; color:{MUTED}'>" + self.tr("No model yet")
                                    + "</span>")
        self.confusion.clear(message)
        self.digit_chart.clear_bars()
        self.baselines_chart.clear_bars()
        self.gallery_view.clear(self.tr("The model's mistakes will appear here."))
        self._set_result_widgets_visible(False)

    def _set_result_widgets_visible(self, visible: bool) -> None:
        """Empty charts with made-up axes would only confuse: hide them until there is a result."""
        for w in (self.baselines_chart, self.digit_chart, self.gallery_view):
            w.setVisible(visible)
        for row, stretch in ((1, 2), (2, 5)):  # without results the explanation takes the space
            self._right.setRowStretch(row, stretch if visible else 0)

    def _show_result(self) -> None:
        ev = self.result["evaluation"]
        n = int(ev.confusion.sum())
        name = model_name(self.evaluated[0].name)
        self._problem = None
        dataset = (translate("AppContext", BUNDLED_DATASET) if self._dataset_name == BUNDLED_DATASET
                   else self._dataset_name)
        self.model_label.setText(self._model_text() + f" · {dataset}")
        self.accuracy_label.setText(
            "<span style='font-size:15pt'>" + self.tr("Test accuracy <b>{accuracy}%</b>").format(
                accuracy=f"{100 * ev.accuracy:.2f}") + f"</span><br><span style='color:{MUTED}'>"
            + self.tr("{right:,} of {n:,} test images right, {wrong:,} wrong ({name})").format(
                right=int(np.trace(ev.confusion)), n=n, wrong=len(ev.mistakes), name=name) + "</span>")
        accs = [self.result["random_acc"], self.result["darkness_acc"], ev.accuracy]
        self.baselines_chart.set_bars(
            [100 * a for a in accs], ticks=[self.tr("random guess"), self.tr("average darkness"),
                                            self.tr("this model")],
            colors=[RANDOM, DARKNESS, MODEL],
            texts=[self.tr(" {accuracy}% (expected 10%)").format(accuracy=f"{100 * accs[0]:.1f}"),
                   *(f" {100 * a:.1f}%" for a in accs[1:])],
            value_range=(0, 118))
        self.baselines_chart.plot_item.getAxis("bottom").setTicks(
            [[(v, f"{v}%") for v in range(0, 101, 20)]])
        self.confusion.set_matrix(ev.confusion)
        self._show_digit_accuracy(ev)
        self._set_result_widgets_visible(True)
        if self._cell is None:
            self.show_mistakes()
        else:
            self.show_cell(*self._cell)

    def _show_digit_accuracy(self, ev) -> None:
        acc = ev.digit_accuracy
        pct = 100 * np.nan_to_num(acc, nan=0.0)
        worst = int(np.nanargmin(acc)) if np.isfinite(acc).any() else -1
        colors = [BAR_LOW if d == worst else BAR for d in range(10)]
        low = max(0.0, np.floor((pct[np.isfinite(acc)].min() if worst >= 0 else 0) / 10) * 10 - 10)
        self.digit_chart.set_bars(pct, ticks=LABELS, colors=colors,
                                  texts=[f"{p:.0f}" if np.isfinite(a) else "–" for p, a in zip(pct, acc)],
                                  value_range=(low, 100 + (100 - low) * 0.12))
        self.digit_chart.set_labels(self.tr("% right"), self.tr("true label"))
        self.digit_chart.add_line(100 * ev.accuracy, "", MODEL)
        wrap_title(self.digit_chart.plot_item, 
            self.tr("Accuracy per label") + f" <span style='color:{MODEL}'>"
            + self.tr("(dashed: all labels, {accuracy}%)").format(accuracy=f"{100 * ev.accuracy:.1f}")
            + "</span>", color=TEXT, size="10pt")

    def _test_set(self):
        return self.evaluated[1][1]

    @Slot()
    def show_mistakes(self) -> None:
        """Fill the gallery with every mistake, most confident first."""
        if self.result is None:
            return
        m = self.result["evaluation"].mistakes
        self._cell = None
        self.confusion.set_selected(None)
        self.gallery_view.show_images(
            "<b>" + self.tr("Mistakes, most confident first") + f"</b> ({len(m):,})", self._test_set()[0],
            m.indices, m.true, m.pred, m.confidence, self.result["network"],
            self.tr("No mistakes: every test image is right."))

    @Slot(int, int)
    def show_cell(self, true_label: int, predicted: int) -> None:
        """Fill the gallery with the test images of true label i the model called j."""
        if self.result is None:
            return
        ev = self.result["evaluation"]
        t = self._test_set()[1]
        idx = np.flatnonzero((t == true_label) & (ev.pred == predicted))
        idx = idx[np.argsort(-ev.confidence[idx], kind="stable")]
        self._cell = (true_label, predicted)
        self.confusion.set_selected((true_label, predicted))
        fields = dict(true=true_label, predicted=predicted, n=len(idx))
        what = (self.tr("({n:,} images, right; most confident first)") if true_label == predicted
                else self.tr("({n:,} images, wrong; most confident first)"))
        self.gallery_view.show_images(
            "<b>" + self.tr("True {true}, predicted {predicted}").format(**fields) + "</b> " + what.format(**fields),
            self._test_set()[0], idx, t[idx], ev.pred[idx], ev.confidence[idx], self.result["network"],
            self.tr("No test image labelled {true} was called {predicted}.").format(**fields))

    def shutdown(self) -> None:
        self._again = False
        if self.worker is not None:
            self.worker.wait()
