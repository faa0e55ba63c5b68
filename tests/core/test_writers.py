"""The second proxy (simulated writers): independent of the training generator and the first proxy,
deterministic, 60-80 % of the pad high, some digits past the pad's edge, and its non-digit set."""

from __future__ import annotations

import ast
import inspect

import numpy as np
import pytest

from nnstudio.core.digits import writers


def test_independent_of_both_other_generators():
    tree = ast.parse(inspect.getsource(writers))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not imported & {"nnstudio.core.digits.synth", "nnstudio.core.digits.handwriting"}
    assert writers.DEFAULT_SEED not in range(0, 100_000)


def test_every_style_gives_a_digit_of_the_right_height():
    rng = np.random.default_rng(0)
    for digit, styles in writers.STYLES.items():
        for style in styles:
            strokes = writers.writer_strokes(digit, rng, style, off_pad=False)
            pts = np.vstack(strokes)
            assert np.allclose(pts, np.round(pts))  # whole mouse pixels
            assert 0.6 * writers.CANVAS - 2 <= np.ptp(pts[:, 1]) <= 0.8 * writers.CANVAS + 2
            assert pts.min() >= -1 and pts.max() <= writers.CANVAS + 1


def test_some_digits_are_dragged_past_the_edge():
    rng = np.random.default_rng(1)
    outside = [np.vstack(writers.writer_strokes(d, rng, off_pad=True)) for d in range(10)]
    assert all((p < 0).any() or (p > writers.CANVAS).any() for p in outside)


def test_the_set_is_deterministic_and_balanced():
    x, t, styles = writers.make_writer_set(3, seed=5)
    assert x.shape == (30, 784) and x.dtype == np.float32 and np.bincount(t).tolist() == [3] * 10
    writers._CACHE.clear()
    x2, _, styles2 = writers.make_writer_set(3, seed=5)
    np.testing.assert_array_equal(x, x2)
    assert styles == styles2


def test_evaluate_with_an_oracle():
    x, t, _ = writers.make_writer_set(2, seed=9)
    lookup = {img.tobytes(): lab for img, lab in zip(x, t)}

    class Oracle:
        def predict_labels(self, xs):
            return np.array([lookup[img.tobytes()] for img in xs])

    acc, per_digit, per_style = writers.evaluate(Oracle(), per_digit=2, seed=9)
    assert acc == 1.0 and (per_digit == 1.0).all() and set(per_style.values()) == {1.0}


@pytest.mark.parametrize("kind", writers.NON_DIGIT_KINDS)
def test_non_digit_kinds(kind):
    strokes = writers.non_digit_strokes(kind, np.random.default_rng(2))
    assert strokes and all(np.isfinite(s).all() for s in strokes)
    with pytest.raises(ValueError):
        writers.non_digit_strokes("spiral", np.random.default_rng(2))
