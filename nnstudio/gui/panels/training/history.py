"""The run-history box of the training panel: pick a run to show, one to compare, export, reuse."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QPushButton

from nnstudio.gui.widgets.retranslate import Retranslatable
from nnstudio.gui.widgets.signals import blocked

NONE = 0
FROM_FILE = -1  # the compare list's last item: Open run… (a run exported another day)


class RunHistoryBox(Retranslatable, QGroupBox):
    """Combos of this session's runs; emits run numbers (0 = none)."""

    show_requested = Signal(int)
    overlay_requested = Signal(int)
    export_requested = Signal(int)
    reuse_requested = Signal(int)
    open_requested = Signal()  # "a run from a file…" chosen in the compare list

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("runHistoryBox")
        self.shown = QComboBox()
        self.shown.setObjectName("shownRunCombo")
        self.overlay = QComboBox()
        self.overlay.setObjectName("overlayRunCombo")
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportRunButton")
        self.reuse_button = QPushButton()
        self.reuse_button.setObjectName("reuseRunButton")
        self.show_label, self.compare_label = QLabel(), QLabel()
        for box in (self.shown, self.overlay):  # long run labels elide instead of widening the panel
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        # Two rows beside the plots: always in view, however short the screen.
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setVerticalSpacing(3)
        layout.addWidget(self.show_label, 0, 0)
        layout.addWidget(self.shown, 0, 1)
        layout.addWidget(self.export_button, 0, 2)
        layout.addWidget(self.compare_label, 1, 0)
        layout.addWidget(self.overlay, 1, 1)
        layout.addWidget(self.reuse_button, 1, 2)
        layout.setColumnStretch(1, 1)
        self.set_runs([])
        self.shown.activated.connect(self._on_shown)
        self.overlay.activated.connect(self._on_overlay)
        self.export_button.clicked.connect(self._on_export)
        self.reuse_button.clicked.connect(self._on_reuse)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Run history"))
        self.shown.setToolTip(self.tr("Which run's curves the plots show. The last runs are kept across "
                                      "restarts (curves thinned to a few thousand points)."))
        self.overlay.setToolTip(self.tr("Draw a second run's curves (dashed) over the shown one to compare "
                                        "them."))
        self.export_button.setText(self.tr("Export run…"))
        self.export_button.setToolTip(self.tr("Save the shown run's settings and curves as CSV (a table per "
                                              "step) or JSON (everything)."))
        self.reuse_button.setText(self.tr("Use its settings"))
        self.reuse_button.setToolTip(self.tr("Copy the shown run's settings into the form above."))
        self.show_label.setText(self.tr("Show"))
        self.compare_label.setText(self.tr("Compare with"))
        labels = {run.number: run.label for run in getattr(self, "_runs", [])}
        labels.update({NONE: self.tr("nothing"), FROM_FILE: self.tr("a run from a file…")})
        for box in (self.shown, self.overlay):  # the items' texts (their data stays)
            for i in range(box.count()):
                if box.itemData(i) in labels:
                    box.setItemText(i, labels[box.itemData(i)])

    def set_runs(self, runs, shown: int | None = None) -> None:
        """Refill both combos from Run objects; keep the selections where possible. The compare
        combo lists every run but the shown one (a run compared with itself shows nothing new)."""
        shown = self.shown_run() if shown is None else shown
        self._runs = list(runs)
        with blocked(self.shown):
            self.shown.clear()
            for run in self._runs:
                self.shown.addItem(run.label, run.number)
            i = self.shown.findData(shown)
            self.shown.setCurrentIndex(i if i >= 0 else max(self.shown.count() - 1, 0))
        self._fill_overlay()
        self._update_enabled()

    def _fill_overlay(self) -> None:
        overlay, shown = self.overlay_run(), self.shown_run()
        with blocked(self.overlay):
            self.overlay.clear()
            self.overlay.addItem(self.tr("nothing"), NONE)
            for run in getattr(self, "_runs", []):
                if run.number != shown:
                    self.overlay.addItem(run.label, run.number)
            self.overlay.addItem(self.tr("a run from a file…"), FROM_FILE)
            self.overlay.setCurrentIndex(max(self.overlay.findData(overlay), 0))
        self._overlay_before = self.overlay_run()

    def shown_run(self) -> int:
        return self.shown.currentData() or NONE

    def overlay_run(self) -> int:
        return max(self.overlay.currentData() or NONE, NONE)

    def set_running(self, running: bool) -> None:
        self._running = running
        self._update_enabled()

    def _update_enabled(self) -> None:
        running = getattr(self, "_running", False)
        has = self.shown.count() > 0
        self.shown.setEnabled(has and not running)
        self.overlay.setEnabled(True)  # something to compare, or a run from a file
        self.export_button.setEnabled(has)
        self.reuse_button.setEnabled(has and not running)

    @Slot(int)
    def _on_shown(self, index: int) -> None:
        self._fill_overlay()  # the run now shown leaves the compare list (and stops being compared)
        self._update_enabled()
        self.show_requested.emit(self.shown_run())

    @Slot(int)
    def _on_overlay(self, index: int) -> None:
        if self.overlay.currentData() == FROM_FILE:  # back to what was compared, then ask for the file
            self.overlay.setCurrentIndex(max(self.overlay.findData(self._overlay_before), 0))
            self.open_requested.emit()
            return
        self._overlay_before = self.overlay_run()
        self.overlay_requested.emit(self.overlay_run())

    @Slot()
    def _on_export(self) -> None:
        self.export_requested.emit(self.shown_run())

    @Slot()
    def _on_reuse(self) -> None:
        self.reuse_requested.emit(self.shown_run())
