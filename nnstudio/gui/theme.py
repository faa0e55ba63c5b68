"""Colours and pens in one place (a colour-blind-friendly palette on a white background)."""

from __future__ import annotations

# Okabe-Ito palette: distinguishable for the common colour-vision deficiencies.
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
SKY = "#56B4E9"
GREY = "#7f7f7f"
DARK = "#222222"

LOSS_RAW = (0, 114, 178, 60)  # the per-iteration loss, faint
LOSS_AVG = BLUE
TRAIN_ACC = ORANGE
TEST_ACC = GREEN
EXPECTED = PURPLE
CHANCE = GREY
OVERLAY_LOSS = (213, 94, 0, 190)
OVERLAY_TRAIN = (213, 94, 0, 150)
OVERLAY_TEST = (204, 121, 167, 220)
PROGRESS_CHUNK = "#a6cee3"  # light enough for the dark progress text drawn over it
ERROR_TEXT = "#b00020"
OK_TEXT = "#1b5e20"


def pen(color, width: float = 1.5, dashed: bool = False):
    """A cosmetic pyqtgraph pen."""
    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    p = pg.mkPen(color=color, width=width)
    if dashed:
        p.setStyle(Qt.DashLine)
    return p
