"""The QApplication: names, the main window, and a clean exit."""

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


def create_application(argv=None):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    return app


def main(argv=None) -> int:
    problem = display_problem()
    if problem:
        print(f"nnstudio: cannot open a window: {problem}", file=sys.stderr)
        return 2
    app = create_application(argv)
    from nnstudio.gui.main_window import MainWindow

    window = MainWindow()
    window.context.preload_dataset()  # MNIST reads in the background while the window opens
    window.show()
    return app.exec()
