"""结果: a session's results, the signed bundle (made by the service as a job, written here off the GUI
thread) and the centre's public key (from the public calls: the signing key never leaves the service)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import ExportResult, SessionInfo
from app.ui.admin import labels
from app.ui.admin.common import GOOD, WARNING, Background, Files, KnownStandards, RowsModel, SessionPicker, make_table
from app.ui.widgets.errors import Ask, attempt, show_error
from app.ui.widgets.labels import missing_part_label


class KeyBox(QGroupBox):
    """The centre's public key: its fingerprint, and a PEM file for whoever verifies bundles."""

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.setTitle(self.tr("Centre public key"))
        self.fingerprint = QLabel()
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export public &key…"))
        self.export_button.clicked.connect(self.export_key)
        self.message = QLabel()
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.fingerprint, 1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        keys = attempt(self, self.client.public.public_keys)
        if not keys:
            self.fingerprint.setText(self.tr("This centre has no signing key yet."))
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        self.fingerprint.setText(self.tr("Fingerprint: {fingerprint}").format(fingerprint=keys[-1].fingerprint))

    def export_key(self) -> Path | None:
        keys = attempt(self, self.client.public.public_keys)
        if not keys:
            return None
        key = keys[-1]
        path = Files.save_path(self, self.tr("Save public key"), f"centre-{key.fingerprint[:8]}.pub.pem",
                               self.tr("PEM public keys (*.pem)"))  # fmt: skip
        if path is None:
            return None
        try:
            path.write_bytes(key.pem)
        except OSError as exc:
            Ask.error(self, self.tr("Not saved"), self.tr("Cannot write {file}: {error}").format(
                file=str(path), error=exc.strerror or str(exc)))  # fmt: skip
            return None
        self.message.setText(self.tr("Saved {file}. Fingerprint {fingerprint}: tell the receiver this "
                                     "fingerprint by another channel.").format(
            file=str(path), fingerprint=key.fingerprint))  # fmt: skip
        return path


class ResultsTab(QWidget):
    """`exported(path)` fires once a signed bundle has been written."""

    exported = Signal(object)
    export_failed = Signal()

    def __init__(self, client: Client, known: KnownStandards | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.known = known or KnownStandards(client)
        self.background = Background(self)
        self.background.progress.connect(self._on_progress)
        self.background.done.connect(self._on_done)
        self.background.failed.connect(self._on_failed)

        self.session = SessionPicker(client)
        self.session.currentIndexChanged.connect(self.show_results)
        session_label = QLabel(self.tr("&Session:"))
        session_label.setBuddy(self.session)
        top = QHBoxLayout()
        top.addWidget(session_label)
        top.addWidget(self.session, 1)

        self.summary = QLabel()
        self.model = RowsModel([self.tr("Ticket number"), self.tr("Name"), self.tr("Status"), self.tr("Theory"),
                                self.tr("Skill"), self.tr("Review"), self.tr("Result")])  # fmt: skip
        self.table = make_table(self.model, stretch=1)
        self.table.setAccessibleName(self.tr("Results"))

        self.mask = QCheckBox(self.tr("&Mask names and ID numbers in the bundle"))
        self.mask.setChecked(True)
        self.export_button = QPushButton(self.tr("&Export signed bundle…"))
        self.export_button.clicked.connect(self.export_bundle)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.export_message = QLabel()
        self.export_message.setWordWrap(True)
        export_box = QGroupBox(self.tr("Result bundle"))
        export_layout = QVBoxLayout(export_box)
        row = QHBoxLayout()
        row.addWidget(self.mask, 1)
        row.addWidget(self.export_button)
        export_layout.addLayout(row)
        export_layout.addWidget(self.progress)
        export_layout.addWidget(self.export_message)
        self.keys = KeyBox(client)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(export_box)
        layout.addWidget(self.keys)

    def refresh(self) -> None:
        self.session.refresh()
        self.keys.refresh()

    def show_results(self) -> None:
        info = self.session.info()
        self.export_button.setEnabled(info is not None and not self.background.busy)
        if info is None:
            self.model.set_rows([])
            self.summary.clear()
            return
        rows = attempt(self, self.client.admin.session_results, info.id)
        if rows is None:
            return
        self.model.set_rows(
            [[r.ticket, r.name, labels.attempt_status(r.status),
              *(labels.part_score(r.parts[p]) if p in r.parts else missing_part_label(r.status, p, info.part)
                for p in ("theory", "skill", "review")),
              labels.result_name(r.result)] for r in rows],
            [r.ticket for r in rows],
            [WARNING if r.result == "不合格" else GOOD if r.result == "合格" else None for r in rows],
        )  # fmt: skip
        self.table.setColumnHidden(5, not self._review_required(info))
        passed = sum(1 for r in rows if r.result == "合格")
        failed = sum(1 for r in rows if r.result == "不合格")
        self.summary.setText(self.tr("{count} candidates: {passed} passed, {failed} failed, {pending} pending.").format(
            count=len(rows), passed=passed, failed=failed, pending=len(rows) - passed - failed))  # fmt: skip

    def _review_required(self, info: SessionInfo) -> bool:
        found = self.known.level(info.standard, info.level, info.subtype)
        return True if found is None else bool(found[1].review_required)  # a standard no longer known: shown

    def export_bundle(self) -> None:
        info = self.session.info()
        if info is None or self.background.busy:
            return
        path = Files.save_path(self, self.tr("Save result bundle"), f"{info.code}-results.zip",
                               self.tr("Result bundles (*.zip)"))  # fmt: skip
        if path is None:
            return
        client, mask, session_id = self.client, self.mask.isChecked(), info.id
        reason = ""
        if not mask:  # names and ID numbers in full leave the centre only for a stated reason
            given = Ask.text(self, self.tr("Export without masking"),
                             self.tr("Why does this bundle need names and ID numbers in full?"))  # fmt: skip
            if given is None or not given.strip():
                return
            reason = given
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.export_message.setText(self.tr("Writing and signing {file}…").format(file=path.name))

        def work(progress: Any) -> tuple[Path, ExportResult]:
            # opened first: a folder that cannot be written fails before the service makes and signs a bundle
            with path.open("wb") as out:
                try:
                    result: ExportResult = client.run(lambda: client.admin.export_session(session_id, mask, reason),
                                                      progress)  # fmt: skip
                except BaseException:
                    out.close()
                    path.unlink(missing_ok=True)
                    raise
                out.write(result.files[0].content)  # the one bundle, where the admin chose
            return path, result

        self.background.start(work)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(object)
    def _on_done(self, done: Any) -> None:
        path, result = done
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.export_message.setText(self.tr("Saved {file}: {count} candidates, signed with key {fingerprint}.").format(
            file=str(path), count=result.candidates, fingerprint=result.key_fingerprint[:16]))  # fmt: skip
        self.exported.emit(path)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.export_message.setText(self.tr("The bundle was not written."))
        if isinstance(exc, OSError):  # the folder or the disk, not a bug
            Ask.error(self, self.tr("Not saved"), self.tr("Cannot write {file}: {error}").format(
                file=str(exc.filename or ""), error=exc.strerror or str(exc)))  # fmt: skip
        else:
            show_error(self, exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))
        self.export_failed.emit()
