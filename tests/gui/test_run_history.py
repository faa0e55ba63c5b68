"""The run history file: bounded, atomic JSON; damaged files are set aside with their bytes kept."""

from __future__ import annotations

import json

import pytest

from nnstudio.core.nn.records import EpochRecord, FinishedRecord, NotLearningRecord, StepRecord
from nnstudio.core.nn.config import TrainConfig
from nnstudio.gui.run_history import HISTORY_FILE, RunHistory, history_path


def make_history(runs=3, steps=50):
    h = RunHistory()
    for k in range(runs):
        run = h.new_run(TrainConfig(lr=0.1 * (k + 1)), "book-twolayer", 10, steps)
        run.add([EpochRecord(0, 0, 0.1, 0.1, float("nan"), 0.0, 0.0)])
        run.add([StepRecord(i, i / 10, 2.3 / i, 0.1) for i in range(1, steps + 1)])
        run.add([EpochRecord(1, 10, 0.8, 0.79, 0.5, 1.0, 100.0)])
        if k == 1:
            run.add([NotLearningRecord(20, "flat_loss", "the loss has not moved", "try x", 0.5)])
        run.add([FinishedRecord("completed", steps, steps / 10, 2.0, 0.8, 0.79)])
    return h


def test_round_trip_keeps_runs_and_numbering(tmp_path):
    path = tmp_path / "h.json"
    make_history().save(path)
    loaded, problem = RunHistory.load(path)
    assert problem == ""
    assert [r.number for r in loaded.runs] == [1, 2, 3]
    r2 = loaded.get(2)
    assert r2.config.lr == pytest.approx(0.2) and r2.preset == "book-twolayer"
    assert list(r2.iterations) == list(range(1, 51)) and r2.losses[-1] == pytest.approx(2.3 / 50)
    assert r2.epochs[0].mean_loss != r2.epochs[0].mean_loss  # NaN came back from null
    assert r2.not_learning.kind == "flat_loss" and r2.finished.reason == "completed"
    assert "earlier session" in r2.label and "not learning" in r2.label
    assert loaded.new_run(TrainConfig(), None, 1, 1).number == 4
    assert json.loads(path.read_text())["format"] == "nnstudio-run-history"


def test_file_is_bounded_in_runs_and_points(tmp_path):
    path = tmp_path / "h.json"
    make_history(runs=30, steps=10_000).save(path, max_runs=20, max_points=2000)
    loaded, _ = RunHistory.load(path)
    assert [r.number for r in loaded.runs] == list(range(11, 31))
    assert all(len(r.iterations) <= 2000 for r in loaded.runs)
    assert loaded.runs[-1].iterations[-1] == 10_000  # the last step is always kept
    assert path.stat().st_size < 2_000_000


def test_a_running_run_is_not_written(tmp_path):
    h = make_history(runs=1)
    h.new_run(TrainConfig(), None, 10, 100)  # no FinishedRecord yet
    h.save(tmp_path / "h.json")
    assert len(RunHistory.load(tmp_path / "h.json")[0]) == 1


@pytest.mark.parametrize("content, why", [
    (b"\x00\xffnot json at all", "damaged (not text)"),
    (b'{"format": "nnstudio-run-history"', "damaged (not valid JSON from byte 33)"),
    (b'[1, 2, 3]', "not an NN Studio run history"),
    (b'{"format": "something else", "runs": []}', "not an NN Studio run history"),
    (b'{"format": "nnstudio-run-history", "version": 99, "runs": []}', "version 99"),
    (b"[" * 100_000, "damaged (nested too deeply)")])
def test_damaged_file_is_set_aside_with_its_bytes(tmp_path, content, why):
    path = tmp_path / HISTORY_FILE
    path.write_bytes(content)
    loaded, problem = RunHistory.load(path)
    assert len(loaded) == 0 and why in problem
    assert not path.exists()
    aside = list(tmp_path.glob("run-history.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert str(aside[0]) in problem


def test_one_bad_run_is_skipped_and_the_file_set_aside(tmp_path):
    path = tmp_path / HISTORY_FILE
    make_history().save(path)
    d = json.loads(path.read_text())
    d["runs"][1]["steps"]["loss"] = "oops"
    d["runs"][2]["epochs"][0]["train_acc"] = "high"  # a wrong type fails here, not later in a view
    path.write_text(json.dumps(d))
    original = path.read_bytes()
    loaded, problem = RunHistory.load(path)
    assert [r.number for r in loaded.runs] == [1]
    assert "2 of its 3 runs could not be read" in problem
    assert [p.read_bytes() for p in tmp_path.glob("run-history.damaged-*.json")] == [original]


def test_history_path_follows_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NNSTUDIO_DATA_DIR", str(tmp_path / "elsewhere"))
    assert history_path() == tmp_path / "elsewhere" / HISTORY_FILE


def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "h.json"
    make_history(runs=1).save(path)
    before = path.read_bytes()
    import nnstudio.core.files as files

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", boom)
    with pytest.raises(OSError):
        make_history(runs=3).save(path)
    assert path.read_bytes() == before and list(tmp_path.iterdir()) == [path]
