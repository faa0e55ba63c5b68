"""Atomic writes: complete files only, and the old file survives a failed write."""

import errno
import os
import stat
import time

import pytest

from nnstudio.core import files
from nnstudio.core.files import atomic_write, remove_stale_temporaries
from helpers import refuse_temporaries

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits and symlinks")


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def full_disk(*_a, **_k):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "sub" / "out.txt"
    with atomic_write(target, "w", encoding="utf-8") as fh:
        fh.write("first")
    with atomic_write(target, "w", encoding="utf-8") as fh:
        fh.write("second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "model.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as fh:
            fh.write(b"half")
            raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["model.bin"]


def test_a_full_disk_at_fsync_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "plot.png"
    target.write_bytes(b"old image")
    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(OSError) as info:
        with atomic_write(target) as fh:
            fh.write(b"new image")
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old image"
    assert names(tmp_path) == ["plot.png"]


def test_a_full_disk_while_writing_keeps_the_old_file(tmp_path, monkeypatch):
    """The file object's write fails half-way (ENOSPC), as it does when the disk fills up."""
    target = tmp_path / "plot.png"
    target.write_bytes(b"old image")
    real_fdopen = os.fdopen

    class FullFile:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            full_disk()

        def __getattr__(self, name):
            return getattr(self.fh, name)

    monkeypatch.setattr(files.os, "fdopen", lambda *a, **k: FullFile(real_fdopen(*a, **k)))
    with pytest.raises(OSError):
        with atomic_write(target) as fh:
            fh.write(b"new image bytes")
    assert target.read_bytes() == b"old image"
    assert names(tmp_path) == ["plot.png"]


def test_a_failed_rename_keeps_the_old_file(tmp_path, monkeypatch):
    """What a folder that refuses the rename does (simulated: works as root too)."""
    target = tmp_path / "plot.png"
    target.write_bytes(b"old")

    def refuse(*_a, **_k):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(PermissionError):
        with atomic_write(target) as fh:
            fh.write(b"new")
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["plot.png"]


def test_a_folder_that_refuses_new_files_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "plot.png"
    target.write_bytes(b"old")
    refuse_temporaries(monkeypatch)
    with pytest.raises(PermissionError):
        with atomic_write(target) as fh:
            fh.write(b"new")
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["plot.png"]


@posix_only
def test_a_read_only_folder_keeps_the_old_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "plot.png"
    target.write_bytes(b"old")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: chmod does not stop writes (see the simulated test)")
        with pytest.raises(PermissionError):
            with atomic_write(target) as fh:
                fh.write(b"new")
        assert target.read_bytes() == b"old"
        assert names(folder) == ["plot.png"]
    finally:
        folder.chmod(0o700)


def test_without_make_dirs_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        with atomic_write(tmp_path / "missing" / "x.png", make_dirs=False) as fh:
            fh.write(b"x")
    assert names(tmp_path) == []


@posix_only
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600, 0o664])
def test_a_replaced_file_keeps_its_permission_bits(tmp_path, mode):
    target = tmp_path / "out.png"
    target.write_bytes(b"old")
    target.chmod(mode)
    with atomic_write(target) as fh:
        fh.write(b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


@posix_only
@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_follows_the_umask(tmp_path, umask):
    old = os.umask(umask)
    try:
        with atomic_write(tmp_path / "new.txt", "w", encoding="utf-8") as fh:
            fh.write("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o666 & ~umask


@posix_only
def test_a_symlink_stays_a_symlink_and_its_target_is_replaced(tmp_path):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "model.npz"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "link.npz"
    link.symlink_to(os.path.relpath(real, tmp_path))
    with atomic_write(link) as fh:
        fh.write(b"new")
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "model.npz")
    assert real.read_bytes() == b"new" and link.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert names(real_dir) == ["model.npz"] and names(tmp_path) == ["link.npz", "real"]


@posix_only
def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "target.txt")
    with atomic_write(link, "w", encoding="utf-8") as fh:
        fh.write("hello")
    assert link.is_symlink() and (tmp_path / "target.txt").read_text() == "hello"


def _aged(path, seconds, content=b"partial"):
    path.write_bytes(content)
    t = time.time() - seconds
    os.utime(path, (t, t))
    return path


def _dead_pid():
    """A PID that no process uses (the highest possible ones are practically never used)."""
    for pid in range(4_194_303, 4_000_000, -1):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except OSError:
            continue
    pytest.skip("no free PID found")


@posix_only
def test_stale_temporaries_of_the_target_are_removed_on_the_next_write(tmp_path):
    target = tmp_path / "plot.png"
    target.write_bytes(b"old")
    dead, alive = _dead_pid(), os.getpid()
    hour = 60 * 60
    stale = [
        _aged(tmp_path / f".plot.png.{dead}.abcd1234.tmp", 5 * 60),  # its process is gone
        _aged(tmp_path / f".plot.png.{alive}.abcd1234.tmp", 2 * hour),  # untouched for hours
        _aged(tmp_path / ".plot.png.k2_x9qzt.tmp", 2 * hour),  # an earlier version's mkstemp name
    ]
    kept = [
        _aged(tmp_path / f".plot.png.{dead}.0000ffff.tmp", 0),  # fresh: may still be written
        _aged(tmp_path / f".plot.png.{alive}.ffff0000.tmp", 5 * 60),  # a live process's
        _aged(tmp_path / ".plot.png.1.ffff0000.tmp", 5 * 60),  # init's, whoever asks
        _aged(tmp_path / f".other.png.{dead}.abcd1234.tmp", 2 * hour),  # another target's
        _aged(tmp_path / f".plot.png.b.{dead}.abcd1234.tmp", 2 * hour),  # plot.png.b's, not ours
        _aged(tmp_path / ".plot.png.notes.tmp", 2 * hour),  # not our pattern
        _aged(tmp_path / "plot.png.bak", 2 * hour),
        _aged(tmp_path / ".plot.png.tmp.png", 2 * hour),
    ]
    folder = tmp_path / f".plot.png.{dead}.abcdabcd.tmp"
    folder.mkdir()  # not a regular file: never ours
    os.utime(folder, (time.time() - 2 * hour,) * 2)
    (tmp_path / f".plot.png.{dead}.linklink.tmp").symlink_to(kept[-1])
    with atomic_write(target) as fh:
        fh.write(b"new")
    assert target.read_bytes() == b"new"
    assert not any(p.exists() for p in stale)
    assert all(p.read_bytes() == b"partial" for p in kept)
    assert folder.is_dir() and (tmp_path / f".plot.png.{dead}.linklink.tmp").is_symlink()


def test_remove_stale_temporaries_uses_the_given_time(tmp_path):
    target = tmp_path / "runs.csv"
    tmp = _aged(tmp_path / f".runs.csv.{os.getpid()}.abcd1234.tmp", 0)
    assert remove_stale_temporaries(target) == []
    later = time.time() + files.STALE_SECONDS + 60
    assert remove_stale_temporaries(target, now=later) == [tmp]
    assert names(tmp_path) == []


def test_the_temporary_carries_our_pid_and_lives_beside_the_target(tmp_path):
    target = tmp_path / "out.bin"
    with atomic_write(target) as fh:
        seen = files.temporary_names(target)
        fh.write(b"x")
    assert len(seen) == 1 and seen[0].parent == tmp_path
    assert seen[0].name.startswith(f".out.bin.{os.getpid()}.") and seen[0].name.endswith(".tmp")


def test_only_whole_file_modes(tmp_path):
    with pytest.raises(ValueError):
        with atomic_write(tmp_path / "x", "ab"):
            pass
