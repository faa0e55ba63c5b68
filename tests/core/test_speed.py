"""A run's speed and time left, on a made-up clock: no real time passes in these tests."""

from __future__ import annotations

import pytest

from nnstudio.core.nn.speed import RunClock, samples_per_s, seconds_left


class FakeClock:
    def __init__(self, t: float = 100.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def fake():
    return FakeClock()


def test_active_time_counts_from_start_and_skips_pauses(fake):
    clock = RunClock(fake)
    clock.start()
    fake.t += 3.0
    clock.pause()
    assert clock.active_s == pytest.approx(3.0) and not clock.counting
    fake.t += 50.0  # paused: not counted
    clock.account()
    assert clock.active_s == pytest.approx(3.0)
    clock.resume()
    fake.t += 2.0
    clock.account()
    assert clock.active_s == pytest.approx(5.0) and clock.counting


def test_a_run_started_paused_counts_nothing_until_resumed(fake):
    clock = RunClock(fake)
    clock.start(paused=True)
    fake.t += 10.0
    assert clock.rate(0) is None and clock.active_s == 0.0
    clock.resume()
    fake.t += 4.0
    assert clock.rate(40) == pytest.approx(10.0)  # no marks yet: the average over active time


def test_start_forgets_the_previous_run(fake):
    clock = RunClock(fake)
    clock.start()
    clock.mark(0)
    fake.t += 1.0
    clock.mark(500)
    clock.start()
    fake.t += 2.0
    assert clock.rate(20) == pytest.approx(10.0)  # 20 iterations in 2 s, the old marks gone
    assert clock.active_s == pytest.approx(2.0)


def test_rate_over_the_marks_of_the_window(fake):
    clock = RunClock(fake, window_s=2.0)
    clock.start()
    for it in range(0, 50, 10):  # 10 iterations every 0.5 s: 20 it/s
        clock.mark(it)
        fake.t += 0.5
    fake.t -= 0.5
    assert clock.rate(40) == pytest.approx(20.0)
    # Faster now: only the last two seconds of marks count (a smoothed, not a whole-run, speed).
    for it in range(140, 500, 100):
        fake.t += 0.5
        clock.mark(it)
    assert clock.rate(440) == pytest.approx(200.0)


def test_old_marks_leave_the_window_and_the_average_takes_over(fake):
    clock = RunClock(fake, window_s=2.0)
    clock.start()
    fake.t += 1.0
    clock.mark(100)
    fake.t += 1.0
    clock.mark(200)
    fake.t += 5.0  # a long pause of the reports: both marks are older than the window
    assert clock.rate(200) == pytest.approx(200 / 7.0)


def test_one_mark_or_marks_at_one_instant_fall_back_to_the_average(fake):
    clock = RunClock(fake)
    clock.start()
    fake.t += 2.0
    clock.mark(30)
    clock.mark(40)  # same instant: no time between them to divide by
    assert clock.rate(40) == pytest.approx(20.0)


def test_resume_starts_the_speed_afresh(fake):
    clock = RunClock(fake, window_s=10.0)
    clock.start()
    clock.mark(0)
    fake.t += 1.0
    clock.mark(1000)
    clock.pause()
    clock.resume()
    fake.t += 1.0
    clock.mark(1010)
    assert clock.rate(1010) == pytest.approx(1010 / 2.0)  # only one mark since resuming


def test_samples_per_s_and_seconds_left():
    assert samples_per_s(20.0, 100) == pytest.approx(2000.0)
    assert samples_per_s(None, 100) is None and samples_per_s(0.0, 100) is None
    assert seconds_left(400, 600, 50.0) == pytest.approx(4.0)
    assert seconds_left(600, 600, 50.0) == 0.0
    assert seconds_left(10, 600, None) is None and seconds_left(10, 600, 0.0) is None


def test_speed_and_time_left_stand_still_while_paused(fake):
    clock = RunClock(fake, window_s=2.0)
    clock.start()
    for it in range(0, 110, 10):  # 10 iterations a tenth of a second: 100 iterations/s
        clock.mark(it)
        fake.t += 0.1
    fake.t -= 0.1
    assert clock.rate(100) == pytest.approx(100.0)
    clock.pause(100)
    active = clock.active_s
    for _ in range(5):  # a long pause; the batch in flight and a step arrive meanwhile
        fake.t += 30.0
        clock.mark(101)
        assert clock.rate(101) == pytest.approx(100.0)
        assert seconds_left(100, 1100, clock.rate(100)) == pytest.approx(10.0)
        assert clock.active_s == active
    clock.resume()
    fake.t += 1.0
    clock.mark(200)
    assert clock.rate(200) == pytest.approx(200 / (active + 1.0))  # afresh, the pause not counted


def test_pausing_twice_keeps_the_first_speed(fake):
    clock = RunClock(fake)
    clock.start()
    fake.t += 2.0
    clock.pause(200)
    clock.pause(200)
    assert clock.rate(200) == pytest.approx(100.0)
