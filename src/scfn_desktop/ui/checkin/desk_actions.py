"""What the desk page asks the services to do, as plain functions run on the desk's workers
(never on the GUI thread): each takes the deadline the worker hands it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from scfn_desktop.db import Database
from scfn_desktop.rules.attendance_day import DayVerdict, EventKind
from scfn_desktop.services.admin.accounts import authenticate
from scfn_desktop.services.attendance.board import DayBoard, day_board
from scfn_desktop.services.attendance.desk import (
    Desk,
    DeskVerdict,
    check_in,
    open_desk,
    reload_desk,
)
from scfn_desktop.services.attendance.events import EventRow, record_event, trainee_day, undo_event
from scfn_desktop.services.attendance.schedule import to_utc
from scfn_desktop.services.permissions import Actor
from scfn_desktop.ui.checkin.dialogs import EventRequest


@dataclass(frozen=True)
class History:
    trainee_id: int
    verdict: DayVerdict
    events: list[EventRow]


def load_desk(db: Database, run_id: int, day_number: int, station: str) -> tuple[Desk, DayBoard]:
    return open_desk(db, run_id, day_number, station), day_board(db, run_id, day_number)


def load_board(db: Database, run_id: int, day_number: int) -> DayBoard:
    return day_board(db, run_id, day_number)


def refresh_desk(db: Database, desk: Desk) -> DayBoard:
    """The desk's periodic refresh: what another desk or the 養成研修 page changed (trainees,
    keys, a moved start time) reaches this desk's preload, and the day's statuses."""
    reload_desk(db, desk)
    return day_board(db, desk.run.id, desk.day.day_number)


def load_history(db: Database, desk: Desk, trainee_id: int) -> History:
    verdict, events = trainee_day(db, desk, trainee_id)
    return History(trainee_id, verdict, events)


def acting(db: Database, actor: Actor, request: EventRequest | None) -> Actor:
    """The logged-in user, or the approver who typed their name and password."""
    if request is None or not request.approver:
        return actor
    return authenticate(db, request.approver, request.approver_password)


def record(db: Database, actor: Actor, desk: Desk, trainee_id: int, request: EventRequest,
           now: datetime, deadline: float) -> DeskVerdict:
    """An event from a dialog: a check-in from paper (typed time), or any other event."""
    who = acting(db, actor, request)
    if request.kind is EventKind.CHECK_IN:
        typed = request.at or time(0, 0)
        return check_in(db, who, desk, trainee_id,
                        at=to_utc(datetime.combine(desk.day.day, typed)), method="paper",
                        backfilled=True, note=request.note, deadline=deadline)
    return record_event(db, who, desk, trainee_id, request.kind, reason=request.reason,
                        note=request.note, at=now, deadline=deadline)


def undo(db: Database, actor: Actor, desk: Desk, event_id: int, note: str,
         deadline: float) -> DeskVerdict:
    return undo_event(db, actor, desk, event_id, note, deadline=deadline)
