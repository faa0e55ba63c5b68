"""Benchmark: loading the bundled MNIST."""

from __future__ import annotations

from nnstudio.bench import timings


def run(repeats: int = 3) -> dict:
    from nnstudio.core.digits.data import load_mnist

    times = timings(load_mnist, repeats, warm_up=False)  # the first, cold load counts too
    best, median = min(times), sorted(times)[len(times) // 2]
    print(f"data: load_mnist() of the bundled set: median {median:.3f} s, best {best:.3f} s "
          f"over {repeats} runs (target < 1.5 s)")
    return {"load_mnist_median_s": median, "load_mnist_best_s": best}
