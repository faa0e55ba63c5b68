"""The runs of this and earlier sessions: settings and curves of each, exportable as CSV or JSON,
kept across restarts in a bounded JSON file in the user data folder (written atomically)."""

from __future__ import annotations

import csv
import io
import json
import math
import time
from array import array
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import numpy as np

from nnstudio.core.errors import UserInputError
from nnstudio.core.files import atomic_write
from nnstudio.core.nn.records import (DivergedRecord, EpochRecord, FinishedRecord, NotLearningRecord,
                                   StepRecord)
from nnstudio.core.nn.config import TrainConfig
from nnstudio.gui.i18n import QT_TRANSLATE_NOOP, translate
from nnstudio.gui.names import name as display_name

HISTORY_FILE = "run-history.json"
HISTORY_FORMAT = "nnstudio-run-history"
HISTORY_VERSION = 1
MAX_RUNS = 20  # the file keeps the newest runs only
MAX_POINTS = 2_000  # loss points per run in the file (every k-th step, the last one always kept)
MAX_FILE_BYTES = 64 * 2**20  # a bigger file was not written by us: set aside unread
STATES = {"running": QT_TRANSLATE_NOOP("RunHistory", "running"),
          "completed": QT_TRANSLATE_NOOP("RunHistory", "completed"),
          "stopped": QT_TRANSLATE_NOOP("RunHistory", "stopped"),
          "diverged": QT_TRANSLATE_NOOP("RunHistory", "diverged")}


