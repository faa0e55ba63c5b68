"""The typed-in f(x0, x1): an AST whitelist, never eval of the raw text."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.playground.descent import run_descent
from nnstudio.core.playground.expression import ExpressionError, parse_expression


def test_accepts_the_issue_example_vectorised():
    f = parse_expression("sin(x0)*cos(x1) + 0.1*x0**2")
    X, Y = np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-1, 1, 5))
    assert_allclose(f(X, Y), np.sin(X) * np.cos(Y) + 0.1 * X ** 2)
    assert f(1.0, 2.0) == pytest.approx(np.sin(1) * np.cos(2) + 0.1)
    assert f.formula == "f(x₀, x₁) = sin(x₀)*cos(x₁) + 0.1*x₀^2"
    assert f.formula_html.endswith("sin(x<sub>0</sub>)·cos(x<sub>1</sub>) + 0.1·x<sub>0</sub><sup>2</sup>")


@pytest.mark.parametrize("text, expected", [
    ("x0**2 + x1**2", lambda a, b: a ** 2 + b ** 2),
    ("-x0 + +x1 / 2 - 3", lambda a, b: -a + b / 2 - 3),
    ("exp(-(x0**2 + x1**2)) * pi + e", lambda a, b: np.exp(-(a ** 2 + b ** 2)) * np.pi + np.e),
    ("sqrt(abs(x0)) + tanh(x1) + arctan(x0) + log(1 + x1**2)",
     lambda a, b: np.sqrt(abs(a)) + np.tanh(b) + np.arctan(a) + np.log(1 + b ** 2)),
    ("x**2 + 3*y", lambda a, b: a ** 2 + 3 * b),
    ("arctan2(x1, x0) + hypot(x0, x1)", lambda a, b: np.arctan2(b, a) + np.hypot(a, b)),
    ("2", lambda a, b: np.full(np.broadcast(a, b).shape, 2.0)),
])
def test_accepts_arithmetic_and_functions(text, expected):
    a = np.array([0.5, -1.5, 2.0])
    b = np.array([1.0, 0.25, -3.0])
    assert_allclose(parse_expression(text)(a, b), expected(a, b))


@pytest.mark.parametrize("text, message", [
    ("__import__('os')", "not an allowed function"),
    ("__import__('os').system('ls')", "attribute"),
    ("x0.real", "attribute"),
    ("np.sin(x0)", "attribute"),
    ("(lambda: 1)()", "lambda"),
    ("(lambda x: x)(x0)", "lambda"),
    ("[x0 for x0 in (1, 2)]", "comprehension"),
    ("sum(i for i in (1,))", "comprehension"),
    ("x0[0]", "indexing"),
    ("open('f')", "not an allowed function"),
    ("eval('1')", "not an allowed function"),
    ("9**9**9", "exponent"),
    ("x0 ** (10**6)", "exponent"),
    ("x0 ^ 2", "write x0\\*\\*2"),
    ("1" + "0" * 350, "too large for a float"),
    ("sin(x0", "not a formula"),
    ("x2 + 1", "unknown name"),
    ("'text'", "only numbers"),
    ("True", "only numbers"),
    ("sin", "is a function"),
    ("sin(x0, x1)", "1 argument"),
    ("sin(x=x0)", "keyword"),
    ("x0 if x1 else 0", "if/else"),
    ("x0 < x1", "comparison"),
    ("(y := 2)", "assignment"),
    ("x0 % 2", "not allowed"),
    ("", "type a formula"),
    ("x0 + " * 200 + "1", "too long"),
    ("(" * 250 + "x0" + ")" * 250, "."),
])
def test_refuses_with_a_clear_message(text, message):
    with pytest.raises(ExpressionError, match=message) as info:
        parse_expression(text)
    assert "\n" not in str(info.value) and str(info.value)


def test_deep_but_legal_nesting_is_fine():
    f = parse_expression("-(" * 130 + "x0" + ")" * 130)
    assert f(2.0, 0.0) == 2.0


def test_huge_power_chain_is_fast():
    import time

    t0 = time.perf_counter()
    with pytest.raises(ExpressionError):
        parse_expression("9**9**9**9")
    assert time.perf_counter() - t0 < 1.0


def test_the_module_never_evaluates_text():
    import ast as _ast
    import inspect

    import nnstudio.core.playground.expression as module

    calls = {node.func.id for node in _ast.walk(_ast.parse(inspect.getsource(module)))
             if isinstance(node, _ast.Call) and isinstance(node.func, _ast.Name)}
    assert not calls & {"eval", "exec", "compile", "__import__", "getattr"}


def test_non_finite_values_are_quiet_nan():
    f = parse_expression("log(x0) + 1/x1")
    out = f(np.array([-1.0, 1.0, 2.0]), np.array([1.0, 0.0, 1.0]))
    assert np.isnan(out[0]) and np.isinf(out[1]) and out[2] == pytest.approx(np.log(2) + 1)


def test_custom_function_descends_with_numerical_gradient():
    f = parse_expression("sin(x0)*cos(x1) + 0.1*x0**2")
    r = run_descent(f, (1.0, 0.5), "sgd", 0.1, 100, view=(-4, 4, -4, 4))
    assert r.end.reason == "finished" and r.values[-1] < r.values[0]
