"""Activations, softmax and losses: the books' numbers and every derivative against central differences."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.nn import functions as F
from nnstudio.core.nn.gradient import numerical_diff

# Points away from 0, where ReLU, leaky ReLU and the step have their kink.
POINTS = np.array([-3.7, -1.2, -0.4, -0.05, 0.07, 0.5, 1.3, 4.2])


@pytest.mark.parametrize("name", [n for n in F.ACTIVATIONS])
def test_every_derivative_matches_the_central_difference(name):
    f, df = F.ACTIVATIONS[name]
    numeric = numerical_diff(f, POINTS.copy(), h=1e-5)
    assert_allclose(df(POINTS), numeric, rtol=1e-7, atol=1e-9)


def test_step_function_values_keep_the_float_dtype():
    out = F.step_function(np.array([-1.0, 0.0, 2.0], dtype=np.float32))
    assert out.dtype == np.float32
    assert out.tolist() == [0.0, 0.0, 1.0]
    assert F.step_function(np.array([-2, 3])).tolist() == [0, 1]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_never_overflows(dtype):
    x = np.array([-1e38, -1e4, -800.0, -88.8, 0.0, 88.8, 800.0, 1e38], dtype=dtype)
    with np.errstate(all="raise"):  # any overflow or invalid operation would raise here
        y = F.sigmoid(x)
        g = F.sigmoid_grad(x)
    assert y.dtype == dtype
    assert np.isfinite(y).all() and np.isfinite(g).all()
    assert y[0] == 0.0 and y[-1] == 1.0 and y[4] == 0.5
    assert ((y >= 0) & (y <= 1)).all()


def test_sigmoid_matches_the_textbook_formula():
    x = np.linspace(-20, 20, 81)
    assert_allclose(F.sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-7, atol=1e-15)
    assert F.sigmoid(np.array([1, 2])).dtype.kind == "f"  # integer input gives floats


def test_relu_and_leaky_relu_values():
    x = np.array([-2.0, 0.0, 3.0])
    assert F.relu(x).tolist() == [0.0, 0.0, 3.0]
    assert_allclose(F.leaky_relu(x), [-0.02, 0.0, 3.0])
    assert_allclose(F.tanh(x), np.tanh(x))
    assert F.identity(x) is x


def test_softmax_books_example_and_rows_sum_to_one():
    assert_allclose(F.softmax(np.array([0.3, 2.9, 4.0])), [0.01821127, 0.24519181, 0.73659691], rtol=1e-6)
    batch = np.random.default_rng(0).normal(size=(5, 10)) * 20
    p = F.softmax(batch)
    assert p.shape == (5, 10)
    assert_allclose(p.sum(axis=1), 1.0)
    assert_allclose(p[2], F.softmax(batch[2]))  # batched rows are independent


def test_softmax_is_stable_for_large_logits_where_the_naive_one_is_not():
    a = np.array([1010.0, 1000.0, 990.0])
    with np.errstate(all="raise"):
        p = F.softmax(a)
    assert np.isfinite(p).all()
    assert_allclose(p, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-6)
    assert np.isnan(F.softmax_naive(a)).all()
    assert np.isfinite(F.softmax(np.array([1010.0, 1000.0, 990.0], dtype=np.float32))).all()


# The books' ten-class example: digit 2 is the answer; y guesses "2" (0.6), y_wrong guesses "7".
T = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
Y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
Y_WRONG = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])


def test_sum_squares_error_books_numbers():
    assert F.sum_squares_error(Y, T) == pytest.approx(0.0975)
    assert F.sum_squares_error(Y_WRONG, T) == pytest.approx(0.5975)
    assert F.sum_squares_error(Y, 2) == pytest.approx(0.0975)  # a label works as well


def test_cross_entropy_books_numbers_one_hot_and_labels():
    # The books print 0.510825457099338 and 2.302584092994546 (with their "+ 1e-7"): 0.5108, 2.3026.
    assert F.cross_entropy_error(Y, T) == pytest.approx(0.5108, abs=5e-5)
    assert F.cross_entropy_error(Y_WRONG, T) == pytest.approx(2.3026, abs=5e-5)
    assert F.cross_entropy_error(Y, 2) == pytest.approx(-np.log(0.6), rel=1e-12)
    assert F.cross_entropy_error(Y_WRONG, 2) == pytest.approx(-np.log(0.1), rel=1e-12)


def test_batched_losses_average_over_the_batch():
    y = np.stack([Y, Y_WRONG])
    t = np.stack([T, T])
    assert F.cross_entropy_error(y, t) == pytest.approx(-(np.log(0.6) + np.log(0.1)) / 2, rel=1e-12)
    assert F.cross_entropy_error(y, np.array([2, 2])) == pytest.approx(F.cross_entropy_error(y, t))
    # sum of squares adds over the batch; Nielsen's quadratic cost is its batch mean
    assert F.sum_squares_error(y, t) == pytest.approx(0.0975 + 0.5975)
    assert F.quadratic_cost(y, t) == pytest.approx((0.0975 + 0.5975) / 2)
    assert F.quadratic_cost(y, np.array([2, 2])) == pytest.approx((0.0975 + 0.5975) / 2)


def test_cross_entropy_is_finite_for_a_zero_probability():
    with np.errstate(all="raise"):
        loss = F.cross_entropy_error(np.array([1.0, 0.0]), np.array([0, 1]))
    assert loss == pytest.approx(-np.log(1e-7), rel=1e-6)


def test_registries_name_what_the_gui_lists():
    assert set(F.ACTIVATIONS) == {"identity", "step", "sigmoid", "tanh", "relu", "leaky_relu"}
    assert set(F.LOSSES) == {"cross_entropy", "quadratic"}
