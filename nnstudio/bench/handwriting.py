"""Benchmark: the bundled model on the proxy handwriting set and on MNIST, and augmentation's cost."""

from __future__ import annotations

import time

import numpy as np


def _bundled():
    from nnstudio.core.nn.serialization import ModelFileError, load_model
    from nnstudio.paths import default_model_path

    try:
        return load_model(default_model_path())[0]
    except ModelFileError as exc:
        print(f"handwriting: no bundled model ({exc})")
        return None


def proxy_accuracy(net=None) -> dict:
    """Print and return the bundled model's MNIST test and proxy handwriting accuracies."""
    from nnstudio.core.digits import handwriting
    from nnstudio.core.digits.data import load_mnist

    net = net if net is not None else _bundled()
    figures: dict = {}
    if net is not None:
        _, (x_test, t_test) = load_mnist()
        mnist = net.accuracy(x_test, t_test)
        t0 = time.perf_counter()
        proxy, per_digit = handwriting.evaluate(net)
        seconds = time.perf_counter() - t0
        n = 10 * handwriting.DEFAULT_PER_DIGIT
        print(f"handwriting: bundled model {getattr(net, 'arch', None) or '-'.join(map(str, net.sizes))}: MNIST test {mnist:.2%} "
              f"(target >= 99.0%), proxy pen digits {proxy:.2%} (target >= 93%)")
        print("handwriting: proxy per digit  " + "  ".join(f"{d}:{a:.0%}" for d, a in enumerate(per_digit))
              + f"   (target >= 75% each; {n} digits generated and read in {seconds:.1f} s)")
        figures.update(mnist_test_acc=float(mnist), proxy_acc=float(proxy),
                       proxy_per_digit=[float(a) for a in per_digit])
        figures.update(writers_figures(net))
    return figures


def writers_figures(net) -> dict:
    """Print and return the second proxy (writers.py) and the honest reading's rates."""
    from nnstudio.core.digits import writers

    t0 = time.perf_counter()
    acc, per_digit, per_style = writers.evaluate(net)
    worst = sorted(per_style.items(), key=lambda kv: kv[1])[:4]
    print(f"handwriting: second proxy (simulated writers, {10 * writers.DEFAULT_PER_DIGIT} digits): "
          f"{acc:.2%} (target >= 95%); per digit  "
          + "  ".join(f"{d}:{a:.0%}" for d, a in enumerate(per_digit)) + "  (target >= 85% each)")
    print("handwriting: second proxy, weakest styles  " + ", ".join(f"{k} {v:.0%}" for k, v in worst))
    rates = writers.reading_rates(net)
    print(f"handwriting: honest reading: {rates['non_digit_refused']:.1%} of {rates['non_digits']} synthetic "
          f"non-digits refused (target >= 95%; "
          + ", ".join(f"{k} {v:.0%}" for k, v in rates["refused_by_kind"].items())
          + f"), {rates['digit_refused']:.1%} of {rates['digits']} clean digits refused (target <= 1%), "
          f"{rates['digit_unsure']:.1%} shown as unsure, {rates['digit_right']:.1%} read as the right digit "
          f"({time.perf_counter() - t0:.0f} s)")
    return {"writers_acc": acc, "writers_per_digit": [float(a) for a in per_digit],
            "writers_per_style": per_style, "reading": rates}


def run(batch: int = 128, repeats: int = 20) -> dict:
    from nnstudio.core.digits.augment import augment_batch
    from nnstudio.core.digits.data import load_mnist

    net = _bundled()
    figures = proxy_accuracy(net) if net is not None else {}
    (x_train, t_train), _ = load_mnist()

    # Augmentation against one training step of the same size: the slowdown it causes.
    rng = np.random.default_rng(0)
    xb, tb = x_train[:batch], t_train[:batch]
    augment_batch(xb, rng)
    t0 = time.perf_counter()
    for _ in range(repeats):
        augment_batch(xb, rng)
    aug_ms = (time.perf_counter() - t0) / repeats * 1000
    figures["augment_ms_per_batch"] = aug_ms
    line = f"handwriting: augment_batch of {batch} images {aug_ms:.1f} ms"
    if net is not None:
        from nnstudio.core.nn.optimizers import make_optimizer
        from nnstudio.core.nn.fused import training_step

        update = training_step(net.copy(), make_optimizer("adam", 1e-4))

        def step():  # what the trainer does per mini-batch without augmentation
            update(xb, tb)

        step()
        t0 = time.perf_counter()
        for _ in range(repeats):
            step()
        step_ms = (time.perf_counter() - t0) / repeats * 1000
        figures["train_step_ms_per_batch"] = step_ms
        line += (f", one training step of the bundled net (gradient + Adam) {step_ms:.1f} ms: training "
                 f"with augmentation takes {(aug_ms + step_ms) / step_ms:.2f}x as long")
    print(line)
    return figures
