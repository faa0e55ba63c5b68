"""Saving from the GUI: images through the atomic writer, and one dialog when a save fails."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog

from nnstudio.core import files
from nnstudio.gui.saving import image_bytes, save_error_text, save_image
from helpers import refuse_temporaries

NO_SPACE = os.strerror(errno.ENOSPC)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def full_disk(*_a, **_k):
    raise OSError(errno.ENOSPC, NO_SPACE)


def red_image(w=40, h=30):
    image = QImage(w, h, QImage.Format_ARGB32)
    image.fill(Qt.red)
    return image


def test_save_image_writes_the_format_of_the_extension(tmp_path, qapp):
    save_image(red_image(), tmp_path / "a.png")
    save_image(QPixmap.fromImage(red_image()), tmp_path / "b.jpg")
    save_image(red_image(), tmp_path / "c")  # no extension: PNG
    assert (tmp_path / "a.png").read_bytes().startswith(PNG_MAGIC)
    assert (tmp_path / "b.jpg").read_bytes().startswith(b"\xff\xd8")
    assert (tmp_path / "c").read_bytes().startswith(PNG_MAGIC)
    assert QImage(str(tmp_path / "a.png")).size() == red_image().size()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "b.jpg", "c"]


def test_save_image_on_a_full_disk_keeps_the_old_file(tmp_path, monkeypatch, qapp):
    target = tmp_path / "plot.png"
    target.write_bytes(b"old image")
    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(OSError) as info:
        save_image(red_image(), target)
    assert save_error_text(target, info.value) == f"Could not save plot.png: {NO_SPACE}"
    assert target.read_bytes() == b"old image"
    assert [p.name for p in tmp_path.iterdir()] == ["plot.png"]


def test_an_image_that_cannot_be_encoded_is_an_oserror(tmp_path, qapp):
    target = tmp_path / "plot.nosuchformat"
    target.write_bytes(b"old")
    with pytest.raises(OSError):
        save_image(red_image(), target)
    with pytest.raises(OSError):
        image_bytes(QImage(), "PNG")
    assert target.read_bytes() == b"old"


EXPORTING_PANELS = ["trainingPanel", "weightsPanel", "drawingPanel", "descentPanel", "conceptsPanel",
                    "dataPanel"]


@pytest.mark.parametrize("name", EXPORTING_PANELS)
def test_export_plot_failure_is_one_dialog_and_keeps_the_old_file(main_window, name, qtbot, tmp_path,
                                                                   monkeypatch, dialogs):
    target = tmp_path / "plot.png"
    target.write_bytes(b"old image")
    target.chmod(0o644)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PNG image (*.png)")))
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.show_panel(list(main_window.panels).index(name))
    assert main_window.current_panel() is main_window.panels[name]

    with monkeypatch.context() as m:
        m.setattr(files.os, "fsync", full_disk)
        main_window.export_plot_action.trigger()
    assert [(kind, text) for kind, _title, text in dialogs] == [
        ("warning", f"Could not save plot.png: {NO_SPACE}")]
    assert target.read_bytes() == b"old image"
    assert [p.name for p in tmp_path.iterdir() if p.name != "settings"] == ["plot.png"]

    main_window.export_plot_action.trigger()  # the disk has room again
    assert len(dialogs) == 1
    assert target.read_bytes().startswith(PNG_MAGIC) and not QImage(str(target)).isNull()
    if os.name != "nt":
        assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_save_model_failure_is_one_dialog_and_keeps_the_old_file(main_window, tmp_path, monkeypatch,
                                                                  dialogs):
    assert main_window.context.model is not None
    target = tmp_path / "model.npz"
    target.write_bytes(b"old model")
    monkeypatch.setattr(files.os, "fsync", full_disk)
    assert not main_window.save_model_to(target)
    assert dialogs == [("warning", "Cannot save model", f"Could not save model.npz: {NO_SPACE}")]
    assert target.read_bytes() == b"old model"


def test_run_history_export_failure_is_one_dialog(main_window, tmp_path, monkeypatch, dialogs):
    panel = main_window.panels["trainingPanel"]
    number = panel.history.new_run(panel.form.config(), None, 10, 10).number
    target = tmp_path / "run.csv"
    target.write_text("old table")
    monkeypatch.setattr(files.os, "fsync", full_disk)
    assert not panel.export_run(number, target)
    assert dialogs == [("warning", "Export run history", f"Could not save run.csv: {NO_SPACE}")]
    assert target.read_text() == "old table"


def test_drawing_export_into_a_read_only_folder_is_a_dialog(main_window, tmp_path, monkeypatch, dialogs):
    panel = main_window.panels["drawingPanel"]
    target = tmp_path / "drawing.png"
    target.write_bytes(b"old image")
    refuse_temporaries(monkeypatch)
    assert not panel.export_plot(target)
    assert dialogs == [("warning", "Export plot",
                        f"Could not save drawing.png: {os.strerror(errno.EACCES)}")]
    assert target.read_bytes() == b"old image"


@pytest.mark.skipif(os.name == "nt", reason="POSIX folder permissions")
def test_drawing_export_into_a_really_read_only_folder(main_window, tmp_path, dialogs):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "drawing.png"
    target.write_bytes(b"old image")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: chmod does not stop writes (the simulated test covers it)")
        assert not main_window.panels["drawingPanel"].export_plot(target)
        assert len(dialogs) == 1 and dialogs[0][2].startswith("Could not save drawing.png: ")
        assert target.read_bytes() == b"old image"
    finally:
        folder.chmod(0o700)
