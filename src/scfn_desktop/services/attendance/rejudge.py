"""Whose verdict would change if a run's venue days or lateness threshold changed.

The status is derived from stored events, so a new start time re-judges everyone at once. That
must never happen silently after check-ins began: the run page calls `schedule_change_impact`
before saving and, when anyone's verdict changes, asks, listing them (issue 10 §1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.attendance import AttendanceEvent
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.attendance_day import DayStatus
from scfn_desktop.rules.names import join_name
from scfn_desktop.services.attendance.history import judge, run_events
from scfn_desktop.services.attendance.schedule import DaySchedule, load_run

DaySpec = tuple[date, time, time]


@dataclass(frozen=True)
class VerdictChange:
    trainee_id: int
    number: str
    name: str
    day_number: int
    arrived_at: datetime | None  # local
    before: DayStatus
    after: DayStatus
    before_ja: str
    before_en: str
    after_ja: str
    after_en: str


@dataclass(frozen=True)
class ScheduleImpact:
    """What saving a new schedule would do: whether check-ins exist, and whose verdict moves."""

    check_ins_began: bool
    changes: tuple[VerdictChange, ...]

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.changes)


def schedule_change_impact(db: Database, run_id: int, days: Sequence[DaySpec],
                           threshold_minutes: int | None = None) -> ScheduleImpact:
    """Compare every recorded day's verdicts under the current and the proposed schedule
    (`days` day 1 first; `threshold_minutes` None keeps the run's)."""
    with db.session() as s:
        run = load_run(s, run_id)
        began = s.scalar(select(AttendanceEvent.id).join(
            Trainee, Trainee.id == AttendanceEvent.trainee_id).where(
            Trainee.run_id == run_id).limit(1)) is not None
        if not began:
            return ScheduleImpact(False, ())
        names = {t.id: (t.trainee_number, join_name(t.family_name, t.given_name))
                 for t in s.scalars(select(Trainee).where(Trainee.run_id == run_id))}
        events = {d.day_number: run_events(s, run_id, d.day_number) for d in run.days}
    threshold = threshold_minutes if threshold_minutes is not None else run.threshold_minutes
    changes = []
    for number, (day, start, end) in enumerate(days, start=1):
        old = next((d for d in run.days if d.day_number == number), None)
        if old is None:
            continue
        new = DaySchedule(number, day, start, end, threshold)
        for trainee_id, day_events in sorted(events[number].items(),
                                             key=lambda kv: names[kv[0]][0]):
            before, after = judge(day_events, old), judge(day_events, new)
            if before.status is after.status:
                continue
            changes.append(VerdictChange(
                trainee_id, *names[trainee_id], number,
                before.check_in.at if before.check_in else None, before.status, after.status,
                before.reason_ja, before.reason_en, after.reason_ja, after.reason_en))
    return ScheduleImpact(True, tuple(changes))
