"""Typed models of the roster: training runs and their venue days, organisations, trainees and
their stage-① and 実践 record."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scfn_desktop.db.base import Base, utcnow
from scfn_desktop.rules.names import join_name


class TrainingRun(Base):
    """One 養成研修 term (e.g. 令和7年度 第1期) with its venue session settings."""

    __tablename__ = "training_runs"
    __table_args__ = (UniqueConstraint("fiscal_year", "term", name="uq_training_runs_fy_term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    term: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer, default=60)
    venue: Mapped[str] = mapped_column(String(200), default="")
    lateness_threshold_minutes: Mapped[int] = mapped_column(Integer, default=60)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # A finished run (終了): kept for history, no longer offered for imports and new exams.
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(60))

    venue_days: Mapped[list[VenueDay]] = relationship(
        back_populates="run", order_by="VenueDay.day_number", cascade="all, delete-orphan"
    )
    trainees: Mapped[list[Trainee]] = relationship(back_populates="run")


class VenueDay(Base):
    """One of the two days of 養成課程② (集合研修); lateness is judged per day."""

    __tablename__ = "venue_days"
    __table_args__ = (UniqueConstraint("run_id", "day_number", name="uq_venue_days_run_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("training_runs.id", ondelete="CASCADE"))
    day_number: Mapped[int] = mapped_column(Integer)
    day: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)

    run: Mapped[TrainingRun] = relationship(back_populates="venue_days")


class Organisation(Base):
    """所属機関: the consultation desk (or its operator) a trainee works for."""

    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("name", "prefecture", name="uq_organisations_name_pref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    prefecture: Mapped[str] = mapped_column(String(8))

    trainees: Mapped[list[Trainee]] = relationship(back_populates="organisation")


class Trainee(Base):
    """受講生. `trainee_number` (受講番号) is the natural key used by imports and mark sheets."""

    __tablename__ = "trainees"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_runs.id", ondelete="RESTRICT"), index=True
    )
    trainee_number: Mapped[str] = mapped_column(String(16), unique=True)
    family_name: Mapped[str] = mapped_column(String(60))
    given_name: Mapped[str] = mapped_column(String(60), default="")
    family_kana: Mapped[str] = mapped_column(String(60), default="")
    given_kana: Mapped[str] = mapped_column(String(60), default="")
    romaji: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    basis: Mapped[str] = mapped_column(String(20), default="experience")
    qualification: Mapped[str] = mapped_column(String(60), default="")
    consent_publish_name: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    run: Mapped[TrainingRun | None] = relationship(back_populates="trainees")
    organisation: Mapped[Organisation | None] = relationship(back_populates="trainees")
    stage_record: Mapped[StageRecord | None] = relationship(
        back_populates="trainee", uselist=False, cascade="all, delete-orphan"
    )

    @property
    def full_name(self) -> str:
        return join_name(self.family_name, self.given_name)

    @property
    def full_kana(self) -> str:
        return join_name(self.family_kana, self.given_kana)


class StageRecord(Base):
    """Progress through 養成課程① and 実践, each a date (None = not yet)."""

    __tablename__ = "stage_records"

    trainee_id: Mapped[int] = mapped_column(
        ForeignKey("trainees.id", ondelete="CASCADE"), primary_key=True
    )
    small_test_a_on: Mapped[date | None] = mapped_column(Date)
    small_test_bc_on: Mapped[date | None] = mapped_column(Date)
    small_test_d1_on: Mapped[date | None] = mapped_column(Date)
    small_test_d2_on: Mapped[date | None] = mapped_column(Date)
    small_test_e_on: Mapped[date | None] = mapped_column(Date)
    comprehensive_test_on: Mapped[date | None] = mapped_column(Date)
    questionnaire_on: Mapped[date | None] = mapped_column(Date)
    progress_report_on: Mapped[date | None] = mapped_column(Date)
    final_report_on: Mapped[date | None] = mapped_column(Date)
    admitted_to_stage2_on: Mapped[date | None] = mapped_column(Date)

    trainee: Mapped[Trainee] = relationship(back_populates="stage_record")
