"""The pad reads drags as a user makes them: digits of several style families, "Not a digit" for a
star, a line, a dot and a row of digits, a tiny drag not blown up into a 1, a stroke dragged past
the edge kept, and which model reads the pad switched without retraining."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.gui.context import AppContext, ModelInfo
from nnstudio.gui.panels.drawing.panel import DrawingPanel
from pad_shapes import CLEAN_DIGITS, HARD_DIGITS, NOT_DIGITS, fit, seven_plain, tiny_stroke
from test_drawing_helpers import drag, pad_points

pytestmark = pytest.mark.usefixtures("one_blas_thread")


@pytest.fixture(scope="module")
def bundled():
    """The bundled models by key ("conv", "mlp"): (network, meta)."""
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.paths import BUNDLED_MODELS

    return {key: load_model(path) for key, path in BUNDLED_MODELS.items()}


def make_panel(qtbot, context, size=(1100, 780)) -> DrawingPanel:
    panel = DrawingPanel(context)
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def panel(qtbot, context, bundled):
    """The drawing panel with the app's bundled default as the current model, as at start."""
    network, meta = bundled["conv"]
    context.set_model(ModelInfo(network, "bundled default model", "bundled", None, meta))
    return make_panel(qtbot, context)


def draw(panel, strokes) -> None:
    panel.pad.clear()
    for stroke in strokes:
        drag(panel.pad, pad_points(panel.pad, stroke))


@pytest.mark.parametrize("name", [*CLEAN_DIGITS, *HARD_DIGITS])
def test_digits_of_each_style_family_are_read(panel, name):
    shape, digit = {**CLEAN_DIGITS, **HARD_DIGITS}[name]
    for height in (170, 210):  # 60-75% of the pad's height
        draw(panel, fit(shape(), height))
        assert panel.prediction_label.text() == str(digit), f"{name} at {height}: {panel.reason_label.text()}"
        assert panel.reading.kind == "digit" and panel.reason_label.text() == ""
        assert panel.bars.probabilities().argmax() == digit


@pytest.mark.parametrize("name", list(NOT_DIGITS))
def test_non_digits_say_not_a_digit_and_why(panel, name):
    draw(panel, NOT_DIGITS[name]())
    assert panel.prediction_label.text() == "Not a digit"
    assert panel.reading.kind == "not_digit" and panel.reading.label is None
    why = panel.reason_label.text()
    assert why and why == panel.verdict.reason_text(panel.reading.reason)
    assert panel.bars.probabilities() is not None  # the bars still show what the network thought
    assert panel.probability_label.text().startswith("best guess ")


def test_each_reason_has_its_own_words(qtbot):
    from nnstudio.core.digits.reading import READING_REASONS
    from nnstudio.gui.panels.drawing.verdict import VerdictView

    view = VerdictView()
    qtbot.addWidget(view)
    texts = {key: view.reason_text(key) for key in READING_REASONS if key}
    assert len(set(texts.values())) == len(texts) and all(texts.values())
    assert view.reason_text("some_new_key") == "Some_new_key."  # an unknown key still says something


def test_a_tiny_drag_is_not_read_as_a_one(panel):
    draw(panel, tiny_stroke())
    assert panel.prediction_label.text() != "1"
    assert panel.reading.kind == "not_digit" and panel.reading.reason == "tiny"
    assert "larger" in panel.reason_label.text()
    rows = np.flatnonzero(panel.x.reshape(28, 28).max(axis=1) > 0.1)
    assert rows[-1] - rows[0] + 1 < 10  # the network sees a speck, not a bar across the box


def test_a_stroke_dragged_past_the_edge_is_kept(panel):
    strokes = fit(seven_plain(), 250, cy=200)  # its foot 45 logical pixels below the pad
    draw(panel, strokes)
    kept = np.concatenate(panel.pad.strokes())
    assert kept[:, 1].max() > 300  # not clamped onto the edge at 280
    assert panel.pad.edges_crossed() == {"bottom"} and panel.pad.off_canvas()
    assert panel.prediction_label.text() == "7"
    inside = panel.pad.grab()  # drawing past the edge paints only on the canvas, with the note
    assert not inside.isNull()
    panel.pad.clear()
    assert not panel.pad.off_canvas()


