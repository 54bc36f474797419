"""The other things the desk records about a trainee's day: an override of a refusal, leaving
early, returning, absence, excused absence, exclusion, and the undo of a mistaken event.

Each is one appended event in one transaction (with its audit entry), checked against the
day's status derived *inside* that transaction, so two desks cannot, say, both mark a trainee
absent after one of them checked the trainee in. Who may do what: override needs
OVERRIDE_LATENESS (venue staff and administrators: the rulebook lets a staff member record the
unavoidable cause); excused absence and exclusion are the secretariat's judgement
(DECIDE_ATTENDANCE, administrators); the rest needs CHECK_IN. Undoing an event needs the
permission that recorded it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from scfn_desktop.db import Database
from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.attendance import AttendanceEvent, CheckinGuard
from scfn_desktop.rules.attendance import OVERRIDE_REASONS
from scfn_desktop.rules.attendance_day import EXCUSED_REASONS, DayStatus, DayVerdict, EventKind
from scfn_desktop.services import audit
from scfn_desktop.services.attendance.desk import (
    DatabaseUnavailable,
    Desk,
    DeskStatus,
    DeskVerdict,
    before_deadline,
    check_note,
    fail_fast,
    wrong_day,
)
from scfn_desktop.services.attendance.history import judge, trainee_events
from scfn_desktop.services.attendance.schedule import to_local
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require

PRESENT = (DayStatus.ON_TIME, DayStatus.LATE, DayStatus.OVERRIDDEN)
KIND_LABELS: Mapping[EventKind, tuple[str, str]] = {
    EventKind.CHECK_IN: ("受付", "check-in"),
    EventKind.OVERRIDE: ("やむを得ない事情による受講許可", "override"),
    EventKind.LEAVE_EARLY: ("早退", "left early"),
    EventKind.RETURN: ("戻り", "returned"),
    EventKind.ABSENT: ("欠席", "absent"),
    EventKind.EXCUSED: ("やむを得ない事情による欠席", "excused absence"),
    EventKind.EXCLUDE: ("受講継続不可（事務局判断）", "excluded"),
    EventKind.UNDO: ("取り消し", "undo"),
}
PERMISSION_OF = {
    EventKind.CHECK_IN: Permission.CHECK_IN, EventKind.LEAVE_EARLY: Permission.CHECK_IN,
    EventKind.RETURN: Permission.CHECK_IN, EventKind.ABSENT: Permission.CHECK_IN,
    EventKind.OVERRIDE: Permission.OVERRIDE_LATENESS,
    EventKind.EXCUSED: Permission.DECIDE_ATTENDANCE,
    EventKind.EXCLUDE: Permission.DECIDE_ATTENDANCE,
}
# The statuses each event may follow, so a mistaken click is refused with a reason.
ALLOWED_FROM: Mapping[EventKind, tuple[DayStatus, ...]] = {
    EventKind.OVERRIDE: (DayStatus.REFUSED,),
    EventKind.LEAVE_EARLY: PRESENT,
    EventKind.RETURN: (DayStatus.LEFT_EARLY, DayStatus.EXCUSED),
    EventKind.ABSENT: (DayStatus.NOT_ARRIVED,),
    EventKind.EXCUSED: (DayStatus.NOT_ARRIVED, DayStatus.ABSENT, DayStatus.LEFT_EARLY),
    EventKind.EXCLUDE: (DayStatus.NOT_ARRIVED, DayStatus.ON_TIME, DayStatus.LATE,
                        DayStatus.OVERRIDDEN, DayStatus.REFUSED, DayStatus.LEFT_EARLY,
                        DayStatus.ABSENT, DayStatus.EXCUSED),
}


@dataclasses.dataclass(frozen=True)
class EventRow:
    """One stored event as the desk's history list shows it."""

    id: int
    kind: EventKind
    at: datetime  # local
    station: str
    actor: str
    reason: str
    note: str
    backfilled: bool
    undone: bool
    undoes: int | None

    @property
    def label_ja(self) -> str:
        return KIND_LABELS[self.kind][0]

    @property
    def label_en(self) -> str:
        return KIND_LABELS[self.kind][1]


def _reasons_for(kind: EventKind) -> Mapping[str, tuple[str, str]] | None:
    return {EventKind.OVERRIDE: OVERRIDE_REASONS, EventKind.EXCUSED: EXCUSED_REASONS}.get(kind)


