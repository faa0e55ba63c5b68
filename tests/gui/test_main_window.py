"""The main window opens with one page per area."""

from nnstudio.gui.panels import PANELS


def test_main_window_has_every_panel(main_window):
    assert main_window.objectName() == "mainWindow"
    names = [p[0] for p in PANELS]
    assert list(main_window.panels) == names
    assert main_window.side_list.count() == len(PANELS)


def test_side_list_switches_panel(main_window, qtbot):
    main_window.side_list.setCurrentRow(3)
    assert main_window.stack.currentIndex() == 3


# ---------------------------------------------------------------------- menus, files, datasets
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402


@pytest.fixture(autouse=True)
def _file_dialogs_cancel(monkeypatch):
    """A file dialog a test did not expect is cancelled instead of blocking the run."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")


def test_menus_and_shortcuts(main_window):
    menus = [a.text() for a in main_window.menuBar().actions()]
    assert menus == ["&File", "&Training", "&View", "&Help"]
    file_actions = [a.text() for a in main_window.menuBar().actions()[0].menu().actions() if a.text()]
    assert file_actions == ["&Open model…", "&Save model…", "Save model &as…", "E&xport model…",
                            "&Revert to bundled model", "Open &dataset folder…", "Use &bundled MNIST",
                            "&Export plot…", "Open r&un…", "&Quit"]
    assert main_window.save_model_action.shortcut() == QKeySequence("Ctrl+S")
    assert main_window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    panel = main_window.panels["trainingPanel"]
    assert panel.start_pause_action.shortcuts() == [QKeySequence("F5"), QKeySequence("Space")]
    assert panel.stop_action.shortcut() == QKeySequence("Ctrl+.")


def test_view_menu_switches_panels_and_hides_list(main_window):
    main_window.panel_actions.actions()[2].trigger()
    assert main_window.stack.currentIndex() == 2
    main_window.side_list_action.trigger()
    assert main_window.side_list.isHidden()


def test_about_names_mnist_authors_and_licence(main_window, dialogs):
    main_window.about_action.trigger()
    (_, _, text), = dialogs
    for name in ("Yann LeCun", "Corinna Cortes", "Christopher J. C. Burges", "CC BY-SA 3.0"):
        assert name in text


def test_save_and_open_model_round_trip(main_window, qtbot, tmp_path, dialogs):
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.gui.context import ModelInfo

    main_window.context._model = None  # no model at all (the bundled default may exist)
    main_window.save_model()
    assert dialogs and dialogs[-1][0] == "information"
    net = MultiLayerNet([784, 12, 10], rng=np.random.default_rng(0))
    main_window.context.set_model(ModelInfo(net, "run 1 (completed)", "trained", meta={"config": {"lr": 0.1}}))
    assert "run 1 (completed)" in main_window.model_label.text()
    path = tmp_path / "m.npz"
    assert main_window.save_model_to(path) and path.exists()
    main_window.save_model()  # Ctrl+S again: same file, no dialog
    assert len(dialogs) == 1
    with qtbot.waitSignal(main_window.context.model_changed, timeout=30_000) as blocker:
        assert main_window.open_model(path)  # read in a worker: model_changed announces it
    info = main_window.context.model
    assert blocker.args[0] is info
    assert info.source == "file" and info.path == path and info.name == "m.npz"
    assert info.meta["config"] == {"lr": 0.1}
    np.testing.assert_array_equal(info.network.params["W1"], net.params["W1"])
    assert "m.npz" in main_window.model_label.text()
    qtbot.waitUntil(lambda: main_window.open_model_action.isEnabled(), timeout=30_000)


def test_save_as_then_save_writes_to_the_same_file(main_window, qtbot, tmp_path, monkeypatch, dialogs):
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.gui.context import ModelInfo

    context = main_window.context
    changed = []
    context.model_changed.connect(changed.append)  # panels are not told about a new path
    net = MultiLayerNet([784, 6, 10], rng=np.random.default_rng(1))
    context.set_model(ModelInfo(net, "run 2 (stopped)", "trained"))
    target = tmp_path / "kept.npz"
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(1) or (str(target), ""))
    main_window.save_model()  # never saved: Save asks where
    assert asked == [1] and target.exists()
    info = context.model
    assert info.network is net and info.path == target and info.source == "trained"
    assert len(changed) == 1 and "kept.npz" in main_window.model_label.text()
    target.unlink()
    main_window.save_model()  # Ctrl+S again: the same file, no dialog
    assert asked == [1] and target.exists() and dialogs == []
    assert load_model(target)[0].sizes == [784, 6, 10]

    other = MultiLayerNet([784, 7, 10], rng=np.random.default_rng(2))
    context.set_model(ModelInfo(other, "run 3 (completed)", "trained"))  # does not inherit the path
    assert context.model.path is None and "kept.npz" not in main_window.model_label.text()
    elsewhere = tmp_path / "other.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(2) or (str(elsewhere), ""))
    main_window.save_model()
    assert asked == [1, 2] and elsewhere.exists()
    assert load_model(target)[0].sizes == [784, 6, 10]  # the first model's file is untouched


def test_the_bundled_model_is_never_saved_over(main_window, tmp_path, monkeypatch, dialogs):
    from nnstudio.paths import default_model_path

    info = main_window.context.model
    if info is None or info.source != "bundled":
        pytest.skip("no bundled model")
    before = default_model_path().read_bytes()
    target = tmp_path / "mine.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    main_window.save_model()  # asks where instead of writing into the app's resources
    assert target.exists() and default_model_path().read_bytes() == before
    assert main_window.context.model.path == target


def test_save_as_keeps_the_model_the_dialog_was_opened_for(main_window, tmp_path, monkeypatch, dialogs):
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.core.nn.serialization import load_model
    from nnstudio.gui.context import ModelInfo

    context = main_window.context
    first = ModelInfo(MultiLayerNet([784, 4, 10]), "first", "trained")
    second = ModelInfo(MultiLayerNet([784, 9, 10]), "second", "trained")
    context.set_model(first)
    target = tmp_path / "first.npz"

    def dialog(*a, **k):  # a run finishes while the dialog is open
        context.set_model(second)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    main_window.save_model_as()
    assert load_model(target)[0].sizes == [784, 4, 10]
    assert context.model is second and second.path is None  # the new model got no path


def test_save_model_as_uses_dialog(main_window, tmp_path, monkeypatch, dialogs):
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.gui.context import ModelInfo

    main_window.context.set_model(ModelInfo(MultiLayerNet([784, 5, 10]), "fresh", "reset"))
    target = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    main_window.save_model_as_action.trigger()
    assert (tmp_path / "chosen.npz").exists()


def test_bad_model_file_gives_a_dialog(main_window, qtbot, tmp_path, dialogs):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"this is not a zip")
    before = main_window.context.model
    assert main_window.open_model(bad)
    assert not main_window.open_model_action.isEnabled()
    assert not main_window.open_model(tmp_path / "other.npz")  # one read at a time
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=30_000)
    assert dialogs == [("warning", "Cannot open model", f"{bad}: not an .npz model file (not a zip archive)")]
    assert main_window.context.model is before
    qtbot.waitUntil(lambda: main_window.open_model_action.isEnabled(), timeout=30_000)
    assert main_window.open_model(tmp_path / "missing.npz")
    qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=30_000)
    assert "missing.npz: file not found" in dialogs[-1][2]
    assert main_window.context.model is before


def test_open_model_dialog_reads_in_the_background(main_window, qtbot, tmp_path, monkeypatch, dialogs):
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.core.nn.serialization import save_model
    from nnstudio.gui.model_files import ModelFiles

    path = tmp_path / "picked.npz"
    save_model(path, MultiLayerNet([784, 3, 10]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(main_window.context.model_changed, timeout=30_000):
        main_window.open_model_action.trigger()
        assert main_window.model_files.loading  # the read runs in a worker, not in the slot
    assert main_window.context.model.path == path and dialogs == []
    assert isinstance(main_window.model_files, ModelFiles)


def test_closing_during_a_read_does_not_wait_or_announce(qtbot, tmp_path, monkeypatch, dialogs):
    import threading

    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.core.nn.serialization import save_model
    from nnstudio.gui import model_files, workers_registry
    from nnstudio.gui.main_window import MainWindow

    path = tmp_path / "slow.npz"
    save_model(path, MultiLayerNet([784, 3, 10]))
    release, started = threading.Event(), threading.Event()
    real_read = model_files._read_model
    readers = []

    def held_read(p, declared=None):
        readers.append(threading.get_ident())
        started.set()
        release.wait(60)
        return real_read(p)

    monkeypatch.setattr(model_files, "_read_model", held_read)
    window = MainWindow()
    qtbot.addWidget(window)
    before = window.context.model
    announced = []
    window.context.model_changed.connect(announced.append)
    assert window.open_model(path)
    qtbot.waitUntil(started.is_set, timeout=30_000)
    assert readers != [threading.main_thread().ident]  # read in the worker, not the GUI thread
    assert not window.open_model_action.isEnabled()
    assert window.close()  # returns while the reader is still held
    release.set()
    qtbot.waitUntil(lambda: not workers_registry.live_threads(), timeout=30_000)
    qtbot.wait(0)  # let any queued result arrive: it must be ignored
    assert announced == [] and dialogs == [] and window.context.model is before


def test_open_dataset_folder(main_window, qtbot, tmp_path, dialogs):
    from nnstudio.paths import mnist_dir

    context = main_window.context
    with qtbot.waitSignal(context.dataset_failed, timeout=60_000):
        assert main_window.open_dataset(tmp_path)  # an empty folder: a dialog, no traceback
    assert dialogs and dialogs[-1][0] == "warning" and str(tmp_path) in dialogs[-1][2]
    assert context.dataset is None
    qtbot.waitUntil(lambda: not context.loading, timeout=60_000)
    with qtbot.waitSignal(context.dataset_changed, timeout=60_000) as blocker:
        assert main_window.open_dataset(mnist_dir())
        assert not main_window.open_dataset_action.isEnabled()
    info = blocker.args[0]
    assert info.directory == mnist_dir() and len(info.data[0][0]) == 60_000
    assert context.dataset is info and main_window.dataset_label.text() == f"Data: {info.name}"
    qtbot.waitUntil(lambda: not context.loading and main_window.open_dataset_action.isEnabled(), timeout=60_000)


def test_export_plot_of_training_panel(main_window, tmp_path, monkeypatch, dialogs):
    target = tmp_path / "plots.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    main_window.show_panel(0)
    main_window.export_plot_action.trigger()
    assert target.exists() and target.stat().st_size > 1000
    main_window.show_panel(3)
    if not hasattr(main_window.current_panel(), "export_plot"):
        main_window.export_plot_action.trigger()
        assert dialogs[-1][0] == "information"


def test_space_starts_and_pauses_and_ctrl_period_stops(main_window, qtbot, mnist):
    from PySide6.QtCore import Qt

    from nnstudio.gui.context import DatasetInfo

    (xtr, ttr), (xte, tte) = mnist
    main_window.context.set_dataset(DatasetInfo("subset", None, ((xtr[:1000], ttr[:1000]), (xte[:500], tte[:500]))))
    panel = main_window.panels["trainingPanel"]
    panel.form.hidden.setText("10")
    panel.form.length_unit.setCurrentIndex(panel.form.length_unit.findData("iterations"))
    panel.form.iterations.setValue(1_000_000)
    main_window.show()
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    panel.stats.setFocus()
    qtbot.keyClick(main_window, Qt.Key_Space)
    qtbot.waitUntil(lambda: panel.running, timeout=10_000)
    qtbot.waitUntil(lambda: panel.trainer is not None and panel.trainer.iteration > 0, timeout=60_000)
    qtbot.keyClick(main_window, Qt.Key_Space)
    qtbot.waitUntil(lambda: panel.paused, timeout=10_000)
    qtbot.keyClick(main_window, Qt.Key_Period, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not panel.running, timeout=10_000)
    assert panel.run.finished.reason == "stopped"
    qtbot.keyClick(main_window, Qt.Key_Space)  # a second run, stopped with Esc inside the panel
    qtbot.waitUntil(lambda: panel.running and panel.trainer is not None, timeout=60_000)
    panel.pause_button.setFocus()
    qtbot.keyClick(panel.pause_button, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not panel.running, timeout=10_000)
    assert len(panel.history) == 2


def test_interface_size_is_saved_for_the_next_start(main_window):
    from nnstudio.gui import settings

    actions = {a.data(): a for a in main_window.ui_scale_actions.actions()}
    assert sorted(actions) == list(settings.UI_SCALES) and actions[100].isChecked()
    actions[150].trigger()
    assert settings.read_int(settings.UI_SCALE, 100) == 150
    assert actions[150].isChecked() and not actions[100].isChecked()
    assert "next start" in main_window.statusBar().currentMessage()


def test_first_start_window_fits_a_small_or_scaled_screen():
    from PySide6.QtCore import QRect, QSize

    from nnstudio.gui.main_window import DEFAULT_SIZE, _default_size

    class Screen:
        def __init__(self, w, h):
            self.rect = QRect(0, 0, w, h)

        def availableGeometry(self):
            return self.rect

    assert _default_size(Screen(2560, 1440)) == DEFAULT_SIZE
    assert _default_size(Screen(1066, 666)) == QSize(1012, 612)  # 1600x1000 at 150%
    assert _default_size(None) == DEFAULT_SIZE


def test_window_can_shrink_to_a_small_projector(main_window):
    # Panels scroll inside the window instead of setting its minimum size: 1024x768 and 1280x720
    # projectors, or a large interface size, still get a window that fits the screen.
    hint = main_window.minimumSizeHint()
    assert hint.width() <= 800 and hint.height() <= 600
    assert main_window.current_panel() is main_window.panels["trainingPanel"]
