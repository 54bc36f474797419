"""The users page (ユーザー管理, administrators only): list accounts, add one, reset a password
or PIN, deactivate and reactivate; and the current series of failed logins (per account and per
station, with the delay they are waiting out), which the administrator can clear.

Accounts are never deleted (the audit log names them). The rules that protect the office from
locking itself out (no self-deactivation, never the last active administrator) live in
`services.admin.accounts.set_active`, so the CLI and this page refuse alike; the page shows the
service's message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.admin import accounts
from scfn_desktop.services.admin.accounts import UserRow
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.admin.failed_logins import FailedLoginsPanel
from scfn_desktop.ui.admin.user_dialogs import AddUserDialog, ResetPasswordDialog
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.formatting import local_date
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.resources import icon
from scfn_desktop.ui.widgets.page_header import page_header
from scfn_desktop.ui.workers import dispose_when_closed

INACTIVE_COLOUR = QColor("#888888")
ACTIVE_COLOUR = QColor("#1b5e20")
COLUMN_PADDING = 24
STATUS_OK = "color: #1b5e20;"


class UsersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[UserRow] = []
        self.dialog: AddUserDialog | ResetPasswordDialog | None = None
        self.last_error: QMessageBox | None = None

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("Status"),
            self.tr("Created")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_reset_dialog())

        self.add_button = QPushButton(icon("edit.svg"), self.tr("Add user…"))
        self.add_button.setObjectName("addUserButton")
        self.add_button.clicked.connect(self.open_add_dialog)
        self.reset_button = QPushButton(self.tr("Reset password / PIN…"))
        self.reset_button.setObjectName("resetPasswordButton")
        self.reset_button.clicked.connect(self.open_reset_dialog)
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.active_button.setObjectName("toggleActiveButton")
        self.active_button.clicked.connect(self.toggle_active)
        self.status = QLabel()
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)
        note = QLabel(self.tr(
            "Accounts are not deleted but deactivated, because the audit log keeps their "
            "names. A deactivated user can no longer log in. You cannot deactivate yourself "
            "or the last active administrator."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")

        top = page_header(self.tr("User accounts"), self.add_button, self.reset_button,
                          self.active_button)
        self.failed_logins = FailedLoginsPanel(ctx)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(note)
        layout.addWidget(self.failed_logins)
        self.reload()

    # data --------------------------------------------------------------------------------

    def reload(self, select: str = "") -> None:
        """Refill the table from the service, keeping (or moving to) a selected user."""
        select = select or self.selected_username()
        try:
            self.rows = accounts.list_accounts(self.ctx.db, self.ctx.actor)
        except ServiceError as exc:
            self.last_error = show_error(self, exc, self.ctx.language)
            self.rows = []
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = [row.username, row.display_name, self.ctx.pick(row.role_ja, row.role_en),
                     self.tr("Active") if row.active else self.tr("Inactive"),
                     local_date(row.created_at)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.username)
                if not row.active:
                    item.setForeground(INACTIVE_COLOUR)
                elif c == 3:
                    item.setForeground(ACTIVE_COLOUR)
                self.table.setItem(r, c, item)
        # Measured without the stretch, else a second reload pads the stretched width again.
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):  # room to breathe, names rarely fit exactly
            self.table.setColumnWidth(c, self.table.columnWidth(c) + COLUMN_PADDING)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.failed_logins.reload()
        index = next((i for i, row in enumerate(self.rows) if row.username == select), -1)
        if index >= 0:
            self.table.selectRow(index)
        else:
            self.table.clearSelection()
        self._update_buttons()

    def selected_row(self) -> UserRow | None:
        items = self.table.selectedItems()
        if not items:
            return None
        username = items[0].data(Qt.ItemDataRole.UserRole)
        return next((row for row in self.rows if row.username == username), None)

    def selected_username(self) -> str:
        row = self.selected_row()
        return row.username if row else ""

    def select_user(self, username: str) -> None:
        index = next((i for i, row in enumerate(self.rows) if row.username == username), -1)
        if index >= 0:
            self.table.selectRow(index)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.reset_button.setEnabled(row is not None)
        self.active_button.setEnabled(row is not None)
        self.active_button.setText(self.tr("Reactivate") if row is not None and not row.active
                                   else self.tr("Deactivate"))

    def _say(self, text: str) -> None:
        self.status.setStyleSheet(STATUS_OK)
        self.status.setText(text)

    # actions -----------------------------------------------------------------------------

    def open_add_dialog(self) -> AddUserDialog:
        """Non-blocking, so the event loop (and tests) keep running while it is open."""
        dialog = AddUserDialog(self.ctx, self)
        dispose_when_closed(dialog)
        dialog.accepted.connect(lambda: self._added(dialog.created))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _added(self, username: str) -> None:
        self.reload(select=username)
        self._say(self.tr("The user %1 was added. They can log in now.").replace("%1", username))

    def open_reset_dialog(self) -> ResetPasswordDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = ResetPasswordDialog(self.ctx, row.username, row.display_name, self)
        dispose_when_closed(dialog)
        dialog.accepted.connect(lambda: self._say(
            self.tr("The password / PIN of %1 was changed.").replace("%1", row.username)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        """Deactivate the selected active user, or reactivate an inactive one.

        No confirmation question: the step is undone with the same button, and the refusal
        cases are the service's, shown as its message.
        """
        row = self.selected_row()
        if row is None:
            return
        try:
            accounts.set_active(self.ctx.db, self.ctx.actor, row.username, not row.active)
        except ServiceError as exc:
            self.last_error = show_error(self, exc, self.ctx.language, self.tr("User accounts"))
            return
        self.reload(select=row.username)
        text = (self.tr("%1 was reactivated and can log in again.") if not row.active
                else self.tr("%1 was deactivated and can no longer log in."))
        self._say(text.replace("%1", row.username))


def _title() -> str:
    return QCoreApplication.translate("UsersPage", "Users")


PAGE_SPEC = PageSpec(key="users", title=_title, permission=Permission.MANAGE_USERS,
                     factory=UsersPage, order=900, icon="users.svg")
