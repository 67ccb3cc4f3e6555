"""The dialogs shown before anything else: unlocking the store, or setting up a new centre.

They import nothing of the services until the passphrase is given (`app.api.local` loads the store,
SQLAlchemy and the services), so the first window paints at once (bench/startup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app import i18n
from app.ui.main import current_language
from app.ui.widgets.errors import show_error

if TYPE_CHECKING:
    from app.api.server import Server

STORE_FILE = "examdesk.db"  # app.services.backend.Backend.exists looks for the same file


def store_exists(data_dir: Path) -> bool:
    """Whether `data_dir` holds a store (without loading the services)."""
    return (data_dir / STORE_FILE).exists()


LANGUAGE_LABEL = "语言 / Language:"  # in both languages, never translated: found whatever the screen speaks


LANGUAGE_CHANGED = 2  # the result of an entry dialog closed to be shown again in another language


def add_language_row(dialog: QDialog, form: QFormLayout) -> QComboBox:
    """The language box at the top of the unlock and set-up dialogs (shown before the start screen):
    choosing closes the dialog with LANGUAGE_CHANGED and `dialog.chosen_language` set; the caller
    switches and shows it again."""
    box = QComboBox()
    for key, name in i18n.LANGUAGES.items():
        box.addItem(name, key)
    box.setCurrentIndex(max(box.findData(current_language()), 0))

    def chosen(index: int) -> None:
        language = box.itemData(index)
        if language != current_language():
            dialog.chosen_language = language  # type: ignore[attr-defined]
            dialog.done(LANGUAGE_CHANGED)

    box.activated.connect(chosen)
    form.addRow(LANGUAGE_LABEL, box)
    return box


def passphrase_strength(text: str) -> tuple[int, str]:
    """0..4 and a word, for the set-up dialog's feedback (length and variety count)."""
    kinds = sum(any(test(c) for c in text) for test in (str.islower, str.isupper, str.isdigit,
                                                          lambda c: not c.isalnum()))  # fmt: skip
    score = min(4, (len(text) >= 12) + (len(text) >= 16) + (kinds >= 2) + (kinds >= 3))
    return score, ("very weak", "weak", "fair", "good", "strong")[score]


class UnlockDialog(QDialog):
    """The centre passphrase opens the store; a wrong one opens nothing and changes nothing."""

    def __init__(self, data_dir: Path, hint: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.server: Server | None = None
        self.setWindowTitle(self.tr("Unlock ExamDesk"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(hint)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        self.language = add_language_row(self, form)
        form.addRow(QLabel(self.tr("The exam data of this centre is encrypted. Enter the centre passphrase.")))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.message)
        form.addRow(buttons)
        self.passphrase.setFocus()  # typing goes to the passphrase, not the language box above it

    def try_unlock(self) -> None:
        from app.api import local  # the store and the services load now, once the passphrase is typed
        from app.api.local import WrongPassphrase

        try:
            self.server = local.open_store(self.data_dir, self.passphrase.text())
        except WrongPassphrase:
            self.message.setText(self.tr("Wrong passphrase. Nothing was opened or changed."))
            self.passphrase.selectAll()
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()


class SetupDialog(QDialog):
    """First run: the centre, its passphrase (twice, with strength feedback) and the first admin."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.server: Server | None = None
        self.setWindowTitle(self.tr("Set up this test centre"))
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.passphrase = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.passphrase, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel()
        self.passphrase.textChanged.connect(self._strength)
        self.admin = QLineEdit("admin")
        self.admin_password = QLineEdit()
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        self.language = add_language_row(self, form)
        form.addRow(self.tr("Centre &code:"), self.code)
        form.addRow(self.tr("Centre &name:"), self.name)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("Passphrase &again:"), self.again)
        form.addRow(self.tr("Strength:"), self.strength)
        form.addRow(self.tr("First admin &user name:"), self.admin)
        form.addRow(self.tr("Admin pass&word:"), self.admin_password)
        form.addRow(self.message)
        form.addRow(buttons)
        self._strength("")
        self.code.setFocus()

    def _strength(self, text: str) -> None:
        score, _word = passphrase_strength(text)
        words = (self.tr("very weak"), self.tr("weak"), self.tr("fair"), self.tr("good"), self.tr("strong"))
        self.strength.setText(words[score])

    def create(self) -> None:
        phrase = self.passphrase.text()
        if not self.code.text().strip() or not self.name.text().strip():
            self.message.setText(self.tr("Enter the centre's code and name."))
        elif phrase != self.again.text():
            self.message.setText(self.tr("The two passphrases differ."))
        elif passphrase_strength(phrase)[0] < 2:
            self.message.setText(self.tr("Choose a longer passphrase (at least 12 characters, mixed)."))
        else:
            from app.api import local

            try:
                server = local.create(self.data_dir, phrase)
                local.local_client(server, "").public.set_up_centre(
                    self.code.text().strip(), self.name.text().strip(), self.admin.text().strip(),
                    self.admin_password.text(),
                )  # fmt: skip
            except Exception as exc:
                show_error(self, exc)
                return
            self.server = server
            self.accept()
