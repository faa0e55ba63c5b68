"""What a finished run means: its network becomes the current model only if it learned."""

from __future__ import annotations

import math

from nnstudio.core.nn.learning import unusable_reason
from nnstudio.gui.context import ModelInfo

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
    kept = (f"The current model is still {current.name}." if current is not None
            else "There is still no current model.")
    if final.reason == "stopped" and final.iteration == 0:
        stats.show_message(f"Run {run.number} stopped before its first step; the current "
                           f"model is unchanged.")
        return
    if final.reason == "failed":
        return
    accuracy = None if run.diverged else final_accuracy(trainer, run, final)
    why = unusable_reason(final, run.diverged, accuracy, trainer.network.sizes[-1])
    stuck = f" {run.not_learning.message}" if run.not_learning else ""
    if why:
        if final.reason == "diverged":
            lr = run.diverged.lr if run.diverged else run.config.lr
            text = ((run.diverged.message if run.diverged else "Training diverged.")
                    + f" For example {lr / 10:g} instead of {lr:g}.")
        else:
            text = f"Run {run.number} {final.reason} after {final.iteration:,} iterations, but {why}."
            text += stuck
        stats.show_message(f"{text} {kept}", "error")
        return
    name = f"run {run.number} ({final.reason})"
    context.set_model(ModelInfo(trainer.network.copy(), name, "trained",
                                meta={"config": run.config.to_dict(), "preset": run.preset,
                                      "history": meta_history(run)}))
    stats.show_message(f"Run {run.number} {final.reason} after {final.iteration:,} iterations: "
                       f"test accuracy {100 * accuracy:.2f}%. It is now the current model "
                       f"(File ▸ Save model… keeps it).{stuck}", "error" if stuck else "ok")
