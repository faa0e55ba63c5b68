"""The Chinese interface: the translation files, the language choice, switching at run time, and no
English left in the converted panels under zh_CN (tests/gui/i18n_walk.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from i18n_walk import english_left, english_words  # tests/gui/i18n_walk.py

from nnstudio.gui import i18n
from nnstudio.paths import concepts_dir, i18n_dir

TS = i18n_dir() / "nnstudio_zh_CN.ts"
QM = i18n_dir() / "nnstudio_zh_CN.qm"
TOOLS = Path(sys.executable).parent  # pyside6-lupdate and pyside6-lrelease live beside python
PLACEHOLDER = re.compile(r"\{[^{}]*\}")

# The main window's parts not converted yet, by objectName: phase 2 (briefs/i18n_phase2.md) deletes
# each line as it converts that part. Everything else in the window must read as Chinese.
NOT_YET_CONVERTED: set[str] = set()  # phase 2 converted every part


@pytest.fixture
def chinese(qapp):
    """The interface in Simplified Chinese for one test (English again afterwards: the translators
    are the whole process's)."""
    assert i18n.apply_language(i18n.CHINESE) == i18n.CHINESE
    yield
    i18n.apply_language(i18n.ENGLISH)
    qapp.processEvents()


def messages():
    """(context, source, translation element) of every message in the .ts."""
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


# ---------------------------------------------------------------------- the translation files
def test_ts_is_complete_with_nothing_unfinished_or_obsolete():
    found = list(messages())
    assert len(found) > 300
    bad = [(c, s, t.get("type")) for c, s, t in found if t.get("type") in ("unfinished", "obsolete", "vanished")]
    assert not bad
    assert not [(c, s) for c, s, t in found if not (t.text or "").strip()]


def test_translations_keep_every_placeholder_and_mnemonic():
    for context, source, translation in messages():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text)), source
        if context == "Menus" and "&" in source:
            assert re.search(r"\(&[A-Z]\)", translation.text), (source, translation.text)
        assert translation.text.count("<b>") == source.count("<b>"), source


def test_every_translation_is_chinese():
    """A translation with no Chinese character was left in English by mistake (names excepted)."""
    english = [(c, s) for c, s, t in messages() if not re.search(r"[\u4e00-\u9fff]", t.text)
               and english_words(t.text)]
    assert not english


def _tool(name):
    path = TOOLS / name
    if not path.exists():
        path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return str(path)


