"""Datasets load in a JobWorker: closing during a slow load, failed loads, Start waiting for data."""

from __future__ import annotations

import gzip
import struct
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import numpy as np
import pytest

from nnstudio.gui import workers_registry
from nnstudio.gui.context import AppContext, DatasetInfo


def write_set(folder: Path, n_train=30, n_test=10, **override) -> Path:
    """A small MNIST-format folder (gzip files); `override` maps a file name to its content."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    files = {}
    for split, n in (("train", n_train), ("t10k", n_test)):
        files[f"{split}-images-idx3-ubyte"] = (struct.pack(">IIII", 2051, n, 28, 28)
                                               + rng.integers(0, 256, n * 784, dtype=np.uint8).tobytes())
        files[f"{split}-labels-idx1-ubyte"] = struct.pack(">II", 2049, n) + bytes(i % 10 for i in range(n))
    files.update(override)
    for name, content in files.items():
        (folder / (name + ".gz")).write_bytes(gzip.compress(content, compresslevel=1))
    return folder


def tiny_info(name="tiny"):
    x = np.zeros((20, 784), np.float32)
    t = (np.arange(20) % 10).astype(np.uint8)
    return DatasetInfo(name, None, ((x, t), (x[:10], t[:10])))


# ---------------------------------------------------------------------- closing while a folder loads

@pytest.fixture
def slow_reads(monkeypatch):
    """Every chunk read of the IDX reader blocks until the load is cancelled and then until the
    test opens `gate`: a folder that would take forever, under the test's control."""
    import nnstudio.core.digits.data as data

    started, gate = threading.Event(), threading.Event()
    real = data._IdxStream.read

    def read(self, n):
        started.set()
        if self.cancel is not None:
            self.cancel.wait(60)  # as slow as a huge folder, until close() cancels
            gate.wait(60)
        return real(self, n)  # checks the cancel event first: LoadCancelled

    monkeypatch.setattr(data._IdxStream, "read", read)
    return started, gate


def test_closing_while_a_dataset_loads_closes_at_once_and_cancels_it(qtbot, tmp_path, dialogs, slow_reads):
    from nnstudio.gui.main_window import MainWindow

    started, gate = slow_reads
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    before = tiny_info("in use")
    window.context.set_dataset(before)
    changed = []
    window.context.dataset_changed.connect(changed.append)
    assert window.open_dataset(write_set(tmp_path / "huge"))
    loader = window.context._loader
    qtbot.waitUntil(started.is_set, timeout=30_000)

    assert window.close()  # returns while the reader is still inside its read
    assert not window.isVisible() and loader.cancelled
    assert loader.isRunning()  # close() did not wait for it (the gate is still shut)
    with qtbot.waitSignal(loader.finished, timeout=30_000):
        gate.set()
    qtbot.waitUntil(lambda: not workers_registry.live_threads(), timeout=30_000)
    assert not loader.isRunning()
    assert changed == [] and dialogs == []  # a cancelled load says nothing and changes nothing
    assert window.context.dataset is before


def test_quitting_during_a_load_exits_cleanly_without_qthread_abort(tmp_path):
    """The reported crash: 'QThread: Destroyed while thread is still running' and SIGABRT."""
    folder = write_set(tmp_path / "huge")
    script = textwrap.dedent(f"""
        import os, sys, threading
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import nnstudio.core.digits.data as data
        from nnstudio.gui.app import create_application
        from nnstudio.gui.main_window import MainWindow

        started = threading.Event()
        real = data._IdxStream.read

        def read(self, n):  # a folder that never finishes loading unless cancelled
            started.set()
            if self.cancel is not None:
                self.cancel.wait(120)
            return real(self, n)

        data._IdxStream.read = read
        app = create_application(["nnstudio"])
        window = MainWindow()
        window.show()
        window.open_dataset({str(folder)!r})
        assert started.wait(120)
        window.close()
        del window
        app.processEvents()
        print("closed", flush=True)
        sys.exit(0)
    """)
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    import os

    env = {**os.environ, **env}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                         cwd=str(Path(__file__).resolve().parents[2]), env=env)
    assert "Destroyed while thread" not in run.stderr
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "closed"


