"""Renders every panel and every tab of the main window at one size and prints what is cut off.

Run as a script in a subprocess (the interface size, QT_SCALE_FACTOR, must be set before the
QApplication exists): `python tests/gui/fit_walk.py WIDTH HEIGHT SETTINGS_DIR`. One line per page:
`PAGE <panel>/<tab>/... HSCROLL <pixels> CLIPPED <json list>`; a closing `DONE`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# States a page shows only after a click, set before its tabs are walked: the MLP's tile detail
# (title, colour bar, bars); a conv model shows filters there instead.
STATES = {"weightsPanel": lambda panel: panel.first.params is not None and panel.first.show_unit(9)}


def wait(app, ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _geometries(window) -> list:
    from PySide6.QtWidgets import QGraphicsView, QWidget

    shapes = [w.geometry().getRect() for w in window.findChildren(QWidget) if w.isVisible()]
    for view in window.findChildren(QGraphicsView):
        if view.isVisible() and view.scene() is not None:
            shapes += [i.sceneBoundingRect().getRect() for i in view.scene().items() if i.parentItem() is None]
    return shapes


def settle(app, window, limit_s: float = 20.0) -> None:
    """Until no background job runs and nothing moves between two passes (layouts are lazy)."""
    from nnstudio.gui import workers_registry

    last, deadline = None, time.monotonic() + limit_s
    while time.monotonic() < deadline:
        wait(app, 40)
        now = _geometries(window)
        if now == last and not workers_registry.live_threads():
            return
        last = now


def _tab_states(panel):
    """Every (tab widget, index) of the panel's tabs, outermost first: each page once."""
    from PySide6.QtWidgets import QTabWidget

    tabs = panel.findChildren(QTabWidget)
    if not tabs:
        yield "-", lambda: None
    for widget in tabs:
        for i in range(widget.count()):
            yield f"{widget.objectName() or 'tabs'}:{i}", lambda w=widget, i=i: _show_tab(w, i)


def _show_tab(tabs, index: int) -> None:
    from PySide6.QtWidgets import QTabWidget

    child = tabs  # a nested tab widget's own page is brought forward in every outer one first
    while child.parentWidget() is not None:
        stack = child.parentWidget()
        if isinstance(stack.parentWidget(), QTabWidget) and stack.parentWidget().indexOf(child) >= 0:
            stack.parentWidget().setCurrentWidget(child)
        child = stack
    tabs.setCurrentIndex(index)


def main(width: int, height: int, settings_dir: str) -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "gui")]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    app.setOrganizationName("NN Studio Tests")
    app.setApplicationName("NN Studio Tests")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, settings_dir)
    from fit import clipped_children

    from nnstudio.gui.main_window import MainWindow

    window = MainWindow()
    window.resize(width, height)
    window.show()
    window.context.ensure_dataset()  # the Data and Weights pages as a user sees them: filled
    deadline = time.monotonic() + 120
    while window.context.dataset is None and time.monotonic() < deadline:
        wait(app, 100)
    only = sys.argv[4] if len(sys.argv) > 4 else ""
    def walk(row, name, label):
        window.show_panel(row)
        panel = window.panels[name]
        if name in STATES:
            settle(app, window)
            STATES[name](panel)
        for tab, show in _tab_states(panel):
            show()
            settle(app, window)
            page = window.stack.currentWidget()  # the panel's scroll area
            print(f"PAGE {label}/{tab} HSCROLL {page.horizontalScrollBar().maximum()} "
                  f"CLIPPED {json.dumps(clipped_children(page))}", flush=True)

    for row, name in enumerate(window.panels):
        if only in name:
            walk(row, name, name)
    if only in "weightsPanel" and getattr(window.context.model.network, "arch", None):
        # The default model is a conv net: the Weights pages of an MLP (tiles, tile detail) as well.
        from helpers import bundled_mlp_info

        window.context.set_model(bundled_mlp_info())
        walk(list(window.panels).index("weightsPanel"), "weightsPanel", "weightsPanel(MLP)")
    for panel in window.panels.values():
        if hasattr(panel, "shutdown"):
            panel.shutdown()
    window.close()
    print("DONE", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])  # a 4th argument: only the panels named so
