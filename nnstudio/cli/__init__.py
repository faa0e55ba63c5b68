"""The command line: one module per subcommand, each with `add_parser(subparsers)` and `run(args)`."""

from __future__ import annotations

import argparse
import importlib
import sys

# Subcommand name → module in this package. Each module defines add_parser(sub) and run(args) → int.
COMMANDS = {
    "train": "nnstudio.cli.train",
    "evaluate": "nnstudio.cli.evaluate",
    "predict": "nnstudio.cli.predict",
    "bench": "nnstudio.cli.bench",
    "gui": "nnstudio.cli.gui",
}

EXIT_USAGE = 2


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one clear line, status 2, instead of usage noise
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="nnstudio", description="NN Studio: watch a neural network learn. "
                     "With no command, opens the app.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module in COMMANDS.items():
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue  # a command still being built
        mod.add_parser(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        return int(args.run(args) or 0)
    except CliError as exc:
        print(f"nnstudio {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
