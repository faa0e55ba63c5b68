"""What a Start checks before a thread starts: the user's own digits, and the memory the run needs."""

from __future__ import annotations

from nnstudio.core.nn.memory import check_training
from nnstudio.gui.i18n import translate


def extra_train_kwargs(form) -> dict:
    """The Trainer's `extra_train` (the user's saved digits) when the form asks for them.

    ValueError when it asks and there are none."""
    if not form.my_digits.isChecked():
        return {}
    from nnstudio.core.digits.mydigits import load_my_digits

    extra = load_my_digits()
    if extra is None:
        raise ValueError(translate("RunPreflight", "you have no saved digits yet (save some on the Drawing pad)"))
    return {"extra_train": extra}


def check_memory(context, cfg, kwargs: dict) -> None:
    """NotEnoughMemory before a thread starts, with the dataset's sizes if it is loaded (else
    MNIST's); the Trainer checks again with the real data before it allocates anything."""
    data = getattr(context, "_dataset", None)
    sizes = {}
    if data is not None:
        (xtr, _), (xte, _) = data.data
        sizes = {"n_train": len(xtr), "n_test": len(xte)}
    extra = kwargs.get("extra_train")
    check_training(cfg, n_extra=len(extra[0]) if extra is not None else 0, **sizes)
