"""Is a run learning? A detector of flat losses and chance-level accuracy, and whether a finished
run is good enough to become the current model."""

from __future__ import annotations

import math

from nnstudio.core.nn.records import DivergedRecord, FinishedRecord, NotLearningRecord

FLAT_WINDOW = 2_000  # steps the loss must stay flat (and the fewest steps before any warning)
FLAT_BLOCK = 100  # steps per block mean; the flat test compares the block means of the window
FLAT_TOLERANCE = 0.005  # block means within 0.5% of their mean: flat (a learning run's spread is 5%+)
CHANCE_AFTER = 2_000  # steps before a chance-level accuracy counts as "not learning"
CHANCE_FACTOR = 1.5  # accuracy below this many times chance (15% for 10 classes): chance level
USABLE_FACTOR = 2.0  # a finished run becomes the current model above this many times chance (20%)


class LearningMonitor:
    """Feed it every step's loss and every epoch's train accuracy; it returns a NotLearningRecord
    the first time the run looks stuck, then stays quiet.

    lr : the learning rate now (it picks the suggestion); classes : outputs of the network.
    """

    def __init__(self, classes: int = 10, window: int | None = None, block: int | None = None,
                 tolerance: float | None = None, chance_after: int | None = None):
        # (the module's constants are read here, not as default values: a test may patch them)
        block = FLAT_BLOCK if block is None else block
        self.chance = 1.0 / max(classes, 1)
        self.window = max(FLAT_WINDOW if window is None else window, block)
        self.block = block
        self.tolerance = FLAT_TOLERANCE if tolerance is None else tolerance
        self.chance_after = CHANCE_AFTER if chance_after is None else chance_after
        self.reported: NotLearningRecord | None = None
        self._means: list[float] = []  # block means, newest last (at most window/block kept)
        self._sum, self._n = 0.0, 0

    def add_loss(self, iteration: int, loss: float, lr: float) -> NotLearningRecord | None:
        """One step's loss; a record when the last `window` steps' block means are all equal
        within `tolerance`."""
        if self.reported is not None:
            return None
        self._sum += loss
        self._n += 1
        if self._n < self.block:
            return None
        self._means.append(self._sum / self._n)
        self._sum, self._n = 0.0, 0
        keep = self.window // self.block
        del self._means[:-keep]
        if len(self._means) < keep or iteration < self.window:
            return None
        hi, lo = max(self._means), min(self._means)
        mean = sum(self._means) / keep
        if not (math.isfinite(hi) and math.isfinite(lo)) or hi - lo > self.tolerance * max(abs(mean), 1e-12):
            return None
        span = keep * self.block
        return self._report(NotLearningRecord(
            iteration, "flat_loss", f"the loss has not moved for {span:,} iterations ({mean:.4f})",
            _suggestion(lr, flat=True), loss=mean))

    def add_accuracy(self, iteration: int, train_acc: float, lr: float,
                     loss: float = float("nan")) -> NotLearningRecord | None:
        """An epoch's train accuracy; a record when it is still at chance after `chance_after` steps."""
        if self.reported is not None or iteration < self.chance_after:
            return None
        if not train_acc < CHANCE_FACTOR * self.chance:
            return None
        return self._report(NotLearningRecord(
            iteration, "chance_accuracy",
            f"the training accuracy is {100 * train_acc:.1f}% after {iteration:,} iterations, "
            f"no better than guessing ({100 * self.chance:.0f}%)",
            _suggestion(lr, flat=False), loss=loss, accuracy=train_acc))

    def _report(self, rec: NotLearningRecord) -> NotLearningRecord:
        self.reported = rec
        return rec


def _suggestion(lr: float, flat: bool) -> str:
    if lr >= 1.0:  # saturated sigmoids or dead units: the usual cause of a stuck large-rate run
        return (f"try a smaller learning rate (for example {lr / 10:g} instead of {lr:g}) or the "
                f"cross-entropy loss, which keeps its gradient when the outputs saturate")
    if lr <= 1e-4:
        return (f"the learning rate {lr:g} may be too small to make progress: try a larger one, "
                f"or the Adam optimizer")
    return ("try a smaller learning rate or the cross-entropy loss (saturated units), or a larger "
            "one if the loss never moved at all")


def unusable_reason(final: FinishedRecord, diverged: DivergedRecord | None, accuracy: float | None,
                    classes: int = 10) -> str:
    """"" when a finished run should become the current model, else why not.

    accuracy : the network's test accuracy now (the GUI measures it again when the last epoch
        record is older than the end of the run).
    """
    chance = 1.0 / max(classes, 1)
    if final.reason == "failed":
        return "the run failed"
    if diverged is not None or final.reason == "diverged":
        return "the run diverged"
    if final.iteration == 0:
        return "the run stopped before its first step"
    if accuracy is None or not math.isfinite(accuracy):
        return "its accuracy is unknown"
    if accuracy <= USABLE_FACTOR * chance:
        return (f"its test accuracy ({100 * accuracy:.1f}%) is not clearly better than guessing "
                f"({100 * chance:.0f}%)")
    return ""
