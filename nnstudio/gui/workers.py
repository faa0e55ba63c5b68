"""Every background thread: TrainingWorker iterates Trainer.run(), batches its records and obeys
pause/step/stop; JobWorker runs one-shot jobs (a dataset load, an evaluation, a gradient check).

The worker object is moved to its own QThread. Its controls (`stop`, `pause`, `resume`, `step`)
are plain thread-safe methods called straight from the GUI thread: a queued signal would wait
behind the busy training loop and arrive only after the run ends.
"""

from __future__ import annotations

import atexit
import inspect
import os
import sys
import threading
import time
import traceback

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from nnstudio.core.errors import UserInputError
from nnstudio.core.nn.records import DivergedRecord, FinishedRecord, StepRecord, WeightSnapshot
from nnstudio.core.nn.trainer import TrainingCancelled
from nnstudio.gui import workers_registry

EMIT_INTERVAL_S = 0.05  # at most ~20 progressed batches a second
SNAPSHOT_INTERVAL_S = 0.2  # at most ~5 weight snapshots a second
# OpenBLAS threads for the whole process while a run trains: leave one core to the GUI thread.
# On a 2-core machine a second BLAS thread gains little even when the other core is idle, and as
# soon as another program is busy the two spinning threads collapse throughput and stall the GUI's
# timers; with more cores two threads no longer compete with the GUI thread. The figures behind
# this: `python -m nnstudio bench --gui` (one and two threads, in the window and headless).


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # respects CPU affinity and container limits
    except (AttributeError, OSError):
        return os.cpu_count() or 1


DEFAULT_BLAS_THREADS = 1 if _usable_cores() <= 2 else 2

_parked: list = []  # workers still running when their window closed (see TrainingWorker.park)


def _join_parked() -> None:
    for worker in _parked:
        worker.wait(-1)


