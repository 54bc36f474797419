"""Training runs (養成研修, one per term) and their venue days (養成課程②, usually two days).

The venue days carry the start times the lateness rule measures against, and the run carries
the threshold (default 60 minutes, a setting because the seeds leave it open per day).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Trainee, TrainingRun, VenueDay
from scfn_desktop.rules.fiscal import REIWA_FIRST_YEAR, run_label
from scfn_desktop.services import audit
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require

DaySpec = tuple[date, time, time]


@dataclass(frozen=True)
class VenueDayRow:
    day_number: int
    day: date
    starts_at: time
    ends_at: time


@dataclass(frozen=True)
class RunRow:
    id: int
    fiscal_year: int
    term: int
    label: str
    venue: str
    capacity: int
    lateness_threshold_minutes: int
    days: tuple[VenueDayRow, ...]
    trainee_count: int


def _validate(fiscal_year: int, term: int, days: Sequence[DaySpec], capacity: int,
              threshold: int, venue: str = "") -> None:
    problems: list[tuple[str, str]] = []
    if fiscal_year < REIWA_FIRST_YEAR:
        problems.append((f"年度 {fiscal_year} は令和以前です。",
                         f"Fiscal year {fiscal_year} is before the Reiwa era."))
    if term < 1:
        problems.append(("期は1以上にしてください。", "The term must be 1 or more."))
    if not days:
        problems.append(("集合研修の日程を入力してください。", "Enter the venue days."))
    for i, (day, start, end) in enumerate(days, start=1):
        if start >= end:
            problems.append((f"{i}日目の終了時刻が開始時刻より前です。",
                             f"Day {i} ends before it starts."))
        if i > 1 and day <= days[i - 2][0]:
            problems.append((f"{i}日目の日付が前の日以前です。",
                             f"Day {i} is not after the previous day."))
    venue_limit = TrainingRun.venue.type.length
    if len(venue.strip()) > venue_limit:  # PostgreSQL refuses over-long text, SQLite stores it
        problems.append((f"会場名が長すぎます（{venue_limit}文字まで）。",
                         f"The venue name is too long (at most {venue_limit} characters)."))
    if capacity < 1:
        problems.append(("定員は1以上にしてください。", "The capacity must be 1 or more."))
    if threshold < 1:
        problems.append(("遅刻の基準は1分以上にしてください。",
                         "The lateness threshold must be at least 1 minute."))
    if problems:
        raise ValidationFailed("\n".join(p[0] for p in problems),
                               "\n".join(p[1] for p in problems), [p[0] for p in problems])


def insert_run(s: Session, actor: Actor, fiscal_year: int, term: int, venue: str,
               days: Sequence[DaySpec], capacity: int = 60,
               lateness_threshold_minutes: int = 60) -> TrainingRun:
    """Insert inside the caller's transaction (shared by `create_run` and the demo)."""
    _validate(fiscal_year, term, days, capacity, lateness_threshold_minutes, venue)
    if s.scalar(select(TrainingRun.id).where(TrainingRun.fiscal_year == fiscal_year,
                                             TrainingRun.term == term)):
        label = run_label(fiscal_year, term)
        raise ValidationFailed(f"{label} は既に登録されています。",
                               f"The run {label} (FY{fiscal_year} term {term}) already exists.")
    run = TrainingRun(fiscal_year=fiscal_year, term=term, venue=venue.strip(),
                      capacity=capacity, lateness_threshold_minutes=lateness_threshold_minutes)
    run.venue_days = [VenueDay(day_number=i, day=d, starts_at=a, ends_at=b)
                      for i, (d, a, b) in enumerate(days, start=1)]
    s.add(run)
    s.flush()
    audit.record(s, actor, "run.create", "training_run", run.id, None, {
        "fiscal_year": fiscal_year, "term": term, "label": run_label(fiscal_year, term),
        "venue": run.venue, "capacity": capacity,
        "lateness_threshold_minutes": lateness_threshold_minutes,
        "days": [[d.isoformat(), a.isoformat(), b.isoformat()] for d, a, b in days],
    })
    return run


def create_run(db: Database, actor: Actor, fiscal_year: int, term: int, venue: str,
               days: Sequence[DaySpec], capacity: int = 60,
               lateness_threshold_minutes: int = 60) -> RunRow:
    """Register a 養成研修 term. Setting up a run is roster administration (EDIT_ROSTER)."""
    require(actor, Permission.EDIT_ROSTER)
    with db.transaction() as s:
        run = insert_run(s, actor, fiscal_year, term, venue, days, capacity,
                         lateness_threshold_minutes)
        return _row(run, 0)


def _row(run: TrainingRun, trainee_count: int) -> RunRow:
    return RunRow(
        id=run.id, fiscal_year=run.fiscal_year, term=run.term,
        label=run_label(run.fiscal_year, run.term), venue=run.venue, capacity=run.capacity,
        lateness_threshold_minutes=run.lateness_threshold_minutes,
        days=tuple(VenueDayRow(d.day_number, d.day, d.starts_at, d.ends_at)
                   for d in run.venue_days),
        trainee_count=trainee_count,
    )


def list_runs(db: Database) -> list[RunRow]:
    """Newest first: the current term is what staff look for."""
    with db.session() as s:
        counts = {run_id: n for run_id, n in s.execute(
            select(Trainee.run_id, func.count(Trainee.id)).group_by(Trainee.run_id))}
        runs = s.scalars(select(TrainingRun).options(selectinload(TrainingRun.venue_days))
                         .order_by(TrainingRun.fiscal_year.desc(), TrainingRun.term.desc()))
        return [_row(r, counts.get(r.id, 0)) for r in runs]


def get_run(db: Database, run_id: int) -> RunRow:
    for run in list_runs(db):
        if run.id == run_id:
            return run
    raise NotFound(f"養成研修（ID {run_id}）が見つかりません。",
                   f"No training run with id {run_id}.")