def record_event(db: Database, actor: Actor, desk: Desk, trainee_id: int, kind: EventKind, *,
                 reason: str = "", note: str = "", at: datetime | None = None,
                 backfilled: bool = False, deadline: float | None = None) -> DeskVerdict:
    """Append `kind` for the trainee on the desk's day (`at`: naive UTC, default now)."""
    kind = EventKind(kind)
    if kind in (EventKind.CHECK_IN, EventKind.UNDO):
        raise ValueError("use desk.check_in / undo_event")
    require(actor, PERMISSION_OF[kind])
    trainee = desk.by_id.get(trainee_id)
    if trainee is None:
        raise NotFound("この受講生はこの受付の名簿にありません。",
                       "This trainee is not on this desk's roster.")
    reasons = _reasons_for(kind)
    if reasons is not None and reason not in reasons:
        raise ValidationFailed("理由の区分を選んでください。", "Choose a reason category.")
    if reasons is None:
        reason = ""
    note = check_note(note, required=kind in (EventKind.OVERRIDE, EventKind.EXCLUDE))
    at = at or utcnow()
    local = to_local(at)
    if local.date() != desk.day.day:
        return wrong_day(desk, local, trainee)
    day_number = desk.day.day_number
    try:
        with db.transaction() as s:
            fail_fast(s)
            before = judge(trainee_events(s, trainee.id, day_number), desk.day)
            _refuse_unless_allowed(kind, before)
            event = AttendanceEvent(trainee_id=trainee.id, day_number=day_number, kind=kind,
                                    at=at, station=desk.station, actor=actor.username[:60],
                                    method="paper" if backfilled else "desk", reason=reason,
                                    note=note, backfilled=backfilled)
            s.add(event)
            s.flush()
            after = judge(trainee_events(s, trainee.id, day_number), desk.day)
            audit.record(s, actor, f"attendance.{kind.value}", "trainee", trainee.id,
                         {"status": before.status.value},
                         {"day": day_number, "at": local.isoformat(timespec="seconds"),
                          "station": desk.station, "reason": reason, "note": note,
                          "backfilled": backfilled, "status": after.status.value})
            before_deadline(deadline)
    except DBAPIError as exc:
        raise DatabaseUnavailable(type(exc.orig).__name__ if exc.orig else "") from exc
    status = DeskStatus.OVERRIDDEN if after.status is DayStatus.OVERRIDDEN \
        else DeskStatus.RECORDED
    return DeskVerdict(status=status, day_number=day_number, trainee=trainee, day=after,
                       arrival=after.arrival, event_id=event.id, at=local,
                       reason_ja=after.reason_ja, reason_en=after.reason_en)


def _refuse_unless_allowed(kind: EventKind, day: DayVerdict) -> None:
    if day.status in ALLOWED_FROM[kind]:
        return
    label_ja, label_en = KIND_LABELS[kind]
    raise ValidationFailed(
        f"現在の状態（{day.reason_ja}）では「{label_ja}」を記録できません。",
        f"'{label_en}' cannot be recorded in the current state ({day.reason_en}).")


def undo_event(db: Database, actor: Actor, desk: Desk, event_id: int, note: str = "",
               deadline: float | None = None) -> DeskVerdict:
    """Cancel a mistaken event: an undo event is appended (the original stays in the history);
    undoing a check-in also frees the guard so the trainee can be checked in again."""
    require(actor, Permission.CHECK_IN)
    note = check_note(note, required=False)
    try:
        with db.transaction() as s:
            fail_fast(s)
            target = s.get(AttendanceEvent, event_id)
            trainee = desk.by_id.get(target.trainee_id) if target is not None else None
            if target is None or trainee is None or target.day_number != desk.day.day_number:
                raise NotFound("取り消す記録が見つかりません。", "The event to undo was not found.")
            kind = EventKind(target.kind)
            if kind is EventKind.UNDO or s.scalar(select(AttendanceEvent.id).where(
                    AttendanceEvent.undoes_id == event_id)) is not None:
                raise ValidationFailed("この記録は取り消せません（取り消し済み、または取り消しの記録）。",
                                       "This event cannot be undone (already undone, or an undo).")
            require(actor, PERMISSION_OF[kind])
            if kind is EventKind.CHECK_IN:
                s.execute(delete(CheckinGuard).where(CheckinGuard.event_id == event_id))
            at = utcnow()
            undo = AttendanceEvent(trainee_id=target.trainee_id, day_number=target.day_number,
                                   kind=EventKind.UNDO, at=at, station=desk.station,
                                   actor=actor.username[:60], method="desk", note=note,
                                   undoes_id=event_id)
            s.add(undo)
            s.flush()
            after = judge(trainee_events(s, trainee.id, desk.day.day_number), desk.day)
            audit.record(s, actor, "attendance.undo", "trainee", trainee.id,
                         {"event_id": event_id, "kind": kind.value},
                         {"day": desk.day.day_number, "station": desk.station, "note": note,
                          "status": after.status.value})
            before_deadline(deadline)
    except IntegrityError as exc:  # the same event undone at another desk a moment ago
        raise ValidationFailed("この記録は既に取り消されています。",
                               "This event has already been undone.") from exc
    except DBAPIError as exc:
        raise DatabaseUnavailable(type(exc.orig).__name__ if exc.orig else "") from exc
    return DeskVerdict(status=DeskStatus.RECORDED, day_number=desk.day.day_number,
                       trainee=trainee, day=after, arrival=after.arrival, event_id=undo.id,
                       at=to_local(at), reason_ja=after.reason_ja, reason_en=after.reason_en)


def trainee_day(db: Database, desk: Desk, trainee_id: int) -> tuple[DayVerdict, list[EventRow]]:
    """The trainee's derived status on the desk's day and the full history behind it."""
    with db.session() as s:
        rows = s.scalars(select(AttendanceEvent).where(
            AttendanceEvent.trainee_id == trainee_id,
            AttendanceEvent.day_number == desk.day.day_number).order_by(AttendanceEvent.id)).all()
        verdict = judge(trainee_events(s, trainee_id, desk.day.day_number), desk.day)
    undone = {e.undoes_id for e in rows if e.undoes_id is not None}
    history = [EventRow(e.id, EventKind(e.kind), to_local(e.at), e.station, e.actor, e.reason,
                        e.note, e.backfilled, e.id in undone, e.undoes_id) for e in rows]
    return verdict, history
