"""Changing a training run: its settings, its venue days, closing and reopening it.

The venue days are their own action (`set_venue_days`), apart from the run's settings, because
they are what the lateness rule measures against: check-in builds on this call (re-judging
arrivals when a start time moves) without touching the rest of the run. Days are updated in
place by day number, never deleted and re-inserted, so whatever refers to a venue day keeps
pointing at the same row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scfn_desktop.db import Database
from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.roster import Trainee, TrainingRun, VenueDay
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.services import audit
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.runs.training_runs import (
    RunRow,
    days_json,
    find_run,
    refuse_duplicate,
    row_of,
)
from scfn_desktop.services.runs.validation import DaySpec, day_problems, refuse, settings_problems

SETTINGS = ("fiscal_year", "term", "venue", "capacity", "lateness_threshold_minutes")


def _row(s: Session, run: TrainingRun) -> RunRow:
    s.flush()
    s.refresh(run)
    count = s.scalar(select(func.count(Trainee.id)).where(Trainee.run_id == run.id)) or 0
    return row_of(run, count)


def update_run(db: Database, actor: Actor, run_id: int, fiscal_year: int, term: int,
               venue: str, capacity: int, lateness_threshold_minutes: int) -> RunRow:
    """Change the run's settings; the audit entry holds only the fields that changed."""
    require(actor, Permission.MANAGE_RUNS)
    refuse(settings_problems(fiscal_year, term, capacity, lateness_threshold_minutes, venue))
    new = {"fiscal_year": fiscal_year, "term": term, "venue": venue.strip(),
           "capacity": capacity, "lateness_threshold_minutes": lateness_threshold_minutes}
    with db.transaction() as s:
        run = find_run(s, run_id)
        refuse_duplicate(s, fiscal_year, term, except_id=run.id)
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for name in SETTINGS:
            if getattr(run, name) != new[name]:
                before[name], after[name] = getattr(run, name), new[name]
                setattr(run, name, new[name])
        if {"fiscal_year", "term"} & set(after):
            before["label"] = run_label(before.get("fiscal_year", fiscal_year),
                                        before.get("term", term))
            after["label"] = run_label(fiscal_year, term)
        if after:
            audit.record(s, actor, "run.update", "training_run", run.id, before, after)
        return _row(s, run)


def set_venue_days(db: Database, actor: Actor, run_id: int, days: Sequence[DaySpec]) -> RunRow:
    """Replace the venue days (date, start, end), day 1 first. Unchanged days write nothing;
    the audit entry holds the whole schedule before and after."""
    require(actor, Permission.MANAGE_RUNS)
    refuse(day_problems(days))
    with db.transaction() as s:
        run = find_run(s, run_id)
        old = [(d.day, d.starts_at, d.ends_at) for d in run.venue_days]
        if old == list(days):
            return _row(s, run)
        by_number = {d.day_number: d for d in run.venue_days}
        for number, (day, start, end) in enumerate(days, start=1):
            row = by_number.pop(number, None)
            if row is None:
                run.venue_days.append(VenueDay(day_number=number, day=day, starts_at=start,
                                               ends_at=end))
            else:
                row.day, row.starts_at, row.ends_at = day, start, end
        for extra in by_number.values():
            run.venue_days.remove(extra)
        audit.record(s, actor, "run.set_days", "training_run", run.id,
                     {"days": days_json(old)}, {"days": days_json(days)})
        return _row(s, run)


def close_run(db: Database, actor: Actor, run_id: int, closed: bool = True) -> RunRow:
    """Close a finished run (or reopen it with closed=False). Nothing is deleted: the run's
    trainees, exams and results stay; it is only no longer offered for imports and exams."""
    require(actor, Permission.MANAGE_RUNS)
    with db.transaction() as s:
        run = find_run(s, run_id)
        label = run_label(run.fiscal_year, run.term)
        if closed and run.closed_at is not None:
            raise ValidationFailed(f"{label} は既に終了しています。", f"{label} is already closed.")
        if not closed and run.closed_at is None:
            raise ValidationFailed(f"{label} は終了していません。", f"{label} is not closed.")
        run.closed_at = utcnow() if closed else None
        run.closed_by = actor.username if closed else None
        audit.record(s, actor, "run.close" if closed else "run.reopen", "training_run", run.id,
                     {"closed": not closed}, {"closed": closed, "label": label})
        return _row(s, run)


def reopen_run(db: Database, actor: Actor, run_id: int) -> RunRow:
    return close_run(db, actor, run_id, closed=False)
