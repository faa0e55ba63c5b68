"""The perceptron explorer: NAND's truth table, XOR impossible for one unit, XOR from two layers."""

import pytest

from nnstudio.gui.panels.concepts.perceptron import PerceptronExplorer


@pytest.fixture
def explorer(qtbot):
    w = PerceptronExplorer(None)
    qtbot.addWidget(w)
    w.resize(1100, 760)
    return w


def test_nand_preset_and_truth_table(explorer):
    explorer.preset.setCurrentText("NAND")
    assert (explorer.w1.value(), explorer.w2.value(), explorer.bias.value()) == (-2.0, -2.0, 3.0)
    assert explorer.column(explorer.table, "out") == ["1", "1", "1", "0"]
    assert "compute NAND" in explorer.verdict.text()


@pytest.mark.parametrize("gate,outs", [("AND", ["0", "0", "0", "1"]), ("OR", ["0", "1", "1", "1"])])
def test_and_or_presets(explorer, gate, outs):
    explorer.preset.setCurrentText(gate)
    assert explorer.column(explorer.table, "out") == outs
    assert explorer.target.currentText() == gate


def test_weights_are_editable_and_table_is_live(explorer):
    explorer.preset.setCurrentText("NAND")
    explorer.bias.setValue(5.0)  # now always positive: 1, 1, 1, 1
    assert explorer.column(explorer.table, "out") == ["1", "1", "1", "1"]
    assert "Not NAND" in explorer.verdict.text()
    x, y = explorer.line.getData()
    assert list(x) == [-0.5, 1.5]


def test_xor_impossible_for_one_perceptron(explorer):
    explorer.target.setCurrentText("XOR")
    assert "not linearly separable" in explorer.verdict.text()
    assert "<b>0</b> compute XOR" in explorer.search_label.text()
    assert "✗" in explorer.column(explorer.table, "")


def test_xor_from_two_layers_tables(explorer):
    explorer.xor_build.setCurrentIndex(0)
    assert explorer.column(explorer.xor_table, "y") == ["0", "1", "1", "0"]
    assert explorer.column(explorer.xor_table, "s1") == ["1", "1", "1", "0"]
    explorer.xor_build.setCurrentIndex(1)
    assert explorer.column(explorer.xor_table, "y") == ["0", "1", "1", "0"]
    assert explorer.xor_table.columnCount() == 6
