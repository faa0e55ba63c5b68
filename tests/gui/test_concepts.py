"""The Concepts panel and its activations, softmax and losses explorers (book numbers in the widgets)."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from nnstudio.gui.panels.concepts.panel import EXPLORERS, ConceptsPanel
from nnstudio.gui.panels.concepts.activations import ActivationsExplorer
from nnstudio.gui.panels.concepts.losses import LossesExplorer
from nnstudio.gui.panels.concepts.softmax import SoftmaxExplorer


# ---------------------------------------------------------------- panel


def test_panel_has_every_explorer_with_its_explanation(make_explorer):
    panel = make_explorer(ConceptsPanel)
    assert panel.tabs.count() == len(EXPLORERS) == 6
    for attr, _, _ in EXPLORERS:
        explainer = panel.explorers[attr].explainer
        assert explainer.loaded, attr
        assert explainer.isReadOnly()
        assert len(explainer.toPlainText()) > 300
    panel.show_explorer("softmax")
    assert panel.tabs.currentWidget() is panel.explorers["softmax"]
    panel.shutdown()


def test_export_plot_writes_a_png(tmp_path, monkeypatch, make_explorer):
    from PySide6.QtWidgets import QFileDialog

    panel = make_explorer(ConceptsPanel)
    panel.show()
    target = tmp_path / "softmax"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)"))
    assert panel.export_plot() == str(target) + ".png"
    assert (tmp_path / "softmax.png").stat().st_size > 1000


def test_main_window_shows_the_concepts_panel(main_window):
    from nnstudio.gui.panels.concepts.panel import ConceptsPanel as Cls

    panel = main_window.panels["conceptsPanel"]
    assert isinstance(panel, Cls) and panel.objectName() == "conceptsPanel"


def test_missing_explanation_is_a_clear_message(qtbot, monkeypatch, tmp_path):
    from nnstudio.gui.widgets import explainer as mod

    monkeypatch.setattr(mod, "concepts_dir", lambda: tmp_path)
    box = mod.Explainer("nothing")
    qtbot.addWidget(box)
    assert not box.loaded and "missing" in box.toPlainText()


# ---------------------------------------------------------------- activations


def test_activations_draw_checked_functions_and_dashed_derivatives(make_explorer):
    w = make_explorer(ActivationsExplorer)
    for name in ("step", "sigmoid", "tanh", "relu", "leaky_relu", "identity"):
        w.shown[name].setChecked(True)
        w.derivative[name].setChecked(True)
    assert len(w.curves) == 12
    assert w.curves["sigmoid'"].opts["pen"].style() == Qt.DashLine
    assert w.curves["sigmoid"].opts["pen"].style() == Qt.SolidLine
    x, y = w.curves["step'"].getData()
    assert np.all(y == 0)  # zero almost everywhere: nothing to learn through
    w.shown["tanh"].setChecked(False)
    assert "tanh" not in w.curves and "tanh'" in w.curves
    assert "zero almost everywhere" in w.explainer.toPlainText()


def test_activation_range_and_bad_range(make_explorer):
    w = make_explorer(ActivationsExplorer)
    w.x_min.setValue(-2.0)
    w.x_max.setValue(3.0)
    x, _ = w.curves["sigmoid"].getData()
    assert x.min() == -2.0 and x.max() == 3.0
    w.x_max.setValue(-5.0)
    assert "smaller" in w.range_error.text()
    assert w.curves == {}


def test_activation_probe_values(make_explorer):
    w = make_explorer(ActivationsExplorer)
    w.probe.setValue(0.0)
    assert "f = 0.5000" in w.probe_label.text() and "f′ = 0.2500" in w.probe_label.text()  # sigmoid at 0
    w.probe_line.setValue(2.0)
    assert w.probe.value() == 2.0


# ---------------------------------------------------------------- softmax


def test_softmax_bars_and_temperature(make_explorer):
    w = make_explorer(SoftmaxExplorer)
    w.set_logits([0.0] * 10, temperature=1.0)
    np.testing.assert_allclose(w.prob_bars.opts["height"], np.full(10, 0.1))
    w.set_logits([1.0, 2.0, 3.0], temperature=1.0)
    cold = w.compute()[5]
    w.temperature.setValue(5.0)
    warm = w.compute()[5]
    assert cold.max() > warm.max() and abs(warm.sum() - 1) < 1e-12
    assert len(w.prob_bars.opts["height"]) == 3


def test_softmax_slider_and_spin_stay_in_step(make_explorer):
    w = make_explorer(SoftmaxExplorer)
    w.sliders[4].setValue(35)
    assert w.spins[4].value() == pytest.approx(3.5)
    w.spins[4].setValue(-2.2)
    assert w.sliders[4].value() == -22
    w.spins[4].setValue(900.0)
    assert w.sliders[4].value() == 100  # clamped, the number keeps the real value


def test_overflow_demo_nan_only_for_naive_formula(qtbot, make_explorer):
    w = make_explorer(SoftmaxExplorer)
    qtbot.mouseClick(w.overflow_button, Qt.LeftButton)
    assert w.column_texts("z/T") == ["1010", "1000", "990"]
    assert w.column_texts("naive p") == ["nan", "nan", "nan"]
    shifted = w.column_texts("shifted p")
    assert not any("nan" in s or "inf" in s for s in shifted)
    np.testing.assert_allclose([float(s) for s in shifted], [0.99995, 4.5e-05, 2.1e-09], rtol=0.03)
    for title in ("s = z/T−max", "exp(s)"):
        assert not any("nan" in s or "inf" in s for s in w.column_texts(title))
    assert "breaks" in w.table_note.text()


def test_ordinary_logits_both_formulas_agree(make_explorer):
    w = make_explorer(SoftmaxExplorer)
    w.show_example()
    assert w.column_texts("naive p") == w.column_texts("shifted p")
    assert "agree" in w.table_note.text()


# ---------------------------------------------------------------- losses


def test_losses_book_presets(qtbot, make_explorer):
    w = make_explorer(LossesExplorer)
    qtbot.mouseClick(w.right_button, Qt.LeftButton)
    assert w.target.value() == 2
    assert "0.0975" in w.sse_label.text() and "0.5108" in w.ce_label.text()
    qtbot.mouseClick(w.wrong_button, Qt.LeftButton)
    assert "0.5975" in w.sse_label.text() and "2.3026" in w.ce_label.text()
    assert "0.5" in w.sse_label.text() and "not a mean" in w.sse_label.text()
    np.testing.assert_allclose(w.marker.getData()[0], [0.1])  # y of the target class on −log(y)


def test_losses_update_live_when_a_bar_is_dragged(make_explorer):
    w = make_explorer(LossesExplorer)
    w.preset_wrong()
    w.set_bar(2, 0.9)
    assert w.spins[2].value() == pytest.approx(0.9)
    assert f"{-np.log(0.9 + 1e-7):.4f}" in w.ce_label.text()
    w.target.setValue(7)
    assert f"{-np.log(0.6 + 1e-7):.4f}" in w.ce_label.text()
    np.testing.assert_allclose(w.target_bar.opts["x"], [7])


def test_losses_drag_with_the_mouse(qtbot, make_explorer):
    w = make_explorer(LossesExplorer)
    w.show()
    qtbot.waitExposed(w)
    w.preset_right()
    vb = w.view_box
    scene_pos = vb.mapViewToScene(QPointF(5.0, 0.7))
    view_pos = w.bar_plot.mapFromScene(scene_pos)
    qtbot.mouseClick(w.bar_plot.viewport(), Qt.LeftButton, pos=view_pos)
    assert w.spins[5].value() == pytest.approx(0.7, abs=0.02)


def test_losses_normalise(make_explorer):
    w = make_explorer(LossesExplorer)
    w.set_prediction([0.2] * 10)
    w.normalise()
    assert w.prediction().sum() == pytest.approx(1.0, abs=1e-3)


def test_activation_legend_never_covers_the_step_note(qtbot, make_explorer):
    w = make_explorer(ActivationsExplorer)
    w.resize(1000, 700)
    w.show()
    for name in w.shown:  # every function and every derivative: the tallest legend
        w.shown[name].setChecked(True)
        w.derivative[name].setChecked(True)
    w.refresh()
    qtbot.waitUntil(lambda: len(w.legend.items) == 12)
    for size in ((1000, 700), (760, 560)):
        w.resize(*size)
        qtbot.waitUntil(lambda: not w.legend.sceneBoundingRect().intersects(w.step_note.sceneBoundingRect()))
        assert w.step_note.isVisible()
        view = w.plot.getPlotItem().getViewBox().sceneBoundingRect()
        assert view.contains(w.legend.sceneBoundingRect().topLeft())
