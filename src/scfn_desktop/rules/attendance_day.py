"""A trainee's status on one venue day, derived from what happened (events, not overwrites).

The check-in desk stores events — check-in, override, leaving early, returning, absence,
excused absence, exclusion, and the undo of a mistaken one — and never a status.  This module
turns a day's events into the status the board shows and the committee's dossier reads, with
the reasons in both languages, so re-deriving after a correction (an undo, a changed start
time) needs no migration of stored verdicts.

Readings used here (see ``docs/attendance.md``):

* An undone event, and the undo itself, count as if they had not happened; they stay in the
  history for the auditor.
* Exclusion (受講継続不可, the secretariat's judgement under rule 2 of the venue rules) ends the
  day whatever else happened.
* A refused arrival stays refused until an override (category + note) admits it.
* Leaving early (早退) makes the day incomplete unless the trainee returns; the seeds set no
  limit, so any early departure counts, and an excused early departure (e.g. illness accepted
  by the secretariat) reads as excused.
* Without a check-in: excused absence beats absence beats "not yet arrived".
* A day is *complete* when the trainee was admitted (on time, late, or by override) and was
  present at the end of the recorded events.  Both days complete = the venue session attended.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping, Sequence
from datetime import datetime
from types import MappingProxyType

from .attendance import (
    ArrivalStatus,
    ArrivalVerdict,
    DepartureStatus,
    DepartureVerdict,
    judge_arrival,
    judge_departure,
)
from .dates import format_time
from .verdict import VerdictBase

__all__ = [
    "EXCUSED_REASONS",
    "AttendanceStatus",
    "AttendanceVerdict",
    "DayEvent",
    "DayStatus",
    "DayVerdict",
    "EventKind",
    "judge_attendance",
    "judge_day",
]


class EventKind(enum.StrEnum):
    CHECK_IN = "check_in"
    OVERRIDE = "override"
    LEAVE_EARLY = "leave_early"
    RETURN = "return"
    ABSENT = "absent"
    EXCUSED = "excused"
    EXCLUDE = "exclude"
    UNDO = "undo"


class DayStatus(enum.StrEnum):
    NOT_ARRIVED = "not_arrived"
    ON_TIME = "on_time"
    LATE = "late"
    REFUSED = "refused"
    OVERRIDDEN = "overridden"
    LEFT_EARLY = "left_early"
    ABSENT = "absent"
    EXCUSED = "excused"
    EXCLUDED = "excluded"


class AttendanceStatus(enum.StrEnum):
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"


#: Excused absence categories (やむを得ない事情, accepted by the secretariat) -> (ja, en).
EXCUSED_REASONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "illness": ("病気・けが", "illness or injury"),
        "bereavement": ("忌引", "bereavement"),
        "other": ("その他", "other"),
    }
)

_ADMITTED = {
    ArrivalStatus.ON_TIME: DayStatus.ON_TIME,
    ArrivalStatus.LATE: DayStatus.LATE,
    ArrivalStatus.ADMITTED_BY_OVERRIDE: DayStatus.OVERRIDDEN,
}


@dataclasses.dataclass(frozen=True)
class DayEvent:
    """One stored event, times as local wall-clock (the venue's) naive datetimes."""

    id: int
    kind: EventKind
    at: datetime
    reason: str = ""
    note: str = ""
    undoes: int | None = None
    station: str = ""
    actor: str = ""
    backfilled: bool = False


@dataclasses.dataclass(frozen=True, kw_only=True)
class DayVerdict(VerdictBase):
    """The derived status of one trainee on one venue day, with the events it rests on."""

    status: DayStatus
    day_number: int
    arrival: ArrivalVerdict | None = None
    check_in: DayEvent | None = None
    override: DayEvent | None = None
    departure: DepartureVerdict | None = None
    excused: DayEvent | None = None
    excluded: DayEvent | None = None

    @property
    def complete(self) -> bool:
        return self.status in (DayStatus.ON_TIME, DayStatus.LATE, DayStatus.OVERRIDDEN)


@dataclasses.dataclass(frozen=True, kw_only=True)
class AttendanceVerdict(VerdictBase):
    """Both venue days together: complete or not, and whether an excused absence (accepted by
    the secretariat) makes the trainee a candidate for the retake exemption."""

    status: AttendanceStatus
    days: tuple[DayVerdict, ...]
    excused: bool

    @property
    def complete(self) -> bool:
        return self.status is AttendanceStatus.COMPLETE



def _active(events: Sequence[DayEvent]) -> list[DayEvent]:
    undone = {e.undoes for e in events if e.kind is EventKind.UNDO}
    kept = [e for e in events if e.kind is not EventKind.UNDO and e.id not in undone]
    return sorted(kept, key=lambda e: (e.at, e.id))


def _last(events: Sequence[DayEvent], kind: EventKind) -> DayEvent | None:
    found = [e for e in events if e.kind is kind]
    return found[-1] if found else None


def _who(e: DayEvent) -> tuple[str, str]:
    paper_ja, paper_en = ("、紙の受付表から入力", ", typed from the paper list") if e.backfilled \
        else ("", "")
    return (f"{format_time(e.at)}、{e.station}、{e.actor}{paper_ja}",
            f"{format_time(e.at)}, {e.station}, by {e.actor}{paper_en}")


def _label(table: Mapping[str, tuple[str, str]], key: str) -> tuple[str, str]:
    return table.get(key, (key or "—", key or "—"))


def judge_day(events: Sequence[DayEvent], day_number: int, start: datetime, end: datetime,
              threshold_minutes: int) -> DayVerdict:
    """Derive the day's status from its events (any order; local times)."""
    active = _active(events)
    check_in = _last(active, EventKind.CHECK_IN)
    excluded = _last(active, EventKind.EXCLUDE)
    excused = _last(active, EventKind.EXCUSED)
    facts = {"day_number": day_number, "excused": excused, "excluded": excluded}
    if excluded is not None:
        ja, en = _who(excluded)
        return DayVerdict(
            status=DayStatus.EXCLUDED, check_in=check_in, **facts,
            reason_ja=f"事務局の判断により受講継続不可（{ja}）: {excluded.note}",
            reason_en=f"Excluded by the secretariat's judgement ({en}): {excluded.note}",
        )
    if check_in is None:
        return _without_check_in(active, facts, excused)
    later = [e for e in active if (e.at, e.id) >= (check_in.at, check_in.id)]
    override = _last(later, EventKind.OVERRIDE)
    arrival = judge_arrival(start, check_in.at, threshold_minutes,
                            override.reason if override is not None else None)
    facts.update(arrival=arrival, check_in=check_in, override=override)
    if arrival.status is ArrivalStatus.REFUSED:
        return DayVerdict(status=DayStatus.REFUSED, reason_ja=arrival.reason_ja,
                          reason_en=arrival.reason_en, **facts)
    moves = [e for e in later if e.kind in (EventKind.LEAVE_EARLY, EventKind.RETURN)]
    if moves and moves[-1].kind is EventKind.LEAVE_EARLY:
        departure = judge_departure(end, moves[-1].at)
        if departure.status is DepartureStatus.LEFT_EARLY:
            return _left_early(departure, excused, facts)
    ja, en = ("", "") if override is None else (f"（{override.note}）", f" ({override.note})")
    return DayVerdict(status=_ADMITTED[arrival.status], reason_ja=arrival.reason_ja + ja,
                      reason_en=arrival.reason_en + en, **facts)


def _without_check_in(active: list[DayEvent], facts: dict, excused: DayEvent | None
                      ) -> DayVerdict:
    if excused is not None:
        label_ja, label_en = _label(EXCUSED_REASONS, excused.reason)
        return DayVerdict(
            status=DayStatus.EXCUSED, **facts,
            reason_ja=f"やむを得ない事情による欠席（{label_ja}）として事務局が受理: {excused.note}",
            reason_en=f"Excused absence ({label_en}) accepted by the secretariat: {excused.note}",
        )
    absent = _last(active, EventKind.ABSENT)
    if absent is not None:
        ja, en = _who(absent)
        return DayVerdict(status=DayStatus.ABSENT, **facts, reason_ja=f"欠席（{ja}）",
                          reason_en=f"Absent ({en})")
    return DayVerdict(status=DayStatus.NOT_ARRIVED, **facts, reason_ja="まだ受付していません",
                      reason_en="Not checked in yet")


def _left_early(departure: DepartureVerdict, excused: DayEvent | None, facts: dict
                ) -> DayVerdict:
    if excused is not None:
        label_ja, label_en = _label(EXCUSED_REASONS, excused.reason)
        return DayVerdict(
            status=DayStatus.EXCUSED, departure=departure, **facts,
            reason_ja=f"{departure.reason_ja}。やむを得ない事情（{label_ja}）として事務局が受理",
            reason_en=f"{departure.reason_en} Accepted by the secretariat as an unavoidable "
                      f"cause ({label_en}).",
        )
    return DayVerdict(status=DayStatus.LEFT_EARLY, departure=departure, **facts,
                      reason_ja=departure.reason_ja, reason_en=departure.reason_en)


def judge_attendance(days: Sequence[DayVerdict], expected_days: int = 2) -> AttendanceVerdict:
    """Both venue days attended completely, or why not (each missing day named)."""
    by_number = sorted(days, key=lambda d: d.day_number)
    missing_ja = [f"{d.day_number}日目: {d.reason_ja}" for d in by_number if not d.complete]
    missing_en = [f"day {d.day_number}: {d.reason_en}" for d in by_number if not d.complete]
    if len(by_number) < expected_days:
        missing_ja.append(f"集合研修の日程が {len(by_number)} 日分しかありません")
        missing_en.append(f"only {len(by_number)} venue day(s) are scheduled")
    excused = any(d.status is DayStatus.EXCUSED for d in by_number)
    if not missing_ja:
        return AttendanceVerdict(
            status=AttendanceStatus.COMPLETE, days=tuple(by_number), excused=False,
            reason_ja=f"集合研修 {len(by_number)} 日間をすべて受講",
            reason_en=f"Attended all {len(by_number)} venue days",
        )
    return AttendanceVerdict(
        status=AttendanceStatus.INCOMPLETE, days=tuple(by_number), excused=excused,
        reason_ja="集合研修を修了していません（" + "／".join(missing_ja) + "）",
        reason_en="The venue session is not complete (" + "; ".join(missing_en) + ")",
    )
