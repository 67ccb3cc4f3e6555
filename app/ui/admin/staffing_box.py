"""A session's staff: who is assigned, assigning more, and the standard's staffing check, live."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import SessionInfo, UserView
from app.domain.staffing import Finding, check_review_chair, check_session, review_chairs, with_task_panels
from app.domain.standards import Level, Part, Standard
from app.ui.admin import labels
from app.ui.admin.common import GOOD, WARNING, KnownStandards, succeeded
from app.ui.widgets.errors import Ask, attempt
from app.ui.widgets.labels import join_names, with_detail

# Which user roles may take which duty.
ELIGIBLE = {"proctor": ("proctor",), "examiner": ("examiner", "chief"), "chief": ("chief",),
            "review": ("examiner", "chief")}  # fmt: skip
# in a review session the duty "chief" is the panel's chair (评审组长)
DUTIES_FOR_PART = {"theory": ("proctor",), "skill": ("proctor", "examiner", "chief"),
                   "review": ("review", "chief", "proctor")}  # fmt: skip


@dataclass(frozen=True)
class Assignment:
    user: UserView
    duty: str


def assigned_staff(client: Client, users: Sequence[UserView], info: SessionInfo) -> list[Assignment]:
    """The staff assigned to a session, with their duty (one service call)."""
    by_id = {user.id: user for user in users}
    return [Assignment(by_id[user_id], duty) for user_id, duty in client.admin.session_staff(info.id)
            if user_id in by_id]  # fmt: skip


def staffing_findings(std: Standard, level: Level, info: SessionInfo, staff: Sequence[Assignment],
                      tasks: Sequence[tuple[int, str]] = (), skill_tasks: Sequence[str] = ()) -> list[str]:  # fmt: skip
    """The standard's staffing and time rules for this session, in plain words (empty: all met):
    the same rules the services refuse by at start and finalize (the chief examiner, who
    arbitrates, does not count among the skill examiners). `tasks`: the per-task duties (examiner,
    task); `skill_tasks`: the level's tasks, each of which then needs its own panel."""
    part = Part(info.part)
    # a deactivated account does not count: it cannot sign in to do the duty (the start refuses alike)
    count = {duty: sum(1 for a in staff if a.duty == duty and a.user.active) for duty in labels.DUTIES}
    examiners = count["review"] if part is Part.REVIEW else count["examiner"]
    findings: list[Finding] = check_session(std, level, part, candidates=info.candidates,
                                            minutes=info.duration_minutes, proctors=count["proctor"],
                                            examiners=examiners, surveilled=bool(info.surveillance))  # fmt: skip
    if part is Part.REVIEW and not any(f.rule == "review_not_required" for f in findings):
        chief_members = sum(1 for a in staff if a.duty == "review" and a.user.role == "chief")
        findings += check_review_chair(std, level, review_chairs(count["chief"], chief_members))
    if part is Part.SKILL and tasks:
        assigned: dict[int, frozenset[str]] = {}
        for user_id, task in tasks:
            assigned[user_id] = assigned.get(user_id, frozenset()) | {task}
        on_duty = [a.user.id for a in staff if a.duty == "examiner"]
        findings = with_task_panels(findings, std, level, on_duty, assigned, skill_tasks)
    return [labels.finding_text(f, std, level, candidates=info.candidates, part=info.part)
            for f in findings]  # fmt: skip


