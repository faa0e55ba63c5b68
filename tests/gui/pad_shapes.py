"""Digit and non-digit drawings for the pad tests (numpy only, no tests here): strokes in the pad's
logical 280x280 canvas, drawn as a hand would (many points along smooth curves), in a few style
families per digit, plus the non-digits the pad must refuse."""

from __future__ import annotations

import numpy as np


def arc(cx, cy, rx, ry, a0, a1, n=40) -> np.ndarray:
    """Points on an ellipse from angle a0 to a1 (degrees, 0 = right, 90 = down: screen y)."""
    t = np.radians(np.linspace(a0, a1, n))
    return np.column_stack((cx + rx * np.cos(t), cy + ry * np.sin(t)))


def line(x0, y0, x1, y1, n=25) -> np.ndarray:
    return np.column_stack((np.linspace(x0, x1, n), np.linspace(y0, y1, n)))


def path(*parts) -> np.ndarray:
    """One stroke through several pieces, in order."""
    return np.concatenate(parts)


def fit(strokes, height=190.0, cx=140.0, cy=140.0) -> list:
    """Scale and centre a drawing to `height` logical pixels (the issue's 60-80% of the pad)."""
    pts = np.concatenate(strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    k = height / max(hi[1] - lo[1], 1e-9)
    mid = (lo + hi) / 2
    return [(s - mid) * k + (cx, cy) for s in strokes]


# ---------------------------------------------------------------------- digits, by style family
def zero_oval():
    return [arc(140, 140, 55, 90, -90, 275, 80)]


def one_bar():
    return [line(140, 45, 140, 235)]


def one_with_flag():
    return [path(line(105, 85, 145, 45, 10), line(145, 45, 145, 235))]


def two_curved():
    return [path(arc(140, 95, 55, 50, 200, 360, 30), line(195, 95, 85, 235, 30), line(85, 235, 200, 235, 20))]


def three_open():
    return [path(arc(135, 92, 55, 45, 210, 450, 40), arc(135, 185, 60, 50, 270, 510, 40))]


def four_open():
    return [path(line(120, 45, 85, 160, 20), line(85, 160, 200, 160, 20)), line(170, 90, 170, 240)]


def five_hooked():
    return [path(line(195, 50, 100, 50, 15), line(100, 50, 95, 130, 15), arc(140, 170, 60, 60, 220, 490, 45))]


def six_loop():
    return [path(arc(175, 140, 85, 95, 250, 180, 30), arc(140, 185, 50, 50, 180, 540, 50))]


def seven_plain():
    return [path(line(80, 50, 200, 50, 20), line(200, 50, 120, 235, 30))]


def seven_crossbar():
    return [path(line(80, 50, 200, 50, 20), line(200, 50, 120, 235, 30)), line(115, 145, 190, 145, 15)]


def eight_two_loops():
    return [arc(140, 90, 45, 45, 0, 360, 50), arc(140, 185, 55, 50, 0, 360, 50)]


def nine_stick():
    return [path(arc(135, 95, 50, 48, 0, 360, 50), line(185, 95, 180, 240, 25))]


CLEAN_DIGITS = {  # a clean example of each style family, and the digit it is
    "zero oval": (zero_oval, 0), "one bar": (one_bar, 1), "one with a flag": (one_with_flag, 1),
    "two": (two_curved, 2), "three": (three_open, 3), "four open": (four_open, 4),
    "five": (five_hooked, 5), "six": (six_loop, 6), "seven": (seven_plain, 7),
    "seven crossbar": (seven_crossbar, 7), "eight": (eight_two_loops, 8), "nine stick": (nine_stick, 9),
}


# ---------------------------------------------------------------------- not digits
def star():
    angles = np.radians(-90 + 144 * np.arange(6))
    pts = np.column_stack((140 + 95 * np.cos(angles), 140 + 95 * np.sin(angles)))
    return [np.concatenate([line(*pts[i], *pts[i + 1], 20) for i in range(5)])]


def horizontal_line():
    return [line(40, 140, 240, 140, 40)]


def dot():
    return [line(140, 140, 142, 141, 3)]


def row_of_digits():
    """"123" side by side, each a third of the pad wide."""
    one = line(45, 100, 45, 180, 20)
    two = path(arc(120, 115, 25, 20, 200, 360, 15), line(145, 115, 95, 180, 15), line(95, 180, 150, 180, 10))
    three = path(arc(205, 118, 25, 18, 210, 450, 20), arc(205, 160, 28, 22, 270, 510, 20))
    return [one, two, three]


def tiny_stroke():
    """A short drag (a tenth of a bar): it must not be blown up into a long 1."""
    return [line(140, 135, 141, 150, 8)]


NOT_DIGITS = {"star": star, "horizontal line": horizontal_line, "dot": dot, "row of digits": row_of_digits}


# ---------------------------------------------------------------------- the harder styles
def nine_hooked():
    """A small loop and a tail that sweeps down and hooks back left under it (like a g)."""
    return [path(arc(140, 85, 45, 40, 0, 360, 45), line(185, 85, 180, 200, 20), arc(140, 200, 40, 35, 0, 150, 20))]


def four_one_stroke():
    """A 4 in one stroke: down-left diagonal, across, then the stem from above through the bar."""
    return [path(line(150, 45, 80, 165, 20), line(80, 165, 205, 165, 20), line(205, 165, 160, 110, 10),
                 line(160, 110, 160, 240, 20))]


def seven_curved_stem():
    """A crossbar 7 whose stem curves left at the foot, the bar low."""
    return [path(line(75, 55, 200, 50, 20), arc(60, 60, 140, 180, -2, 75, 30)), line(100, 165, 175, 165, 15)]


def six_tall_stem():
    """A tall stem with a small loop at the bottom."""
    return [path(line(165, 40, 120, 170, 25), arc(145, 200, 30, 35, 200, 560, 45))]


HARD_DIGITS = {"nine hooked": (nine_hooked, 9), "four in one stroke": (four_one_stroke, 4),
               "seven curved stem": (seven_curved_stem, 7), "six tall stem": (six_tall_stem, 6)}
