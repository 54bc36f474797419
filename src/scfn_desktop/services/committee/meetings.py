"""Meetings of the 認定審査委員会: open one for a run (date, place or online, members present),
change who is present while it is open, and close it — which locks every decision taken in it
and writes the minutes PDF beside the database.

Closing takes the meeting row FOR UPDATE and deciding takes it FOR SHARE, so on PostgreSQL a
decision and a close racing each other are serialised: a decision is either in the minutes or
refused, never committed into a meeting that has just closed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from scfn_desktop import config
from scfn_desktop.db import Database
from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.committee import (
    MEMBER_ROLES,
    CommitteeDecision,
    CommitteeMeeting,
    MeetingMember,
)
from scfn_desktop.db.models.roster import TrainingRun
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.services import audit
from scfn_desktop.services.committee.minutes import minutes_document
from scfn_desktop.services.committee.views import MeetingView, MemberView
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.runs.training_runs import find_run

Member = tuple[str, str]  # (name, "chair" | "member")
MINUTES_FOLDER = "committee"


def _view(m: CommitteeMeeting, label: str, decisions: int = 0) -> MeetingView:
    return MeetingView(m.id, m.run_id, label, m.held_on, m.place, m.online, m.status,
                       m.opened_by, m.closed_by, m.closed_at,
                       tuple(MemberView(x.name, x.role) for x in m.members), decisions,
                       m.minutes_file)


def locked_meeting(s: Session, meeting_id: int, exclusive: bool = False) -> CommitteeMeeting:
    """The meeting row, locked for the rest of the transaction (shared for deciding,
    exclusive for closing); SQLite's single writer gives the same order."""
    m = s.scalar(select(CommitteeMeeting).where(CommitteeMeeting.id == meeting_id)
                 .with_for_update(read=not exclusive))
    if m is None:
        raise NotFound(f"委員会（ID {meeting_id}）が見つかりません。",
                       f"No committee meeting with id {meeting_id}.")
    return m


def _check(members: Sequence[Member], place: str | None = None, online: bool = False
           ) -> tuple[list[Member], str]:
    """The members present and the place, cleaned; every problem reported at once."""
    limit = MeetingMember.name.type.length
    cleaned = [(" ".join(name.split()), role) for name, role in members if name.strip()]
    problems: list[tuple[str, str]] = []
    if place is not None:
        place = " ".join(place.split())
        place_limit = CommitteeMeeting.place.type.length
        if not place and not online:
            problems.append(("開催場所を入力するか、オンラインを選んでください。",
                             "Enter the place, or choose online."))
        if len(place) > place_limit:
            problems.append((f"開催場所が長すぎます（{place_limit}文字まで）。",
                             f"The place is too long (at most {place_limit} characters)."))
    if not cleaned:
        problems.append(("出席委員を入力してください。", "Enter the members present."))
    if sum(1 for _, role in cleaned if role == "chair") != 1:
        problems.append(("委員長を1名指定してください。", "Name exactly one chair."))
    for name, role in cleaned:
        if role not in MEMBER_ROLES:
            problems.append((f"役割「{role}」は使えません。", f"Unknown role '{role}'."))
        if len(name) > limit:
            problems.append((f"氏名「{name[:20]}…」が長すぎます（{limit}文字まで）。",
                             f"The name '{name[:20]}…' is too long (at most {limit})."))
    if len({n for n, _ in cleaned}) != len(cleaned):
        problems.append(("同じ委員が2回入力されています。", "A member is listed twice."))
    if problems:
        raise ValidationFailed("\n".join(p[0] for p in problems),
                               "\n".join(p[1] for p in problems), [p[0] for p in problems])
    return cleaned, place or ""


def open_meeting(db: Database, actor: Actor, run_id: int, held_on: date, place: str,
                 members: Sequence[Member], online: bool = False) -> MeetingView:
    """Open a meeting about a run; one open meeting per run at a time."""
    require(actor, Permission.MANAGE_MEETINGS)
    cleaned, place = _check(members, place, online)
    with db.transaction() as s:
        run = find_run(s, run_id)
        if s.scalar(select(CommitteeMeeting.id).where(CommitteeMeeting.run_id == run_id,
                                                      CommitteeMeeting.status == "open")):
            raise ValidationFailed("この養成研修には開催中の委員会があります。先に終了してください。",
                                   "This run already has an open meeting; close it first.")
        m = CommitteeMeeting(run_id=run_id, held_on=held_on, place=place, online=online,
                             status="open", opened_by=actor.username)
        m.members = [MeetingMember(name=n, role=r) for n, r in cleaned]
        s.add(m)
        s.flush()
        audit.record(s, actor, "committee.meeting_open", "committee_meeting", m.id, None, {
            "run_id": run_id, "held_on": held_on, "place": place, "online": online,
            "members": [list(x) for x in cleaned]})
        return _view(m, run_label(run.fiscal_year, run.term))


