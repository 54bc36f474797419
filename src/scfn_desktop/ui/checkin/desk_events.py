"""The desk's follow-up actions: override of the refusal on screen, undo, and the trainee
panel's buttons, each through its dialog and then on the desk's workers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from scfn_desktop.rules.attendance_day import EventKind
from scfn_desktop.services.attendance.events import PERMISSION_OF
from scfn_desktop.ui.checkin import desk_actions
from scfn_desktop.ui.checkin.dialogs import EventDialog, EventRequest, UndoDialog
from scfn_desktop.ui.workers import dispose_when_closed

if TYPE_CHECKING:
    from scfn_desktop.ui.checkin.desk_page import DeskPage

KIND_OF = {"leave_early": EventKind.LEAVE_EARLY, "return": EventKind.RETURN,
           "absent": EventKind.ABSENT, "excused": EventKind.EXCUSED,
           "exclude": EventKind.EXCLUDE, "backfill": EventKind.CHECK_IN}


class DeskEvents(QObject):
    def __init__(self, page: DeskPage) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: EventDialog | UndoDialog | None = None

    def _who(self, trainee_id: int) -> str:
        desk = self.page.desk
        card = desk.by_id.get(trainee_id) if desk else None
        return f"{card.name}（{card.number}）" if card else ""

    def act(self, key: str, trainee_id: int) -> None:
        if key == "check_in":
            self.page.check_in_trainee(trainee_id)
        elif key == "undo":
            self.load_history(trainee_id)
        else:
            self.ask(KIND_OF[key], trainee_id)

    def ask(self, kind: EventKind, trainee_id: int) -> EventDialog | None:
        page = self.page
        if page.desk is None:
            return None
        needs = not page.ctx.actor.can(PERMISSION_OF[kind])
        backfill = kind is EventKind.CHECK_IN
        dialog = EventDialog(kind, self._who(trainee_id), pick=page.ctx.pick,
                             needs_approver=needs, backfill=backfill,
                             default_time=page.desk.day.starts_at, parent=page)
        dispose_when_closed(dialog)
        dialog.accepted.connect(lambda: self.submit(trainee_id, dialog.request()))
        dialog.finished.connect(lambda _r: page.scan_field.setFocus())
        self.dialog = dialog
        dialog.open()
        return dialog

    def submit(self, trainee_id: int, request: EventRequest) -> None:
        page = self.page
        db, actor, desk, now = page.ctx.db, page.ctx.actor, page.desk, page.arrival()
        if desk is not None:
            page.record(lambda d: desk_actions.record(db, actor, desk, trainee_id, request,
                                                      now, d))

    def override_shown(self) -> None:
        v = self.page.verdict.verdict
        if v is not None and v.trainee is not None:
            self.ask(EventKind.OVERRIDE, v.trainee.id)

    def undo_shown(self) -> None:
        v = self.page.verdict.verdict
        if v is not None and v.trainee is not None and v.event_id is not None:
            self.load_history(v.trainee.id)

    def load_history(self, trainee_id: int) -> None:
        page = self.page
        db, desk = page.ctx.db, page.desk
        if desk is not None:
            page._submit("history", lambda _d: desk_actions.load_history(db, desk, trainee_id),
                         5.0)

    def history_loaded(self, history: desk_actions.History) -> UndoDialog:
        page = self.page
        dialog = UndoDialog(self._who(history.trainee_id), history.events, pick=page.ctx.pick,
                            parent=page)
        dispose_when_closed(dialog)
        dialog.accepted.connect(lambda: self._undo(dialog.chosen(), dialog.note.text()))
        dialog.finished.connect(lambda _r: page.scan_field.setFocus())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _undo(self, event_id: int | None, note: str) -> None:
        page = self.page
        db, actor, desk = page.ctx.db, page.ctx.actor, page.desk
        if event_id is not None and desk is not None:
            page.record(lambda d: desk_actions.undo(db, actor, desk, event_id, note, d))
