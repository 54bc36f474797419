"""The committee's decisions (決定): per trainee, in bulk for the clear cases, and amendments
after the meeting closed.

Every decision is a new row (events, not overwrites) carrying the proposal it was taken
against. Deciding against the proposal needs a written reason; a 不認定 always names its
category and reason; a 保留 names what is awaited. Only a committee member may decide, only in
an open meeting; after closing, a change is an amendment with its own reason. A trainee whose
認証 is recorded cannot be re-decided here: that is a revocation by the agency.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from scfn_desktop.db import Database
from scfn_desktop.db.models.committee import AgencyCertification, CommitteeDecision
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.proposal import CATEGORIES, OUTCOMES, ProposalVerdict
from scfn_desktop.services import audit
from scfn_desktop.services.committee.dossier import load_dossiers
from scfn_desktop.services.committee.facts import decision_view
from scfn_desktop.services.committee.meetings import locked_meeting
from scfn_desktop.services.committee.views import DecisionView, Dossier
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require

MAX_TEXT = 2000


@dataclass(frozen=True)
class BulkCandidate:
    """A clear case whose proposal would be accepted as it stands."""

    trainee_id: int
    trainee_number: str
    name: str
    outcome: str
    category: str
    reason_ja: str
    reason_en: str


def _clean(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def validate(outcome: str, category: str, reason: str, awaiting: str,
             proposal: ProposalVerdict) -> None:
    """The rules of a decision's wording (see the module docstring), all problems at once."""
    problems: list[tuple[str, str]] = []
    if outcome not in OUTCOMES:
        raise ValidationFailed(f"決定「{outcome}」は使えません（certify / not_certified / "
                               "deferred）。", f"Unknown outcome '{outcome}' (certify / "
                               "not_certified / deferred).")
    if outcome == "not_certified" and category not in CATEGORIES:
        problems.append(("不認定の理由の区分を選んでください。",
                         "Choose the reason category of the 不認定."))
    if outcome != "not_certified" and category:
        problems.append(("理由の区分は不認定のときだけ指定します。",
                         "A reason category goes with 不認定 only."))
    if outcome == "not_certified" and not reason:
        problems.append(("不認定の理由を記入してください。", "Write the reason of the 不認定."))
    if outcome == "deferred" and not awaiting:
        problems.append(("保留の場合は、待っている事項を記入してください。",
                         "For a deferral, write what is awaited."))
    if not proposal.agrees_with(outcome) and not reason:
        problems.append(("判定案と異なる決定には理由の記入が必要です。",
                         "A decision against the proposal needs a written reason."))
    for text, ja, en in ((reason, "理由", "reason"), (awaiting, "待っている事項", "awaited")):
        if len(text) > MAX_TEXT:
            problems.append((f"{ja}が長すぎます（{MAX_TEXT}文字まで）。",
                             f"The {en} text is too long (at most {MAX_TEXT} characters)."))
    if problems:
        raise ValidationFailed("\n".join(p[0] for p in problems),
                               "\n".join(p[1] for p in problems), [p[0] for p in problems])


def _dossier(db: Database, s: Session, run_id: int, trainee_id: int, on: date) -> Dossier:
    found = load_dossiers(db, s, run_id, [trainee_id], on=on)
    if not found:
        raise NotFound(f"受講生（ID {trainee_id}）はこの委員会の養成研修にいません。",
                       f"Trainee {trainee_id} is not in this meeting's training run.")
    return found[0]


def _refuse_if_certified(s: Session, trainee_id: int) -> None:
    if s.scalar(select(AgencyCertification.id)
                .where(AgencyCertification.trainee_id == trainee_id)) is not None:
        raise ValidationFailed(
            "この受講生は認証が記録済みのため、決定を変更できません（取消は事務局が記録します）。",
            "This trainee's 認証 is recorded: the decision cannot change here (a revocation "
            "is recorded by the secretariat).")


def _summary(d: CommitteeDecision | DecisionView | None) -> dict | None:
    if d is None:
        return None
    return {"decision_id": d.id, "version": d.version, "outcome": d.outcome,
            "category": d.category, "reason": d.reason, "awaiting": d.awaiting}


