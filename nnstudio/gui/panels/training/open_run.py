"""Open run…: a run exported on another day (JSON) read in a JobWorker, added to the run history
and drawn over the shown run's curves to compare."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnstudio.gui import settings
from nnstudio.gui.i18n import translate

def open_run_dialog(panel) -> None:
    """Ask for a file, then open it (RunOpener.open)."""
    start = settings.read_str(settings.LAST_EXPORT_DIR, str(Path.home()))
    path, _ = QFileDialog.getOpenFileName(panel, translate("RunOpener", "Open run"), start,
                                          translate("RunOpener", "Run exported as JSON (*.json);;All files (*)"))
    if path:
        opener(panel).open(path)


def opener(panel) -> "RunOpener":
    """The panel's RunOpener (made on first use, a child of the panel)."""
    found = panel.findChild(RunOpener, "runOpener")
    return found if found is not None else RunOpener(panel)


class RunOpener(QObject):
    """Reads run files for a training panel: each run joins its history with the next number,
    labelled with the file's name, and the last one is compared with the shown run."""

    def __init__(self, panel):
        super().__init__(panel)
        self.setObjectName("runOpener")
        self.panel, self.worker, self.path = panel, None, None

    def open(self, path) -> bool:
        """Start reading `path` in a JobWorker; False while another file is being read."""
        if self.worker is not None:
            return False
        from nnstudio.gui.run_history import read_runs
        from nnstudio.gui.workers import JobWorker

        self.path = Path(path)
        self.worker = JobWorker(read_runs, self.path, name="runReader")
        self.worker.result.connect(self._on_runs)
        self.worker.error.connect(self._on_error)
        self.worker.finished.connect(self._on_finished)
        self.worker.start()
        return True

    @Slot(object)
    def _on_runs(self, runs) -> None:
        panel, path = self.panel, self.path
        for run in runs:
            run.number = panel.history.next_number()
            run.session = f"from {path.name}"  # (a key: RunHistory shows it translated)
            panel.history.runs.append(run)
        box = panel.history_box
        box.set_runs(panel.history.runs)
        i = box.overlay.findData(runs[-1].number)
        if i >= 0:  # not when it is the run shown (an empty history shows the opened run itself)
            box.overlay.setCurrentIndex(i)
            panel.plots.set_overlay(runs[-1])
        elif not panel.running:
            panel.plots.show_run(runs[-1])
        settings.set_value(settings.LAST_EXPORT_DIR, str(path.parent))
        text = (self.tr("Opened run {number} from {file}: compare it with the shown run.") if len(runs) == 1 else
                self.tr("Opened {n} runs from {file}: compare them with the shown run."))
        panel.stats.show_message(text.format(number=runs[-1].number, n=len(runs), file=path.name), "ok")

    @Slot(str)
    def _on_error(self, message: str) -> None:
        QMessageBox.warning(self.panel, self.tr("Open run"), message)

    @Slot()
    def _on_finished(self) -> None:
        self.worker = None
