"""2D surfaces: analytic gradients against the engine's numerical gradient, views, start points."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.nn.gradient import numerical_diff, numerical_gradient, numerical_gradient_2d
from nnstudio.core.nn.optimizers import OPTIMIZERS
from nnstudio.core.playground.surfaces import SURFACES, function_1, function_1_grad, get_surface


@pytest.mark.parametrize("key", list(SURFACES))
def test_analytic_gradient_matches_numerical(key):
    s = SURFACES[key]
    a, b, c, d = s.view
    rng = np.random.default_rng(1)
    pts = np.column_stack([rng.uniform(a, b, 60), rng.uniform(c, d, 60)])
    g0, g1 = s.gradient(pts[:, 0], pts[:, 1])
    analytic = np.column_stack([g0, g1])
    assert_allclose(analytic, numerical_gradient_2d(s.f, pts), rtol=1e-5, atol=1e-4)
    for p in pts[:5]:  # the loop version of the engine too
        num = numerical_gradient(lambda x: s.f(x[0], x[1]), p.copy())
        assert_allclose(num, np.array(s.gradient(p[0], p[1])), rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize("key", list(SURFACES))
def test_surface_metadata(key):
    s = SURFACES[key]
    a, b, c, d = s.view
    assert a < s.start[0] < b and c < s.start[1] < d
    assert s.formula.startswith("f(x₀, x₁) =") and "<sub>" in s.formula_html
    assert set(s.lrs) == set(OPTIMIZERS)
    for m in s.minima:
        assert s.value(*m) == pytest.approx(0.0, abs=1e-9)
        assert np.linalg.norm(s.gradient(*m)) < 1e-4
    # vectorised over a grid and over scalars
    X, Y = np.meshgrid(np.linspace(a, b, 5), np.linspace(c, d, 4))
    assert s.value(X, Y).shape == (4, 5)
    assert np.ndim(s.value(1.0, 2.0)) == 0


def test_named_values():
    assert get_surface("sphere").value(-3, 4) == 25
    assert get_surface("elongated").value(-7, 2) == pytest.approx(49 / 20 + 4)
    assert get_surface("saddle").value(1, 2) == -3
    assert get_surface("rosenbrock").value(1, 1) == 0
    with pytest.raises(ValueError, match="unknown function"):
        get_surface("nope")


def test_function_1_derivatives_from_the_book():
    assert numerical_diff(function_1, 5) == pytest.approx(0.2, abs=1e-9)
    assert numerical_diff(function_1, 10) == pytest.approx(0.3, abs=1e-9)
    assert function_1_grad(5) == pytest.approx(0.2) and function_1_grad(10) == pytest.approx(0.3)


def test_value_far_out_does_not_warn():
    # pytest turns warnings into errors: overflow far outside the view must stay silent
    assert np.isinf(get_surface("beale").value(1e200, 1e200))
