"""The core never imports Qt, and works in an interpreter where PySide6 cannot be imported."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import nnstudio.core

CORE_MODULES = sorted(m.name for m in pkgutil.walk_packages(nnstudio.core.__path__, "nnstudio.core."))

# Import every core module with PySide6, shiboken6 and pyqtgraph made unimportable.
_SCRIPT = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6'):
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')]
print('QT', bad)
sys.exit(1 if bad else 0)
"""


def test_core_imports_no_qt():
    assert len(CORE_MODULES) >= 8
    proc = subprocess.run([sys.executable, "-c", _SCRIPT, *CORE_MODULES], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cli_help_lists_commands():
    proc = subprocess.run([sys.executable, "-m", "nnstudio", "--help"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0
    assert "bench" in proc.stdout


def test_unknown_command_is_one_line_and_status_2():
    proc = subprocess.run([sys.executable, "-m", "nnstudio", "frobnicate"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1


def test_books_names_import_from_core():
    from nnstudio.core import (TwoLayerNet, cross_entropy_error, load_mnist,  # noqa: F401
                               numerical_gradient, softmax)
    import numpy as np
    assert np.isclose(softmax(np.array([0.0, 0.0])).sum(), 1.0)
