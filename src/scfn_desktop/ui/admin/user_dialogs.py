"""The users page's dialogs: add an account, reset an account's password/PIN.

The services validate and audit (length, unique name, role, permission); the dialogs only
check that the two password entries match, show a refusal inline and stay open so the
administrator can correct the field instead of starting again.
(Kept under widgets/ rather than dialogs/: the shell's catalogue sweeps dialogs/, and these
strings belong to the admin catalogue.)
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.db.models.accounts import ROLES
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import ROLE_LABELS
from scfn_desktop.ui.context import AppContext

ERROR_STYLE = "color: #b00020;"


def _secret_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class AddUserDialog(QDialog):
    """On success `created` holds the new account's user name and the dialog is accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created = ""
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("Add a user"))
        self.setMinimumWidth(460)

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.display_name.setPlaceholderText(
            self.tr("e.g. Hanako Yamada (shown in the window header)"))
        self.role = QComboBox()
        self.role.setObjectName("role")
        for code in ROLES:
            ja, en = ROLE_LABELS.get(code, (code, code))
            self.role.addItem(ctx.pick(ja, en), code)
        self.role.setCurrentIndex(max(0, self.role.findData("staff")))
        self.password = _secret_edit("password")
        self.confirm = _secret_edit("confirm")
        hint = QLabel(self.tr("At least %1 characters. A numeric PIN is fine for venue "
                              "stations.").replace("%1", str(accounts.MIN_SECRET_LENGTH)))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.error = _error_label()

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password / PIN"), self.password)
        form.addRow(self.tr("Password / PIN (again)"), self.confirm)

        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(self.tr("Add user"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def create(self) -> None:
        """Create the account through the service; keep the dialog open on any refusal."""
        if self.password.text() != self.confirm.text():
            self.fail(self.tr("The two passwords do not match."))
            return
        try:
            user = accounts.add_user(self.ctx.db, self.ctx.actor, self.username.text(),
                                     self.role.currentData(), self.password.text(),
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
        self.password = _secret_edit("password")
        self.confirm = _secret_edit("confirm")
        self.error = _error_label()

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
