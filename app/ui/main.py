"""The desktop application's entry point (`examdesk gui`, `examdesk-gui`, `scripts/run.sh`)."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

if TYPE_CHECKING:
    from app.ui.shell import MainWindow

from app import i18n, paths
from app.demo_login import DEMO_PASSPHRASE
from app.errors import UserFacingError
from app.processes import favour_waiting_threads

_installed: list[QTranslator] = []  # this process's translators, removed when the language changes
_language = "en"  # what the interface speaks now: English is the source text, no translator


def current_language() -> str:
    return _language


def install_language(app: QCoreApplication, language: str) -> bool:
    """Speak `language` from now on: ExamDesk's translation plus Qt's own (the OK and Cancel buttons).

    The previous language's translators are removed first; English needs none. Widgets built from
    now on are in the new language; those already built keep their text (the start screen is
    rebuilt). False when the language's translation cannot be loaded: the interface stays English.
    """
    global _language
    for old in _installed:
        app.removeTranslator(old)
        old.deleteLater()
    _installed.clear()
    _language = "en"
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if language == "en":
        return True
    qm = i18n.qm_file(language)
    ours = QTranslator(app)
    if qm is None or not ours.load(str(qm)):
        ours.deleteLater()
        return False
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    else:
        qt.deleteLater()
    app.installTranslator(ours)  # installed last, so it is asked first
    _installed.append(ours)
    _language = language
    QLocale.setDefault(QLocale(language))
    return True


def _use_cjk_font(app: QApplication) -> None:
    """Prefer an installed CJK font so Chinese never renders as boxes."""
    families = set(QFontDatabase.families())
    for name in ("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC"):
        if name in families:
            font = QFont(name)
            font.setPointSizeF(max(app.font().pointSizeF(), 10.5))
            app.setFont(font)
            return


class GuiThreadCollector(QObject):
    """Python's cyclic garbage collector, run only on the GUI thread.

    Left automatic, a collection can start in a worker thread (background imports and exports)
    and free Qt objects that belong to the GUI thread there, which crashes PySide6. Qt programs
    such as qutebrowser do the same: disable automatic collection, collect on a timer.
    """

    def __init__(self, parent: QObject, interval_ms: int = 5000):
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> None:
        gc.collect(0)
        if gc.get_count()[1] > 10:
            gc.collect()


def run_entry_dialog(app: QCoreApplication, make: Callable[[], Any], data: Path) -> Any | None:
    """Show the unlock or set-up dialog until it is accepted (returned) or cancelled (None). Choosing
    another language there switches to it, remembers it, and shows the dialog again in it."""
    from app.ui.entry import LANGUAGE_CHANGED

    while True:
        dialog = make()
        result = dialog.exec()
        if result == LANGUAGE_CHANGED:
            install_language(app, dialog.chosen_language)
            with contextlib.suppress(OSError):  # it is spoken now; remembering it is a convenience
                i18n.save_language(dialog.chosen_language, data)
            continue
        if result != QDialog.DialogCode.Accepted or dialog.server is None:
            return None
        return dialog


class ReturnFocusAfterDialogs(QObject):
    """When a dialog closes, its window takes the keyboard back.

    A window manager does this; a kiosk session (a candidate station started without a desktop)
    may have none, and the candidate would be left with a keyboard that reaches nothing after
    cancelling the submit question.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, QDialog):
            parent = watched.parentWidget()
            if parent is not None and parent.window().isVisible():
                parent.window().activateWindow()
        return False


