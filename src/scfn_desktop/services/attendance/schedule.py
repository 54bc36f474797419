"""Venue days in the venue's local time.

Start and end times of a venue day are wall-clock times at the venue (Japan). Event times are
stored as naive UTC like every timestamp of the application, and converted with the PC's local
time zone (the venue PC runs on Japanese time) before the lateness rule compares them with the
day's start. A PC set to another zone would judge wrongly, so docs/attendance.md asks for the
PC's zone to be checked before the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from scfn_desktop.db.models.roster import TrainingRun, VenueDay
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.services.errors import NotFound
from scfn_desktop.services.runs.training_runs import find_run


def to_local(utc_naive: datetime) -> datetime:
    """A stored naive-UTC time as naive local wall-clock time (the PC's zone)."""
    return utc_naive.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def to_utc(local_naive: datetime) -> datetime:
    """A naive local wall-clock time (typed, or a venue start) as naive UTC for storing."""
    aware = local_naive.astimezone() if local_naive.tzinfo is None else local_naive
    return aware.astimezone(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class DaySchedule:
    """One venue day as the lateness rule needs it (local naive start/end)."""

    day_number: int
    day: date
    starts_at: time
    ends_at: time
    threshold_minutes: int

    @property
    def start(self) -> datetime:
        return datetime.combine(self.day, self.starts_at)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.day, self.ends_at)


@dataclass(frozen=True)
class RunInfo:
    id: int
    fiscal_year: int
    term: int
    label: str
    venue: str
    threshold_minutes: int
    days: tuple[DaySchedule, ...]

    def day(self, day_number: int) -> DaySchedule:
        for d in self.days:
            if d.day_number == day_number:
                return d
        raise NotFound(f"{self.label} に {day_number} 日目の日程がありません。",
                       f"{self.label} has no venue day {day_number}.")

    def day_on(self, on: date) -> DaySchedule | None:
        """The venue day falling on `on` (the desk's default day), if any."""
        return next((d for d in self.days if d.day == on), None)


def load_run(s: Session, run_id: int) -> RunInfo:
    run = find_run(s, run_id)
    days = s.scalars(select(VenueDay).where(VenueDay.run_id == run_id)
                     .order_by(VenueDay.day_number)).all()
    threshold = run.lateness_threshold_minutes
    return RunInfo(
        id=run.id, fiscal_year=run.fiscal_year, term=run.term,
        label=run_label(run.fiscal_year, run.term), venue=run.venue,
        threshold_minutes=threshold,
        days=tuple(DaySchedule(d.day_number, d.day, d.starts_at, d.ends_at, threshold)
                   for d in days),
    )


def current_run_id(s: Session, on: date | None = None) -> int | None:
    """The run with a venue day on `on` (today by default), else the newest run."""
    on = on or datetime.now().date()
    hit = s.scalar(select(VenueDay.run_id).where(VenueDay.day == on).order_by(VenueDay.run_id.desc())
                   .limit(1))
    if hit is not None:
        return hit
    return s.scalar(select(TrainingRun.id).order_by(TrainingRun.fiscal_year.desc(),
                                                    TrainingRun.term.desc()).limit(1))
