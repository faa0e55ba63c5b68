"""What this process can still allocate: the system's figure, the cgroup's, a cautious fallback."""

from __future__ import annotations

import nnstudio.core.system_memory as S


def test_available_memory_is_a_positive_figure():
    assert S.available_memory() > 0


def test_available_memory_falls_back_to_a_cautious_figure(monkeypatch):
    def broken():
        raise OSError("no such file")

    for name in ("_linux_available", "_sysconf_available", "_windows_available"):
        monkeypatch.setattr(S, name, broken)
    assert S.available_memory() == S.FALLBACK_AVAILABLE


def test_cgroup_files_are_read_defensively(tmp_path):
    (tmp_path / "max").write_text("max\n")
    (tmp_path / "limit").write_text("536870912\n")
    assert S._read_int(str(tmp_path / "max")) is None
    assert S._read_int(str(tmp_path / "limit")) == 512 << 20
    assert S._read_int(str(tmp_path / "missing")) is None


def test_the_process_own_cgroup_is_read_first(tmp_path, monkeypatch):
    (tmp_path / "cgroup").write_text("0::/user.slice/app.scope\n")
    pairs = S._cgroup_files(str(tmp_path / "fs"), str(tmp_path / "cgroup"))
    assert pairs[0] == (f"{tmp_path}/fs/user.slice/app.scope/memory.max",
                        f"{tmp_path}/fs/user.slice/app.scope/memory.current")
    own = tmp_path / "fs" / "user.slice" / "app.scope"
    own.mkdir(parents=True)
    (own / "memory.max").write_text("1073741824\n")
    (own / "memory.current").write_text("268435456\n")
    monkeypatch.setattr(S, "_cgroup_files", lambda: pairs)
    assert (768 << 20) in S._linux_available()


def test_nothing_measured_is_none(monkeypatch):
    for name in ("_linux_available", "_sysconf_available", "_windows_available"):
        monkeypatch.setattr(S, name, lambda: [])
    assert S.measured_available() is None
