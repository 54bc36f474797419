"""Training runs (養成研修, one per term) and their venue days (養成課程②, usually two days):
what they are, listing them and creating one.

The venue days carry the start times the lateness rule measures against, and the run carries
the threshold (default 60 minutes, a setting because the seeds leave it open per day). A run
is closed when it is finished: kept for history (its trainees, exams and results stay), but no
longer offered for roster imports and new exams (see `require_open`). Editing and closing are
in `editing.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Trainee, TrainingRun, VenueDay
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.services import audit
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.runs.validation import DaySpec, day_problems, refuse, settings_problems

__all__ = ["DaySpec", "RunRow", "VenueDayRow", "create_run", "get_run", "insert_run",
           "list_runs", "newest_open_run", "require_open"]


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
    closed_at: datetime | None = None  # naive UTC, as stored
    closed_by: str = ""

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    def day_specs(self) -> list[DaySpec]:
        return [(d.day, d.starts_at, d.ends_at) for d in self.days]


def days_json(days: Sequence[DaySpec]) -> list[list[str]]:
    """Venue days as the audit log records them: [date, start, end] in ISO form."""
    return [[d.isoformat(), a.isoformat("minutes"), b.isoformat("minutes")] for d, a, b in days]


def insert_run(s: Session, actor: Actor, fiscal_year: int, term: int, venue: str,
               days: Sequence[DaySpec], capacity: int = 60,
               lateness_threshold_minutes: int = 60) -> TrainingRun:
    """Insert inside the caller's transaction (shared by `create_run` and the demo)."""
    refuse(settings_problems(fiscal_year, term, capacity, lateness_threshold_minutes, venue)
           + day_problems(days))
    refuse_duplicate(s, fiscal_year, term)
    run = TrainingRun(fiscal_year=fiscal_year, term=term, venue=venue.strip(),
                      capacity=capacity, lateness_threshold_minutes=lateness_threshold_minutes)
    run.venue_days = [VenueDay(day_number=i, day=d, starts_at=a, ends_at=b)
                      for i, (d, a, b) in enumerate(days, start=1)]
    s.add(run)
    s.flush()
    audit.record(s, actor, "run.create", "training_run", run.id, None, {
        "fiscal_year": fiscal_year, "term": term, "label": run_label(fiscal_year, term),
        "venue": run.venue, "capacity": capacity,
        "lateness_threshold_minutes": lateness_threshold_minutes, "days": days_json(days),
    })
    return run


def refuse_duplicate(s: Session, fiscal_year: int, term: int, except_id: int = 0) -> None:
    """One run per fiscal year and term (the unique constraint, said in words)."""
    if s.scalar(select(TrainingRun.id).where(TrainingRun.fiscal_year == fiscal_year,
                                             TrainingRun.term == term,
                                             TrainingRun.id != except_id)):
        label = run_label(fiscal_year, term)
        raise ValidationFailed(f"{label} は既に登録されています。",
                               f"The run {label} (FY{fiscal_year} term {term}) already exists.")


def create_run(db: Database, actor: Actor, fiscal_year: int, term: int, venue: str,
               days: Sequence[DaySpec], capacity: int = 60,
               lateness_threshold_minutes: int = 60) -> RunRow:
    """Register a 養成研修 term (MANAGE_RUNS: the administrator sets up the runs)."""
    require(actor, Permission.MANAGE_RUNS)
    with db.transaction() as s:
        run = insert_run(s, actor, fiscal_year, term, venue, days, capacity,
                         lateness_threshold_minutes)
        return row_of(run, 0)


def row_of(run: TrainingRun, trainee_count: int) -> RunRow:
    return RunRow(
        id=run.id, fiscal_year=run.fiscal_year, term=run.term,
        label=run_label(run.fiscal_year, run.term), venue=run.venue, capacity=run.capacity,
        lateness_threshold_minutes=run.lateness_threshold_minutes,
        days=tuple(VenueDayRow(d.day_number, d.day, d.starts_at, d.ends_at)
                   for d in run.venue_days),
        trainee_count=trainee_count, closed_at=run.closed_at, closed_by=run.closed_by or "",
    )


def list_runs(db: Database, include_closed: bool = True) -> list[RunRow]:
    """Newest first: the current term is what staff look for. Reading the runs needs no
    permission (every role sees run names on its pages); the 養成研修 page itself is VIEW_RUNS."""
    with db.session() as s:
        counts = {run_id: n for run_id, n in s.execute(
            select(Trainee.run_id, func.count(Trainee.id)).group_by(Trainee.run_id))}
        stmt = (select(TrainingRun).options(selectinload(TrainingRun.venue_days))
                .order_by(TrainingRun.fiscal_year.desc(), TrainingRun.term.desc()))
        if not include_closed:
            stmt = stmt.where(TrainingRun.closed_at.is_(None))
        return [row_of(r, counts.get(r.id, 0)) for r in s.scalars(stmt)]


def newest_open_run(db: Database) -> RunRow | None:
    """What an import or a new exam is for unless the person picks another run."""
    runs = list_runs(db, include_closed=False)
    return runs[0] if runs else None


def find_run(s: Session, run_id: object) -> TrainingRun:
    """The run, inside the caller's session; NotFound (with the id) when there is none. Every
    service that is handed a run id checks it through here."""
    run = s.get(TrainingRun, run_id) if isinstance(run_id, int) else None
    if run is None:
        raise NotFound(f"養成研修（ID {run_id}）が見つかりません。",
                       f"No training run with id {run_id}.")
    return run


def get_run(db: Database, run_id: int) -> RunRow:
    for run in list_runs(db):
        if run.id == run_id:
            return run
    raise NotFound(f"養成研修（ID {run_id}）が見つかりません。",
                   f"No training run with id {run_id}.")


def require_open(s: Session, run_id: int) -> TrainingRun:
    """The run, inside the caller's transaction; refused when missing or closed, so nothing
    new (trainees, exams) is added to a finished run."""
    run = find_run(s, run_id)
    if run.closed_at is not None:
        label = run_label(run.fiscal_year, run.term)
        raise ValidationFailed(
            f"{label} は終了しています。続けて使うには、養成研修のページで再開してください。",
            f"{label} is closed. To use it again, reopen it on the training runs page.")
    return run
