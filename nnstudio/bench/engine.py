"""Benchmark: the learning engine's speed (throughput, trainer overhead, the presets' wall times)."""

from __future__ import annotations

import os
import statistics
import time

import numpy as np

from nnstudio.bench import median_seconds

# Targets from issue 3 (a careful plain-numpy trainer reached them on this kind of 2-core machine).
SETTLE_S = 0.3  # pause between numpy's and PyTorch's runs when they alternate
TARGETS = {"small_1t": 250_000, "big_1t": 60_000, "book_s": 5.0, "nielsen_s": 15.0, "fast_s": 8.0}
# Issue 14's reference conv net; numpy/PyTorch must be >= 0.5 at 1 and at 2 threads (aim: parity).
CONV_ARCH = "conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10"
RATIO_TARGETS = {"small_1t": 2.0, "big_1t": 1.3, "conv_1t": 0.5, "conv_2t": 0.5}


def _limits(threads: int):
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=threads, user_api="blas")


def _throughput(data, sizes, activation, init, optimizer, lr, batch, steps, threads, repeats=3, side=None,
                arch=None):
    """Samples/s of Trainer.run() (its own epoch figure: gathers, steps, records; no evaluation),
    and of the bare step (train_gradient + optimizer) on the same batches → overhead per step.
    `side`, when given, is called after each repeat and returns a rate of its own (PyTorch's), so
    that a burst of load on this shared machine falls on both sides alike; its median is returned
    too (None without it)."""
    from nnstudio.core.nn.optimizers import make_optimizer
    from nnstudio.core.nn.fused import training_step
    from nnstudio.core.nn.config import TrainConfig
    from nnstudio.core.nn.trainer import Trainer

    (xtr, ttr), test = data
    cfg = TrainConfig(hidden=tuple(sizes[1:-1]), arch=arch, activation=activation, init=init,
                      optimizer=optimizer, lr=lr, batch_size=batch, iterations=steps, sampling="replacement",
                      train_subset=steps * batch, eval_train=1)
    small_test = (test[0][:1], test[1][:1])  # evaluation is not what this measures
    trainer_rates, bare_rates, side_rates = [], [], []
    with _limits(threads):
        for _ in range(repeats):
            trainer = Trainer(cfg, ((xtr, ttr), small_test))
            rate = [r.samples_per_s for r in trainer.run() if type(r).__name__ == "EpochRecord"][-1]
            trainer_rates.append(rate)
            update = training_step(cfg.build_network(), make_optimizer(optimizer, lr))
            rng = np.random.default_rng(0)
            x_all = trainer.x_train
            idx = [rng.integers(0, len(x_all), batch) for _ in range(steps)]
            batches = [(x_all[i], ttr[i]) for i in idx]  # gathered beforehand: the bare step only
            t0 = time.perf_counter()
            for x, t in batches:
                update(x, t)
            bare_rates.append(steps * batch / (time.perf_counter() - t0))
            if side is not None:
                # Each side's idle worker threads spin for a while after their last product (BLAS,
                # OpenMP): with two threads they would slow the other side's run down. Let them sleep.
                time.sleep(SETTLE_S)
                side_rates.append(side())
                time.sleep(SETTLE_S)
    trainer_rate, bare_rate = statistics.median(trainer_rates), statistics.median(bare_rates)
    overhead_us = (batch / trainer_rate - batch / bare_rate) * 1e6
    return trainer_rate, bare_rate, overhead_us, statistics.median(side_rates) if side_rates else None


def _torch_conv_layers(torch):
    """CONV_ARCH in PyTorch: (N, 784) rows → the same layers, ReLU after each but the last."""
    nn = torch.nn
    return [nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(512, 128), nn.ReLU(),
            nn.Linear(128, 10)]


def _torch_runner(torch, data, sizes, activation, optimizer, lr, batch, steps, threads, arch=None):
    """The same net, batch, optimizer and thread count trained by PyTorch on the CPU: a function
    that trains `steps` more mini-batches and returns their samples/s. arch: CONV_ARCH or None."""
    torch.set_num_threads(threads)
    if arch is not None:
        assert arch == CONV_ARCH, arch
        model = torch.nn.Sequential(*_torch_conv_layers(torch))
    else:
        from nnstudio.core.interop.layout import mlp_modules, to_torch  # the one mapping to torch.nn

        model = to_torch(torch, mlp_modules(sizes, activation))
    opt = (torch.optim.SGD if optimizer == "sgd" else torch.optim.Adam)(model.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    (xtr, ttr), _ = data
    x_all, t_all = torch.from_numpy(xtr), torch.from_numpy(ttr.astype(np.int64))
    gen = torch.Generator().manual_seed(0)

    def train():
        torch.set_num_threads(threads)
        t0 = time.perf_counter()
        for _ in range(steps):
            idx = torch.randint(0, len(x_all), (batch,), generator=gen)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x_all[idx]), t_all[idx])
            loss.backward()
            opt.step()
        return steps * batch / (time.perf_counter() - t0)

    train()  # warm-up: PyTorch allocates and picks its kernels on the first steps
    return train


