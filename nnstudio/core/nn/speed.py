"""A run's speed and time left: active seconds, iterations/s, samples/s, ETA (the clock injected)."""

from __future__ import annotations

import time
from collections.abc import Callable

# Speed over the last two seconds of marks: smooth enough to read, quick to follow a change.
SPEED_WINDOW_S = 2.0


class RunClock:
    """The seconds a run has spent training (pauses not counted) and its recent speed.

    `clock` returns seconds on a monotonic scale (`time.monotonic` by default; tests pass a fake).
    `mark(iteration)` records where the run was when a batch of records arrived; `rate()` is the
    speed over the marks of the last `window_s` seconds, or the run's average when fewer remain.
    While paused, time stands still: `active_s` does not grow and `rate()` is the speed the run had
    when it paused (so samples/s and the time left stand still too, instead of decaying or
    jumping on the records that arrive after the pause).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic, window_s: float = SPEED_WINDOW_S):
        self.clock = clock
        self.window_s = window_s
        self.active_s = 0.0
        self._resumed_at: float | None = None
        self._marks: list[tuple[float, int]] = []
        self._paused_rate: float | None = None

    @property
    def counting(self) -> bool:
        return self._resumed_at is not None

    def start(self, paused: bool = False) -> None:
        """A new run: no time, no marks; the time counts from now unless it starts paused."""
        self.active_s = 0.0
        self._resumed_at = None if paused else self.clock()
        self._marks = []
        self._paused_rate = None

    def resume(self) -> None:
        """Count time again; the speed starts afresh (the pause is not part of it)."""
        self._resumed_at = self.clock()
        self._marks = []
        self._paused_rate = None

    def pause(self, iteration: int | None = None) -> None:
        """Stop counting (a pause, or the run's end); the speed at `iteration` (the last one
        reported) is kept for the pause."""
        if self._resumed_at is None:
            return
        if iteration is not None:
            self._paused_rate = self._running_rate(iteration)
        self.account()
        self._resumed_at = None

    def account(self, now: float | None = None) -> None:
        """Add the time since the last account to `active_s` (while counting)."""
        if self._resumed_at is not None:
            now = self.clock() if now is None else now
            self.active_s += now - self._resumed_at
            self._resumed_at = now

    def mark(self, iteration: int) -> None:
        """Records that arrive while paused (a step, the batch in flight) do not count."""
        if self.counting:
            self._marks.append((self.clock(), iteration))

    def rate(self, iteration: int) -> float | None:
        """Iterations per second at `iteration` (the last one reported), None while unknown;
        while paused, the speed the run had when it paused.

        Accounts the time up to now first, so `active_s` is current afterwards."""
        if not self.counting:
            return self._paused_rate
        return self._running_rate(iteration)

    def _running_rate(self, iteration: int) -> float | None:
        now = self.clock()
        self.account(now)
        marks = [m for m in self._marks if m[0] >= now - self.window_s]
        self._marks = marks
        if len(marks) >= 2 and marks[-1][0] > marks[0][0]:
            return (marks[-1][1] - marks[0][1]) / (marks[-1][0] - marks[0][0])
        if self.active_s > 0 and iteration:
            return iteration / self.active_s
        return None


def samples_per_s(rate: float | None, batch_size: int) -> float | None:
    """Training samples per second from iterations per second (None while unknown or zero)."""
    return rate * batch_size if rate else None


def seconds_left(iteration: int, total_iterations: int, rate: float | None) -> float | None:
    """The time to the run's last iteration at `rate` iterations/s (None while unknown or zero)."""
    return (total_iterations - iteration) / rate if rate else None
