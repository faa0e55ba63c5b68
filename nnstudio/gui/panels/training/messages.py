"""Core's run texts (a divergence, a run not learning, why a run is not kept) in the interface language.

Core never imports Qt and writes its reasons in English; its records keep the figures. The sentences
are made again here from the records' fields, and a reason is matched against core's few wordings
(nnstudio/core/nn/trainer.py `_health`, core/nn/learning.py): a new wording shows in English until
it is added below (tests/gui/test_training_i18n.py checks every wording core has)."""

from __future__ import annotations

import re

from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate

# (core's wording as a regular expression with named fields, the same text marked for translation)
CORE_TEXTS = (
    # why a run diverged (DivergedRecord.reason)
    (r"the loss became non-finite", QT_TRANSLATE_NOOP("TrainingMessages", "the loss became non-finite")),
    (r"the weights became non-finite", QT_TRANSLATE_NOOP("TrainingMessages", "the weights became non-finite")),
    (r"the weights exploded \(largest \|w\| = (?P<w>\S+)\)",
     QT_TRANSLATE_NOOP("TrainingMessages", "the weights exploded (largest |w| = {w})")),
    (r"the loss exploded \(from (?P<start>\S+) to (?P<end>\S+)\)",
     QT_TRANSLATE_NOOP("TrainingMessages", "the loss exploded (from {start} to {end})")),
    # why a run is not learning (NotLearningRecord.reason) and what to try (.suggestion)
    (r"the loss has not moved for (?P<span>[\d,]+) iterations \((?P<mean>\S+)\)",
     QT_TRANSLATE_NOOP("TrainingMessages", "the loss has not moved for {span} iterations ({mean})")),
    (r"the training accuracy is (?P<acc>\S+)% after (?P<iterations>[\d,]+) iterations, no better than "
     r"guessing \((?P<chance>\S+)%\)",
     QT_TRANSLATE_NOOP("TrainingMessages", "the training accuracy is {acc}% after {iterations} iterations, "
                       "no better than guessing ({chance}%)")),
    (r"try a smaller learning rate \(for example (?P<new>\S+) instead of (?P<lr>\S+)\) or the cross-entropy "
     r"loss, which keeps its gradient when the outputs saturate",
     QT_TRANSLATE_NOOP("TrainingMessages", "try a smaller learning rate (for example {new} instead of {lr}) or "
                       "the cross-entropy loss, which keeps its gradient when the outputs saturate")),
    (r"the learning rate (?P<lr>\S+) may be too small to make progress: try a larger one, or the Adam optimizer",
     QT_TRANSLATE_NOOP("TrainingMessages", "the learning rate {lr} may be too small to make progress: try a "
                       "larger one, or the Adam optimizer")),
    (r"try a smaller learning rate or the cross-entropy loss \(saturated units\), or a larger one if the loss "
     r"never moved at all",
     QT_TRANSLATE_NOOP("TrainingMessages", "try a smaller learning rate or the cross-entropy loss (saturated "
                       "units), or a larger one if the loss never moved at all")),
    # why a finished run does not become the current model (learning.unusable_reason)
    (r"the run failed", QT_TRANSLATE_NOOP("TrainingMessages", "the run failed")),
    (r"the run diverged", QT_TRANSLATE_NOOP("TrainingMessages", "the run diverged")),
    (r"the run stopped before its first step",
     QT_TRANSLATE_NOOP("TrainingMessages", "the run stopped before its first step")),
    (r"its accuracy is unknown", QT_TRANSLATE_NOOP("TrainingMessages", "its accuracy is unknown")),
    (r"its test accuracy \((?P<acc>\S+)%\) is not clearly better than guessing \((?P<chance>\S+)%\)",
     QT_TRANSLATE_NOOP("TrainingMessages", "its test accuracy ({acc}%) is not clearly better than guessing "
                       "({chance}%)")),
)
_COMPILED = [(re.compile(pattern), text) for pattern, text in CORE_TEXTS]
_MODEL_NAME = re.compile(r"run (?P<number>\d+) \((?P<state>completed|stopped)\)")


def known(text: str) -> bool:
    """True when `text` is one of core's wordings listed above."""
    return any(p.fullmatch(text) for p, _ in _COMPILED)


def core_text(text: str) -> str:
    """One of core's reasons or suggestions in the interface language (as it is when unknown)."""
    for pattern, template in _COMPILED:
        m = pattern.fullmatch(text)
        if m:
            return translate("TrainingMessages", template).format(**m.groupdict())
    return text


def diverged_message(rec) -> str:
    """A DivergedRecord's message (core's `DivergedRecord.message`) in the interface language."""
    return translate("TrainingMessages", "Training diverged at step {step} with learning rate {lr}: {reason} "
                     "(last loss {loss}). The last sound weights were kept; try a lower learning rate.").format(
        step=rec.iteration, lr=f"{rec.lr:g}", reason=core_text(rec.reason), loss=f"{rec.loss:.4g}")


def not_learning_message(rec) -> str:
    """A NotLearningRecord's message (core's `NotLearningRecord.message`) in the interface language."""
    return translate("TrainingMessages", "Not learning at step {step:,}: {reason}; {suggestion}.").format(
        step=rec.iteration, reason=core_text(rec.reason), suggestion=core_text(rec.suggestion))


def model_name(name: str) -> str:
    """A trained model's name ("run 3 (completed)": kept in English, it names files and meta) as shown."""
    m = _MODEL_NAME.fullmatch(name)
    if m is None:
        return name
    if m["state"] == "completed":
        return translate("TrainingMessages", "run {number} (completed)").format(number=m["number"])
    return translate("TrainingMessages", "run {number} (stopped)").format(number=m["number"])
