"""Safe, vectorised f(x0, x1) from text a learner types: an AST whitelist walked into numpy closures.

The text is parsed with `ast.parse` and never evaluated: every node must be a number, x0/x1, pi/e,
+ − * / **, unary ±, or a call of a listed numpy function; the tree is then turned into nested
closures over numpy operations. Numbers become float64 first, so `9**9**9` cannot start Python's
unbounded integer arithmetic, and constant exponents are limited anyway.
"""

from __future__ import annotations

import ast
import math
import re
import operator

import numpy as np

from nnstudio.core.nn.functions import relu, sigmoid
from nnstudio.core.errors import UserInputError

MAX_LENGTH = 400
MAX_NODES = 300
MAX_EXPONENT = 1000.0

# name -> (vectorised function, number of arguments)
FUNCTIONS = {
    "sin": (np.sin, 1), "cos": (np.cos, 1), "tan": (np.tan, 1),
    "arcsin": (np.arcsin, 1), "arccos": (np.arccos, 1), "arctan": (np.arctan, 1),
    "asin": (np.arcsin, 1), "acos": (np.arccos, 1), "atan": (np.arctan, 1),
    "sinh": (np.sinh, 1), "cosh": (np.cosh, 1), "tanh": (np.tanh, 1),
    "exp": (np.exp, 1), "log": (np.log, 1), "ln": (np.log, 1), "log10": (np.log10, 1),
    "log2": (np.log2, 1), "sqrt": (np.sqrt, 1), "abs": (np.abs, 1), "sign": (np.sign, 1),
    "floor": (np.floor, 1), "ceil": (np.ceil, 1), "sigmoid": (sigmoid, 1), "relu": (relu, 1),
    "arctan2": (np.arctan2, 2), "atan2": (np.arctan2, 2), "hypot": (np.hypot, 2),
    "maximum": (np.maximum, 2), "minimum": (np.minimum, 2), "max": (np.maximum, 2),
    "min": (np.minimum, 2),
}
CONSTANTS = {"pi": math.pi, "e": math.e}
VARIABLES = {"x0": 0, "x1": 1, "x": 0, "y": 1}  # x and y as friendly aliases

_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: operator.pow}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}

# Friendly words for the constructs people try; anything else gets its class name.
_REFUSED = {
    ast.Attribute: "attribute access (a.b) is not allowed",
    ast.Lambda: "lambdas are not allowed",
    ast.ListComp: "comprehensions are not allowed", ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "comprehensions are not allowed",
    ast.Subscript: "indexing (a[i]) is not allowed",
    ast.Compare: "comparisons are not allowed", ast.BoolOp: "and/or are not allowed",
    ast.IfExp: "if/else is not allowed", ast.NamedExpr: "assignments are not allowed",
    ast.Starred: "* unpacking is not allowed",
    ast.List: "lists are not allowed", ast.Tuple: "tuples are not allowed",
    ast.Dict: "dicts are not allowed", ast.Set: "sets are not allowed",
    ast.JoinedStr: "text is not allowed", ast.Await: "await is not allowed",
}


class ExpressionError(UserInputError):
    """The text is not a formula we accept; str() is one line meant for the user."""


class Expression:
    """A compiled f(x0, x1): call with arrays (or scalars), get float64 of their broadcast shape.

    Numpy's warnings are silenced inside the call: log(−1) is NaN here, not an error, and the
    playground draws the function only where it is finite.
    """

    def __init__(self, text: str, evaluate):
        self.text = text
        self._evaluate = evaluate

    def __call__(self, x0, x1):
        x0 = np.asarray(x0, dtype=float)
        x1 = np.asarray(x1, dtype=float)
        shape = np.broadcast(x0, x1).shape
        with np.errstate(all="ignore"):
            out = np.asarray(self._evaluate(x0, x1), dtype=float)
        return np.broadcast_to(out, shape).copy() if out.shape != shape else out

    @property
    def formula(self) -> str:
        return "f(x₀, x₁) = " + self.text.replace("x0", "x₀").replace("x1", "x₁").replace("**", "^")

    @property
    def formula_html(self) -> str:
        """Rich text: x<sub>0</sub>, simple powers as superscripts, · for *."""
        body = self.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        body = re.sub(r"\*\*\s*(-?[0-9.]+|[A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_.(])", r"<sup>\1</sup>", body)
        body = body.replace("**", "^").replace("*", "·")
        body = re.sub(r"\bx([01])\b", r"x<sub>\1</sub>", body)
        return "f(x<sub>0</sub>, x<sub>1</sub>) = " + body

    def __repr__(self):
        return f"Expression({self.text!r})"


