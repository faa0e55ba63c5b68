"""Small immutable records that training yields and that cross from the worker to the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class StepRecord:
    """One mini-batch: the loss before its update and the learning rate it used."""

    iteration: int  # 1-based count of updates done
    epoch: float  # fractional epochs done
    loss: float
    lr: float


@dataclass(frozen=True)
class EpochRecord:
    """Accuracies at an epoch boundary (epoch 0 is before any update)."""

    epoch: int
    iteration: int
    train_acc: float
    test_acc: float
    mean_loss: float  # mean of the step losses since the previous epoch record (nan at epoch 0)
    seconds: float  # wall time since the run started
    samples_per_s: float  # training throughput over this epoch (excluding evaluation)


@dataclass(frozen=True)
class WeightSnapshot:
    """A copy of the parameters at an iteration (arrays owned by the record: never mutated)."""

    iteration: int
    params: dict = field(repr=False)
    activation: str | None = None  # the hidden activation, so a view can rebuild the network
    config: dict | None = field(default=None, repr=False)  # the network's config(): its architecture


@dataclass(frozen=True)
class DivergedRecord:
    """The run blew up (non-finite loss or weights, exploding weights or loss); the network keeps
    the last weights that passed the health check."""

    iteration: int
    lr: float
    loss: float
    reason: str = "the loss became non-finite"

    @property
    def message(self) -> str:
        return (f"Training diverged at step {self.iteration} with learning rate {self.lr:g}: "
                f"{self.reason} (last loss {self.loss:.4g}). The last sound weights were kept; "
                f"try a lower learning rate.")


@dataclass(frozen=True)
class FinishedRecord:
    """The last record of every run: why it ended and how far it got."""

    reason: str  # "completed", "stopped" or "diverged"
    iteration: int
    epoch: float
    seconds: float
    final_train_acc: float | None = None
    final_test_acc: float | None = None


@dataclass(frozen=True)
class NotLearningRecord:
    """The run goes on but is not learning: a flat loss or chance-level accuracy after many steps.

    Yielded at most once per run, between two steps (never between a step and its epoch record).
    """

    iteration: int
    kind: str  # "flat_loss" or "chance_accuracy"
    reason: str  # what was seen: "the loss has not moved for 2,000 iterations (0.5000)"
    suggestion: str  # what to try: "try a smaller learning rate or the cross-entropy loss"
    loss: float = float("nan")  # the recent mean loss
    accuracy: float | None = None  # the latest train accuracy, when the check used it

    @property
    def message(self) -> str:
        return f"Not learning at step {self.iteration:,}: {self.reason}; {self.suggestion}."