@dataclass
class Run:
    """One run: its settings, every step's loss and lr, every epoch's accuracies, how it ended."""

    number: int
    config: TrainConfig
    preset: str | None
    iters_per_epoch: int
    total_iterations: int
    iterations: array = field(default_factory=lambda: array("l"))
    losses: array = field(default_factory=lambda: array("d"))
    lrs: array = field(default_factory=lambda: array("d"))
    epochs: list = field(default_factory=list)  # EpochRecord
    diverged: DivergedRecord | None = None
    finished: FinishedRecord | None = None
    not_learning: NotLearningRecord | None = None
    session: str = "this session"  # "earlier session" for a run read from the history file

    @property
    def label(self) -> str:
        """ "run 3 (book-twolayer, completed)" in the interface language."""
        reason = self.finished.reason if self.finished else "running"
        state = translate("RunHistory", STATES.get(reason, reason))
        name = display_name(self.preset if self.preset else "custom")
        if self.not_learning is not None and reason != "diverged":
            state = translate("RunHistory", "{state}, not learning").format(state=state)
        text = translate("RunHistory", "run {number} ({preset}, {state})").format(number=self.number, preset=name,
                                                                                 state=state)
        if self.session == "earlier session":
            text = translate("RunHistory", "{run} · earlier session").format(run=text)
        elif self.session.startswith("from "):
            text = translate("RunHistory", "{run} · from {file}").format(run=text, file=self.session[5:])
        return text

    def add(self, records) -> None:
        for rec in records:
            if isinstance(rec, StepRecord):
                self.iterations.append(rec.iteration)
                self.losses.append(rec.loss)
                self.lrs.append(rec.lr)
            elif isinstance(rec, EpochRecord):
                self.epochs.append(rec)
            elif isinstance(rec, DivergedRecord):
                self.diverged = rec
            elif isinstance(rec, NotLearningRecord):
                self.not_learning = rec
            elif isinstance(rec, FinishedRecord):
                self.finished = rec

    @property
    def planned_length_reached(self) -> bool:
        return bool(self.iterations) and self.iterations[-1] >= self.total_iterations

    def step_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return np.frombuffer(self.iterations, dtype=np.int_).astype(float), np.frombuffer(self.losses)

    def history(self) -> dict:
        """A JSON-ready summary (what a saved model's meta carries)."""
        return {"iterations_per_epoch": self.iters_per_epoch,
                "epochs": [_clean(asdict(e)) for e in self.epochs],
                "loss": {"iteration": list(self.iterations), "loss": [_num(v) for v in self.losses]},
                "lr_changes": self.lr_changes(),
                "reason": self.finished.reason if self.finished else "running"}

    def lr_changes(self) -> list:
        """[(iteration, lr)] wherever the learning rate differs from the previous step."""
        out, last = [], None
        for it, lr in zip(self.iterations, self.lrs):
            if lr != last:
                out.append([it, lr])
                last = lr
        return out

    def to_json(self) -> str:
        d = {"run": self.number, "preset": self.preset, "config": self.config.to_dict(),
             "iterations_per_epoch": self.iters_per_epoch, "total_iterations": self.total_iterations,
             "finished": _clean(asdict(self.finished)) if self.finished else None,
             "diverged": _clean(asdict(self.diverged)) if self.diverged else None,
             "epochs": [_clean(asdict(e)) for e in self.epochs],
             "steps": {"iteration": list(self.iterations), "loss": [_num(v) for v in self.losses],
                       "lr": list(self.lrs)}}
        return json.dumps(d, indent=1)

    def to_state(self, max_points: int = MAX_POINTS) -> dict:
        """What the history file keeps of this run: everything but the curve thinned to at most
        `max_points` steps (every k-th, the last always kept)."""
        n = len(self.iterations)
        k = max(1, math.ceil(n / max_points))
        keep = list(range(0, n, k))
        if n and keep[-1] != n - 1:
            keep[-1] = n - 1
        return {"run": self.number, "preset": self.preset, "config": self.config.to_dict(),
                "iterations_per_epoch": self.iters_per_epoch, "total_iterations": self.total_iterations,
                "finished": _clean(asdict(self.finished)) if self.finished else None,
                "diverged": _clean(asdict(self.diverged)) if self.diverged else None,
                "not_learning": _clean(asdict(self.not_learning)) if self.not_learning else None,
                "epochs": [_clean(asdict(e)) for e in self.epochs],
                "steps": {"iteration": [self.iterations[i] for i in keep],
                          "loss": [_num(self.losses[i]) for i in keep],
                          "lr": [self.lrs[i] for i in keep]}}

    @classmethod
    def from_state(cls, d: dict) -> "Run":
        """A run from `to_state`'s dict; ValueError/TypeError/KeyError on anything malformed."""
        steps = d["steps"]
        its, losses, lrs = steps["iteration"], steps["loss"], steps["lr"]
        if not (len(its) == len(losses) == len(lrs)):
            raise ValueError("step columns of different lengths")
        run = cls(int(d["run"]), TrainConfig.from_dict(d["config"]),
                  None if d.get("preset") is None else str(d["preset"]),
                  int(d["iterations_per_epoch"]), int(d["total_iterations"]),
                  session="earlier session")
        if run.iters_per_epoch < 1 or run.number < 1:
            raise ValueError("bad run numbers")
        run.iterations.extend(int(i) for i in its)
        run.losses.extend(math.nan if v is None else float(v) for v in losses)
        run.lrs.extend(float(v) for v in lrs)
        run.epochs = [_record(EpochRecord, e) for e in d.get("epochs") or []]
        for name, rec_type in (("finished", FinishedRecord), ("diverged", DivergedRecord),
                               ("not_learning", NotLearningRecord)):
            if d.get(name) is not None:
                setattr(run, name, _record(rec_type, d[name]))
        if run.finished is None:  # the app ended without saying (it never writes a running run)
            run.finished = FinishedRecord("stopped", run.iterations[-1] if run.iterations else 0,
                                          0.0, 0.0)
        return run

    def to_csv(self) -> str:
        """One row per step, plus the epoch-0 row; accuracy columns filled at epoch ends."""
        acc = {e.iteration: e for e in self.epochs}
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["iteration", "epoch", "loss", "lr", "train_acc", "test_acc"])
        if 0 in acc:
            w.writerow([0, 0, "", "", acc[0].train_acc, acc[0].test_acc])
        for it, loss, lr in zip(self.iterations, self.losses, self.lrs):
            e = acc.get(it)
            w.writerow([it, f"{it / self.iters_per_epoch:.6g}", f"{loss:.6g}", f"{lr:g}",
                        e.train_acc if e else "", e.test_acc if e else ""])
        return buf.getvalue()

    def export(self, path: str | Path) -> None:
        """Write CSV or JSON, chosen by the file's suffix, atomically."""
        path = Path(path)
        text = self.to_json() if path.suffix.lower() == ".json" else self.to_csv()
        _atomic_write_text(path, text)


