"""Benchmark: the convolution layers (core/nn/conv.py) per layer and the reference net's conv part.

The reference net: conv 5x5x16 → relu → maxpool 2 → conv 5x5x32 → relu → maxpool 2 → flatten
(→ dense 128 → relu → dense 10, not timed here), 28x28 inputs, batch 128, float32. Prints the
forward+backward time of each layer and the conv part's samples/s at 1 and 2 threads, and, when
torch is importable (never required), PyTorch's figures for the same layers and threads.
"""

from __future__ import annotations

import os
import statistics
import time

import numpy as np

BATCH = 128
SETTLE_S = 0.3  # idle BLAS/OpenMP threads spin for a while after their last product: let them sleep


def _limits(threads: int):
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=threads, user_api="blas")


def _median_s(fn, repeats: int) -> float:
    fn()
    fn()
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return statistics.median(out)


def _numpy_net(rng):
    from nnstudio.core.nn.conv import Convolution, Flatten, Pooling
    from nnstudio.core.nn.layers import Relu

    def conv(fn, c):
        w = (rng.standard_normal((fn, c, 5, 5)) * np.sqrt(2.0 / (c * 25))).astype(np.float32)
        return Convolution(w, np.zeros(fn, np.float32))

    names = ["conv1 1→16 5x5", "relu1", "pool1 2x2", "conv2 16→32 5x5", "relu2", "pool2 2x2", "flatten"]
    return names, [conv(16, 1), Relu(), Pooling(2, 2), conv(32, 16), Relu(), Pooling(2, 2), Flatten()]


def _numpy_figures(x, repeats):
    names, layers = _numpy_net(np.random.default_rng(0))
    inputs, h = [], x
    for layer in layers:
        inputs.append(h)
        h = layer.forward(h)
    douts, d = [], np.ones_like(h)
    for layer in reversed(layers):
        douts.append(d)
        d = layer.backward(d)
    douts.reverse()
    per_layer = {}
    for name, layer, inp, dout in zip(names, layers, inputs, douts):
        per_layer[name] = _median_s(lambda: (layer.forward(inp), layer.backward(dout)), repeats)

    def step():
        h = x
        for layer in layers:
            h = layer.forward(h)
        d = np.ones_like(h)
        for layer in reversed(layers):
            d = layer.backward(d)

    return per_layer, BATCH / _median_s(step, repeats)


def _torch_figures(torch, x_np, repeats):
    nn = torch.nn
    names = ["conv1 1→16 5x5", "relu1", "pool1 2x2", "conv2 16→32 5x5", "relu2", "pool2 2x2", "flatten"]
    layers = [nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
              nn.Flatten()]
    x = torch.from_numpy(x_np)
    inputs, h = [], x
    with torch.no_grad():
        for layer in layers:
            inputs.append(h)
            h = layer(h)
    per_layer = {}
    for i, (name, layer, inp) in enumerate(zip(names, layers, inputs)):
        # The first layer's input needs no gradient in training (PyTorch then skips dx): same here.
        inp = inp.detach().clone().requires_grad_(i > 0)

        def fb(layer=layer, inp=inp):
            out = layer(inp)
            out.backward(torch.ones_like(out))

        per_layer[name] = _median_s(fb, repeats)
    net = nn.Sequential(*layers)

    def step():
        out = net(x)
        out.backward(torch.ones_like(out))

    return per_layer, BATCH / _median_s(step, repeats)


def run(repeats: int = 20) -> dict:
    x = np.random.default_rng(1).random((BATCH, 1, 28, 28), dtype=np.float32)
    try:
        import torch
    except ImportError:
        torch = None
    figures = {"cpu_count": os.cpu_count(), "load_average_start": os.getloadavg()[0]}
    print(f"conv: reference net's conv part, batch {BATCH}, float32, numpy {np.__version__}, "
          f"{os.cpu_count()} cores, load average {figures['load_average_start']:.1f} at the start")
    for threads in (1, 2):
        with _limits(threads):
            per_layer, rate = _numpy_figures(x, repeats)
        figures[f"numpy_{threads}t"] = rate
        t_layer = t_rate = None
        if torch is not None:
            time.sleep(SETTLE_S)
            torch.set_num_threads(threads)
            t_layer, t_rate = _torch_figures(torch, x, repeats)
            figures[f"torch_{threads}t"] = t_rate
            time.sleep(SETTLE_S)
        print(f"  {threads} thread{'s' * (threads > 1)}: forward+backward per layer, ms"
              + ("  (numpy | PyTorch)" if torch is not None else ""))
        for name, s in per_layer.items():
            figures[f"numpy_{threads}t_{name}_ms"] = s * 1e3
            side = f" | {t_layer[name] * 1e3:7.2f}" if t_layer else ""
            print(f"    {name:<18} {s * 1e3:7.2f}{side}")
        line = f"    conv part: {rate:,.0f} samples/s"
        if t_rate:
            line += f"; PyTorch {torch.__version__}: {t_rate:,.0f} samples/s; numpy/PyTorch = {rate / t_rate:.2f}"
        print(line)
    if torch is None:
        print("  PyTorch side by side: skipped (torch is not installed; it is not a dependency)")
    return figures
