"""The whole app fits a small screen: every panel and every tab rendered at 1024x768 and at 150%
interface size on a 1366x768 screen, nothing cut off by its parent and no sideways scrolling.

Each size runs tests/gui/fit_walk.py in a subprocess: QT_SCALE_FACTOR must be set before the
QApplication exists. Which panels and tabs there are is read from the window (panelList and
every QTabWidget), so a new panel or tab is checked without changing this file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

SIZES = {  # name: (window width, height in Qt's pixels, QT_SCALE_FACTOR)
    "1024x768": (1024, 768, "1"),
    "1366x768 at 150%": (910, 512, "1.5"),
}

# Sideways scrolling still known, page by page (clipping is never excused): remove a line when fixed
SIDEWAYS_KNOWN = {
    # the pad's tool row (Clear, Undo, brush size, Open image) beside the preview and the
    # probabilities needs ~820 px; the drawing panel is being reworked
    ("1366x768 at 150%", "drawingPanel/-"),
}


def walk(tmp_path, width: int, height: int, scale: str) -> dict[str, tuple[int, list[str]]]:
    """page → (sideways scroll range in pixels, what is cut off) for every page of the app."""
    env = dict(os.environ, QT_SCALE_FACTOR=scale, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               NNSTUDIO_DATA_DIR=str(tmp_path / "data"), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    out = subprocess.run([sys.executable, str(HERE / "fit_walk.py"), str(width), str(height),
                          str(tmp_path / "settings")], env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0 and "DONE" in out.stdout, out.stdout + out.stderr
    pages = {}
    for line in out.stdout.splitlines():
        if line.startswith("PAGE "):
            head, clipped = line[5:].split(" CLIPPED ", 1)
            page, hscroll = head.split(" HSCROLL ")
            pages[page] = (int(hscroll), json.loads(clipped))
    return pages


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_fits(tmp_path, size):
    pages = walk(tmp_path, *SIZES[size])
    assert len(pages) >= 6 and any("/" in p and not p.endswith("/-") for p in pages)  # panels and tabs
    problems = [f"{page}: {cut}" for page, (_, clipped) in pages.items() for cut in clipped]
    problems += [f"{page}: scrolls {hscroll} px sideways" for page, (hscroll, _) in pages.items()
                 if hscroll and (size, page) not in SIDEWAYS_KNOWN]
    assert problems == [], "\n".join(problems)
