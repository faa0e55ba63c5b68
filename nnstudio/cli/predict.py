"""`nnstudio predict MODEL IMAGE...`: classify image files the way the drawing pad does."""

from __future__ import annotations

import sys

import numpy as np

from nnstudio.cli import CliError, check_model_outputs
from nnstudio.cli.options import add_model_argument, int_in_range, short_path, user_path

EXIT_FAILED = 2
MAX_TOP = 10  # there are ten digits


def add_parser(sub):
    p = sub.add_parser("predict", help="classify images of handwritten digits with a saved model",
                       description="Classify PNG/JPEG images of handwritten digits (any size, dark ink on "
                       "light paper or light on dark) with the MNIST preprocessing the drawing pad uses. "
                       "Prints one line per file (a file that cannot be read: on stderr); exit status 2 if "
                       "any file failed.")
    add_model_argument(p)
    p.add_argument("images", type=user_path, metavar="IMAGE", nargs="+", help="image files")
    p.add_argument("--top", type=int_in_range(1, MAX_TOP), default=1, metavar="K",
                   help="also list the K most likely digits (1 to 10, default 1)")
    p.set_defaults(run=run)


def run(args) -> int:
    from nnstudio.core.digits.preprocess import image_to_input, to_gray
    from nnstudio.core.nn.serialization import load_model

    network, _meta = load_model(args.model)  # a ModelFileError is a UserInputError
    if network.sizes[0] != 784:
        raise CliError(f"{args.model}: the model takes {network.sizes[0]} inputs, not 784 (28x28)")
    check_model_outputs(network, args.model)
    try:
        from nnstudio.gui.image_reader import ImageReadError, read_image
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        raise CliError("reading images needs PySide6 (QtGui)") from None

    failed = 0
    for name in args.images:
        try:
            rgba = read_image(name)  # quiet: no decoder messages, an ImageReadError instead
            x = image_to_input(to_gray(rgba))
        except ImageReadError as exc:
            _failed(name, exc)
            failed += 1
            continue
        if x is None:
            _failed(name, "no ink found (blank image)")
            failed += 1
            continue
        with np.errstate(over="ignore", invalid="ignore"):
            p = network.probabilities(x[None])[0]
        if not np.isfinite(p).all():
            _failed(name, "the model's outputs overflow for this image")
            failed += 1
            continue
        order = p.argsort()[::-1]
        line = f"{name}: {int(order[0])} (p={p[order[0]]:.2f})"
        if args.top > 1:
            line += "  [" + ", ".join(f"{int(d)}: {p[d]:.2f}" for d in order[:args.top]) + "]"
        print(line)
    return EXIT_FAILED if failed else 0


def _failed(name, reason) -> None:
    """One line on stderr for a file that gave no prediction."""
    reason = " ".join(str(reason).split())
    print(f"nnstudio predict: error: {short_path(name)}: {reason}", file=sys.stderr, flush=True)
