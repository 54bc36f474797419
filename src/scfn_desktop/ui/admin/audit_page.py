"""The audit log page (操作記録（監査ログ）, committee and administrators): browse the log a
page at a time with filters, read one entry's before/after, run the tamper check, export CSV.

Everything comes from `services.admin.audit_view` (permission-checked there). The tamper check walks
the whole chain, so it runs on the worker adapter behind a progress dialog; its result stays
on the page as a coloured banner, and a broken entry can be opened with one click.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.admin import audit_reading, audit_view, integrity
from scfn_desktop.services.admin.audit_labels import action_label
from scfn_desktop.services.admin.audit_reading import ReadableField
from scfn_desktop.services.admin.audit_view import AuditExport, AuditRow
from scfn_desktop.services.admin.integrity import IntegrityReport
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.admin.audit_detail import AuditDetail
from scfn_desktop.ui.admin.audit_table import AuditTableModel
from scfn_desktop.ui.admin.verify_banner import VerifyBanner
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.resources import icon
from scfn_desktop.ui.widgets.page_header import page_header
from scfn_desktop.ui.workers import ProgressTask, run_with_progress

PAGE_SIZE = 100


def _local_midnight(day: QDate) -> datetime:
    """Start of a day on this PC's clock (aware, so the service converts it to UTC)."""
    return datetime.combine(date(day.year(), day.month(), day.day()), time()).astimezone()


class AuditLogPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.offset = 0
        self.total = 0
        self.last_task: ProgressTask | None = None
        self.last_report: IntegrityReport | None = None
        self.last_box: QMessageBox | None = None
        self._shown_before = False

        self.verify_button = QPushButton(self.tr("Tamper check"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setToolTip(self.tr(
            "Recompute every entry's hash chain, compare the log with its signed checkpoint "
            "and the data with the log, to detect rows edited, deleted or inserted behind the "
            "application's back."))
        self.verify_button.clicked.connect(self.run_verification)
        self.export_button = QPushButton(icon("export.svg"), self.tr("Export CSV…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_data)
        self.banner = VerifyBanner()
        self.banner.showEntryRequested.connect(lambda entry_id, seq: self.show_entry(entry_id,
                                                                                     seq))
        self.banner.detailsRequested.connect(self.show_verify_details)

        self.action_combo = self._combo("actionFilter", 14)
        self.actor_combo = self._combo("actorFilter", 10)
        self.period_check = QCheckBox(self.tr("Period"))
        self.period_check.setObjectName("periodFilter")
        today = QDate.currentDate()
        self.since_edit = self._date_edit("sinceDate", today.addDays(-30))
        self.until_edit = self._date_edit("untilDate", today)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear_filters)
        for combo in (self.action_combo, self.actor_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.period_check.toggled.connect(self._period_toggled)
        self.since_edit.dateChanged.connect(self._filters_changed)
        self.until_edit.dateChanged.connect(self._filters_changed)

        self.model = AuditTableModel(ctx.language, self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = AuditDetail(ctx.language, describe=self.describe)
        self.detail.setObjectName("auditDetail")

        self.prev_button = QPushButton(self.tr("◀ Newer"))
        self.prev_button.setObjectName("prevPage")
        self.prev_button.clicked.connect(lambda: self.go_to(self.offset - PAGE_SIZE))
        self.next_button = QPushButton(self.tr("Older ▶"))
        self.next_button.setObjectName("nextPage")
        self.next_button.clicked.connect(lambda: self.go_to(self.offset + PAGE_SIZE))
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")

        self._build_layout()
        self.since_edit.setEnabled(False)
        self.until_edit.setEnabled(False)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Coming back to the page shows what was recorded meanwhile (pages are built once)."""
        super().showEvent(event)
        if not event.spontaneous() and self._shown_before:
            self.reload()
        self._shown_before = True

    def _combo(self, name: str, width: int) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(width)
        return combo

    @staticmethod
    def _date_edit(name: str, day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy/MM/dd")
        return edit

    def _build_layout(self) -> None:
        top = page_header(self.tr("Audit log"), self.verify_button, self.export_button)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Action")))
        filters.addWidget(self.action_combo, 2)
        filters.addWidget(QLabel(self.tr("User")))
        filters.addWidget(self.actor_combo, 1)
        filters.addWidget(self.period_check)
        filters.addWidget(self.since_edit)
        filters.addWidget(QLabel("〜"))
        filters.addWidget(self.until_edit)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])

        pager = QHBoxLayout()
        pager.addWidget(self.prev_button)
        pager.addWidget(self.page_label)
        pager.addWidget(self.next_button)
        pager.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(pager)

    # filters -----------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The current filter as the service's keyword arguments (`until` is exclusive)."""
        period = self.period_check.isChecked()
        return {
            "action": self.action_combo.currentData(),
            "actor_name": self.actor_combo.currentData(),
            "since": _local_midnight(self.since_edit.date()) if period else None,
            "until": (_local_midnight(self.until_edit.date()) + timedelta(days=1)
                      if period else None),
        }

    def _fill(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def reload(self) -> None:
        """Refresh the filter choices (new actions and users appear) and the current page."""
        try:
            actions = audit_view.list_actions(self.ctx.db, self.ctx.actor)
            actors = audit_view.list_actor_names(self.ctx.db, self.ctx.actor)
        except ServiceError as exc:
            self.last_box = show_error(self, exc, self.ctx.language)
            return
        labelled = sorted(((action_label(a, self.ctx.language), a) for a in actions),
                          key=lambda pair: (pair[0] == pair[1], pair[0]))
        self._fill(self.action_combo, self.tr("All actions"), labelled)
        self._fill(self.actor_combo, self.tr("All users"), [(a, a) for a in actors])
        self.refresh()

    def _filters_changed(self) -> None:
        self.offset = 0
        self.refresh()

    def _period_toggled(self, on: bool) -> None:
        self.since_edit.setEnabled(on)
        self.until_edit.setEnabled(on)
        self._filters_changed()

    def clear_filters(self) -> None:
        for widget in (self.action_combo, self.actor_combo, self.period_check):
            widget.blockSignals(True)
        self.action_combo.setCurrentIndex(0)
        self.actor_combo.setCurrentIndex(0)
        self.period_check.setChecked(False)
        for widget in (self.action_combo, self.actor_combo, self.period_check):
            widget.blockSignals(False)
        self._period_toggled(False)

    # paging ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Fetch the page at `offset` with the current filters."""
        f = self.filters()
        try:
            self.total = audit_view.count_entries(self.ctx.db, self.ctx.actor, **f)
            if self.offset >= self.total:
                self.offset = max(0, (self.total - 1) // PAGE_SIZE * PAGE_SIZE)
            rows = audit_view.list_entries(self.ctx.db, self.ctx.actor, **f, limit=PAGE_SIZE,
                                           offset=self.offset)
        except ServiceError as exc:
            self.last_box = show_error(self, exc, self.ctx.language)
            return
        self.model.set_rows(rows)
        self.model.set_targets(audit_reading.describe_targets(self.ctx.db, self.ctx.actor, rows,
                                                              self.ctx.language))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail.show_row(None)
        self.prev_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + PAGE_SIZE < self.total)
        if self.total:
            text = self.tr("Entries %1–%2 of %3").replace("%1", f"{self.offset + 1:,}").replace(
                "%2", f"{self.offset + len(rows):,}").replace("%3", f"{self.total:,}")
        else:
            text = self.tr("No entries match the filters.")
        self.page_label.setText(text)

    def describe(self, row: AuditRow) -> tuple[str, list[ReadableField]]:
        """The entry as a reader knows it: who and what by 受講番号, name, run, page."""
        language = self.ctx.language
        target = audit_reading.describe_targets(self.ctx.db, self.ctx.actor, [row],
                                                language)[row.id]
        return target, audit_reading.readable_fields(self.ctx.db, self.ctx.actor, row,
                                                     language)

    def go_to(self, offset: int) -> None:
        self.offset = max(0, offset)
        self.refresh()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.detail.show_row(self.model.row_at(indexes[0].row()) if indexes else None)

    def select_entry(self, entry_id: int) -> bool:
        row = self.model.row_of_id(entry_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_entry(self, entry_id: int, seq: int) -> None:
        """Open the page (without filters) holding entry `seq` and select it."""
        self.clear_filters()
        position = audit_view.position_of(self.ctx.db, self.ctx.actor, seq)
        self.go_to(position // PAGE_SIZE * PAGE_SIZE)
        self.select_entry(entry_id)

    # verification ------------------------------------------------------------------------

    def run_verification(self) -> ProgressTask:
        db, actor = self.ctx.db, self.ctx.actor
        self.verify_button.setEnabled(False)
        self.banner.show_running()
        self.last_task = run_with_progress(
            self, self.tr("Tamper check"), lambda: integrity.verify_all_steps(db, actor),
            on_done=self._verified, on_error=self._verify_failed, on_cancel=self._verify_ended,
            pick=self.ctx.pick)
        return self.last_task

    def _verified(self, report: IntegrityReport) -> None:
        self.last_report = report
        self.banner.show_integrity(report, self.ctx.language)
        self.model.set_broken(None if report.chain.ok else report.chain.broken_id)
        self.verify_button.setEnabled(True)

    def show_verify_details(self) -> QMessageBox | None:
        """Every line of the last tamper check, in a box whose text can be copied."""
        if self.last_report is None:
            return None
        self.last_box = show_info(self, self.tr("Tamper check"),
                                  "\n".join(self.last_report.lines(self.ctx.language)))
        return self.last_box

    def _verify_failed(self, exc: BaseException) -> None:
        self._verify_ended()
        self.last_box = show_error(self, exc, self.ctx.language, self.tr("Tamper check"))

    def _verify_ended(self) -> None:
        self.banner.hide()
        self.verify_button.setEnabled(True)

    # export ------------------------------------------------------------------------------

    def can_export(self) -> bool:
        return self.ctx.actor.can(Permission.VERIFY_AUDIT)

    def export_data(self) -> None:
        stem = self.tr("audit_log")  # the suggested file name, in the UI language
        suggested = f"{stem}_{date.today():%Y%m%d}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), suggested,
                                              self.tr("CSV (*.csv)"))
        if path:
            target = Path(path)
            self.export_to(target if target.suffix.lower() == ".csv"
                           else target.with_suffix(".csv"))

    def export_to(self, path: Path) -> AuditExport | None:
        """Export the entries matching the current filters (all pages, oldest first)."""
        try:
            result = audit_view.export_csv(self.ctx.db, self.ctx.actor, path, **self.filters())
        except ServiceError as exc:
            self.last_box = show_error(self, exc, self.ctx.language,
                                       self.tr("Export the audit log"))
            return None
        self.last_box = show_info(self, self.tr("Export the audit log"), self.tr(
            "%1 entries were exported to:\n%2").replace("%1", f"{result.count:,}")
            .replace("%2", str(path)))
        self.reload()  # the export itself is now an entry
        return result


def _title() -> str:
    return QCoreApplication.translate("AuditLogPage", "Audit log")


PAGE_SPEC = PageSpec(key="audit", title=_title, permission=Permission.VERIFY_AUDIT,
                     factory=AuditLogPage, order=910, icon="audit.svg")
