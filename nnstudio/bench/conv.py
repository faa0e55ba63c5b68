"""Benchmark: the convolution layers (core/nn/conv.py) per layer and the reference net's conv part.

The reference net: conv 5x5x16 → relu → maxpool 2 → conv 5x5x32 → relu → maxpool 2 → flatten
→ dense 128 → relu → dense 10, 28x28 inputs, batch 128, float32. Prints the forward+backward
time of each conv-part layer, the conv part's samples/s, and the whole net's training samples/s
(SequentialNet's training step: forward, softmax cross-entropy, backward, Adam) at 1 and 2
threads, and, when torch is importable (never required), PyTorch's figures for the same layers
and threads. The numpy layers are SequentialNet's own, the ReLU before each pooling fused into
it, so each ReLU is timed together with its pooling on both sides. (`bench --engine` trains the
same net through Trainer.run() beside PyTorch.)

The first convolution's input needs no gradient in training: PyTorch skips that dx, and so does
numpy here (`compute_dx = False`). Numpy and PyTorch alternate round by round, so that a burst of
other work on a shared machine falls on both; each figure is the median over the rounds, and the
best round is printed too (the machine's speed with nothing else running, roughly).
"""

from __future__ import annotations

import os
import statistics
import time

import numpy as np

BATCH = 128
ARCH = "conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10"
SETTLE_S = 0.2  # idle BLAS/OpenMP threads spin for a while after their last product: let them sleep
NAMES = ["conv1 1→16 5x5", "relu1 + pool1 2x2", "conv2 16→32 5x5", "relu2 + pool2 2x2", "flatten"]
KEYS = ["conv1", "relupool1", "conv2", "relupool2", "flatten"]  # the JSON's names


def _limits(threads: int):
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=threads, user_api="blas")


def _seconds(fn, repeats: int) -> float:
    """The fastest of `repeats` calls (after one untimed call)."""
    fn()
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _numpy_side(x):
    """(per-layer timers, conv part timer, training step) for the numpy layers: SequentialNet's own
    (its ReLU before max pooling is fused into the pooling), and its training step with Adam."""
    from nnstudio.core.nn.fused import training_step
    from nnstudio.core.nn.optimizers import make_optimizer
    from nnstudio.core.nn.sequential import SequentialNet

    net = SequentialNet(ARCH, rng=0)
    layers = net.layers[:5]  # conv, relu+pool, conv, relu+pool, flatten
    assert len(layers) == len(NAMES), layers
    inputs, h = [], x
    for layer in layers:
        inputs.append(h)
        h = layer.forward(h)
    douts, d = [], np.ones_like(h)
    for layer in reversed(layers):
        douts.append(d)
        d = layer.backward(d)
    douts.reverse()
    timers = [(lambda layer=layer, inp=inp, dout=dout: (layer.forward(inp), layer.backward(dout)))
              for layer, inp, dout in zip(layers, inputs, douts)]

    def step():
        h = x
        for layer in layers:
            h = layer.forward(h)
        d = np.ones_like(h)
        for layer in reversed(layers):
            d = layer.backward(d)

    update = training_step(net, make_optimizer("adam", 1e-3))
    rows = x.reshape(len(x), -1)
    t = np.random.default_rng(2).integers(0, 10, BATCH)
    return timers, step, lambda: update(rows, t)


