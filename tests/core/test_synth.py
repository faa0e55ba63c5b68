"""synth: every digit and every style drawn, right labels, in range, through the pad's preprocessing."""

import numpy as np
import pytest

from nnstudio.core.digits import synth
from nnstudio.core.digits.preprocess import strokes_to_input


def test_make_synthetic_labels_shapes_and_range():
    x, t = synth.make_synthetic(200, np.random.default_rng(0))
    assert x.shape == (200, 784) and x.dtype == np.float32
    assert t.shape == (200,) and t.dtype == np.uint8
    assert np.array_equal(np.bincount(t, minlength=10), np.full(10, 20))  # every digit, evenly
    assert x.min() >= 0.0 and x.max() <= 1.0
    assert (x.max(axis=1) > 0.9).all()  # no blank image


def test_seeded_repeatable_and_varied():
    a = synth.make_synthetic(30, np.random.default_rng(5))
    b = synth.make_synthetic(30, np.random.default_rng(5))
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    ones = synth.make_synthetic(10, np.random.default_rng(6), digits=[1])[0]
    assert len({img.tobytes() for img in ones}) == 10


@pytest.mark.parametrize("digit", range(10))
def test_every_style_renders_inside_the_canvas_like_the_pad(digit):
    rng = np.random.default_rng(digit)
    for style in range(len(synth.TEMPLATES[digit])):
        strokes = synth.synth_strokes(digit, rng, style)
        pts = np.vstack(strokes)
        assert pts.shape[1] == 2 and np.isfinite(pts).all()
        assert pts.min() >= -1e-6 and pts.max() <= synth.CANVAS + 1e-6
        height = np.ptp(pts[:, 1]) / synth.CANVAS
        assert 0.6 - 1e-6 <= height <= 0.8 + 1e-6
        img = strokes_to_input(strokes, synth.CANVAS)
        assert img is not None and img.shape == (784,)
        rows, cols = np.nonzero(img.reshape(28, 28) > 0.5)
        assert max(np.ptp(rows), np.ptp(cols)) <= 20  # the MNIST box


def test_the_allographs_mnist_lacks_are_there():
    # crossbar sevens: a second stroke, horizontal, across the stem around mid-height
    sevens = [s for _, s in synth.TEMPLATES[7] if len(s) == 2]
    assert len(sevens) >= 2
    # nines with a tail that curls back to the left, below the loop
    hooked = [s for _, s in synth.TEMPLATES[9] if s[0][-1][0] == "s" and s[0][-1][1][-1][0] < 0.3]
    assert len(hooked) >= 2
    # ones with a flag, with a base
    assert any(len(s[0]) == 2 for _, s in synth.TEMPLATES[1])
    assert any(len(s) == 2 for _, s in synth.TEMPLATES[1])


def test_a_trained_network_sees_synthetic_digits_as_their_labels():
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.paths import default_model_path

    if not default_model_path().is_file():
        pytest.skip("no bundled model yet")
    net, _ = load_model(default_model_path())
    x, t = synth.make_synthetic(300, np.random.default_rng(11))
    assert net.accuracy(x, t) > 0.9


def test_make_synthetic_reports_its_progress():
    seen = []
    synth.make_synthetic(600, np.random.default_rng(2), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 600), (256, 600), (512, 600), (600, 600)]
