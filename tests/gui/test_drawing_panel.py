"""DrawingPanel: drags predict, empty predicts nothing, unsure says so, images, my digits, saliency."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from nnstudio.core.digits import mydigits
from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.digits.render import render_strokes
from nnstudio.gui.context import AppContext, ModelInfo
from nnstudio.gui.panels.drawing.panel import NO_MODEL, DrawingPanel
from helpers import ellipse, tiny_model, vertical
from test_drawing_helpers import drag, pad_points


def show_panel(qtbot, context, model: ModelInfo) -> DrawingPanel:
    """A DrawingPanel on `context` with `model`, shown at 1200x800."""
    context.set_model(model)
    panel = DrawingPanel(context)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def panel(qtbot, context):
    return show_panel(qtbot, context, ModelInfo(tiny_model(), "tiny test model", "file"))


def label(panel):
    return panel.prediction_label.text()


def test_empty_pad_predicts_nothing(panel, context):
    assert panel.prediction_label.objectName() == "predictionLabel"
    assert panel.bars.objectName() == "probabilityBars"
    assert label(panel) == "" and panel.bars.probabilities() is None
    assert context.drawing is None
    assert "tiny test model" in panel.model_choice.currentText()


def test_drawn_one_and_zero_are_predicted(panel, context):
    drag(panel.pad, pad_points(panel.pad, vertical()))
    assert label(panel) == "1"
    assert panel.bars.probabilities().argmax() == 1
    assert context.drawing is not None and context.drawing.shape == (784,)
    assert panel.preview.input() is not None
    panel.pad.clear()
    assert label(panel) == "" and context.drawing is None and panel.preview.input() is None
    drag(panel.pad, pad_points(panel.pad, ellipse()))
    assert label(panel) == "0"
    assert panel.probability_label.text().startswith("p(0) = ")


def test_prediction_updates_while_drawing(panel, qtbot):
    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    pts = pad_points(panel.pad, vertical())
    QTest.mousePress(panel.pad, Qt.LeftButton, Qt.NoModifier, QPoint(int(pts[0][0]), int(pts[0][1])))
    for x, y in pts[1:]:
        p = QPointF(x, y)
        QApplication.sendEvent(panel.pad, QMouseEvent(QEvent.MouseMove, p, panel.pad.mapToGlobal(p),
                                                      Qt.NoButton, Qt.LeftButton, Qt.NoModifier))
    qtbot.waitUntil(lambda: label(panel) == "1", timeout=1000)  # before the release
    QTest.mouseRelease(panel.pad, Qt.LeftButton, Qt.NoModifier, QPoint(int(pts[-1][0]), int(pts[-1][1])))


def biased_model(**bias) -> MultiLayerNet:
    """A net that ignores the drawing: probabilities from the biases alone (b3=2.0, ...)."""
    b = np.zeros(10)
    for key, value in bias.items():
        b[int(key[1:])] = value
    return MultiLayerNet([784, 10], params={"W1": np.zeros((784, 10)), "b1": b})


def test_a_close_call_says_which_two(panel, context):
    context.set_model(ModelInfo(biased_model(b3=2.0, b9=2.0), "undecided", "file"))
    drag(panel.pad, pad_points(panel.pad, vertical()))
    assert label(panel) == "3 or 9?" or label(panel) == "9 or 3?"
    assert panel.reading.kind == "unsure" and {panel.reading.label, panel.reading.alternative} == {3, 9}
    assert panel.reason_label.text() == "Two digits are almost equally likely."
    assert "p(3) = " in panel.probability_label.text() and "p(9) = " in panel.probability_label.text()
    assert panel.bars.probabilities() is not None  # the bars are still shown
    assert "undecided" in panel.model_choice.currentText()


def test_a_clear_lead_is_a_digit(panel, context):
    context.set_model(ModelInfo(biased_model(b4=2.5, b9=1.0), "biased", "file"))  # p(4) = 0.53, p(9) = 0.12
    drag(panel.pad, pad_points(panel.pad, vertical()))
    assert label(panel) == "4" and panel.reason_label.text() == ""
    assert panel.probability_label.text() == "p(4) = 0.53"


def test_a_network_that_recognises_nothing_says_not_a_digit(panel, context):
    context.set_model(ModelInfo(biased_model(), "flat", "file"))  # p = 0.1 everywhere
    drag(panel.pad, pad_points(panel.pad, vertical()))
    assert label(panel) == "Not a digit"
    assert panel.reason_label.text() == "The network does not recognise any digit in it."
    assert panel.bars.probabilities() is not None


def test_without_a_model(qtbot):
    context = AppContext()
    panel = DrawingPanel(context)
    qtbot.addWidget(panel)
    assert NO_MODEL in panel.model_label.text()
    drag(panel.pad, pad_points(panel.pad, vertical()))
    assert label(panel) == "" and context.drawing is not None  # the input is still shown and published
    assert panel.reason_label.text() == "no model to ask"
    context.set_model(ModelInfo(tiny_model(), "late model", "trained"))
    assert label(panel) == "1" and "late model" in panel.model_choice.currentText()


def test_a_model_of_another_input_size_is_not_used(panel, context):
    context.set_model(ModelInfo(MultiLayerNet([10, 4, 10]), "odd model", "file"))
    assert "does not take 28x28 inputs" in panel.model_label.text()
    drag(panel.pad, pad_points(panel.pad, vertical()))
    assert label(panel) == "" and context.drawing is not None


def test_keys_on_the_panel(panel, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    drag(panel.pad, pad_points(panel.pad, vertical()))
    drag(panel.pad, pad_points(panel.pad, ellipse()))
    panel.saliency_toggle.setFocus()  # focus elsewhere in the panel
    QTest.keyClick(panel.saliency_toggle, Qt.Key_Z, Qt.ControlModifier)
    assert len(panel.pad.strokes()) == 1 and label(panel) == "1"
    QTest.keyClick(panel.saliency_toggle, Qt.Key_Escape)
    assert panel.pad.is_empty() and label(panel) == ""


def test_buttons(panel, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    drag(panel.pad, pad_points(panel.pad, vertical()))
    drag(panel.pad, pad_points(panel.pad, ellipse()))
    qtbot.mouseClick(panel.findChild(QPushButton, "undoButton"), Qt.LeftButton)
    assert len(panel.pad.strokes()) == 1
    qtbot.mouseClick(panel.findChild(QPushButton, "clearButton"), Qt.LeftButton)
    assert panel.pad.is_empty() and label(panel) == ""


def test_saliency_toggle(panel):
    drag(panel.pad, pad_points(panel.pad, vertical()))
    assert panel.preview.saliency() is None
    panel.saliency_toggle.setChecked(True)
    s = panel.preview.saliency()
    assert s is not None and s.shape == (28, 28)
    assert (s[panel.x.reshape(28, 28) == 0] == 0).all() and np.abs(s).max() > 0
    assert "pushed toward 1" in panel.saliency_legend.text()
    panel.saliency_toggle.setChecked(False)
    assert panel.preview.saliency() is None


def save_gray(path, array):
    from PySide6.QtGui import QImage

    a = np.ascontiguousarray(array.astype(np.uint8))
    assert QImage(a.data, a.shape[1], a.shape[0], a.shape[1], QImage.Format_Grayscale8).save(str(path))


def open_and_wait(qtbot, panel, path) -> bool:
    """Open an image (decoded in a worker) and wait for the outcome: True when it is shown."""
    with qtbot.waitSignal(panel.images.finished, timeout=30_000) as blocker:
        assert panel.open_image(path)
    return blocker.args[0]


def test_open_image(panel, qtbot, context, tmp_path, monkeypatch):
    bar = render_strokes([np.array([[150.0, 40.0], [152.0, 260.0]])], 300, width=14)
    save_gray(tmp_path / "one.png", 255 * (1 - bar))
    assert open_and_wait(qtbot, panel, tmp_path / "one.png")
    assert label(panel) == "1" and "one.png" in panel.source_label.text()
    assert context.drawing is not None
    assert panel.pad.has_background() and panel.pad.is_empty()  # the photo is shown on the pad
    assert panel.open_image_button.isEnabled()

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: warnings.append(a[2]))
    (tmp_path / "notes.txt").write_text("hello")
    assert not open_and_wait(qtbot, panel, tmp_path / "notes.txt")
    assert warnings == ["notes.txt: not an image"]
    assert label(panel) == "1" and "one.png" in panel.source_label.text()  # the previous result stays
    save_gray(tmp_path / "blank.png", np.full((40, 40), 255))
    assert not open_and_wait(qtbot, panel, tmp_path / "blank.png")
    assert "no ink" in warnings[-1] and len(warnings) == 2
    drag(panel.pad, pad_points(panel.pad, ellipse()))  # drawing replaces the image
    assert label(panel) == "0" and panel.source_label.text() == ""
    assert not panel.pad.has_background()


def test_image_is_decoded_off_the_gui_thread_one_at_a_time(panel, qtbot, tmp_path, monkeypatch):
    import threading

    from nnstudio.gui.panels.drawing import opener

    bar = render_strokes([np.array([[50.0, 10.0], [50.0, 90.0]])], 100, width=8)
    save_gray(tmp_path / "one.png", 255 * bar)
    release, threads = threading.Event(), []
    real_read = opener.read_image

    def held_read(path):
        threads.append(threading.get_ident())  # not current_thread(): no dummy Thread
        release.wait(60)
        return real_read(path)

    monkeypatch.setattr(opener, "read_image", held_read)
    assert panel.open_image(tmp_path / "one.png")
    qtbot.waitUntil(lambda: len(threads) == 1, timeout=30_000)
    assert threads[0] != threading.main_thread().ident
    assert not panel.open_image_button.isEnabled() and not panel.open_image(tmp_path / "one.png")
    assert label(panel) == ""  # the pad stays usable meanwhile
    with qtbot.waitSignal(panel.images.finished, timeout=30_000):
        release.set()
    assert label(panel) == "1" and panel.open_image_button.isEnabled()

    release.clear()  # drawing while an image is read: the drawing wins, the image is dropped
    assert panel.open_image(tmp_path / "one.png")
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=30_000)
    drag(panel.pad, pad_points(panel.pad, ellipse()))
    assert panel.open_image_button.isEnabled() and not panel.images.busy
    finished = []
    panel.images.finished.connect(finished.append)
    release.set()
    from nnstudio.gui import workers_registry

    qtbot.waitUntil(lambda: not workers_registry.live_threads(), timeout=30_000)
    qtbot.wait(0)
    assert finished == [] and label(panel) == "0" and not panel.pad.has_background()


def test_open_image_dialog(panel, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    bar = render_strokes([np.array([[50.0, 10.0], [50.0, 90.0]])], 100, width=8)
    save_gray(tmp_path / "one.png", 255 * bar)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "one.png"), ""))
    with qtbot.waitSignal(panel.images.finished, timeout=30_000):
        panel.open_image_dialog()
    assert label(panel) == "1"


def test_my_digits(panel, monkeypatch):
    from PySide6.QtWidgets import QToolButton

    box = panel.my_digits
    assert not box.add_buttons[1].isEnabled()  # nothing drawn yet
    drag(panel.pad, pad_points(panel.pad, vertical()))
    box.findChild(QToolButton, "addMyDigit1").click()
    drag(panel.pad, pad_points(panel.pad, ellipse()))
    box.findChild(QToolButton, "addMyDigit6").click()  # a "6" the model reads as 0: a mistake
    x, t = mydigits.load_my_digits()
    assert t.tolist() == [1, 6] and x.shape == (2, 784)
    assert len(mydigits.load_my_strokes(0)) == 1  # the strokes on the pad when it was added
    assert len(mydigits.load_my_strokes(1)) == 2
    assert "2 kept" in box.counts_label.text()
    assert "1 of 2 right" in box.score_label.text()
    assert box.grid.captions == ["1", "6→0"]

    panel.pad.clear()
    box._on_clicked(1)  # as a click on the grid
    assert label(panel) == "0" and len(panel.pad.strokes()) == 2
    box.remove_button.click()
    assert mydigits.load_my_digits()[1].tolist() == [1]

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    box.clear_button.click()
    assert mydigits.load_my_digits() is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    box.clear_button.click()
    assert mydigits.load_my_digits() is None and "No digits" in box.counts_label.text()


def test_damaged_my_digits_file_is_reported(qtbot, context):
    path = mydigits.my_digits_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"junk")
    panel = DrawingPanel(context)
    qtbot.addWidget(panel)
    assert "damaged or invalid my-digits file" in panel.my_digits.score_label.text()


def test_export_plot(panel, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog

    drag(panel.pad, pad_points(panel.pad, vertical()))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out"), ""))
    assert panel.export_plot()
    image = QImage(str(tmp_path / "out.png"))
    assert not image.isNull() and image.width() > 600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert not panel.export_plot(tmp_path / "missing-folder" / "x.png")
    assert len(warnings) == 1 and warnings[0].startswith("Could not save x.png: ")


def test_in_the_main_window(main_window):
    panel = main_window.panels["drawingPanel"]
    assert isinstance(panel, DrawingPanel)
    assert panel.objectName() == "drawingPanel"


# ---------------------------------------------------------------------- the bundled model
@pytest.fixture
def bundled_panel(qtbot, context):
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.paths import default_model_path

    path = default_model_path()
    if not path.exists():
        pytest.skip("resources/models/default.npz is not there yet")
    network, meta = load_model(path)
    return show_panel(qtbot, context, ModelInfo(network, "bundled default model", "bundled", path, meta))


def test_bundled_model_reads_a_drawn_one(bundled_panel):
    drag(bundled_panel.pad, pad_points(bundled_panel.pad, vertical()))
    assert label(bundled_panel) == "1"


def test_bundled_model_reads_a_drawn_zero(bundled_panel):
    drag(bundled_panel.pad, pad_points(bundled_panel.pad, ellipse()))
    assert label(bundled_panel) == "0"


def test_saliency_waits_for_the_stroke_to_end(panel, qtbot):
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    panel.saliency_toggle.setChecked(True)
    pts = pad_points(panel.pad, vertical())
    QTest.mousePress(panel.pad, Qt.LeftButton, Qt.NoModifier, QPointF(*pts[0]).toPoint())
    for x, y in pts[1:]:
        p = QPointF(x, y)
        QApplication.sendEvent(panel.pad, QMouseEvent(QEvent.MouseMove, p, panel.pad.mapToGlobal(p),
                                                      Qt.NoButton, Qt.LeftButton, Qt.NoModifier))
    qtbot.waitUntil(lambda: label(panel) == "1", timeout=1000)  # read while drawing...
    assert panel.preview.input() is not None and panel.preview.saliency() is None  # ...not tinted yet
    QTest.mouseRelease(panel.pad, Qt.LeftButton, Qt.NoModifier, QPointF(*pts[-1]).toPoint())
    assert panel.preview.saliency() is not None and "pushed toward 1" in panel.saliency_legend.text()
