"""The language switch on the start screen: the screens change language at once, and the choice is
kept for the next start unless --lang or EXAMDESK_LANG say otherwise."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel

from app import i18n
from app.api.local import local_client
from app.api.server import Server
from app.demo import DEMO_PASSWORDS
from app.ui.main import current_language, install_language
from app.ui.shell import LANGUAGE_LABEL, MainWindow, StaffLogin

CANDIDATE_EN = "&Candidate\nlog in and sit the exam"
CANDIDATE_ZH = "考生端(&C)\n登录并参加考试"


@pytest.fixture
def station(tmp_path, monkeypatch):
    """This station's data folder (the saved choice and the compiled translation live there)."""
    folder = tmp_path / "station"
    monkeypatch.setenv("EXAMDESK_DATA", str(folder))
    monkeypatch.delenv("EXAMDESK_LANG", raising=False)
    yield folder
    install_language(QApplication.instance(), "en")  # the other screen tests read the English source texts


def start(qtbot, backend, requested: str | None = None) -> MainWindow:
    """What `examdesk-gui` does at a start: pick the language, then build the main window."""
    install_language(QApplication.instance(), i18n.startup_language(requested))
    window = MainWindow(Server(backend), station="PC-01")
    qtbot.addWidget(window)
    window.show()
    return window


def admin_signs_in(monkeypatch) -> None:
    """The next sign-in dialog is answered by the demo admin, as typed (the shell's own path)."""

    def exec_(dialog) -> int:
        dialog.username.setText("admin")
        dialog.password.setText(DEMO_PASSWORDS["admin"])
        dialog.sign_in()
        return dialog.result()

    monkeypatch.setattr(StaffLogin, "exec", exec_)


def candidate_button(window: MainWindow) -> str:
    return window.chooser.buttons["candidate"].text()


def choose(qtbot, window: MainWindow, key: Qt.Key) -> None:
    """The keyboard on the language box: Down goes 简体中文 -> English, Up goes back."""
    old = window.chooser
    qtbot.keyClick(window.chooser.language, key)
    assert window.chooser is not old, "the start screen is rebuilt in the new language"


def test_the_start_screen_switches_language_and_remembers_it(qtbot, backend, station, monkeypatch):
    window = start(qtbot, backend)
    assert current_language() == "zh_CN"  # the default, nothing saved yet
    assert candidate_button(window) == CANDIDATE_ZH
    assert window.chooser.language.currentText() == "简体中文"
    assert window.home_button.text() == "◀ 返回(&R)"

    choose(qtbot, window, Qt.Key.Key_Down)
    assert candidate_button(window) == CANDIDATE_EN
    assert window.chooser.language.currentText() == "English"
    assert window.home_button.text() == "◀ &Roles"
    assert i18n.saved_language() == "en" and (station / i18n.SETTINGS_FILE).exists()
    admin_signs_in(monkeypatch)
    window.open_role("standards")  # a role screen opened afterwards speaks the new language
    tabs = window.stack.currentWidget().tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Weight tables", "Paper"]
    window.go_home()

    again = start(qtbot, backend)  # the next start
    assert current_language() == "en"
    assert candidate_button(again) == CANDIDATE_EN and again.chooser.language.currentText() == "English"

    choose(qtbot, again, Qt.Key.Key_Up)
    assert candidate_button(again) == CANDIDATE_ZH and again.chooser.language.currentText() == "简体中文"
    assert i18n.saved_language() == "zh_CN"
    third = start(qtbot, backend)
    assert candidate_button(third) == CANDIDATE_ZH


def test_lang_option_and_environment_win_over_the_saved_choice(qtbot, backend, station, monkeypatch):
    i18n.save_language("zh_CN")
    assert candidate_button(start(qtbot, backend, requested="en")) == CANDIDATE_EN  # --lang en
    monkeypatch.setenv("EXAMDESK_LANG", "en")
    assert candidate_button(start(qtbot, backend)) == CANDIDATE_EN
    assert i18n.saved_language() == "zh_CN", "an override for one run is not saved"