def test_the_model_is_visible_and_switches_without_retraining(panel, context, bundled):
    from nnstudio.gui.panels.drawing.models import PadModelChoice

    choice = panel.findChild(PadModelChoice, "padModelChoice")
    assert choice is panel.model_choice and choice.choice() == "current"
    assert "bundled default model" in choice.currentText()
    draw(panel, fit(seven_plain(), 190))
    assert panel.prediction_label.text() == "7"
    for key in ("mlp", "conv"):
        choice.setCurrentIndex(choice.findData(key))
        network, _ = bundled[key]
        assert panel.choice() == key and panel.model_name() in panel.model_choice.toolTip()
        kind = getattr(network, "arch", None) or "-".join(map(str, network.sizes))
        assert kind in panel.model_label.text()
        assert panel.prediction_label.text() == "7"  # the drawing is read again by the new model
        np.testing.assert_allclose(panel.probabilities, network.probabilities(panel.x[None])[0], rtol=1e-5)
    # a new current model does not replace a bundled choice; choosing "current" shows it
    flat = MultiLayerNet([784, 10], params={"W1": np.zeros((784, 10)), "b1": np.zeros(10)})
    context.set_model(ModelInfo(flat, "run 7", "trained"))
    assert panel.prediction_label.text() == "7" and "run 7" in choice.itemText(choice.findData("current"))
    choice.setCurrentIndex(choice.findData("current"))
    assert panel.prediction_label.text() == "Not a digit"  # run 7 recognises nothing
    assert "run 7" in panel.model_choice.currentText() and "784-10" == panel.model_label.text()


def test_conv_models_predict_and_show_saliency_on_the_pad(qtbot, context):
    from nnstudio.core.digits.saliency import saliency
    from nnstudio.core.nn.sequential import SequentialNet

    conv = SequentialNet("conv 4 3x3, pool 2, dense 10", rng=0)
    try:
        saliency(conv, np.full(784, 0.5, np.float32))
    except Exception:  # noqa: BLE001 - core/digits/saliency.py learns conv nets on branch convgui
        pytest.skip("saliency for conv nets is not in this branch yet")
    context.set_model(ModelInfo(conv, "conv run", "trained"))
    panel = make_panel(qtbot, context)
    draw(panel, fit(seven_plain(), 190))
    assert panel.bars.probabilities() is not None and "conv 4 3x3" in panel.model_label.text()
    panel.saliency_toggle.setChecked(True)
    s = panel.preview.saliency()
    assert s is not None and np.abs(s).max() > 0


def test_an_unreadable_bundled_model_is_greyed_out(panel, monkeypatch, tmp_path):
    from nnstudio import paths

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    (tmp_path / "broken.npz").write_bytes(b"not a model")
    monkeypatch.setitem(paths.BUNDLED_MODELS, "mlp", tmp_path / "broken.npz")
    choice = panel.model_choice
    choice.setCurrentIndex(choice.findData("mlp"))
    assert len(warnings) == 1 and "broken.npz" in warnings[0]
    assert choice.choice() == "current" and not choice.model().item(choice.findData("mlp")).isEnabled()
    draw(panel, fit(seven_plain(), 190))
    assert panel.prediction_label.text() == "7"


@pytest.mark.parametrize("size", [(1024, 768), (1400, 900)])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_panel_fits_in_the_window(main_window, qtbot, qapp, size, language):
    from fit import clipped_children
    from test_fit import settle

    from nnstudio.gui import i18n

    i18n.apply_language(language)
    try:
        _check_the_panel_fits(main_window, qtbot, size, clipped_children, settle)
    finally:
        i18n.apply_language(i18n.ENGLISH)
        qapp.processEvents()


def _check_the_panel_fits(main_window, qtbot, size, clipped_children, settle):
    from nnstudio.core.digits.finetune import FinetuneResult

    main_window.resize(*size)
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.side_list.setCurrentRow(list(main_window.panels).index("drawingPanel"))
    panel = main_window.panels["drawingPanel"]
    qtbot.waitUntil(panel.isVisible)
    for name in ("star", "row of digits"):
        draw(panel, NOT_DIGITS[name]())
        settle(qtbot, main_window)
        assert panel.reading.kind == "not_digit"
        assert clipped_children(panel) == []
    panel.model_choice.setCurrentIndex(panel.model_choice.findData("mlp"))
    draw(panel, fit(seven_plain(), 190))
    settle(qtbot, main_window)
    assert clipped_children(panel) == []
    panel.my_digits.add_buttons[7].click()  # a kept digit: the score line; saliency: its legend
    panel.saliency_toggle.setChecked(True)
    settle(qtbot, main_window)
    assert clipped_children(panel) == []
    scroll = panel.parentWidget().parentWidget()  # (the PanelScroll's viewport's)
    upper = panel.upper
    assert upper.height() >= upper.minimumSizeHint().height()  # the pad's column is never squeezed
    assert not scroll.verticalScrollBar().isVisible()  # all of it on a 1024x768 screen
    teach = panel.teach  # teaching's outcome: two or three lines (the panel may scroll, never squeeze)
    teach._base = (panel.network(), panel.model_name(), panel.choice())
    teach._on_result(FinetuneResult(panel.network(), 0.5, 0.9, 0.9812, 0.9701, 9, 2000, 30, False, "mnist_dropped"))
    settle(qtbot, main_window)
    assert clipped_children(panel) == [] and upper.height() >= upper.minimumSizeHint().height()


