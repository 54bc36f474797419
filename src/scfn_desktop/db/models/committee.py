"""Models of the 認定審査委員会: meetings and the members present, the committee's decisions
(events), the 欠格事由 as declared by the trainee and as checked, and the agency's 認証.

Decisions are append-only: a changed mind in the open meeting, or an amendment after it closed,
is a new row pointing at the row it replaces (``amends_id``), numbered per trainee
(``version``). The unique (trainee, version) pair and the unique ``amends_id`` make two people
deciding the same trainee at the same moment collide instead of forking the history; the
current decision is the trainee's highest version.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scfn_desktop.db.base import Base, utcnow

MEETING_STATUSES = ("open", "closed")
MEMBER_ROLES = ("chair", "member")
DECISION_OUTCOMES = ("certify", "not_certified", "deferred")
GROUND_RECORD_KINDS = ("declared", "checked")


class CommitteeMeeting(Base):
    """One meeting (委員会の開催) about one training run; decisions are taken only while open."""

    __tablename__ = "committee_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("training_runs.id", ondelete="RESTRICT"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(10), default="open")
    opened_by: Mapped[str] = mapped_column(String(60))
    opened_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    closed_by: Mapped[str] = mapped_column(String(60), default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    minutes_file: Mapped[str] = mapped_column(String(500), default="")  # under data_dir()
    minutes_sha256: Mapped[str] = mapped_column(String(64), default="")

    members: Mapped[list[MeetingMember]] = relationship(
        back_populates="meeting", order_by="MeetingMember.id", cascade="all, delete-orphan"
    )


class MeetingMember(Base):
    """A member present at the meeting (出席委員): the chair (委員長) or a member."""

    __tablename__ = "committee_members_present"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("committee_meetings.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(10), default="member")

    meeting: Mapped[CommitteeMeeting] = relationship(back_populates="members")


class CommitteeDecision(Base):
    """One decision event about one trainee (認定 / 不認定 / 保留), with the proposal it was
    taken against, so the record shows whether the committee followed the rules' proposal."""

    __tablename__ = "committee_decisions"
    __table_args__ = (
        UniqueConstraint("trainee_id", "version", name="uq_committee_decisions_trainee_ver"),
        UniqueConstraint("amends_id", name="uq_committee_decisions_amends_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("committee_meetings.id", ondelete="RESTRICT"), index=True
    )
    trainee_id: Mapped[int] = mapped_column(
        ForeignKey("trainees.id", ondelete="RESTRICT"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(30), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    awaiting: Mapped[str] = mapped_column(Text, default="")
    proposal_status: Mapped[str] = mapped_column(String(16))
    proposal_category: Mapped[str] = mapped_column(String(30), default="")
    proposal_json: Mapped[str] = mapped_column(Text, default="")
    against_proposal: Mapped[bool] = mapped_column(Boolean, default=False)
    bulk: Mapped[bool] = mapped_column(Boolean, default=False)
    amends_id: Mapped[int | None] = mapped_column(
        ForeignKey("committee_decisions.id", ondelete="RESTRICT")
    )
    is_amendment: Mapped[bool] = mapped_column(Boolean, default=False)
    amendment_reason: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(60))
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DisqualificationRecord(Base):
    """The four 欠格事由 for one trainee, as the trainee declared them (申告) or as the committee
    checked them (確認), with the dates that start the 2-year windows and an evidence note.
    Append-only: the latest record of each kind counts."""

    __tablename__ = "disqualification_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    trainee_id: Mapped[int] = mapped_column(
        ForeignKey("trainees.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))  # declared / checked
    mental_impairment: Mapped[bool] = mapped_column(Boolean, default=False)
    immigration_penalty_ended_on: Mapped[date | None] = mapped_column(Date)
    immigration_penalty_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    imprisonment_ended_on: Mapped[date | None] = mapped_column(Date)
    imprisonment_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_on: Mapped[date | None] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(60))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AgencyCertification(Base):
    """The agency's 認証 of a trainee the committee certified (recorded by the secretariat):
    the 認証日 and the agency's reference. One per trainee; it creates the certificate."""

    __tablename__ = "agency_certifications"
    __table_args__ = (UniqueConstraint("trainee_id", name="uq_agency_certifications_trainee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="RESTRICT"))
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("committee_decisions.id", ondelete="RESTRICT")
    )
    certified_on: Mapped[date] = mapped_column(Date)
    agency_reference: Mapped[str] = mapped_column(String(100), default="")
    recorded_by: Mapped[str] = mapped_column(String(60))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    decision: Mapped[CommitteeDecision] = relationship()
