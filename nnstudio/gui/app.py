"""The QApplication: names, the interface language, the main window, and a clean exit."""

from __future__ import annotations

import ctypes.util
import os
import sys

ORGANIZATION = "NN Studio"
APPLICATION = "NN Studio"

# Qt's X11 plugin aborts the interpreter (no exception to catch) when it cannot load; these are
# the system libraries a desktop-less Linux most often lacks.
XCB_LIBRARIES = ("xcb-cursor", "xcb-icccm", "xkbcommon-x11")


def display_problem(environ=None, platform: str | None = None, find_library=None) -> str | None:
    """One line saying why no window can open here, or None when it probably can."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    find_library = ctypes.util.find_library if find_library is None else find_library
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return ("no display: DISPLAY and WAYLAND_DISPLAY are unset; start NN Studio from a desktop "
                "session (the command line, python -m nnstudio --help, works without one)")
    if not environ.get("WAYLAND_DISPLAY"):
        missing = [name for name in XCB_LIBRARIES if find_library(name) is None]
        if missing:
            return (f"Qt's X11 support needs system libraries that are missing ({', '.join(missing)}); "
                    "on Debian or Ubuntu: sudo apt-get install libxcb-cursor0 libxcb-icccm4 "
                    "libxkbcommon-x11-0 (README.md lists them all)")
    return None


def apply_ui_scale(percent, environ=None) -> bool:
    """Scale the whole interface (text, plots, images) by `percent` through QT_SCALE_FACTOR, which
    Qt reads once, when the application starts. A QT_SCALE_FACTOR the user set wins. True if set."""
    environ = os.environ if environ is None else environ
    try:
        percent = int(percent)
    except (TypeError, ValueError):
        return False
    if "QT_SCALE_FACTOR" in environ or percent == 100 or not 50 <= percent <= 400:
        return False
    environ["QT_SCALE_FACTOR"] = f"{percent / 100:g}"
    return True


def _saved_ui_scale() -> int:
    """The interface size chosen in View ▸ Interface size (read before the application exists)."""
    from PySide6.QtCore import QCoreApplication

    from nnstudio.gui import settings

    QCoreApplication.setOrganizationName(ORGANIZATION)  # so that a bare QSettings() finds the file
    QCoreApplication.setApplicationName(APPLICATION)
    return settings.read_int(settings.UI_SCALE, 100)


def create_application(argv=None):
    import pyqtgraph as pg

    from nnstudio.gui import gc_guard
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    gc_guard.install(app)  # Qt objects are only ever freed on this thread
    return app


def main(argv=None) -> int:
    problem = display_problem()
    if problem:
        print(f"nnstudio: cannot open a window: {problem}", file=sys.stderr)
        return 2
    apply_ui_scale(_saved_ui_scale())
    app = create_application(argv)
    from nnstudio.gui import i18n, settings
    from nnstudio.gui.main_window import MainWindow

    # View ▸ Language's choice (the system's language by default), before any widget is made.
    i18n.apply_language(settings.read_str(settings.LANGUAGE, i18n.SYSTEM), app)

    window = MainWindow()
    window.context.ensure_dataset()  # MNIST reads in a JobWorker while the window opens
    window.show()
    return app.exec()
