"""Training as a generator of small records: the loop the CLI and the GUI worker both iterate.

The settings of a run (TrainConfig, parse_hidden, SAMPLING) live in config.py."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from nnstudio.core.errors import UserInputError
from nnstudio.core.nn.config import TrainConfig
from nnstudio.core.nn.network import BuildCancelled, MultiLayerNet
from nnstudio.core.nn.fused import training_step
from nnstudio.core.nn.learning import LearningMonitor
from nnstudio.core.nn.optimizers import make_optimizer
from nnstudio.core.nn.records import DivergedRecord, EpochRecord, FinishedRecord, StepRecord

# Divergence, beyond a loss that stops being finite. A run can blow up while the loss stays finite:
# cross-entropy clips log(0) at -log(1e-7) ≈ 16.1 and sigmoids saturate, so with lr 1e6 the book's
# net ends up with huge weights, a loss near 14 and 10% accuracy and never produces a NaN.
HEALTH_EVERY = 20  # steps between checks of the weights (and snapshots of the last good ones)
WEIGHT_LIMIT = 1e3  # |parameter| beyond this on [0, 1] inputs: no MNIST net learns there (trained: < 20)
LOSS_BLOWUP = 3.0  # smoothed loss this many times its starting value (and above chance): diverged
LOSS_SMOOTHING = 0.05  # weight of the newest step in the smoothed loss (≈ 20-step average)


class TrainingCancelled(Exception):
    """The run was stopped while its training data was still being prepared."""


@dataclass
class Trainer:
    """Runs one training; iterate `run()` for records. Thread-safe controls: `stop()`, `set_lr()`.

    data : ((x_train, t_train), (x_test, t_test)), x float in [0, 1] shape (N, 784), t labels (N,)
        or one-hot (N, 10).
    network : continue training this network (a MultiLayerNet or a SequentialNet) instead of
        building a fresh one from `config`.
    batch_transform : optional f(x_batch, rng) → x_batch applied to each mini-batch; when None and
        `config.augment` is set, nnstudio.core.digits.augment.augment_batch is used.
    eval_train_limit : measure train accuracy on at most this many images (default: config.eval_train).
    extra_train : optional (x, t) appended to the training set (the user's own digits).
    stop_event : a threading.Event to use as the stop flag, so a caller can cancel even the
        preparation (synthetic digits take most of a minute): TrainingCancelled is raised then.
    progress : optional progress(done, total), called from the constructor every 256 synthetic
        digits drawn, so that a caller can show how far the preparation has come.
    """

    config: TrainConfig
    data: tuple
    network: MultiLayerNet | None = None
    batch_transform: Callable | None = None
    eval_train_limit: int | None = None
    extra_train: tuple | None = None
    stop_event: threading.Event | None = None  # share a stop flag set before the Trainer exists
    progress: Callable | None = None  # progress(done, total) while synthetic digits are drawn
    _stop: threading.Event = field(default_factory=threading.Event, init=False, repr=False)
    _pending_lr: float | None = field(default=None, init=False, repr=False)

    def __post_init__(self):
        if self.stop_event is not None:
            self._stop = self.stop_event
        cfg = self.config
        dtype = np.dtype(cfg.dtype)
        (xtr, ttr), (xte, tte) = self.data
        self._check_memory(xtr, xte)  # before anything is allocated: refuse with advice
        xtr, ttr = _as_rows(xtr, dtype), _as_labels(ttr)
        if len(xtr) != len(ttr):
            raise UserInputError(f"{len(xtr)} training images but {len(ttr)} labels")
        if cfg.train_subset is not None:
            xtr, ttr = xtr[:cfg.train_subset], ttr[:cfg.train_subset]
        extra = []
        if self.extra_train is not None and len(self.extra_train[0]):
            ex, et = _as_rows(self.extra_train[0], dtype), _as_labels(self.extra_train[1])
            if len(ex) != len(et) or (len(xtr) and ex.shape[1] != xtr.shape[1]):
                raise UserInputError("extra training rows do not match the training set")
            extra.append((ex, et))
        if cfg.synthetic:
            from nnstudio.core.digits.synth import make_synthetic  # lazily: the engine works without it

            from nnstudio.core.digits.synth import SynthesisCancelled

            try:
                sx, st = make_synthetic(cfg.synthetic, np.random.default_rng(cfg.seed + 2),
                                        should_stop=self._stop.is_set, progress=self.progress)
            except SynthesisCancelled as exc:
                raise TrainingCancelled(str(exc)) from None
            extra.append((_as_rows(sx, dtype), _as_labels(st)))
        self._raise_if_stopped()
        if extra:
            xtr = np.concatenate([xtr, *(e[0] for e in extra)])
            ttr = np.concatenate([ttr, *(e[1] for e in extra)])
        self.x_train, self.t_train = xtr, ttr
        self.x_test, self.t_test = _as_rows(xte, dtype), _as_labels(tte)
        if len(self.x_train) == 0:
            raise UserInputError("the training set is empty")
        if self.batch_transform is None and cfg.augment:
            from nnstudio.core.digits.augment import augment_batch  # lazily, as above

            self.batch_transform = augment_batch
        if self.eval_train_limit is None:
            self.eval_train_limit = cfg.eval_train
        self._raise_if_stopped()
        if self.network is None:
            try:
                self.network = cfg.build_network(self.x_train.shape[1], 10, should_stop=self._stop.is_set)
            except BuildCancelled as exc:
                raise TrainingCancelled(str(exc)) from None
        elif self.network.sizes[0] != self.x_train.shape[1]:
            raise UserInputError(f"the network takes {self.network.sizes[0]} inputs, the data has "
                             f"{self.x_train.shape[1]}")
        self.optimizer = make_optimizer(cfg.optimizer, cfg.lr)
        self.rng = np.random.default_rng(cfg.seed + 1)
        n = len(self.x_train)
        if cfg.sampling == "shuffle":
            self.iters_per_epoch = max(math.ceil(n / cfg.batch_size), 1)
        else:
            self.iters_per_epoch = max(n // cfg.batch_size, 1)  # the book's iter_per_epoch
        if cfg.iterations is not None:
            self.total_iterations = int(cfg.iterations)
        else:
            self.total_iterations = max(int(round(cfg.epochs * self.iters_per_epoch)), 1)
        self.iteration = 0
        self.diverged: DivergedRecord | None = None

    def _check_memory(self, xtr, xte) -> None:
        """NotEnoughMemory (a UserInputError with the figure and a suggestion) when this run does not fit."""
        from nnstudio.core.nn.memory import check_training

        shape = np.shape(xtr)
        inputs = int(np.prod(shape[1:])) if len(shape) > 1 else 784
        n_extra = len(self.extra_train[0]) if self.extra_train is not None else 0
        net = self.network
        config = self.config
        if net is not None and getattr(net, "arch", None) != config.arch:  # the network's layers count
            config = config.with_(arch=getattr(net, "arch", None))
        check_training(config, n_train=len(xtr), n_test=len(xte), n_extra=n_extra,
                       input_size=net.sizes[0] if net is not None else inputs,
                       output_size=net.sizes[-1] if net is not None else 10,
                       network_exists=net is not None)

    def _raise_if_stopped(self) -> None:
        if self._stop.is_set():
            raise TrainingCancelled("stopped while the training data was being prepared")

    # ------------------------------------------------------------------ controls (any thread)
    def stop(self) -> None:
        """Ask the run to end before its next mini-batch."""
        self._stop.set()

    def set_lr(self, lr: float) -> None:
        """Change the learning rate; it takes effect at the next step."""
        if not (lr > 0 and math.isfinite(lr)):
            raise UserInputError("learning rate must be a positive number")
        self._pending_lr = float(lr)

    @property
    def lr(self) -> float:
        return self._pending_lr if self._pending_lr is not None else self.optimizer.lr

    # ------------------------------------------------------------------ evaluation
    def evaluate(self) -> tuple[float, float] | None:
        """(train accuracy, test accuracy) of the network now; None when a stop was asked for while
        evaluating (the chunks of rows check it: a wide network on many images takes a while)."""
        xtr, ttr = self.x_train, self.t_train
        if self.eval_train_limit is not None and len(xtr) > self.eval_train_limit:
            xtr, ttr = xtr[:self.eval_train_limit], ttr[:self.eval_train_limit]
        train = self._accuracy(xtr, ttr)
        test = None if train is None else self._accuracy(self.x_test, self.t_test)
        return None if test is None else (train, test)

    def _accuracy(self, x, t) -> float | None:
        labels = self.network.predict_labels(x, should_stop=self._stop.is_set)
        if labels is None:
            return None
        return float(np.mean(labels == t)) if len(t) else float("nan")

    # ------------------------------------------------------------------ the loop
    def _batches(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Mini-batches gathered into one reused buffer (valid until the next batch is drawn):
        a fresh 300 kB array per step costs more than the gather itself."""
        cfg, n, rng, b = self.config, len(self.x_train), self.rng, self.config.batch_size
        x, t = self.x_train, self.t_train
        buf = np.empty((b if cfg.sampling == "replacement" else min(b, n), x.shape[1]), x.dtype)
        if cfg.sampling == "replacement":
            # Without a batch transform nothing else draws from rng, so the indices of 64 steps
            # come from one call: the same stream as 64 calls (NumPy's Generator), with less overhead.
            # (Fewer for huge batches: the block stays under INDEX_BLOCK_ELEMENTS indices.)
            from nnstudio.core.nn.memory import INDEX_BLOCK, INDEX_BLOCK_ELEMENTS

            block = max(min(INDEX_BLOCK, INDEX_BLOCK_ELEMENTS // b), 1) if self.batch_transform is None else 1
            while True:
                for idx in rng.integers(0, n, (block, b)):
                    yield np.take(x, idx, axis=0, out=buf, mode="clip"), t[idx]
        while True:
            # Gather each batch through a slice of one permutation: copying the whole shuffled
            # set each epoch (188 MB for MNIST in float32) would cost more than all the gathers.
            perm = rng.permutation(n)
            for start in range(0, n, b):
                idx = perm[start:start + b]
                if len(idx) == len(buf):
                    yield np.take(x, idx, axis=0, out=buf, mode="clip"), t[idx]
                else:  # the last, smaller batch of an epoch
                    yield x[idx], t[idx]

    def run(self) -> Iterator:
        """Yield EpochRecord at epoch 0, then StepRecord per update, EpochRecord at each epoch end,
        at most one NotLearningRecord (between two steps, when the loss is flat or the accuracy
        stays at chance), and last a FinishedRecord (after a DivergedRecord when the run blows up)."""
        net, opt, cfg = self.network, self.optimizer, self.config
        flat = net.flat_params
        update = training_step(net, opt)
        clock = time.perf_counter
        start = clock()
        last_good = flat.copy()
        with _diverging_maths():  # a loaded network may come with huge weights
            accuracies = self.evaluate()
        if accuracies is None:  # stopped while measuring the untrained network
            yield FinishedRecord("stopped", 0, 0.0, clock() - start)
            return
        train_acc, test_acc = accuracies
        yield EpochRecord(0, 0, train_acc, test_acc, float("nan"), clock() - start, 0.0)
        batches = self._batches()
        transform = self.batch_transform
        ipe, total = self.iters_per_epoch, self.total_iterations
        reason = "completed"
        busy = 0.0  # seconds spent training inside this generator since the last epoch record:
        # time the consumer holds a record (a paused GUI, printing) and evaluation do not count
        samples = 0
        loss_sum, loss_n = 0.0, 0
        reference = None  # the loss of the first step, before any update
        smooth = 0.0
        chance = _chance_loss(net)
        monitor = self.monitor = LearningMonitor(classes=net.sizes[-1])
        stop_is_set = self._stop.is_set
        resumed = clock()
        while self.iteration < total:
            if stop_is_set():
                reason = "stopped"
                break
            if self._pending_lr is not None:
                opt.lr, self._pending_lr = self._pending_lr, None
            x, t = next(batches)
            if transform is not None:
                x = np.ascontiguousarray(transform(x, self.rng), dtype=net.dtype)
            with _diverging_maths():
                loss = update(x, t)
            step = self.iteration + 1
            if not math.isfinite(loss):  # (the update was not applied)
                yield self._diverge(step, loss, last_good, "the loss became non-finite")
                reason = "diverged"
                break
            self.iteration = step
            samples += len(x)
            loss_sum += loss
            loss_n += 1
            # A blow-up with a finite loss: the smoothed loss far above where it started.
            if reference is None:
                reference = smooth = loss  # the untrained network's loss
            else:
                smooth += LOSS_SMOOTHING * (loss - smooth)
            busy += clock() - resumed
            yield StepRecord(step, step / ipe, loss, opt.lr)
            resumed = clock()
            note = monitor.add_loss(step, loss, opt.lr)
            epoch_end = step % ipe == 0 or step == total
            if step % HEALTH_EVERY == 0 or epoch_end:
                why = _health(flat, reference, smooth, chance)
                if why:
                    yield self._diverge(step, loss, last_good, why)
                    reason = "diverged"
                    break
                np.copyto(last_good, flat)
            if epoch_end:
                busy += clock() - resumed
                accuracies = self.evaluate()
                if accuracies is None:  # stopped while evaluating: keep the last epoch's figures
                    reason = "stopped"
                    break
                train_acc, test_acc = accuracies
                yield EpochRecord(math.ceil(step / ipe), step, train_acc, test_acc, loss_sum / loss_n,
                                  clock() - start, samples / busy if busy > 0 else 0.0)
                note = note or monitor.add_accuracy(step, train_acc, opt.lr, loss_sum / loss_n)
                if cfg.lr_decay != 1.0 and self._pending_lr is None:
                    opt.lr *= cfg.lr_decay
                busy, samples, loss_sum, loss_n = 0.0, 0, 0.0, 0
                resumed = clock()
            if note is not None:  # after the epoch record: the GUI worker expects that right after a step
                busy += clock() - resumed
                yield note
                resumed = clock()
        if reason == "diverged":
            accuracies = self.evaluate()  # of the weights that were kept (unless stopped meanwhile)
            if accuracies is not None:
                train_acc, test_acc = accuracies
        # (after a stop: the accuracies of the last epoch boundary, so that stopping stays quick)
        yield FinishedRecord(reason, self.iteration, self.iteration / ipe, clock() - start,
                             train_acc, test_acc)

    def _diverge(self, step: int, loss: float, last_good: np.ndarray, why: str) -> DivergedRecord:
        """Keep the last weights that passed the health check; describe the blow-up."""
        np.copyto(self.network.flat_params, last_good)
        self.diverged = DivergedRecord(step, float(self.optimizer.lr), float(loss), why)
        return self.diverged


def _diverging_maths() -> np.errstate:
    """Numpy's overflow warnings silenced around one step's maths (never across a yield, so the
    consumer's own maths still warns). A run that blows up overflows on purpose, and the loop's
    checks see it (a non-finite loss, huge weights, a loss far above where it started) and report
    it in one DivergedRecord: RuntimeWarnings about the same steps would only be noise."""
    return np.errstate(over="ignore", invalid="ignore", divide="ignore")


def _health(flat: np.ndarray, reference: float | None, smooth: float, chance: float) -> str:
    """"" when training looks sane, else why it diverged (non-finite or huge weights, a loss blow-up)."""
    hi, lo = float(flat.max()), float(flat.min())  # NaN propagates through max and min
    if not (math.isfinite(hi) and math.isfinite(lo)):
        return "the weights became non-finite"
    if max(hi, -lo) > WEIGHT_LIMIT:
        return f"the weights exploded (largest |w| = {max(hi, -lo):.3g})"
    if reference is not None and smooth > LOSS_BLOWUP * max(reference, chance):
        return f"the loss exploded (from {reference:.3g} to {smooth:.3g})"
    return ""


def _chance_loss(net: MultiLayerNet) -> float:
    """The loss of a network that knows nothing: uniform probabilities (CE) or all outputs 0.5."""
    k = net.sizes[-1]
    return math.log(k) if net.loss_name == "cross_entropy" else 0.5 * (k * 0.25)


def _as_rows(x, dtype) -> np.ndarray:
    x = np.asarray(x)
    return np.ascontiguousarray(x.reshape(len(x), -1), dtype=dtype)


def _as_labels(t) -> np.ndarray:
    t = np.asarray(t)
    if t.ndim == 2:
        t = t.argmax(axis=1)
    return t.astype(np.intp, copy=False)

