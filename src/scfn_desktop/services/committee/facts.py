"""Loading what the dossiers show, for a whole run in a handful of queries.

A meeting looks at 60 trainees at once; loading each dossier on its own would be 60 x N
queries. Each function here runs one (or two) set-based queries for all the trainees asked for
and returns plain views keyed by trainee id; `dossier.py` assembles them.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from scfn_desktop.db.models.certificates import Certificate
from scfn_desktop.db.models.committee import (
    CommitteeDecision,
    CommitteeMeeting,
    DisqualificationRecord,
)
from scfn_desktop.db.models.exams import Exam
from scfn_desktop.db.models.roster import StageRecord, Trainee
from scfn_desktop.rules.certification import ValidityStatus, validity_status
from scfn_desktop.rules.disqualification import Grounds
from scfn_desktop.rules.proposal import PracticeFact
from scfn_desktop.services.committee.views import (
    CertificateView,
    DecisionView,
    ExamFacts,
    GroundsRecord,
    GroundsView,
    Identity,
    PriorRevocation,
    StageLine,
    StageView,
)
from scfn_desktop.services.exams.grading import compute_results
from scfn_desktop.services.roster.trainees import STAGE_STEPS

STAGE1_KEYS = ("small_test_a_on", "small_test_bc_on", "small_test_d1_on", "small_test_d2_on",
               "small_test_e_on", "comprehensive_test_on")


def load_trainees(s: Session, run_id: int, trainee_ids: Collection[int] | None = None,
                  ) -> list[tuple[Identity, StageView]]:
    """The run's trainees (sorted by 受講番号) with organisation and stage record."""
    stmt = (select(Trainee).where(Trainee.run_id == run_id)
            .options(selectinload(Trainee.organisation), selectinload(Trainee.stage_record))
            .order_by(Trainee.trainee_number))
    if trainee_ids is not None:
        stmt = stmt.where(Trainee.id.in_(list(trainee_ids)))
    out = []
    for t in s.scalars(stmt):
        org = t.organisation
        identity = Identity(t.id, t.trainee_number, t.full_name, t.full_kana, t.romaji, t.email,
                            org.name if org else "", org.prefecture if org else "",
                            t.qualification, t.consent_publish_name)
        out.append((identity, stage_view(t.stage_record)))
    return out


def stage_view(rec: StageRecord | None) -> StageView:
    """養成課程① and 実践 from the stage record; no record is said as such, never guessed."""
    if rec is None:
        return StageView(PracticeFact.UNKNOWN)
    lines = tuple(StageLine(k, ja, en, getattr(rec, k)) for k, ja, en in STAGE_STEPS)
    if rec.comprehensive_test_on is None:
        fact = PracticeFact.STAGE1_INCOMPLETE
    elif rec.progress_report_on is None or rec.final_report_on is None:
        fact = PracticeFact.WITHDREW
    else:
        fact = PracticeFact.COMPLETED
    return StageView(fact, lines)


def load_exam(s: Session, run_id: int) -> dict[int, ExamFacts]:
    """Each trainee's result from the exam services (the run's latest exam); empty when the
    run has no exam or no key yet (the dossier then says "no exam")."""
    exam_id = s.scalar(select(Exam.id).where(Exam.run_id == run_id)
                       .order_by(Exam.id.desc()).limit(1))
    if exam_id is None:
        return {}
    try:
        results = compute_results(s, exam_id)
    except LookupError:
        return {}
    rule = results.rule
    out = {}
    for r in results.trainees:
        answers = results.answers_by_sheet.get(r.sheet_id or 0, {})
        out[r.trainee_id] = ExamFacts(
            exam_id=exam_id, status=r.status, score=r.score, max_points=r.max_points,
            criterion_ja=rule.describe_ja(), criterion_en=rule.describe_en(),
            reason_ja=r.reason_ja, reason_en=r.reason_en,
            reviewed_marks=sum(1 for a in answers.values() if a.by),
            open_marks=len(r.pending_questions), duplicate_sheets=len(r.duplicate_sheet_ids))
    return out


def no_exam() -> ExamFacts:
    return ExamFacts(None, "no_exam", reason_ja="修了認定テストが未設定です。",
                     reason_en="The completion test is not set up.")


def grounds_of(r: DisqualificationRecord) -> Grounds:
    return Grounds(mental_impairment=r.mental_impairment,
                   immigration_penalty_ended_on=r.immigration_penalty_ended_on,
                   imprisonment_ended_on=r.imprisonment_ended_on, revoked_on=r.revoked_on,
                   immigration_penalty_pending=r.immigration_penalty_pending,
                   imprisonment_pending=r.imprisonment_pending)


