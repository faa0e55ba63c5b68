"""Teach it my handwriting: fine-tune a copy of a network on the user's own digits mixed with
MNIST, measured on both before and after, and kept only when MNIST accuracy holds.

`finetune(...)` is a generator (the GUI's JobWorker iterates it: progress records, then the result
as its return value); the network it was given is never modified, so undoing is keeping the old one.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from nnstudio.core.errors import UserInputError
from nnstudio.core.nn import memory
from nnstudio.core.nn.base import labels_of
from nnstudio.core.nn.fused import training_step
from nnstudio.core.nn.optimizers import make_optimizer

# The tuned copy is kept only if its MNIST test accuracy is at most this much below the original's.
MAX_MNIST_DROP = 0.005
MIN_MY_DIGITS = 1
EVAL_ROWS = 1000  # rows per evaluation chunk: progress (and a chance to cancel) between chunks
REPORT_INTERVAL_S = 0.1  # training progress at most ten times a second (the steps take ~5-30 ms)


@dataclass(frozen=True)
class FinetuneSettings:
    """How long and how hard to fine-tune. A quarter of each mini-batch comes from the user's digits
    (drawn with replacement: a few dozen digits are seen many times, each time distorted a little
    when `augment` is on), the rest from MNIST's training set, so the network does not forget it."""

    steps: int = 150
    batch_size: int = 64
    mine_share: float = 0.25
    optimizer: str = "adam"
    lr: float = 2e-4  # a tenth of a usual training rate: nudge the weights, do not retrain them
    augment: bool = True
    seed: int = 0

    def checked(self) -> FinetuneSettings:
        if not (isinstance(self.steps, int) and self.steps >= 1):
            raise UserInputError("fine-tuning needs at least one step")
        if not (isinstance(self.batch_size, int) and self.batch_size >= 2):
            raise UserInputError("fine-tuning needs a batch of at least 2 images")
        if not (0.0 < self.mine_share <= 1.0):
            raise UserInputError("the share of my digits in a batch must be above 0 and at most 1")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise UserInputError("learning rate must be a positive number")
        return self


@dataclass(frozen=True)
class FinetuneProgress:
    """stage: "before" (measuring the model as it is), "training" or "after"; done of total."""

    stage: str
    done: int
    total: int
    loss: float = float("nan")


@dataclass(frozen=True)
class FinetuneResult:
    """Accuracies (fractions) of the original and of the tuned copy, and whether it is kept.

    reason: "" when kept, else "mnist_dropped" (the MNIST test accuracy fell more than
    MAX_MNIST_DROP) or "diverged" (a step's loss stopped being finite).
    """

    network: object  # the tuned copy (a new network; the original is untouched)
    mine_before: float
    mine_after: float
    mnist_before: float
    mnist_after: float
    n_mine: int
    n_mnist_test: int
    steps: int
    kept: bool
    reason: str

    @property
    def mnist_change(self) -> float:
        return self.mnist_after - self.mnist_before


def estimate_finetune(network, n_mine: int, settings: FinetuneSettings = FinetuneSettings()) \
        -> memory.MemoryEstimate:
    """Bytes a fine-tuning run allocates besides the data already loaded: the tuned copy, its
    gradients and optimizer state, one mini-batch through the layers (and its distortion), an
    evaluation chunk, the user's digits in the network's dtype."""
    item = np.dtype(network.dtype).itemsize
    batch = settings.batch_size
    arch = getattr(network, "arch", None)
    if arch:
        costs = memory.arch_costs(network.specs, network.input_shape)
        p, inputs = costs.parameters, costs.inputs
        per_row = (inputs + costs.train_values) * item
        chunk = min(EVAL_ROWS, memory.arch_eval_chunk_rows(network.specs, network.input_shape, network.dtype))
        evaluation = chunk * costs.eval_values * item
        grads = 2 * p * item
    else:
        sizes = [int(s) for s in network.sizes]
        p, inputs = memory.parameter_count(sizes), sizes[0]
        per_row = (sizes[0] + 3 * sum(sizes[1:-1]) + 3 * sizes[-1]) * item
        chunk = min(EVAL_ROWS, memory.eval_chunk_rows(sizes, network.dtype))
        evaluation = chunk * (sizes[0] + 3 * max(sizes[1:])) * item
        grads = p * item
    parts = {
        "parameters": p * item,
        "gradients": grads,
        "optimizer state": memory.OPTIMIZER_STATE.get(settings.optimizer, 2) * p * item,
        "mini-batch": batch * (per_row + 2 * inputs * 4 + 16),
        "augmentation": batch * memory.AUGMENT_BYTES_PER_IMAGE if settings.augment else 0,
        "evaluation": evaluation,
        "my digits": int(n_mine) * (inputs * item + 8),
    }
    return memory.MemoryEstimate(parts)