def test_ts_has_every_text_of_the_sources(tmp_path):
    """`make translations` was run after the last change of a translatable text."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    gui = Path(__file__).resolve().parents[2] / "nnstudio" / "gui"
    subprocess.run([_tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete",
                    str(gui), "-ts", str(copy)], check=True, capture_output=True)
    fresh = {(c, s) for c, s, _t in _messages_of(copy)}
    committed = {(c, s) for c, s, _t in messages()}
    assert fresh == committed, ("run make translations", fresh ^ committed)


def _messages_of(path):
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


def test_qm_is_built_from_the_ts(tmp_path):
    out = tmp_path / "built.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run make translations"


def test_core_texts_shown_in_the_gui_are_marked_for_translation():
    from nnstudio.core.nn.config import SAMPLING
    from nnstudio.core.nn.network import INITS
    from nnstudio.core.nn.presets import PRESETS
    from nnstudio.gui.names import DESCRIPTIONS

    core = [p.description for p in PRESETS.values()] + list(INITS.values()) + list(SAMPLING.values())
    assert [text for text in core if text not in DESCRIPTIONS] == []


def test_every_explainer_has_a_chinese_text():
    english = sorted(p.name for p in concepts_dir().glob("*.md"))
    assert english and english == sorted(p.name for p in (concepts_dir() / "zh_CN").glob("*.md"))


# ---------------------------------------------------------------------- choosing the language
@pytest.mark.parametrize("locale, expected", [("en_US", "en"), ("en_GB", "en"), ("de_DE", "en"), ("C", "en"),
                                              ("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("zh_SG", "zh_CN")])
def test_the_system_locale_picks_the_default(locale, expected):
    from PySide6.QtCore import QLocale

    assert i18n.resolve(i18n.SYSTEM, QLocale(locale)) == expected
    assert i18n.resolve(i18n.ENGLISH, QLocale("zh_CN")) == "en"
    assert i18n.resolve(i18n.CHINESE, QLocale("en_US")) == "zh_CN"


@pytest.mark.parametrize("lang, expected", [("en_US.UTF-8", "en"), ("zh_CN.UTF-8", "zh_CN")])
def test_a_fresh_app_follows_the_environment_locale(lang, expected):
    """In a new process (Qt reads the locale once): English under an English locale."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    env.update(LANG=lang, LC_ALL=lang, QT_QPA_PLATFORM="offscreen")
    code = ("from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from nnstudio.gui import i18n; from PySide6.QtCore import QCoreApplication; "
            "print(i18n.apply_language('system', app), QCoreApplication.translate('Menus', '&File'))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2]).stdout.split()
    assert out == [expected, "&File" if expected == "en" else "文件(&F)"]


def test_language_menu_switches_at_run_time_and_is_saved(main_window, qtbot, qapp):
    from nnstudio.gui import settings

    file_menu = main_window.menuBar().actions()[0]
    assert i18n.active_language() == i18n.ENGLISH  # English until a translator is installed
    assert file_menu.text() == "&File" and main_window.side_list.item(0).text() == "Training"
    try:
        chinese = main_window.findChild(type(main_window.open_model_action), "language_zh_CN_Action")
        chinese.trigger()
        qtbot.waitUntil(lambda: file_menu.text() == "文件(&F)", timeout=5000)
        assert settings.read_str(settings.LANGUAGE) == "zh_CN"
        assert main_window.open_model_action.text() == "打开模型(&O)…"
        assert main_window.side_list.item(0).text() == "训练"
        concepts = main_window.panels["conceptsPanel"]
        assert concepts.tabs.tabText(0) == "激活函数"  # the panels' retranslate() ran too
        assert "阶跃函数" in concepts.explorers["activations"].explainer.toPlainText()  # the Chinese explainer
        main_window.findChild(type(chinese), "language_en_Action").trigger()
        qtbot.waitUntil(lambda: file_menu.text() == "&File", timeout=5000)
        assert concepts.tabs.tabText(0) == "Activations"
        assert "Activation functions" in concepts.explorers["activations"].explainer.toPlainText()
    finally:
        i18n.apply_language(i18n.ENGLISH)
        qapp.processEvents()


def test_numbers_keep_the_decimal_point_under_chinese(chinese, qtbot):
    from PySide6.QtWidgets import QDoubleSpinBox

    box = QDoubleSpinBox(decimals=4, maximum=100_000.0, value=1234.5)
    qtbot.addWidget(box)
    assert float(box.text().replace(",", "")) == 1234.5 and "." in box.text()


# ---------------------------------------------------------------------- no English left under zh_CN
def _wait_for_dataset(window, qtbot):
    window.context.ensure_dataset()
    qtbot.waitUntil(lambda: window.context.dataset is not None, timeout=120_000)


def test_no_english_left_in_the_converted_panels(chinese, main_window, qtbot):
    """Every converted panel and tab, shown in turn, in the states a user sees first."""
    window = main_window
    window.resize(1024, 768)
    window.show()
    _wait_for_dataset(window, qtbot)
    left = english_left(window.menuBar(), NOT_YET_CONVERTED) + english_left(window.statusBar(), NOT_YET_CONVERTED)
    for row, name in enumerate(window.panels):
        if name in NOT_YET_CONVERTED:
            continue
        window.side_list.setCurrentRow(row)
        panel = window.panels[name]
        tabs = getattr(panel, "tabs", None)
        for i in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(i)
            qtbot.wait(50)  # (a repaint: pyqtgraph lays out titles and legends when shown)
            left += english_left(panel, NOT_YET_CONVERTED)
    left += english_left(window, NOT_YET_CONVERTED | set(window.panels))  # the side list, the window's own
    assert not left, "\n".join(left)


def test_no_english_left_in_the_explorers_other_states(chinese, main_window, qtbot):
    concepts = main_window.panels["conceptsPanel"]
    perceptron = concepts.explorers["perceptron"]
    left = []
    for gate in ("XOR", "AND"):
        perceptron.target.setCurrentText(gate)
        perceptron.xor_build.setCurrentIndex(1)
        left += english_left(perceptron)
    concepts.explorers["softmax"].show_overflow_demo()
    activations = concepts.explorers["activations"]
    activations.x_min.setValue(10.0)  # the range error
    losses = concepts.explorers["losses"]
    losses.set_prediction([0.5] * 10)  # not a distribution
    for explorer in (concepts.explorers["softmax"], activations, losses):
        left += english_left(explorer)
    assert not left, "\n".join(left)


def test_no_english_left_in_the_descent_panel_in_its_states(chinese, main_window, qtbot):
    """The descent panel after a preset's race (four optimizers, velocities and step sizes), a diverging
    run, a hover read-out, a typed formula, a formula error, nothing ticked, a bad learning rate, the log
    scale, and the other two tabs at another function and point."""
    panel = main_window.panels["descentPanel"]
    pg = panel.playground
    left = []

    def run_preset(index):
        with qtbot.waitSignal(pg.runs_finished, timeout=60_000):
            pg.apply_preset(list(PRESETS)[index])

    from nnstudio.gui.panels.descent.controls import PRESETS

    run_preset(3)  # the book's comparison
    pg.log_check.setChecked(True)
    pg._on_hover(1.0, 2.0)
    left += english_left(pg)
    run_preset(1)  # lr 10 diverges
    left += english_left(pg)
    pg.function_combo.setCurrentIndex(pg.function_combo.findData("saddle"))
    pg.single_step()
    left += english_left(pg)
    assert pg.set_expression("sin(x0)*cos(x1) + 0.1*x0**2")
    pg.single_step()
    left += english_left(pg)
    for bad in ("x0 ^ 2", "q + x0",  # (a name typed is shown as typed)
                "x0 < 1", "sin(x0, x1)", "x0 +"):
        assert not pg.set_expression(bad)
        left += english_left(pg)
    pg.reset()
    pg.optimizers.set_state(checked=set())
    pg.single_step()  # nothing ticked
    pg.optimizers.edits["sgd"].setText("abc")
    pg.optimizers.decay_edits["adam", "beta1"].setText("2")
    pg.optimizers._on_edit()
    left += english_left(pg)
    panel.diff.set_function("sin")
    panel.partials.set_point(-1.5, 2.0)
    left += english_left(panel.diff) + english_left(panel.partials)
    assert not left, "\n".join(left)


def _hover_first_map(grid):
    """Move the mouse over the first tile of a MapGrid (its read-out names the tile and the value)."""
    from PySide6.QtCore import QPointF

    grid._on_mouse_moved(grid.plot.vb.mapViewToScene(QPointF(0.5, 0.5)))


def test_no_english_left_in_weights_and_evaluate_with_an_mlp_and_a_conv_model(main_window, qtbot, qapp):
    """Weights (every tab, a clicked tile, a hovered filter and map, the empty pad as input) and
    Data ▸ Evaluate before and after evaluating (and one confusion-matrix cell), for the bundled MLP
    and a small conv net; the status bar's model label for both. The MLP's views are drawn in English
    first: switching to Chinese then retranslates what they show (View ▸ Language at run time)."""
    try:
        _weights_and_evaluate_in_chinese(main_window, qtbot, qapp)
    finally:
        i18n.apply_language(i18n.ENGLISH)
        qapp.processEvents()


def test_the_drawing_panel_switches_language_live_in_each_of_its_states(main_window, qtbot, qapp):
    """The pad in its states (a digit kept in my digits, with saliency; "3 or 9?"; not a digit; a
    model of another input size; an opened image; teaching's outcomes), drawn under English and
    switched to Chinese while shown: no English left, and back to English again."""
    from helpers import ellipse, vertical
    from test_drawing_helpers import drag, pad_points

    from nnstudio.core.digits.finetune import FinetuneResult
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.gui.context import ModelInfo
    from nnstudio.gui.model_files import BUNDLED_NAME
    from nnstudio.gui.panels.drawing.models import BUNDLED_DEFAULT

    assert BUNDLED_DEFAULT == BUNDLED_NAME  # the pad translates the bundled default model's name

    def biased(**bias):  # probabilities from the biases alone, whatever is drawn
        b = np.zeros(10)
        for digit, value in bias.items():
            b[int(digit[1:])] = value
        return MultiLayerNet([784, 10], params={"W1": np.zeros((784, 10)), "b1": b})

    window, context = main_window, main_window.context
    window.resize(1024, 768)
    window.show()
    window.side_list.setCurrentRow(list(window.panels).index("drawingPanel"))
    panel = window.panels["drawingPanel"]
    pad, box, teach = panel.pad, panel.my_digits, panel.teach
    left = []

    def check(state):
        qapp.processEvents()
        left.extend(f"{state}: {line}" for line in english_left(panel))

    try:
        check("empty, English")  # (only a smoke run: English is allowed here)
        left.clear()
        drag(pad, pad_points(pad, vertical()))
        box.add_buttons[1].click()
        drag(pad, pad_points(pad, ellipse()))
        box.add_buttons[6].click()
        panel.saliency_toggle.setChecked(True)
        assert panel.prediction_label.text() == "0" and "pushed toward 0" in panel.saliency_legend.text()
        assert i18n.apply_language(i18n.CHINESE) == i18n.CHINESE
        qapp.processEvents()
        assert "推向 0" in panel.saliency_legend.text() and "已保存 2 个" in box.counts_label.text()
        check("a digit, two kept")
        box._on_clicked(1)  # select a kept digit: "Remove #2 (6)"
        check("a kept digit selected")

        context.set_model(ModelInfo(biased(b3=2.0, b9=2.0), "犹豫的模型", "file"))
        drag(pad, pad_points(pad, vertical()))
        assert panel.prediction_label.text() in ("3 还是 9？", "9 还是 3？")
        check("3 or 9?")
        context.set_model(ModelInfo(biased(), "平的模型", "file"))
        drag(pad, pad_points(pad, vertical()))
        assert panel.prediction_label.text() == "不是数字"
        check("not a digit")

        teach._base = (panel.network(), panel.model_name(), panel.choice())
        for kept, reason in ((False, "mnist_dropped"), (False, "diverged"), (True, "")):
            teach._on_result(FinetuneResult(panel.network(), 0.5, 0.9, 0.98, 0.9 if reason else 0.979,
                                            2, 2000, 30, kept, reason))
            check(f"taught: {reason or 'kept'}")
        assert "我的笔迹" in context.model.name
        teach.undo()
        check("teaching undone")

        panel._on_image_opened("手写的七", np.zeros((28, 28, 4), np.uint8), panel.x, None)
        assert panel.source_label.text().startswith("正在显示 手写的七")
        check("an opened image")
        context.set_model(ModelInfo(MultiLayerNet([10, 4, 10]), "十个输入的模型", "file"))
        check("a model of another input size")
        assert not left, "\n".join(left)

        context.set_model(ModelInfo(biased(), "flat", "file"))
        drag(pad, pad_points(pad, vertical()))
        i18n.apply_language(i18n.ENGLISH)
        qapp.processEvents()
        assert panel.prediction_label.text() == "Not a digit" and panel.clear_button.text() == "Clear"
        assert "Undone" in teach.result_label.text() and box.title() == "My digits"
    finally:
        i18n.apply_language(i18n.ENGLISH)
        qapp.processEvents()


def _weights_and_evaluate_in_chinese(main_window, qtbot, qapp):
    from nnstudio.core.nn.sequential import SequentialNet
    from nnstudio.gui.context import ModelInfo
    from nnstudio.gui.panels.weights.panel import FIRST

    window = main_window
    window.resize(1024, 768)
    window.show()
    _wait_for_dataset(window, qtbot)
    context, weights, data = window.context, window.panels["weightsPanel"], window.panels["dataPanel"]
    evaluate = data.evaluate
    from helpers import bundled_mlp_info

    import dataclasses

    from nnstudio.gui.model_files import BUNDLED_NAME

    # The default model is a conv net: the MLP's views are drawn from the bundled MLP, named as the
    # bundled model is (the status bar's translated name is checked below).
    mlp = dataclasses.replace(bundled_mlp_info(), name=BUNDLED_NAME, source="bundled", path=None)
    context.set_model(mlp)
    conv = ModelInfo(SequentialNet("conv 4 3x3, pool 2, dense 10", rng=0), "小卷积网络", "file")  # (a name of no Latin)
    window.side_list.setCurrentRow(list(window.panels).index("weightsPanel"))
    for i in range(weights.tabs.count()):  # drawn in English first
        weights.tabs.setCurrentIndex(i)
        weights.redraw()
    weights.first.show_unit(3)
    window.side_list.setCurrentRow(list(window.panels).index("dataPanel"))
    data.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: evaluate.result is not None and evaluate.worker is None, timeout=120_000)
    evaluate.show_cell(3, 5)
    assert "Test accuracy" in evaluate.accuracy_label.text() and "Model:" in window.model_label.text()
    i18n.apply_language(i18n.CHINESE)
    qapp.processEvents()
    assert "测试识别精度" in evaluate.accuracy_label.text() and "真实 3，预测 5" in evaluate.gallery_title.text()
    assert window.model_label.text().startswith("模型：内置默认模型")
    assert weights.tabs.tabText(0) == "第一层（块）" and "第 1 层" in weights.first.detail.title.text()
    left = []
    for info in (mlp, conv):
        context.set_model(info)
        window.side_list.setCurrentRow(list(window.panels).index("weightsPanel"))
        for i in range(weights.tabs.count()):
            if weights.tabs.isTabVisible(i):
                weights.tabs.setCurrentIndex(i)
                weights.redraw()
                qtbot.wait(50)  # (a repaint: pyqtgraph lays out titles and legends when shown)
                left += english_left(weights)
        if info is mlp:
            weights.tabs.setCurrentIndex(FIRST)
            weights.first.show_unit(3)
        else:
            _hover_first_map(weights.filters.grid)
            _hover_first_map(weights.features.grid)
            left += [t for t in weights.features.grid.names if english_words(t)]
        weights.activations.use_drawing(True)  # the pad is empty: the view says so
        weights.features.from_drawing.setChecked(True)
        left += english_left(weights) + english_left(window.statusBar())
        weights.activations.use_drawing(False)
        window.side_list.setCurrentRow(list(window.panels).index("dataPanel"))
        data.tabs.setCurrentIndex(1)  # Evaluate starts evaluating when shown
        left += english_left(evaluate)
        qtbot.waitUntil(lambda: evaluate.result is not None and evaluate.worker is None
                        and evaluate.evaluated[0] is info, timeout=120_000)
        qtbot.wait(50)
        left += english_left(evaluate)
        evaluate.show_cell(3, 5)
        left += english_left(evaluate)
    assert not left, "\n".join(left)


