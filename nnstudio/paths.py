"""Where bundled resources and the user's own files live: the one place that knows."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The bundled resources: `nnstudio/resources` in a wheel, `resources/` in a checkout."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "mnist").is_dir():
            return candidate
    raise FileNotFoundError("NN Studio's bundled resources folder is missing from the installation")


def mnist_dir() -> Path:
    return resources_dir() / "mnist"


def models_dir() -> Path:
    return resources_dir() / "models"


def default_model_path() -> Path:
    return models_dir() / "default.npz"


def concepts_dir() -> Path:
    return resources_dir() / "concepts"


def _base(env: str, windows_env: str, fallback: str) -> Path:
    if sys.platform.startswith("win"):
        return Path(os.environ.get(windows_env, Path.home() / "AppData" / "Local"))
    value = os.environ.get(env)
    return Path(value) if value else Path.home() / fallback


def user_data_dir() -> Path:
    """Where the user's own data (their digits, saved runs) lives; NNSTUDIO_DATA_DIR overrides."""
    override = os.environ.get("NNSTUDIO_DATA_DIR")
    if override:
        return Path(override)
    return _base("XDG_DATA_HOME", "LOCALAPPDATA", ".local/share") / "nnstudio"


def user_cache_dir() -> Path:
    """Where rebuildable caches live; NNSTUDIO_CACHE_DIR overrides."""
    override = os.environ.get("NNSTUDIO_CACHE_DIR")
    if override:
        return Path(override)
    return _base("XDG_CACHE_HOME", "LOCALAPPDATA", ".cache") / "nnstudio"
