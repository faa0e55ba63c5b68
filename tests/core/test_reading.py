"""The pad's honest reading: the bundled model reads every style family of the second proxy, refuses
stars, lines, dots and rows of digits, keeps a tiny drag tiny and reads a digit dragged off the pad."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.digits import reading, writers
from nnstudio.core.digits.preprocess import ink_bbox, strokes_to_input
from nnstudio.core.digits.reading import READING_REASONS, Reading, read_image, read_input, read_strokes
from nnstudio.core.digits.render import render_strokes

pytestmark = pytest.mark.usefixtures("one_blas_thread")


@pytest.fixture(scope="module")
def bundled():
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.paths import BUNDLED_MODELS

    return load_model(BUNDLED_MODELS["conv"])[0]


class Fixed:
    """A stand-in network that always answers the same probabilities."""

    def __init__(self, p):
        self.p = np.asarray(p, dtype=np.float64)

    def probabilities(self, x):
        return np.tile(self.p, (len(x), 1))


def _p(best, second=None, p_best=0.9, p_second=0.05):
    p = np.full(10, 0.0)
    p[best] = p_best
    if second is not None:
        p[second] = p_second
    rest = (1.0 - p.sum()) / np.count_nonzero(p == 0)
    return np.where(p == 0, rest, p)


DIGIT_SEVEN = [np.array([[60.0, 40.0], [220.0, 42.0], [120.0, 240.0]])]


def test_kinds_from_the_models_probabilities():
    x = strokes_to_input(DIGIT_SEVEN)
    clear = read_input(Fixed(_p(7)), x)
    assert (clear.kind, clear.label, clear.alternative, clear.reason) == ("digit", 7, None, "")
    close = read_input(Fixed(_p(3, 9, 0.5, 0.45)), x)
    assert (close.kind, close.label, close.alternative, close.reason) == ("unsure", 3, 9, "close_call")
    assert close.text == "3 or 9?"
    flat = read_input(Fixed(np.full(10, 0.1)), x)
    assert (flat.kind, flat.label, flat.reason) == ("not_digit", None, "low_confidence")
    assert read_input(Fixed(_p(1)), None) == Reading("empty", None, None, None, "")
    assert read_strokes(Fixed(_p(1)), [])[1].kind == "empty"


def test_every_reason_has_an_explanation():
    keys = {reading.ink_problem(r) for r in (
        reading.ink_from_strokes([np.array([[100.0, 100.0]])]),
        reading.ink_from_strokes([np.array([[100.0, 100.0], [112.0, 104.0]])]),
        reading.ink_from_strokes([np.array([[20.0, 140.0], [260.0, 150.0]])]))}
    assert keys == {"too_little_ink", "tiny", "line"}
    for key in ("too_little_ink", "tiny", "line", "scribble", "several_marks", "wide", "close_call",
                "low_confidence"):
        assert READING_REASONS[key]


@pytest.mark.parametrize("digit", range(10))
def test_every_style_family_is_read_right(bundled, digit):
    rng = np.random.default_rng(1000 + digit)
    for style in writers.STYLES[digit]:
        right = 0
        for _ in range(4):
            x, r = read_strokes(bundled, writers.writer_strokes(digit, rng, style, off_pad=False))
            right += r.kind in ("digit", "unsure") and r.label == digit
        assert right >= 3, f"{digit} {style}: {right} of 4 read right"


@pytest.mark.parametrize("kind", ["star", "line", "dot", "row", "scribble", "tiny"])
def test_non_digits_are_refused(bundled, kind):
    rng = np.random.default_rng(7)
    refused = sum(read_strokes(bundled, writers.non_digit_strokes(kind, rng))[1].kind == "not_digit"
                  for _ in range(5))
    assert refused == 5


def test_a_drawn_star_line_and_dot(bundled):
    a = np.radians(np.arange(6) * 144.0)
    star = [np.column_stack((140 + 90 * np.sin(a), 140 - 90 * np.cos(a)))]
    assert read_strokes(bundled, star)[1].reason == "scribble"
    assert read_strokes(bundled, [np.array([[30.0, 150.0], [250.0, 140.0]])])[1].reason == "line"
    assert read_strokes(bundled, [np.array([[100.0, 100.0], [101.0, 100.0]])])[1].reason == "too_little_ink"


def test_a_tiny_drag_stays_tiny(bundled):
    drag = [np.array([[140.0, 140.0], [141.0, 148.0], [142.0, 156.0]])]
    x, r = read_strokes(bundled, drag)
    assert r.kind == "not_digit" and r.reason == "tiny"
    top, bottom, left, right = ink_bbox(x.reshape(28, 28), 0.5)
    assert bottom - top + 1 <= 8  # not blown up into a 20 px bar
    top, bottom, _, _ = ink_bbox(strokes_to_input(drag).reshape(28, 28), 0.5)
    assert bottom - top + 1 >= 18  # what the plain MNIST recipe does with it


def test_a_digit_dragged_off_the_pad_is_cropped_where_it_lies(bundled):
    rng = np.random.default_rng(3)
    strokes = writers.writer_strokes(7, rng, "crossed_hook", off_pad=False)
    lo = np.vstack(strokes).min(axis=0)
    off = [s - lo - (60.0, 0.0) for s in strokes]  # the left part lies past the pad's left edge
    assert min(s[:, 0].min() for s in off) < 0
    x_off, r_off = read_strokes(bundled, off)
    x_in, _ = read_strokes(bundled, strokes)
    np.testing.assert_allclose(x_off, x_in, atol=1e-4)  # the same input: nothing clamped
    assert r_off.label == 7


def test_an_image_of_three_digits_is_refused(bundled):
    rng = np.random.default_rng(5)
    row = writers.non_digit_strokes("row", rng)
    pts = np.vstack(row)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    ink = render_strokes([(s - lo) * 0.5 + 10 for s in row],
                         (int((hi[1] - lo[1]) * 0.5) + 20, int((hi[0] - lo[0]) * 0.5) + 20), width=4.0)
    photo = 1.0 - ink  # dark ink on white paper
    x, r = read_image(bundled, photo)
    assert x is not None and r.kind == "not_digit" and r.reason in ("several_marks", "wide")


def test_an_image_of_one_digit_is_read(bundled):
    strokes = writers.writer_strokes(4, np.random.default_rng(2), "open", off_pad=False)
    pts = np.vstack(strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    ink = render_strokes([(s - lo) * 0.5 + 20 for s in strokes],
                         (int((hi[1] - lo[1]) * 0.5) + 40, int((hi[0] - lo[0]) * 0.5) + 40), width=5.0)
    x, r = read_image(bundled, 1.0 - ink)
    assert r.label == 4 and r.kind in ("digit", "unsure")