class RunHistory:
    """The runs of this session after those of earlier ones, numbered on from the last."""

    def __init__(self):
        self.runs: list[Run] = []

    def next_number(self) -> int:
        """The number the next run gets (what the panel says while its data is prepared)."""
        return max((r.number for r in self.runs), default=0) + 1

    def new_run(self, config: TrainConfig, preset: str | None, iters_per_epoch: int,
                total_iterations: int) -> Run:
        run = Run(self.next_number(), config, preset, iters_per_epoch, total_iterations)
        self.runs.append(run)
        return run

    # ------------------------------------------------------------------ the history file
    def save(self, path: str | Path, max_runs: int = MAX_RUNS, max_points: int = MAX_POINTS) -> None:
        """Write the newest `max_runs` finished runs, atomically (a running run is not written).

        The file: {"format": "nnstudio-run-history", "version": 1, "saved": ISO time, "runs": [...]},
        each run as `to_state` gives it (settings, records, at most `max_points` loss points);
        non-finite numbers are written as null. JSON only: reading it never runs code.
        """
        runs = [r for r in self.runs if r.finished is not None][-max_runs:]
        d = {"format": HISTORY_FORMAT, "version": HISTORY_VERSION,
             "saved": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
             "runs": [r.to_state(max_points) for r in runs]}
        _atomic_write_text(Path(path), json.dumps(d, separators=(",", ":"), allow_nan=False))

    @classmethod
    def load(cls, path: str | Path) -> tuple["RunHistory", str]:
        """The history in `path` and a problem ("" when none). A missing file is an empty history;
        a damaged one (unreadable, not our JSON, a newer version, runs that do not parse) is
        renamed beside itself, bytes untouched, and whatever runs could be read are returned."""
        path = Path(path)
        history = cls()
        if not path.exists():
            return history, ""
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValueError(translate("RunHistory", "it is larger than {mb} MB").format(mb=MAX_FILE_BYTES // 2**20))
            d = json.loads(path.read_bytes().decode("utf-8"))
            if not isinstance(d, dict) or d.get("format") != HISTORY_FORMAT:
                raise ValueError(translate("RunHistory", "it is not an NN Studio run history"))
            if d.get("version") != HISTORY_VERSION:
                raise ValueError(translate("RunHistory", "it has version {found}, this NN Studio reads version "
                                                         "{version}").format(found=repr(d.get("version")),
                                                                             version=HISTORY_VERSION))
            entries = d.get("runs")
            if not isinstance(entries, list):
                raise ValueError(translate("RunHistory", "it has no list of runs"))
        except json.JSONDecodeError as exc:  # a ValueError: before the others
            return history, _set_aside(path, translate("RunHistory", "the run history is damaged (not valid JSON "
                                                                     "from byte {pos:,})").format(pos=exc.pos))
        except UnicodeDecodeError:
            return history, _set_aside(path, translate("RunHistory", "the run history is damaged (not text)"))
        except RecursionError:
            return history, _set_aside(path, translate("RunHistory", "the run history is damaged (nested too deeply)"))
        except (OSError, ValueError) as exc:
            return history, _set_aside(path, translate("RunHistory", "the run history could not be read ({reason})")
                                       .format(reason=getattr(exc, "strerror", None) or exc))
        bad, numbers = 0, set()
        for entry in entries:
            try:
                run = Run.from_state(entry)
            except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
                bad += 1
                continue
            if run.number in numbers:
                bad += 1
                continue
            numbers.add(run.number)
            history.runs.append(run)
        history.runs.sort(key=lambda r: r.number)
        if bad:
            return history, _set_aside(path, translate("RunHistory", "{bad} of its {total} runs could not be read; "
                                                                     "the other {read} were").format(
                bad=bad, total=len(entries), read=len(history.runs)))
        return history, ""

    def get(self, number: int) -> Run | None:
        return next((r for r in self.runs if r.number == number), None)

    def __len__(self) -> int:
        return len(self.runs)


class RunFileError(UserInputError):
    """A file that cannot be opened as a run; the message is one line naming it."""


def read_runs(path: str | Path) -> list[Run]:
    """The runs in an exported file (docs/model-format.md): a run exported as JSON (Export run…),
    the settings and per-epoch history of `nnstudio train --json`, or a run-history file. Their
    numbers are those of the file (the caller renumbers them); RunFileError when none can be read."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        raise RunFileError(f"{path}: a CSV export holds the curves but not the run's settings; "
                           f"export the run as JSON to open it again")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RunFileError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB, not a run NN Studio exported")
        d = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise RunFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError
        raise RunFileError(f"{path}: not a JSON run export") from None
    if not isinstance(d, dict):
        raise RunFileError(f"{path}: not a run exported by NN Studio")
    try:
        if d.get("format") == HISTORY_FORMAT:
            runs = [Run.from_state(e) for e in d.get("runs") or []]
        elif "steps" in d:  # Export run… as JSON (Run.to_json)
            runs = [Run.from_state(d)]
        elif isinstance(d.get("history"), list) and "config" in d:  # nnstudio train --json
            runs = [_run_of_train_json(d)]
        else:
            raise RunFileError(f"{path}: not a run exported by NN Studio (no steps or epochs)")
    except RunFileError:
        raise
    except UserInputError as exc:  # settings out of range (TrainConfig's checks)
        raise RunFileError(f"{path}: its run settings are not valid ({exc})") from None
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise RunFileError(f"{path}: a damaged run export ({type(exc).__name__}: "
                           f"{str(exc)[:80] or 'missing data'})") from None
    if not runs:
        raise RunFileError(f"{path}: holds no runs")
    return runs


def _run_of_train_json(d: dict) -> Run:
    """A run from `nnstudio train --json`: per-epoch records only, so each epoch's mean loss
    stands in for the loss curve (plotted at the epoch's last iteration)."""
    epochs = [_record(EpochRecord, e) for e in d["history"]]
    ipe = next((e.iteration // e.epoch for e in epochs if e.epoch >= 1), 0)
    if ipe < 1:
        raise ValueError("no epoch was completed")
    finished = _record(FinishedRecord, d["finished"]) if d.get("finished") else None
    total = finished.iteration if finished else epochs[-1].iteration
    run = Run(1, TrainConfig.from_dict(d["config"]), None if d.get("preset") is None else str(d["preset"]),
              int(ipe), int(total), session="earlier session")
    run.epochs = epochs
    for e in epochs:
        if e.epoch >= 1:
            run.iterations.append(e.iteration)
            run.losses.append(e.mean_loss)
            run.lrs.append(float(run.config.lr))
    run.finished = finished or FinishedRecord("completed", total, epochs[-1].epoch, 0.0)
    return run


def _num(v: float):
    return v if math.isfinite(v) else None  # JSON has no NaN/inf


def _clean(d: dict) -> dict:
    return {k: (_num(v) if isinstance(v, float) else v) for k, v in d.items()}


def _record(rec_type, d) -> object:
    """A record from its JSON object, with every field's type checked (None back to NaN where
    `_clean` wrote a non-finite float): a damaged file must fail here, not later in a view."""
    if not isinstance(d, dict):
        raise TypeError("a record must be an object")
    values = {}
    for f in fields(rec_type):
        if f.name not in d:
            continue  # the dataclass default, or a TypeError from the constructor
        v, kind = d[f.name], str(f.type)
        if v is None and "None" in kind:
            pass
        elif kind.startswith("float"):
            if v is None:
                v = math.nan
            elif isinstance(v, bool) or not isinstance(v, (int, float)):
                raise TypeError(f"{f.name} is not a number")
            v = float(v)
        elif kind.startswith("int"):
            if isinstance(v, bool) or not isinstance(v, int):
                raise TypeError(f"{f.name} is not an integer")
        elif kind.startswith("str") and not isinstance(v, str):
            raise TypeError(f"{f.name} is not text")
        values[f.name] = v
    return rec_type(**values)


def history_path() -> Path:
    from nnstudio.paths import user_data_dir

    return user_data_dir() / HISTORY_FILE


def _set_aside(path: Path, problem: str) -> str:
    """Rename a damaged history file beside itself (never delete it); the notice to show."""
    problem = problem[:1].upper() + problem[1:]  # (str.capitalize would lower "NN Studio", "JSON")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
    try:
        path.rename(target)
    except OSError as exc:
        return translate("RunHistory", "{problem}. It could not be set aside ({reason}); it is left at {path} and "
                                       "will be replaced when a run ends.").format(problem=problem,
                                                                                   reason=exc.strerror or exc, path=path)
    return translate("RunHistory", "{problem}. The file was kept as {path}; a new history starts.").format(
        problem=problem, path=target)


def _atomic_write_text(path: Path, text: str) -> None:
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(text)
