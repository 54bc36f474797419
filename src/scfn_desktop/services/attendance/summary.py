"""Each trainee's attendance of 養成課程② in one verdict: both venue days complete or not, and
why (each incomplete day named with its reason), and whether an excused absence accepted by the
secretariat applies (the retake exemption). Qt-free and read-only, for the committee's dossier.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.attendance_day import AttendanceVerdict, judge_attendance
from scfn_desktop.rules.names import join_name
from scfn_desktop.services.attendance.history import judge, run_events
from scfn_desktop.services.attendance.schedule import load_run
from scfn_desktop.services.errors import NotFound


@dataclass(frozen=True)
class TraineeAttendance:
    trainee_id: int
    number: str
    name: str
    verdict: AttendanceVerdict

    @property
    def complete(self) -> bool:
        return self.verdict.complete


def run_attendance(db: Database, run_id: int) -> list[TraineeAttendance]:
    """Every trainee of the run, sorted by trainee number."""
    with db.session() as s:
        run = load_run(s, run_id)
        people = s.scalars(select(Trainee).where(Trainee.run_id == run_id)
                           .order_by(Trainee.trainee_number)).all()
        by_day = {d.day_number: run_events(s, run_id, d.day_number) for d in run.days}
        return [TraineeAttendance(
            t.id, t.trainee_number, join_name(t.family_name, t.given_name),
            judge_attendance([judge(by_day[d.day_number].get(t.id, ()), d) for d in run.days]))
            for t in people]


def attendance_summary(db: Database, trainee_id: int) -> TraineeAttendance:
    """One trainee's summary (NotFound for an unknown trainee or one without a run)."""
    with db.session() as s:
        trainee = s.get(Trainee, trainee_id)
        run_id = trainee.run_id if trainee is not None else None
    if run_id is None:
        raise NotFound(f"受講生（ID {trainee_id}）の養成研修が見つかりません。",
                       f"No training run found for trainee {trainee_id}.")
    return next(a for a in run_attendance(db, run_id) if a.trainee_id == trainee_id)
