"""The fields of a new account, shared by the first-run dialog (the administrator) and the
users page's "add a user" dialog, so both ask the same way and check the same thing.

The services validate and audit; the form only checks that the two password entries match
and shows a refusal inline, so the dialog can stay open for the user to correct one field.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

ERROR_STYLE = "color: #b00020;"


def secret_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class AccountForm(QWidget):
    """User name, display name, role (only when `roles` is given), password/PIN twice.

    `roles` are (code, label) pairs; the form shows the labels and returns the code.
    The error label is separate (`error`) so the dialog places it where it reads best.
    """

    def __init__(self, roles: Sequence[tuple[str, str]] = (), default_role: str = "",
                 username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.role: QComboBox | None = None
        self.password = secret_edit("password")
        self.confirm = secret_edit("confirm")
        self.error = error_label()

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Display name"), self.display_name)
        if roles:
            self.role = QComboBox()
            self.role.setObjectName("role")
            for code, label in roles:
                self.role.addItem(label, code)
            self.role.setCurrentIndex(max(0, self.role.findData(default_role)))
            form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password / PIN"), self.password)
        form.addRow(self.tr("Password / PIN (again)"), self.confirm)

    def fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def passwords_match(self) -> bool:
        """False (and says so) when the two entries differ."""
        if self.password.text() == self.confirm.text():
            return True
        self.fail(self.tr("The two passwords do not match."))
        return False

    def chosen_role(self, default: str) -> str:
        return self.role.currentData() if self.role is not None else default
