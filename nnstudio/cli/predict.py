"""`nnstudio predict MODEL IMAGE...`: classify image files the way the drawing pad does."""

from __future__ import annotations

import contextlib
import os
import sys

from nnstudio.cli import CliError

EXIT_FAILED = 2


def add_parser(sub):
    p = sub.add_parser("predict", help="classify images of handwritten digits with a saved model",
                       description="Classify PNG/JPEG images of handwritten digits (any size, dark ink on "
                       "light paper or light on dark) with the MNIST preprocessing the drawing pad uses. "
                       "Prints one line per file; exit status 2 if any file failed.")
    p.add_argument("model", metavar="MODEL", help="a model .npz saved by NN Studio")
    p.add_argument("images", metavar="IMAGE", nargs="+", help="image files")
    p.add_argument("--top", type=int, default=1, metavar="K",
                   help="also list the K most likely digits (default 1)")
    p.set_defaults(run=run)


def run(args) -> int:
    from nnstudio.core.digits.preprocess import image_to_input, to_gray
    from nnstudio.core.nn.serialization import ModelFileError, load_model

    try:
        network, _meta = load_model(args.model)
    except ModelFileError as exc:
        raise CliError(str(exc)) from None
    if network.sizes[0] != 784:
        raise CliError(f"{args.model}: the model takes {network.sizes[0]} inputs, not 784 (28x28)")
    try:
        from nnstudio.gui.image_reader import ImageReadError, read_image
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        raise CliError("reading images needs PySide6 (QtGui)") from None

    failed = 0
    for name in args.images:
        try:
            with _quiet_stderr():  # libpng prints "libpng error: ..." itself; we say it in one line
                rgba = read_image(name)
            x = image_to_input(to_gray(rgba))
        except (ImageReadError, ValueError) as exc:
            print(f"{name}: {exc}")
            failed += 1
            continue
        if x is None:
            print(f"{name}: no ink found (blank image)")
            failed += 1
            continue
        p = network.probabilities(x[None])[0]
        order = p.argsort()[::-1]
        line = f"{name}: {int(order[0])} (p={p[order[0]]:.2f})"
        if args.top > 1:
            line += "  [" + ", ".join(f"{int(d)}: {p[d]:.2f}" for d in order[:args.top]) + "]"
        print(line)
    return EXIT_FAILED if failed else 0


@contextlib.contextmanager
def _quiet_stderr():
    """Silence the process's stderr (file descriptor 2) for the duration: image decoders write
    their own messages there, and a bad file already gets one line of ours on stdout."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real stderr (embedded, captured): nothing to silence
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
