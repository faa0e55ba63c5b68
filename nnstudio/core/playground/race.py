"""The optimizer race of the descent playground: several descents from one start, advanced in lockstep.

A Race holds one Run per optimizer, each a `descend` generator with growing numpy buffers; the GUI's
timer calls `Race.advance` and redraws the runs it returns. The speed arithmetic lives here too.
"""

from __future__ import annotations

import numpy as np

from nnstudio.core.playground.descent import DescentPoint, descend

SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]  # steps per second, one per slider notch
TICK_MS = 40  # the shortest timer interval: 25 ticks a second, which divides every fast speed exactly


def tick_interval(speed: int) -> int:
    """Milliseconds between ticks for `speed` steps per second (never below TICK_MS)."""
    return max(TICK_MS, int(1000 / speed))


def steps_per_tick(speed: int, interval_ms: int) -> int:
    """Steps each tick makes so that ticks every `interval_ms` go `speed` steps per second (at least 1)."""
    return max(1, round(speed * interval_ms / 1000))


def actual_speed(speed: int) -> float:
    """Steps per second the timer really makes at `speed`: steps per tick × ticks per second."""
    interval = tick_interval(speed)
    return steps_per_tick(speed, interval) * 1000 / interval


def speed_text(speed: int) -> str:
    """What runs at `speed`, spelled out: "1 step × 10 ticks/s = 10 steps/s", "4 steps × 25/s = 100 steps/s"."""
    interval = tick_interval(speed)
    n = steps_per_tick(speed, interval)
    ticks = 1000 / interval
    total = n * ticks
    return f"{n} step{'s' if n != 1 else ''} × {ticks:g}/s = {total:g} step{'s' if total != 1 else ''}/s"


class Run:
    """One optimizer's generator and what it has produced so far (growing numpy buffers)."""

    def __init__(self, name, generator):
        self.name, self.generator = name, generator
        self._xy = np.empty((256, 2))
        self._f = np.empty(256)
        self.n = 0
        self.end = None
        self.velocity = self.step_size = None  # the optimizer's state after the last step, if it has one
        self.advance(1)  # the start point (step 0)

    def advance(self, n: int) -> None:
        for _ in range(n):
            if self.end is not None:
                return
            record = next(self.generator)
            if isinstance(record, DescentPoint):
                if self.n == len(self._f):
                    self._xy = np.concatenate([self._xy, np.empty_like(self._xy)])
                    self._f = np.concatenate([self._f, np.empty_like(self._f)])
                self._xy[self.n] = record.x0, record.x1
                self._f[self.n] = record.f
                self.n += 1
                self.velocity, self.step_size = record.velocity, record.step_size
            else:
                self.end = record

    @property
    def path(self) -> np.ndarray:
        """Points so far, shape (n, 2) (a view: copy before keeping it)."""
        return self._xy[:self.n]

    @property
    def values(self) -> np.ndarray:
        return self._f[:self.n]

    @property
    def step(self) -> int:
        return max(self.n - 1, 0)

    @property
    def failed(self) -> bool:
        """Ended other than by doing all its steps (diverged, or an invalid start)."""
        return self.end is not None and self.end.reason != "finished"

    @property
    def note(self) -> str:
        """Why a failed run stopped, short enough to label its path ("diverged after 2 steps"); else ""."""
        return self.end.message.split(" (")[0] if self.failed else ""


class Race:
    """The runs of one start (optimizer name -> Run), advanced together; empty until `start`."""

    def __init__(self):
        self.runs: dict[str, Run] = {}
        self._reported: dict[str, tuple] = {}  # name -> (n, end) when `advance` last returned the run

    def start(self, f, start, entrants, steps: int, grad=None, view=None) -> None:
        """One run per (optimizer, lr) or (optimizer, lr, options) in `entrants`, each `steps` long,
        from `start` = (x0, x1).

        f, grad, view, options : as for nnstudio.core.playground.descent.descend. Runs already there stay.
        """
        if self.runs:
            return
        for name, lr, *options in entrants:
            options = options[0] if options else None
            self.runs[name] = Run(name, descend(f, start, name, lr, steps, grad, view, options=options))

    def advance(self, n: int) -> list[Run]:
        """Move every unfinished run n steps; return the runs that changed since the last call."""
        changed = []
        for run in self.runs.values():
            run.advance(n)
            if self._reported.get(run.name) == (run.n, run.end):
                continue  # finished earlier: nothing new
            self._reported[run.name] = (run.n, run.end)
            changed.append(run)
        return changed

    def finished(self) -> bool:
        return bool(self.runs) and all(r.end is not None for r in self.runs.values())

    def clear(self) -> None:
        """Close and forget every run."""
        for run in self.runs.values():
            run.generator.close()
        self.runs.clear()
        self._reported.clear()
