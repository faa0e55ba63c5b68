"""`nnstudio train`: train a preset (with overrides) on MNIST, print each epoch, save the model."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

import numpy as np

from nnstudio.cli import CliError
from nnstudio.cli.options import (add_dataset_argument, check_writable, finite_positive_float,
                                  float_in_range, int_in_range, non_negative_int, positive_int,
                                  user_path)
from nnstudio.core.files import atomic_write

EXIT_DIVERGED = 1
# The training form's ranges (gui/widgets/param_form.py); batch and synthetic sizes are bounded
# by the memory they need, not here.
MAX_EPOCHS = 10_000
MAX_ITERATIONS = 100_000_000
MAX_SUBSET = 10_000_000
MAX_SEED = 2**31 - 1
MAX_THREADS = 256


def _hidden(text: str) -> tuple[int, ...]:
    """'256,128' → (256, 128); '' or 'none' → () (no hidden layer); as the app's field reads it."""
    from nnstudio.core.nn.config import parse_hidden

    try:
        return parse_hidden(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _arch(text: str) -> str:
    """An architecture text checked as the config will ('none': the MLP of --hidden)."""
    from nnstudio.core.nn.config import NO_ARCH
    from nnstudio.core.nn.spec import INPUT_SHAPE, normalize_arch

    if text.strip().lower() in NO_ARCH:
        return "none"
    try:
        return normalize_arch(text, INPUT_SHAPE, classes=10)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def describe_network(net) -> str:
    """'784-50-10' for an MLP, the architecture text for a SequentialNet."""
    arch = getattr(net, "arch", None)
    return f"'{arch}'" if arch else "-".join(map(str, net.sizes))


def add_parser(sub):
    from nnstudio.core.nn.layers import ACTIVATION_LAYERS, LOSS_LAYERS
    from nnstudio.core.nn.network import INITS
    from nnstudio.core.nn.optimizers import OPTIMIZERS
    from nnstudio.core.nn.presets import PRESETS
    from nnstudio.core.nn.config import SAMPLING

    p = sub.add_parser(
        "train", help="train a network on MNIST from a preset, with overrides",
        description="Train a preset (the books' runs or a fast modern one), optionally changed by the "
        "options below. Prints one line per epoch and a summary; --save writes the model "
        "(with its settings and history), --json the per-epoch history.")
    p.add_argument("--preset", default="book-twolayer", choices=list(PRESETS),
                   help="starting settings (default: book-twolayer)")
    p.add_argument("--list", action="store_true", help="list the presets and exit")
    layers = p.add_mutually_exclusive_group()
    layers.add_argument("--hidden", type=_hidden, metavar="SIZES",
                        help="hidden layer sizes, e.g. 256,128 ('none' for no hidden layer)")
    layers.add_argument("--arch", type=_arch, metavar="SPEC",
                        help="layers as text, e.g. 'conv 8 3x3, pool 2, dense 10' (conv FILTERS KxK [sN] [pN], "
                        "pool KxK [sN], dense UNITS; the last dense has 10 units; 'none': an MLP of --hidden)")
    p.add_argument("--activation", choices=list(ACTIVATION_LAYERS))
    p.add_argument("--init", choices=list(INITS), help="weight initialisation")
    p.add_argument("--init-std", type=float_in_range(0, 10, lo_open=True), metavar="STD", help="std for --init std")
    p.add_argument("--loss", choices=list(LOSS_LAYERS))
    p.add_argument("--optimizer", choices=list(OPTIMIZERS))
    p.add_argument("--lr", type=finite_positive_float, help="learning rate")
    p.add_argument("--lr-decay", type=float_in_range(0, 1, lo_open=True), metavar="F",
                   help="multiply the learning rate by F after each epoch (0 < F <= 1)")
    p.add_argument("--batch", type=positive_int, metavar="N", help="mini-batch size")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--epochs", type=float_in_range(0, MAX_EPOCHS, lo_open=True), help="train for this many epochs")
    length.add_argument("--iters", type=int_in_range(1, MAX_ITERATIONS), metavar="N", help="train for N updates")
    p.add_argument("--sampling", choices=list(SAMPLING), help="how mini-batches are drawn")
    p.add_argument("--seed", type=int_in_range(0, MAX_SEED), help="random seed (same seed, same run)")
    p.add_argument("--subset", type=int_in_range(1, MAX_SUBSET), metavar="N", help="use the first N training images")
    p.add_argument("--weight-decay", type=float_in_range(0, 10), metavar="L", help="L2 penalty λ")
    p.add_argument("--augment", action=argparse.BooleanOptionalAction, default=None,
                   help="random distortions of each mini-batch")
    p.add_argument("--synthetic", type=non_negative_int, metavar="N",
                   help="add N synthetic pad-style digits to the training set")
    add_dataset_argument(p)
    p.add_argument("--threads", type=int_in_range(1, MAX_THREADS), default=1, metavar="N",
                   help="BLAS threads (default 1: on a 2-core machine two gain little even when it is idle and "
                   "make these small matrix products many times slower whenever another program is busy)")
    p.add_argument("--save", type=user_path, metavar="FILE", help="save the trained model (.npz)")
    p.add_argument("--json", type=user_path, metavar="FILE", help="write the settings and per-epoch history as JSON")
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    p.set_defaults(run=run)


def build_config(args):
    """The preset's TrainConfig with the command line's overrides."""
    from nnstudio.core.nn.presets import get_preset

    cfg = get_preset(args.preset).config
    changes = {}
    for option, field in (("hidden", "hidden"), ("activation", "activation"), ("init", "init"),
                          ("init_std", "init_std"), ("loss", "loss"), ("optimizer", "optimizer"),
                          ("lr", "lr"), ("lr_decay", "lr_decay"), ("batch", "batch_size"),
                          ("sampling", "sampling"), ("seed", "seed"), ("subset", "train_subset"),
                          ("weight_decay", "weight_decay"), ("augment", "augment"),
                          ("synthetic", "synthetic")):
        value = getattr(args, option, None)
        if value is not None:
            changes[field] = value
    if getattr(args, "arch", None) is not None:
        changes["arch"] = None if args.arch == "none" else args.arch
    elif getattr(args, "hidden", None) is not None:
        changes["arch"] = None  # hidden sizes ask for an MLP, also from a conv preset
    if args.epochs is not None:
        changes.update(epochs=args.epochs, iterations=None)
    elif args.iters is not None:
        changes.update(iterations=args.iters, epochs=None)
    if args.optimizer is not None and args.lr is None and args.optimizer != cfg.optimizer:
        from nnstudio.core.nn.optimizers import DEFAULT_LR

        changes["lr"] = DEFAULT_LR[args.optimizer]  # the preset's lr was chosen for its optimizer
    return cfg.with_(**changes)  # a setting out of range: UserInputError


def _write_json(path: str, payload: dict) -> None:
    """Write JSON atomically (temporary file, then rename)."""
    try:
        with atomic_write(path, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, indent=2, allow_nan=False, default=str)
    except OSError as exc:
        raise CliError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _clean(value):
    """NaN → None so that the JSON stays standard."""
    return None if isinstance(value, float) and value != value else value


def run(args) -> int:
    from nnstudio.core.nn.presets import PRESETS

    if args.list:
        for p in PRESETS.values():
            print(f"{p.name:14s} {p.description}")
        return 0
    cfg = build_config(args)
    preset = PRESETS[args.preset]
    for option in ("save", "json"):
        if getattr(args, option):
            check_writable(getattr(args, option), f"--{option}")  # before a long run, not after
    from nnstudio.core.digits.data import load_mnist

    data = load_mnist(directory=args.dataset)  # a DatasetError is a UserInputError

    from nnstudio.core.nn.records import DivergedRecord, EpochRecord, FinishedRecord, NotLearningRecord
    from nnstudio.core.nn.trainer import Trainer

    from nnstudio.core.nn.memory import check_training

    # Before announcing synthetic digits: a run that cannot fit is refused with advice
    # (NotEnoughMemory, a UserInputError).
    check_training(cfg, n_train=len(data[0][0]), n_test=len(data[1][0]),
                   input_size=int(np.prod(np.shape(data[0][0])[1:])))
    progress = None
    if cfg.synthetic and not args.quiet:  # most of a minute for the pad preset: say so
        about = f"about {max(cfg.synthetic / 2000, 1):.0f} s"
        if sys.stdout.isatty():  # a counter that rewrites its own line
            def progress(done, total):
                print(f"\rdrawing {total:,} synthetic pad-style digits ({about}): {done:,}",
                      end="\n" if done == total else "", flush=True)
        else:
            print(f"drawing {cfg.synthetic:,} synthetic pad-style digits ({about})...", flush=True)
    trainer = Trainer(cfg, data, progress=progress)  # data that cannot be used: UserInputError
    net = trainer.network
    if not args.quiet:
        length = (f"{cfg.iterations} iterations" if cfg.iterations is not None
                  else f"{cfg.epochs:g} epochs")
        print(f"preset {preset.name}: {describe_network(net)} {cfg.activation}, init {cfg.init}, "
              f"{cfg.loss} loss, {cfg.optimizer} lr {cfg.lr:g}, batch {cfg.batch_size} ({cfg.sampling}), "
              f"{length}, {len(trainer.x_train)} training images, seed {cfg.seed}")
    history, final, diverged, stuck = [], None, None, None
    # (a run that blows up is reported by the trainer's DivergedRecord; it silences numpy's
    # overflow warnings about the same steps itself)
    with _threads(args.threads):
        for rec in trainer.run():
            if isinstance(rec, EpochRecord):
                history.append(_record_dict(rec))
                if not args.quiet:
                    loss = "   -   " if rec.epoch == 0 else f"{rec.mean_loss:.4f}"
                    print(f"epoch {rec.epoch:3d}  loss {loss}  train {rec.train_acc:.4f}  "
                          f"test {rec.test_acc:.4f}  {rec.seconds:7.2f} s  "
                          f"{rec.samples_per_s:10,.0f} samples/s", flush=True)
            elif isinstance(rec, DivergedRecord):
                diverged = rec
                print(rec.message, flush=True)
            elif isinstance(rec, NotLearningRecord):
                stuck = rec
                print(rec.message, flush=True)
            elif isinstance(rec, FinishedRecord):
                final = rec
    expected = (f" (the book: {preset.expected_test_acc:.4f})"
                if preset.expected_test_acc and cfg == preset.config else "")
    print(f"{final.reason}: {final.iteration} iterations ({final.epoch:.2f} epochs) in {final.seconds:.1f} s; "
          f"train accuracy {final.final_train_acc:.4f}, test accuracy {final.final_test_acc:.4f}{expected}")
    meta = {
        "preset": preset.name,
        "config": cfg.to_dict(),
        "history": history,
        "finished": _record_dict(final),
        "diverged": _record_dict(diverged) if diverged else None,
        "not_learning": _record_dict(stuck) if stuck else None,
        "dataset": str(Path(args.dataset).resolve()) if args.dataset else "bundled MNIST",
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    }
    if args.json:
        _write_json(args.json, meta)
    if args.save:
        if diverged:
            print(f"model not saved to {args.save}: the run diverged")
            return EXIT_DIVERGED
        from nnstudio.core.nn.serialization import save_model

        try:
            save_model(args.save, net, meta)
        except OSError as exc:
            raise CliError(f"{args.save}: cannot write ({exc.strerror or exc})") from None
        print(f"saved {args.save}")
    return EXIT_DIVERGED if diverged else 0


def _record_dict(rec) -> dict:
    from dataclasses import asdict

    return {k: _clean(v) for k, v in asdict(rec).items()}


def _threads(n):
    import contextlib

    if not n:
        return contextlib.nullcontext()
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=n, user_api="blas")
