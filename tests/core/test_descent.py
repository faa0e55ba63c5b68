"""Descent runs as generators: every optimizer descends, huge steps diverge, the book's numbers hold."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.playground.descent import (DescentEnd, DescentPoint, descend, difference_errors,
                                              escape_bounds, run_descent, tangent_line)
from nnstudio.core.playground.fields import (contour_segments, equalize, gradient_difference,
                                             gradient_field, quiver_segments, rank_levels, sample)
from nnstudio.core.nn.gradient import gradient_descent
from nnstudio.core.nn.optimizers import OPTIMIZERS
from nnstudio.core.playground.surfaces import SURFACES, function_1, function_1_grad


@pytest.mark.parametrize("key", list(SURFACES))
@pytest.mark.parametrize("optimizer", list(OPTIMIZERS))
def test_each_optimizer_descends_with_a_sane_lr(key, optimizer):
    s = SURFACES[key]
    r = run_descent(s.f, s.start, optimizer, s.lrs[optimizer], 60, view=s.view)
    assert r.values[-1] < r.values[0]
    assert r.end.reason == "finished" or (key == "saddle" and r.end.diverged)
    assert r.path.shape == (len(r.values), 2) and np.all(np.isfinite(r.path))


def test_records_and_generator_shape():
    s = SURFACES["sphere"]
    records = list(descend(s.f, s.start, "momentum", 0.05, 5, view=s.view))
    assert [type(r) for r in records] == [DescentPoint] * 6 + [DescentEnd]
    assert [r.step for r in records[:-1]] == list(range(6))
    assert records[0].f == 25 and records[-1].message == "finished 5 steps"


def test_book_gradient_descent_numbers():
    s = SURFACES["sphere"]
    x, path = gradient_descent(lambda p: p[0] ** 2 + p[1] ** 2, np.array([-3.0, 4.0]), lr=0.1, step_num=100)
    assert_allclose(x, [-6.11110793e-10, 8.14814391e-10], rtol=1e-6)
    r = run_descent(s.f, (-3.0, 4.0), "sgd", 0.1, 100)
    assert_allclose(r.path, path, rtol=1e-9, atol=1e-15)  # the same algorithm through the optimizer
    tiny = run_descent(s.f, (-3.0, 4.0), "sgd", 1e-10, 100, view=s.view)
    assert_allclose(tiny.path[-1], [-2.99999994, 3.99999992], rtol=1e-8)
    x_big, _ = gradient_descent(lambda p: p[0] ** 2 + p[1] ** 2, np.array([-3.0, 4.0]), lr=10.0, step_num=100)
    assert abs(x_big[0]) > 1e12  # the book's lr = 10 blows up...


def test_huge_lr_is_reported_as_diverged():
    s = SURFACES["sphere"]
    r = run_descent(s.f, (-3.0, 4.0), "sgd", 10.0, 100, view=s.view)  # ...and here it is caught
    assert r.end.diverged and r.end.steps == 2
    assert r.end.message.startswith("diverged after 2 steps")
    assert np.all(np.abs(r.path) <= 500)  # what is drawn stays within 100x the view
    for name in OPTIMIZERS:
        end = run_descent(s.f, (-3.0, 4.0), name, 1e6, 200, view=s.view).end
        assert end.diverged or name in ("adagrad", "rmsprop", "adam"), (name, end)


def test_non_finite_without_view_and_invalid_start():
    s = SURFACES["sphere"]
    # no view and the analytic gradient: x grows 19x per step until it overflows
    r = run_descent(s.f, (3.0, 3.0), "sgd", 10.0, 1000, grad=s.grad)
    assert r.end.diverged and "finite" in r.end.detail
    from nnstudio.core.playground.expression import parse_expression

    end = run_descent(parse_expression("log(x0)"), (-1.0, 0.0), "sgd", 0.1, 5).end
    assert end.reason == "invalid" and "start" in end.message


def test_escape_bounds():
    assert escape_bounds((-5, 5, -1, 3)) == (-500, 500, -199, 201)


def test_gradient_field_numerical_and_analytic_agree():
    s = SURFACES["rosenbrock"]
    pts, gn = gradient_field(s.f, s.view, 40)
    _, ga = gradient_field(s.f, s.view, 40, grad=s.grad)
    assert pts.shape == gn.shape == ga.shape == (1600, 2)
    assert gradient_difference(gn, ga).max() < 1e-4


def test_quiver_segments_point_downhill_and_are_capped():
    s = SURFACES["sphere"]
    pts, g = gradient_field(s.f, s.view, 10)
    seg, scale = quiver_segments(pts, g, (1.0, 1.0))
    arrows = seg.reshape(-1, 6, 2)
    shafts = arrows[:, 1] - arrows[:, 0]
    centres = (arrows[:, 1] + arrows[:, 0]) / 2
    assert np.all(np.einsum("ij,ij->i", shafts, centres) < 0)  # towards the minimum
    assert np.linalg.norm(shafts, axis=1).max() <= 0.9 + 1e-9
    assert scale > 0
    empty, _ = quiver_segments(pts, np.zeros_like(g), (1.0, 1.0))
    assert empty.shape == (0, 2)


def test_contours_of_a_bowl_are_circles_and_skip_nan():
    xs = ys = np.linspace(-2, 2, 81)
    X, Y = np.meshgrid(xs, ys)
    Z = X ** 2 + Y ** 2
    (seg,) = contour_segments(xs, ys, Z, [1.0])
    assert seg.shape[0] > 20 and seg.shape[0] % 2 == 0
    assert_allclose(np.hypot(seg[:, 0], seg[:, 1]), 1.0, atol=2e-3)
    Z[X < 0] = np.nan
    (half,) = contour_segments(xs, ys, Z, [1.0])
    assert np.all(half[:, 0] >= -0.05) and len(half) < len(seg)


def test_sample_levels_and_equalize_handle_nan():
    from nnstudio.core.playground.expression import parse_expression

    xs, ys, Z = sample(parse_expression("log(x0)"), (-1, 1, -1, 1), 20)
    assert Z.shape == (20, 20) and np.isnan(Z[:, :10]).all() and np.isfinite(Z[:, 10:]).all()
    levels = rank_levels(Z, 8)
    assert 1 < len(levels) <= 8 and np.all(np.isfinite(levels))
    e = equalize(Z)
    assert np.isnan(e[:, :10]).all() and e[:, 10:].min() >= 0 and e[:, 10:].max() <= 1


def test_tangent_and_difference_errors():
    slope, icpt = tangent_line(function_1, 5.0)
    assert slope == pytest.approx(0.2, abs=1e-9) and icpt == pytest.approx(0.75 - 1.0)
    assert tangent_line(function_1, 10.0)[0] == pytest.approx(0.3, abs=1e-9)
    hs = np.logspace(-20, 0, 21)
    fwd, cen = difference_errors(function_1, function_1_grad, 5.0, hs)
    assert fwd[-1] == pytest.approx(0.01)  # truncation O(h): f''/2 * h = 0.01 at h = 1
    assert cen[-1] == pytest.approx(0.0, abs=1e-12)  # exact for a quadratic (up to rounding)
    assert fwd[0] == pytest.approx(0.2) and cen[0] == pytest.approx(0.2)  # x + h == x: difference 0
    assert cen[16] < 1e-8 and fwd[16] > 5e-7  # h = 1e-4: central far better
    assert fwd[10] > 1e-8  # h = 1e-10: rounding error grows again
    from nnstudio.core.nn.gradient import numerical_diff

    assert numerical_diff(function_1, 5.0, h=1e-50) == 0.0  # the book's warning


def test_optimizer_options_and_state_in_each_record():
    from nnstudio.core.playground.descent import descend
    from nnstudio.core.playground.surfaces import SURFACES

    s = SURFACES["sphere"]
    # Momentum with β = 0: plain SGD, and its velocity is the last step itself (v = −lr·g)
    plain = run_descent(s.f, (-3.0, 4.0), "sgd", 0.1, 5)
    heavy = run_descent(s.f, (-3.0, 4.0), "momentum", 0.1, 5, options={"momentum": 0.0})
    np.testing.assert_allclose(heavy.path, plain.path, rtol=1e-12)
    records = [r for r in descend(s.f, (-3.0, 4.0), "momentum", 0.1, 3, options={"momentum": 0.5})
               if hasattr(r, "velocity")]
    assert records[0].velocity is None  # the start: no step yet
    np.testing.assert_allclose(records[1].velocity, (0.6, -0.8), rtol=1e-6)  # −0.1·(−6, 8)
    p1, p2 = np.array([records[1].x0, records[1].x1]), np.array([records[2].x0, records[2].x1])
    np.testing.assert_allclose(p2 - p1, records[2].velocity, rtol=1e-9)  # x <- x + v
    # AdaGrad's per-coordinate step: lr / (√(g²) + ε) after one step, g = (−6, 8)
    first = [r for r in descend(s.f, (-3.0, 4.0), "adagrad", 1.5, 1) if hasattr(r, "step_size")][1]
    np.testing.assert_allclose(first.step_size, (1.5 / 6, 1.5 / 8), rtol=1e-6)
    # Adam: β1 and β2 change the run; its first bias-corrected step size is lr / |g|
    a = run_descent(s.f, (-3.0, 4.0), "adam", 0.3, 20)
    b = run_descent(s.f, (-3.0, 4.0), "adam", 0.3, 20, options={"beta1": 0.5, "beta2": 0.9})
    assert not np.allclose(a.path, b.path)
    first = [r for r in descend(s.f, (-3.0, 4.0), "adam", 0.3, 1) if hasattr(r, "step_size")][1]
    np.testing.assert_allclose(first.step_size, (0.3 / 6, 0.3 / 8), rtol=1e-5)
    assert [r for r in descend(s.f, (-3.0, 4.0), "sgd", 0.1, 1)][1].step_size is None


def test_field_layers_of_the_bowl():
    from nnstudio.core.playground.fields import field_layers
    from nnstudio.core.playground.surfaces import SURFACES

    s = SURFACES["sphere"]
    layers = field_layers(s.f, (-5, 5, -5, 5), arrows=10, grad=s.grad)
    assert layers.values01.shape == (160, 160) and not layers.undefined
    r = np.hypot(layers.contours[:, 0], layers.contours[:, 1])  # contours of x0² + x1² are circles:
    pairs = layers.contours.reshape(-1, 2, 2)  # both ends of each piece at (nearly) one radius
    ends = np.hypot(pairs[..., 0], pairs[..., 1])
    assert np.all(abs(ends[:, 0] - ends[:, 1]) < 0.05 * ends.max(axis=1) + 0.02) and r.max() < 7.1
    shafts = layers.arrows.reshape(-1, 3, 2, 2)[:, 0]  # −∇f points at the origin: radial, inwards
    mid, vec = shafts.mean(axis=1), shafts[:, 1] - shafts[:, 0]
    cos = -(mid * vec).sum(1) / (np.linalg.norm(mid, axis=1) * np.linalg.norm(vec, axis=1))
    assert np.all(cos > 0.999)
    assert layers.compared == 100 and len(layers.differ) == 0
    arrows_only = field_layers(s.f, (-5, 5, -5, 5), arrows=10, background=False)
    assert arrows_only.values01 is None and arrows_only.contours is None
    np.testing.assert_allclose(arrows_only.arrows, layers.arrows)
