"""标准与题库: the standards and question banks in use (bundled and imported), and importing more.

The files are read here, on the admin's PC, and sent to the service, which checks them with every bank
in use, keeps them and uses them at once; this screen only shows what the service reports. A bank is
checked first, keeping nothing: when the item-writing lint finds giveaways in it (docs/bank-format.md),
the admin sees them and imports anyway or cancels to revise the bank."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.errors import ApiError
from app.api.files import read_bank_files, read_files
from app.api.types import BankCheck, BankSummary, FileData
from app.domain.standards import Part, Standard
from app.errors import DataFileError
from app.ui.admin import labels
from app.ui.admin.common import Background, Files, KnownStandards, RowsModel, make_table
from app.ui.widgets.errors import attempt, show_error
from app.ui.widgets.labels import join_clauses, join_names, with_detail
from app.ui.widgets.messages import translate_problem

# bank files of other tools: converted by the service (docs/bank-format.md)
OTHER_FORMATS = (".xlsx", ".zip", ".xml", ".gift", ".txt")


class ImportOptions(QDialog):
    """For a bank of another format (an Excel workbook, a .zip package): the standard its questions
    are for, the mapping file that gives them areas, codes and levels, and whether to skip questions
    ExamDesk cannot represent."""

    def __init__(self, codes: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a question bank of another format"))
        self.standard = QComboBox()
        for code, name in codes:
            self.standard.addItem(f"{code} {name}", code)
        self.standard.setAccessibleName(self.tr("Standard"))
        self.mapping_path: Path | None = None
        self.mapping_button = QPushButton(self.tr("Choose a &mapping file…"))
        self.mapping_button.clicked.connect(self._choose_mapping)
        self.mapping_label = QLabel(self.tr("No mapping file: the workbook's own columns must give area, content "
                                            "code and levels"))  # fmt: skip
        self.mapping_label.setWordWrap(True)
        self.skip = QCheckBox(self.tr("&Skip questions that cannot be represented (each is listed)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("S&tandard:"), self.standard)
        form.addRow(self.mapping_button, self.mapping_label)
        form.addRow(self.skip)
        form.addRow(buttons)

    def _choose_mapping(self) -> None:
        path = Files.open_path(self, self.tr("Mapping file"), self.tr("Mapping files (*.yaml *.yml)"))
        if path is not None:
            self.mapping_path = path
            self.mapping_label.setText(str(path))


def _bank_files(path: Path, mapping: Path | None) -> tuple[list[FileData], FileData | None]:
    """The bank file (or package) and the mapping file as this PC reads them, to be sent."""
    rules = FileData(mapping.name, mapping.read_bytes()) if mapping is not None else None
    return read_bank_files([path]), rules


class StandardsTab(QWidget):
    imported = Signal()

    def __init__(self, client: Client, known: KnownStandards | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.known = known or KnownStandards(client)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import question bank…"))
        self.import_button.setToolTip(self.tr("Check a bank file (YAML) against every bank in use and keep it, "
                                              "encrypted, in this centre's store"))  # fmt: skip
        self.import_button.clicked.connect(self.choose_bank)
        self.import_standard_button = QPushButton(self.tr("Import &standard…"))
        self.import_standard_button.setToolTip(self.tr("Check a standard file (YAML) and every bank in use against "
                                                       "it, and keep it in this centre's store; a new edition of a "
                                                       "standard replaces the one in use"))  # fmt: skip
        self.import_standard_button.clicked.connect(self.choose_standard)
        self.packages_button = QPushButton(self.tr("Sealed &packages…"))
        self.packages_button.setToolTip(self.tr("Exam content sealed by its owner: trust the owner's key, import "
                                                "a package before the day, open it with the release key at the "
                                                "start time"))  # fmt: skip
        self.packages_button.clicked.connect(self.show_packages)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems in the imported file"))
        self.problems.setVisible(False)
        # the check's item-writing warnings, shown before the admin confirms the import
        self._pending: tuple[Path, str, Path | None, bool] | None = None
        self.review = QWidget()
        self.review_text = QLabel()
        self.review_text.setWordWrap(True)
        self.warnings = QListWidget()
        self.warnings.setAccessibleName(self.tr("Item-writing warnings in the bank to import"))
        self.warnings.setWordWrap(True)
        self.warnings.setMaximumHeight(self.fontMetrics().height() * 12)  # the tables below stay in sight
        self.confirm_button = QPushButton(self.tr("Import &anyway"))
        self.confirm_button.setToolTip(self.tr("The warnings do not make the bank invalid: papers can use it"))
        self.confirm_button.clicked.connect(self.confirm_import)
        self.cancel_button = QPushButton(self.tr("&Cancel, to revise the bank"))
        self.cancel_button.clicked.connect(self.cancel_import)
        review_buttons = QHBoxLayout()
        review_buttons.addStretch(1)
        review_buttons.addWidget(self.cancel_button)
        review_buttons.addWidget(self.confirm_button)
        review_layout = QVBoxLayout(self.review)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(self.review_text)
        review_layout.addWidget(self.warnings, 1)
        review_layout.addLayout(review_buttons)
        self.review.setVisible(False)
        self.background = Background(self)
        self.background.progress.connect(self._progress)
        self.background.done.connect(self._imported)
        self.background.failed.connect(self._failed)
        self.standards_model = RowsModel([self.tr("Code"), self.tr("Occupation"), self.tr("Edition"),
                                          self.tr("Levels"), self.tr("Sub-types"),
                                          self.tr("Minimum minutes"), self.tr("Weight tables")])  # fmt: skip
        self.standards = make_table(self.standards_model, stretch=4)  # the sub-types: elided, whole on hover
        self.standards.setAccessibleName(self.tr("Standards"))
        # rules a standard takes from another (570002 from 4-13-99-02) and the standards' notes
        self.standard_notes = QLabel()
        self.standard_notes.setWordWrap(True)
        self.standard_notes.setTextFormat(Qt.TextFormat.PlainText)
        self.standard_notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.standard_notes.setVisible(False)
        self.banks_model = RowsModel([self.tr("Bank"), self.tr("Title"), self.tr("Standard"), self.tr("Version"),
                                      self.tr("Questions"), self.tr("Skill tasks")])  # fmt: skip
        self.banks = make_table(self.banks_model, stretch=1)
        self.banks.setAccessibleName(self.tr("Question banks"))

        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, view in ((self.tr("Standards"), self.standards), (self.tr("Question banks"), self.banks)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            heading = QLabel(f"<b>{title}</b>")
            box_layout.addWidget(heading)
            box_layout.addWidget(view, 1)
            if view is self.standards:
                box_layout.addWidget(self.standard_notes)
            splitter.addWidget(box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.import_standard_button)
        top.addWidget(self.import_button)
        top.addWidget(self.packages_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.problems)
        layout.addWidget(self.review)
        layout.addWidget(splitter, 1)
        self._loaded = False

    # -- importing standards and banks, off the GUI thread ---------------------------------------

    def choose_bank(self) -> None:
        path = Files.open_path(self, self.tr("Import question bank"),
                               self.tr("Question banks (*.yaml *.yml *.xlsx *.zip *.xml *.gift *.txt)"))  # fmt: skip
        if path is None:
            return
        if path.suffix.lower() not in OTHER_FORMATS:
            self.import_bank(path)
            return
        standards = attempt(self, self.known.all)
        if standards is None:
            return
        dialog = ImportOptions([(std.code, std.name) for std in standards], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.import_bank(path, dialog.standard.currentData(), dialog.mapping_path, dialog.skip.isChecked())

    def show_packages(self) -> None:
        from app.ui.admin.packages_dialog import PackagesDialog

        PackagesDialog(self.client, self).exec()

    def choose_standard(self) -> None:
        path = Files.open_path(self, self.tr("Import standard"), self.tr("Standards (*.yaml *.yml)"))
        if path is not None:
            self.import_standard(path)

    def import_bank(
        self, path: Path, standard: str = "", mapping: Path | None = None, skip_unsupported: bool = False
    ) -> None:
        """Check a bank file, keeping nothing; one of another format (a workbook, a .zip) for
        `standard`, through the `mapping` file. Without item-writing warnings it is imported at once;
        with them, they are shown and the admin confirms (`confirm_import`) or cancels."""
        client = self.client
        self._pending = (path, standard, mapping, skip_unsupported)

        def job(progress: Any) -> Any:
            files, rules = _bank_files(path, mapping)
            return client.run(lambda: client.admin.check_banks(files, standard, rules, skip_unsupported), progress)

        self._start(job)

    def confirm_import(self) -> None:
        """Import the bank whose check is shown: the files are read and checked again, and kept."""
        if self._pending is None:
            return
        path, standard, mapping, skip_unsupported = self._pending
        self._pending = None
        client = self.client

        def job(progress: Any) -> Any:
            files, rules = _bank_files(path, mapping)
            return client.run(lambda: client.admin.import_banks(files, standard, rules, skip_unsupported), progress)

        self._start(job)

    def cancel_import(self) -> None:
        self._pending = None
        self._close_review()
        self.summary.setText(self.tr("Import cancelled: nothing was imported."))

    def _close_review(self) -> None:
        self.review.setVisible(False)
        self.warnings.clear()
        self._set_importing(False)

    def _checked(self, check: BankCheck) -> None:
        if not check.warnings:
            self.confirm_import()
            return
        banks = join_names(self.tr("{bank} ({count} questions)").format(bank=b.bank, count=b.item_count)
                           for b in check.banks)  # fmt: skip
        text = self.tr("{banks}: the item-writing check found {count} warning(s), patterns that let candidates "
                       "answer without knowing the content. They do not stop the import; revise the questions, "
                       "or explain each in a comment (# lint: ok RULE: why) where the bank is kept as YAML.")
        text = text.format(banks=banks, count=len(check.warnings))
        if check.explained:
            text += " " + self.tr("{count} more are explained in comments.").format(count=check.explained)
        self.review_text.setText(text)
        self.warnings.clear()
        self.warnings.addItems([translate_problem(p) for p in check.warnings])
        self.review.setVisible(True)
        for button in (self.import_button, self.import_standard_button):
            button.setEnabled(False)  # one import at a time: this one waits for the admin's answer
        self.confirm_button.setFocus()

    def import_standard(self, path: Path) -> None:
        client = self.client
        self._start(lambda progress: client.run(lambda: client.admin.import_standards(read_files([path])), progress))

    def _start(self, job: Any) -> None:
        if self.background.busy:
            return
        self.review.setVisible(False)
        self.warnings.clear()
        self.problems.clear()
        self.problems.setVisible(False)
        self._set_importing(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.background.start(job)

    def _set_importing(self, busy: bool) -> None:
        for button in (self.import_button, self.import_standard_button):
            button.setEnabled(not busy)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    @Slot(object)
    def _imported(self, imported: Any) -> None:
        self.progress.setVisible(False)
        self._set_importing(False)
        if isinstance(imported, BankCheck):
            self._checked(imported)
            return
        self.known.reload()  # the service uses the new files already; read what it has now
        self._loaded = False
        self.refresh()
        if imported and isinstance(imported[0], BankSummary):
            names = join_names(self.tr("{bank} ({count} questions)").format(bank=i.bank, count=i.item_count)
                               for i in imported)  # fmt: skip
        else:
            names = join_names(with_detail(f"{s.code} {s.name}", s.edition) for s in imported)
        self.summary.setText(self.tr("Imported: {names}. ").format(names=names) + self.summary.text())
        self.imported.emit()

    @Slot(object)
    def _failed(self, exc: Any) -> None:
        self.progress.setVisible(False)
        self._set_importing(False)
        self._pending = None
        # problems in the files: read here (DataFileError) or checked by the service (a refusal with problems)
        problems = exc.problems if isinstance(exc, DataFileError | ApiError) else ()
        if problems:
            self.problems.addItems([translate_problem(p) for p in problems])
            self.problems.setVisible(True)
            self.summary.setText(self.tr("{count} problem(s): nothing was imported.").format(count=len(problems)))
        else:
            show_error(self, exc)

    def _rule_names(self, rules: tuple[str, ...]) -> str:
        names = {"pass_mark": self.tr("the pass mark"), "min_minutes": self.tr("the minimum durations"),
                 "staffing": self.tr("the staffing ratios")}  # fmt: skip
        return join_names(names.get(rule, rule) for rule in rules)

    def _borrowed(self, std: Standard) -> str:
        assert std.borrowed is not None
        return self.tr("{code} does not set {rules} itself: they are borrowed from {source}.").format(
            code=std.code, rules=self._rule_names(std.borrowed.fields), source=std.borrowed.source)  # fmt: skip

    def _about(self, std: Standard) -> str:
        """One line on a standard's borrowed rules and notes, under the table."""
        notes = self.tr("Notes: {notes}").format(notes=std.notes) if std.notes else ""
        if std.borrowed is not None:  # the sentence names the standard
            return " ".join(part for part in (self._borrowed(std), notes) if part)
        return self.tr("{code}: {text}").format(code=std.code, text=notes)

    def refresh(self) -> None:
        if self._loaded:  # nothing changes until an import
            return
        standards = attempt(self, self.known.all)
        imported_codes = attempt(self, self.client.admin.imported_standards)
        if standards is None or imported_codes is None:
            return
        rows, tips = [], []
        official, supplied = self.tr("official"), self.tr("supplied by the exam owner")
        # short part names, so the column fits beside the others at 1366 px in English too
        parts = {Part.THEORY: self.tr("Theory"), Part.SKILL: self.tr("Skill"), Part.REVIEW: self.tr("Review")}
        imported = set(imported_codes)
        notes = []
        for std in standards:
            minutes = join_clauses(f"{parts[p]} {std.min_minutes[p]}" for p in Part if p in std.min_minutes)
            if std.is_borrowed("min_minutes"):
                minutes = self.tr("{minutes} (borrowed)").format(minutes=minutes)
            if std.borrowed is not None or std.notes:
                notes.append(self._about(std))
            edition = self.tr("{edition} (imported)").format(edition=std.edition) if std.code in imported \
                else std.edition  # fmt: skip
            levels = join_names(labels.short_level(lv.name, lv.level) for lv in std.levels)  # '四级、三级…'
            rows.append([std.code, std.name, edition, levels, join_names(st.name for st in std.subtypes) or "—",
                         minutes, official if std.official_weights else supplied])  # fmt: skip
            borrowed = self._borrowed(std) if std.is_borrowed("min_minutes") else None
            tips.append([None, None, None, "\n".join(lv.name for lv in std.levels), None, borrowed])  # fmt: skip
        self.standards_model.set_rows(rows, [s.code for s in standards], tips=tips)
        self.standard_notes.setText("\n".join(notes))
        self.standard_notes.setVisible(bool(notes))
        infos = attempt(self, self.client.admin.banks)  # a bank that no longer reads is reported
        if infos is None:
            return
        self.banks_model.set_rows([[b.bank, b.title, b.standard, b.version, str(b.item_count), str(b.task_count)]
                                   for b in infos], [b.bank for b in infos])  # fmt: skip
        self.summary.setText(self.tr("{standards} standards, {banks} banks: {items} questions and {tasks} skill tasks.")
                             .format(standards=len(standards), banks=len(infos),
                                     items=sum(b.item_count for b in infos),
                                     tasks=sum(b.task_count for b in infos)))  # fmt: skip
        left_out = attempt(self, self.client.admin.standards_problems) or []
        if left_out:  # imported standards that no longer load: said, not hidden
            self.problems.clear()
            self.problems.addItems([translate_problem(p) for p in left_out])
            self.problems.setVisible(True)
            self.summary.setText(self.tr("Imported standards that could not be loaded are not in use; see the "
                                         "problems below. ") + self.summary.text())  # fmt: skip
        self._loaded = True
