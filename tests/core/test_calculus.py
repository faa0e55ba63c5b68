"""The book's partial derivatives as slices, and the error-against-h V for each 1D function."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.playground.calculus import FUNCTIONS_1D, error_v, partial_derivatives, partial_slice
from nnstudio.core.playground.surfaces import sphere

HS = np.logspace(-20, 0, 161)


def test_book_partial_derivatives_at_3_4():
    assert_allclose(partial_derivatives(sphere, (3.0, 4.0)), (6.0, 8.0), rtol=1e-8)


def test_slice_holds_the_other_coordinate_fixed():
    s0 = partial_slice(sphere, (3.0, 4.0), axis=0)
    assert_allclose(s0.values, s0.t ** 2 + 16.0)  # f(x0, 4) = x0² + 16
    assert s0.slope == pytest.approx(6.0, rel=1e-8)
    i = np.argmin(abs(s0.t - 3.0))
    assert s0.tangent[i] == pytest.approx(25.0) and s0.t[i] == pytest.approx(3.0)
    assert_allclose(s0.tangent, 6.0 * (s0.t - 3.0) + 25.0)
    s1 = partial_slice(sphere, (3.0, 4.0), axis=1)
    assert_allclose(s1.values, 9.0 + s1.t ** 2)  # f(3, x1) = 9 + x1²
    assert s1.slope == pytest.approx(8.0, rel=1e-8)


@pytest.mark.parametrize("key", ["sin", "exp", "cube"])
def test_central_difference_draws_its_own_v(key):
    fn = FUNCTIONS_1D[key]
    v = error_v(fn, fn.x, HS)
    # the least error sits inside the range, well above it on both sides: rounding left, truncation right
    assert 1e-8 < v.best_central < 1e-3
    low = v.central[np.argmin(abs(HS - v.best_central))]
    left = v.central[np.argmin(abs(HS - 1e-12))]
    right = v.central[np.argmin(abs(HS - 1e-1))]
    assert left > 100 * low and right > 100 * low
    assert v.best_forward < v.best_central  # forward's truncation is O(h): its best h is smaller
    assert right < v.forward[np.argmin(abs(HS - 1e-1))]  # O(h²) beats O(h) at large h


def test_the_books_quadratic_has_no_right_arm_for_the_central_difference():
    fn = FUNCTIONS_1D["book"]
    v = error_v(fn, fn.x, HS)
    big = HS > 1e-3
    assert (v.central[big] < 1e-9).all()  # exact up to rounding: the quadratic has no third derivative
    assert (v.forward[HS > 1e-1] > 1e-3).all()
