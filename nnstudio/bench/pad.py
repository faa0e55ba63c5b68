"""Benchmark: one drawing-pad prediction (preprocessing + forward pass), and the proxy handwriting score."""

from __future__ import annotations

import importlib

import numpy as np

from nnstudio.bench import median_seconds


def typical_strokes(rng: np.random.Generator) -> list[np.ndarray]:
    """About five strokes and 200 points, like a digit drawn with a mouse on the 280 px pad."""
    strokes = []
    for _ in range(5):
        n = 40
        t = np.linspace(0.0, 1.0, n)
        start = rng.uniform(60, 220, 2)
        angle = rng.uniform(0, 2 * np.pi)
        bend = rng.uniform(-2, 2)
        x = start[0] + 80 * t * np.cos(angle + bend * t)
        y = start[1] + 80 * t * np.sin(angle + bend * t)
        strokes.append(np.column_stack((x, y)) + rng.normal(0, 0.5, (n, 2)))
    return strokes



def run(repeats: int = 300, proxy: bool = True) -> dict:
    from nnstudio.core.nn.network import MultiLayerNet
    from nnstudio.core.digits.preprocess import strokes_to_input

    rng = np.random.default_rng(0)
    net = MultiLayerNet([784, 256, 128, 10], activation="relu", init="he", rng=rng)
    digits = [typical_strokes(rng) for _ in range(20)]
    points = int(np.mean([sum(len(s) for s in d) for d in digits]))
    it = iter(range(10**9))

    def preprocess():
        return strokes_to_input(digits[next(it) % len(digits)], 280.0)

    x = preprocess()

    def forward():
        return net.probabilities(x[None])

    def both():
        return net.probabilities(preprocess()[None])

    t_pre, t_fwd, t_all = (median_seconds(f, repeats) for f in (preprocess, forward, both))
    print(f"pad: one prediction (strokes_to_input + forward pass of 784-256-128-10), "
          f"5 strokes / {points} points: median {t_all * 1e3:.3f} ms "
          f"(preprocessing {t_pre * 1e3:.3f} ms, forward {t_fwd * 1e6:.0f} µs; target < 2 ms)")
    figures = {"prediction_ms": t_all * 1e3, "preprocess_ms": t_pre * 1e3, "forward_us": t_fwd * 1e6}
    figures.update(_bundled_reading(digits, repeats))
    if proxy:
        figures.update(_proxy_accuracy())
    return figures


def _bundled_reading(digits: list, repeats: int) -> dict:
    """One pad reading with each bundled model (reading.read_strokes: preprocessing, ink checks,
    forward pass), on a simulated writer's digits; the conv net's forward pass alone too."""
    from nnstudio.core.digits import writers
    from nnstudio.core.digits.reading import read_strokes
    from nnstudio.core.nn.serialization import ModelFileError, load_model
    from nnstudio.paths import BUNDLED_MODELS

    rng = np.random.default_rng(1)
    pen = [writers.writer_strokes(d % 10, rng) for d in range(20)]
    figures = {}
    for key, path in BUNDLED_MODELS.items():
        try:
            net = load_model(path)[0]
        except ModelFileError as exc:
            print(f"pad: bundled {key} model: {exc}")
            continue
        it = iter(range(10**9))
        t_read = median_seconds(lambda: read_strokes(net, pen[next(it) % len(pen)]), repeats)
        x = read_strokes(net, pen[0])[0][None]
        t_fwd = median_seconds(lambda: net.probabilities(x), repeats)
        arch = getattr(net, "arch", None) or "-".join(map(str, net.sizes))
        print(f"pad: bundled {key} model ({arch}): one reading (read_strokes: preprocessing, ink checks, "
              f"forward) median {t_read * 1e3:.3f} ms, its forward pass {t_fwd * 1e3:.3f} ms (target <= 2 ms)")
        figures[f"{key}_reading_ms"] = t_read * 1e3
        figures[f"{key}_forward_ms"] = t_fwd * 1e3
    return figures


def _proxy_accuracy() -> dict:
    """The bundled model's score on the proxy handwriting set, when both exist."""
    try:
        handwriting = importlib.import_module("nnstudio.bench.handwriting")
    except ModuleNotFoundError as exc:
        if exc.name != "nnstudio.bench.handwriting":
            raise
        return {}
    fn = getattr(handwriting, "proxy_accuracy", None) or getattr(handwriting, "run", None)
    if fn is None:
        return {}
    result = fn()
    return {"handwriting": result} if result is not None else {}
