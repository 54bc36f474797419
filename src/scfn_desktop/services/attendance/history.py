"""Reading a day's events and deriving statuses (the rule lives in rules.attendance_day)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from scfn_desktop.db.models.attendance import AttendanceEvent
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.attendance_day import DayEvent, DayVerdict, EventKind, judge_day
from scfn_desktop.services.attendance.schedule import DaySchedule, to_local


def day_event(e: AttendanceEvent) -> DayEvent:
    return DayEvent(id=e.id, kind=EventKind(e.kind), at=to_local(e.at), reason=e.reason,
                    note=e.note, undoes=e.undoes_id, station=e.station, actor=e.actor,
                    backfilled=e.backfilled)


_COLUMNS = (AttendanceEvent.id, AttendanceEvent.kind, AttendanceEvent.at,
            AttendanceEvent.reason, AttendanceEvent.note, AttendanceEvent.undoes_id,
            AttendanceEvent.station, AttendanceEvent.actor, AttendanceEvent.backfilled)


def trainee_events(s: Session, trainee_id: int, day_number: int) -> list[DayEvent]:
    """One trainee's events of a day (plain columns: this runs inside every scan)."""
    rows = s.execute(select(*_COLUMNS).where(AttendanceEvent.trainee_id == trainee_id,
                                             AttendanceEvent.day_number == day_number))
    return [DayEvent(id=r.id, kind=EventKind(r.kind), at=to_local(r.at), reason=r.reason,
                     note=r.note, undoes=r.undoes_id, station=r.station, actor=r.actor,
                     backfilled=r.backfilled) for r in rows]


def run_events(s: Session, run_id: int, day_number: int) -> dict[int, list[DayEvent]]:
    """Every event of the run's trainees on that day, by trainee id."""
    rows = s.scalars(select(AttendanceEvent)
                     .join(Trainee, Trainee.id == AttendanceEvent.trainee_id)
                     .where(Trainee.run_id == run_id, AttendanceEvent.day_number == day_number)
                     .order_by(AttendanceEvent.id))
    grouped: dict[int, list[DayEvent]] = defaultdict(list)
    for e in rows:
        grouped[e.trainee_id].append(day_event(e))
    return grouped


def judge(events: Iterable[DayEvent], day: DaySchedule) -> DayVerdict:
    return judge_day(list(events), day.day_number, day.start, day.end, day.threshold_minutes)
