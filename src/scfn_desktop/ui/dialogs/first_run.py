"""First start on an empty database: create the administrator account.

Without it nobody could log in, and every other account is created by an administrator.
The service validates the fields; the dialog only checks the two password entries match.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.db import Database
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import SYSTEM


class FirstRunDialog(QDialog):
    def __init__(self, db: Database, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self.created_username = ""
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("First start — create the administrator"))
        self.setMinimumWidth(480)

        intro = QLabel(self.tr(
            "No user account exists yet. Create the administrator account; the administrator "
            "can then add accounts for venue staff, proctors and committee members."))
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Password / PIN"), self.password)
        form.addRow(self.tr("Password / PIN (again)"), self.confirm)

        buttons = QDialogButtonBox()
        create = buttons.addButton(self.tr("Create account"),
                                   QDialogButtonBox.ButtonRole.AcceptRole)
        create.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _create(self) -> None:
        if self.password.text() != self.confirm.text():
            self._fail(self.tr("The two passwords do not match."))
            return
        try:
            user = accounts.add_user(self._db, SYSTEM, self.username.text(), "admin",
                                     self.password.text(), self.display_name.text().strip())
        except ServiceError as exc:
            self._fail(exc.message(self._language))
            return
        self.created_username = user.username
        self.accept()