def _screenshot(app: QCoreApplication, data: Path, out: Path) -> int:
    """Start offscreen over a demo centre made for the purpose (in the data folder, removed
    afterwards), sign in as its admin and render the standards browser: the installer's smoke test
    that the bundled GUI, its store and its fonts work."""
    import shutil
    import tempfile

    from app.api import local
    from app.demo import DEMO_PASSPHRASE, DEMO_PASSWORDS, seed_desktop_demo
    from app.ui.standards_browser import StandardsBrowser

    data.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="screenshot-", dir=data))
    try:
        seed_desktop_demo(folder)
        server = local.open_store(folder, DEMO_PASSPHRASE)
        try:
            client = local.local_client(server, "SCREENSHOT")
            client.sign_in("admin", DEMO_PASSWORDS["admin"])
            browser = StandardsBrowser(client)
            browser.resize(1366, 768)
            browser.show()
            browser.build_paper()
            app.processEvents()
            browser.grab().save(str(out))
            browser.close()
            client.sign_out()
        finally:
            local.close(server)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="examdesk-gui")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), default=None,
                        help="interface language for this run (default: as chosen on the start screen)")  # fmt: skip
    parser.add_argument("--mode", choices=["admin", "proctor", "candidate", "examiner"], default=None,
                        help="start in one role (the Start-menu shortcuts); candidate runs full screen")  # fmt: skip
    parser.add_argument("--data", metavar="DIR", help="data folder (default: the platform's data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="create the demo centre in the data folder if it has no store yet")  # fmt: skip
    parser.add_argument("--station", help="this PC's station name (default: its host name)")
    parser.add_argument("--centre", metavar="https://HOST:PORT",
                        help="centre mode: the centre's service (this PC is enrolled once, with a code)")  # fmt: skip
    parser.add_argument("--room", default="", help="the room this station stands in (its readiness report names it)")
    parser.add_argument("--screenshot", metavar="PNG", help="render the standards browser to a PNG and exit")
    args = parser.parse_args(list(argv) if argv is not None else sys.argv[1:])
    favour_waiting_threads()  # the screen and a save stay quick while a background job works
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("ExamDesk")
    GuiThreadCollector(app)
    focus_keeper = ReturnFocusAfterDialogs(app)
    app.installEventFilter(focus_keeper)
    _use_cjk_font(app)
    data = Path(args.data) if args.data else paths.data_dir()
    os.environ.setdefault("MPLCONFIGDIR", str(data / "matplotlib"))  # the item analysis charts' font cache
    install_language(app, i18n.startup_language(args.lang, data))  # --lang, EXAMDESK_LANG, the saved choice

    if args.screenshot:
        return _screenshot(app, data, Path(args.screenshot))

    if args.centre:
        return _centre_station(app, args, data)

    # Only what the entry dialog needs before it paints: the services, SQLAlchemy and the demo load
    # once a passphrase is typed (bench/startup.py: within 2x of a bare PySide6 dialog).
    from app.ui.entry import SetupDialog, UnlockDialog, store_exists

    def entry_dialog() -> QDialog:
        if store_exists(data):
            hint = app.translate("main", "Demo centre passphrase: {passphrase}").format(passphrase=DEMO_PASSPHRASE) \
                if args.demo else ""  # fmt: skip
            return UnlockDialog(data, hint)
        return SetupDialog(data)

    try:
        if args.demo:
            from app.demo import seed_desktop_demo

            # or, made on an earlier day, brought forward to today; the README's candidate seated at this PC
            seed_desktop_demo(data, station=args.station or socket.gethostname())
        dialog = run_entry_dialog(app, entry_dialog, data)
    except UserFacingError as exc:
        from app.ui.widgets.messages import translate_error

        QMessageBox.critical(None, "ExamDesk", translate_error(exc))
        return 1
    if dialog is None:
        return 0
    from app.ui.shell import MainWindow

    window = MainWindow(dialog.server, station=args.station, settings_dir=data,
                        loopback=os.environ.get("EXAMDESK_LOOPBACK") == "1")  # fmt: skip
    return _run_window(app, window, args, data)


def _centre_station(app: QApplication, args: argparse.Namespace, data: Path) -> int:
    """Centre mode: the screens on the centre's service, as the station this PC was enrolled as."""
    from app.station.enrolment import StationConfig
    from app.ui.enrol import EnrolDialog
    from app.ui.shell import MainWindow

    folder = data / "station"
    try:
        if StationConfig.exists(folder):
            config = StationConfig.read(folder)
        else:
            dialog = EnrolDialog(folder, args.centre, args.station or socket.gethostname())
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.config is None:
                return 0
            config = dialog.config
        journal = config.journal(folder / "journal")  # refused while another ExamDesk window holds it
    except UserFacingError as exc:
        from app.ui.widgets.messages import translate_error

        QMessageBox.critical(None, "ExamDesk", translate_error(exc))
        return 1
    window = MainWindow(None, station=config.station, settings_dir=data, transport=config.transport(),
                        journal=journal)  # fmt: skip
    return _run_window(app, window, args, data)


def _run_window(app: QApplication, window: MainWindow, args: argparse.Namespace, data: Path) -> int:
    mode = args.mode
    if mode == "candidate":
        from app.ui.candidate.readiness_bar import ReadinessProbe
        from app.ui.candidate.station import CandidateWindow

        kiosk = CandidateWindow(window.new_client(), readiness=ReadinessProbe(data, args.room), journal=window.journal)
        kiosk.showFullScreen()
        kiosk.activateWindow()  # keyboard focus also where no window manager hands it out (kiosk sessions)
        window.kiosk = kiosk  # type: ignore[attr-defined]  # kept alive with the window
    else:
        window.show()
        window.activateWindow()
        if mode:
            window.open_role(mode)
    return app.exec()


if __name__ == "__main__":
    # `python -m app.ui.main` runs this file as __main__, a second copy beside the app.ui.main that
    # the screens import: two sets of translators and two "current language" values. Run the one copy.
    from app.ui import main as the_module

    sys.exit(the_module.main())
