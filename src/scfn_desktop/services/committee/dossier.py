"""The dossier (審査資料) of each trainee and the rules' proposal, for a whole run at once.

One call loads a run's trainees, their stage records, the exam results, the 欠格事由 records,
the decisions, the certificates and the attendance in a fixed number of queries (see
`facts.py`), then builds each trainee's proposal from those plain facts with
`rules.proposal.propose`. The day the 2-year windows are judged is the meeting's date.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from scfn_desktop.db import Database
from scfn_desktop.db.models.committee import CommitteeMeeting
from scfn_desktop.db.models.roster import Trainee, TrainingRun
from scfn_desktop.rules.disqualification import Grounds
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.rules.proposal import (
    RETAKE_KIND_BY_CATEGORY,
    AttendanceFact,
    PracticeFact,
    ProposalFacts,
    ProposalVerdict,
    TestFact,
    propose,
)
from scfn_desktop.rules.retake import (
    EXEMPTION_KINDS,
    EXEMPTION_TABLE,
    STAGE_LABELS,
    STAGES,
    exemption_deadline,
)
from scfn_desktop.services.committee import facts
from scfn_desktop.services.committee.attendance import NO_RECORD, load_attendance
from scfn_desktop.services.committee.views import (
    AttendanceView,
    DecisionView,
    Dossier,
    ExamFacts,
    ExemptionView,
    GroundsView,
)
from scfn_desktop.services.errors import NotFound
from scfn_desktop.services.runs.training_runs import find_run

_TEST = {"passed": TestFact.PASSED, "failed": TestFact.FAILED, "absent": TestFact.ABSENT,
         "pending": TestFact.PENDING, "no_exam": TestFact.NO_EXAM}


def judgement_day(s: Session, run_id: int) -> date:
    """The open meeting's date, else the latest meeting's, else today."""
    meetings = s.execute(select(CommitteeMeeting.held_on, CommitteeMeeting.status)
                         .where(CommitteeMeeting.run_id == run_id)
                         .order_by(CommitteeMeeting.id)).all()
    for held_on, status in reversed(meetings):
        if status == "open":
            return held_on
    return meetings[-1].held_on if meetings else date.today()


def effective_grounds(view: GroundsView) -> Grounds | None:
    """The committee's check, with any later revocation of the same person in the register
    (欠格事由④); None while nothing has been checked."""
    if view.checked is None:
        return None
    g = view.checked.grounds
    revoked = [p.revoked_on for p in view.prior_revocations]
    if g.revoked_on is not None:
        revoked.append(g.revoked_on)
    if not revoked or max(revoked) == g.revoked_on:
        return g
    return Grounds(mental_impairment=g.mental_impairment,
                   immigration_penalty_ended_on=g.immigration_penalty_ended_on,
                   imprisonment_ended_on=g.imprisonment_ended_on, revoked_on=max(revoked),
                   immigration_penalty_pending=g.immigration_penalty_pending,
                   imprisonment_pending=g.imprisonment_pending)


def proposal_for(stage_fact: PracticeFact, attendance: AttendanceView, exam: ExamFacts,
                 grounds: GroundsView, on: date) -> ProposalVerdict:
    """The rules' proposal from the dossier's facts; a venue problem carries its summary."""
    explain = attendance.available and attendance.fact is not AttendanceFact.COMPLETE
    note_ja = attendance.note_ja if explain else ""
    note_en = attendance.note_en if explain else ""
    return propose(ProposalFacts(
        practice=stage_fact, attendance=attendance.fact, test=_TEST[exam.status],
        grounds=effective_grounds(grounds), on=on, score=exam.score,
        max_points=exam.max_points, criterion_ja=exam.criterion_ja,
        criterion_en=exam.criterion_en, open_marks=exam.open_marks + exam.duplicate_sheets,
        attendance_note_ja=note_ja, attendance_note_en=note_en))


def exemption_for(decision: DecisionView | None, fiscal_year: int, event_day: date
                  ) -> ExemptionView | None:
    """What a 不認定 earns (seed 000 §第2 3(2), 4(2)イ): the case from the decision's category,
    the deadline from the run's fiscal year (rules.retake.exemption_deadline)."""
    if decision is None or decision.outcome != "not_certified":
        return None
    kind = RETAKE_KIND_BY_CATEGORY.get(decision.category)
    if kind is None:
        return None
    exempt = EXEMPTION_TABLE[kind]
    kind_ja, kind_en = EXEMPTION_KINDS[kind]
    ordered = [st for st in STAGES if st in exempt]
    return ExemptionView(kind, kind_ja, kind_en,
                         exemption_deadline(event_day, run_fiscal_year=fiscal_year),
                         tuple(STAGE_LABELS[st][0] for st in ordered),
                         tuple(STAGE_LABELS[st][1] for st in ordered),
                         test_only=set(exempt) >= set(STAGES))


def exam_day(run: TrainingRun) -> date:
    """The day of the 修了認定テスト: the last venue day (the run's creation day without one)."""
    return run.venue_days[-1].day if run.venue_days else run.created_at.date()


def load_dossiers(db: Database, s: Session, run_id: int,
                  trainee_ids: Collection[int] | None = None, on: date | None = None,
                  today: date | None = None) -> list[Dossier]:
    """Dossiers of the run's trainees (all, or those asked for), sorted by 受講番号. ``s`` is
    the caller's session (a decision's transaction); attendance is read through the check-in
    capability's own summary service, on ``db``."""
    run = find_run(s, run_id)
    on = on or judgement_day(s, run_id)
    today = today or date.today()
    people = facts.load_trainees(s, run_id, trainee_ids)
    ids = [identity.id for identity, _ in people]
    if not ids:
        return []
    exams = facts.load_exam(s, run_id)
    grounds = facts.load_grounds(s, ids)
    decisions = facts.load_decisions(s, ids)
    certificates = facts.load_certificates(s, ids, today)
    attendance = load_attendance(db, run_id, ids)
    label = run_label(run.fiscal_year, run.term)
    event_day = exam_day(run)
    out = []
    for identity, stage in people:
        exam = exams.get(identity.id) or facts.no_exam()
        att = attendance.get(identity.id, NO_RECORD)
        history = decisions.get(identity.id, ())
        cert = certificates.get(identity.id)
        out.append(Dossier(
            identity=identity, run_id=run_id, run_label=label, stage=stage, attendance=att,
            exam=exam, grounds=grounds[identity.id],
            proposal=proposal_for(stage.fact, att, exam, grounds[identity.id], on),
            history=history, certified_on=cert.certified_on if cert else None,
            certificate=cert,
            exemption=exemption_for(history[-1] if history else None, run.fiscal_year,
                                    event_day)))
    return out


def run_dossiers(db: Database, run_id: int, on: date | None = None) -> list[Dossier]:
    """Every trainee's dossier of a run (the decision list)."""
    with db.session() as s:
        return load_dossiers(db, s, run_id, on=on)


def dossier(db: Database, trainee_id: int, on: date | None = None) -> Dossier:
    """One trainee's dossier (the dossier page)."""
    with db.session() as s:
        run_id = s.scalar(select(Trainee.run_id).where(Trainee.id == trainee_id))
        if run_id is None:
            raise NotFound(f"受講生（ID {trainee_id}）が見つからないか、養成研修に属していません。",
                           f"No trainee with id {trainee_id} in a training run.")
        return load_dossiers(db, s, run_id, [trainee_id], on=on)[0]
