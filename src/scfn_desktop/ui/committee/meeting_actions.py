"""The committee page's meeting-level actions: open a meeting, members present, accept the
clear proposals, close the meeting; and, in one menu, the minutes, the notices, the results
table for the agency and confirming the declared 欠格事由 as checked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QPushButton

from scfn_desktop.services.committee import exports, grounds, meetings, notices
from scfn_desktop.services.committee.views import MeetingView
from scfn_desktop.services.exports import write_file
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.committee.common import in_background
from scfn_desktop.ui.committee.grounds_dialog import GroundsDialog
from scfn_desktop.ui.committee.meeting_dialog import MeetingDialog
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.workers import ProgressTask, dispose_when_closed, run_with_progress

if TYPE_CHECKING:
    from scfn_desktop.ui.committee.decisions_page import DecisionsPage


class MeetingActions(QObject):
    def __init__(self, page: DecisionsPage) -> None:
        super().__init__(page)
        self.page = page
        ctx = page.ctx
        self.task: ProgressTask | None = None
        self.new_button = QPushButton(self.tr("New meeting…"))
        self.new_button.setObjectName("newMeetingButton")
        self.new_button.clicked.connect(self.open_new_meeting)
        self.members_button = QPushButton(self.tr("Members…"))
        self.members_button.setObjectName("membersButton")
        self.members_button.clicked.connect(self.open_members)
        self.bulk_button = QPushButton(self.tr("Accept clear proposals…"))
        self.bulk_button.setObjectName("bulkButton")
        self.bulk_button.clicked.connect(page.open_bulk)
        self.close_button = QPushButton(self.tr("Close meeting…"))
        self.close_button.setObjectName("closeMeetingButton")
        self.close_button.clicked.connect(self.confirm_close)
        manage = ctx.actor.can(Permission.MANAGE_MEETINGS)
        for b in (self.new_button, self.members_button, self.close_button):
            b.setVisible(manage)
        self.bulk_button.setVisible(ctx.actor.can(Permission.COMMITTEE_DECIDE))
        self.more_button = QPushButton(self.tr("Documents"))
        self.more_button.setObjectName("documentsButton")
        menu = QMenu(self.more_button)
        self.minutes_action = menu.addAction(self.tr("Minutes (PDF)…"), self.save_minutes)
        self.notices_action = menu.addAction(self.tr("Result notices, one PDF…"),
                                             lambda: self.save_notices(False))
        self.notices_each_action = menu.addAction(self.tr("Result notices, one PDF each…"),
                                                  lambda: self.save_notices(True))
        self.results_action = menu.addAction(self.tr("Results table for the agency (xlsx)…"),
                                             self.save_results)
        self.confirm_action = menu.addAction(self.tr("Confirm declared grounds as checked…"),
                                             self.confirm_declarations)
        for action, permission in ((self.notices_action, Permission.PRINT_NOTICES),
                                   (self.notices_each_action, Permission.PRINT_NOTICES),
                                   (self.results_action, Permission.EXPORT_REGISTER),
                                   (self.confirm_action, Permission.RECORD_GROUNDS)):
            action.setVisible(ctx.actor.can(permission))
        self.more_button.setMenu(menu)

    def top_buttons(self) -> list[QPushButton]:
        return [self.new_button, self.members_button, self.bulk_button, self.close_button,
                self.more_button]

    def update_buttons(self, m: MeetingView | None) -> None:
        run = bool(self.page.runs.run_id())
        is_open = bool(m and m.is_open)
        self.new_button.setEnabled(run and not any(x.is_open for x in self.page.meeting_list))
        for b in (self.members_button, self.bulk_button, self.close_button):
            b.setEnabled(is_open)
        self.minutes_action.setEnabled(m is not None)

    # --- meetings -------------------------------------------------------------------------------
    def open_new_meeting(self) -> MeetingDialog:
        ctx, run_id = self.page.ctx, self.page.runs.run_id()
        dialog = MeetingDialog(lambda held_on, place, online, members: meetings.open_meeting(
            ctx.db, ctx.actor, run_id, held_on, place, members, online=online),
            ctx.language, parent=self.page)
        return self._open(dialog)

    def open_members(self) -> MeetingDialog | None:
        ctx, m = self.page.ctx, self.page.meeting()
        if m is None:
            return None
        dialog = MeetingDialog(lambda members: meetings.set_members(ctx.db, ctx.actor, m.id,
                                                                    members),
                               ctx.language, [(x.name, x.role) for x in m.members],
                               members_only=True, parent=self.page)
        return self._open(dialog)

    def _open(self, dialog):  # type: ignore[no-untyped-def]
        dispose_when_closed(dialog)
        dialog.accepted.connect(lambda: self.page.reload_meetings(
            getattr(dialog.result_value, "id", None)))
        self.page.dialog = dialog
        dialog.open()
        return dialog

    def confirm_close(self) -> QMessageBox | None:
        m = self.page.meeting()
        if m is None or not m.is_open:
            return None
        undecided = sum(1 for d in self.page.dossiers if d.decision is None)
        text = self.tr("Close the meeting of %1? Its decisions are locked afterwards (a change "
                       "is then an amendment) and the minutes are written.").replace(
            "%1", m.held_on.isoformat())
        if undecided:
            text += "\n\n" + self.tr("%1 trainees have no decision yet.").replace(
                "%1", str(undecided))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Close meeting"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.page)
        box.setObjectName("closeMeetingBox")
        box.accepted.connect(lambda: self.close_meeting(m.id))
        dispose_when_closed(box)
        box.open()
        return box

    def close_meeting(self, meeting_id: int) -> MeetingView | None:
        ctx = self.page.ctx
        try:
            closed = meetings.close_meeting(ctx.db, ctx.actor, meeting_id)
        except Exception as exc:
            show_error(self.page, exc, ctx.language)
            return None
        self.page.reload_meetings(meeting_id)
        show_info(self.page, self.tr("Meeting closed"),
                  self.tr("The decisions are locked. The minutes were saved as %1 in the data "
                          "folder.").replace("%1", closed.minutes_file))
        return closed

    # --- documents ------------------------------------------------------------------------------
    def _save_path(self, title: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.page, title, name, pattern)
        return Path(path) if path else None

    def _run(self, title: str, call, done_text: str) -> ProgressTask:  # type: ignore[no-untyped-def]
        ctx = self.page.ctx
        self.task = run_with_progress(
            self.page, title, in_background(call, "作成しています", "Working"),
            on_done=lambda _r: show_info(self.page, title, done_text),
            on_error=lambda exc: show_error(self.page, exc, ctx.language), pick=ctx.pick)
        return self.task

    def save_minutes(self, path: Path | None = None) -> ProgressTask | None:
        ctx, m = self.page.ctx, self.page.meeting()
        if m is None:
            return None
        path = path or self._save_path(self.tr("Minutes"), f"minutes-{m.held_on}.pdf",
                                       self.tr("PDF (*.pdf)"))
        if path is None:
            return None
        return self._run(self.tr("Minutes"), lambda: write_file(
            path, meetings.minutes_pdf(ctx.db, ctx.actor, m.id)),
            self.tr("Saved %1").replace("%1", str(path)))

    def save_notices(self, each: bool, path: Path | None = None) -> ProgressTask | None:
        ctx, run_id = self.page.ctx, self.page.runs.run_id()
        if path is None:
            if each:
                folder = QFileDialog.getExistingDirectory(self.page, self.tr("Folder for the "
                                                                             "notices"))
                path = Path(folder) if folder else None
            else:
                path = self._save_path(self.tr("Result notices"), "notices.pdf",
                                       self.tr("PDF (*.pdf)"))
        if path is None:
            return None
        return self._run(self.tr("Result notices"), lambda: notices.write_notices(
            ctx.db, ctx.actor, run_id, path, each), self.tr("Saved %1").replace("%1", str(path)))

    def save_results(self, path: Path | None = None) -> ProgressTask | None:
        ctx, run_id = self.page.ctx, self.page.runs.run_id()
        path = path or self._save_path(self.tr("Results table"), "results.xlsx",
                                       self.tr("Excel (*.xlsx)"))
        if path is None:
            return None
        return self._run(self.tr("Results table"), lambda: write_file(
            path, exports.export_results_table(ctx.db, ctx.actor, run_id).data),
            self.tr("Saved %1").replace("%1", str(path)))

    # --- 欠格事由 -------------------------------------------------------------------------------
    def open_grounds(self) -> GroundsDialog | None:
        ctx, d = self.page.ctx, self.page.selected()
        if d is None:
            return None
        dialog = GroundsDialog(f"{d.identity.trainee_number} {d.identity.name}",
                               lambda kind, g, evidence: grounds.record_grounds(
                                   ctx.db, ctx.actor, d.id, kind, g, evidence),
                               ctx.language, self.page)
        dispose_when_closed(dialog)
        dialog.accepted.connect(lambda: self.page.reload(d.id))
        self.page.dialog = dialog
        dialog.open()
        return dialog

    def confirm_declarations(self) -> None:
        ctx = self.page.ctx
        evidence, ok = QInputDialog.getText(
            self.page, self.tr("Confirm declared grounds"),
            self.tr("Evidence for every trainee who declared and has no check yet:"))
        if not ok:
            return
        try:
            done = grounds.confirm_declarations(ctx.db, ctx.actor,
                                                [d.id for d in self.page.dossiers], evidence)
        except Exception as exc:
            show_error(self.page, exc, ctx.language)
            return
        self.page.reload()
        show_info(self.page, self.tr("Confirm declared grounds"),
                  self.tr("Recorded %1 checks.").replace("%1", str(len(done))))
