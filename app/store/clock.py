"""The clocks a store reads, replaceable so that tests never depend on today's date or on time passing.

The wall clock only labels records for people and decides calendar questions (is this session
scheduled for today? until when is a record kept?). Exam time is never measured with it: that
is the machine clock, a boot-wide monotonic clock that every process on the machine shares, so a
proctor and a candidate station in two processes see one time (app.domain.time_ledger).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol


class WallClock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that says what a test tells it; `advance` moves it on."""

    def __init__(self, at: datetime):
        if at.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


def stamp(clock: WallClock) -> str:
    """A record's wall-clock label: UTC, ISO 8601, milliseconds."""
    return clock.now().astimezone(UTC).isoformat(timespec="milliseconds")


def local_today(clock: WallClock, tz: tzinfo | None = None) -> date:
    """Today's date where the centre is (the machine's local time zone unless `tz` is given)."""
    return clock.now().astimezone(tz).date()


class MachineClock(Protocol):
    """Seconds on a clock that every process of one machine reads alike, for as long as the machine
    stays up, and the identity of that boot. The time ledger measures exam time on it."""

    def boot(self) -> str:
        """This boot of the machine: the same in every process until the machine restarts."""
        ...

    def now(self) -> float:
        """Seconds since boot, never going back, shared by every process on the machine."""
        ...


class SystemMachineClock:
    """The machine's own boot-wide clock.

    Linux: CLOCK_BOOTTIME (it counts a suspend, which the candidate's time also does) and
    /proc/sys/kernel/random/boot_id. Windows: Python's monotonic clock is the system's tick count
    since boot, and the boot is named by its boot time (NtQuerySystemInformation). macOS: the
    kern.boottime sysctl and CLOCK_MONOTONIC. Where none of these exists, each process is its own
    boot, which is what ExamDesk did before: time of another process reads as stopped."""

    def __init__(self) -> None:
        self._boot = _boot_identity()
        self._now = _boot_wide_seconds()

    def __getstate__(self) -> dict[str, str]:  # a child process reads the same boot-wide clock afresh
        return {"_boot": self._boot}

    def __setstate__(self, state: dict[str, str]) -> None:
        self._boot, self._now = state["_boot"], _boot_wide_seconds()

    def boot(self) -> str:
        return self._boot

    def now(self) -> float:
        return self._now()


class FakeMachineClock:
    """A machine clock a test sets: `advance` moves it on, `reboot` starts a new boot from zero."""

    def __init__(self, at: float = 1000.0, boot: str = "test-boot-1"):
        self.at, self.boot_id = at, boot

    def boot(self) -> str:
        return self.boot_id

    def now(self) -> float:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += seconds

    def reboot(self, boot: str) -> None:
        self.boot_id, self.at = boot, 0.0


def _boot_wide_seconds() -> Callable[[], float]:
    import time

    if hasattr(time, "CLOCK_BOOTTIME"):
        return lambda: time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "win32" or not hasattr(time, "CLOCK_MONOTONIC"):
        return time.monotonic  # Windows: GetTickCount64 / QueryPerformanceCounter, both since boot
    return lambda: time.clock_gettime(time.CLOCK_MONOTONIC)


def _boot_identity() -> str:
    try:
        return "linux:" + Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        pass
    if sys.platform == "win32":
        found = _windows_boot_time()
        if found is not None:
            return f"windows:{found}"
    if sys.platform == "darwin":
        found = _darwin_boot_time()
        if found is not None:
            return f"darwin:{found}"
    import uuid

    return f"process:{uuid.uuid4()}"  # no boot-wide identity: this process is a boot of its own


def _windows_boot_time() -> int | None:
    """The boot time in 100 ns units since 1601 (SYSTEM_TIMEOFDAY_INFORMATION.BootTime)."""
    try:
        import ctypes

        buffer = ctypes.create_string_buffer(48)
        status = ctypes.windll.ntdll.NtQuerySystemInformation(3, buffer, len(buffer), None)  # type: ignore[attr-defined]
        if status != 0:
            return None
        return int.from_bytes(buffer.raw[:8], "little", signed=True)
    except (OSError, AttributeError):
        return None


def _darwin_boot_time() -> str | None:
    import subprocess

    from app.processes import run_bounded

    try:
        done = run_bounded(["sysctl", "-n", "kern.boottime"], 5)
    except (OSError, subprocess.SubprocessError):
        return None
    text = done.stdout.strip()
    return text.split("}")[0].strip("{ ") if done.returncode == 0 and text else None
