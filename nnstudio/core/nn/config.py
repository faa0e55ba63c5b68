"""TrainConfig: every setting of a training run, checked on construction; parse_hidden for the
hidden sizes as the GUI's field and the CLI's --hidden spell them."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace

import numpy as np

from nnstudio.core.errors import UserInputError
from nnstudio.core.nn.network import MultiLayerNet
from nnstudio.core.nn.spec import INPUT_SHAPE, normalize_arch

SAMPLING = {
    "replacement": "each mini-batch drawn at random with replacement (the book)",
    "shuffle": "shuffle once per epoch, then walk through it in mini-batches (Nielsen)",
}

MAX_HIDDEN_SIZE = 100_000  # a sanity bound on one layer; the memory estimate is the real guard
MAX_HIDDEN_LAYERS = 100  # a model file holds two members a layer: its reader allows 127 layers
NO_HIDDEN = ("", "none")  # how the GUI and the CLI spell "no hidden layer" (softmax regression)
NO_ARCH = ("", "none", "mlp")  # how they spell "no architecture text: the MLP of the hidden sizes"


def parse_hidden(text: str) -> tuple[int, ...]:
    """'256, 128' → (256, 128); '' or 'none' → () (no hidden layer: softmax regression).

    Commas, semicolons or spaces separate the sizes. The GUI's field and the CLI's --hidden both
    read through this, so they accept and refuse the same text (0 is refused: it is not a layer)."""
    cleaned = str(text).strip()
    if cleaned.lower() in NO_HIDDEN:
        return ()
    parts = [p for p in cleaned.replace(";", ",").replace(" ", ",").split(",") if p]
    try:
        sizes = tuple(int(p) for p in parts)
    except ValueError:
        raise UserInputError(f"hidden sizes: write whole numbers separated by commas, like '256, 128' "
                         f"(got {text!r})") from None
    if len(sizes) > MAX_HIDDEN_LAYERS:
        raise UserInputError(f"at most {MAX_HIDDEN_LAYERS} hidden layers (got {len(sizes)})")
    if any(s < 1 or s > MAX_HIDDEN_SIZE for s in sizes):
        raise UserInputError(f"hidden sizes must be positive, at most {MAX_HIDDEN_SIZE:,} (for no hidden "
                         f"layer, leave them empty or write 'none')")
    return sizes


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
    synthetic: int = 0  # append this many synthetic pad-style digits to the training set
    eval_train: int | None = None  # measure train accuracy on at most this many images (None: all)
    lr_decay: float = 1.0  # multiply the learning rate by this at each epoch end (1: constant)
    # The layers as text ("conv 16 5x5, pool 2, dense 10", spec.py), kept in canonical form;
    # None: the multi-layer perceptron of `hidden` (which is then ignored otherwise).
    arch: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "hidden", tuple(int(h) for h in self.hidden))
        for name in ("batch_size", "seed", "synthetic"):  # JSON and the CLI may hand in floats
            object.__setattr__(self, name, int(getattr(self, name)))
        for name in ("iterations", "train_subset", "eval_train"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, int(getattr(self, name)))
        for name in ("lr", "init_std", "weight_decay", "lr_decay"):
            object.__setattr__(self, name, float(getattr(self, name)))
        if self.epochs is not None:
            object.__setattr__(self, "epochs", float(self.epochs))
        object.__setattr__(self, "augment", bool(self.augment))
        if self.arch is not None:
            text = str(self.arch).strip()
            object.__setattr__(self, "arch", None if text.lower() in NO_ARCH else
                               normalize_arch(text, INPUT_SHAPE, classes=10))  # UserInputError
        if any(h < 1 for h in self.hidden):
            raise UserInputError("hidden layer sizes must be positive")
        if self.sampling not in SAMPLING:
            raise UserInputError(f"unknown sampling {self.sampling!r}; choose from {', '.join(SAMPLING)}")
        if self.batch_size < 1:
            raise UserInputError("batch size must be at least 1")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise UserInputError("learning rate must be a positive number")
        if (self.epochs is None) == (self.iterations is None):
            raise UserInputError("give either epochs or iterations")
        if self.epochs is not None and self.epochs <= 0 or self.iterations is not None and self.iterations < 1:
            raise UserInputError("the run needs at least one iteration")
        if self.train_subset is not None and self.train_subset < 1:
            raise UserInputError("the training subset needs at least one image")
        if self.synthetic < 0:
            raise UserInputError("the number of synthetic digits cannot be negative")
        if self.eval_train is not None and self.eval_train < 1:
            raise UserInputError("train accuracy needs at least one image")
        if not (0 < self.lr_decay <= 1):
            raise UserInputError("the learning-rate decay must be in (0, 1]")

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

    def build_network(self, input_size: int = 784, output_size: int = 10,
                      should_stop=None):
        """A fresh network of these settings (network.BuildCancelled if should_stop says so):
        a SequentialNet of `arch` when set, else the MultiLayerNet of `hidden`."""
        if self.arch is not None:
            from nnstudio.core.nn.sequential import SequentialNet, check_input_size

            check_input_size(input_size)
            if output_size != 10:
                raise UserInputError(f"the architecture ends in 10 classes, the data has {output_size}")
            return SequentialNet(self.arch, activation=self.activation, init=self.init,
                                 init_std=self.init_std, loss=self.loss, weight_decay=self.weight_decay,
                                 dtype=self.dtype, rng=np.random.default_rng(self.seed),
                                 should_stop=should_stop)
        return MultiLayerNet([input_size, *self.hidden, output_size], activation=self.activation,
                             init=self.init, init_std=self.init_std, loss=self.loss,
                             weight_decay=self.weight_decay, dtype=self.dtype,
                             rng=np.random.default_rng(self.seed), should_stop=should_stop)
