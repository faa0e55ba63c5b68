"""The typed-in formula's error messages in the interface language.

Core (nnstudio.core.playground.expression) raises ExpressionError in English and never imports Qt; the
GUI matches each message here and shows its translation with the same details filled in. A message
that matches none (a new one in core) is shown as it is, after a translated lead-in.
"""

from __future__ import annotations

import re

from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "FormulaErrors"

# (core's message as a pattern with named groups, its text to translate with the same named fields)
PATTERNS = [
    (r"the formula must be text", QT_TRANSLATE_NOOP("FormulaErrors", "the formula must be text")),
    (r"type a formula in x0 and x1, e\.g\. (?P<example>.+)",
     QT_TRANSLATE_NOOP("FormulaErrors", "type a formula in x0 and x1, e.g. {example}")),
    (r"the formula is too long \((?P<n>\d+) characters, limit (?P<limit>\d+)\)",
     QT_TRANSLATE_NOOP("FormulaErrors", "the formula is too long ({n} characters, limit {limit})")),
    (r"not a formula: (?P<detail>.*) at column (?P<column>\d+)",
     QT_TRANSLATE_NOOP("FormulaErrors", "not a formula: a syntax error at column {column}")),
    (r"not a formula: (?P<detail>.*)", QT_TRANSLATE_NOOP("FormulaErrors", "not a formula: a syntax error")),
    (r"the formula is nested too deeply", QT_TRANSLATE_NOOP("FormulaErrors", "the formula is nested too deeply")),
    (r"the formula is too complex \((?P<n>\d+) parts, limit (?P<limit>\d+)\)",
     QT_TRANSLATE_NOOP("FormulaErrors", "the formula is too complex ({n} parts, limit {limit})")),
    (r"the formula cannot be computed: (?P<detail>.*)",
     QT_TRANSLATE_NOOP("FormulaErrors", "the formula cannot be computed: {detail}")),
    (r"only numbers are allowed as constants, not (?P<kind>.*)",
     QT_TRANSLATE_NOOP("FormulaErrors", "only numbers are allowed as constants, not {kind}")),
    (r"a number in the formula is too large for a float",
     QT_TRANSLATE_NOOP("FormulaErrors", "a number in the formula is too large for a float")),
    (r"(?P<name>\w+) is a function: write (?P=name)\(\.\.\.\)",
     QT_TRANSLATE_NOOP("FormulaErrors", "{name} is a function: write {name}(...)")),
    (r"unknown name (?P<name>.+): use x0, x1, pi, e and functions such as sin, cos, exp, log, sqrt, abs, tanh",
     QT_TRANSLATE_NOOP("FormulaErrors", "unknown name {name}: use x0, x1, pi, e and functions such as sin, cos, "
                                        "exp, log, sqrt, abs, tanh")),
    (r"\^ is not a power here: write x0\*\*2", QT_TRANSLATE_NOOP("FormulaErrors", "^ is not a power here: write x0**2")),
    (r"the operator (?P<op>\w+) is not allowed; use \+ - \* / \*\*",
     QT_TRANSLATE_NOOP("FormulaErrors", "the operator {op} is not allowed; use + - * / **")),
    (r"the exponent (?P<value>\S+) is too large \(limit ±(?P<limit>\S+)\)",
     QT_TRANSLATE_NOOP("FormulaErrors", "the exponent {value} is too large (limit ±{limit})")),
    (r"only named functions such as sin\(x0\) can be called",
     QT_TRANSLATE_NOOP("FormulaErrors", "only named functions such as sin(x0) can be called")),
    (r"(?P<name>.+) is not an allowed function; allowed: (?P<allowed>.*)",
     QT_TRANSLATE_NOOP("FormulaErrors", "{name} is not an allowed function; allowed: {allowed}")),
    (r"keyword arguments are not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "keyword arguments are not allowed")),
    (r"(?P<name>\w+) takes (?P<n>\d+) arguments?, got (?P<got>\d+)",
     QT_TRANSLATE_NOOP("FormulaErrors", "{name} takes {n} argument(s), got {got}")),
    (r"attribute access \(a\.b\) is not allowed",
     QT_TRANSLATE_NOOP("FormulaErrors", "attribute access (a.b) is not allowed")),
    (r"lambdas are not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "lambdas are not allowed")),
    (r"comprehensions are not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "comprehensions are not allowed")),
    (r"indexing \(a\[i\]\) is not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "indexing (a[i]) is not allowed")),
    (r"comparisons are not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "comparisons are not allowed")),
    (r"and/or are not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "and/or are not allowed")),
    (r"if/else is not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "if/else is not allowed")),
    (r"assignments are not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "assignments are not allowed")),
    (r"\* unpacking is not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "* unpacking is not allowed")),
    (r"lists are not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "lists are not allowed")),
    (r"tuples are not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "tuples are not allowed")),
    (r"dicts are not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "dicts are not allowed")),
    (r"sets are not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "sets are not allowed")),
    (r"text is not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "text is not allowed")),
    (r"await is not allowed", QT_TRANSLATE_NOOP("FormulaErrors", "await is not allowed")),
    (r"(?P<kind>\w+) is not allowed in a formula", QT_TRANSLATE_NOOP("FormulaErrors", "{kind} is not allowed in a formula")),
]
_COMPILED = [(re.compile(pattern + r"\Z", re.S), text) for pattern, text in PATTERNS]


def formula_error(message: str) -> str:
    """Core's ExpressionError message `message` in the interface language (Python's own words about a
    syntax error, English only, are left out: the column says where)."""
    for pattern, text in _COMPILED:
        m = pattern.match(message)
        if m:
            translated = translate(CONTEXT, text)
            # untranslated (English): core's own words, with Python's detail about a syntax error
            return message if translated == text else translated.format(**m.groupdict())
    return translate("FormulaErrors", "The formula cannot be used: {reason}").format(reason=message)
