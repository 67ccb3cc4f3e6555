"""考生名单: read a CSV or Excel roster off the GUI thread, show every problem or a preview,
and import all rows or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.files import COLUMNS, RosterRow, read_roster
from app.domain.identity import mask_id_number
from app.errors import DataFileError, Problem
from app.ui.admin import labels
from app.ui.admin.common import GOOD, WARNING, Background, Files, RowsModel, SessionPicker, make_table
from app.ui.widgets.errors import attempt, show_error
from app.ui.widgets.messages import translate_message

# The column headings a roster file uses, as the reader knows them first (Chinese, as on the centre's
# forms); shown as they are in every language, since the files carry them.
HEADERS = {column: names[0] for column, names in COLUMNS.items()}


class RosterTab(QWidget):
    """`read_finished` fires when a file has been read (rows or problems shown); `imported(count)`
    after the service has added the candidates. The file is read here, on the admin's PC (photos are
    found beside it); the service receives the checked rows."""

    read_finished = Signal()
    imported = Signal(int)

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.rows: list[RosterRow] = []
        self.problems: list[Problem] = []
        self.path: Path | None = None
        self.background = Background(self)
        self.background.progress.connect(self._on_progress)
        self.background.done.connect(self._on_read)
        self.background.failed.connect(self._on_failed)

        self.session = SessionPicker(client)
        session_label = QLabel(self.tr("&Session:"))
        session_label.setBuddy(self.session)
        self.choose_button = QPushButton(self.tr("&Open roster file…"))
        self.choose_button.setToolTip(self.tr("A CSV or Excel file with the columns {ticket} (ticket number), {name} "
                                              "(name), {id_number} (ID number) and optionally {photo} (photo file)")
                                      .format(**HEADERS))  # fmt: skip
        self.choose_button.clicked.connect(self.choose_file)
        self.session.currentIndexChanged.connect(lambda _index: self._check_against_session())
        top = QHBoxLayout()
        top.addWidget(session_label)
        top.addWidget(self.session, 1)
        top.addWidget(self.choose_button)

        self.file_label = QLabel(self.tr("No file chosen. Columns: {ticket} (ticket number), {name} (name), "
                                         "{id_number} (ID number), optional {photo} (photo file, JPEG or PNG).")
                                 .format(**HEADERS))  # fmt: skip
        self.file_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.problem_list = QListWidget()
        self.problem_list.setAccessibleName(self.tr("Problems in the roster"))
        self.preview_model = RowsModel([self.tr("Row"), self.tr("Ticket number"), self.tr("Name"),
                                        self.tr("ID number (masked)"), self.tr("Photo")])  # fmt: skip
        self.preview = make_table(self.preview_model, stretch=2)
        self.preview.setAccessibleName(self.tr("Roster preview"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.preview)
        self.stack.addWidget(self.problem_list)

        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_rows)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.file_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        self.session.refresh()

    # -- reading, off the GUI thread ------------------------------------------------------------

    def choose_file(self) -> None:
        path = Files.open_path(self, self.tr("Open roster"), self.tr("Rosters (*.csv *.xlsx *.xlsm);;All files (*)"))
        if path is not None:
            self.read(path)

    def read(self, path: Path) -> None:
        if self.background.busy:
            return
        self.path, self.rows, self.problems = path, [], []
        self.preview_model.set_rows([])
        self.problem_list.clear()
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.file_label.setText(self.tr("Reading {file}…").format(file=str(path)))
        self.summary.clear()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.background.start(lambda progress: read_roster(path, progress=progress))

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finish_reading(self) -> None:
        self.progress.setVisible(False)
        self.choose_button.setEnabled(True)
        self.file_label.setText(self.tr("File: {file}").format(file=str(self.path)))

    @Slot(object)
    def _on_read(self, rows: object) -> None:
        self._finish_reading()
        assert isinstance(rows, list)
        self.rows = rows
        self.preview_model.set_rows(
            [[str(r.row), r.ticket, r.name, mask_id_number(r.id_number), labels.yes_no(r.photo is not None)]
             for r in rows]
        )  # fmt: skip
        self.stack.setCurrentWidget(self.preview)
        self._check_against_session()
        self.read_finished.emit()

    def _check_against_session(self) -> None:
        """The rows read, against the chosen session's roster: tickets already in it are problems
        now, in the preview, not refusals after the click."""
        rows = self.rows
        if not rows or self.path is None:
            return
        info = self.session.info()
        roster = attempt(self, self.client.admin.roster, info.id) if info is not None else None
        taken = {entry.ticket for entry in roster or ()}
        clashes = [r for r in rows if r.ticket in taken]
        self.problem_list.clear()
        if clashes and info is not None:
            name = self.path.name
            for r in clashes:
                text = self.tr("{file}, row {row}: ticket {ticket} is already in session {session}")
                self.problem_list.addItem(text.format(file=name, row=r.row, ticket=r.ticket, session=info.code))
            self.stack.setCurrentWidget(self.problem_list)
            self.summary.setStyleSheet(f"color: {WARNING.name()}; font-weight: bold;")
            self.summary.setText(
                self.tr("{clashes} of {count} candidates are already in session {session}: nothing can be imported. "
                        "Remove them from the file or choose another session.").format(
                    clashes=len(clashes), count=len(rows), session=info.code)
            )  # fmt: skip
            self.import_button.setText(self.tr("&Import"))
            self.import_button.setEnabled(False)
            return
        self.stack.setCurrentWidget(self.preview)
        self.summary.setStyleSheet(f"color: {GOOD.name()};")
        self.summary.setText(self.tr("{count} candidates read, no problems found. Check them, then import.").format(
            count=len(rows)))  # fmt: skip
        self.import_button.setText(self.tr("&Import {count} candidates").format(count=len(rows)))
        self.import_button.setEnabled(info is not None)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._finish_reading()
        if not isinstance(exc, DataFileError):
            show_error(self, exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))
            self.read_finished.emit()
            return
        self.problems = list(exc.problems)
        for problem in self.problems:
            self.problem_list.addItem(self.problem_text(problem))
        self.stack.setCurrentWidget(self.problem_list)
        self.summary.setStyleSheet(f"color: {WARNING.name()}; font-weight: bold;")
        self.summary.setText(self.tr("{count} problems found. Nothing was imported: correct the file and open it "
                                     "again.").format(count=len(self.problems)))  # fmt: skip
        self.read_finished.emit()

    def problem_text(self, problem: Problem) -> str:
        name = Path(problem.source).name
        reason = translate_message(problem.message)
        if problem.line is None:
            return self.tr("{file}: {reason}").format(file=name, reason=reason)
        return self.tr("{file}, row {row}: {reason}").format(file=name, row=problem.line, reason=reason)

    def problem_texts(self) -> list[str]:
        return [self.problem_list.item(i).text() for i in range(self.problem_list.count())]

    # -- the one service call -------------------------------------------------------------------

    def import_rows(self) -> None:
        session_id = self.session.session_id()
        if not self.rows or self.path is None or session_id is None:
            return
        count = attempt(self, self.client.admin.import_roster, session_id, self.rows, self.path.name)
        if count is None:
            return
        info = self.session.info()
        self.rows = []
        self.import_button.setEnabled(False)
        self.import_button.setText(self.tr("&Import"))
        self.summary.setText(self.tr("{count} candidates imported into {session}.").format(
            count=count, session=info.code if info else session_id))  # fmt: skip
        self.imported.emit(count)
