"""Make the README's screenshots, one per panel, each in a state that shows what it does.

`make screenshots` (or `python -m nnstudio.gui.screenshots resources/screenshots`). Runs offscreen,
with settings kept in a temporary folder so a user's own settings are neither read nor changed.
`--language zh_CN` makes the Chinese set (README.zh-CN.md: resources/screenshots/zh_CN; the machine
needs a CJK font, e.g. fonts-noto-cjk, or the text comes out as boxes); `--panels concepts,data`
makes only those panels' shots.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SIZE = (1400, 900)


def _wait(app, predicate, timeout=180.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not reach the state for its screenshot in time")
        app.processEvents()
        time.sleep(0.01)


def _settle(app, seconds=0.4):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _seven(cx=140.0, cy=140.0, h=200.0):
    """A handwritten-looking seven with a crossbar, in the pad's 280x280 logical canvas."""
    top = np.array([[cx - 0.32 * h, cy - 0.45 * h], [cx + 0.05 * h, cy - 0.47 * h],
                    [cx + 0.30 * h, cy - 0.46 * h]])
    stem = np.linspace([cx + 0.30 * h, cy - 0.46 * h], [cx - 0.08 * h, cy + 0.50 * h], 12)
    stem[:, 0] += 6 * np.sin(np.linspace(0, np.pi, 12))
    bar = np.array([[cx - 0.12 * h, cy + 0.02 * h], [cx + 0.22 * h, cy + 0.0 * h]])
    return [np.vstack([top, stem[1:]]), bar]


PANEL_NAMES = ("drawing", "data", "training", "weights", "descent", "concepts")


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m nnstudio.gui.screenshots")
    parser.add_argument("out", nargs="?", default="resources/screenshots", help="folder for the PNG files")
    parser.add_argument("--language", default="en", choices=("en", "zh_CN"), help="the interface language")
    parser.add_argument("--panels", default=",".join(PANEL_NAMES),
                        help=f"comma-separated, of {', '.join(PANEL_NAMES)} (default: all)")
    args = parser.parse_args(argv)
    args.panels = {p.strip() for p in args.panels.split(",") if p.strip()}
    unknown = args.panels - set(PANEL_NAMES)
    if unknown:
        parser.error(f"unknown panel(s): {', '.join(sorted(unknown))}")
    return args


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    wanted = args.panels
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from nnstudio.gui.app import create_application
    from nnstudio.gui.main_window import MainWindow
    from nnstudio.gui.saving import save_image

    app = create_application(["nnstudio-screenshots"])
    app.setApplicationName("NN Studio screenshots")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp())
    from nnstudio.gui import i18n

    i18n.apply_language(args.language, app)
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    panels = window.panels
    names = list(panels)
    bundled = window.context.model

    def shoot(panel_name, file_name, settle=0.6):
        window.side_list.setCurrentRow(names.index(panel_name))
        _settle(app, settle)
        save_image(window.grab(), out / file_name)
        print(f"wrote {out / file_name}")

    if "drawing" in wanted:  # Drawing pad: a crossbar seven, read by the bundled model.
        drawing = panels["drawingPanel"]
        window.side_list.setCurrentRow(names.index("drawingPanel"))
        drawing.pad.set_strokes(_seven())
        drawing.update_prediction()
        shoot("drawingPanel", "drawing.png")

    if "data" in wanted:  # Data: the bundled model's evaluation, then the browser.
        data = panels["dataPanel"]
        data.tabs.setCurrentIndex(1)
        window.side_list.setCurrentRow(names.index("dataPanel"))
        _settle(app)
        _wait(app, lambda: data.evaluate.worker is None and not data.evaluate.stale)
        shoot("dataPanel", "data.png", settle=1.0)
        data.tabs.setCurrentIndex(0)
        shoot("dataPanel", "data-browse.png", settle=1.0)

    if "training" in wanted:  # Training: the book's two-layer net, shortened to 3,000 iterations (five epochs).
        training = panels["trainingPanel"]
        window.side_list.setCurrentRow(names.index("trainingPanel"))
        training.form.set_preset("book-twolayer")
        training.form.set_config(training.form.config().with_(iterations=3000))
        training.start()
        _wait(app, lambda: training.running)
        _wait(app, lambda: not training.running)
        shoot("trainingPanel", "training.png", settle=1.0)

    if "weights" in wanted:  # Weights: the first layer of the net just trained (the bundled one alone).
        shoot("weightsPanel", "weights.png", settle=1.5)

    if "descent" in wanted:  # Gradient descent: the book's optimizer comparison, played to the end.
        descent = panels["descentPanel"]
        window.side_list.setCurrentRow(names.index("descentPanel"))
        descent.playground.apply_preset(next(k for k in _descent_presets() if "comparison" in k.lower()))
        _wait(app, descent.playground.finished, timeout=120)
        shoot("descentPanel", "descent.png")

    if "concepts" in wanted:  # Concepts: the activation functions, then the softmax overflow demonstration.
        concepts = panels["conceptsPanel"]
        shoot("conceptsPanel", "concepts.png")
        concepts.show_explorer("softmax")
        concepts.explorers["softmax"].show_overflow_demo()
        shoot("conceptsPanel", "concepts-softmax.png")
        concepts.show_explorer("activations")

    if bundled is not None:
        window.context.set_model(bundled)
    window.close()
    return 0


def _descent_presets():
    from nnstudio.gui.panels.descent.controls import PRESETS

    return list(PRESETS)


if __name__ == "__main__":
    sys.exit(main())
