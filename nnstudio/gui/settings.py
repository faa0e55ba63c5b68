"""Settings keys as constants, and the few helpers that read and write them (a bare QSettings())."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
LAST_PANEL = "window/lastPanel"
SIDE_LIST_VISIBLE = "window/sideListVisible"
UI_SCALE = "window/uiScale"  # interface size in percent, applied at the next start (QT_SCALE_FACTOR)
UI_SCALES = (100, 125, 150, 175, 200)
LANGUAGE = "window/language"  # "system", "en" or "zh_CN" (nnstudio.gui.i18n), applied at once
HYPERPARAMETERS = "training/hyperparameters"  # JSON of the training form (TrainConfig dict + extras)
TRAINING_X_AXIS = "training/xAxis"  # "iterations" or "epochs"
LAST_MODEL_DIR = "folders/lastModelDir"
LAST_DATASET_DIR = "folders/lastDatasetDir"
LAST_EXPORT_DIR = "folders/lastExportDir"


def value(key: str, default=None):
    """The stored value of `key`, or `default` when unset."""
    v = QSettings().value(key)
    return default if v is None else v


def set_value(key: str, v) -> None:
    QSettings().setValue(key, v)


def read_json(key: str, default=None):
    """A JSON value stored as text; `default` when unset or unreadable (a hand-edited file)."""
    raw = QSettings().value(key)
    if not isinstance(raw, str):
        return default
    try:
        return json.loads(raw)
    except ValueError:
        return default


def write_json(key: str, v) -> None:
    QSettings().setValue(key, json.dumps(v))


def read_str(key: str, default: str = "") -> str:
    v = QSettings().value(key)
    return v if isinstance(v, str) else default


def read_bool(key: str, default: bool) -> bool:
    v = QSettings().value(key)
    if isinstance(v, bool):
        return v
    if isinstance(v, str):
        return v.lower() in ("true", "1", "yes")
    return default


def read_int(key: str, default: int) -> int:
    try:
        return int(QSettings().value(key, default))
    except (TypeError, ValueError):
        return default