class TaskChoice(QDialog):
    """The skill tasks one examiner scores: a checkable list of the level's tasks."""

    def __init__(self, who: str, tasks: Sequence[tuple[str, str, str]], chosen: set[str],
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tasks {who} scores").format(who=who))
        note = QLabel(self.tr("Tick the skill tasks this examiner scores. None ticked: every task of the session. "
                              "Each task needs its own panel of examiners as the standard asks."))  # fmt: skip
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Skill tasks"))
        for task_id, area, title in tasks:
            item = QListWidgetItem(self.tr("{task} — {title} ({area})").format(task=task_id, title=title, area=area))
            item.setData(Qt.ItemDataRole.UserRole, task_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if task_id in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def chosen(self) -> list[str]:
        return [str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip

    @classmethod
    def ask(cls, parent: QWidget | None, who: str, tasks: Sequence[tuple[str, str, str]],
            chosen: set[str]) -> list[str] | None:  # fmt: skip
        """The tasks ticked, or None when cancelled (tests replace this seam)."""
        dialog = cls(who, tasks, chosen, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class StaffingBox(QGroupBox):
    """Staff of the selected session; emits `changed` after an assignment."""

    changed = Signal()

    def __init__(self, client: Client, known: KnownStandards | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.known = known or KnownStandards(client)
        self.info: SessionInfo | None = None
        self.users: list[UserView] = []
        self.staff: list[Assignment] = []
        self.tasks: list[tuple[int, str]] = []  # per-task duties of a skill session: (examiner, task)
        self.skill_tasks: list[tuple[str, str, str]] = []  # the level's tasks: (id, area, title)
        self.setTitle(self.tr("Staff and staffing check"))

        self.assigned = QLabel()
        self.assigned.setWordWrap(True)
        self.assigned.setTextFormat(Qt.TextFormat.PlainText)
        self.duty = QComboBox()
        self.duty.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "Review panel chair" in full
        self.user = QComboBox()
        self.user.setMinimumContentsLength(12)
        self.user.setPlaceholderText(self.tr("(nobody else can take this duty)"))
        self.assign_button = QPushButton(self.tr("&Assign"))
        self.assign_button.setToolTip(self.tr("Assign the chosen person to this session (Alt+A)"))
        self.assign_button.clicked.connect(self.assign)
        self.duty.currentIndexChanged.connect(self._fill_users)
        duty_label = QLabel(self.tr("D&uty:"))
        duty_label.setBuddy(self.duty)
        user_label = QLabel(self.tr("P&erson:"))
        user_label.setBuddy(self.user)
        row = QHBoxLayout()
        row.addWidget(duty_label)
        row.addWidget(self.duty)
        row.addWidget(user_label)
        row.addWidget(self.user, 1)
        row.addWidget(self.assign_button)

        self.remove_choice = QComboBox()
        self.remove_choice.setAccessibleName(self.tr("Assigned staff"))
        self.remove_choice.setPlaceholderText(self.tr("(nobody is assigned)"))
        self.remove_button = QPushButton(self.tr("Re&move from session"))
        self.remove_button.setToolTip(self.tr("Take this duty in the session from the chosen person"))
        self.remove_button.clicked.connect(self.unassign)
        self.tasks_button = QPushButton(self.tr("&Tasks…"))
        self.tasks_button.setToolTip(self.tr("Choose the skill tasks the chosen examiner scores (per-task duties)"))
        self.tasks_button.clicked.connect(self.choose_tasks)
        self.remove_choice.currentIndexChanged.connect(self._enable_tasks)
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.remove_choice, 1)
        remove_row.addWidget(self.tasks_button)
        remove_row.addWidget(self.remove_button)

        # 4-07-03-01 1.9.3 lowers a theory room's proctor ratio under full electronic surveillance
        self.surveillance = QLabel()
        self.surveillance.setWordWrap(True)
        self.surveillance.setTextFormat(Qt.TextFormat.PlainText)
        self.surveillance_button = QPushButton(self.tr("Record electronic &surveillance…"))
        self.surveillance_button.setToolTip(
            self.tr(
                "The room is under full electronic surveillance: the standard then asks for "
                "fewer proctors per candidate. Recorded with a reason, audited and stated in the results."
            )
        )
        self.surveillance_button.clicked.connect(self.record_surveillance)
        surveillance_row = QHBoxLayout()
        surveillance_row.addWidget(self.surveillance, 1)
        surveillance_row.addStretch(0)  # the button keeps its size when no record is shown beside it
        surveillance_row.addWidget(self.surveillance_button)

        self.inactive_warning = QLabel()
        self.inactive_warning.setWordWrap(True)
        self.inactive_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.inactive_warning.setStyleSheet(f"color: {WARNING.name()}; font-weight: bold;")
        self.inactive_warning.setVisible(False)

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setAccessibleName(self.tr("Staffing findings"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.assigned)
        layout.addWidget(self.inactive_warning)
        layout.addLayout(row)
        layout.addLayout(remove_row)
        layout.addLayout(surveillance_row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.findings)

    def show_session(self, info: SessionInfo | None, users: list[UserView]) -> None:
        self.info, self.users = info, users
        enabled = info is not None and info.state in ("scheduled", "open")
        for w in (self.duty, self.user, self.assign_button):
            w.setEnabled(enabled)
        self.duty.blockSignals(True)
        self.duty.clear()
        if info is not None:
            for duty in DUTIES_FOR_PART.get(info.part, ()):
                self.duty.addItem(self._duty_name(duty), duty)
        self.duty.blockSignals(False)
        self.skill_tasks = []
        if info is not None and info.part == Part.SKILL.value:
            self.skill_tasks = attempt(self, self.client.admin.session_skill_tasks, info.id) or []
        self.tasks_button.setVisible(bool(self.skill_tasks))
        self._reload()

    def _duty_name(self, duty: str) -> str:
        if duty == "chief" and self.info is not None and self.info.part == Part.REVIEW.value:
            return self.tr("Review panel chair")
        return labels.duty_name(duty)

    def _reload(self) -> None:
        info = self.info
        self.staff, self.tasks = [], []
        if info is not None:
            staff = attempt(self, assigned_staff, self.client, self.users, info)
            self.staff = staff or []
            if self.skill_tasks:
                self.tasks = attempt(self, self.client.admin.examiner_tasks, info.id) or []
        self._fill_users()
        self._show_assigned()
        self._show_surveillance()
        self._show_findings()

    def _surveillance_allowed(self) -> bool:
        info = self.info
        if info is None or info.part != Part.THEORY.value:
            return False
        found = self.known.level(info.standard, info.level, info.subtype)
        if found is None:  # a standard no longer known here: nothing to relax
            return False
        std, level = found
        return std.staffing_for(level).surveillance_relaxes_ratio

    def _show_surveillance(self) -> None:
        info = self.info
        allowed = self._surveillance_allowed()
        recorded = info is not None and bool(info.surveillance)
        self.surveillance.setVisible(recorded)
        if recorded:
            self.surveillance.setText(
                self.tr("Under full electronic surveillance: {reason}").format(reason=info.surveillance)
            )
        self.surveillance_button.setVisible(allowed and not recorded)
        self.surveillance_button.setEnabled(info is not None and info.state == "scheduled")

    def record_surveillance(self) -> None:
        if self.info is None:
            return
        reason = Ask.text(
            self, self.tr("Electronic surveillance"),
            self.tr("How is the room under full electronic surveillance (cameras, recording, who watches)?"),
        )  # fmt: skip
        if reason is None:
            return
        if succeeded(self, self.client.admin.record_surveillance, self.info.id, reason):
            self.info = replace(self.info, surveillance=reason.strip())
            self._reload()
            self.changed.emit()

    def _fill_users(self) -> None:
        duty = self.duty.currentData()
        taken = {(a.user.id, a.duty) for a in self.staff}
        self.user.clear()
        for u in self.users:
            if duty and u.active and u.role in ELIGIBLE.get(duty, ()) and (u.id, duty) not in taken:
                self.user.addItem(with_detail(u.display_name, u.username), u.id)
        if self.user.count():
            self.user.setCurrentIndex(0)  # with a placeholder, Qt leaves the choice empty
        self.assign_button.setEnabled(self.user.isEnabled() and self.user.count() > 0)

    def _fill_removable(self) -> None:
        self.remove_choice.clear()
        for a in self.staff:
            self.remove_choice.addItem(self.tr("{name} — {duty}").format(
                name=with_detail(a.user.display_name, a.user.username), duty=self._duty_name(a.duty)),
                (a.user.id, a.duty))  # fmt: skip
        if self.remove_choice.count():
            self.remove_choice.setCurrentIndex(0)
        enabled = self.info is not None and self.info.state in ("scheduled", "open") and bool(self.staff)
        self.remove_choice.setEnabled(enabled)
        self.remove_button.setEnabled(enabled)
        self._enable_tasks()

    def _enable_tasks(self) -> None:
        chosen = self.remove_choice.currentData()
        self.tasks_button.setEnabled(self.remove_button.isEnabled() and chosen is not None and chosen[1] == "examiner")

    def tasks_of(self, user_id: int) -> list[str]:
        return [task for user, task in self.tasks if user == user_id]

    def choose_tasks(self) -> None:
        chosen = self.remove_choice.currentData()
        if self.info is None or chosen is None or chosen[1] != "examiner":
            return
        user_id = int(chosen[0])
        who = next((a.user.display_name for a in self.staff if a.user.id == user_id), str(user_id))
        picked = TaskChoice.ask(self, who, self.skill_tasks, set(self.tasks_of(user_id)))
        if picked is None:
            return
        done = succeeded(self, self.client.admin.assign_examiner_tasks, self.info.id, user_id, picked)
        self._reload()
        if done:
            self.changed.emit()
    def unassign(self) -> None:
        chosen = self.remove_choice.currentData()
        if self.info is None or chosen is None:
            return
        user_id, duty = chosen
        name = self.remove_choice.currentText()
        if not Ask.confirm(self, self.tr("Remove from session"),
                           self.tr("Remove {who} from session {code}?").format(who=name, code=self.info.code)):
            return  # fmt: skip
        done = succeeded(self, self.client.admin.unassign_staff, self.info.id, int(user_id), str(duty))
        self._reload()
        if done:
            self.changed.emit()

    def _show_assigned(self) -> None:
        self._fill_removable()
        if self.info is None:
            self.assigned.setText(self.tr("Choose a session on the left."))
            return
        if not self.staff:
            self.assigned.setText(self.tr("Nobody is assigned to this session yet."))
            return
        lines = []
        deactivated = self.tr("deactivated")
        for duty in labels.DUTIES:
            names = [self._with_tasks(a) if a.user.active else with_detail(self._with_tasks(a), deactivated)
                     for a in self.staff if a.duty == duty]  # fmt: skip
            if names:
                lines.append(self.tr("{duty}: {names}").format(duty=self._duty_name(duty), names=join_names(names)))
        inactive = sorted({a.user.display_name for a in self.staff if not a.user.active})
        self.inactive_warning.setVisible(bool(inactive))
        if inactive:
            self.inactive_warning.setText(self.tr(
                "Deactivated accounts still hold duties here and cannot sign in: {names}. Remove them or "
                "reactivate their accounts on the Users tab.").format(names=join_names(inactive)))  # fmt: skip
        self.assigned.setText("\n".join(lines))

    def _with_tasks(self, a: Assignment) -> str:
        tasks = self.tasks_of(a.user.id) if a.duty == "examiner" else []
        if not tasks:
            return a.user.display_name
        return self.tr("{name} (tasks {tasks})").format(name=a.user.display_name, tasks=", ".join(tasks))

    def _show_findings(self) -> None:
        self.findings.clear()
        if self.info is None:
            self.verdict.clear()
            return
        found = self.known.level(self.info.standard, self.info.level, self.info.subtype)
        if found is None:  # a standard no longer known here: no rules to check against
            self.verdict.clear()
            self.findings.setVisible(False)
            return
        texts = attempt(self, staffing_findings, *found, self.info, self.staff, self.tasks,
                        [task for task, _area, _title in self.skill_tasks])  # fmt: skip
        if texts is None:
            return
        if not texts:
            self.verdict.setText(self.tr("Staffing and time meet the standard."))
            self.verdict.setStyleSheet(f"color: {GOOD.name()}; font-weight: bold;")
            self.findings.setVisible(False)
            return
        self.verdict.setText(self.tr("Not yet as the standard requires:"))
        self.verdict.setStyleSheet(f"color: {WARNING.name()}; font-weight: bold;")
        self.findings.setVisible(True)
        for text in texts:
            item = QListWidgetItem(text)
            item.setForeground(WARNING)
            self.findings.addItem(item)
        self._fit_findings()

    def _fit_findings(self) -> None:
        """As tall as its first four findings, each as many lines as it wraps to at the list's width
        (a long English finding takes two: one row's height would cut its second line off)."""
        width = max(self.findings.viewport().width(), 200) - 8
        metrics = self.findings.fontMetrics()
        height = 0
        for row in range(min(self.findings.count(), 4)):
            text = self.findings.item(row).text()
            lines = metrics.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, text).height()
            height += max(self.findings.sizeHintForRow(row), lines + 4)
        self.findings.setFixedHeight(height + 2 * self.findings.frameWidth() + 6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.findings.count():
            self._fit_findings()  # a narrower box wraps the findings to more lines

    def finding_texts(self) -> list[str]:
        return [self.findings.item(i).text() for i in range(self.findings.count())]

    def assign(self) -> None:
        if self.info is None or self.user.currentData() is None:
            return
        done = succeeded(self, self.client.admin.assign_staff, self.info.id,
                         int(self.user.currentData()), str(self.duty.currentData()))  # fmt: skip
        self._reload()  # either way, show what the store holds
        if done:
            self.changed.emit()
