"""Render every main screen to docs/screenshots/ (used in the README).

Run under a real X server so fonts and styles are those of a desktop:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py [--lang zh_CN|en] [--out DIR]

The README's screenshots are the default: Chinese, in docs/screenshots/. `--lang en --out /tmp/en`
renders the English UI elsewhere, to check that no screen is left untranslated.

The centre-mode screens (docs/centre.md) come from a real centre: `examdesk centre serve` on
loopback over the demo store, with the proctor's, the admin's and the candidates' PCs enrolled and
talking HTTPS to it. A station falls silent on purpose, so that part waits about a minute
(`--centre-only` renders just those).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QRadioButton, QWidget

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def shoot(widget: QWidget, name: str, size: tuple[int, int] = (1366, 768)) -> None:
    """Render `widget` to OUT/<name>.png."""
    widget.resize(*size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def main() -> int:
    global OUT
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs (default: docs/screenshots)")
    parser.add_argument("--centre-only", action="store_true", help="only the centre-mode screens")
    args = parser.parse_args()
    OUT = args.out.resolve()
    app = QApplication(sys.argv[:1])
    from app.ui.main import _use_cjk_font, install_language

    _use_cjk_font(app)
    install_language(app, args.lang)
    OUT.mkdir(parents=True, exist_ok=True)
    if args.centre_only:
        return centre_screens()

    from app.demo import DEMO_PASSPHRASE, DEMO_PASSWORDS, demo_people, seed_desktop_demo
    from app.security.envelope import FAST_KDF
    from app.services.backend import Backend
    from app.ui.candidate.station import CandidateStation
    from app.ui.shell import RoleChooser, SetupDialog, UnlockDialog, centre_title
    from app.ui.standards_browser import StandardsBrowser

    data = Path(tempfile.mkdtemp())
    seed_desktop_demo(data, kdf=FAST_KDF)
    backend = Backend.open(data, DEMO_PASSPHRASE)

    from app.api.local import local_client
    from app.api.server import Server

    server = Server(backend)

    def signed_in(username: str):  # type: ignore[no-untyped-def]
        """A client signed in as a demo user, as the screens on the contract take it."""
        role = "admin" if username == "admin" else "proctor" if username.startswith("proctor") else "examiner"
        client = local_client(server, "SCREENSHOTS")
        client.sign_in(username, DEMO_PASSWORDS[role])
        return client

    code, name = backend.accounts.centre()
    shoot(RoleChooser(centre_title(code, name)), "01-roles")
    hint = app.translate("main", "Demo centre passphrase: {passphrase}").format(passphrase=DEMO_PASSPHRASE)
    shoot(UnlockDialog(data, hint), "02-unlock", (560, 220))
    shoot(SetupDialog(Path(tempfile.mkdtemp())), "03-setup", (560, 420))

    people = demo_people(8, random.Random(7))
    proctor = signed_in("proctor1")
    theory = next(s.id for s in proctor.proctor.sessions() if s.code == "DEMO-T5")
    seated = {row.ticket: row.candidate_id for row in proctor.proctor.session_overview(theory)}
    proctor.proctor.check_in(seated[people[0][0]], "PC-01")  # a candidate logs in only at their seat
    # the station checks itself at start (on made-up facts here: this machine's screens do not matter)
    import functools

    from app.station import readiness
    from app.ui.candidate.readiness_bar import ReadinessProbe

    probe = ReadinessProbe(data / "PC-01", "", lambda: readiness.DisplayFacts(((1366, 768),), ("Noto Sans CJK SC",)),
                           functools.partial(readiness.run_check, machine=readiness.MachineFacts))  # fmt: skip
    station = CandidateStation(local_client(server, "PC-01"), min_rules_seconds=0, readiness=probe)
    assert station.readiness is not None and station.readiness.wait(10_000)
    shoot(station, "10-candidate-login")
    ticket, _n, number, _a = people[0]
    station._log_in(ticket, number)
    shoot(station, "11-candidate-identity")
    station._confirmed()
    station.rules_page.read.setChecked(True)
    shoot(station, "12-candidate-rules")
    proctor.proctor.start_session(theory)
    station._accept_rules()
    page = station.exam_page
    for slot in range(0, 12):
        page.show_question(slot)
        radios = page.question.findChildren(QRadioButton)
        if radios and slot % 3 != 2:
            radios[slot % len(radios)].click()
    page.show_question(14)
    page._toggle_flag()
    page.show_question(20)
    shoot(station, "13-candidate-exam")
    page.contrast.setChecked(True)
    page.change_font(+2)
    shoot(station, "14-candidate-exam-high-contrast")
    page.contrast.setChecked(False)
    page.change_font(-2)

    from app.ui.proctor import build_for_screenshot as proctor_screen

    console = proctor_screen(signed_in, people)  # kept until the end: its grid must outlive its shots
    shoot(console, "20-proctor-console")
    from app.ui.admin import build_for_screenshot as admin_screen
    from app.ui.examiner import build_for_screenshot as examiner_screen

    shoot(admin_screen(signed_in), "30-admin")

    shoot(examiner_screen(signed_in), "40-examiner")
    # before the review shots: their sessions would come first in examiner1's session list
    from app.demo import LIVE_CANDIDATE, LIVE_INDEX, LIVE_STATION
    from app.ui.examiner.live_screenshot import build_live_for_screenshot

    live_person = demo_people(LIVE_INDEX + 1, random.Random(LIVE_INDEX))[LIVE_INDEX]
    live_station = local_client(server, LIVE_STATION)  # where the demo's live candidate performs
    live_station.candidate_sign_in(LIVE_CANDIDATE, live_person[2])
    oral = build_live_for_screenshot(signed_in, "oral",
                                     lambda attempt, slot: live_station.candidate.draw_card(attempt, slot))
    shoot(oral, "44-live-oral")
    shoot(build_live_for_screenshot(signed_in, "observed"), "45-live-observed")
    from app.ui.examiner.review_screenshot import build_review_for_screenshot

    review = build_review_for_screenshot(signed_in)  # examiner1: the register, then the running defence
    shoot(review, "41-review-materials")
    review.record.setCurrentIndex(1)
    shoot(review, "42-review-defence")
    chair = build_review_for_screenshot(signed_in, viewer="chief", code="DEMO-R3")
    chair.record.setCurrentIndex(2)
    shoot(chair, "43-review-chair")

    browser = StandardsBrowser(signed_in("admin"))
    browser.build_paper()
    shoot(browser, "50-standards")
    console.close()  # stops its timed refresh before the store closes
    backend.close()
    return centre_screens()


def centre_screens() -> int:
    """The proctor console and the admin's Stations tab in centre mode, on a real centre service."""
    import os
    import socket
    import subprocess
    import threading

    import httpx

    from app.api.types import ReadinessReport
    from app.centre import run, tls
    from app.demo import DEMO_PASSPHRASE, DEMO_PASSWORDS, demo_people, seed_desktop_demo
    from app.domain.answers import AnswerShape
    from app.security.envelope import FAST_KDF
    from app.services.stations import StationService
    from app.station import readiness
    from app.station.enrolment import enrol
    from app.store.database import Database, default_store_path
    from app.ui.admin.stations_tab import StationsTab
    from app.ui.proctor import ProctorConsole

    wait = threading.Event()  # never set: its timed wait is a sleep
    data = Path(tempfile.mkdtemp())
    seed_desktop_demo(data, kdf=FAST_KDF, station="PC-06")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"https://127.0.0.1:{port}"
    made = tls.create(data / run.CENTRE_FOLDER, "3701001", ["127.0.0.1", "localhost"], DEMO_PASSPHRASE)
    run.CentreConfig([address]).write(data)
    copies = data / "second-disk"
    copies.mkdir()
    env = {**os.environ, "EXAMDESK_PASSPHRASE": DEMO_PASSPHRASE, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "app.cli", "centre", "serve", "--data", str(data),
                               "--listen", f"127.0.0.1:{port}", "--copy-to", str(copies)], cwd=ROOT, env=env)
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{address}/health", verify=False, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                wait.wait(0.1)
        url = f"sqlite:///{default_store_path(data)}"

        def pc(name: str):  # type: ignore[no-untyped-def]
            """A PC enrolled as `name`, as the admin's one-time code and the enrolment dialog do it."""
            db = Database.open(url, DEMO_PASSPHRASE)
            try:
                from app.services.accounts import AccountService

                admin = AccountService(db).login("admin", DEMO_PASSWORDS["admin"])
                code = StationService(db).issue_code(admin, name)
            finally:
                db.close()
            return enrol(address, tls.display_code(code.secret, made.ca_pem), name, data / "pcs" / name).client()

        people = demo_people(8, random.Random(7))
        proctor = pc("R301-P")
        proctor.sign_in("proctor1", DEMO_PASSWORDS["proctor"])
        session = next(s for s in proctor.proctor.sessions() if s.code == "DEMO-T5")
        rows = {r.ticket: r for r in proctor.proctor.session_overview(session.id)}
        for n, (ticket, *_rest) in enumerate(people[:7]):
            if rows[ticket].state == "absent":
                proctor.proctor.check_in(rows[ticket].candidate_id, f"PC-{n + 1:02d}")
        proctor.proctor.start_session(session.id, early_ok=True)
        seats = {n: pc(f"PC-{n:02d}") for n in range(1, 8)}
        for n, seat in seats.items():  # each seat's readiness check, on made-up facts (not this machine's)
            screens = ((1280, 720),) if n == 4 else ((1920, 1080),)
            machine = readiness.MachineFacts(processes=("ToDesk.exe",) if n == 3 else ())
            centre = readiness.CentreFacts(local=False, secure=True, reachable=True, version=readiness.__version__,
                                           offset=0.004 * n)
            disk = readiness.DiskFacts("D:\\ExamDesk", 48_000 * 1024 * 1024, "", 0.012)
            checks = tuple(readiness.decide(centre, disk, readiness.DisplayFacts(screens, ("Microsoft YaHei",)),
                                            machine))
            seat.public.report_readiness(ReadinessReport(readiness.overall(checks), checks, readiness.__version__,
                                                         "R301", ""))
        logins = {}
        for n, count in ((6, 23), (7, 12)):  # the first five also sit the demo's skill session: not here
            ticket, _name, id_number, _ability = people[n - 1]
            login = seats[n].candidate_sign_in(ticket, id_number)
            seats[n].candidate.accept_rules()
            view = seats[n].candidate.attempt_view(login.attempt_id)
            seq = view.last_seq
            for slot in range(count):
                seq = seats[n].candidate.save_answer(login.attempt_id, seq, slot,
                                                     AnswerShape.of(view.items[slot]).example()).seq
            seats[n].candidate.heartbeat(login.attempt_id, None, 0.0, False)
            logins[n] = login
        proctor.proctor.pause(session.id, rows[people[1][0]].attempt_id, "考生身体不适，暂离考场")
        wait.wait(50)  # PC-07 falls silent (its cable is pulled); PC-06 goes on
        seats[6].candidate.heartbeat(logins[6].attempt_id, None, 60.0, False)
        console = ProctorConsole(proctor, session.id)
        console.refresh()
        console.readiness.toggle.click()  # the seats are in 20-proctor-console: here the whole room's grid
        shoot(console, "61-centre-proctor-console")

        admin = pc("ADMIN-1")
        admin.sign_in("admin", DEMO_PASSWORDS["admin"])
        tab = StationsTab(admin)
        tab.station.setText("R301-08")
        tab.code_button.click()
        shoot(tab, "62-centre-stations", (1100, 520))
        console.close()
    finally:
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
