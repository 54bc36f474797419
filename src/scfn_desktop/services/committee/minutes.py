"""Assembling the minutes of a meeting from its records (the PDF is `printing.minutes`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.committee import CommitteeDecision, CommitteeMeeting
from scfn_desktop.db.models.roster import Trainee, TrainingRun
from scfn_desktop.printing.minutes import (
    Minutes,
    MinutesAmendment,
    MinutesDecision,
    MinutesGroup,
    render_minutes,
)
from scfn_desktop.rules.dates import format_date_ja
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.services.committee.views import (
    MEMBER_ROLE_LABELS,
    category_label,
    outcome_label,
)

GROUP_ORDER = ("certify", "not_certified", "deferred")


def local_time(at: datetime) -> str:
    """A stored naive-UTC time as the PC's local clock time, as people read it."""
    from datetime import UTC

    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def detail(d: CommitteeDecision) -> str:
    """The reason line of a decision as the minutes and notices print it."""
    if d.outcome == "deferred":
        return f"保留（待っている事項: {d.awaiting}）" if d.awaiting else "保留"
    parts = [category_label(d.category)] if d.category else []
    if d.reason:
        parts.append(d.reason)
    return "：".join(parts)


def minutes_document(s: Session, m: CommitteeMeeting) -> bytes:
    run = s.get(TrainingRun, m.run_id)
    label = run_label(run.fiscal_year, run.term) if run else ""
    people = {t.id: t for t in s.scalars(
        select(Trainee).where(Trainee.run_id == m.run_id)
        .options(selectinload(Trainee.organisation)).order_by(Trainee.trainee_number))}
    rows = list(s.scalars(select(CommitteeDecision).where(CommitteeDecision.meeting_id == m.id)
                          .order_by(CommitteeDecision.id)))
    by_id = {d.id: d for d in rows}
    latest: dict[int, CommitteeDecision] = {}
    for d in rows:
        if not d.is_amendment:
            latest[d.trainee_id] = d

    def who(tid: int) -> tuple[str, str, str]:
        t = people.get(tid) or s.get(Trainee, tid)
        org = t.organisation.name if t and t.organisation else ""
        return (t.trainee_number, t.full_name, org) if t else (str(tid), "", "")

    groups = []
    for outcome in GROUP_ORDER:
        chosen = sorted((d for d in latest.values() if d.outcome == outcome),
                        key=lambda d: who(d.trainee_id)[0])
        groups.append(MinutesGroup(
            f"{outcome_label(outcome)}（{len(chosen)}名）",
            tuple(MinutesDecision(*who(d.trainee_id), detail(d) or "—",
                                  not d.against_proposal, d.bulk) for d in chosen)))
    undecided = [tid for tid in people if tid not in latest]
    groups.append(MinutesGroup(
        f"この委員会での決定なし（{len(undecided)}名）",
        tuple(MinutesDecision(*who(tid), "—", None) for tid in undecided)))
    amendments = []
    for d in rows:
        if d.is_amendment:
            before = by_id.get(d.amends_id or 0) or s.get(CommitteeDecision, d.amends_id)
            change = f"{outcome_label(before.outcome) if before else '—'} → " \
                     f"{outcome_label(d.outcome)}"
            number, name, _ = who(d.trainee_id)
            amendments.append(MinutesAmendment(
                number, name, change, f"{d.amendment_reason}（新しい内容: {detail(d) or '—'}）",
                d.decided_by, local_time(d.decided_at)))
    closed = (f"{m.closed_by}（{local_time(m.closed_at)}）" if m.closed_at else "")
    return render_minutes(Minutes(
        title="認定審査委員会 議事録", run_label=label, held_on=format_date_ja(m.held_on),
        where=("オンライン" + (f"（{m.place}）" if m.place else "")) if m.online else m.place,
        status="終了" if m.status == "closed" else "開催中", opened_by=m.opened_by,
        closed=closed,
        members=tuple((x.name, MEMBER_ROLE_LABELS.get(x.role, (x.role,))[0])
                      for x in m.members),
        groups=tuple(groups), amendments=tuple(amendments),
        generated=local_time(utcnow()),
        notes=("「判定案」は、記録に基づき規則が示した判定案に決定が従ったかどうかを示します。",)))
