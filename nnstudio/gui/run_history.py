"""The runs of this session: settings and curves of each, exportable as CSV or JSON (atomically)."""

from __future__ import annotations

import csv
import io
import json
import math
from array import array
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from nnstudio.core.files import atomic_write
from nnstudio.core.nn.records import DivergedRecord, EpochRecord, FinishedRecord, StepRecord
from nnstudio.core.nn.trainer import TrainConfig


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

    @property
    def label(self) -> str:
        state = self.finished.reason if self.finished else "running"
        name = self.preset if self.preset and self.preset != "custom" else "custom"
        return f"run {self.number} ({name}, {state})"

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
            elif isinstance(rec, FinishedRecord):
                self.finished = rec

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
    """Every run of the session, numbered from 1."""

    def __init__(self):
        self.runs: list[Run] = []

    def new_run(self, config: TrainConfig, preset: str | None, iters_per_epoch: int,
                total_iterations: int) -> Run:
        run = Run(len(self.runs) + 1, config, preset, iters_per_epoch, total_iterations)
        self.runs.append(run)
        return run

    def get(self, number: int) -> Run | None:
        return next((r for r in self.runs if r.number == number), None)

    def __len__(self) -> int:
        return len(self.runs)


def _num(v: float):
    return v if math.isfinite(v) else None  # JSON has no NaN/inf


def _clean(d: dict) -> dict:
    return {k: (_num(v) if isinstance(v, float) else v) for k, v in d.items()}


def _atomic_write_text(path: Path, text: str) -> None:
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(text)
