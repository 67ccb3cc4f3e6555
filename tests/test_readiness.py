"""The station readiness check's decisions, each over made-up facts (never this machine's own), and
how the facts are measured: the clock offset NTP-style, the disk test, the report's verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.api.errors import Unreachable
from app.api.types import Readiness, ReadinessCheck, worst
from app.station import readiness as r
from app.station.readiness import CentreFacts, DiskFacts, DisplayFacts, MachineFacts

READY, WARNING, NOT_READY = Readiness.READY, Readiness.WARNING, Readiness.NOT_READY
MB = 1024 * 1024


def centre(**changes: object) -> CentreFacts:
    base = {"local": False, "secure": True, "reachable": True, "offset": 0.1, "round_trip": 0.004,
            "version": r.__version__}  # fmt: skip
    return CentreFacts(**{**base, **changes})  # type: ignore[arg-type]


# -- the centre ------------------------------------------------------------------------------------


def test_a_centre_over_verified_tls_is_ready():
    check = r.check_centre(centre())
    assert (check.status, check.reason, check.params) == (READY, r.CENTRE_SECURE, {"ms": "4"})


def test_a_centre_without_tls_is_not_ready():
    assert r.check_centre(centre(secure=False)).status is NOT_READY
    assert r.check_centre(centre(secure=False)).reason == r.CENTRE_INSECURE


def test_an_unreachable_centre_is_not_ready_and_says_why():
    check = r.check_centre(centre(reachable=False, error="connection refused", offset=None, version=None))
    assert check.status is NOT_READY
    assert (
        check.message
        == "no answer from the centre: connection refused; check the network cable and the centre's address"
    )


def test_single_station_mode_needs_no_network():
    facts = centre(local=True, secure=False, offset=9999.0, version="0.0.1")
    assert [c.status for c in (r.check_centre(facts), r.check_clock(facts), r.check_version(facts))] == [READY] * 3


# -- the clock ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "status", "reason"),
    [
        (0.0, READY, r.CLOCK_OK),
        (2.0, READY, r.CLOCK_OK),
        (-2.0, READY, r.CLOCK_OK),
        (2.5, WARNING, r.CLOCK_BEHIND),  # the centre is later: this PC is behind
        (-2.5, WARNING, r.CLOCK_AHEAD),
        (60.0, WARNING, r.CLOCK_BEHIND),
        (60.5, NOT_READY, r.CLOCK_FAR_BEHIND),
        (-3600.0, NOT_READY, r.CLOCK_FAR_AHEAD),
    ],
)
def test_the_clock_offset_decides_by_its_size_and_says_which_way(offset, status, reason):
    check = r.check_clock(centre(offset=offset))
    assert (check.status, check.reason) == (status, reason)


def test_the_clock_reason_names_the_seconds():
    assert r.check_clock(centre(offset=-75.2)).params == {"seconds": "75"}
    assert r.check_clock(centre(offset=3.25)).params == {"seconds": "3.2"}


def test_an_unmeasured_clock_is_not_ready():
    check = r.check_clock(centre(reachable=False, offset=None, error="timed out"))
    assert (check.status, check.params) == (NOT_READY, {"error": "timed out"})


def test_the_offset_is_measured_ntp_style_from_the_quickest_round_trip():
    """The station's clock reads t0, the centre answers, t1: offset = centre - (t0 + t1) / 2 of the
    sample with the shortest round trip."""

    class FakeCentre:
        transport = type("T", (), {"secure": True})()

        def __init__(self):
            self.public = self
            self.answers = iter([1000.0 + 50, 2000.0 + 30.2, 3000.0 + 31])

        def clock(self):
            return next(self.answers)

        def version(self):
            return "9.9"

    station = iter([1000.0, 1002.0, 2000.0, 2000.2, 3000.0, 3000.5])  # round trips 2.0, 0.2, 0.5
    facts = r.measure_centre(FakeCentre(), now=lambda: next(station), samples=3)  # type: ignore[arg-type]
    assert facts.offset == pytest.approx(30.2 - 0.1)
    assert facts.round_trip == pytest.approx(0.2)
    assert (facts.reachable, facts.secure, facts.local, facts.version) == (True, True, False, "9.9")


def test_a_centre_that_does_not_answer_is_a_finding_not_a_crash():
    class Down:
        transport = object()

        def __init__(self):
            self.public = self

        def clock(self):
            raise Unreachable("connection refused")

    facts = r.measure_centre(Down())  # type: ignore[arg-type]
    assert (facts.reachable, facts.error, facts.secure) == (False, "connection refused", False)
    assert r.check_centre(facts).status is NOT_READY


def test_a_centre_that_refuses_the_clock_call_answers_but_is_not_measured():
    from app.api.errors import ApiError

    class Older:
        transport = type("T", (), {"secure": True})()

        def __init__(self):
            self.public = self

        def clock(self):
            raise ApiError("bad_request", "no such call: {method}", {"method": "public.clock"})

    facts = r.measure_centre(Older())  # type: ignore[arg-type]
    assert (facts.reachable, facts.offset, facts.version) == (True, None, None)
    assert r.check_centre(facts).status is READY
    assert r.check_clock(facts).params == {"error": "no such call: public.clock"}
    assert r.check_version(facts).status is NOT_READY


# -- the version -------------------------------------------------------------------------------------


def test_another_version_than_the_centres_is_not_ready():
    check = r.check_version(centre(version="0.2.0"), ours="0.1.0")
    assert check.status is NOT_READY
    assert check.params == {"ours": "0.1.0", "theirs": "0.2.0"}
    assert r.check_version(centre(version="0.1.0"), ours="0.1.0").status is READY
    assert r.check_version(centre(version=None, error="no such call: public.version"), ours="0.1.0").status is NOT_READY


# -- the disk ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("free_mb", "seconds", "status", "reason"),
    [
        (5000, 0.01, READY, r.DISK_OK),
        (1023, 0.01, WARNING, r.DISK_LOW),
        (199, 0.01, NOT_READY, r.DISK_FULL),
        (5000, 2.5, WARNING, r.DISK_SLOW),
        (150, 2.5, NOT_READY, r.DISK_FULL),
    ],
)
def test_the_disk_decides_by_free_space_and_the_write_test(free_mb, seconds, status, reason):
    check = r.check_disk(DiskFacts("/data", free_mb * MB, "", seconds))
    assert (check.status, check.reason) == (status, reason)


def test_a_failed_write_test_is_not_ready():
    check = r.check_disk(DiskFacts("/data", 5000 * MB, "Read-only file system"))
    assert check.status is NOT_READY
    assert check.params == {"folder": "/data", "error": "Read-only file system"}


def test_the_write_test_writes_syncs_reads_back_and_leaves_nothing(tmp_path):
    facts = r.disk_facts(tmp_path / "station")
    assert facts.error == "" and facts.free_bytes and facts.write_seconds is not None
    assert list((tmp_path / "station").iterdir()) == []


def test_a_folder_that_cannot_be_written_fails_the_write_test(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", refuse)
    facts = r.disk_facts(tmp_path)
    assert facts.error == "Permission denied"
    assert r.check_disk(facts).status is NOT_READY


# -- the screens and fonts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("screens", "status", "reason"),
    [
        (((1366, 768),), READY, r.SCREEN_OK),
        (((1920, 1080),), READY, r.SCREEN_OK),
        (((1365, 768),), NOT_READY, r.SCREEN_SMALL),
        (((1366, 767),), NOT_READY, r.SCREEN_SMALL),
        (((1280, 720), (1920, 1080)), NOT_READY, r.SCREEN_SMALL),  # the exam shows on the primary, first
        (((1920, 1080), (1280, 1024)), WARNING, r.SCREEN_MANY),
        ((), NOT_READY, r.SCREEN_NONE),
        (None, WARNING, r.SCREEN_UNCHECKED),
    ],
)
def test_screen_size_and_count(screens, status, reason):
    check = r.check_screens(DisplayFacts(screens, ("Noto Sans CJK SC",)))
    assert (check.status, check.reason) == (status, reason)


def test_a_small_screen_says_its_size_and_the_minimum():
    check = r.check_screens(DisplayFacts(((1280, 720),), ()))
    assert check.params == {"width": "1280", "height": "720", "min_width": "1366", "min_height": "768"}


def test_cjk_fonts():
    assert r.check_fonts(DisplayFacts(None, ("AR PL UMing", "Noto Sans CJK SC"))).params == {"font": "Noto Sans CJK SC"}
    assert r.check_fonts(DisplayFacts(None, ("AR PL UMing",))).status is READY
    assert r.check_fonts(DisplayFacts(None, ())).status is NOT_READY
    assert r.check_fonts(DisplayFacts(None, None)).status is WARNING


# -- virtual machines and remote sessions ------------------------------------------------------------


@pytest.mark.parametrize(
    "facts",
    [
        MachineFacts(dmi={"product_name": "VMware Virtual Platform", "sys_vendor": "VMware, Inc."}),
        MachineFacts(dmi={"product_name": "VMware7,1"}),
        MachineFacts(dmi={"product_name": "VirtualBox", "sys_vendor": "innotek GmbH"}),
        MachineFacts(dmi={"product_name": "Standard PC (Q35 + ICH9, 2009)", "sys_vendor": "QEMU"}),
        MachineFacts(dmi={"SystemProductName": "Virtual Machine", "SystemManufacturer": "Microsoft Corporation"}),
        MachineFacts(hypervisor_flag=True),
        MachineFacts(detect_virt="kvm"),
    ],
)
def test_signs_of_a_virtual_machine_are_a_warning(facts):
    check = r.check_virtual_machine(facts)
    assert check.status is WARNING
    assert check.params["evidence"]


def test_a_physical_pc_shows_no_virtual_machine():
    facts = MachineFacts(dmi={"product_name": "OptiPlex 7090", "sys_vendor": "Dell Inc."}, detect_virt="none")
    assert r.check_virtual_machine(facts).status is READY
    surface = MachineFacts(dmi={"SystemProductName": "Surface Pro 7", "SystemManufacturer": "Microsoft Corporation"})
    assert r.check_virtual_machine(surface).status is READY
    lookalike = MachineFacts(dmi={"product_name": "Xenon Workstation W-1", "board_vendor": "Bochsler AG"})
    assert r.check_virtual_machine(lookalike).status is READY  # whole words only


@pytest.mark.parametrize(
    ("facts", "evidence"),
    [
        (MachineFacts(environ={"SSH_CONNECTION": "10.0.0.9 5522 10.0.0.7 22"}), "SSH session"),
        (MachineFacts(environ={"XRDP_SESSION": "1"}), "XRDP session"),
        (MachineFacts(environ={"SESSIONNAME": "RDP-Tcp#3"}), "Remote Desktop session RDP-Tcp#3"),
        (MachineFacts(environ={"DISPLAY": "localhost:10.0"}), "X display localhost:10.0"),
        (MachineFacts(ancestors=("bash", "xrdp-sesman", "systemd")), "started by xrdp-sesman"),
        (MachineFacts(processes=("explorer.exe", "ToDesk.exe")), "ToDesk.exe running"),
        (MachineFacts(processes=("SunloginClient.exe",)), "SunloginClient.exe running"),
        (MachineFacts(processes=("rdpclip.exe",)), "rdpclip.exe running"),
    ],
)
def test_signs_of_a_remote_session_are_a_warning(facts, evidence):
    check = r.check_remote_session(facts)
    assert check.status is WARNING
    assert evidence in check.params["evidence"]


def test_a_local_desktop_shows_no_remote_session():
    facts = MachineFacts(environ={"DISPLAY": ":0", "SESSIONNAME": "Console"}, ancestors=("gnome-shell", "systemd"),
                         processes=("Xorg", "examdesk-gui"))  # fmt: skip
    assert r.check_remote_session(facts).status is READY


def test_the_environment_markers_are_read_from_the_environment_given():
    facts = r.machine_facts({"SSH_CLIENT": "10.0.0.9 5522 22", "HOME": "/root"})
    assert facts.environ == {"SSH_CLIENT": "10.0.0.9 5522 22"}


# -- the report ---------------------------------------------------------------------------------------


def test_overall_is_the_worst_check():
    def check(status: Readiness) -> ReadinessCheck:
        return ReadinessCheck("x", status, "r")

    assert worst([]) is READY
    assert r.overall([check(READY), check(WARNING), check(READY)]) is WARNING
    assert r.overall([check(WARNING), check(NOT_READY), check(READY)]) is NOT_READY


def test_a_report_has_every_check_and_the_worst_verdict(tmp_path: Path):
    class Centre:
        transport = type("T", (), {"secure": True})()

        def __init__(self):
            self.public = self

        def clock(self):
            return 1_000_030.0  # 30 s ahead of the station's clock below

        def version(self):
            return r.__version__

    report = r.run_check(Centre(), tmp_path, lambda: DisplayFacts(((1920, 1080),), ("Noto Sans CJK SC",)),  # type: ignore[arg-type]
                         room="R101", now=lambda: 1_000_000.0, machine=MachineFacts)  # fmt: skip
    names = [c.check for c in report.checks]
    assert names == ["centre", "clock", "version", "disk", "screen", "fonts", "virtual_machine", "remote_session"]
    assert report.status is WARNING  # the clock, 30 s behind
    assert [c.check for c in report.checks if c.status is not READY] == ["clock"]
    assert (report.room, report.version) == ("R101", r.__version__)


def test_without_a_display_the_screen_and_fonts_are_unchecked(tmp_path: Path):
    class Centre:
        transport = type("T", (), {"secure": True})()

        def __init__(self):
            self.public = self

        def clock(self):
            return 5.0

        def version(self):
            return r.__version__

    report = r.run_check(Centre(), tmp_path, None, now=lambda: 5.0, machine=MachineFacts)  # type: ignore[arg-type]
    assert {c.check: c.status for c in report.checks}["screen"] is WARNING
    assert {c.check: c.status for c in report.checks}["fonts"] is WARNING


def test_every_reason_has_a_translatable_template():
    from app.ui.widgets.messages import TEMPLATES

    assert [reason for reason in r.REASONS if reason not in TEMPLATES] == []


def test_the_station_check_imports_no_qt_and_no_services():
    """Screens pass their facts in; the check talks to the centre only through a Client."""
    from tests.conftest import REPO
    from tests.test_architecture import imports_of

    for path in (REPO / "app" / "station").glob("*.py"):
        forbidden = ("PySide6", "app.services", "app.store", "app.ui", "sqlalchemy")
        assert [n for n in imports_of(path) if n.startswith(forbidden)] == [], path.name
