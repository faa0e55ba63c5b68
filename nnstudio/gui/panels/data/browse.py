"""The Browse tab: a paged grid of the dataset's images, label counts, mean images, pixel histogram."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QSplitter, QVBoxLayout,
                               QWidget)

from nnstudio.core.digits.evaluation import dataset_summary, label_counts
from nnstudio.gui.context import dataset_display_name
from nnstudio.gui.i18n import translate
from nnstudio.gui.panels.data.chart import BarChart
from nnstudio.gui.panels.data.style import BAR, BAR_FADED, HIST, MUTED
from nnstudio.gui.panels.data.text import explainer
from nnstudio.gui.widgets.image_grid import ImageGrid
from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.workers import JobWorker

SPLITS = {QT_TRANSLATE_NOOP("BrowseView", "Training set"): 0, QT_TRANSLATE_NOOP("BrowseView", "Test set"): 1}
LABELS = [str(d) for d in range(10)]


class BrowseView(Retranslatable, QWidget):
    """Reads `context.dataset` when first shown and again on every `dataset_changed`."""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.dataset = None  # the DatasetInfo on show
        self.summaries: dict = {}  # (id of data, split) → DatasetSummary
        self.worker: JobWorker | None = None
        self._wanted = None  # (data, split) the charts should show

        self.split_combo = QComboBox(objectName="splitCombo")
        for name, split in SPLITS.items():
            self.split_combo.addItem(name, split)
        self.digit_combo = QComboBox(objectName="digitCombo")
        self.digit_combo.addItems([""] * (1 + len(LABELS)))
        self.dataset_label = QLabel(objectName="datasetLabel")
        self.dataset_label.setStyleSheet(f"color: {MUTED};")
        self.dataset_label.setWordWrap(True)  # two lines on a narrow window, never a wider panel
        self.dataset_label.setMinimumHeight(2 * self.dataset_label.fontMetrics().lineSpacing())
        self.grid = ImageGrid(10, 10)
        self.grid.setObjectName("browseGrid")
        self.detail_label = QLabel(objectName="detailLabel")
        self.detail_label.setStyleSheet(f"color: {MUTED};")
        self.counts_chart = BarChart()
        self.counts_chart.setObjectName("countsChart")
        self.means_title = QLabel()
        self.means_title.setAlignment(Qt.AlignCenter)
        self.means_grid = ImageGrid(10, 1, pager=False)
        self.means_grid.setObjectName("meanImages")
        self.means_grid.setMinimumHeight(70)
        self.hist_chart = BarChart(log=True)
        self.hist_chart.setObjectName("pixelHistogram")
        self.explainer = explainer("data")
        self.load_problem = ""  # why the dataset could not be loaded, if it could not

        self.split_combo.currentIndexChanged.connect(self._on_selection)
        self.digit_combo.currentIndexChanged.connect(self._on_selection)
        self.grid.index_clicked.connect(self._on_image_clicked)
        context.dataset_changed.connect(self._on_dataset_changed)
        context.dataset_failed.connect(self._on_dataset_failed)
        self._build_layout()
        self.retranslate()

    def retranslate(self) -> None:
        for i in range(self.split_combo.count()):
            self.split_combo.setItemText(i, translate("BrowseView", list(SPLITS)[i]))
        self.digit_combo.setItemText(0, self.tr("All labels"))
        for d in LABELS:
            self.digit_combo.setItemText(int(d) + 1, self.tr("Only {digit}").format(digit=d))
        self.show_label.setText(self.tr("Show"))
        self.counts_chart.set_title(self.tr("Images per label"))
        self.counts_chart.set_labels(self.tr("images"), self.tr("label"))
        self.hist_chart.set_title(self.tr("Pixel values (log scale)"))
        self.hist_chart.set_labels(self.tr("pixels"), self.tr("value (0 = blank, 1 = full ink)"))
        self.means_title.setText("<b>" + self.tr("Mean image of each label") + "</b>")
        if self.dataset is None:
            self.dataset_label.setText(self.tr("The dataset could not be loaded: {reason}").format(
                reason=self.load_problem) if self.load_problem else self.tr("Dataset not loaded yet"))
            self.detail_label.setText(self.tr("Click an image for its index and label."))
        else:
            self.refresh()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        self.show_label = QLabel()
        bar.addWidget(self.show_label)
        bar.addWidget(self.split_combo)
        bar.addWidget(self.digit_combo)
        bar.addSpacing(12)
        bar.addWidget(self.dataset_label, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(bar)
        lv.addWidget(self.grid, 1)
        lv.addWidget(self.detail_label)
        right = QWidget()
        rv = QGridLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.counts_chart, 0, 0)
        rv.addWidget(self.means_title, 1, 0)
        rv.addWidget(self.means_grid, 2, 0)
        rv.addWidget(self.hist_chart, 3, 0)
        rv.addWidget(self.explainer, 4, 0)
        for row, stretch in ((0, 3), (2, 1), (3, 3), (4, 3)):
            rv.setRowStretch(row, stretch)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # ------------------------------------------------------------------ state
    @property
    def split(self) -> int:
        return self.split_combo.currentData()

    @property
    def digit(self) -> int | None:
        i = self.digit_combo.currentIndex()
        return None if i <= 0 else i - 1

    def showEvent(self, event):
        super().showEvent(event)
        if self.dataset is None:
            self.refresh()

    @Slot(object)
    def _on_dataset_changed(self, info) -> None:
        self.summaries.clear()
        if self.dataset is not None or self.isVisible():
            self.refresh()

    @Slot(str)
    def _on_dataset_failed(self, message: str) -> None:
        if self.dataset is None and self.context.dataset is None:
            self.load_problem = message
            self.dataset_label.setText(self.tr("The dataset could not be loaded: {reason}").format(reason=message))

    @Slot()
    def refresh(self) -> None:
        """Show the current dataset (asking for it first if none is loaded yet) and redraw every view."""
        dataset = self.context.ensure_dataset()
        if dataset is None:  # dataset_changed calls this again
            self.dataset_label.setText(self.tr("Loading the dataset…"))
            return
        self.dataset = dataset
        (xtr, _), (xte, _) = self.dataset.data
        self.dataset_label.setText(self.tr("{name}: {train:,} training and {test:,} test images").format(
            name=dataset_display_name(dataset), train=len(xtr), test=len(xte)))
        self._on_selection()

    @Slot()
    def _on_selection(self) -> None:
        if self.dataset is None:
            return
        x, t = self.dataset.data[self.split]
        digit = self.digit
        indices = np.arange(len(t)) if digit is None else np.flatnonzero(t == digit)
        which = (self.tr("training image #{index}, label {label}") if self.split == 0
                 else self.tr("test image #{index}, label {label}"))
        self.grid.set_images(x, indices, lambda k: LABELS[t[indices[k]]],
                             tooltips=lambda k: which.format(index=indices[k], label=t[indices[k]]))
        if not len(indices):
            self.grid.set_empty_text(self.tr("No image labelled {digit} in this set.").format(digit=digit))
        self.detail_label.setText(self.tr("Click an image for its index and label."))
        self._show_counts(t)
        self._request_summary()

    def _show_counts(self, t) -> None:
        counts = label_counts(t)
        highlight = self.digit
        colors = [BAR if highlight in (None, d) else BAR_FADED for d in range(10)]
        self.counts_chart.set_bars(counts, ticks=LABELS, colors=colors,
                                   texts=[f"{c:,}" for c in counts])

    # ------------------------------------------------------------------ mean images and histogram
    def _request_summary(self) -> None:
        data, split = self.dataset.data, self.split
        self._wanted = (id(data), split)
        cached = self.summaries.get(self._wanted)
        if isinstance(cached, str):
            self.means_grid.clear(self.tr("Could not compute the statistics: {reason}").format(reason=cached))
            return
        if cached is not None:
            self._show_summary(cached)
            return
        self.means_grid.clear(self.tr("Computing…"))
        self.hist_chart.clear_bars()
        if self.worker is not None:
            return  # _on_worker_done starts the wanted job when the running one ends
        x, t = data[split]
        self.worker = JobWorker(dataset_summary, x, t, name="datasetSummary")
        self.worker.tag = self._wanted
        self.worker.result.connect(self._on_summary)
        self.worker.error.connect(self._on_summary)  # its message, cached too: a bad set is not retried
        self.worker.finished.connect(self._on_worker_done)
        self.worker.start()

    @Slot(object)
    def _on_summary(self, summary) -> None:
        self.summaries[self.sender().tag] = summary

    @Slot()
    def _on_worker_done(self) -> None:
        if self.sender() is not self.worker:
            return
        self.worker = None
        if self.dataset is not None:
            self._request_summary()

    def _show_summary(self, summary) -> None:
        self.means_grid.set_images(summary.means, captions=LABELS,
                                   tooltips=[self.tr("mean of the {n:,} images labelled {digit}").format(n=c, digit=d)
                                             for d, c in enumerate(summary.counts)])
        edges = summary.hist_edges
        centres = (edges[:-1] + edges[1:]) / 2
        self.hist_chart.set_bars(summary.hist_counts, positions=centres,
                                 width=float(edges[1] - edges[0]) * 0.9, colors=[HIST] * len(centres))
        self.hist_chart.plot_item.setXRange(0, 1, padding=0.02)
        self.hist_chart.plot_item.getAxis("bottom").setTicks(
            [[(v, f"{v:g}") for v in (0, 0.25, 0.5, 0.75, 1.0)]])

    @Slot(int)
    def _on_image_clicked(self, index: int) -> None:
        _, t = self.dataset.data[self.split]
        text = (self.tr("Training image #{index}: label {label}") if self.split == 0
                else self.tr("Test image #{index}: label {label}"))
        self.detail_label.setText(text.format(index=index, label=int(t[index])))

    def shutdown(self) -> None:
        if self.worker is not None:
            self.worker.wait()  # a short computation (under a second)
