"""First start on an empty database: create the administrator account.

Without it nobody could log in, and every other account is created by an administrator.
The service validates the fields; the shared `AccountForm` checks the two password entries match.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.db import Database
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import SYSTEM
from scfn_desktop.ui.widgets.account_form import AccountForm


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
        self.form = AccountForm(username="admin")
        self.username, self.display_name = self.form.username, self.form.display_name
        self.password, self.confirm = self.form.password, self.form.confirm
        self.error = self.form.error

        buttons = QDialogButtonBox()
        create = buttons.addButton(self.tr("Create account"),
                                   QDialogButtonBox.ButtonRole.AcceptRole)
        create.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _create(self) -> None:
        if not self.form.passwords_match():
            return
        try:
            user = accounts.add_user(self._db, SYSTEM, self.username.text(), "admin",
                                     self.password.text(), self.display_name.text().strip())
        except ServiceError as exc:
            self.form.fail(exc.message(self._language))
            return
        self.created_username = user.username
        self.accept()
