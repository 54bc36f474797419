"""Typed models of venue check-in (受付): what happened, never the current state.

* `attendance_events` is append-only: a check-in, an override, leaving early, returning, an
  absence, an excused absence, an exclusion, or the undo of an earlier event. The status of a
  trainee on a venue day is derived from these by `rules.attendance_day`.
* `checkins` is the guard that makes "exactly one check-in per trainee and day" a database
  fact: its primary key is (trainee, day), and a row is inserted in the same transaction as the
  check-in event. When two desks scan the same badge at once, the second insert waits for the
  first transaction and then fails on the key, so the loser reports "already checked in".
  Undoing a mistaken check-in deletes its guard row (the events stay).
* `badges` records every printed revision of a trainee's badge; a reissue adds the next one,
  so an older revision is known as superseded.
* `signing_keys` holds the *public* keys of the stations that signed badges, so a badge printed
  at one PC is verified at another.
* `discussion_groups` gives each trainee the group printed on the badge.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from scfn_desktop.db.base import Base, utcnow


class SigningKey(Base):
    """A station's public key, registered when the station first signs (trust: see
    docs/attendance.md). `key_id` is the 4-byte id tokens carry, as 8 hex digits."""

    __tablename__ = "signing_keys"

    key_id: Mapped[str] = mapped_column(String(8), primary_key=True)
    public_pem: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60), default="")


class Badge(Base):
    """One printed revision of a trainee's check-in badge (1 = first print)."""

    __tablename__ = "badges"
    __table_args__ = (UniqueConstraint("trainee_id", "revision", name="uq_badges_trainee_rev"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="RESTRICT"))
    revision: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str] = mapped_column(String(200), default="")


class DiscussionGroup(Base):
    """The discussion group (グループ) a trainee sits in during 養成課程②."""

    __tablename__ = "discussion_groups"

    trainee_id: Mapped[int] = mapped_column(
        ForeignKey("trainees.id", ondelete="CASCADE"), primary_key=True
    )
    label: Mapped[str] = mapped_column(String(20))
    assigned_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    assigned_by: Mapped[str] = mapped_column(String(60))


class AttendanceEvent(Base):
    """Something that happened to a trainee on venue day `day_number` (append-only).

    `at` is when it happened (naive UTC; the PC clock, or typed from the paper list when
    `backfilled`), `recorded_at` when it was stored. `undoes_id` names the event an undo
    cancels; it is unique, so an event is undone at most once even from two desks.
    """

    __tablename__ = "attendance_events"
    __table_args__ = (
        Index("ix_attendance_events_trainee_day", "trainee_id", "day_number"),
        UniqueConstraint("undoes_id", name="uq_attendance_events_undoes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id", ondelete="RESTRICT"))
    day_number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    station: Mapped[str] = mapped_column(String(60))
    actor: Mapped[str] = mapped_column(String(60))
    method: Mapped[str] = mapped_column(String(20), default="")
    reason: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    backfilled: Mapped[bool] = mapped_column(Boolean, default=False)
    badge_revision: Mapped[int | None] = mapped_column(Integer)
    undoes_id: Mapped[int | None] = mapped_column(
        ForeignKey("attendance_events.id", ondelete="RESTRICT")
    )


class CheckinGuard(Base):
    """At most one standing check-in per trainee and venue day (see the module docstring)."""

    __tablename__ = "checkins"

    trainee_id: Mapped[int] = mapped_column(
        ForeignKey("trainees.id", ondelete="RESTRICT"), primary_key=True
    )
    day_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("attendance_events.id", ondelete="RESTRICT"), unique=True
    )