def _append(s: Session, actor: Actor, meeting_id: int, dossier: Dossier, outcome: str,
            category: str, reason: str, awaiting: str, *, bulk: bool = False,
            amendment_reason: str = "") -> CommitteeDecision:
    current = dossier.decision
    proposal = dossier.proposal
    row = CommitteeDecision(
        meeting_id=meeting_id, trainee_id=dossier.id,
        version=(current.version + 1) if current else 1, outcome=outcome, category=category,
        reason=reason, awaiting=awaiting, proposal_status=proposal.status.value,
        proposal_category=proposal.category or "",
        proposal_json=json.dumps(proposal.as_dict(), ensure_ascii=False, sort_keys=True),
        against_proposal=not proposal.agrees_with(outcome), bulk=bulk,
        amends_id=current.id if current else None, is_amendment=bool(amendment_reason),
        amendment_reason=amendment_reason, decided_by=actor.username)
    s.add(row)
    s.flush()
    action = "committee.amend" if amendment_reason else "committee.decide"
    audit.record(s, actor, action, "trainee", dossier.id, _summary(current), {
        **(_summary(row) or {}), "meeting_id": meeting_id, "trainee_number":
        dossier.identity.trainee_number, "proposal": proposal.status.value,
        "proposal_category": proposal.category, "against_proposal": row.against_proposal,
        "bulk": bulk, "amendment_reason": amendment_reason})
    return row


def _collision(exc: IntegrityError) -> ValidationFailed:
    return ValidationFailed(
        "同じ受講生の決定が同時に記録されました。画面を更新して、最新の決定を確認してください。",
        "Another decision for this trainee was recorded at the same moment; reload and "
        "look at the latest decision.")


def decide(db: Database, actor: Actor, meeting_id: int, trainee_id: int, outcome: str,
           category: str = "", reason: str = "", awaiting: str = "") -> DecisionView:
    """Record one decision in an open meeting (a changed mind is a new version)."""
    require(actor, Permission.COMMITTEE_DECIDE)
    reason, awaiting, category = _clean(reason), _clean(awaiting), category.strip()
    try:
        with db.transaction() as s:
            m = locked_meeting(s, meeting_id)
            if m.status != "open":
                raise ValidationFailed(
                    "この委員会は終了しているため、決定を記録できません（変更は「修正」として記録します）。",
                    "This meeting is closed, so no decision can be recorded in it (record a "
                    "change as an amendment).")
            _refuse_if_certified(s, trainee_id)
            d = _dossier(db, s, m.run_id, trainee_id, m.held_on)
            validate(outcome, category, reason, awaiting, d.proposal)
            return decision_view(_append(s, actor, m.id, d, outcome, category, reason,
                                         awaiting), m.status)
    except IntegrityError as exc:
        raise _collision(exc) from exc


def _candidates(db: Database, s: Session, run_id: int, on: date) -> list[BulkCandidate]:
    out = []
    for d in load_dossiers(db, s, run_id, on=on):
        p = d.proposal
        if p.clear and d.decision is None and d.certificate is None:
            deciding = next((f for f in p.findings if f.result == "no"), None)
            out.append(BulkCandidate(
                d.id, d.identity.trainee_number, d.identity.name, p.suggested_outcome.value,
                p.category or "", deciding.text_ja if deciding else "",
                deciding.text_en if deciding else ""))
    return out


def bulk_candidates(db: Database, meeting_id: int) -> list[BulkCandidate]:
    """The clear cases not yet decided: exactly who a bulk acceptance would decide."""
    with db.session() as s:
        m = locked_meeting(s, meeting_id)
        return _candidates(db, s, m.run_id, m.held_on)


