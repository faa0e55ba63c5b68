"""The optimizer race without Qt: runs grow in lockstep, report changes once, end, and clear."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from nnstudio.core.playground.descent import descend, run_descent
from nnstudio.core.playground.race import (SPEEDS, TICK_MS, Race, Run, actual_speed, speed_text, steps_per_tick,
                                           tick_interval)
from nnstudio.core.playground.surfaces import SURFACES

SPHERE = SURFACES["sphere"]


def sphere_race(entrants, steps=10, start=(-3.0, 4.0)):
    race = Race()
    race.start(SPHERE.f, start, entrants, steps, view=SPHERE.view)
    return race


def test_speed_arithmetic():
    # slow notches: one step per tick, the tick stretched; fast ones: TICK_MS ticks of several steps
    assert [tick_interval(s) for s in SPEEDS] == [1000, 500, 200, 100, 50, 40, 40, 40, 40, 40]
    assert [steps_per_tick(s, tick_interval(s)) for s in SPEEDS] == [1, 1, 1, 1, 1, 2, 4, 8, 20, 40]
    # what the slider promises is what the timer does: steps per tick × ticks per second
    assert [actual_speed(s) for s in SPEEDS] == pytest.approx(SPEEDS)
    assert speed_text(50) == "2 steps × 25/s = 50 steps/s"
    assert speed_text(1) == "1 step × 1/s = 1 step/s"
    assert steps_per_tick(1, TICK_MS) == 1  # never zero


def test_a_run_starts_at_step_zero_and_matches_run_descent():
    race = sphere_race([("sgd", 0.1), ("momentum", 0.05)], steps=100)
    assert list(race.runs) == ["sgd", "momentum"]
    run = race.runs["sgd"]
    assert run.n == 1 and run.step == 0 and run.end is None
    assert_allclose(run.path, [[-3.0, 4.0]]) and run.values[0] == 25.0
    while not race.finished():
        race.advance(7)
    for name, lr in (("sgd", 0.1), ("momentum", 0.05)):
        whole = run_descent(SPHERE.f, (-3.0, 4.0), name, lr, 100, view=SPHERE.view)
        assert_allclose(race.runs[name].path, whole.path)  # grown past the first 256-point buffer too
        assert_allclose(race.runs[name].values, whole.values)
        assert race.runs[name].end == whole.end and race.runs[name].step == 100
    assert not race.runs["sgd"].failed and race.runs["sgd"].note == ""


def test_long_run_grows_its_buffers():
    race = sphere_race([("sgd", 1e-4)], steps=1000)
    race.advance(600)
    run = race.runs["sgd"]
    assert run.n == 601 and run.path.shape == (601, 2) and run.values.shape == (601,)
    assert np.all(np.diff(run.values) < 0)


def test_advance_reports_each_change_once():
    race = sphere_race([("sgd", 0.1), ("adam", 0.3)], steps=3)
    assert [r.name for r in race.advance(0)] == ["sgd", "adam"]  # the start points, not yet reported
    assert race.advance(0) == []
    assert len(race.advance(1)) == 2
    changed = race.advance(5)  # the last steps and the ends
    assert [r.name for r in changed] == ["sgd", "adam"] and race.finished()
    assert race.advance(5) == []  # finished earlier: nothing new


def test_divergence_is_a_failed_run_with_a_short_note():
    race = sphere_race([("sgd", 10.0), ("adam", 0.3)], steps=100)
    while not race.finished():
        race.advance(50)
    run = race.runs["sgd"]
    assert run.failed and run.end.diverged and run.step == 1  # the step that left is not kept
    assert run.end.message.startswith("diverged after 2 steps (")
    assert run.note == "diverged after 2 steps"
    assert not race.runs["adam"].failed


def test_invalid_start_ends_at_once():
    race = Race()
    race.start(lambda x0, x1: np.log(x0) + x1, (-1.0, 0.0), [("sgd", 0.1)], 10)
    run = race.runs["sgd"]
    assert run.n == 0 and run.step == 0 and run.failed and race.finished()
    assert "not finite at the start point" in run.note


def test_start_keeps_existing_runs_and_clear_closes_them():
    race = sphere_race([("sgd", 0.1)])
    race.advance(3)
    race.start(SPHERE.f, (1.0, 1.0), [("adam", 0.3)], 10)  # runs exist: nothing changes
    assert list(race.runs) == ["sgd"] and race.runs["sgd"].step == 3
    generator = race.runs["sgd"].generator
    race.clear()
    assert not race.runs and not race.finished()
    with pytest.raises(StopIteration):
        next(generator)  # closed
    race.start(SPHERE.f, (1.0, 1.0), [("adam", 0.3)], 10)
    assert list(race.runs) == ["adam"] and race.advance(0)  # reported afresh after clear


def test_no_entrants_no_runs():
    race = sphere_race([])
    assert race.runs == {} and not race.finished() and race.advance(4) == []


def test_a_run_drains_its_generator_and_stops_at_the_end():
    run = Run("sgd", descend(SPHERE.f, (0.0, 1.0), "sgd", 0.5, 2))
    run.advance(10)  # more than there are: the run stops at its end
    assert run.step == 2 and run.end.reason == "finished" and run.path[-1] == pytest.approx((0.0, 0.0))
