"""Printing the personalised answer forms of an exam (解答用紙).

Kept apart from `setup` (the exam and its versioned key) because it is the proctor's
action, with its own checks: every trainee number must fit the form's number grid, and a
cancelled run must never leave a half-written PDF that someone could print.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.printing.answer_sheets import ExamInfo, SheetTrainee, iter_answer_sheets
from scfn_desktop.services import audit
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.exams.setup import ExamView, exam_layout, get_exam
from scfn_desktop.services.files import write_pdf
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import ProgressGen


@dataclass(frozen=True)
class PrintPlan:
    """What printing the forms of an exam would produce, shown before the proctor starts."""

    exam: ExamView
    trainees: int
    bad_numbers: tuple[str, ...] = ()  # trainee numbers that cannot be pre-filled on the grid


def _sheet_people(db: Database, exam: ExamView) -> tuple[list[SheetTrainee], list[str]]:
    with db.session() as s:
        people = s.scalars(select(Trainee).where(Trainee.run_id == exam.run_id)
                           .order_by(Trainee.trainee_number)).all()
        sheet_people = [SheetTrainee(t.trainee_number, t.full_name, t.romaji) for t in people]
    bad = [p.number for p in sheet_people
           if not p.number.isdigit() or len(p.number) != exam.number_digits]
    return sheet_people, bad


def print_plan(db: Database, exam_id: int) -> PrintPlan:
    """Checked before the proctor picks a file, so a bad roster is seen at once."""
    exam = get_exam(db, exam_id)
    people, bad = _sheet_people(db, exam)
    return PrintPlan(exam, len(people), tuple(bad))


def print_answer_sheets(db: Database, actor: Actor, exam_id: int, out: str | Path,
                        blank: int = 0) -> ProgressGen[int]:
    """Personalised forms for every trainee of the run (sorted by 受講番号) plus `blank`
    spare forms; yields progress per page, returns the page count. Written as `<name>.part` and
    renamed at the end: a cancelled or failed run never leaves a half-written PDF to print."""
    require(actor, Permission.PRINT_SHEETS)
    exam = get_exam(db, exam_id)
    sheet_people, bad = _sheet_people(db, exam)
    if bad:
        raise ValidationFailed(
            f"受講番号が {exam.number_digits} 桁の数字でないため印刷できません: {', '.join(bad[:5])}",
            f"Trainee numbers must be {exam.number_digits} digits: {', '.join(bad[:5])}")
    if not 0 <= blank <= 500:
        raise ValidationFailed("予備用紙は 0〜500 枚にしてください。", "Spare forms must be 0-500.")
    out = Path(out)
    info = ExamInfo(str(exam.id), exam.title, exam.run_label)
    layout = exam_layout(exam)
    pages = yield from write_pdf(
        out, lambda part: iter_answer_sheets(part, layout, info, sheet_people, blank),
        "解答用紙を作成中", "Rendering answer forms")
    with db.transaction() as s:
        audit.record(s, actor, "exam.print_sheets", "exam", exam_id,
                     after={"pages": pages, "blank": blank, "file": str(out)})
    return pages
