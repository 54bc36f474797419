"""The users page's dialogs: add an account, reset an account's password/PIN.

The services validate and audit (length, unique name, role, permission); the dialogs only
check that the two password entries match, show a refusal inline and stay open so the
administrator can correct the field instead of starting again.
The account fields themselves are the shell's shared `AccountForm` (also used at first run).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.db.models.accounts import ROLES
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import ROLE_LABELS
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.widgets.account_form import AccountForm, error_label, secret_edit


class AddUserDialog(QDialog):
    """On success `created` holds the new account's user name and the dialog is accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created = ""
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("Add a user"))
        self.setMinimumWidth(460)

        roles = [(code, ctx.pick(*ROLE_LABELS.get(code, (code, code)))) for code in ROLES]
        self.form = AccountForm(roles, default_role="staff")
        self.form.display_name.setPlaceholderText(
            self.tr("e.g. Hanako Yamada (shown in the window header)"))
        self.username, self.display_name = self.form.username, self.form.display_name
        self.role, self.password, self.confirm = (self.form.role, self.form.password,
                                                  self.form.confirm)
        hint = QLabel(self.tr("At least %1 characters. A numeric PIN is fine for venue "
                              "stations.").replace("%1", str(accounts.MIN_SECRET_LENGTH)))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.error = self.form.error

        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(self.tr("Add user"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def fail(self, text: str) -> None:
        self.form.fail(text)

    def create(self) -> None:
        """Create the account through the service; keep the dialog open on any refusal."""
        if not self.form.passwords_match():
            return
        try:
            user = accounts.add_user(self.ctx.db, self.ctx.actor, self.username.text(),
                                     self.form.chosen_role("staff"), self.password.text(),
                                     self.display_name.text().strip())
        except ServiceError as exc:
            self.fail(exc.message(self.ctx.language))
            return
        self.created = user.username
        self.accept()


class ResetPasswordDialog(QDialog):
    """Set a new password/PIN for `username` (an administrator's reset, audited)."""

    def __init__(self, ctx: AppContext, username: str, display_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.username = username
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset password / PIN"))
        self.setMinimumWidth(440)

        who = f"{display_name}（{username}）" if display_name and display_name != username \
            else username
        intro = QLabel(self.tr("Enter a new password or PIN for %1 and tell it to them in "
                               "person.").replace("%1", who))
        intro.setWordWrap(True)
        self.password = secret_edit("password")
        self.confirm = secret_edit("confirm")
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("New password / PIN"), self.password)
        form.addRow(self.tr("New password / PIN (again)"), self.confirm)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Set password"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("The two passwords do not match."))
            self.error.show()
            return
        try:
            accounts.change_secret(self.ctx.db, self.ctx.actor, self.username,
                                   self.password.text())
        except ServiceError as exc:
            self.error.setText(exc.message(self.ctx.language))
            self.error.show()
            return
        self.accept()
