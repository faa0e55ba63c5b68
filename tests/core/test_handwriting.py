"""The proxy handwriting set: independent of synth, balanced, deterministic, and evaluate()."""

import ast
import inspect

import numpy as np

from nnstudio.core.digits import handwriting, synth
from nnstudio.core.nn.network import MultiLayerNet


def test_proxy_set_is_balanced_in_range_and_deterministic():
    x, t = handwriting.make_proxy_set(20, seed=1)
    assert x.shape == (200, 784) and x.dtype == np.float32
    assert np.array_equal(np.bincount(t, minlength=10), np.full(10, 20))
    assert x.min() >= 0.0 and x.max() <= 1.0 and (x.max(axis=1) > 0.9).all()
    handwriting._CACHE.clear()
    x2, t2 = handwriting.make_proxy_set(20, seed=1)
    np.testing.assert_array_equal(x, x2)
    assert not x2.flags.writeable  # cached: nobody may change it
    x3, _ = handwriting.make_proxy_set(20, seed=2)
    assert not np.array_equal(x, x3)


def test_pen_strokes_look_like_replayed_mouse_drags():
    rng = np.random.default_rng(0)
    for digit in range(10):
        for style in range(len(handwriting._STYLES[digit])):
            strokes = handwriting.pen_strokes(digit, rng, style)
            pts = np.vstack(strokes)
            assert np.isfinite(pts).all()
            assert pts.min() >= -1e-6 and pts.max() <= handwriting.CANVAS + 1e-6
            assert 0.6 - 1e-6 <= np.ptp(pts[:, 1]) / handwriting.CANVAS <= 0.8 + 1e-6
            for s in strokes:  # unevenly spaced samples, as mouse events at a varying speed
                gaps = np.hypot(*np.diff(s, axis=0).T)
                assert len(s) >= 3 and gaps.max() > 1.5 * np.median(gaps)


def test_independent_of_the_training_generator():
    # handwriting.py must not reuse synth's templates or sampling code (only the pad preprocessing)
    tree = ast.parse(inspect.getsource(handwriting))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "nnstudio.core.digits.synth" not in imported
    assert handwriting.DEFAULT_SEED not in range(0, 1000)  # far from the trainer's small seeds
    x, _ = handwriting.make_proxy_set(10)
    xs, _ = synth.make_synthetic(100, np.random.default_rng(0))
    assert not (x[:, None, :] == xs[None, :, :]).all(axis=2).any()


def test_evaluate_returns_overall_and_per_digit():
    class Oracle:  # predicts the true labels of the proxy set
        def predict_labels(self, x):
            lookup = {img.tobytes(): lab for img, lab in zip(*handwriting.make_proxy_set(5))}
            return np.array([lookup[img.tobytes()] for img in x])

    acc, per = handwriting.evaluate(Oracle(), per_digit=5)
    assert acc == 1.0 and per.shape == (10,) and (per == 1.0).all()
    net = MultiLayerNet([784, 10], rng=0)
    acc, per = handwriting.evaluate(net, per_digit=5)
    assert 0.0 <= acc <= 1.0 and per.shape == (10,)
    assert np.isclose(acc, per.mean())