def parse_expression(text: str) -> Expression:
    """Validate `text` against the whitelist and compile it; raise ExpressionError with a clear reason."""
    if not isinstance(text, str):
        raise ExpressionError("the formula must be text")
    text = text.strip()
    if not text:
        raise ExpressionError("type a formula in x0 and x1, e.g. sin(x0)*cos(x1) + 0.1*x0**2")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the formula is too long ({len(text)} characters, limit {MAX_LENGTH})")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        where = f" at column {exc.offset}" if exc.offset else ""
        raise ExpressionError(f"not a formula: {exc.msg}{where}") from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError("the formula is nested too deeply") from None
    nodes = sum(1 for _ in ast.walk(tree))
    if nodes > MAX_NODES:
        raise ExpressionError(f"the formula is too complex ({nodes} parts, limit {MAX_NODES})")
    for node in ast.walk(tree):  # outermost first: name the construct the user wrote
        for kind, message in _REFUSED.items():
            if isinstance(node, kind):
                raise ExpressionError(message)
    try:
        evaluate, _ = _compile(tree.body)
    except RecursionError:
        raise ExpressionError("the formula is nested too deeply") from None
    expr = Expression(text, evaluate)
    probe = np.array([0.3, -1.7, 2.9]), np.array([1.1, 0.4, -2.3])
    try:
        expr(*probe)
    except (TypeError, ValueError, ArithmeticError) as exc:  # e.g. a function refusing float input
        raise ExpressionError(f"the formula cannot be computed: {exc}") from None
    return expr


def _const(value):
    return (lambda x0, x1: value), value


def _compile(node):
    """node -> (evaluate(x0, x1), constant value or None when it depends on x0/x1)."""
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            kind = "text" if isinstance(value, str) else type(value).__name__
            raise ExpressionError(f"only numbers are allowed as constants, not {kind}")
        try:
            return _const(np.float64(value))  # float64: no unbounded Python integers
        except OverflowError:
            raise ExpressionError("a number in the formula is too large for a float") from None
    if isinstance(node, ast.Name):
        name = node.id
        if name in VARIABLES:
            index = VARIABLES[name]
            return (lambda x0, x1: x0) if index == 0 else (lambda x0, x1: x1), None
        if name in CONSTANTS:
            return _const(np.float64(CONSTANTS[name]))
        if name in FUNCTIONS:
            raise ExpressionError(f"{name} is a function: write {name}(...)")
        raise ExpressionError(f"unknown name {_short(name)}: use x0, x1, pi, e and functions such as "
                              "sin, cos, exp, log, sqrt, abs, tanh")
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        op = _UNARY[type(node.op)]
        inner, const = _compile(node.operand)
        if const is not None:
            return _const(op(const))
        return (lambda x0, x1: op(inner(x0, x1))), None
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.BitXor):
            raise ExpressionError("^ is not a power here: write x0**2")
        if type(node.op) not in _BINARY:
            raise ExpressionError(f"the operator {type(node.op).__name__} is not allowed; use + - * / **")
        op = _BINARY[type(node.op)]
        left, lc = _compile(node.left)
        right, rc = _compile(node.right)
        if isinstance(node.op, ast.Pow) and rc is not None and not abs(rc) <= MAX_EXPONENT:
            raise ExpressionError(f"the exponent {rc:.6g} is too large (limit ±{MAX_EXPONENT:g})")
        if lc is not None and rc is not None:
            with np.errstate(all="ignore"):
                return _const(np.float64(op(lc, rc)))
        return (lambda x0, x1: op(left(x0, x1), right(x0, x1))), None
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name):
            if isinstance(node.func, ast.Attribute):
                raise ExpressionError(_REFUSED[ast.Attribute])
            raise ExpressionError("only named functions such as sin(x0) can be called")
        name = node.func.id
        if name not in FUNCTIONS:
            raise ExpressionError(f"{_short(name)} is not an allowed function; allowed: "
                                  + ", ".join(sorted(set(FUNCTIONS))))
        if node.keywords:
            raise ExpressionError("keyword arguments are not allowed")
        func, nargs = FUNCTIONS[name]
        if len(node.args) != nargs:
            raise ExpressionError(f"{name} takes {nargs} argument{'s' if nargs > 1 else ''}, "
                                  f"got {len(node.args)}")
        args = [_compile(a) for a in node.args]
        if all(c is not None for _, c in args):
            with np.errstate(all="ignore"):
                return _const(np.float64(func(*[c for _, c in args])))
        if nargs == 1:
            arg = args[0][0]
            return (lambda x0, x1: func(arg(x0, x1))), None
        a, b = args[0][0], args[1][0]
        return (lambda x0, x1: func(a(x0, x1), b(x0, x1))), None
    for kind, message in _REFUSED.items():
        if isinstance(node, kind):
            raise ExpressionError(message)
    raise ExpressionError(f"{type(node).__name__} is not allowed in a formula")


def _short(name: str) -> str:
    return repr(name if len(name) <= 30 else name[:27] + "...")
