"""User folders are where each platform keeps them (checked against platformdirs where importable)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from nnstudio import paths


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.delenv("NNSTUDIO_DATA_DIR", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    return tmp_path


def _platformdirs(kind):
    try:  # pip vendors platformdirs: the reference without a dependency of our own
        if kind == "linux":
            from pip._vendor.platformdirs.unix import Unix as Dirs
        else:
            from pip._vendor.platformdirs.macos import MacOS as Dirs
    except ImportError:
        return None
    return Path(Dirs("nnstudio", False).user_data_dir)


@pytest.mark.parametrize("platform, kind", [("linux", "linux"), ("darwin", "macos")])
def test_user_data_dir_matches_platformdirs(home, monkeypatch, platform, kind):
    monkeypatch.setattr(sys, "platform", platform)
    expected = {"linux": home / ".local/share/nnstudio",
                "macos": home / "Library/Application Support/nnstudio"}[kind]
    assert paths.user_data_dir() == expected
    reference = _platformdirs(kind)
    if reference is not None:
        assert paths.user_data_dir() == reference


def test_xdg_data_home_is_honoured_when_absolute(home, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg"))
    assert paths.user_data_dir() == home / "xdg" / "nnstudio"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")  # invalid by the spec: ignored
    assert paths.user_data_dir() == home / ".local/share/nnstudio"


def test_windows_uses_local_appdata(home, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(home / "Local"))
    assert paths.user_data_dir() == home / "Local" / "nnstudio"
    monkeypatch.delenv("LOCALAPPDATA")
    assert paths.user_data_dir() == home / "AppData" / "Local" / "nnstudio"


def test_override_wins_everywhere(home, monkeypatch):
    monkeypatch.setenv("NNSTUDIO_DATA_DIR", str(home / "mine"))
    for platform in ("linux", "darwin", "win32"):
        monkeypatch.setattr(sys, "platform", platform)
        assert paths.user_data_dir() == home / "mine"
