"""Log in with user name and password or PIN.

Authentication is the service's (`accounts.authenticate`); this dialog only collects the two
fields, shows the service's one failure message (no hint whether the user exists) and keeps the
dialog open so staff can retry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop import __version__
from scfn_desktop.db import Database
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import Actor
from scfn_desktop.ui.resources import icon


class LoginDialog(QDialog):
    """On success `actor` holds the logged-in user and the dialog is accepted."""

    def __init__(self, db: Database, language: str, last_username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("SCFN Desktop — Log in"))
        self.setWindowIcon(icon("app.svg"))
        self.setMinimumWidth(460)

        heading = QLabel(self.tr("Support Coordinator for Foreign Nationals\n"
                                 "Certification Office"))
        heading.setObjectName("heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)

        self.username = QLineEdit(last_username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password / PIN"), self.password)

        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(self.tr("Log in"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try_login)
        buttons.rejected.connect(self.reject)

        version = QLabel(self.tr("Version %1").replace("%1", __version__))
        version.setStyleSheet("color: palette(mid);")
        version.setAlignment(Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        layout.addWidget(version)

        (self.password if last_username else self.username).setFocus()

    def _try_login(self) -> None:
        try:
            self.actor = accounts.authenticate(self._db, self.username.text(),
                                               self.password.text())
        except ServiceError as exc:
            self.error.setText(exc.message(self._language))
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
