"""Atomic file writes: a temporary file beside the target, renamed over it only when complete.

Every file the app or the command line writes goes through `atomic_write`. The rules it keeps:

- The old file survives any failure (a full disk, a read-only folder, an exception in the caller):
  the bytes go to `.{name}.{pid}.{random}.tmp` in the target's folder, are flushed and fsynced, and
  only then does `os.replace` put them in place (atomic on POSIX and on Windows).
- A symlinked target stays a symlink: the link is resolved and its target is replaced, in the
  target's own folder (a rename cannot cross file systems).
- A replaced file keeps its permission bits; a new file gets 0666 & ~umask, like `open(path, "w")`.
- Stale temporaries of a save that was killed half-way are removed the next time the same target is
  written. Only names of our pattern `.{name}.<middle>.tmp` (middle `{pid}.{random}`, or the bare
  `{random}` of earlier versions), regular files, are candidates, and one is removed only when
  nothing can still be writing it: untouched for STALE_SECONDS, or untouched for
  DEAD_PID_GRACE_SECONDS and its creating process no longer runs on this machine. A live writer
  touches its temporary on every write, and its rename comes seconds after its last one.
  Whatever goes wrong, a removed temporary costs at most that one concurrent save (its rename
  fails and reports an error); the target itself is never touched.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import time
from contextlib import contextmanager
from pathlib import Path

STALE_SECONDS = 15 * 60
DEAD_PID_GRACE_SECONDS = 60
_MIDDLE = re.compile(r"(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}")
_OPEN_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_NOFOLLOW", 0))


@contextmanager
def atomic_write(path: str | Path, mode: str = "wb", encoding: str | None = None, *,
                 make_dirs: bool = True):
    """Yield an open temporary file; on success it is synced and renamed to `path`.

    On any exception the temporary file is removed and `path` is left as it was, so a crash or a
    full disk never leaves a half-written model, history or export behind. `mode` is "wb" or "w";
    `make_dirs=False` fails (FileNotFoundError) instead of creating a missing folder.
    """
    if not mode.startswith("w"):
        raise ValueError(f"atomic_write writes whole files: mode 'w' or 'wb', not {mode!r}")
    target = Path(os.path.realpath(path))  # through a symlink: its target is replaced, not the link
    if make_dirs:
        target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(target)
    try:
        keep_mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        keep_mode = None
    fd, tmp = _create_temporary(target)
    try:
        text = {} if "b" in mode else {"encoding": encoding, "newline": ""}
        with os.fdopen(fd, mode, **text) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if keep_mode is not None:
            os.chmod(tmp, keep_mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(target.parent)


def temporary_names(target: str | Path) -> list[Path]:
    """Our temporaries for `target` present in its folder (stale or not): names of our pattern only."""
    target = Path(target)
    prefix = f".{target.name}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    return [target.parent / n for n in names
            if n.startswith(prefix) and n.endswith(".tmp")
            and _MIDDLE.fullmatch(n[len(prefix):-len(".tmp")])]


def remove_stale_temporaries(target: str | Path, now: float | None = None) -> list[Path]:
    """Remove the stale temporaries of `target` (see the module's rules); return the removed ones."""
    now = time.time() if now is None else now
    prefix = f".{Path(target).name}."
    removed = []
    for tmp in temporary_names(target):
        try:
            st = os.lstat(tmp)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue  # not a file we made: never touched
        age = now - st.st_mtime
        pid = _MIDDLE.fullmatch(tmp.name[len(prefix):-len(".tmp")]).group("pid")
        stale = age > STALE_SECONDS or (age > DEAD_PID_GRACE_SECONDS and pid is not None
                                        and not _process_exists(int(pid)))
        if stale:
            try:
                os.unlink(tmp)
            except OSError:
                continue  # in use (Windows) or gone already: leave it
            removed.append(tmp)
    return removed


def _create_temporary(target: Path) -> tuple[int, str]:
    """A new file `.{name}.{pid}.{random}.tmp` beside target, opened for writing.

    os.open's 0o666 passes through the umask, so a new file gets the same bits open() would give.
    """
    for _ in range(100):
        tmp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, _OPEN_FLAGS, 0o666), str(tmp)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def _process_exists(pid: int) -> bool:
    """Whether `pid` runs on this machine; True when that cannot be told (Windows, no permission)."""
    if os.name == "nt":
        return True  # os.kill(pid, 0) would terminate the process on Windows
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists but belongs to another user, or cannot be asked
    return True


def _sync_folder(folder: Path) -> None:
    """Persist the rename itself (POSIX); best effort, the file is already complete."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
