"""Perceptrons as gates, truth tables, XOR impossible for one unit and built from two layers."""

import numpy as np
import pytest

from nnstudio.core.playground import perceptron as P


def outputs(table):
    return [row[3] for row in table]


def test_nand_preset_is_nielsens_and_gives_1110():
    assert P.GATES["NAND"] == ((-2.0, -2.0), 3.0)
    table = P.truth_table(*P.GATES["NAND"])
    assert [(x1, x2) for x1, x2, _, _ in table] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert outputs(table) == [1, 1, 1, 0]
    assert [s for _, _, s, _ in table] == [3.0, 1.0, 1.0, -1.0]


@pytest.mark.parametrize("name", ["AND", "NAND", "OR"])
def test_each_preset_realises_its_gate(name):
    assert outputs(P.truth_table(*P.GATES[name])) == list(P.TARGETS[name])
    assert P.realises(*P.GATES[name], name)
    assert list(P.gate(name, P.INPUTS)) == list(P.TARGETS[name])


def test_perceptron_single_input_and_boundary_is_strict():
    assert P.perceptron([1, 1], [0.5, 0.5], -1.0) == 0  # w·x + b == 0 gives 0
    assert P.perceptron([1, 1], [0.5, 0.5], -0.99) == 1


def test_xor_from_two_layers():
    s1, s2, y = P.xor_two_layer(P.INPUTS)
    assert list(s1) == [1, 1, 1, 0] and list(s2) == [0, 1, 1, 1]
    assert list(y) == [0, 1, 1, 0]


def test_xor_from_nands_only():
    *_, y = P.xor_all_nand(P.INPUTS)
    assert list(y) == [0, 1, 1, 0]
    assert int(P.xor_all_nand(np.array([1.0, 0.0]))[-1]) == 1


def test_no_single_perceptron_on_the_grid_computes_xor():
    found, tried = P.search_single_perceptron("XOR")
    assert tried == 21 ** 3 and found == 0
    for name in ("AND", "NAND", "OR"):
        assert P.search_single_perceptron(name)[0] > 0


def test_decision_line():
    np.testing.assert_allclose(P.decision_line((-2, -2), 3, [0.0, 1.5]), [1.5, 0.0])
    assert P.decision_line((1, 0), -0.5, [0.0]) is None