def test_qt_own_buttons_follow_the_language(qtbot, backend, station):
    install_language(QApplication.instance(), "zh_CN")
    dialog = StaffLogin(local_client(Server(backend), "PC-01"), ("admin",))
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["确定", "取消"])
    install_language(QApplication.instance(), "en")
    dialog = StaffLogin(local_client(Server(backend), "PC-01"), ("admin",))
    qtbot.addWidget(dialog)
    assert sorted(b.text() for b in dialog.findChild(QDialogButtonBox).buttons()) == ["Cancel", "OK"]


def test_the_candidate_station_offers_no_language_switch(qtbot, backend, station):
    from app.api.local import local_client
    from app.api.server import Server
    from app.ui.candidate.station import CandidateWindow

    kiosk = CandidateWindow(local_client(Server(backend), "PC-09"), kiosk=False)
    qtbot.addWidget(kiosk)
    languages = set(i18n.LANGUAGES.values())
    for combo in kiosk.findChildren(QComboBox):
        assert not languages & {combo.itemText(i) for i in range(combo.count())}
    assert LANGUAGE_LABEL not in {label.text() for label in kiosk.findChildren(QLabel)}


def test_leaving_a_candidates_exam_needs_a_proctor(qtbot, backend, station, monkeypatch):
    from app.flows.candidate import Stage
    from app.services.base import Actor

    window = start(qtbot, backend, "en")
    window.open_role("candidate")
    kiosk = window.stack.currentWidget()
    kiosk.flow.stage = Stage.ANSWERING
    asked = []
    monkeypatch.setattr(window, "_sign_in", lambda roles, purpose: asked.append(roles))  # cancelled
    window.home_button.click()
    assert window.stack.currentWidget() is kiosk and asked == [("proctor", "admin")]
    monkeypatch.setattr(window, "_sign_in", lambda roles, purpose: Actor("proctor", 2))
    window.home_button.click()
    assert window.stack.currentWidget() is window.chooser


def test_the_unlock_dialog_offers_the_language_before_anything_else(qtbot, backend, station, monkeypatch):
    from app.ui.main import run_entry_dialog
    from app.ui.shell import UnlockDialog

    install_language(QApplication.instance(), "zh_CN")
    shown = []

    def make():
        dialog = UnlockDialog(station)
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return dialog

    def exec_first_time(dialog):  # the user picks English at once; the second dialog is cancelled
        if len(shown) == 1:
            assert dialog.windowTitle() == "解锁 ExamDesk"
            dialog.language.activated.emit(dialog.language.findData("en"))
            return dialog.result()
        assert dialog.windowTitle() == "Unlock ExamDesk"  # shown again, in English
        return 0

    monkeypatch.setattr(UnlockDialog, "exec", exec_first_time)
    assert run_entry_dialog(QApplication.instance(), make, station) is None
    assert len(shown) == 2 and current_language() == "en" and i18n.saved_language(station) == "en"


@pytest.mark.filterwarnings("ignore:'app.ui.main' found in sys.modules:RuntimeWarning")  # the point of the test
def test_running_the_entry_module_uses_the_one_copy_of_its_language_state(monkeypatch):
    """scripts/run.sh runs `python -m app.ui.main`: the language box must see what main installed."""
    import runpy

    import app.ui.main as imported

    called = []
    monkeypatch.setattr(imported, "main", lambda argv=None: called.append(argv) or 0)
    with pytest.raises(SystemExit):
        runpy.run_module("app.ui.main", run_name="__main__")
    assert called == [None]


