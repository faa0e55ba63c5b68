"""The MNIST recipe for drawings and images: box, centre of mass, stroke width, blanks."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import ellipse, seven, vertical
from nnstudio.core.digits import preprocess as P
from nnstudio.core.digits import render as R


SHAPES = {
    "zero": [ellipse(140, 140, 60, 90)],
    "one": [vertical()],
    "seven": seven(),
    "small seven": seven(0.3, 20, 30),
    "wide": [np.array([[20.0, 100.0], [260.0, 130.0]])],
}


@pytest.mark.parametrize("name", list(SHAPES))
def test_strokes_box_and_centre(name):
    x = P.strokes_to_input(SHAPES[name], 280)
    assert x.shape == (784,) and x.dtype == np.float32
    assert 0.0 <= x.min() and x.max() == pytest.approx(1.0)
    img = x.reshape(28, 28)
    top, bottom, left, right = P.ink_bbox(img, 0.1)
    assert max(bottom - top, right - left) + 1 <= 20  # the visible ink fits the 20 px box
    top, bottom, left, right = P.ink_bbox(img, 0.5)
    assert max(bottom - top, right - left) + 1 >= 18  # ... and fills it along the longer side
    row, col = P.center_of_mass(img)
    assert abs(row - 14.0) < 0.5 and abs(col - 14.0) < 0.5


def test_strokes_sub_pixel_centre_is_precise():
    for shape in SHAPES.values():
        row, col = P.center_of_mass(P.strokes_to_input(shape, 280))
        assert abs(row - 14.0) < 0.1 and abs(col - 14.0) < 0.1


def test_blank_gives_none():
    assert P.strokes_to_input([], 280) is None
    assert P.strokes_to_input([np.zeros((0, 2))], 280) is None
    assert P.strokes_to_input([np.array([[np.nan, 1.0]])], 280) is None
    assert P.image_to_input(np.zeros((40, 40))) is None
    assert P.image_to_input(np.full((40, 60), 200, np.uint8)) is None


def test_a_single_dot_is_a_centred_dot():
    x = P.strokes_to_input([np.array([[10.0, 250.0]])], 280).reshape(28, 28)
    assert P.center_of_mass(x) == pytest.approx((14.0, 14.0), abs=0.05)
    assert (x > 0).sum() < 20


def test_strokes_result_does_not_depend_on_canvas_scale_or_position():
    a = P.strokes_to_input(seven(), 280)
    b = P.strokes_to_input(seven(0.4, 100, 7), 280)
    assert np.abs(a - b).max() < 0.05


def test_stroke_width_matches_mnist():
    widths = [P.ink_width(P.strokes_to_input(s, 280)) for s in (SHAPES["zero"], SHAPES["one"], SHAPES["seven"])]
    assert all(2.0 < w < 3.1 for w in widths), widths  # MNIST: median 2.47, p10-p90 2.0-3.3


def test_render_strokes_draws_round_joined_segments():
    img = R.render_strokes([np.array([[5.0, 5.0], [35.0, 5.0]])], (10, 40), width=3.0)
    assert img.shape == (10, 40) and img.dtype == np.float32
    assert (img[5, 6:35] > 0.99).all()  # no gap along a long segment
    assert img[5, 3] > 0.2 and img[5, 0] == 0.0  # round cap reaches just beyond the end
    dot = R.render_strokes([np.array([[20.0, 20.0]])], 40, width=6.0)
    assert P.center_of_mass(dot) == pytest.approx((19.5, 19.5), abs=0.01)  # pixel centres at +0.5
    assert dot.max() == 1.0


@pytest.mark.parametrize("width", [3, 10, 30])
@pytest.mark.parametrize("size", [120, 600])
def test_image_width_is_normalised(width, size):
    """Thin and fat brushes, small and large digits: all come out MNIST-wide."""
    k = size / 280
    big = R.render_strokes([s * k for s in seven()], size, width=width * k)
    x = P.image_to_input((255 * (1 - big)).astype(np.uint8))  # dark ink on white paper
    img = x.reshape(28, 28)
    assert 2.0 < P.ink_width(img) < 3.1
    row, col = P.center_of_mass(img)
    assert abs(row - 14.0) < 0.5 and abs(col - 14.0) < 0.5
    top, bottom, left, right = P.ink_bbox(img, 0.1)
    assert max(bottom - top, right - left) + 1 <= 21


def test_image_polarity_is_detected():
    big = R.render_strokes(SHAPES["zero"], 280, width=14)
    light_on_dark = P.image_to_input(big)
    dark_on_light = P.image_to_input((255 * (1 - big)).astype(np.uint8))
    grey_paper = P.image_to_input(0.8 - 0.6 * big)  # dark ink on grey paper, float
    assert np.abs(light_on_dark - dark_on_light).max() < 0.02
    assert np.abs(light_on_dark - grey_paper).max() < 0.05


def test_image_colour_and_alpha():
    big = R.render_strokes([s / 3 for s in SHAPES["zero"]], 100, width=6)
    rgb = np.repeat((255 * (1 - big))[..., None], 3, axis=2).astype(np.uint8)
    rgba = np.zeros((100, 100, 4), np.uint8)
    rgba[..., 3] = (255 * big).astype(np.uint8)  # black ink on a transparent background
    a, b = P.image_to_input(rgb), P.image_to_input(rgba)
    assert a is not None and b is not None
    assert np.abs(a - b).max() < 0.1


def test_mnist_digit_survives_the_image_path():
    """An MNIST-like 28x28 image goes through image_to_input nearly unchanged in shape."""
    x = P.strokes_to_input(SHAPES["seven"], 280)
    y = P.image_to_input(x.reshape(28, 28))
    assert np.corrcoef(x, y)[0, 1] > 0.8


def test_noise_on_paper_is_ignored():
    rng = np.random.default_rng(1)
    big = R.render_strokes(SHAPES["zero"], 200, width=10)
    paper = 0.85 + 0.03 * rng.standard_normal((200, 200)) - 0.7 * big
    x = P.image_to_input(np.clip(paper, 0, 1))
    clean = P.image_to_input(1 - big)
    assert np.corrcoef(x, clean)[0, 1] > 0.9


def test_center_of_mass_and_ink_width_basics():
    img = np.zeros((28, 28))
    img[3, 5] = 1.0
    assert P.center_of_mass(img) == (3.0, 5.0)
    assert P.center_of_mass(np.zeros((28, 28))) == (13.5, 13.5)
    bar = np.zeros((40, 40))
    bar[10:13, 5:35] = 1.0  # 3 px wide, 30 long
    assert P.ink_width(bar) == pytest.approx(3.0, rel=0.15)
    assert P.ink_width(np.zeros((5, 5))) == 0.0


def test_core_stays_qt_free():
    import subprocess
    import sys

    code = ("import sys, nnstudio.core.digits.preprocess; "
            "print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_pad_benchmark_runs(capsys):
    from nnstudio.bench import pad

    figures = pad.run(repeats=3, proxy=False)
    assert figures["prediction_ms"] > 0 and "pad: one prediction" in capsys.readouterr().out


def test_uneven_lighting_and_specks():
    """A phone photo: paper shaded from light to dim, some dust far from the digit."""
    rng = np.random.default_rng(4)
    big = R.render_strokes([s * 2 for s in seven()], 560, width=16)
    clean = P.image_to_input(1 - big)
    shade = np.linspace(0.95, 0.45, 560)[None, :] * np.ones((560, 1))  # dimmer to the right
    photo = shade * (1 - 0.8 * big) + 0.01 * rng.standard_normal((560, 560))
    for y, x in rng.integers(0, 560, (6, 2)):  # specks of dust
        if big[max(y - 40, 0):y + 40, max(x - 40, 0):x + 40].max() == 0:
            photo[y:y + 3, x:x + 3] = 0.1
    x = P.image_to_input(np.clip(photo, 0, 1))
    assert np.corrcoef(x, clean)[0, 1] > 0.9
    assert P.center_of_mass(x) == pytest.approx((14.0, 14.0), abs=0.5)


def test_robust_bbox_ignores_a_far_speck():
    img = np.zeros((100, 100))
    img[20:80, 40:45] = 1.0
    img[2, 95] = 1.0
    assert P.robust_bbox(img) == (20, 79, 40, 44)
    assert P.ink_bbox(img, 0.25) == (2, 79, 40, 95)
    assert P.robust_bbox(np.zeros((5, 5))) is None


def test_render_strokes_matches_a_brute_force_distance_field():
    rng = np.random.default_rng(3)
    strokes = [rng.uniform(-3, 31, (7, 2)), np.array([[14.2, 3.7]])]  # partly off the image, a dot
    width, edge = 2.5, 1.15
    img = R.render_strokes(strokes, 28, width=width, edge=edge)
    # Brute force: every pixel centre against every densely resampled segment.
    pts = [R._resample(s, 0.05) for s in strokes]
    a = np.concatenate([p[:-1] if len(p) > 1 else p for p in pts])
    b = np.concatenate([p[1:] if len(p) > 1 else p for p in pts])
    yy, xx = np.mgrid[0:28, 0:28] + 0.5
    c = np.stack([xx.ravel(), yy.ravel()], axis=1)[:, None, :]
    ab = b - a
    t = np.clip(((c - a) * ab).sum(-1) / np.maximum((ab * ab).sum(-1), 1e-12), 0, 1)
    d = np.linalg.norm(c - (a + t[..., None] * ab), axis=-1).min(axis=1).reshape(28, 28)
    expected = np.clip((width / 2 + edge / 2 - d) / edge, 0, 1)
    # The renderer's coarser resampling cuts corners by a few hundredths of a pixel at most.
    assert np.abs(img - expected).max() < 0.08


def test_a_small_loop_stays_open(monkeypatch):
    from nnstudio.core.digits import preprocess

    # a 9 with a tiny loop on a tall stem: at MNIST's 2.5 px pen the loop fills up
    a = np.radians(np.linspace(0, 360, 40))
    loop = np.column_stack((150 + 20 * np.cos(a), 60 + 20 * np.sin(a)))
    nine = [np.vstack([loop, [[170.0, 60.0], [146.0, 240.0]]])]
    assert preprocess.hole_count(preprocess.strokes_to_input(nine).reshape(28, 28), preprocess.OPEN_HOLE) == 1
    monkeypatch.setattr(preprocess, "KEEP_LOOPS_OPEN", False)
    assert preprocess.hole_count(preprocess.strokes_to_input(nine).reshape(28, 28), preprocess.OPEN_HOLE) == 0


def test_hole_count():
    from nnstudio.core.digits.preprocess import hole_count

    img = np.zeros((12, 12))
    img[2:10, 2:10] = 1.0
    assert hole_count(img) == 0
    img[4:6, 4:6] = 0.0
    assert hole_count(img) == 1
    img[7:9, 7:9] = 0.0
    assert hole_count(img) == 2
    img[4, 2:4] = 0.0  # the first hole opens to the outside
    assert hole_count(img) == 1
