"""Enrolling this PC with the centre, once: the technician types the admin's one-time code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.station.enrolment import StationConfig, enrol
from app.ui.widgets.messages import translate_error


class EnrolDialog(QDialog):
    """Centre address, this seat's station name and the code from the admin's screen."""

    def __init__(self, folder: Path, address: str = "", station: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = folder
        self.config: StationConfig | None = None
        self.setWindowTitle(self.tr("Enrol this PC with the centre"))
        self.address = QLineEdit(address)
        self.address.setPlaceholderText("https://10.0.0.2:8443")
        self.station = QLineEdit(station)
        self.station.setPlaceholderText("R101-07")
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_enrol)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        explain = QLabel(self.tr("This PC is not yet a station of the centre. The admin's screen shows a one-time "
                                 "code for this seat: type it here (it is valid for 15 minutes)."))  # fmt: skip
        explain.setWordWrap(True)
        form.addRow(explain)
        form.addRow(self.tr("Centre &address:"), self.address)
        form.addRow(self.tr("&Station (seat):"), self.station)
        form.addRow(self.tr("Enrolment &code:"), self.code)
        form.addRow(self.message)
        form.addRow(buttons)
        (self.code if address and station else self.address).setFocus()

    def try_enrol(self) -> None:
        if not (self.address.text().strip() and self.station.text().strip() and self.code.text().strip()):
            self.message.setText(self.tr("Fill in the centre's address, this seat's station name and the code."))
            return
        try:
            self.config = enrol(self.address.text().strip(), self.code.text(), self.station.text().strip(), self.folder)
        except Exception as exc:
            self.message.setText(translate_error(exc))
            return
        self.accept()