def test_prediction_does_not_need_the_app(qtbot):
    """A bare AppContext without a model: ink is shown, no verdict, the choice still offers bundled models."""
    context = AppContext()
    panel = make_panel(qtbot, context)
    draw(panel, fit(seven_plain(), 190))
    assert panel.prediction_label.text() == "" and panel.reason_label.text() == "no model to ask"
    panel.model_choice.setCurrentIndex(panel.model_choice.findData("conv"))
    assert panel.prediction_label.text() == "7"


# ---------------------------------------------------------------------- padmodel's simulated writers
PLAIN_STYLES = {0: "oval", 1: "plain", 2: "round", 3: "round", 4: "open", 5: "two", 6: "round", 7: "plain",
                8: "eight", 9: "straight"}


def drag_writer(panel, strokes) -> None:
    """Replay a simulated writer's strokes (canvas pixels, possibly past the edge) as mouse drags."""
    draw(panel, strokes)
    got = panel.pad.strokes()
    assert len(got) == len(strokes)


@pytest.mark.parametrize("digit", range(10))
def test_simulated_writers_dragged_onto_the_pad(panel, digit):
    """Plain writers are read right, on the pad and past its edge; every style reads on the pad as
    the core reads the writer's own points (the pad adds nothing and clamps nothing)."""
    from nnstudio.core.digits import writers
    from nnstudio.core.digits.reading import read_strokes

    rng = np.random.default_rng(1000 + digit)
    for off_pad in (False, True):
        strokes = writers.writer_strokes(digit, rng, PLAIN_STYLES[digit], off_pad=off_pad)
        drag_writer(panel, strokes)
        assert panel.prediction_label.text() == str(digit), (off_pad, panel.reason_label.text())
        # the points as the mouse gave them, wherever they lie (widget pixels: within ~1 canvas px)
        got, sent = np.concatenate(panel.pad.strokes()), np.concatenate(strokes)
        np.testing.assert_allclose([got.min(axis=0), got.max(axis=0)], [sent.min(axis=0), sent.max(axis=0)],
                                   atol=1.5)
        assert not off_pad or sent.min() < 0 or sent.max() > 280  # (those points lie past the edge)
    for style in writers.STYLES[digit]:
        strokes = writers.writer_strokes(digit, rng, style, off_pad=False)
        drag_writer(panel, strokes)
        _, expected = read_strokes(panel.network(), strokes)
        assert (panel.reading.kind, panel.reading.label) == (expected.kind, expected.label), style


@pytest.mark.parametrize("kind", ["scribble", "star", "line", "dot", "row", "tiny"])
def test_simulated_non_digits_are_refused(panel, kind):
    from nnstudio.core.digits import writers

    rng = np.random.default_rng(77)
    refused = 0
    for _ in range(3):
        drag_writer(panel, writers.non_digit_strokes(kind, rng))
        refused += panel.prediction_label.text() == "Not a digit"
        assert panel.prediction_label.text() != "1" or kind != "tiny"
    assert refused >= 2  # (the target: 95% of non-digits refused, measured by bench --handwriting)


def test_the_choice_is_kept_between_sessions(qtbot, context, panel):
    panel.set_choice("mlp")
    panel.save_settings()
    again = make_panel(qtbot, context)
    assert again.choice() == "current"
    again.restore_settings()
    assert again.choice() == "mlp" and again.network() is not None


def test_an_image_of_several_digits_is_not_a_digit(panel, qtbot, tmp_path):
    """The issue's image of "123" read as a confident 0: now "Not a digit", the ink measured in the
    worker that decodes the image."""
    from nnstudio.core.digits.render import render_strokes
    from pad_shapes import row_of_digits
    from test_drawing_panel import open_and_wait, save_gray

    ink = render_strokes(row_of_digits(), 280, width=14)
    save_gray(tmp_path / "123.png", 255 * (1 - ink))  # dark ink on white paper
    assert open_and_wait(qtbot, panel, tmp_path / "123.png")
    assert panel.source == "123.png" and panel.prediction_label.text() == "Not a digit"
    assert panel.reading.reason == "several_marks"
    panel.set_choice("mlp")  # read again with another model: the image's ink measures are kept
    assert panel.source == "123.png" and panel.reading.reason == "several_marks"