def _preset_seconds(data, name, threads, **changes):
    from nnstudio.core.nn.presets import get_preset
    from nnstudio.core.nn.trainer import Trainer

    cfg = get_preset(name).config.with_(**changes)
    with _limits(threads):
        t0 = time.perf_counter()
        final = list(Trainer(cfg, data).run())[-1]
        return time.perf_counter() - t0, final


def _time_to_target(data, name, seed, threads, target):
    """Seconds from the start of the run until an epoch-end test accuracy ≥ target (None if never)."""
    from nnstudio.core.nn.presets import get_preset
    from nnstudio.core.nn.records import EpochRecord
    from nnstudio.core.nn.trainer import Trainer

    cfg = get_preset(name).config.with_(seed=seed)
    with _limits(threads):
        t0 = time.perf_counter()
        trainer = Trainer(cfg, data)
        for rec in trainer.run():
            if isinstance(rec, EpochRecord) and rec.test_acc >= target:
                trainer.stop()
                return time.perf_counter() - t0, rec.epoch, rec.test_acc
        return None, None, None


def _sustained(data, steps=3000, window=500):
    """Samples/s of 784-256-128-10 Adam in the first and the last `window` steps of a longer run:
    the optimizer's state must not sink into subnormal floats as the run goes on (before the flush,
    the last window ran slower than the first, and the gap kept growing)."""
    from nnstudio.core.nn.records import StepRecord
    from nnstudio.core.nn.config import TrainConfig
    from nnstudio.core.nn.trainer import Trainer

    (xtr, ttr), test = data
    cfg = TrainConfig(hidden=(256, 128), activation="relu", init="he", optimizer="adam", lr=1e-3,
                      batch_size=128, iterations=steps, sampling="replacement", eval_train=1)
    stamps = []
    with _limits(1):
        for rec in Trainer(cfg, ((xtr, ttr), (test[0][:1], test[1][:1]))).run():
            if isinstance(rec, StepRecord) and rec.iteration % window == 0:
                stamps.append(time.perf_counter())
    first = window * 128 / (stamps[1] - stamps[0])  # steps window+1 .. 2*window (after warm-up)
    last = window * 128 / (stamps[-1] - stamps[-2])
    return first, last


def _status(value, target, higher_is_better=True):
    ok = value >= target if higher_is_better else value <= target
    return "ok" if ok else "MISSED"


