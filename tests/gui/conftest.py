"""GUI fixtures: QSettings redirected to the test's folder, a QThread watch, a main window, message
boxes recorded instead of shown."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    qapp.setOrganizationName("NN Studio Tests")
    qapp.setApplicationName("NN Studio Tests")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(qapp):
    """As the app does (nnstudio/gui/gc_guard.py): no automatic collection while a test's threads
    run, which could free an earlier test's widgets on a worker thread and hang both threads;
    the test's garbage is collected here, on the GUI thread, at its end."""
    import gc

    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture(autouse=True)
def _no_running_qthreads(qapp):
    """Fail any test that leaves a QThread running (napari's dangling-thread check)."""
    from PySide6.QtCore import QThread

    yield
    running = [t for t in qapp.findChildren(QThread) if t.isRunning()]
    from nnstudio.gui import workers_registry

    running += [t for t in workers_registry.live_threads() if t.isRunning()]
    for t in running:
        t.quit()
        t.wait(2000)
    assert not running, f"test left {len(running)} QThread(s) running"


@pytest.fixture
def dialogs(monkeypatch):
    """Message boxes recorded instead of shown: a list of (kind, title, text)."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    for kind in ("warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, _k=kind, **kw:
                            shown.append((_k, title, text)))
    return shown


@pytest.fixture
def make_training_panel(qtbot):
    """make(dataset, model=None) → a TrainingPanel on a fresh AppContext holding `dataset` (a
    DatasetInfo) and `model` (a ModelInfo, if given); shut down after the test (shutdown is
    idempotent: a test may shut a panel down itself)."""
    from nnstudio.gui.context import AppContext
    from nnstudio.gui.panels.training.panel import TrainingPanel

    made = []

    def make(dataset, model=None):
        context = AppContext()
        context.set_dataset(dataset)
        if model is not None:
            context.set_model(model)
        panel = TrainingPanel(context)
        qtbot.addWidget(panel)
        panel.context_ref = context  # keep the QObject alive as long as the panel
        made.append(panel)
        return panel

    yield make
    for panel in made:
        panel.shutdown()


@pytest.fixture
def context(qapp):
    """A fresh AppContext (no dataset, no model), deleted after the test."""
    from nnstudio.gui.context import AppContext

    ctx = AppContext()
    yield ctx
    ctx.deleteLater()


@pytest.fixture
def make_explorer(qtbot, context):
    """make_explorer(cls): a Concepts explorer (or the panel) on the test's context at a panel's size;
    shut down after the test (a gradient check may still be running)."""
    made = []

    def make(cls):
        widget = cls(context)
        qtbot.addWidget(widget)
        widget.resize(1100, 760)
        made.append(widget)
        return widget

    yield make
    for widget in made:
        if hasattr(widget, "shutdown"):
            widget.shutdown()


@pytest.fixture
def main_window(qtbot):
    from nnstudio.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    yield window
    from PySide6.QtWidgets import QMessageBox

    with pytest.MonkeyPatch.context() as mp:  # a run left going: quit without a modal question
        mp.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
        window.close()
    from nnstudio.gui import workers_registry

    # a dataset load still running is cancelled by close() and ends at its next chunk
    qtbot.waitUntil(lambda: not workers_registry.live_threads(), timeout=30_000)
    # Deleted, not only closed: a closed window's plots have lost their view boxes, and a later
    # test's change of language (sent to every top-level widget) would retranslate their legends.
    from PySide6.QtCore import QCoreApplication, QEvent

    from shiboken6 import isValid

    if isValid(window):  # (a test may have deleted it already)
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