def load_grounds(s: Session, trainee_ids: Collection[int]) -> dict[int, GroundsView]:
    """The latest declaration and the latest check of each trainee, and revoked certificates
    of anyone with the same name and kana (欠格事由④ counts from any revocation of the person,
    and a later run gives the person a new trainee row)."""
    ids = list(trainee_ids)
    latest: dict[tuple[int, str], GroundsRecord] = {}
    for r in s.scalars(select(DisqualificationRecord)
                       .where(DisqualificationRecord.trainee_id.in_(ids))
                       .order_by(DisqualificationRecord.id)):
        latest[(r.trainee_id, r.kind)] = GroundsRecord(r.id, r.kind, grounds_of(r), r.evidence,
                                                       r.recorded_by, r.recorded_at)
    prior = _prior_revocations(s, ids)
    return {tid: GroundsView(latest.get((tid, "declared")), latest.get((tid, "checked")),
                             prior.get(tid, ())) for tid in ids}


def _prior_revocations(s: Session, ids: list[int]) -> dict[int, tuple[PriorRevocation, ...]]:
    people = s.execute(select(Trainee.id, Trainee.family_name, Trainee.given_name,
                              Trainee.family_kana, Trainee.given_kana)
                       .where(Trainee.id.in_(ids))).all()
    by_name: dict[tuple[str, str, str, str], list[int]] = {}
    for tid, *name in people:
        by_name.setdefault(tuple(name), []).append(tid)  # type: ignore[arg-type]
    families = sorted({name[0] for name in by_name})
    if not families:
        return {}
    holder = Trainee
    rows = s.execute(
        select(Certificate, holder.trainee_number, holder.family_name, holder.given_name,
               holder.family_kana, holder.given_kana)
        .join(holder, holder.id == Certificate.trainee_id)
        .options(selectinload(Certificate.revocation))
        .where(holder.family_name.in_(families))).all()
    out: dict[int, list[PriorRevocation]] = {}
    for cert, number, *name in rows:
        if cert.revocation is None:
            continue
        for tid in by_name.get(tuple(name), []):  # type: ignore[arg-type]
            if tid != cert.trainee_id:
                out.setdefault(tid, []).append(
                    PriorRevocation(cert.number, number, cert.revocation.revoked_on))
    return {tid: tuple(sorted(v, key=lambda p: p.revoked_on)) for tid, v in out.items()}


def decision_view(d: CommitteeDecision, meeting_status: str) -> DecisionView:
    return DecisionView(d.id, d.meeting_id, d.trainee_id, d.version, d.outcome, d.category,
                        d.reason, d.awaiting, d.proposal_status, d.proposal_category,
                        d.against_proposal, d.bulk, d.is_amendment, d.amendment_reason,
                        d.amends_id, d.decided_by, d.decided_at, meeting_status == "closed")


def load_decisions(s: Session, trainee_ids: Collection[int]
                   ) -> dict[int, tuple[DecisionView, ...]]:
    """Every decision event of each trainee, oldest first (the last is the current one)."""
    out: dict[int, list[DecisionView]] = {}
    for d, status in s.execute(
            select(CommitteeDecision, CommitteeMeeting.status)
            .join(CommitteeMeeting, CommitteeMeeting.id == CommitteeDecision.meeting_id)
            .where(CommitteeDecision.trainee_id.in_(list(trainee_ids)))
            .order_by(CommitteeDecision.trainee_id, CommitteeDecision.version)):
        out.setdefault(d.trainee_id, []).append(decision_view(d, status))
    return {tid: tuple(v) for tid, v in out.items()}


def certificate_view(cert: Certificate, on: date) -> CertificateView:
    """The register status on ``on``: revoked beats the calendar; else valid or expired."""
    rev = cert.revocation
    if rev is not None and rev.revoked_on <= on:
        status = "revoked"
    else:
        validity = validity_status(cert.valid_until, on)
        status = "valid" if validity.status is ValidityStatus.VALID else "expired"
    return CertificateView(cert.id, cert.number, cert.certified_on, cert.valid_until,
                           cert.agency_reference, status,
                           rev.revoked_on if rev else None, rev.reason if rev else "")


def load_certificates(s: Session, trainee_ids: Collection[int], on: date
                      ) -> dict[int, CertificateView]:
    return {c.trainee_id: certificate_view(c, on) for c in s.scalars(
        select(Certificate).where(Certificate.trainee_id.in_(list(trainee_ids)))
        .options(selectinload(Certificate.revocation)))}