def check_finetune(network, n_mine: int, settings: FinetuneSettings = FinetuneSettings(),
                   available: int | None = None) -> memory.MemoryEstimate:
    """The estimate when it fits in the memory free; NotEnoughMemory (a UserInputError) when not."""
    estimate = estimate_finetune(network, n_mine, settings)
    if available is None:
        from nnstudio.core.system_memory import available_memory

        available = available_memory()
    if estimate.total > memory.usable_memory(available):
        raise memory.NotEnoughMemory(
            f"fine-tuning needs ~{memory.format_bytes(estimate.total)} of memory, "
            f"{memory.format_bytes(available)} free: close other programs or use a smaller model",
            estimate.total, available)
    return estimate


def _accuracy(network, x, t, stage: str, cancel):
    """Generator: yields FinetuneProgress per chunk of rows, returns the accuracy (a fraction)."""
    n = len(x)
    right = 0
    for start in range(0, n, EVAL_ROWS):
        if cancel is not None and cancel.is_set():
            raise FinetuneCancelled()
        labels = network.predict_labels(x[start:start + EVAL_ROWS])
        right += int(np.sum(labels == t[start:start + EVAL_ROWS]))
        yield FinetuneProgress(stage, min(start + EVAL_ROWS, n), n)
    return right / n if n else float("nan")


class FinetuneCancelled(Exception):
    """The run was cancelled (nothing is changed)."""


def finetune(network, mine: tuple, mnist: tuple, settings: FinetuneSettings = FinetuneSettings(),
             cancel=None):
    """Fine-tune a copy of `network` on the user's digits mixed with MNIST's training set.

    network : a MultiLayerNet or SequentialNet taking 784 inputs (never modified).
    mine : (x (n, 784) in [0, 1], t (n,) labels 0-9), the user's labelled digits.
    mnist : ((x_train, t_train), (x_test, t_test)) as load_mnist returns it.
    cancel : optional threading.Event; when set, FinetuneCancelled is raised between steps.
    Yields FinetuneProgress records; returns a FinetuneResult (its `kept` says whether the tuned
    copy may replace the original: MNIST test accuracy within MAX_MNIST_DROP of the original's).
    """
    settings = settings.checked()
    xm, tm = np.asarray(mine[0]), np.asarray(mine[1]).astype(np.int64).reshape(-1)
    (xtr, ttr), (xte, tte) = mnist
    if len(xm) < MIN_MY_DIGITS or len(xm) != len(tm):
        raise UserInputError("no digits of yours to learn from: draw some and label them first")
    if xm.ndim != 2 or xm.shape[1] != network.sizes[0] or xtr.shape[1] != network.sizes[0]:
        raise UserInputError(f"the model takes {network.sizes[0]} inputs, the digits have {xm.shape[-1]}")
    if len(xtr) == 0 or len(xte) == 0:
        raise UserInputError("the dataset has no training or no test images")
    check_finetune(network, len(xm), settings)
    dtype = np.dtype(network.dtype)
    xm = xm.astype(dtype)
    ttr, tte = labels_of(ttr), labels_of(tte)  # labels, or one-hot rows

    mine_before = yield from _accuracy(network, xm, tm, "before", cancel)
    mnist_before = yield from _accuracy(network, xte, tte, "before", cancel)

    tuned = network.copy()
    update = training_step(tuned, make_optimizer(settings.optimizer, settings.lr))
    rng = np.random.default_rng(settings.seed)
    batch = settings.batch_size
    k = min(max(int(round(batch * settings.mine_share)), 1), batch)
    augment = None
    if settings.augment:
        from nnstudio.core.digits.augment import augment_batch as augment
    reason, done = "", 0
    last_report = time.monotonic()
    for step in range(1, settings.steps + 1):
        if cancel is not None and cancel.is_set():
            raise FinetuneCancelled()
        im = rng.integers(0, len(xm), k)
        idx = rng.integers(0, len(xtr), batch - k)
        x = np.concatenate([xm[im], np.asarray(xtr[idx], dtype=dtype)])
        t = np.concatenate([tm[im], ttr[idx].astype(np.int64)])
        if augment is not None:
            x = augment(x, rng).astype(dtype, copy=False)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            loss = update(np.ascontiguousarray(x), t)
        if not math.isfinite(loss):
            reason = "diverged"
            break
        done = step
        now = time.monotonic()
        if now - last_report >= REPORT_INTERVAL_S or step == settings.steps:
            last_report = now
            yield FinetuneProgress("training", step, settings.steps, float(loss))

    with np.errstate(over="ignore", invalid="ignore"):
        mine_after = yield from _accuracy(tuned, xm, tm, "after", cancel)
        mnist_after = yield from _accuracy(tuned, xte, tte, "after", cancel)
    if not reason and mnist_after < mnist_before - MAX_MNIST_DROP - 1e-12:
        reason = "mnist_dropped"
    return FinetuneResult(tuned, mine_before, mine_after, mnist_before, mnist_after, len(xm), len(xte),
                          done, not reason, reason)


def run_to_end(gen):
    """Iterate a finetune generator to its result (for the command line and tests)."""
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value