def run(seeds: int = 5, quick: bool = False) -> dict:
    from nnstudio.core.digits.data import load_mnist
    from nnstudio.core.nn.network import MultiLayerNet

    data = load_mnist()
    figures = {"cpu_count": os.cpu_count(), "load_average_start": os.getloadavg()[0]}
    print(f"engine: float32, numpy {np.__version__}, {os.cpu_count()} cores, load average "
          f"{figures['load_average_start']:.1f} at the start (other work on the machine slows every figure)")
    steps = 100 if quick else 400

    small = ([784, 50, 10], "sigmoid", "std", "sgd", 0.1, 100, None)
    big = ([784, 256, 128, 10], "relu", "he", "adam", 1e-3, 128, None)
    conv = ([784, 10], "relu", "he", "adam", 1e-3, 128, CONV_ARCH)
    runs = [("small_1t", small, 1, steps), ("big_1t", big, 1, steps), ("big_2t", big, 2, steps),
            ("conv_1t", conv, 1, steps // 4), ("conv_2t", conv, 2, steps // 4)]  # conv: ~15x the work a step
    try:
        import torch
    except ImportError:
        torch = None
    side_lines = []
    for key, (sizes, act, init, opt, lr, batch, arch), threads, n_steps in runs:
        side = None if torch is None else _torch_runner(torch, data, sizes, act, opt, lr, batch, n_steps,
                                                            threads, arch)
        rate, bare, overhead, t_rate = _throughput(data, sizes, act, init, opt, lr, batch, n_steps, threads,
                                                   repeats=3 if side is None else 5, side=side, arch=arch)
        name = arch if arch is not None else "-".join(map(str, sizes))
        figures[key] = rate
        figures[key + "_bare"] = bare
        figures[key + "_overhead_us"] = overhead
        target = TARGETS.get(key)
        goal = f" (target >= {target:,}: {_status(rate, target)})" if target else ""
        cost = f"{overhead:.0f} us/step" if overhead > 0 else "within the noise"
        print(f"  {name} batch {batch} {opt}, {threads} thread{'s' * (threads > 1)}: "
              f"{rate:,.0f} samples/s through Trainer.run(){goal}; bare step {bare:,.0f}/s, "
              f"trainer overhead (batch gather, records, checks) {cost}")
        if t_rate is not None:
            figures[key + "_torch"] = t_rate
            ratio = figures[key + "_ratio"] = rate / t_rate
            goal = RATIO_TARGETS.get(key)
            goal = f" (target >= {goal}: {_status(ratio, goal)})" if goal else ""
            side_lines.append(f"  PyTorch {torch.__version__} {name} {threads}t: "
                              f"{t_rate:,.0f} samples/s; numpy/PyTorch = {ratio:.2f}{goal}")
    if torch is None:
        print("  PyTorch side by side: skipped (torch is not installed; it is not a dependency)")
    else:
        print("  PyTorch side by side (same net, batch, optimizer and threads; the two alternate, "
              "five runs each, medians):")
        print("\n".join(side_lines))

    net = MultiLayerNet([784, 256, 128, 10], activation="relu", init="he", rng=0)
    digit = data[1][0][:1]
    with _limits(1):
        seconds = median_seconds(lambda: net.probabilities(digit), 200 if quick else 2000)
    figures["forward_one_digit_us"] = seconds * 1e6
    print(f"  forward pass of one digit through 784-256-128-10 (probabilities): "
          f"{figures['forward_one_digit_us']:.0f} us (median)")

    if quick:
        return figures
    for name, key, threads in (("book-twolayer", "book_s", 2), ("book-twolayer", "book_1t_s", 1),
                               ("nielsen-ch1", "nielsen_s", 2), ("nielsen-ch1", "nielsen_1t_s", 1)):
        seconds, final = _preset_seconds(data, name, threads)
        figures[key] = seconds
        figures[key.replace("_s", "_test_acc")] = final.final_test_acc
        target = TARGETS.get(key)
        goal = f" (target <= {target:g} s: {_status(seconds, target, False)})" if target else ""
        print(f"  {name} on {threads} thread{'s' * (threads > 1)}: {seconds:.2f} s wall incl. every evaluation, "
              f"test accuracy {final.final_test_acc:.4f}{goal}")

    first, last = _sustained(data)
    figures["sustained_first"], figures["sustained_last"] = first, last
    print(f"  784-256-128-10 Adam, 1 thread, over 3,000 steps: {first:,.0f} samples/s in steps 501-1,000, "
          f"{last:,.0f} in steps 2,501-3,000 ({100 * (last / first - 1):+.0f}%: the optimizer's state is "
          f"kept out of subnormal floats)")

    for threads in (2, 1):
        results = [_time_to_target(data, "fast", seed, threads, 0.98) for seed in range(seeds)]
        reached = [r[0] for r in results if r[0] is not None]
        key = "fast_s" if threads == 2 else "fast_1t_s"
        median = statistics.median([r if r is not None else float("inf") for r, _e, _a in results])
        figures[key] = median
        figures[key + "_runs"] = [r[0] for r in results]
        figures[key + "_epochs"] = [r[1] for r in results]
        detail = ", ".join(f"{r:.1f} s (epoch {e})" if r is not None else "never" for r, e, _a in results)
        goal = f" (target <= {TARGETS['fast_s']:g} s: {_status(median, TARGETS['fast_s'], False)})" \
            if threads == 2 else ""
        print(f"  fast preset to >= 98% test accuracy on {threads} thread{'s' * (threads > 1)}: median "
              f"{median:.2f} s over {seeds} seeds{goal} [{detail}]; {len(reached)}/{seeds} reached it")
    figures["load_average_end"] = os.getloadavg()[0]
    print(f"  load average at the end: {figures['load_average_end']:.1f}")
    return figures
