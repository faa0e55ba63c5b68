"""What a finished run means: its network becomes the current model only if it learned."""

from __future__ import annotations

import math

from nnstudio.core.nn.learning import unusable_reason
from nnstudio.gui.context import ModelInfo
from nnstudio.gui.i18n import translate
from nnstudio.gui.panels.training.messages import core_text, diverged_message, model_name, not_learning_message

META_LOSS_POINTS = 5_000  # a saved model keeps at most this many loss points of its history
QUICK_EVAL_LIMIT = 2_000  # test images to judge a run stopped between two epoch ends (a few ms)


def final_accuracy(trainer, run, final) -> float | None:
    """The test accuracy of the run's network now: the last epoch record's when it was taken at
    the end, else measured on a few thousand test images (a stop between two epoch ends)."""
    if run.epochs and run.epochs[-1].iteration == final.iteration and final.final_test_acc is not None:
        return final.final_test_acc
    return trainer.network.accuracy(trainer.x_test[:QUICK_EVAL_LIMIT], trainer.t_test[:QUICK_EVAL_LIMIT])


def meta_history(run) -> dict:
    """The run's history for a model file's meta, its loss curve thinned to META_LOSS_POINTS."""
    h = run.history()
    loss = h["loss"]
    step = max(1, math.ceil(len(loss["iteration"]) / META_LOSS_POINTS))
    h["loss"] = {"iteration": loss["iteration"][::step], "loss": loss["loss"][::step]}
    return h


def publish_or_keep(context, stats, trainer, run, final) -> None:
    """A usable run becomes the current model; otherwise the previous model stays and the
    message says why (a run at chance or a diverged one never replaces a model that works)."""
    current = context.model

    def kept() -> str:
        if current is None:
            return translate("RunOutcome", "There is still no current model.")
        return translate("RunOutcome", "The current model is still {name}.").format(name=model_name(current.name))

    if final.reason == "stopped" and final.iteration == 0:
        stats.say(lambda: translate("RunOutcome", "Run {number} stopped before its first step; the "
                                             "current model is unchanged.").format(number=run.number))
        return
    if final.reason == "failed":
        return
    accuracy = None if run.diverged else final_accuracy(trainer, run, final)
    why = unusable_reason(final, run.diverged, accuracy, trainer.network.sizes[-1])

    def stuck() -> str:
        return " " + not_learning_message(run.not_learning) if run.not_learning else ""

    if why:
        if final.reason == "diverged":
            lr = run.diverged.lr if run.diverged else run.config.lr

            def text() -> str:
                said = (diverged_message(run.diverged) if run.diverged
                        else translate("RunOutcome", "Training diverged."))
                return translate("RunOutcome", "{diverged} For example {lower} instead of {lr}. {kept}").format(
                    diverged=said, lower=f"{lr / 10:g}", lr=f"{lr:g}", kept=kept())
        else:
            def text() -> str:
                template = (translate("RunOutcome", "Run {number} stopped after {iterations:,} iterations, but "
                                      "{why}.") if final.reason == "stopped" else
                            translate("RunOutcome", "Run {number} completed after {iterations:,} iterations, but "
                                      "{why}."))
                return (template.format(number=run.number, iterations=final.iteration, why=core_text(why))
                        + stuck() + " " + kept())
        stats.say(text, "error")
        return
    name = f"run {run.number} ({final.reason})"  # English: it names the model's file and meta
    context.set_model(ModelInfo(trainer.network.copy(), name, "trained",
                                meta={"config": run.config.to_dict(), "preset": run.preset,
                                      "history": meta_history(run)}))

    def published() -> str:
        template = (translate("RunOutcome", "Run {number} stopped after {iterations:,} iterations: test accuracy "
                              "{accuracy}%. It is now the current model (File ▸ Save model… keeps it).")
                    if final.reason == "stopped" else
                    translate("RunOutcome", "Run {number} completed after {iterations:,} iterations: test accuracy "
                              "{accuracy}%. It is now the current model (File ▸ Save model… keeps it)."))
        return template.format(number=run.number, iterations=final.iteration,
                               accuracy=f"{100 * accuracy:.2f}") + stuck()

    stats.say(published, "error" if run.not_learning else "ok")
