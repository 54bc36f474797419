"""The agency's 認証 and its revocation, as the secretariat records them (seed 000 §第2 5(3)-(5)).

The committee decides 修了認定; the agency (出入国在留管理庁) then certifies those it approves, and
only they get a certificate. Recording a 認証 (per person or for a whole list at once, with the
date and the agency's reference) creates each certificate record — number, 認証日, validity —
in the same transaction, all or nothing. Only a trainee whose current decision is 認定 in a
closed meeting (the list is fixed) can be certified. A revocation (取消) keeps the certificate
and its number, records the reason and date, and from that date 欠格事由④ applies for 2 years.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from scfn_desktop.db import Database
from scfn_desktop.db.models.certificates import Certificate, CertificateRevocation
from scfn_desktop.db.models.committee import (
    AgencyCertification,
    CommitteeDecision,
    CommitteeMeeting,
)
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.fiscal import fiscal_year
from scfn_desktop.services import audit
from scfn_desktop.services.certificates.records import (
    CertificateRecord,
    create_certificate,
    ensure_counter,
)
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require

MAX_REASON = 2000


@dataclass(frozen=True)
class AwaitingRow:
    """A trainee the committee certified whose 認証 is not recorded yet."""

    trainee_id: int
    trainee_number: str
    name: str
    organisation: str
    run_id: int
    decided_on: date
    meeting_closed: bool


def _current_decisions(s, trainee_ids=None):  # type: ignore[no-untyped-def]
    stmt = (select(CommitteeDecision, CommitteeMeeting)
            .join(CommitteeMeeting, CommitteeMeeting.id == CommitteeDecision.meeting_id)
            .order_by(CommitteeDecision.trainee_id, CommitteeDecision.version))
    if trainee_ids is not None:
        stmt = stmt.where(CommitteeDecision.trainee_id.in_(list(trainee_ids)))
    current = {}
    for d, m in s.execute(stmt):
        current[d.trainee_id] = (d, m)
    return current


def awaiting_certification(db: Database, run_id: int | None = None) -> list[AwaitingRow]:
    """Certified by the committee, not yet certified by the agency (sorted by 受講番号)."""
    with db.session() as s:
        done = set(s.scalars(select(AgencyCertification.trainee_id)))
        out = []
        current = _current_decisions(s)
        wanted = [tid for tid, (d, _) in current.items()
                  if d.outcome == "certify" and tid not in done]
        people = {t.id: t for t in s.scalars(select(Trainee).where(Trainee.id.in_(wanted))
                                             .options(selectinload(Trainee.organisation)))}
        for tid in wanted:
            d, m = current[tid]
            t = people[tid]
            if run_id is not None and t.run_id != run_id:
                continue
            out.append(AwaitingRow(tid, t.trainee_number, t.full_name,
                                   t.organisation.name if t.organisation else "",
                                   t.run_id or 0, m.held_on, m.status == "closed"))
        return sorted(out, key=lambda r: r.trainee_number)


def record_certification(db: Database, actor: Actor, trainee_ids: Sequence[int],
                         certified_on: date, agency_reference: str,
                         today: date | None = None) -> list[CertificateRecord]:
    """Record the agency's 認証 of these trainees on ``certified_on`` with its reference, and
    create their certificates; nothing is recorded unless every trainee qualifies."""
    require(actor, Permission.RECORD_CERTIFICATION)
    reference = " ".join(agency_reference.split())
    limit = AgencyCertification.agency_reference.type.length
    ids = sorted(set(trainee_ids))
    problems: list[tuple[str, str]] = []
    if not ids:
        problems.append(("認証する受講生を選んでください。", "Choose the trainees to certify."))
    if not reference:
        problems.append(("出入国在留管理庁の文書番号など、認証の根拠を記入してください。",
                         "Enter the agency's reference for the 認証."))
    if len(reference) > limit:
        problems.append((f"根拠の記入が長すぎます（{limit}文字まで）。",
                         f"The reference is too long (at most {limit} characters)."))
    if certified_on > (today or date.today()):
        problems.append(("認証日が未来の日付です。", "The 認証 date is in the future."))
    if problems:
        raise ValidationFailed("\n".join(p[0] for p in problems),
                               "\n".join(p[1] for p in problems), [p[0] for p in problems])
    try:
        with db.transaction() as s:
            # Take the year's counter first: on SQLite this is the transaction's first write,
            # so a second station waits here for the whole issue instead of failing midway.
            ensure_counter(s, fiscal_year(certified_on))
            current = _current_decisions(s, ids)
            people = {t.id: t for t in s.scalars(select(Trainee).where(Trainee.id.in_(ids)))}
            done = set(s.scalars(select(AgencyCertification.trainee_id)
                                 .where(AgencyCertification.trainee_id.in_(ids))))
            bad: list[tuple[str, str]] = []
            for tid in ids:
                t = people.get(tid)
                number = t.trainee_number if t else str(tid)
                d, m = current.get(tid, (None, None))
                if t is None:
                    bad.append((f"{number}: 受講生が見つかりません", f"{number}: no such trainee"))
                elif tid in done:
                    bad.append((f"{number}: 認証は記録済みです", f"{number}: already certified"))
                elif d is None or d.outcome != "certify":
                    bad.append((f"{number}: 委員会の決定が「認定」ではありません",
                                f"{number}: the committee's decision is not 認定"))
                elif m.status != "closed":
                    bad.append((f"{number}: 委員会が終了していません（名簿が確定していません）",
                                f"{number}: the meeting is not closed (the list is not fixed)"))
                elif certified_on < m.held_on:
                    bad.append((f"{number}: 認証日が委員会の開催日より前です",
                                f"{number}: the 認証 date is before the meeting"))
            if bad:
                raise ValidationFailed("認証を記録できません。\n" + "\n".join(b[0] for b in bad),
                                       "Cannot record the 認証.\n" + "\n".join(b[1] for b in bad),
                                       [b[0] for b in bad])
            records = []
            for tid in ids:
                d, _ = current[tid]
                cert = AgencyCertification(trainee_id=tid, decision_id=d.id,
                                           certified_on=certified_on,
                                           agency_reference=reference,
                                           recorded_by=actor.username)
                s.add(cert)
                s.flush()
                audit.record(s, actor, "committee.certify", "trainee", tid, None, {
                    "trainee_number": people[tid].trainee_number, "certified_on": certified_on,
                    "agency_reference": reference, "decision_id": d.id})
                records.append(create_certificate(s, actor, tid, cert.id, certified_on,
                                                  reference))
            return records
    except IntegrityError as exc:
        raise ValidationFailed("同じ受講生の認証が同時に記録されました。画面を更新してください。",
                               "The 認証 of one of these trainees was recorded at the same "
                               "moment elsewhere; reload.") from exc


def revoke_certificate(db: Database, actor: Actor, number: str, revoked_on: date, reason: str,
                       today: date | None = None) -> None:
    """Record the agency's 取消 of a certificate (by its number)."""
    require(actor, Permission.RECORD_CERTIFICATION)
    reason = reason.strip()
    if not reason:
        raise ValidationFailed("取消の理由を記入してください。", "Write the reason of the revocation.")
    if len(reason) > MAX_REASON:
        raise ValidationFailed(f"取消の理由が長すぎます（{MAX_REASON}文字まで）。",
                               f"The reason is too long (at most {MAX_REASON} characters).")
    if revoked_on > (today or date.today()):
        raise ValidationFailed("取消日が未来の日付です。", "The revocation date is in the future.")
    try:
        with db.transaction() as s:
            cert = s.scalar(select(Certificate).where(Certificate.number == number.strip())
                            .options(selectinload(Certificate.revocation)))
            if cert is None:
                raise NotFound(f"認定番号 {number} の認定証はありません。",
                               f"No certificate numbered {number}.")
            if cert.revocation is not None:
                raise ValidationFailed(f"{cert.number} は既に取り消されています。",
                                       f"{cert.number} is already revoked.")
            if revoked_on < cert.certified_on:
                raise ValidationFailed("取消日が認証日より前です。",
                                       "The revocation date is before the 認証 date.")
            s.add(CertificateRevocation(certificate_id=cert.id, revoked_on=revoked_on,
                                        reason=reason, recorded_by=actor.username))
            s.flush()
            audit.record(s, actor, "certificate.revoke", "certificate", cert.id,
                         {"number": cert.number, "status": "issued"},
                         {"number": cert.number, "revoked_on": revoked_on, "reason": reason})
    except IntegrityError as exc:
        raise ValidationFailed(f"{number} の取消が同時に記録されました。",
                               f"The revocation of {number} was recorded at the same moment "
                               "elsewhere.") from exc
