"""Training as a generator of small records: the loop the CLI and the GUI worker both iterate."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields, replace

import numpy as np

from nnstudio.core.network import MultiLayerNet
from nnstudio.core.optimizers import make_optimizer
from nnstudio.core.records import DivergedRecord, EpochRecord, FinishedRecord, StepRecord

SAMPLING = {
    "replacement": "each mini-batch drawn at random with replacement (the book)",
    "shuffle": "shuffle once per epoch, then walk through it in mini-batches (Nielsen)",
}


@dataclass(frozen=True)
class TrainConfig:
    """Every setting of a run. Exactly one of `epochs` and `iterations` bounds its length."""

    hidden: tuple = (50,)
    activation: str = "sigmoid"
    init: str = "std"
    init_std: float = 0.01
    loss: str = "cross_entropy"
    optimizer: str = "sgd"
    lr: float = 0.1
    batch_size: int = 100
    epochs: float | None = None
    iterations: int | None = 10_000
    sampling: str = "replacement"
    train_subset: int | None = None  # use the first N training images (None: all)
    seed: int = 0
    weight_decay: float = 0.0
    augment: bool = False  # random shifts, rotations, scaling, stroke width, elastic distortion
    dtype: str = "float32"

    def __post_init__(self):
        object.__setattr__(self, "hidden", tuple(int(h) for h in self.hidden))
        if any(h < 1 for h in self.hidden):
            raise ValueError("hidden layer sizes must be positive")
        if self.sampling not in SAMPLING:
            raise ValueError(f"unknown sampling {self.sampling!r}; choose from {', '.join(SAMPLING)}")
        if self.batch_size < 1:
            raise ValueError("batch size must be at least 1")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise ValueError("learning rate must be a positive number")
        if (self.epochs is None) == (self.iterations is None):
            raise ValueError("give either epochs or iterations")
        if self.epochs is not None and self.epochs <= 0 or self.iterations is not None and self.iterations < 1:
            raise ValueError("the run needs at least one iteration")
        if self.train_subset is not None and self.train_subset < 1:
            raise ValueError("the training subset needs at least one image")

    def to_dict(self) -> dict:
        d = asdict(self)
        d["hidden"] = list(self.hidden)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "TrainConfig":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})

    def with_(self, **changes) -> "TrainConfig":
        return replace(self, **changes)

    def build_network(self, input_size: int = 784, output_size: int = 10) -> MultiLayerNet:
        return MultiLayerNet([input_size, *self.hidden, output_size], activation=self.activation,
                             init=self.init, init_std=self.init_std, loss=self.loss,
                             weight_decay=self.weight_decay, dtype=self.dtype,
                             rng=np.random.default_rng(self.seed))


@dataclass
class Trainer:
    """Runs one training; iterate `run()` for records. Thread-safe controls: `stop()`, `set_lr()`.

    data : ((x_train, t_train), (x_test, t_test)), x float in [0, 1] shape (N, 784), t labels (N,).
    network : continue training this network instead of building a fresh one from `config`.
    batch_transform : optional f(x_batch, rng) → x_batch applied to each mini-batch (augmentation).
    extra_train : optional (x, t) appended to the training set (the user's own digits).
    """

    config: TrainConfig
    data: tuple
    network: MultiLayerNet | None = None
    batch_transform: Callable | None = None
    eval_train_limit: int | None = None  # evaluate train accuracy on at most this many images
    _stop: threading.Event = field(default_factory=threading.Event, init=False, repr=False)
    _pending_lr: float | None = field(default=None, init=False, repr=False)

    def __post_init__(self):
        cfg = self.config
        (xtr, ttr), (xte, tte) = self.data
        if cfg.train_subset is not None:
            xtr, ttr = xtr[:cfg.train_subset], ttr[:cfg.train_subset]
        dtype = np.dtype(cfg.dtype)
        self.x_train = np.ascontiguousarray(xtr, dtype=dtype).reshape(len(xtr), -1)
        self.t_train = np.asarray(ttr)
        self.x_test = np.ascontiguousarray(xte, dtype=dtype).reshape(len(xte), -1)
        self.t_test = np.asarray(tte)
        if len(self.x_train) == 0:
            raise ValueError("the training set is empty")
        if self.network is None:
            self.network = cfg.build_network(self.x_train.shape[1], 10)
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

    # ------------------------------------------------------------------ controls (any thread)
    def stop(self) -> None:
        """Ask the run to end before its next mini-batch."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def set_lr(self, lr: float) -> None:
        """Change the learning rate; it takes effect at the next step."""
        if not (lr > 0 and math.isfinite(lr)):
            raise ValueError("learning rate must be a positive number")
        self._pending_lr = float(lr)

    @property
    def lr(self) -> float:
        return self._pending_lr if self._pending_lr is not None else self.optimizer.lr

    # ------------------------------------------------------------------ evaluation
    def evaluate(self) -> tuple[float, float]:
        net = self.network
        xtr, ttr = self.x_train, self.t_train
        if self.eval_train_limit is not None and len(xtr) > self.eval_train_limit:
            xtr, ttr = xtr[:self.eval_train_limit], ttr[:self.eval_train_limit]
        return net.accuracy(xtr, ttr), net.accuracy(self.x_test, self.t_test)

    # ------------------------------------------------------------------ the loop
    def _batches(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        cfg, n, rng = self.config, len(self.x_train), self.rng
        if cfg.sampling == "replacement":
            while True:
                idx = rng.integers(0, n, cfg.batch_size)
                yield self.x_train[idx], self.t_train[idx]
        while True:
            perm = rng.permutation(n)
            xs, ts = self.x_train[perm], self.t_train[perm]  # one copy per epoch; slices are views
            for start in range(0, n, cfg.batch_size):
                yield xs[start:start + cfg.batch_size], ts[start:start + cfg.batch_size]

    def run(self) -> Iterator:
        """Yield EpochRecord at epoch 0, then StepRecord per update, EpochRecord at each epoch end,
        and last a FinishedRecord (after a DivergedRecord when the loss stops being finite)."""
        net, opt, cfg = self.network, self.optimizer, self.config
        start = time.perf_counter()
        train_time = 0.0
        samples_since = 0
        losses_since = []
        last_good = net.params_copy()
        train_acc, test_acc = self.evaluate()
        yield EpochRecord(0, 0, train_acc, test_acc, float("nan"), time.perf_counter() - start, 0.0)
        batches = self._batches()
        reason = "completed"
        while self.iteration < self.total_iterations:
            if self._stop.is_set():
                reason = "stopped"
                break
            if self._pending_lr is not None:
                opt.lr, self._pending_lr = self._pending_lr, None
            t0 = time.perf_counter()
            x, t = next(batches)
            if self.batch_transform is not None:
                x = self.batch_transform(x, self.rng)
            grads, loss = net.gradient(x, t, return_loss=True)
            if not math.isfinite(loss) or not all(np.isfinite(g).all() for g in grads.values()):
                net.set_params(last_good if not _finite(net.params) else net.params)
                yield DivergedRecord(self.iteration + 1, opt.lr, loss)
                reason = "diverged"
                break
            opt.step(net.params, grads)
            train_time += time.perf_counter() - t0
            self.iteration += 1
            samples_since += len(x)
            losses_since.append(loss)
            yield StepRecord(self.iteration, self.iteration / self.iters_per_epoch, loss, opt.lr)
            if self.iteration % self.iters_per_epoch == 0 or self.iteration == self.total_iterations:
                if not _finite(net.params):
                    net.set_params(last_good)
                    yield DivergedRecord(self.iteration, opt.lr, float("nan"))
                    reason = "diverged"
                    break
                last_good = net.params_copy()
                train_acc, test_acc = self.evaluate()
                yield EpochRecord(math.ceil(self.iteration / self.iters_per_epoch), self.iteration,
                                  train_acc, test_acc, float(np.mean(losses_since)),
                                  time.perf_counter() - start,
                                  samples_since / train_time if train_time > 0 else 0.0)
                samples_since, train_time, losses_since = 0, 0.0, []
        yield FinishedRecord(reason, self.iteration, self.iteration / self.iters_per_epoch,
                             time.perf_counter() - start, train_acc, test_acc)


def _finite(params: dict) -> bool:
    return all(np.isfinite(v).all() for v in params.values())
