"""用户: staff accounts, creating proctors and examiners, resetting passwords, unlocking."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import UserView
from app.ui.admin import labels
from app.ui.admin.common import GOOD, WARNING, RowsModel, make_table, select_key, selected_key, succeeded
from app.ui.widgets.errors import Ask, attempt


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class UsersTab(QWidget):
    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.users: dict[int, UserView] = {}

        self.model = RowsModel([self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("Account")])
        self.table = make_table(self.model, stretch=1)
        self.table.setAccessibleName(self.tr("Users"))
        self.table.selectionModel().selectionChanged.connect(self._on_select)

        # -- a new account
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in labels.STAFF_ROLES:
            self.role.addItem(labels.role_name(role), role)
        self.password = password_field()
        self.password_again = password_field()
        self.create_button = QPushButton(self.tr("&Create account"))
        self.create_button.clicked.connect(self.create_user)
        self.create_message = QLabel()
        self.create_message.setWordWrap(True)
        create_box = QGroupBox(self.tr("New staff account"))
        form = QFormLayout(create_box)
        form.addRow(self.tr("User &name:"), self.username)
        form.addRow(self.tr("&Display name:"), self.display_name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("Repeat pa&ssword:"), self.password_again)
        form.addRow("", self.create_button)
        form.addRow(self.create_message)

        # -- the selected account
        self.selected_label = QLabel()
        self.selected_label.setWordWrap(True)
        self.new_password = password_field()
        self.new_password_again = password_field()
        self.reset_button = QPushButton(self.tr("R&eset password"))
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setToolTip(self.tr("Unlock an account locked after five wrong passwords (Alt+U)"))
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button = QPushButton(self.tr("De&activate"))
        self.active_button.setToolTip(self.tr("A deactivated account cannot sign in; its history and duties stay"))
        self.active_button.clicked.connect(self.toggle_active)
        self.selected_message = QLabel()
        self.selected_message.setWordWrap(True)
        selected_box = QGroupBox(self.tr("Selected account"))
        sel = QFormLayout(selected_box)
        sel.addRow(self.selected_label)
        sel.addRow(self.tr("New pass&word:"), self.new_password)
        sel.addRow(self.tr("Repeat new passw&ord:"), self.new_password_again)
        actions = QHBoxLayout()
        actions.addWidget(self.reset_button)
        actions.addWidget(self.unlock_button)
        actions.addWidget(self.active_button)
        actions.addStretch(1)
        sel.addRow(actions)
        sel.addRow(self.selected_message)

        side = QVBoxLayout()
        side.addWidget(create_box)
        side.addWidget(selected_box)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(side, 2)
        self.refresh()

    def refresh(self) -> None:
        current = selected_key(self.table)
        users = attempt(self, self.client.admin.users)
        if users is None:
            return
        self.users = {u.id: u for u in users}
        self.model.set_rows(
            [[u.username, u.display_name, labels.role_name(u.role), self._account_state(u)] for u in users],
            [u.id for u in users], [WARNING if u.locked or not u.active else None for u in users],
        )  # fmt: skip
        if current is None or not select_key(self.table, current):
            self._on_select()

    def _account_state(self, user: UserView) -> str:
        if not user.active:
            return self.tr("Deactivated")
        return self.tr("Locked") if user.locked else self.tr("Active")

    def current(self) -> UserView | None:
        key = selected_key(self.table)
        return self.users.get(key) if key is not None else None

    def select_user(self, username: str) -> None:
        for user in self.users.values():
            if user.username == username:
                select_key(self.table, user.id)

    def _on_select(self) -> None:
        user = self.current()
        self.selected_message.clear()
        for w in (self.new_password, self.new_password_again, self.reset_button):
            w.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.locked and user.active)
        self.active_button.setEnabled(user is not None)
        self.active_button.setText(self.tr("Re&activate") if user is not None and not user.active
                                   else self.tr("De&activate"))  # fmt: skip
        if user is None:
            self.selected_label.setText(self.tr("Choose an account in the list."))
            return
        state = self.tr("deactivated") if not user.active else self.tr("locked") if user.locked else self.tr("active")
        self.selected_label.setText(self.tr("{name} ({username}), {role}, {state}").format(
            name=user.display_name, username=user.username, role=labels.role_name(user.role), state=state))  # fmt: skip

    @staticmethod
    def _say(label: QLabel, text: str, good: bool) -> None:
        label.setStyleSheet(f"color: {(GOOD if good else WARNING).name()};")
        label.setText(text)

    def create_user(self) -> None:
        username, display = self.username.text().strip(), self.display_name.text().strip()
        if not username or not display:
            self._say(self.create_message, self.tr("Enter a user name and a display name."), False)
            return
        if self.password.text() != self.password_again.text():
            self._say(self.create_message, self.tr("The two passwords differ: type them again."), False)
            return
        view = attempt(self, self.client.admin.create_user, username=username,
                       role=str(self.role.currentData()), display_name=display,
                       password=self.password.text())  # fmt: skip
        if view is None:
            return
        for field in (self.username, self.display_name, self.password, self.password_again):
            field.clear()
        self._say(self.create_message, self.tr("Account {username} created.").format(username=view.username), True)
        self.refresh()
        select_key(self.table, view.id)

    def reset_password(self) -> None:
        user = self.current()
        if user is None:
            return
        if not self.new_password.text():
            self._say(self.selected_message, self.tr("Enter the new password twice."), False)
            return
        if self.new_password.text() != self.new_password_again.text():
            self._say(self.selected_message, self.tr("The two passwords differ: type them again."), False)
            return
        question = self.tr("Set a new password for {name} ({username})?").format(
            name=user.display_name, username=user.username)  # fmt: skip
        if not Ask.confirm(self, self.tr("Reset password"), question):
            return
        if succeeded(self, self.client.admin.reset_password, user.id, self.new_password.text()):
            self.new_password.clear()
            self.new_password_again.clear()
            self.refresh()
            self._say(self.selected_message, self.tr("Password of {username} reset; the account is unlocked.").format(
                username=user.username), True)  # fmt: skip

    def unlock(self) -> None:
        user = self.current()
        if user is None:
            return
        if succeeded(self, self.client.admin.unlock, user.id):
            self.refresh()
            self._say(self.selected_message, self.tr("{username} is unlocked.").format(username=user.username), True)

    def toggle_active(self) -> None:
        """Deactivate the chosen account (asked first: its sign-ins end) or reactivate it."""
        user = self.current()
        if user is None:
            return
        if user.active:
            question = self.tr("Deactivate {name} ({username})? The account can no longer sign in and is signed out "
                               "everywhere; its history and duties stay.").format(
                name=user.display_name, username=user.username)  # fmt: skip
            if not Ask.confirm(self, self.tr("Deactivate account"), question):
                return
            if succeeded(self, self.client.admin.deactivate_user, user.id):
                self.refresh()
                self._say(self.selected_message, self.tr("{username} is deactivated.").format(
                    username=user.username), True)  # fmt: skip
        elif succeeded(self, self.client.admin.reactivate_user, user.id):
            self.refresh()
            self._say(self.selected_message, self.tr("{username} is active again.").format(username=user.username),
                      True)  # fmt: skip
