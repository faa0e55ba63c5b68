"""The command line: one module per subcommand, each with `add_parser(subparsers)` and `run(args)`."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from nnstudio.cli.options import UserPath, short_path
from nnstudio.core.errors import UserInputError

# Subcommand name → module in this package. Each module defines add_parser(sub) and run(args) → int.
COMMANDS = {
    "train": "nnstudio.cli.train",
    "evaluate": "nnstudio.cli.evaluate",
    "predict": "nnstudio.cli.predict",
    "bench": "nnstudio.cli.bench",
    "export": "nnstudio.cli.export",
    "gui": "nnstudio.cli.gui",
}

EXIT_USAGE = 2


class CliError(UserInputError):
    """A user error found by the command line itself: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one clear line, status 2, instead of usage noise
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="nnstudio", description="NN Studio: watch a neural network learn. "
                     "With no command, opens the app. (The command line speaks English; the app is also in "
                     "Simplified Chinese: View > Language.)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS.values():
        importlib.import_module(module).add_parser(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError as exc:  # `nnstudio ... | head`: the reader left, stop quietly
        if exc.filename is not None:
            raise
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit's flush
        except (OSError, ValueError):  # stdout is not a file descriptor (captured): nothing to flush
            pass
        return 141  # as a shell reports SIGPIPE
    except OSError as exc:
        if not _about_user_path(exc, args):
            raise  # not the user's file: a bug or the machine's trouble, keep the traceback
        _fail(args, _os_message(exc))
    except UserInputError as exc:  # the readers' and the settings' errors: each names what is at fault
        _fail(args, str(exc))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return EXIT_USAGE


def _fail(args, message: str) -> None:
    message = " ".join(str(message).split()) or "error"  # one line, whatever the message holds
    print(f"nnstudio {args.command}: error: {message}", file=sys.stderr)


def _user_paths(args) -> list[str]:
    """The paths the user gave (arguments parsed by options.user_path)."""
    found = []
    for value in vars(args).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, UserPath):
                found.append(os.path.abspath(item))
    return found


def _about_user_path(exc: OSError, args) -> bool:
    """Is `exc` about one of the user's paths, a folder above it, or a file beside it (the
    temporary file of an atomic write)?"""
    names = [n for n in (exc.filename, exc.filename2) if n is not None]
    for name in names:
        try:
            name = os.path.abspath(os.fsdecode(name))
        except (TypeError, ValueError):
            continue
        for path in _user_paths(args):
            beside = (os.path.dirname(name) == os.path.dirname(path)
                      and os.path.basename(name).startswith(f".{os.path.basename(path)}."))
            if name == path or path.startswith(name.rstrip(os.sep) + os.sep) or beside:
                return True
    return False


def _os_message(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if exc.filename is None:
        return reason
    return f"{short_path(exc.filename)}: {reason[:1].lower() + reason[1:]}"


def check_model_outputs(network, path) -> None:
    """Raise CliError if a loaded model's outputs overflow (finite but huge weights, which the file
    reader accepts): every pixel at full ink is the largest input an image can give."""
    import numpy as np

    with np.errstate(over="ignore", invalid="ignore"):
        scores = network.predict(np.ones((1, network.sizes[0]), dtype=network.dtype))
    if not np.isfinite(scores).all():
        raise CliError(f"{short_path(path)}: the model's outputs overflow (its weights are too large)")
