"""The cards page (認定証): every card with its status (filters: valid, expiring within N months,
expired, revoked, superseded, not issued yet; search), and what is done with them — issue the
cards not issued yet (batch, with progress), print, 再交付, 更新, 取消, the holder's photo, the
renewal reminders, Open Badges, and the keys and verifier files. Buttons follow the role:
venue staff print, the secretariat issues and revokes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.rules.dates import format_date_en, format_date_ja
from scfn_desktop.services.certificates import cards, issuer_keys, photos, publishing, status
from scfn_desktop.services.certificates.status import CardRow
from scfn_desktop.services.exports import write_file
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.cards.card_dialogs import ReissueDialog, RenewDialog, RevokeCardDialog
from scfn_desktop.ui.cards.issuer_key import IssuerKeyHolder
from scfn_desktop.ui.cards.keys_dialog import KeysDialog
from scfn_desktop.ui.cards.print_dialog import PrintCardsDialog
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.widgets.page_header import page_header
from scfn_desktop.ui.widgets.read_only_table import read_only_table
from scfn_desktop.ui.widgets.search_field import search_field
from scfn_desktop.ui.workers import ProgressTask, dispose_when_closed, run_with_progress

ROW_COLOURS = {"valid": "#e3f4e3", "expired": "#fff1d6", "revoked": "#fbe0e0",
               "superseded": "#eeeeee", "not_issued": "#ffffff"}
EXPIRING_COLOUR = "#fff8c4"


class CardsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[CardRow] = []
        self.holder = IssuerKeyHolder(ctx)
        self.dialog: QWidget | None = None
        self.task: ProgressTask | None = None
        can = ctx.actor.can
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("cardsFingerprint")
        keys = QPushButton(self.tr("Keys and verifier files…"))
        keys.setObjectName("cardsKeys")
        keys.clicked.connect(self.open_keys)
        self.status = QComboBox()
        self.status.setObjectName("cardsStatus")
        self.status.addItem(self.tr("All cards"), None)
        for key, label in (("valid", self.tr("Valid")),
                           ("expiring", self.tr("Expiring within")),
                           ("expired", self.tr("Expired")), ("revoked", self.tr("Revoked")),
                           ("superseded", self.tr("Superseded (reissued)")),
                           ("not_issued", self.tr("Not issued yet"))):
            self.status.addItem(label, key)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.months = QSpinBox()
        self.months.setObjectName("cardsMonths")
        self.months.setRange(1, 36)
        self.months.setValue(status.DEFAULT_MONTHS)
        self.months.setSuffix(self.tr(" months"))
        self.months.valueChanged.connect(lambda _v: self.reload())
        self.search = search_field("cardsSearch", self.tr("Number, name or organisation"),
                                   self.reload)
        self.count = QLabel()
        self.count.setObjectName("cardsCount")
        self.table = read_only_table("cardsTable", [
            self.tr("Certificate number"), self.tr("Rev."), self.tr("Trainee number"),
            self.tr("Name"), self.tr("Valid until"), self.tr("Status"), self.tr("Photo"),
            self.tr("Issued"), self.tr("Note")])
        self.table.itemSelectionChanged.connect(self._enable)
        self.buttons: dict[str, QPushButton] = {}
        self._button("issue", self.tr("Issue cards not issued yet…"), self.issue_all,
                     can(Permission.ISSUE_CARDS))
        self._button("print", self.tr("Print…"), self.open_print, can(Permission.PRINT_CARDS))
        self._button("reissue", self.tr("Reissue…"), self.open_reissue,
                     can(Permission.ISSUE_CARDS))
        self._button("renew", self.tr("Renew…"), self.open_renew, can(Permission.ISSUE_CARDS))
        self._button("revoke", self.tr("Revoke…"), self.open_revoke,
                     can(Permission.RECORD_CERTIFICATION))
        photo = self._button("photo", self.tr("Photo"), None, can(Permission.PRINT_CARDS))
        menu = QMenu(photo)
        menu.addAction(self.tr("Import a photo…"), lambda: self.import_photo())
        menu.addAction(self.tr("Remove the photo"), self.remove_photo)
        photo.setMenu(menu)
        export = self._button("export", self.tr("Export"), None, can(Permission.ISSUE_CARDS))
        menu = QMenu(export)
        menu.addAction(self.tr("Renewal reminders (Excel)…"), lambda: self.export_reminders())
        menu.addAction(self.tr("Open Badges (one file per person)…"),
                       lambda: self.export_badges())
        export.setMenu(menu)
        self._build(keys)
        self.reload()

    def _button(self, name: str, text: str, slot, allowed: bool) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setObjectName(f"cards_{name}")
        if slot is not None:
            button.clicked.connect(lambda: slot())
        button.setVisible(allowed)
        self.buttons[name] = button
        return button

    def _build(self, keys: QPushButton) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.months)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)
        actions = QHBoxLayout()
        for name in ("issue", "print", "reissue", "renew", "revoke", "photo"):
            actions.addWidget(self.buttons[name])
        actions.addStretch(1)
        actions.addWidget(self.buttons["export"])
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(self.tr("Certificate cards"), self.fingerprint, keys))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    # the list ------------------------------------------------------------------------------

    def _date(self, d) -> str:  # type: ignore[no-untyped-def]
        return format_date_ja(d) if self.ctx.language == "ja" else format_date_en(d)

    def reload(self) -> None:
        current = issuer_keys.current_key(self.ctx.db)
        self.fingerprint.setText(self.tr("Issuer key %1").replace("%1", current.fingerprint)
                                 if current else self.tr("No issuer key yet"))
        self.months.setEnabled(self.status.currentData() == "expiring")
        self.rows = status.card_rows(self.ctx.db, status=self.status.currentData(),
                                     months=self.months.value(), query=self.search.text())
        self.table.setRowCount(0)
        for r in self.rows:
            label = self.ctx.pick(*status.STATUSES[r.status])
            if r.expiring:
                label += self.tr(" (expiring)")
            note = r.withdrawal_reason or (
                r.reason if r.kind == "issue" else
                f"{self.ctx.pick(*cards.KIND_LABELS[r.kind])}: {r.reason}" if r.kind else "")
            values = (r.number, str(r.revision) if r.revision else "—", r.trainee_number,
                      r.name, self._date(r.valid_until), label,
                      self.tr("yes") if r.has_photo else "",
                      self._date(r.issued_at.date()) if r.issued_at else "", note)
            row = self.table.rowCount()
            self.table.insertRow(row)
            colour = QColor(EXPIRING_COLOUR if r.expiring else ROW_COLOURS[r.status])
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setBackground(colour)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 shown").replace("%1", str(len(self.rows))))
        self._enable()

    def selected(self) -> CardRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() \
            else None

    def select_number(self, number: str, revision: int | None = None) -> None:
        for i, r in enumerate(self.rows):
            if r.number == number and (revision is None or r.revision == revision):
                self.table.selectRow(i)
                return

    def _enable(self) -> None:
        row = self.selected()
        issued = row is not None and row.revision > 0 and row.status != "revoked"
        self.buttons["reissue"].setEnabled(issued)
        self.buttons["renew"].setEnabled(row is not None and row.status != "revoked")
        self.buttons["revoke"].setEnabled(row is not None and row.status != "revoked")
        self.buttons["photo"].setEnabled(row is not None)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        self.reload()
        super().showEvent(event)

    # actions -------------------------------------------------------------------------------

    def _open(self, dialog):  # type: ignore[no-untyped-def]
        dispose_when_closed(dialog)
        dialog.accepted.connect(self.reload)
        self.dialog = dialog
        dialog.open()
        return dialog

    def issue_all(self) -> None:
        self.holder.with_key(self, self._issue)

    def _issue(self, key) -> ProgressTask:  # type: ignore[no-untyped-def]
        db, actor = self.ctx.db, self.ctx.actor
        self.task = run_with_progress(
            self, self.tr("Issuing cards"), lambda: cards.issue_cards(db, actor, key),
            on_done=self._issued, on_error=lambda exc: show_error(self, exc, self.ctx.language),
            pick=self.ctx.pick)
        return self.task

    def _issued(self, result: cards.IssueResult) -> None:
        self.reload()
        text = self.tr("Issued %1 cards.").replace("%1", str(len(result.issued)))
        if result.skipped:
            text += "\n" + self.tr("Not issued:") + "\n" + "\n".join(
                f"{n}: {self.ctx.pick(ja, en)}" for n, ja, en in result.skipped)
        if result.issued:
            text += "\n" + self.tr("Print them with Print….")
        show_info(self, self.tr("Issue cards"), text)

    def open_print(self) -> PrintCardsDialog:
        chosen = sorted({self.rows[i.row()].number for i in self.table.selectedIndexes()
                         if self.rows[i.row()].current
                         and self.rows[i.row()].status in ("valid", "expired")})
        printable = [r for r in self.rows if r.current and r.revision and r.status != "revoked"]
        numbers = chosen or sorted({r.number for r in printable}) or None
        return self._open(PrintCardsDialog(self.ctx, numbers, len(numbers or []), self))

    def open_reissue(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            kanji, romaji = cards.names_to_print(self.ctx.db, row.number)
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return
        printed = " / ".join(n for n in (kanji, romaji) if n)
        self.holder.with_key(self, lambda key: self._open(
            ReissueDialog(self.ctx, row, key, printed, self)))

    def open_renew(self) -> None:
        row = self.selected()
        if row is not None:
            self.holder.with_key(self, lambda key: self._open(RenewDialog(self.ctx, row, key,
                                                                          self)))

    def open_revoke(self) -> RevokeCardDialog | None:
        row = self.selected()
        return self._open(RevokeCardDialog(self.ctx, row, self)) if row else None

    def open_keys(self) -> KeysDialog:
        dialog = self._open(KeysDialog(self.ctx, self.holder, self))
        dialog.finished.connect(lambda _r: self.reload())
        return dialog

    def import_photo(self, path: Path | None = None) -> bool:
        row = self.selected()
        if row is None:
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import a photo"), "", self.tr("Images (*.jpg *.jpeg *.png)"))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            photos.import_photo(self.ctx.db, self.ctx.actor, row.number,
                                photos.read_photo_file(path))
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return False
        self.reload()
        self.select_number(row.number, row.revision)
        return True

    def remove_photo(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            photos.remove_photo(self.ctx.db, self.ctx.actor, row.number)
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
        self.reload()

    def export_reminders(self, path: Path | None = None) -> Path | None:
        months = self.months.value()
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Renewal reminders"), "認定証_更新のお知らせ.xlsx",
                "Excel (*.xlsx);;CSV (*.csv)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            data, count = status.export_reminders(self.ctx.db, self.ctx.actor,
                                                  path.suffix.lower().lstrip("."),
                                                  months=months)
            write_file(path, data)
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return None
        show_info(self, self.tr("Renewal reminders"), self.tr(
            "%1 certificates expire within %2 months: saved %3").replace("%1", str(count))
            .replace("%2", str(months)).replace("%3", str(path)))
        return path

    def export_badges(self, folder: Path | None = None) -> None:
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Open Badges: choose a "
                                                                    "folder"))
            if not chosen:
                return
            folder = Path(chosen)
        self.holder.with_key(self, lambda key: self._badges(key, folder))

    def _badges(self, key, folder: Path) -> ProgressTask:  # type: ignore[no-untyped-def]
        db, actor = self.ctx.db, self.ctx.actor
        self.task = run_with_progress(
            self, self.tr("Open Badges"),
            lambda: publishing.export_open_badges(db, actor, key, folder),
            on_done=lambda result: show_info(self, self.tr("Open Badges"), self.tr(
                "Wrote %1 Open Badges (VC-JWT) to %2.").replace(
                "%1", str(len(result.written))).replace("%2", str(folder))),
            on_error=lambda exc: show_error(self, exc, self.ctx.language), pick=self.ctx.pick)
        return self.task


def _title() -> str:
    return QCoreApplication.translate("CardsPage", "Certificate cards")


PAGE_SPEC = PageSpec(key="cards", title=_title, permission=Permission.PRINT_CARDS,
                     factory=CardsPage, order=66, icon="cards.svg")