def set_members(db: Database, actor: Actor, meeting_id: int, members: Sequence[Member]
                ) -> MeetingView:
    """Replace the list of members present while the meeting is open (audited before/after)."""
    require(actor, Permission.MANAGE_MEETINGS)
    cleaned, _ = _check(members)
    with db.transaction() as s:
        m = locked_meeting(s, meeting_id, exclusive=True)
        _require_open(m)
        before = [[x.name, x.role] for x in m.members]
        m.members = [MeetingMember(name=n, role=r) for n, r in cleaned]
        s.flush()
        audit.record(s, actor, "committee.members", "committee_meeting", m.id,
                     {"members": before}, {"members": [list(x) for x in cleaned]})
        run = s.get(TrainingRun, m.run_id)
        return _view(m, run_label(run.fiscal_year, run.term))


def _require_open(m: CommitteeMeeting) -> None:
    if m.status != "open":
        raise ValidationFailed(
            "この委員会は終了しています。決定は変更できません（変更は「修正」として記録します）。",
            "This meeting is closed: its decisions are locked (record a change as an "
            "amendment).")


def minutes_path(meeting_id: int) -> Path:
    return config.data_dir() / MINUTES_FOLDER / f"minutes-meeting-{meeting_id}.pdf"


def close_meeting(db: Database, actor: Actor, meeting_id: int) -> MeetingView:
    """Close the meeting: its decisions are locked from now on, and the minutes PDF (members,
    decisions by outcome) is written under the data folder; its SHA-256 goes into the
    meeting row and the audit entry."""
    require(actor, Permission.MANAGE_MEETINGS)
    with db.transaction() as s:
        m = locked_meeting(s, meeting_id, exclusive=True)
        _require_open(m)
        m.status, m.closed_by, m.closed_at = "closed", actor.username, utcnow()
        s.flush()
        pdf = minutes_document(s, m)
        path = minutes_path(m.id)
        # owner-only (names and decisions), whole or not at all: a reader never sees half
        config.write_private(path, pdf)
        m.minutes_file = path.relative_to(config.data_dir()).as_posix()
        m.minutes_sha256 = hashlib.sha256(pdf).hexdigest()
        count = s.scalar(select(func.count(CommitteeDecision.id))
                         .where(CommitteeDecision.meeting_id == m.id)) or 0
        audit.record(s, actor, "committee.meeting_close", "committee_meeting", m.id,
                     {"status": "open"}, {"status": "closed", "decisions": count,
                                          "minutes_file": m.minutes_file,
                                          "minutes_sha256": m.minutes_sha256})
        run = s.get(TrainingRun, m.run_id)
        return _view(m, run_label(run.fiscal_year, run.term), count)


def minutes_pdf(db: Database, actor: Actor, meeting_id: int) -> bytes:
    """The minutes as of now (a closed meeting's include the amendments made since)."""
    require(actor, Permission.VIEW_COMMITTEE)
    with db.transaction() as s:
        m = s.get(CommitteeMeeting, meeting_id)
        if m is None:
            raise NotFound(f"委員会（ID {meeting_id}）が見つかりません。",
                           f"No committee meeting with id {meeting_id}.")
        pdf = minutes_document(s, m)
        audit.record(s, actor, "committee.minutes_export", "committee_meeting", m.id, None,
                     {"sha256": hashlib.sha256(pdf).hexdigest()})
        return pdf


def list_meetings(db: Database, run_id: int | None = None) -> list[MeetingView]:
    """Meetings newest first, with their members and how many decisions each holds."""
    with db.session() as s:
        stmt = (select(CommitteeMeeting).options(selectinload(CommitteeMeeting.members))
                .order_by(CommitteeMeeting.held_on.desc(), CommitteeMeeting.id.desc()))
        if run_id is not None:
            stmt = stmt.where(CommitteeMeeting.run_id == run_id)
        counts = dict(s.execute(select(CommitteeDecision.meeting_id,
                                       func.count(CommitteeDecision.id))
                                .group_by(CommitteeDecision.meeting_id)).all())
        labels = {r.id: run_label(r.fiscal_year, r.term) for r in s.scalars(select(TrainingRun))}
        return [_view(m, labels.get(m.run_id, ""), counts.get(m.id, 0)) for m in s.scalars(stmt)]


def get_meeting(db: Database, meeting_id: int) -> MeetingView:
    for m in list_meetings(db):
        if m.id == meeting_id:
            return m
    raise NotFound(f"委員会（ID {meeting_id}）が見つかりません。",
                   f"No committee meeting with id {meeting_id}.")
