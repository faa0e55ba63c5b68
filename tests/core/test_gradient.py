"""Numerical differentiation, numerical gradients and the books' gradient descent."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.nn.gradient import (forward_diff, gradient_descent, numerical_diff, numerical_gradient,
                                    numerical_gradient_2d, relative_error)


def function_1(x):
    return 0.01 * x ** 2 + 0.1 * x


def function_2(x):
    return np.sum(x ** 2)


def test_numerical_diff_books_values():
    assert numerical_diff(function_1, 5.0) == pytest.approx(0.2, abs=1e-9)
    assert numerical_diff(function_1, 10.0) == pytest.approx(0.3, abs=1e-9)


def test_central_difference_beats_the_forward_difference():
    f, x, exact = np.sin, 1.0, np.cos(1.0)
    assert abs(numerical_diff(f, x) - exact) < abs(forward_diff(f, x) - exact) / 100


@pytest.mark.parametrize("point, expected", [((3.0, 4.0), (6.0, 8.0)), ((0.0, 2.0), (0.0, 4.0)),
                                             ((3.0, 0.0), (6.0, 0.0))])
def test_numerical_gradient_books_values(point, expected):
    assert_allclose(numerical_gradient(function_2, np.array(point)), expected, atol=1e-7)


def test_numerical_gradient_any_shape_and_restores_every_element():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 3, 4))
    before = x.copy()
    seen = []

    def f(a):
        seen.append(np.count_nonzero(a != before))  # exactly one element perturbed at a time
        return float(np.sum(np.sin(a) * np.arange(a.size).reshape(a.shape)))

    g = numerical_gradient(f, x)
    assert g.shape == x.shape
    assert_allclose(g, np.cos(before) * np.arange(x.size).reshape(x.shape), rtol=1e-6, atol=1e-8)
    assert np.array_equal(x, before)
    assert set(seen) == {1}


def test_numerical_gradient_refuses_integer_arrays():
    with pytest.raises(TypeError, match="float"):
        numerical_gradient(function_2, np.array([3, 4]))


def test_numerical_gradient_2d_matches_the_pointwise_version():
    def f(x0, x1):
        return x0 ** 2 + 3 * x0 * x1 + np.sin(x1)

    pts = np.random.default_rng(1).uniform(-2, 2, size=(20, 2))
    vec = numerical_gradient_2d(f, pts)
    loop = np.array([numerical_gradient(lambda p: f(p[0], p[1]), p.copy()) for p in pts])
    assert_allclose(vec, loop, rtol=1e-9, atol=1e-9)


def test_gradient_descent_reaches_the_minimum_and_returns_the_path():
    x, path = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=0.1, step_num=100)
    assert np.all(np.abs(x) < 1e-8)
    assert path.shape == (101, 2)
    assert_allclose(path[0], [-3.0, 4.0])
    assert_allclose(path[-1], x)
    assert np.all(np.diff(np.linalg.norm(path, axis=1)) < 0)  # every step gets closer


def test_gradient_descent_learning_rate_too_large_or_too_small():
    x_big, _ = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=10.0, step_num=100)
    assert np.linalg.norm(x_big) > 1e10  # diverges (the book shows a huge value)
    x_small, _ = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=1e-10, step_num=100)
    assert_allclose(x_small, [-3.0, 4.0], atol=1e-6)  # barely moves


def test_gradient_descent_does_not_touch_its_input():
    init = np.array([-3.0, 4.0])
    gradient_descent(function_2, init, lr=0.1, step_num=5)
    assert init.tolist() == [-3.0, 4.0]


def test_relative_error():
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert relative_error([1.0, 0.0], [-1.0, 0.0]) == pytest.approx(1.0)
    assert relative_error([0.0], [0.0]) == 0.0
