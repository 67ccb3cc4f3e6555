"""The station readiness check: is this PC fit to sit an exam on? Run before the exam, shown per
seat to the proctor as READY / WARNING / NOT READY with the reason.

Each check is a pure decision over facts (`CentreFacts`, `DiskFacts`, `DisplayFacts`,
`MachineFacts`), so its logic is tested with made-up facts; the facts are gathered separately:
the centre through the station's Client, the disk and the machine with psutil and the operating
system's own records, the screens and fonts by a function the screen passes in (Qt lives there,
not here). The report is the checks plus the overall verdict, the worst of them.

| check | READY | WARNING | NOT READY |
|---|---|---|---|
| centre | answers over verified TLS (or single-station mode) | | no answer; answers without TLS |
| clock | within 2 s of the centre's | 2 s to 60 s off | over 60 s off; not measured |
| version | the centre's | | another version; not read |
| disk | room, a test file written, synced, read back | under 1 GB free; slow | under 200 MB free; failed |
| screen | one screen of at least 1366x768 | more than one screen; not checked | too small; none |
| fonts | a font that shows Chinese | not checked | none |
| virtual machine | no sign | DMI, CPU flag or systemd-detect-virt says so | |
| remote session | no sign | SSH, XRDP or RDP markers, a remote-control program | |
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app import __version__
from app.api.client import Client, InProcess, Loopback
from app.api.errors import ApiError, Unreachable
from app.api.types import Readiness, ReadinessCheck, ReadinessReport, worst
from app.processes import run_bounded

READY, WARNING, NOT_READY = Readiness.READY, Readiness.WARNING, Readiness.NOT_READY

CLOCK_WARNING_SECONDS = 2.0
CLOCK_NOT_READY_SECONDS = 60.0
CLOCK_SAMPLES = 3  # the offset of the quickest round trip counts, as NTP does
MIN_WIDTH, MIN_HEIGHT = 1366, 768
DISK_NOT_READY_MB = 200
DISK_WARNING_MB = 1024
DISK_SLOW_MS = 2000
TEST_FILE_BYTES = 256 * 1024
MB = 1024 * 1024

# The reasons, in plain words: English templates with {placeholders}, each listed in
# app/ui/widgets/messages.py so the proctor's screen translates it (a test checks).
CENTRE_LOCAL = "single-station mode: the services run in this program, no network is needed"
CENTRE_SECURE = "the centre answers over a verified secure connection ({ms} ms)"
CENTRE_INSECURE = (
    "the centre answers, but not over a verified secure connection: answers could be read or changed on the "
    "network; enrol this station again"
)
CENTRE_UNREACHABLE = "no answer from the centre: {error}; check the network cable and the centre's address"
CLOCK_LOCAL = "single-station mode: exam time runs on this PC's own clock"
CLOCK_OK = "this PC's clock is within {seconds} s of the centre's"
CLOCK_AHEAD = (
    "this PC's clock is {seconds} s ahead of the centre's: exam time follows the centre's clock, but this PC's "
    "own records will carry a wrong time; set the clock or turn on time sync"
)
CLOCK_BEHIND = (
    "this PC's clock is {seconds} s behind the centre's: exam time follows the centre's clock, but this PC's "
    "own records will carry a wrong time; set the clock or turn on time sync"
)
CLOCK_FAR_AHEAD = (
    "this PC's clock is {seconds} s ahead of the centre's: over a minute off means a wrong date, time or time "
    "zone, which can break the secure connection (the centre's certificate looks expired or not yet valid); "
    "set the clock"
)
CLOCK_FAR_BEHIND = (
    "this PC's clock is {seconds} s behind the centre's: over a minute off means a wrong date, time or time "
    "zone, which can break the secure connection (the centre's certificate looks expired or not yet valid); "
    "set the clock"
)
CLOCK_UNKNOWN = "the clock offset to the centre could not be measured: {error}"
VERSION_OK = "ExamDesk {version}, the same as the centre"
VERSION_DIFFERENT = "this station runs ExamDesk {ours}, the centre {theirs}: install the centre's version here"
VERSION_UNKNOWN = "the centre's ExamDesk version could not be read: {error}"
DISK_OK = "{free} MB free in {folder}; a test file was written, synced and read back in {ms} ms"
DISK_LOW = "only {free} MB free in {folder}: at least {advised} MB is advised; free some space"
DISK_FULL = (
    "only {free} MB free in {folder}: answers kept on this PC while the link is down need room, at least "
    "{needed} MB; free some space"
)
DISK_SLOW = "writing and syncing a test file in {folder} took {ms} ms: the disk is very slow or failing"
DISK_BROKEN = "a test file in {folder} could not be written and read back: {error}"
SCREEN_OK = "one screen of {width}×{height}"
SCREEN_SMALL = (
    "the screen shows {width}×{height}: ExamDesk needs at least {min_width}×{min_height} (check the resolution "
    "and the display scaling)"
)
SCREEN_MANY = "{count} screens are connected: another screen can show the exam to others; disconnect it"
SCREEN_NONE = "no screen was found"
SCREEN_UNCHECKED = "the screen was not checked: no display here (run the check on the station's desktop)"
FONTS_OK = "Chinese text shows in {font}"
FONTS_NONE = (
    "no font on this PC can show Chinese: questions would show as empty boxes; install a CJK font such as "
    "Noto Sans CJK SC"
)
FONTS_UNCHECKED = "the fonts were not checked: no display here (run the check on the station's desktop)"
VM_NONE = "no sign of a virtual machine"
VM_FOUND = (
    "this PC looks like a virtual machine ({evidence}): other programs could run beside the exam unseen; "
    "use a physical PC"
)
REMOTE_NONE = "no sign of a remote session or remote-control program"
REMOTE_FOUND = (
    "a remote session or remote-control program ({evidence}): someone elsewhere may see or control this PC; "
    "run the exam at the PC itself"
)
REASONS = (
    CENTRE_LOCAL, CENTRE_SECURE, CENTRE_INSECURE, CENTRE_UNREACHABLE, CLOCK_LOCAL, CLOCK_OK, CLOCK_AHEAD,
    CLOCK_BEHIND, CLOCK_FAR_AHEAD, CLOCK_FAR_BEHIND, CLOCK_UNKNOWN, VERSION_OK, VERSION_DIFFERENT, VERSION_UNKNOWN,
    DISK_OK, DISK_LOW, DISK_FULL, DISK_SLOW, DISK_BROKEN, SCREEN_OK, SCREEN_SMALL, SCREEN_MANY, SCREEN_NONE,
    SCREEN_UNCHECKED, FONTS_OK, FONTS_NONE, FONTS_UNCHECKED, VM_NONE, VM_FOUND, REMOTE_NONE, REMOTE_FOUND,
)  # fmt: skip


def _check(name: str, status: Readiness, reason: str, **params: object) -> ReadinessCheck:
    return ReadinessCheck(name, status, reason, {key: str(value) for key, value in params.items()})


# -- the facts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CentreFacts:
    """What the station learnt from the centre."""

    local: bool  # single-station mode: the services run in this program
    secure: bool  # the transport speaks verified TLS
    reachable: bool
    error: str = ""  # why the centre did not answer, or why a measurement failed
    offset: float | None = None  # centre's clock minus this PC's, seconds
    round_trip: float | None = None  # of the measurement that counted, seconds
    version: str | None = None  # the centre's ExamDesk version


@dataclass(frozen=True)
class DiskFacts:
    folder: str
    free_bytes: int | None
    error: str = ""  # the write test's failure
    write_seconds: float | None = None


@dataclass(frozen=True)
class DisplayFacts:
    """From the screen (Qt): each screen's size in the pixels ExamDesk lays out in (after scaling),
    the primary first; the font families that can show Simplified Chinese. None: not looked at."""

    screens: tuple[tuple[int, int], ...] | None
    cjk_fonts: tuple[str, ...] | None


@dataclass(frozen=True)
class MachineFacts:
    """Signs of a virtual machine or a remote session."""

    dmi: Mapping[str, str] = field(default_factory=dict)  # product, vendors (Linux DMI, Windows BIOS registry)
    hypervisor_flag: bool = False  # the CPU says it runs under a hypervisor (/proc/cpuinfo)
    detect_virt: str | None = None  # `systemd-detect-virt --vm`: "none" or the hypervisor; None: not there
    environ: Mapping[str, str] = field(default_factory=dict)  # the remote-session markers present
    ancestors: tuple[str, ...] = ()  # names of this process's parents, nearest first
    processes: tuple[str, ...] = ()  # names of the processes running on the PC


# -- the decisions --------------------------------------------------------------------------------


def check_centre(facts: CentreFacts) -> ReadinessCheck:
    if facts.local:
        return _check("centre", READY, CENTRE_LOCAL)
    if not facts.reachable:
        return _check("centre", NOT_READY, CENTRE_UNREACHABLE, error=facts.error)
    if not facts.secure:
        return _check("centre", NOT_READY, CENTRE_INSECURE)
    return _check("centre", READY, CENTRE_SECURE, ms=round((facts.round_trip or 0.0) * 1000))


def check_clock(facts: CentreFacts) -> ReadinessCheck:
    if facts.local:
        return _check("clock", READY, CLOCK_LOCAL)
    if facts.offset is None:
        return _check("clock", NOT_READY, CLOCK_UNKNOWN, error=facts.error or "no answer")
    # the centre's clock minus ours: positive means this PC is behind
    off = abs(facts.offset)
    seconds = f"{off:.1f}" if off < 10 else f"{off:.0f}"
    if off <= CLOCK_WARNING_SECONDS:
        return _check("clock", READY, CLOCK_OK, seconds=seconds)
    ahead = facts.offset < 0
    if off <= CLOCK_NOT_READY_SECONDS:
        return _check("clock", WARNING, CLOCK_AHEAD if ahead else CLOCK_BEHIND, seconds=seconds)
    return _check("clock", NOT_READY, CLOCK_FAR_AHEAD if ahead else CLOCK_FAR_BEHIND, seconds=seconds)


def check_version(facts: CentreFacts, ours: str = __version__) -> ReadinessCheck:
    if facts.local:
        return _check("version", READY, VERSION_OK, version=ours)
    if facts.version is None:
        return _check("version", NOT_READY, VERSION_UNKNOWN, error=facts.error or "no answer")
    if facts.version != ours:
        return _check("version", NOT_READY, VERSION_DIFFERENT, ours=ours, theirs=facts.version)
    return _check("version", READY, VERSION_OK, version=ours)


def check_disk(facts: DiskFacts) -> ReadinessCheck:
    folder = facts.folder
    if facts.error or facts.free_bytes is None:
        return _check("disk", NOT_READY, DISK_BROKEN, folder=folder, error=facts.error or "no free space reading")
    free = facts.free_bytes // MB
    if free < DISK_NOT_READY_MB:
        return _check("disk", NOT_READY, DISK_FULL, free=free, folder=folder, needed=DISK_NOT_READY_MB)
    ms = round((facts.write_seconds or 0.0) * 1000)
    if ms > DISK_SLOW_MS:
        return _check("disk", WARNING, DISK_SLOW, folder=folder, ms=ms)
    if free < DISK_WARNING_MB:
        return _check("disk", WARNING, DISK_LOW, free=free, folder=folder, advised=DISK_WARNING_MB)
    return _check("disk", READY, DISK_OK, free=free, folder=folder, ms=ms)


def check_screens(facts: DisplayFacts) -> ReadinessCheck:
    if facts.screens is None:
        return _check("screen", WARNING, SCREEN_UNCHECKED)
    if not facts.screens:
        return _check("screen", NOT_READY, SCREEN_NONE)
    width, height = facts.screens[0]
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return _check("screen", NOT_READY, SCREEN_SMALL, width=width, height=height, min_width=MIN_WIDTH,
                      min_height=MIN_HEIGHT)  # fmt: skip
    if len(facts.screens) > 1:
        return _check("screen", WARNING, SCREEN_MANY, count=len(facts.screens))
    return _check("screen", READY, SCREEN_OK, width=width, height=height)


# the families ExamDesk prefers (app/ui/main.py), named when present
PREFERRED_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC")


def check_fonts(facts: DisplayFacts) -> ReadinessCheck:
    if facts.cjk_fonts is None:
        return _check("fonts", WARNING, FONTS_UNCHECKED)
    if not facts.cjk_fonts:
        return _check("fonts", NOT_READY, FONTS_NONE)
    font = next((f for f in PREFERRED_FONTS if f in facts.cjk_fonts), facts.cjk_fonts[0])
    return _check("fonts", READY, FONTS_OK, font=font)


# what hypervisors write into the DMI tables (product, vendors) or the BIOS registry keys
VM_MARKERS = re.compile(
    r"\b(vmware|virtualbox|innotek|qemu|kvm|xen|bochs|parallels|virtual machine|hyper-v|bhyve|openstack|"
    r"google compute engine|amazon ec2|cloud hypervisor|acrn)(?![a-z])",
    re.IGNORECASE,
)


def vm_evidence(facts: MachineFacts) -> list[str]:
    found = [f"{key}: {value}" for key, value in sorted(facts.dmi.items()) if VM_MARKERS.search(value)]
    if facts.hypervisor_flag:
        found.append("CPU hypervisor flag")
    if facts.detect_virt and facts.detect_virt.strip() not in ("", "none"):
        found.append(f"systemd-detect-virt: {facts.detect_virt.strip()}")
    return found


def check_virtual_machine(facts: MachineFacts) -> ReadinessCheck:
    found = vm_evidence(facts)
    if found:
        return _check("virtual_machine", WARNING, VM_FOUND, evidence="; ".join(found))
    return _check("virtual_machine", READY, VM_NONE)


REMOTE_ENVIRON = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "XRDP_SESSION", "XRDP_SOCKET_PATH", "SESSIONNAME",
                  "DISPLAY")  # fmt: skip
# parents that put this program in a remote session
REMOTE_PARENTS = re.compile(r"^(sshd|xrdp|xrdp-sesman|xrdp-chansrv|x2goagent|xvnc|vncserver|nxagent)(\.exe)?$",
                            re.IGNORECASE)  # fmt: skip
# remote-control programs common at Chinese centres and elsewhere (and rdpclip, which runs in every
# Windows Remote Desktop session): running at all is a warning
REMOTE_CONTROL = re.compile(
    r"^(teamviewer|teamviewer_service|anydesk|todesk|todesk_service|sunloginclient|sunlogin|oray_rundll|"
    r"rustdesk|x11vnc|winvnc|tvnserver|vncserver-x11|radmin|rserver3|awesun|gamviewer|rdpclip)(\.exe)?$",
    re.IGNORECASE,
)


def remote_evidence(facts: MachineFacts) -> list[str]:
    env, found = facts.environ, []
    if any(env.get(k) for k in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")):
        found.append("SSH session")
    if any(env.get(k) for k in ("XRDP_SESSION", "XRDP_SOCKET_PATH")):
        found.append("XRDP session")
    session = env.get("SESSIONNAME", "")
    if session.upper().startswith("RDP-"):
        found.append(f"Remote Desktop session {session}")
    display = env.get("DISPLAY", "")
    host = display.rpartition(":")[0] if ":" in display else ""
    if host and host != "unix" and not host.startswith("/"):  # an X display on another host (ssh -X)
        found.append(f"X display {display}")
    found += [f"started by {name}" for name in dict.fromkeys(facts.ancestors) if REMOTE_PARENTS.match(name)]
    found += [f"{name} running" for name in dict.fromkeys(facts.processes) if REMOTE_CONTROL.match(name)]
    return found


def check_remote_session(facts: MachineFacts) -> ReadinessCheck:
    found = remote_evidence(facts)
    if found:
        return _check("remote_session", WARNING, REMOTE_FOUND, evidence="; ".join(found))
    return _check("remote_session", READY, REMOTE_NONE)


def decide(centre: CentreFacts, disk: DiskFacts, display: DisplayFacts, machine: MachineFacts,
           ours: str = __version__) -> list[ReadinessCheck]:  # fmt: skip
    """Every check, in the order the proctor reads them."""
    return [check_centre(centre), check_clock(centre), check_version(centre, ours), check_disk(disk),
            check_screens(display), check_fonts(display), check_virtual_machine(machine),
            check_remote_session(machine)]  # fmt: skip


# -- gathering the facts ----------------------------------------------------------------------------


def measure_centre(client: Client, now: Callable[[], float] = time.time, samples: int = CLOCK_SAMPLES) -> CentreFacts:
    """Ask the centre its clock `samples` times (t0, the centre's time, t1) and keep the offset of the
    quickest round trip: the centre read its clock about halfway, so offset = centre - (t0 + t1) / 2,
    within half the round trip. Then its version. Never raises: a failure is a fact."""
    transport = client.transport
    local = isinstance(transport, InProcess | Loopback)
    secure = bool(getattr(transport, "secure", False))
    best: tuple[float, float] | None = None
    try:
        for _ in range(max(1, samples)):
            t0 = now()
            centre = client.public.clock()
            t1 = now()
            trip = max(0.0, t1 - t0)
            if best is None or trip < best[1]:
                best = (centre - (t0 + t1) / 2, trip)
    except Unreachable as exc:  # the centre did not answer: that is the finding
        return CentreFacts(local, secure, reachable=False, error=_why(exc))
    except ApiError as exc:  # it answered, with a refusal (a centre of another version does not know the call)
        return CentreFacts(local, secure, reachable=True, error=_why(exc))
    except Exception as exc:  # a transport's own failure: no answer either
        return CentreFacts(local, secure, reachable=False, error=_why(exc))
    assert best is not None
    try:
        version: str | None = client.public.version()
        error = ""
    except Exception as exc:  # a centre without the call runs another version
        version, error = None, _why(exc)
    return CentreFacts(local, secure, True, error, best[0], best[1], version)


def _why(exc: BaseException) -> str:
    params = getattr(exc, "params", None)
    if isinstance(params, dict) and params.get("reason"):
        return str(params["reason"])
    return str(exc) or type(exc).__name__


def disk_facts(folder: Path, size: int = TEST_FILE_BYTES) -> DiskFacts:
    """Free space in the station's data folder, and a test file written there, synced to the disk,
    read back and compared, then removed."""
    import psutil  # type: ignore[import-untyped,unused-ignore]

    shown = str(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        free = psutil.disk_usage(shown).free
    except OSError as exc:
        return DiskFacts(shown, None, exc.strerror or str(exc))
    path = folder / f".readiness-{secrets.token_hex(6)}.tmp"
    data = secrets.token_bytes(size)
    try:
        started = time.perf_counter()
        with open(path, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        back = path.read_bytes()
        elapsed = time.perf_counter() - started
    except OSError as exc:
        return DiskFacts(shown, free, exc.strerror or str(exc))
    finally:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    if back != data:
        return DiskFacts(shown, free, "what was read back differs from what was written")
    return DiskFacts(shown, free, "", elapsed)


DMI_FILES = ("product_name", "sys_vendor", "board_vendor", "bios_vendor", "chassis_vendor")


def machine_facts(environ: Mapping[str, str] | None = None) -> MachineFacts:
    """The signs of a virtual machine and of a remote session on this PC, as far as it tells them."""
    import psutil  # type: ignore[import-untyped,unused-ignore]

    env = os.environ if environ is None else environ
    dmi: dict[str, str] = {}
    hypervisor, detect = False, None
    if sys.platform.startswith("linux"):
        for name in DMI_FILES:
            try:
                dmi[name] = Path("/sys/class/dmi/id", name).read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                continue
        try:
            flags = re.search(r"^flags\s*:(.*)$", Path("/proc/cpuinfo").read_text(errors="replace"), re.MULTILINE)
            hypervisor = bool(flags and "hypervisor" in flags.group(1).split())
        except OSError:
            pass
        tool = shutil.which("systemd-detect-virt")
        if tool:
            try:
                detect = run_bounded([tool, "--vm"], 5).stdout.strip() or "none"
            except (OSError, subprocess.SubprocessError):
                detect = None
    elif sys.platform == "win32":
        dmi = _windows_bios()
    ancestors: list[str] = []
    processes: list[str] = []
    with contextlib.suppress(psutil.Error):
        ancestors = [p.name() for p in psutil.Process().parents()]
    for proc in psutil.process_iter(["name"]):
        name = proc.info.get("name")
        if name:
            processes.append(name)
    markers = {key: env[key] for key in REMOTE_ENVIRON if env.get(key)}
    return MachineFacts(dmi, hypervisor, detect, markers, tuple(ancestors), tuple(sorted(set(processes))))


def _windows_bios() -> dict[str, str]:
    """What Windows keeps of the DMI tables (the BIOS registry key): maker, product, board, BIOS."""
    try:
        import winreg  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return {}
    out: dict[str, str] = {}
    try:
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"HARDWARE\DESCRIPTION\System\BIOS")  # type: ignore[attr-defined,unused-ignore]
    except OSError:
        return out
    for value in ("SystemManufacturer", "SystemProductName", "BaseBoardManufacturer", "BIOSVendor"):
        try:
            out[value] = str(winreg.QueryValueEx(key, value)[0])  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            continue
    return out


NO_DISPLAY = DisplayFacts(None, None)


def run_check(client: Client, data_dir: Path, display: Callable[[], DisplayFacts] | None = None, *, room: str = "",
              now: Callable[[], float] = time.time, machine: Callable[[], MachineFacts] | None = None,
              ours: str = __version__) -> ReadinessReport:  # fmt: skip
    """Check this station: the centre through `client`, the disk in `data_dir`, the screens and fonts
    through `display` (None: there is no display to look at), the machine. Any thread but the
    display's: call `display` on the GUI thread first and pass `lambda: facts`."""
    facts = (display or (lambda: NO_DISPLAY))()
    checks = decide(measure_centre(client, now), disk_facts(data_dir), facts, (machine or machine_facts)(), ours)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(now()))
    return ReadinessReport(worst(c.status for c in checks), tuple(checks), ours, stamp, room)


def send(client: Client, report: ReadinessReport) -> Readiness:
    """Report to the centre; the status it recorded. Refusals and an unreachable centre are raised."""
    return client.public.report_readiness(report)


def overall(checks: Sequence[ReadinessCheck]) -> Readiness:
    return worst(c.status for c in checks)