class TrainingWorker(QObject):
    """Drive one Trainer in a QThread. Signals arrive on the GUI thread, in order.

    preparing(int, int) : (done, total) while the factory prepares the data; the factory is called
        as `factory(stop_event, report)` and calls report(done, total) as it goes (synthetic digits).
    prepared(object) : the Trainer, once built by `factory(stop_event, report)` (it may take most of
        a minute: synthetic digits; setting stop_event, as stop() does, cancels that preparation).
    progressed(list) : every record but the last (StepRecord, EpochRecord, DivergedRecord), batched.
    snapshot(object) : a WeightSnapshot, at most every SNAPSHOT_INTERVAL_S and when pausing.
    parked(int) : the loop has stopped between two steps because it is paused (after the records
        and the snapshot of that iteration were emitted); it stays there, at this iteration, until
        resume(), step() or stop(). A pause can arrive while a step is in flight: wait for this.
    failed(str) : an exception in the loop, as one line; `finished` follows.
    finished(object) : the FinishedRecord (reason "completed", "stopped", "diverged" or "failed").
    """

    preparing = Signal(int, int)
    prepared = Signal(object)
    progressed = Signal(list)
    snapshot = Signal(object)
    parked = Signal(int)
    failed = Signal(str)
    finished = Signal(object)

    def __init__(self, trainer=None, factory=None, start_paused: bool = False, step_budget: int = 0,
                 blas_threads: int | None = DEFAULT_BLAS_THREADS,
                 emit_interval: float = EMIT_INTERVAL_S, snapshot_interval: float = SNAPSHOT_INTERVAL_S):
        super().__init__()
        if (trainer is None) == (factory is None):
            raise ValueError("give a trainer or a factory that builds one")
        self.trainer = trainer  # built in the worker thread when a factory is given
        self._factory = factory
        self.blas_threads = blas_threads
        self.emit_interval = emit_interval
        self.snapshot_interval = snapshot_interval
        self._cond = threading.Condition()
        self._paused = start_paused
        self._budget = step_budget
        self._stop = False
        self._stop_event = threading.Event()  # handed to the factory: cancels data preparation
        self._pending: list = []
        self._last_emit = 0.0
        self._last_snapshot = 0.0
        self._snapshot_iteration = -1
        self._thread: QThread | None = None
        self._blas_limits = None
        self.final: FinishedRecord | None = None

    # ------------------------------------------------------------------ controls (GUI thread)
    def start(self) -> QThread:
        """Move to a new registered QThread and start iterating."""
        if self.blas_threads:
            # Set here, on the GUI thread: OpenBLAS's count is process-wide, and threadpoolctl
            # would leave a dummy threading.Thread behind if called from the QThread.
            from threadpoolctl import threadpool_limits

            self._blas_limits = threadpool_limits(limits=self.blas_threads, user_api="blas")
        thread = QThread()
        thread.setObjectName("trainingThread")
        self.moveToThread(thread)
        thread.started.connect(self.run)
        thread.finished.connect(self._restore_blas)
        workers_registry.register(thread)
        self._thread = thread
        thread.start()
        return thread

    def stop(self) -> None:
        """End the run before its next mini-batch (also wakes a paused worker)."""
        with self._cond:
            self._stop = True
            self._stop_event.set()
            if self.trainer is not None:
                self.trainer.stop()
            self._cond.notify_all()

    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._budget = 0

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._budget = 0
            self._cond.notify_all()

    def step(self, n: int = 1) -> None:
        """While paused: allow `n` more mini-batches, then pause again."""
        with self._cond:
            self._paused = True
            self._budget += max(int(n), 0)
            self._cond.notify_all()

    @property
    def paused(self) -> bool:
        return self._paused

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Join the thread (after `stop()`); True when it has ended."""
        if self._thread is None:
            return True
        done = self._thread.wait() if timeout_ms < 0 else self._thread.wait(timeout_ms)
        if done:
            self._restore_blas()
        return done

    def park(self) -> None:
        """Keep a worker that could not stop in time (it is inside one long, uninterruptible call,
        such as preparing synthetic digits) alive until it ends; the interpreter joins it at exit
        instead of destroying a running QThread."""
        if not _parked:
            import atexit

            atexit.register(_join_parked)
        _parked.append(self)

    @Slot()
    def _restore_blas(self) -> None:
        limits, self._blas_limits = self._blas_limits, None
        if limits is not None:
            limits.restore_original_limits()

    # ------------------------------------------------------------------ the loop (worker thread)
    @Slot()
    def run(self) -> None:
        try:
            if self.trainer is None:
                try:
                    trainer = self._factory(self._stop_event, self.preparing.emit)
                except TrainingCancelled:  # stopped while the data was being prepared
                    self.final = FinishedRecord("stopped", 0, 0.0, 0.0)
                    return
                with self._cond:
                    self.trainer = trainer
                    if self._stop:
                        trainer.stop()
            self.prepared.emit(self.trainer)
            self._loop()
        except Exception as exc:  # reported to the GUI as one line, never a crash
            self._flush()
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            self.final = self._fallback_final("failed")
        finally:
            if self.final is None:
                self.final = self._fallback_final("stopped")
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())  # back to the GUI thread before this one ends
            self.finished.emit(self.final)
            QThread.currentThread().quit()

    def _fallback_final(self, reason: str) -> FinishedRecord:
        t = self.trainer
        if t is None:
            return FinishedRecord(reason, 0, 0.0, 0.0)
        return FinishedRecord(reason, t.iteration, t.iteration / max(t.iters_per_epoch, 1), 0.0)

    def _loop(self) -> None:
        trainer = self.trainer
        records = trainer.run()
        no_step_next = True  # the first record (epoch 0 accuracies) is not a training step
        try:
            while True:
                if not no_step_next and not self._wait_for_permission():
                    trainer.stop()  # leave the generator cleanly: it yields its FinishedRecord
                rec = next(records, None)
                if rec is None:
                    break
                if isinstance(rec, FinishedRecord):
                    self.final = rec
                    break
                self._pending.append(rec)
                now = time.monotonic()
                if isinstance(rec, StepRecord):
                    with self._cond:
                        if self._paused and self._budget > 0:
                            self._budget -= 1
                    ipe = trainer.iters_per_epoch
                    no_step_next = rec.iteration % ipe == 0 or rec.iteration >= trainer.total_iterations
                    if now - self._last_snapshot >= self.snapshot_interval:
                        self._emit_snapshot(rec.iteration, now)
                else:
                    no_step_next = isinstance(rec, DivergedRecord)  # only the FinishedRecord follows
                if now - self._last_emit >= self.emit_interval:
                    self._flush(now)
        finally:
            records.close()
            self._flush()
            if trainer.iteration != self._snapshot_iteration:
                self._emit_snapshot(trainer.iteration, time.monotonic())

    def _wait_for_permission(self) -> bool:
        """Block while paused with no step budget. False when asked to stop."""
        with self._cond:
            if self._stop:
                return False
            if not self._paused or self._budget > 0:
                return True
        self._flush()
        if self.trainer.iteration != self._snapshot_iteration:
            self._emit_snapshot(self.trainer.iteration, time.monotonic())
        self.parked.emit(self.trainer.iteration)
        with self._cond:
            while self._paused and self._budget == 0 and not self._stop:
                self._cond.wait(0.25)
            return not self._stop

    def _emit_snapshot(self, iteration: int, now: float) -> None:
        self._last_snapshot = now
        self._snapshot_iteration = iteration
        network = self.trainer.network
        self.snapshot.emit(WeightSnapshot(iteration, network.params_copy(), network.activation,
                                          network.config()))

    def _flush(self, now: float | None = None) -> None:
        self._last_emit = time.monotonic() if now is None else now
        if self._pending:
            batch, self._pending = self._pending, []
            self.progressed.emit(batch)


# ---------------------------------------------------------------------- one-shot jobs
_jobs: set = set()  # running JobWorkers: a QThread object must outlive its run(), whoever started it


def _join_jobs() -> None:
    for job in list(_jobs):
        job.cancel()
        job.wait()


atexit.register(_join_jobs)  # a job still running at interpreter exit is cancelled, then joined


class JobWorker(QThread):
    """Run one function or generator off the GUI thread (after superqt's thread_worker).

    `JobWorker(fn, *args, **kwargs).start()` calls `fn(*args, **kwargs)` in the worker's own thread.
    A function whose signature has a `cancel` parameter receives the worker's `threading.Event` as
    `cancel=` and should check it now and then. When `fn` is a generator function (or returns a
    generator) each item it yields is emitted as `yielded`, and `cancel()` leaves it between two
    items (the generator is closed); the return value (or, if none, the last item) is the result.

    yielded(object) : an item of a generator job.
    result(object) : what the job returned; not emitted when it raised or was cancelled.
    error(str) : the exception the job raised, as one line (none once cancel() was called).
    finished() : always last, from QThread, once the thread has ended.

    Signals arrive queued on the GUI thread. The worker keeps itself alive while it runs (and
    registers its thread), so its owner may drop it or close at any time: never "QThread:
    Destroyed while thread is still running". `cancel()` is thread-safe and never blocks.
    """

    yielded = Signal(object)
    result = Signal(object)
    error = Signal(str)

    def __init__(self, fn, *args, name: str = "job", **kwargs):
        super().__init__()
        self.setObjectName(name)
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self.cancel_event = threading.Event()
        try:
            if "cancel" in inspect.signature(fn).parameters:
                self._kwargs["cancel"] = self.cancel_event
        except (TypeError, ValueError):  # a builtin without a signature
            pass
        self.finished.connect(self._forget)
        workers_registry.register(self)

    def start(self, *args) -> None:
        _jobs.add(self)
        super().start(*args)

    def cancel(self) -> None:
        """Ask the job to end: at its next yield, or when it next checks its cancel event."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    @Slot()
    def _forget(self) -> None:
        _jobs.discard(self)

    def run(self) -> None:
        try:
            value = self._fn(*self._args, **self._kwargs)
            if inspect.isgenerator(value):
                value = self._iterate(value)
        except Exception as exc:  # reported to the GUI as one line, never a traceback
            if not self.cancel_event.is_set():
                self.error.emit(_one_line(exc))
            return
        if not self.cancel_event.is_set():
            self.result.emit(value)

    def _iterate(self, gen):
        last = None
        try:
            while not self.cancel_event.is_set():
                try:
                    last = next(gen)
                except StopIteration as stop:
                    return last if stop.value is None else stop.value
                self.yielded.emit(last)
        finally:
            gen.close()
        return None


def _one_line(exc: BaseException) -> str:
    """A user-input error's own message (one line naming the file or setting); for anything else,
    the exception's type and message for the dialog, and its traceback on stderr for us."""
    if isinstance(exc, UserInputError):
        return " ".join(str(exc).split())
    traceback.print_exception(exc, file=sys.stderr)
    return " ".join(f"{type(exc).__name__}: {exc}".split())
