"""A live pyqtgraph plot survives thousands of repaints (PySide6 6.12.0 on Python 3.11 did not).

Runs in a subprocess: the fault it guards against aborts the interpreter ("Fatal Python error:
none_dealloc"), which would take the whole test session down instead of failing one test.
"""

from __future__ import annotations

import subprocess
import sys

REPAINTS = 3000

_SCRIPT = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication
app = QApplication([])
plot = pg.PlotWidget()
plot.addLegend()
curve = plot.plot(name="loss", pen="b")
marks = plot.plot(name="acc", pen=None, symbol="o")
plot.resize(400, 300)
plot.show()
y = np.random.default_rng(0).random(200)
for i in range({REPAINTS}):
    y[i % 200] = i % 7
    curve.setData(y)
    marks.setData(y[:20])
    plot.setTitle(f"step {{i}}")
    plot.repaint()
    app.processEvents()
print("repaints", {REPAINTS})
"""


def test_live_plot_survives_thousands_of_repaints():
    proc = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-2000:]}"
    assert f"repaints {REPAINTS}" in proc.stdout
