"""How much memory this process can still allocate: the system's available memory and the cgroup's
remaining limit, whichever is less (Linux, Windows, other POSIX systems). Read by the memory
estimates (nn/memory.py) and the dataset reader (digits/data.py) before they allocate."""

from __future__ import annotations

import os
import sys

FALLBACK_AVAILABLE = 2 << 30  # assumed free when the system does not say


def _read_int(path: str) -> int | None:
    try:
        with open(path, encoding="ascii") as fh:
            text = fh.read().strip()
    except (OSError, ValueError):
        return None
    if not text.isdigit():  # "max": no limit
        return None
    return int(text)


def _cgroup_files(root: str = "/sys/fs/cgroup", self_cgroup: str = "/proc/self/cgroup") -> list[tuple]:
    """(limit, usage) file pairs to read: this process's own cgroup v2 folder (from
    /proc/self/cgroup's "0::/path" line), the cgroup root (inside a container), cgroup v1."""
    pairs = []
    try:
        with open(self_cgroup, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("0::"):
                    own = line[3:].strip().strip("/")
                    if own:
                        pairs.append((f"{root}/{own}/memory.max", f"{root}/{own}/memory.current"))
    except OSError:
        pass
    pairs.append((f"{root}/memory.max", f"{root}/memory.current"))
    pairs.append((f"{root}/memory/memory.limit_in_bytes", f"{root}/memory/memory.usage_in_bytes"))
    return pairs


def _linux_available() -> list[int]:
    found = []
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    found.append(int(line.split()[1]) * 1024)
                    break
    except (OSError, ValueError, IndexError):
        pass
    for limit_path, usage_path in _cgroup_files():
        limit, usage = _read_int(limit_path), _read_int(usage_path)
        if limit is not None and limit < 1 << 60:  # cgroup v1 says "no limit" with a huge number
            found.append(max(limit - (usage or 0), 0))
    return found


def _windows_available() -> list[int]:
    import ctypes

    class MemoryStatusEx(ctypes.Structure):
        _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                    ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                    ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                    ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                    ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

    status = MemoryStatusEx()
    status.dwLength = ctypes.sizeof(MemoryStatusEx)
    if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
        return [int(status.ullAvailPhys)]
    return []


def _sysconf_available() -> list[int]:
    page = os.sysconf("SC_PAGE_SIZE")
    names = os.sysconf_names
    if "SC_AVPHYS_PAGES" in names:
        return [os.sysconf("SC_AVPHYS_PAGES") * page]
    if "SC_PHYS_PAGES" in names:  # macOS: no free-page count; half the RAM is a cautious guess
        return [os.sysconf("SC_PHYS_PAGES") * page // 2]
    return []


def measured_available() -> int | None:
    """Bytes this process can still allocate: the least of the system's available memory and the
    cgroup's remaining limit; None when nothing can be read."""
    found: list[int] = []
    for reader in ((_linux_available, _sysconf_available) if sys.platform.startswith("linux")
                   else (_windows_available,) if sys.platform == "win32" else (_sysconf_available,)):
        try:
            found += [v for v in reader() if v > 0]
        except Exception:  # noqa: BLE001 - any platform oddity: the next reader, or None
            continue
        if found and reader is _linux_available:
            break
    return min(found) if found else None


def available_memory() -> int:
    """measured_available(), or FALLBACK_AVAILABLE (a cautious figure) when nothing can be read."""
    found = measured_available()
    return FALLBACK_AVAILABLE if found is None else found
