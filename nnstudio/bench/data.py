"""Benchmark: loading the bundled MNIST."""

from __future__ import annotations

import time


def run(repeats: int = 3) -> dict:
    from nnstudio.core.data import load_mnist

    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        load_mnist()
        times.append(time.perf_counter() - t0)
    best, median = min(times), sorted(times)[len(times) // 2]
    print(f"data: load_mnist() of the bundled set: median {median:.3f} s, best {best:.3f} s "
          f"over {repeats} runs (target < 1.5 s)")
    return {"load_mnist_median_s": median, "load_mnist_best_s": best}
