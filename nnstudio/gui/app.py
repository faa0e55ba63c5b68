"""The QApplication: names, the main window, and a clean exit."""

from __future__ import annotations

import sys

ORGANIZATION = "NN Studio"
APPLICATION = "NN Studio"


def create_application(argv=None):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    return app


def main(argv=None) -> int:
    app = create_application(argv)
    from nnstudio.gui.main_window import MainWindow

    window = MainWindow()
    window.context.preload_dataset()  # MNIST reads in the background while the window opens
    window.show()
    return app.exec()