def accept_proposals(db: Database, actor: Actor, meeting_id: int,
                     confirmed_ids: Sequence[int]) -> list[DecisionView]:
    """Accept the proposals of the clear cases the person confirmed. The list is computed
    again inside the transaction; if it differs from what was confirmed (someone decided a
    trainee, a mark was reviewed), nothing is recorded and the differences are named."""
    require(actor, Permission.COMMITTEE_DECIDE)
    try:
        with db.transaction() as s:
            m = locked_meeting(s, meeting_id)
            if m.status != "open":
                raise ValidationFailed("この委員会は終了しています。",
                                       "This meeting is closed.")
            now = {c.trainee_id: c for c in _candidates(db, s, m.run_id, m.held_on)}
            confirmed = set(confirmed_ids)
            if not confirmed:
                raise ValidationFailed("一括で決定する受講生がいません。",
                                       "Nobody to decide in bulk.")
            if confirmed != set(now):
                numbers = {t.id: t.trainee_number for t in s.scalars(
                    select(Trainee).where(Trainee.id.in_(confirmed ^ set(now))))}
                gone = sorted(numbers.get(i, str(i)) for i in confirmed - set(now))
                new = sorted(numbers.get(i, str(i)) for i in set(now) - confirmed)
                raise ValidationFailed(
                    "確認した一覧と現在の対象が異なるため、記録していません。"
                    f"対象外になった受講生: {', '.join(gone) or 'なし'}／"
                    f"新たに対象になった受講生: {', '.join(new) or 'なし'}",
                    "The list you confirmed differs from the clear cases now, so nothing was "
                    f"recorded. No longer clear or already decided: {', '.join(gone) or 'none'}"
                    f"; newly clear: {', '.join(new) or 'none'}.")
            dossiers = {d.id: d for d in load_dossiers(db, s, m.run_id, confirmed,
                                                       on=m.held_on)}
            rows = [_append(s, actor, m.id, dossiers[c.trainee_id], c.outcome, c.category,
                            c.reason_ja, "", bulk=True)
                    for c in sorted(now.values(), key=lambda c: c.trainee_number)]
            audit.record(s, actor, "committee.bulk_accept", "committee_meeting", m.id, None, {
                "trainees": [c.trainee_number for c in sorted(
                    now.values(), key=lambda c: c.trainee_number)],
                "decision_ids": [r.id for r in rows]})
            return [decision_view(r, m.status) for r in rows]
    except IntegrityError as exc:
        raise _collision(exc) from exc


def amend(db: Database, actor: Actor, decision_id: int, outcome: str, category: str = "",
          reason: str = "", awaiting: str = "", amendment_reason: str = "") -> DecisionView:
    """Amend the current decision of a closed meeting: a new row pointing at it, with the
    amendment's reason, who and when; the amended row stays as history."""
    require(actor, Permission.COMMITTEE_DECIDE)
    reason, awaiting = _clean(reason), _clean(awaiting)
    amendment_reason, category = _clean(amendment_reason), category.strip()
    if not amendment_reason:
        raise ValidationFailed("修正の理由を記入してください。", "Write the reason of the amendment.")
    if len(amendment_reason) > MAX_TEXT:
        raise ValidationFailed(f"修正の理由が長すぎます（{MAX_TEXT}文字まで）。",
                               f"The amendment reason is too long (at most {MAX_TEXT}).")
    try:
        with db.transaction() as s:
            old = s.get(CommitteeDecision, decision_id)
            if old is None:
                raise NotFound(f"決定（ID {decision_id}）が見つかりません。",
                               f"No decision with id {decision_id}.")
            m = locked_meeting(s, old.meeting_id)
            if m.status == "open":
                raise ValidationFailed("委員会は開催中です。修正ではなく、決定を記録し直してください。",
                                       "The meeting is still open: record a new decision "
                                       "instead of an amendment.")
            _refuse_if_certified(s, old.trainee_id)
            d = _dossier(db, s, m.run_id, old.trainee_id, m.held_on)
            if d.decision is None or d.decision.id != old.id:
                raise ValidationFailed("この決定は既に修正されています。最新の決定を修正してください。",
                                       "This decision has already been amended; amend the "
                                       "latest one.")
            validate(outcome, category, reason, awaiting, d.proposal)
            return decision_view(_append(s, actor, m.id, d, outcome, category, reason,
                                         awaiting, amendment_reason=amendment_reason),
                                 m.status)
    except IntegrityError as exc:
        raise _collision(exc) from exc
