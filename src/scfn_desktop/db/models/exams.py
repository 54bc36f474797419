"""Models of the 修了認定テスト: the exam, its versioned answer key, scanned files and sheets, the
machine reading of every question and the people's decisions about them.

Decisions are events (rows appended, never updated): the effective answer of a question and the
trainee a sheet belongs to are derived from the latest decision, so the history of who changed
what survives for the committee and the audit log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from scfn_desktop.db.base import Base, utcnow

PASS_MODES = ("percent", "points")
SHEET_STATUSES = ("ok", "duplicate", "unidentified", "error")
DECISION_KINDS = ("labels", "blank", "several")
SHEET_DECISION_KINDS = ("assign", "count", "discard")


class Exam(Base):
    """One 修了認定テスト of a training run; the grading rule lives in its key versions."""

    __tablename__ = "exams"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("training_runs.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(120), default="修了認定テスト")
    num_questions: Mapped[int] = mapped_column(Integer)
    num_choices: Mapped[int] = mapped_column(Integer, default=4)
    labels: Mapped[str] = mapped_column(String(8), default="digits")
    number_digits: Mapped[int] = mapped_column(Integer, default=8)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60), default="")

    key_versions: Mapped[list[ExamKeyVersion]] = relationship(
        back_populates="exam", order_by="ExamKeyVersion.version", cascade="all, delete-orphan"
    )


class ExamKeyVersion(Base):
    """A complete grading rule (key, voided questions, points, pass criterion) as of one change.

    The whole rule is copied into every version so any past result can be reproduced exactly.
    """

    __tablename__ = "exam_key_versions"
    __table_args__ = (UniqueConstraint("exam_id", "version", name="uq_exam_key_versions_exam_ver"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    key_json: Mapped[str] = mapped_column(Text)  # {"1": ["2"], "2": ["1", "3"], ...}
    voided_json: Mapped[str] = mapped_column(Text, default="[]")  # [7, 12]
    points_json: Mapped[str] = mapped_column(Text)  # {"1": 1, ...}
    pass_mode: Mapped[str] = mapped_column(String(10), default="percent")
    pass_value: Mapped[float] = mapped_column(Float, default=60.0)
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    exam: Mapped[Exam] = relationship(back_populates="key_versions")


class ScanFile(Base):
    """One imported file, stored by content hash so importing it again changes nothing."""

    __tablename__ = "exam_scan_files"
    __table_args__ = (UniqueConstraint("exam_id", "sha256", name="uq_exam_scan_files_exam_sha"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(500))
    stored_path: Mapped[str] = mapped_column(String(500))  # relative to config.data_dir()
    pages: Mapped[int] = mapped_column(Integer, default=0)
    error_code: Mapped[str] = mapped_column(String(40), default="")
    error_ja: Mapped[str] = mapped_column(Text, default="")
    error_en: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(60), default="")

    sheets: Mapped[list[ExamSheet]] = relationship(
        back_populates="scan_file", order_by="ExamSheet.page", cascade="all, delete-orphan"
    )


class ExamSheet(Base):
    """One scanned page as the machine read it. `trainee_id` is the machine's identification;
    people's corrections are `SheetDecision` events."""

    __tablename__ = "exam_sheets"
    __table_args__ = (UniqueConstraint("scan_file_id", "page", name="uq_exam_sheets_file_page"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    scan_file_id: Mapped[int] = mapped_column(
        ForeignKey("exam_scan_files.id", ondelete="CASCADE"), index=True
    )
    page: Mapped[int] = mapped_column(Integer)  # 1-based
    trainee_id: Mapped[int | None] = mapped_column(
        ForeignKey("trainees.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="ok")
    qr_text: Mapped[str] = mapped_column(String(200), default="")
    qr_number: Mapped[str] = mapped_column(String(16), default="")
    grid_number: Mapped[str] = mapped_column(String(16), default="")
    grid_doubtful: Mapped[bool] = mapped_column(Boolean, default=False)
    error_code: Mapped[str] = mapped_column(String(40), default="")
    error_ja: Mapped[str] = mapped_column(Text, default="")
    error_en: Mapped[str] = mapped_column(Text, default="")
    reading_json: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    scan_file: Mapped[ScanFile] = relationship(back_populates="sheets")
    marks: Mapped[list[ExamMark]] = relationship(
        back_populates="sheet", order_by="ExamMark.question", cascade="all, delete-orphan"
    )


class ExamMark(Base):
    """The machine reading of one question on one sheet (raw fills kept for the reviewer)."""

    __tablename__ = "exam_marks"
    __table_args__ = (UniqueConstraint("sheet_id", "question", name="uq_exam_marks_sheet_q"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(
        ForeignKey("exam_sheets.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[int] = mapped_column(Integer)
    machine_status: Mapped[str] = mapped_column(String(12))  # blank/single/multiple/doubtful
    machine_labels_json: Mapped[str] = mapped_column(Text, default="[]")
    fills_json: Mapped[str] = mapped_column(Text, default="[]")

    sheet: Mapped[ExamSheet] = relationship(back_populates="marks")
    decisions: Mapped[list[MarkDecision]] = relationship(
        back_populates="mark", order_by="MarkDecision.id", cascade="all, delete-orphan"
    )


class MarkDecision(Base):
    """A person's reading of a question: the latest one wins, earlier ones stay as history."""

    __tablename__ = "exam_mark_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    mark_id: Mapped[int] = mapped_column(ForeignKey("exam_marks.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # labels/blank/several
    labels_json: Mapped[str] = mapped_column(Text, default="[]")
    actor: Mapped[str] = mapped_column(String(60))
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    mark: Mapped[ExamMark] = relationship(back_populates="decisions")


class SheetDecision(Base):
    """A person's decision about a whole sheet: whose it is (assign), that it is the one that
    counts among a trainee's duplicates (count), or that it counts for nobody (discard)."""

    __tablename__ = "exam_sheet_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(
        ForeignKey("exam_sheets.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))
    trainee_id: Mapped[int | None] = mapped_column(ForeignKey("trainees.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(60))
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
