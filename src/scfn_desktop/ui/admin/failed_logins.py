"""The users page's panel of failed logins: each account and station with failures in a row,
the last one, and until when further attempts wait; an administrator can let one try again at
once. Everything comes from `services.admin.login_throttle` (permission-checked there)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.admin import login_throttle
from scfn_desktop.services.admin.login_throttle import ThrottleRow
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error

MAX_VISIBLE_ROWS = 4


class FailedLoginsPanel(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ThrottleRow] = []
        self.last_error: QMessageBox | None = None
        self.setObjectName("failedLogins")
        self.setTitle(self.tr("Failed logins"))
        self.summary = QLabel()
        self.summary.setObjectName("failedLoginsSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("failedLoginsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Account or station"), self.tr("Failures in a row"),
            self.tr("Last failure"), self.tr("Next try allowed")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.clear_button = QPushButton(self.tr("Let them try again now"))
        self.clear_button.setObjectName("clearFailedLoginsButton")
        self.clear_button.clicked.connect(self.clear_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def reload(self) -> None:
        try:
            self.rows = login_throttle.failed_logins(self.ctx.db, self.ctx.actor)
        except ServiceError as exc:
            self.last_error = show_error(self, exc, self.ctx.language)
            self.rows = []
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            who = (self.tr("Account %1").replace("%1", row.label) if row.scope == "user"
                   else self.tr("Station %1").replace("%1", row.label))
            last = row.last_failed_at.astimezone().strftime("%m/%d %H:%M") \
                if row.last_failed_at else ""
            until = (row.blocked_until.astimezone().strftime("%H:%M:%S")
                     if row.blocked else self.tr("now"))
            for c, text in enumerate((who, str(row.failures), last, until)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        height = self.table.horizontalHeader().height() + 4 + self.table.verticalHeader() \
            .defaultSectionSize() * max(1, min(len(self.rows), MAX_VISIBLE_ROWS))
        self.table.setFixedHeight(height)
        self.table.setVisible(bool(self.rows))
        self.summary.setText(
            self.tr("No failed logins.") if not self.rows else self.tr(
                "Repeated failed logins make further attempts wait longer each time (per "
                "account and per station). Someone may be guessing a password."))
        self._update_button()

    def _update_button(self) -> None:
        self.clear_button.setEnabled(bool(self.table.selectedItems()))
        self.clear_button.setVisible(bool(self.rows))

    def clear_selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        row = self.rows[items[0].row()]
        try:
            login_throttle.clear_failed_logins(self.ctx.db, self.ctx.actor, row.scope, row.key)
        except ServiceError as exc:
            self.last_error = show_error(self, exc, self.ctx.language)
        self.reload()
