"""密封试卷包: the sealed exam packages this centre holds, the exam owners it trusts, and importing and
opening packages (docs/packages.md). The service checks everything; this dialog shows what it says."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.api.client import Client
from app.api.files import is_package_revocation
from app.api.types import FileData, PackageView
from app.reports import release_key_qr
from app.ui.admin.common import Files, RowsModel, make_table
from app.ui.widgets.errors import Ask, attempt


class PackagesDialog(QDialog):
    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.setWindowTitle(self.tr("Sealed exam packages"))
        self.owners = QLabel()
        self.owners.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = RowsModel([self.tr("Session"), self.tr("Exam owner"), self.tr("Opens at (UTC)"),
                                self.tr("State"), self.tr("SHA-256")])  # fmt: skip
        self.table = make_table(self.model, stretch=4)
        self.table.setAccessibleName(self.tr("Sealed exam packages"))
        self.trust_button = QPushButton(self.tr("&Trust an exam owner's key…"))
        tip = self.tr("Register the public key (PEM) the exam owner sent; compare the fingerprint shown with "
                      "the one the owner gave by phone or on paper")  # fmt: skip
        self.trust_button.setToolTip(tip)
        self.trust_button.clicked.connect(self.trust_owner)
        self.import_button = QPushButton(self.tr("&Import package…"))
        self.import_button.setToolTip(self.tr("Keep a sealed package for the exam day: its signature is checked; "
                                              "its content stays sealed. A revocation from its owner is recorded "
                                              "the same way"))  # fmt: skip
        self.import_button.clicked.connect(self.import_package)
        self.open_button = QPushButton(self.tr("&Open with release key…"))
        self.open_button.setToolTip(self.tr("At or after the start time: type the release key the exam owner gave"))
        self.open_button.clicked.connect(self.open_package)
        self.scan_button = QPushButton(self.tr("Open with &QR code image…"))
        self.scan_button.setToolTip(self.tr("At or after the start time: choose a photo or scan of the release key's "
                                            "QR code"))  # fmt: skip
        self.scan_button.clicked.connect(self.open_from_image)
        buttons = QHBoxLayout()
        for button in (self.trust_button, self.import_button, self.open_button, self.scan_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.owners)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.packages: list[PackageView] = []
        self.resize(900, 420)
        self.refresh()

    def refresh(self) -> None:
        owners = attempt(self, self.client.admin.owner_keys)
        packages = attempt(self, self.client.admin.packages)
        if owners is None or packages is None:
            return
        names = "; ".join(f"{o.name} ({o.fingerprint[:16]}…)" for o in owners)
        none = self.tr("No exam owner is trusted yet: a package can be imported only from one.")
        self.owners.setText(self.tr("Trusted exam owners: {names}").format(names=names) if owners else none)
        self.packages = packages
        self.model.set_rows([
            [p.session_code, p.owner_name, p.not_before[:16].replace("T", " "), self._state(p), p.digest]
            for p in packages
        ])  # fmt: skip

    def _state(self, p: PackageView) -> str:
        if p.revoked_wall:
            return self.tr("revoked: {reason}").format(reason=p.revoked_reason)
        state = self.tr("opened {when}").format(when=p.opened_wall[:16].replace("T", " ")) if p.opened_wall \
            else self.tr("sealed")  # fmt: skip
        return state if p.version == 1 else self.tr("{state} (version {version})").format(state=state,
                                                                                          version=p.version)

    def trust_owner(self) -> None:
        path = Files.open_path(self, self.tr("Exam owner's public key"), self.tr("Public keys (*.pem)"))
        if path is None:
            return
        name = Ask.text(self, self.tr("Trust an exam owner"), self.tr("The exam owner's name:"))
        if name is None:
            return
        view = attempt(self, self.client.admin.trust_owner, FileData(path.name, path.read_bytes()), name)
        if view is not None:
            text = self.tr("Trusted {name}. Fingerprint (SHA-256): {fingerprint}. Compare it with the one the "
                           "exam owner gave you.")  # fmt: skip
            self.status.setText(text.format(name=view.name, fingerprint=view.fingerprint))
            self.refresh()

    def import_package(self) -> None:
        filters = self.tr("Sealed packages and revocations (*.pkg *.rev);;All files (*)")
        path = Files.open_path(self, self.tr("Import sealed package"), filters)
        if path is None:
            return
        content = path.read_bytes()
        if is_package_revocation(content):
            revoked = attempt(self, self.client.admin.revoke_package, FileData(path.name, content))
            if revoked is not None:
                self.status.setText(self.tr("Recorded the revocation of the package for session {session}: {reason}. "
                                            "It is refused from now on.").format(session=revoked.session_code,
                                                                                  reason=revoked.reason))  # fmt: skip
                self.refresh()
            return
        view = attempt(self, self.client.admin.import_package, FileData(path.name, content))
        if view is not None:
            text = self.tr("Imported the package for session {session}; it opens at {time} (UTC) with its "
                           "release key.")  # fmt: skip
            self.status.setText(text.format(session=view.session_code, time=view.not_before[:16].replace("T", " ")))
            self.refresh()

    def selected(self) -> PackageView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if rows:
            return self.packages[rows[0].row()]
        sealed = [p for p in self.packages if p.opened_wall is None]
        return sealed[0] if len(sealed) == 1 else None

    def open_package(self) -> None:
        package = self.selected()
        if package is None:
            self.status.setText(self.tr("Choose the package to open in the table."))
            return
        key = Ask.text(self, self.tr("Open sealed package"),
                       self.tr("Release key for session {session}:").format(session=package.session_code))  # fmt: skip
        if not key:
            return
        self._open(package, key)

    def open_from_image(self) -> None:
        """The release key read from a photo or scan of its QR code: the code names its package."""
        path = Files.open_path(self, self.tr("Release key's QR code"), self.tr("Images (*.png *.jpg *.jpeg)"))
        if path is None:
            return
        try:
            package_id, key = release_key_qr.scan(path)
        except release_key_qr.NoScanner:
            self.status.setText(self.tr("This computer cannot read QR codes from images (the ZBar library is not "
                                        "installed): type the release key instead."))  # fmt: skip
            return
        except release_key_qr.NotAnImage:
            self.status.setText(self.tr("{file} is not an image this computer can read.").format(file=path.name))
            return
        except release_key_qr.NoKeyFound:
            self.status.setText(self.tr("No release key's QR code found in {file}.").format(file=path.name))
            return
        package = next((p for p in self.packages if p.package_id == package_id), None)
        if package is None:
            self.status.setText(self.tr("The QR code is the release key of package {package}, which this centre "
                                        "does not hold: import the package first.").format(package=package_id))
            return
        self._open(package, key)

    def _open(self, package: PackageView, key: str) -> None:
        view = attempt(self, self.client.admin.open_package, package.digest, key)
        if view is None:
            return
        if view.papers:
            text = self.tr("Opened the package for session {session}: {papers} fixed papers, used as assembled; "
                           "banks {banks}.")  # fmt: skip
        else:
            text = self.tr("Opened the package for session {session}: banks {banks}.")
        self.status.setText(text.format(session=view.session_code, papers=view.papers, banks=", ".join(view.banks)))
        self.refresh()
