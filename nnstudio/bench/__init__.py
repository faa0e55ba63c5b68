"""Benchmarks behind `python -m nnstudio bench`: each module prints its figures, never asserts."""

from __future__ import annotations

import statistics
import time


def timings(fn, repeats: int, warm_up: bool = True) -> list[float]:
    """Wall-clock seconds of `repeats` calls of fn() (after one untimed call, by default)."""
    if warm_up:
        fn()
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def median_seconds(fn, repeats: int, warm_up: bool = True) -> float:
    """The median of `timings(fn, repeats)`: robust to the odd slow call on a shared machine."""
    return statistics.median(timings(fn, repeats, warm_up))