# ---------------------------------------------------------------------- failed loads

BAD_FOLDERS = {
    # a few kB of gzip declaring 4e9 images: refused from the header, nothing allocated
    "huge declared count": ({"train-images-idx3-ubyte": struct.pack(">IIII", 2051, 4_000_000_000, 28, 28)},
                            "declares 4,000,000,000 images"),
    # 30 images declared, then 64 MB of zeros (64 kB compressed): stops after the declared size
    "gzip bomb": ({"train-images-idx3-ubyte": struct.pack(">IIII", 2051, 30, 28, 28) + bytes(30 * 784 + 64 * 2**20)},
                  "unexpected bytes after 30 images"),
    "no test images": ({"t10k-images-idx3-ubyte": struct.pack(">IIII", 2051, 0, 28, 28),
                        "t10k-labels-idx1-ubyte": struct.pack(">II", 2049, 0)}, "the test set has no images"),
    "no training images": ({"train-images-idx3-ubyte": struct.pack(">IIII", 2051, 0, 28, 28),
                            "train-labels-idx1-ubyte": struct.pack(">II", 2049, 0)},
                           "the training set has no images"),
}


@pytest.mark.parametrize("case", list(BAD_FOLDERS))
def test_a_bad_folder_gives_a_dialog_and_keeps_the_dataset_in_use(main_window, qtbot, tmp_path, dialogs, case):
    override, expected = BAD_FOLDERS[case]
    folder = write_set(tmp_path / "bad", **override)
    before = tiny_info("in use")
    main_window.context.set_dataset(before)
    changed = []
    main_window.context.dataset_changed.connect(changed.append)
    with qtbot.waitSignal(main_window.context.dataset_failed, timeout=60_000) as blocker:
        assert main_window.open_dataset(folder)
    assert expected in blocker.args[0] and str(folder) in blocker.args[0]
    assert dialogs == [("warning", "Cannot open dataset", blocker.args[0])]
    qtbot.waitUntil(lambda: not main_window.context.loading, timeout=30_000)
    assert main_window.context.dataset is before and changed == []
    assert main_window.dataset_label.text() == "Data: in use"
    assert main_window.open_dataset_action.isEnabled()


# ---------------------------------------------------------------------- Start waits for the data

def test_training_start_waits_for_the_dataset_instead_of_loading_it(qtbot, monkeypatch):
    import nnstudio.gui.context as context_module
    from nnstudio.gui.panels.training.panel import TrainingPanel

    gate = threading.Event()
    loaded_in = []

    def slow_load(directory, cancel):
        loaded_in.append(threading.get_ident())
        gate.wait(60)
        x = np.random.default_rng(0).random((200, 784), dtype=np.float32)
        t = (np.arange(200) % 10).astype(np.uint8)
        return DatasetInfo("slow", None, ((x, t), (x[:50], t[:50])))

    monkeypatch.setattr(context_module, "_load_dataset", slow_load)
    context = AppContext()
    panel = TrainingPanel(context)
    qtbot.addWidget(panel)
    panel.form.hidden.setText("8")
    panel.form.length_unit.setCurrentIndex(panel.form.length_unit.findData("iterations"))
    panel.form.iterations.setValue(20)
    assert panel.start()
    assert panel.stats.message.text().startswith("Loading dataset…")
    assert not panel.running and not panel.start_button.isEnabled() and context.loading
    assert panel.controller.state() == "waiting"  # the button-state table's row for it
    assert not panel.start()  # a second Start while waiting does nothing
    with qtbot.waitSignal(context.dataset_changed, timeout=30_000):
        gate.set()
    assert panel.running  # started from dataset_changed, with the data handed over
    qtbot.waitUntil(lambda: not panel.running, timeout=60_000)
    assert loaded_in and loaded_in[0] != threading.main_thread().ident
    run = panel.history.runs[-1]  # the run trained on the data handed over (200 images)
    assert run.finished is not None and run.iterations[-1] == 20
    panel.shutdown()
