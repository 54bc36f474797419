"""The training runs page (養成研修): every run with its venue days, trainees and state; the
administrator creates, edits, reschedules, closes and reopens runs (MANAGE_RUNS); venue staff
and the committee see them (VIEW_RUNS).

Three separate actions on the right, each its own service call: the run's settings
(`update_run`), the venue days (`set_venue_days`, the widget check-in builds on) and closing
(`close_run`: finished, kept for history, no longer offered for imports and new exams).
Refusals are shown in place under the form, never lost in a closed dialog. Once check-ins
have begun, a new start time or lateness threshold re-judges nobody silently: the page asks
first and lists whose verdict would change (services.attendance.rejudge).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.attendance.rejudge import schedule_change_impact
from scfn_desktop.services.permissions import Permission
from scfn_desktop.services.runs import editing
from scfn_desktop.services.runs.training_runs import RunRow, create_run, list_runs
from scfn_desktop.services.runs.validation import DaySpec
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.formatting import local_date_time
from scfn_desktop.ui.messages import problem_text
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.resources import icon
from scfn_desktop.ui.runs.new_run_dialog import NewRunDialog
from scfn_desktop.ui.runs.run_form import RunSettings, RunSettingsForm, settings_of
from scfn_desktop.ui.runs.venue_days import VenueDaysEditor
from scfn_desktop.ui.runs.verdict_changes import VerdictChangesDialog
from scfn_desktop.ui.widgets.account_form import ERROR_STYLE
from scfn_desktop.ui.widgets.page_header import page_header
from scfn_desktop.ui.workers import dispose_when_closed

CLOSED_COLOUR = QColor("#eeeeee")
OK_STYLE = "color: #1b5e20;"


class RunsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_manage = ctx.actor.can(Permission.MANAGE_RUNS)
        self.runs: list[RunRow] = []
        self.dialog: NewRunDialog | None = None
        self.confirm: VerdictChangesDialog | None = None

        self.show_closed = QCheckBox(self.tr("Show closed runs"))
        self.show_closed.setObjectName("showClosedRuns")
        self.show_closed.toggled.connect(lambda _on: self.reload())
        self.new_button = QPushButton(icon("runs.svg"), self.tr("New training run…"))
        self.new_button.setObjectName("newRunButton")
        self.new_button.setVisible(self.can_manage)
        self.new_button.clicked.connect(self.open_new_dialog)
        self.empty = QLabel()
        self.empty.setObjectName("noRunsLabel")
        self.empty.setWordWrap(True)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("runsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Training run"), self.tr("Venue"), self.tr("Venue days"),
            self.tr("Trainees"), self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_selected)

        self.heading = QLabel()
        self.heading.setObjectName("runHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.form = RunSettingsForm()
        self.form.set_read_only(not self.can_manage)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveRunButton")
        self.save_button.clicked.connect(self.save_settings)
        self.days = VenueDaysEditor()
        self.days.set_read_only(not self.can_manage)
        self.save_days_button = QPushButton(self.tr("Save the venue days"))
        self.save_days_button.setObjectName("saveDaysButton")
        self.save_days_button.clicked.connect(self.save_days)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeRunButton")
        self.close_button.clicked.connect(self.toggle_closed)
        self.state_label = QLabel()
        self.state_label.setObjectName("runStateLabel")
        self.state_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("runMessage")
        self.message.setWordWrap(True)
        for b in (self.save_button, self.save_days_button, self.close_button):
            b.setVisible(self.can_manage)
        self._build_layout()
        self.reload()

    def _build_layout(self) -> None:
        top = page_header(self.tr("Training runs"), self.show_closed, self.new_button)

        settings_box = QGroupBox(self.tr("Training run"))
        sv = QVBoxLayout(settings_box)
        sv.addWidget(self.form)
        sv.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        days_box = QGroupBox(self.tr("Venue session days"))
        dv = QVBoxLayout(days_box)
        dv.addWidget(self.days)
        dv.addWidget(self.save_days_button, 0, Qt.AlignmentFlag.AlignRight)
        close_row = QHBoxLayout()
        close_row.addWidget(self.state_label, 1)
        close_row.addWidget(self.close_button)
        self.detail = QWidget()
        right = QVBoxLayout(self.detail)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.heading)
        right.addWidget(settings_box)
        right.addWidget(days_box)
        right.addLayout(close_row)
        right.addWidget(self.message)
        right.addStretch(1)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.empty)
        lv.addWidget(self.table, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    # data --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Trainees imported since the last visit change the counts."""
        self.reload(self.current_run_id())
        super().showEvent(event)

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_run_id()
        self.runs = list_runs(self.ctx.db, include_closed=self.show_closed.isChecked())
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.runs))
        for row, run in enumerate(self.runs):
            values = (run.label, run.venue, days_text(run),
                      self.tr("%1 / %2").replace("%1", str(run.trainee_count))
                      .replace("%2", str(run.capacity)),
                      self.tr("Closed") if run.closed else self.tr("Open"))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, run.id)
                if run.closed:
                    item.setBackground(CLOSED_COLOUR)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.blockSignals(False)
        self._show_empty_hint()
        ids = [r.id for r in self.runs]
        self.table.selectRow(ids.index(keep) if keep in ids else 0)
        self._show_selected()

    def _show_empty_hint(self) -> None:
        if self.runs:
            self.empty.hide()
            return
        if self.show_closed.isChecked() or not list_runs(self.ctx.db):
            text = (self.tr("No training run yet. Create the first one with “New training "
                            "run…”: the roster import and the exam need it.")
                    if self.can_manage else
                    self.tr("No training run yet. An administrator creates it on this page."))
        else:
            text = self.tr("Every training run is closed. Tick “Show closed runs” to see them.")
        self.empty.setText(text)
        self.empty.show()

    def current_run_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def current_run(self) -> RunRow | None:
        run_id = self.current_run_id()
        return next((r for r in self.runs if r.id == run_id), None)

    def _show_selected(self) -> None:
        run = self.current_run()
        self.detail.setEnabled(run is not None)
        self.message.clear()
        if run is None:
            self.heading.setText(self.tr("No training run selected"))
            self.state_label.clear()
            self.close_button.hide()
            return
        self.heading.setText(run.label)
        self.form.set_settings(settings_of(run))
        self.days.set_days(run.day_specs())
        closed = run.closed
        if closed:
            self.state_label.setText(self.tr("Closed on %1 by %2: kept for the records, no "
                                             "longer offered for imports and new exams.")
                                     .replace("%1", local_date_time(run.closed_at))
                                     .replace("%2", run.closed_by or "—"))
        else:
            self.state_label.setText(self.tr("Open: offered for roster imports and new exams."))
        self.close_button.setText(self.tr("Reopen this run") if closed
                                  else self.tr("Close this run (finished)"))
        self.close_button.setVisible(self.can_manage)
        for b in (self.save_button, self.save_days_button):
            b.setEnabled(self.can_manage)

    # actions -----------------------------------------------------------------------------

    def _done(self, row: RunRow, text: str) -> RunRow:
        self.reload(row.id)
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(text)
        return row

    def _refused(self, exc: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(problem_text(exc, self.ctx.language))

    def _confirmed(self, run: RunRow, days: list[DaySpec], threshold: int,
                   apply: Callable[[], RunRow | None]) -> RunRow | None:
        """Apply now, or (when check-in verdicts would change) after the user agreed."""
        try:
            impact = schedule_change_impact(self.ctx.db, run.id, days, threshold)
        except Exception as exc:
            self._refused(exc)
            return None
        if not impact.needs_confirmation:
            return apply()
        self.confirm = VerdictChangesDialog(impact.changes, self.ctx.pick, self)
        dispose_when_closed(self.confirm)
        self.confirm.accepted.connect(apply)
        self.confirm.open()
        return None

    def save_settings(self) -> RunRow | None:
        run = self.current_run()
        if run is None:
            return None
        s = self.form.settings()
        if s.lateness_threshold_minutes != run.lateness_threshold_minutes:
            return self._confirmed(run, run.day_specs(), s.lateness_threshold_minutes,
                                   lambda: self._apply_settings(run, s))
        return self._apply_settings(run, s)

    def _apply_settings(self, run: RunRow, s: RunSettings) -> RunRow | None:
        try:
            row = editing.update_run(self.ctx.db, self.ctx.actor, run.id, s.fiscal_year, s.term,
                                     s.venue, s.capacity, s.lateness_threshold_minutes)
        except Exception as exc:  # the service's refusal, shown under the form
            self._refused(exc)
            return None
        return self._done(row, self.tr("Saved."))

    def save_days(self) -> RunRow | None:
        run = self.current_run()
        if run is None:
            return None
        days = self.days.days()
        return self._confirmed(run, days, run.lateness_threshold_minutes,
                               lambda: self._apply_days(run, days))

    def _apply_days(self, run: RunRow, days: list[DaySpec]) -> RunRow | None:
        try:
            row = editing.set_venue_days(self.ctx.db, self.ctx.actor, run.id, days)
        except Exception as exc:
            self._refused(exc)
            return None
        return self._done(row, self.tr("The venue days are saved."))

    def toggle_closed(self) -> RunRow | None:
        run = self.current_run()
        if run is None:
            return None
        try:
            row = editing.close_run(self.ctx.db, self.ctx.actor, run.id, closed=not run.closed)
        except Exception as exc:
            self._refused(exc)
            return None
        if row.closed and not self.show_closed.isChecked():
            self.show_closed.setChecked(True)  # keep the run just closed in view
        text = (self.tr("%1 is closed. Reopen it here if it is needed again.") if row.closed
                else self.tr("%1 is open again.")).replace("%1", row.label)
        return self._done(row, text)

    def open_new_dialog(self) -> NewRunDialog:
        self.dialog = NewRunDialog(list_runs(self.ctx.db), self.create, self.ctx.language, self)
        dispose_when_closed(self.dialog)
        self.dialog.accepted.connect(self._created)
        self.dialog.open()
        return self.dialog

    def create(self, s: RunSettings, days: list[DaySpec]) -> RunRow:
        return create_run(self.ctx.db, self.ctx.actor, s.fiscal_year, s.term, s.venue, days,
                          s.capacity, s.lateness_threshold_minutes)

    def _created(self) -> None:
        row = self.dialog.result_value if self.dialog is not None else None
        if isinstance(row, RunRow):
            self._done(row, self.tr("Created %1.").replace("%1", row.label))


def days_text(run: RunRow) -> str:
    """Compact for the table: "2025/11/15, 11/16 10:00–17:00" when the days share their hours,
    else each day with its own; the year is written once."""
    if not run.days:
        return "—"
    dates = [f"{d.day:%m/%d}" for d in run.days]
    dates[0] = f"{run.days[0].day:%Y/}{dates[0]}"
    hours = {(d.starts_at, d.ends_at) for d in run.days}
    if len(hours) == 1:
        start, end = hours.pop()
        return f"{', '.join(dates)} {start:%H:%M}–{end:%H:%M}"
    return ", ".join(f"{date} {d.starts_at:%H:%M}–{d.ends_at:%H:%M}"
                     for date, d in zip(dates, run.days, strict=True))


def _title() -> str:
    return QCoreApplication.translate("RunsPage", "Training runs")


PAGE_SPEC = PageSpec(key="runs", title=_title, permission=Permission.VIEW_RUNS,
                     factory=RunsPage, order=15, icon="runs.svg")
