"""`nnstudio bench`: print speed and memory figures (benchmarks, not timed tests)."""

from __future__ import annotations

import importlib
import json

from nnstudio.cli import CliError
from nnstudio.cli.options import check_writable, user_path
from nnstudio.core.files import atomic_write

# Flag → module in nnstudio.bench whose run() prints and returns figures.
SUITES = {
    "data": "nnstudio.bench.data",
    "engine": "nnstudio.bench.engine",
    "gui": "nnstudio.bench.gui",
    "pad": "nnstudio.bench.pad",
    "descent": "nnstudio.bench.descent",
    "handwriting": "nnstudio.bench.handwriting",
    "conv": "nnstudio.bench.conv",
}


def add_parser(sub):
    p = sub.add_parser("bench", help="print speed figures (data loading, engine, GUI, drawing pad)")
    for name in SUITES:
        p.add_argument(f"--{name}", action="store_true", help=f"run the {name} benchmark")
    p.add_argument("--all", action="store_true", help="run every benchmark (the default)")
    p.add_argument("--json", type=user_path, metavar="FILE", help="also write the figures as JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    if args.json:
        check_writable(args.json, "--json")  # before the benchmarks, not after
    chosen = [n for n in SUITES if getattr(args, n)]
    if args.all or not chosen:
        chosen = list(SUITES)
    figures = {}
    for name in chosen:
        figures[name] = importlib.import_module(SUITES[name]).run()
    if args.json:
        try:
            with atomic_write(args.json, "w", encoding="utf-8") as fh:
                json.dump(figures, fh, indent=2)
        except OSError as exc:
            raise CliError(f"{args.json}: cannot write ({exc.strerror or exc})") from None
    return 0
