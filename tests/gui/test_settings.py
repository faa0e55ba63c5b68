"""Settings: window, last panel, hyperparameters and folders survive a restart (in a temp folder)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from nnstudio.gui import settings


def test_helpers_tolerate_missing_and_broken_values():
    assert settings.read_json(settings.HYPERPARAMETERS, {"x": 1}) == {"x": 1}
    QSettings().setValue(settings.HYPERPARAMETERS, "{not json")
    assert settings.read_json(settings.HYPERPARAMETERS) is None
    settings.write_json(settings.HYPERPARAMETERS, {"a": [1, 2]})
    assert settings.read_json(settings.HYPERPARAMETERS) == {"a": [1, 2]}
    assert settings.read_int(settings.LAST_PANEL, 3) == 3
    settings.set_value(settings.LAST_PANEL, "nope")
    assert settings.read_int(settings.LAST_PANEL, 3) == 3
    assert settings.read_bool(settings.SIDE_LIST_VISIBLE, True) is True


def test_settings_round_trip(qtbot, tmp_path, monkeypatch):
    from nnstudio.gui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    form = first.panels["trainingPanel"].form
    form.set_preset("nielsen-ch1")
    form.hidden.setText("64, 32")
    form.lr.setText("0.5")
    form.seed.setValue(42)
    form.train_subset.setValue(5000)
    first.panels["trainingPanel"].plots.set_x_mode("epochs")
    first.show()
    qtbot.waitExposed(first)
    first.move(37, 23)
    geometry = first.geometry()
    first.show_panel(2)
    settings.set_value(settings.LAST_MODEL_DIR, str(tmp_path))
    first.close()
    assert QSettings().contains(settings.GEOMETRY)

    saved = QSettings().value(settings.GEOMETRY)
    restored = []
    original = MainWindow.restoreGeometry
    monkeypatch.setattr(MainWindow, "restoreGeometry", lambda self, g: restored.append(g) or original(self, g))
    second = MainWindow()
    qtbot.addWidget(second)
    cfg = second.panels["trainingPanel"].form.config()
    assert cfg.hidden == (64, 32) and cfg.lr == 0.5 and cfg.seed == 42 and cfg.train_subset == 5000
    assert cfg.loss == "quadratic" and cfg.epochs == 30  # the rest of the Nielsen preset
    assert second.panels["trainingPanel"].form.preset_name() == "custom"
    assert second.panels["trainingPanel"].plots.x_mode() == "epochs"
    assert second.side_list.currentRow() == 2
    # The offscreen screen is 800x800 and restoreGeometry clamps to it: check the bytes round-trip.
    assert restored == [saved] and geometry.width() > 0
    from nnstudio.gui.model_files import last_dir

    assert last_dir(settings.LAST_MODEL_DIR) == str(tmp_path)
    second.close()


def test_unchanged_preset_is_restored_by_name(qtbot):
    from nnstudio.gui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.panels["trainingPanel"].form.set_preset("fast")
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.panels["trainingPanel"].form.preset_name() == "fast"
    second.close()
