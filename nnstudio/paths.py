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


def bundled_models() -> dict[str, Path]:
    """The models shipped with the app, by key: "conv" (the pad's default) and "mlp"."""
    return {"conv": models_dir() / "default.npz", "mlp": models_dir() / "mlp.npz"}


try:
    BUNDLED_MODELS: dict[str, Path] = bundled_models()
except FileNotFoundError:  # an installation without resources: reported when a model is opened
    BUNDLED_MODELS = {}


def concepts_dir() -> Path:
    return resources_dir() / "concepts"


def i18n_dir() -> Path:
    """Translations (nnstudio_<language>.ts and .qm), the glossary of their terms."""
    return resources_dir() / "i18n"


def user_data_dir() -> Path:
    """Where the user's own data (their digits, saved runs) lives; NNSTUDIO_DATA_DIR overrides.

    The platform's own place, as platformdirs' user_data_dir(appauthor=False) gives it:
    Linux $XDG_DATA_HOME/nnstudio (~/.local/share/nnstudio), macOS ~/Library/Application
    Support/nnstudio, Windows %LOCALAPPDATA%\\nnstudio.
    """
    override = os.environ.get("NNSTUDIO_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("win"):
        local = os.environ.get("LOCALAPPDATA")
        return Path(local if local else Path.home() / "AppData" / "Local") / "nnstudio"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "nnstudio"
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    # The XDG spec: a relative XDG_DATA_HOME is invalid and must be ignored.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / "nnstudio"
