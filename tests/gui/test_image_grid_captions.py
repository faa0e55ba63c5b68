"""Captions under the image grid's tiles are never cut mid-word nor run into their neighbours."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.mark.parametrize("width", [300, 420, 900])
def test_captions_fit_their_column(qtbot, width):
    from PySide6.QtGui import QFontMetrics

    from nnstudio.gui.widgets.image_grid import GAP, ImageGrid

    grid = ImageGrid(8, 4)
    qtbot.addWidget(grid)
    grid.resize(width, 260)
    grid.show()
    captions = [f"{d}→{(d + 1) % 10} {90 + d}%" for d in range(32)]
    grid.set_images(np.zeros((32, 784), np.float32), captions=captions)
    grid.grab()  # paints: the widest caption sets the column pitch
    canvas = grid.canvas
    side = canvas.cell_geometry()[0]
    pitch = canvas.column_pitch(side)
    assert pitch >= side + GAP and 8 * pitch - GAP <= canvas.width()
    metrics = QFontMetrics(canvas.caption_font)
    for caption in captions:
        shown = canvas.fitted_caption(metrics, caption, pitch - 2 * GAP)
        assert metrics.horizontalAdvance(shown) <= pitch - 2 * GAP  # a space to the next caption
        assert shown in (caption, caption.split(" ")[0])  # whole, or its first word: never "7→…"
    if width >= 900:  # room enough: every caption whole
        assert all(canvas.fitted_caption(metrics, c, pitch - 2 * GAP) == c for c in captions)