def test_typing_in_the_entry_dialogs_goes_to_the_first_field_not_the_language_box(qtbot, station):
    from app.ui.shell import SetupDialog, UnlockDialog

    unlock, setup = UnlockDialog(station), SetupDialog(station)
    for dialog, first in ((unlock, unlock.passphrase), (setup, setup.code)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.focusWidget() is first
        qtbot.keyClicks(first, "examdesk")
        assert first.text() == "examdesk" and dialog.language.currentData() == current_language()


def test_the_sign_in_dialog_says_what_it_is_for(qtbot, backend, station):
    dialog = StaffLogin(local_client(Server(backend), "PC-01"), ("proctor", "admin"), None, "Proctor sign-in")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Proctor sign-in" and "Proctor sign-in" in dialog.purpose.text()


def test_an_opened_role_screen_has_the_keyboard(qtbot, backend, station, monkeypatch):
    window = start(qtbot, backend, "en")
    qtbot.waitExposed(window)
    admin_signs_in(monkeypatch)
    window.open_role("standards")
    screen = window.stack.currentWidget()
    focused = window.focusWidget()  # where the keyboard goes whenever the window is active
    assert focused is not None and (focused is screen or screen.isAncestorOf(focused))


def test_a_closed_dialog_hands_the_keyboard_back_to_its_window(qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMainWindow

    from app.ui.main import ReturnFocusAfterDialogs

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    activated = []
    monkeypatch.setattr(window, "activateWindow", lambda: activated.append(True))
    keeper = ReturnFocusAfterDialogs()
    QApplication.instance().installEventFilter(keeper)
    try:
        dialog = QDialog(window)
        dialog.show()
        assert activated == []
        dialog.reject()
        assert activated == [True]
    finally:
        QApplication.instance().removeEventFilter(keeper)


def test_back_from_the_proctor_console_keeps_the_proctor_signed_in(qtbot, backend, station, monkeypatch):
    """返回 from the console goes back to the session list, signed in; leaving the role says it signs out."""
    from app.ui.proctor import ProctorConsole, SessionPicker

    window = start(qtbot, backend, "en")

    def exec_(dialog) -> int:
        dialog.username.setText("proctor1")
        dialog.password.setText(DEMO_PASSWORDS["proctor"])
        dialog.sign_in()
        return dialog.result()

    monkeypatch.setattr(StaffLogin, "exec", exec_)
    window.open_role("proctor")
    picker = window.stack.currentWidget()
    assert isinstance(picker, SessionPicker) and window.home_button.text() == "◀ Sign &out"
    [client] = window.signed_in
    picker.open_selected()
    console = window.stack.currentWidget()
    assert isinstance(console, ProctorConsole) and window.home_button.text() == "◀ &Back"
    window.home_button.click()
    assert window.stack.currentWidget() is picker and window.where.text() == "Proctor: choose a session"
    assert window.signed_in == [client] and client.proctor.sessions()  # still signed in
    assert window.home_button.text() == "◀ Sign &out"
    window.home_button.click()
    assert window.stack.currentWidget() is window.chooser and window.stack.count() == 1
    with pytest.raises(Exception, match="sign in first"):  # signed out
        client.proctor.sessions()


def test_a_refusal_box_has_a_chinese_title(qtbot, station, monkeypatch):
    """'Not done' was looked up under a context the translation file did not have: English title."""
    from app.errors import UserFacingError
    from app.ui.widgets.errors import Ask, show_error

    install_language(QApplication.instance(), "zh_CN")
    shown = []
    monkeypatch.setattr(Ask, "error", staticmethod(lambda parent, title, text: shown.append(title)))
    show_error(None, UserFacingError("the attempt is still open"))
    show_error(None, RuntimeError("boom"))
    assert shown == ["未完成", "意外错误"]


def test_qt_file_dialogs_speak_chinese(qtbot, station):
    """Qt's catalogue lacks "Look in:" and "Files of type:"; ExamDesk's translation supplies them."""
    from PySide6.QtWidgets import QFileDialog

    install_language(QApplication.instance(), "zh_CN")
    dialog = QFileDialog(None, "打开名单", str(station), "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert labels["fileNameLabel"] == "文件名称(&N)："
