"""The 認定者名簿 page: who awaits the agency's 認証 (the secretariat records it here), the
register of certificates with status valid / expired / revoked (filter, search, sort by a
column), revocations, and the exports: the register (xlsx, PDF, CSV, JSON) and the public
所属機関リスト (xlsx, CSV, JSON; names only of persons who consented)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.dates import format_date_en, format_date_ja
from scfn_desktop.services.committee import certification
from scfn_desktop.services.committee.exports import export_organisations, export_register
from scfn_desktop.services.committee.register import SORT_KEYS, RegisterRow, register_rows
from scfn_desktop.services.committee.views import CERTIFICATE_STATUSES
from scfn_desktop.services.exports import write_file
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.committee.certify_dialogs import CertifyDialog, RevokeDialog
from scfn_desktop.ui.committee.common import STATE_COLOURS
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.widgets.read_only_table import read_only_table
from scfn_desktop.ui.widgets.search_field import search_field
from scfn_desktop.ui.workers import dispose_when_closed

STATUS_COLOURS = {"valid": STATE_COLOURS["certified"], "expired": "#fff1d6",
                  "revoked": STATE_COLOURS["revoked"]}


class RegisterPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[RegisterRow] = []
        self.dialog: QWidget | None = None
        self.awaiting = read_only_table("awaitingTable", [
            self.tr("Trainee number"), self.tr("Name"), self.tr("Organisation"),
            self.tr("Decided on")])
        self.awaiting.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.awaiting.setMaximumHeight(150)
        self.none_waiting = QLabel(self.tr("Nobody awaits the agency's certification."))
        self.none_waiting.setObjectName("noneAwaiting")
        self.certify_button = QPushButton(self.tr("Record certification…"))
        self.certify_button.setObjectName("certifyButton")
        self.certify_button.clicked.connect(self.open_certify)
        self.certify_button.setVisible(ctx.actor.can(Permission.RECORD_CERTIFICATION))
        self.status = QComboBox()
        self.status.setObjectName("registerStatus")
        self.status.addItem(self.tr("All statuses"), None)
        for key in CERTIFICATE_STATUSES:
            self.status.addItem(ctx.pick(*CERTIFICATE_STATUSES[key]), key)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.sort = QComboBox()
        self.sort.setObjectName("registerSort")
        for key, label in zip(SORT_KEYS, (self.tr("by number"), self.tr("by name"),
                                          self.tr("by organisation"),
                                          self.tr("by certification date"),
                                          self.tr("by validity")), strict=True):
            self.sort.addItem(label, key)
        self.sort.currentIndexChanged.connect(lambda _i: self.reload())
        self.search = search_field("registerSearch",
                                   self.tr("Number, name, kana or organisation"), self.reload)
        self.table = read_only_table("registerTable", [
            self.tr("Certificate number"), self.tr("Trainee number"), self.tr("Name"),
            self.tr("Organisation"), self.tr("Prefecture"), self.tr("Certified on"),
            self.tr("Valid until"), self.tr("Status")])
        self.count = QLabel()
        self.count.setObjectName("registerCount")
        self.revoke_button = QPushButton(self.tr("Record revocation…"))
        self.revoke_button.setObjectName("revokeButton")
        self.revoke_button.clicked.connect(self.open_revoke)
        self.revoke_button.setVisible(ctx.actor.can(Permission.RECORD_CERTIFICATION))
        export = QPushButton(self.tr("Export"))
        export.setObjectName("registerExport")
        menu = QMenu(export)
        for fmt in ("xlsx", "pdf", "csv", "json"):
            menu.addAction(self.tr("Register (%1)…").replace("%1", fmt.upper()),
                           lambda f=fmt: self.export("register", f))
        menu.addSeparator()
        for fmt in ("xlsx", "csv", "json"):
            menu.addAction(self.tr("Public list of organisations (%1)…").replace(
                "%1", fmt.upper()), lambda f=fmt: self.export("organisations", f))
        export.setMenu(menu)

        box = QGroupBox(self.tr("Awaiting the agency's certification"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.awaiting)
        row = QHBoxLayout()
        row.addWidget(self.none_waiting)
        row.addStretch(1)
        row.addWidget(self.certify_button)
        box_layout.addLayout(row)
        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.sort)
        filters.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.revoke_button)
        bottom.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(QLabel(self.tr("Register of certified persons")))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.reload()

    def _date(self, d: date) -> str:
        return format_date_ja(d) if self.ctx.language == "ja" else format_date_en(d)

    def reload(self) -> None:
        self.pending = certification.awaiting_certification(self.ctx.db)
        self.awaiting.setRowCount(0)
        for r in self.pending:
            row = self.awaiting.rowCount()
            self.awaiting.insertRow(row)
            for col, v in enumerate((r.trainee_number, r.name, r.organisation,
                                     self._date(r.decided_on))):
                self.awaiting.setItem(row, col, QTableWidgetItem(v))
        self.awaiting.resizeColumnsToContents()
        self.awaiting.setVisible(bool(self.pending))
        self.none_waiting.setVisible(not self.pending)
        self.certify_button.setEnabled(bool(self.pending))
        self.rows = register_rows(self.ctx.db, status=self.status.currentData(),
                                  query=self.search.text(), sort=self.sort.currentData())
        self.table.setRowCount(0)
        for r in self.rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            status = self.ctx.pick(*CERTIFICATE_STATUSES[r.status])
            for col, v in enumerate((r.certificate_number, r.trainee_number, r.name,
                                     r.organisation, r.prefecture, self._date(r.certified_on),
                                     self._date(r.valid_until), status)):
                item = QTableWidgetItem(v)
                item.setBackground(QColor(STATUS_COLOURS[r.status]))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 certificates shown").replace("%1", str(len(self.rows))))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        self.reload()
        super().showEvent(event)

    def selected_awaiting(self) -> list[int]:
        rows = sorted({i.row() for i in self.awaiting.selectedIndexes()})
        return [self.pending[r].trainee_id for r in rows] or [p.trainee_id for p in self.pending]

    def open_certify(self) -> CertifyDialog | None:
        ids = self.selected_awaiting()
        if not ids:
            return None
        who = [f"{p.trainee_number} {p.name}" for p in self.pending if p.trainee_id in ids]
        dialog = CertifyDialog(who, lambda on, ref: certification.record_certification(
            self.ctx.db, self.ctx.actor, ids, on, ref), self.ctx.language, self)
        return self._open(dialog)

    def open_revoke(self) -> RevokeDialog | None:
        row = self.table.currentRow()
        if row < 0:
            return None
        r = self.rows[row]
        dialog = RevokeDialog(r.certificate_number, r.name, lambda on, reason:
                              certification.revoke_certificate(self.ctx.db, self.ctx.actor,
                                                               r.certificate_number, on, reason),
                              self.ctx.language, self)
        return self._open(dialog)

    def _open(self, dialog):  # type: ignore[no-untyped-def]
        dispose_when_closed(dialog)
        dialog.accepted.connect(self.reload)
        self.dialog = dialog
        dialog.open()
        return dialog

    def export(self, what: str, fmt: str, path: Path | None = None) -> Path | None:
        if path is None:
            name = f"{'register' if what == 'register' else 'organisations'}.{fmt}"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), name,
                                                    f"{fmt.upper()} (*.{fmt})")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            if what == "register":
                result = export_register(self.ctx.db, self.ctx.actor, fmt,
                                         status=self.status.currentData(),
                                         query=self.search.text(),
                                         sort=self.sort.currentData())
            else:
                result = export_organisations(self.ctx.db, self.ctx.actor, fmt)
            write_file(path, result.data)
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return None
        show_info(self, self.tr("Export"), self.tr("Saved %1").replace("%1", str(path)))
        return path


def _title() -> str:
    return QCoreApplication.translate("RegisterPage", "Register of certified persons")


PAGE_SPEC = PageSpec(key="register", title=_title, permission=Permission.EXPORT_REGISTER,
                     factory=RegisterPage, order=65, icon="register.svg")
