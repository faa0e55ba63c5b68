"""Shared fixtures: headless Qt, settings in a temporary folder, no thread left running."""

from __future__ import annotations

import os
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def mnist():
    """The bundled MNIST, read and checked once per session, as `load_mnist()` returns it:
    ((x_train, t_train), (x_test, t_test)), x float32 in [0, 1] of shape (N, 784), t uint8 labels.
    Read-only: a test (or code under test) that writes into it fails instead of changing the data
    every later test sees."""
    from nnstudio.core.digits.data import load_mnist

    data = load_mnist()
    for split in data:
        for array in split:
            array.flags.writeable = False
    return data


@pytest.fixture
def one_blas_thread():
    """One BLAS thread: on a busy 2-core machine two threads make small products many times slower
    (a module uses it with `pytestmark = pytest.mark.usefixtures("one_blas_thread")`)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path, monkeypatch):
    """Keep user data and caches of every test in its own folder."""
    monkeypatch.setenv("NNSTUDIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NNSTUDIO_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def _no_dangling_threads():
    """Fail a test that leaves a Python thread (or a QThread, see tests/gui/conftest.py) running."""
    before = set(threading.enumerate())
    yield
    leftover = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    for t in leftover:
        t.join(timeout=2.0)
    leftover = [t.name for t in leftover if t.is_alive()]
    assert not leftover, f"test left threads running: {leftover}"