def test_no_english_left_in_the_gradient_check_after_a_check(chinese, main_window, qtbot):
    explorer = main_window.panels["conceptsPanel"].explorers["gradcheck"]
    explorer.images.setValue(1)
    left = []
    for kind in ("mlp", "conv"):
        explorer.network_kind.setCurrentIndex(explorer.network_kind.findData(kind))
        explorer.start()
        qtbot.waitUntil(lambda: explorer.result is not None and explorer.run_button.isEnabled(), timeout=120_000)
        left += english_left(explorer)
    assert "误差反向传播法是正确的" in explorer.timing.text() and explorer.status.text().startswith("完成")
    assert not left, "\n".join(left)


def test_no_english_left_in_the_shared_widgets(chinese, qtbot):
    """Widgets of panels still to convert (training, weights, evaluate), filled as they fill them."""
    from nnstudio.gui.panels.data.confusion import ConfusionMatrixView
    from nnstudio.gui.panels.data.gallery import GalleryView
    from nnstudio.gui.widgets.heatmap import HeatmapWidget
    from nnstudio.gui.widgets.image_grid import ImageGrid
    from nnstudio.gui.widgets.live_curve import LivePlot
    from nnstudio.gui.widgets.param_form import ParamForm
    from nnstudio.gui.widgets.tile_mosaic import TileMosaic
    from nnstudio.gui.widgets.unit_detail import UnitDetail

    rng = np.random.default_rng(0)
    form, mosaic, detail, grid = ParamForm(), TileMosaic(), UnitDetail(), ImageGrid(4, 2)
    heatmap, plot, confusion, gallery = HeatmapWidget(), LivePlot("", ""), ConfusionMatrixView(), GalleryView()
    for w in (form, mosaic, detail, grid, heatmap, plot, confusion, gallery):
        qtbot.addWidget(w)
    mosaic.set_weights(rng.normal(size=(784, 300)))
    detail.show_unit(3, rng.normal(size=784), rng.normal(size=10), list(range(10)), "数字",
                     rng.random((4, 784)), [1, 2, 3, 4], [0.9, 0.8, 0.7, 0.6], layer_name="第 1 层")
    grid.set_images(rng.random((20, 784)))
    matrix = np.diag(np.full(10, 90)) + 1
    confusion.set_matrix(matrix)
    heatmap.set_matrix(rng.normal(size=(3, 4)))
    heatmap.hover_cell(1, 2)
    texts = [heatmap.hover_text, confusion.cell_text(3, 5), confusion.cell_text(2, 2), grid.tooltip(0)]
    form.set_preset("nielsen-ch1")
    left = [t for t in texts if english_words(t)]
    for w in (form, mosaic, detail, grid, heatmap, plot, gallery):
        left += english_left(w)
    assert not left, "\n".join(left)


def test_run_labels_and_messages_outside_qobjects_translate(chinese, tmp_path):
    from nnstudio.core.nn.config import TrainConfig
    from nnstudio.gui.image_reader import ImageReadError, read_image
    from nnstudio.gui.run_history import RunHistory
    from nnstudio.gui.saving import save_error_text

    run = RunHistory().new_run(TrainConfig(), "book-twolayer", 600, 1000)
    assert run.label == "第 1 次运行（《深度学习入门》两层网络，运行中）"
    with pytest.raises(ImageReadError, match="找不到文件"):
        read_image(tmp_path / "none.png")
    assert save_error_text(tmp_path / "a.png", OSError(28, "No space left on device")).startswith("无法保存 a.png")