def _torch_side(torch, x_np):
    nn = torch.nn
    layers = [nn.Conv2d(1, 16, 5), nn.Sequential(nn.ReLU(), nn.MaxPool2d(2)), nn.Conv2d(16, 32, 5),
              nn.Sequential(nn.ReLU(), nn.MaxPool2d(2)), nn.Flatten()]
    x = torch.from_numpy(x_np)
    inputs, h = [], x
    with torch.no_grad():
        for layer in layers:
            inputs.append(h)
            h = layer(h)
    timers = []
    for i, (layer, inp) in enumerate(zip(layers, inputs)):
        inp = inp.detach().clone().requires_grad_(i > 0)  # the net's input needs no gradient

        def fb(layer=layer, inp=inp):
            out = layer(inp)
            out.backward(torch.ones_like(out))

        timers.append(fb)
    conv_part = nn.Sequential(*layers)

    def step():
        out = conv_part(x)
        out.backward(torch.ones_like(out))

    net = nn.Sequential(*layers, nn.Linear(512, 128), nn.ReLU(), nn.Linear(128, 10))
    adam = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    t = torch.from_numpy(np.random.default_rng(2).integers(0, 10, BATCH))

    def train_step():
        adam.zero_grad(set_to_none=True)
        loss_fn(net(x), t).backward()
        adam.step()

    return timers, step, train_step


def run(rounds: int = 7, repeats: int = 5) -> dict:
    x = np.random.default_rng(1).random((BATCH, 1, 28, 28), dtype=np.float32)
    try:
        import torch
    except ImportError:
        torch = None
    figures = {"cpu_count": os.cpu_count(), "load_average_start": os.getloadavg()[0]}
    print(f"conv: reference net's conv part, batch {BATCH}, float32, numpy {np.__version__}, "
          f"{os.cpu_count()} cores, load average {figures['load_average_start']:.1f} at the start "
          f"(other work on the machine slows every figure)")
    sides = {"numpy": _numpy_side(x)}
    if torch is not None:
        sides["torch"] = _torch_side(torch, x)
    for threads in (1, 2):
        layer_s = {side: [[] for _ in NAMES] for side in sides}
        step_s = {side: [] for side in sides}
        train_s = {side: [] for side in sides}
        for _ in range(rounds):
            for side, (timers, step, train_step) in sides.items():
                if side == "torch":
                    torch.set_num_threads(threads)
                with _limits(threads):
                    for i, fn in enumerate(timers):
                        layer_s[side][i].append(_seconds(fn, repeats))
                    step_s[side].append(_seconds(step, repeats))
                    train_s[side].append(_seconds(train_step, repeats))
                time.sleep(SETTLE_S)
        print(f"  {threads} thread{'s' * (threads > 1)}: forward+backward per layer, ms (median of {rounds} rounds)"
              + ("   numpy | PyTorch" if torch is not None else ""))
        for i, name in enumerate(NAMES):
            ms = {side: statistics.median(layer_s[side][i]) * 1e3 for side in sides}
            figures[f"numpy_{threads}t_{KEYS[i]}_ms"] = ms["numpy"]
            if torch is not None:
                figures[f"torch_{threads}t_{KEYS[i]}_ms"] = ms["torch"]
            side = f" | {ms['torch']:7.2f}" if torch is not None else ""
            print(f"    {name:<18} {ms['numpy']:7.2f}{side}")
        for what, samples in (("conv part", step_s), ("whole net, training", train_s)):
            key = "conv" if what == "conv part" else "train"
            rates = {side: BATCH / statistics.median(v) for side, v in samples.items()}
            best = {side: BATCH / min(v) for side, v in samples.items()}
            figures[f"{key}_numpy_{threads}t"], figures[f"{key}_numpy_{threads}t_best"] = rates["numpy"], best["numpy"]
            line = f"    {what}: numpy {rates['numpy']:,.0f} samples/s (best round {best['numpy']:,.0f})"
            if torch is not None:
                figures[f"{key}_torch_{threads}t"] = rates["torch"]
                figures[f"{key}_torch_{threads}t_best"] = best["torch"]
                ratio = figures[f"{key}_ratio_{threads}t"] = rates["numpy"] / rates["torch"]
                line += (f"; PyTorch {torch.__version__} {rates['torch']:,.0f} (best {best['torch']:,.0f}); "
                         f"numpy/PyTorch = {ratio:.2f} (best rounds {best['numpy'] / best['torch']:.2f})")
            print(line)
    if torch is None:
        print("  PyTorch side by side: skipped (torch is not installed; it is not a dependency)")
    return figures
