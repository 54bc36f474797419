"""Shared builders for the exam tests (services and GUI): a run with trainees, an exam, and
sheets written straight into the database when a test is about grading, not reading."""

from __future__ import annotations

import functools
import json
import uuid
from datetime import date, time
from pathlib import Path

import cv2
import numpy as np

from scfn_desktop.db import Database
from scfn_desktop.db.models.exams import Exam, ExamMark, ExamSheet, ScanFile
from scfn_desktop.db.models.roster import Trainee, TrainingRun, VenueDay
from scfn_desktop.omr import synthetic
from scfn_desktop.omr.layout import build_layout
from scfn_desktop.printing.answer_sheets import (
    ExamInfo,
    SheetTrainee,
    rasterize_pdf,
    render_answer_sheets_bytes,
)
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.permissions import Actor

COMMITTEE = Actor("iinkai", "committee")
PROCTOR = Actor("kantoku", "proctor")
STAFF = Actor("uketsuke", "staff")

FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["花子", "太郎", "美咲", "健太", "陽菜", "翔", "さくら", "大輔", "結衣", "拓海"]


def number(i: int) -> str:
    return f"2501{i:04d}"


def make_run(db: Database, trainees: int = 10, term: int = 1) -> int:
    with db.transaction() as s:
        run = TrainingRun(fiscal_year=2025, term=term, venue="東京ウィメンズプラザ")
        run.venue_days = [VenueDay(day_number=1, day=date(2025, 11, 1), starts_at=time(9, 30),
                                   ends_at=time(17, 0))]
        s.add(run)
        s.flush()
        for i in range(1, trainees + 1):
            s.add(Trainee(run_id=run.id, trainee_number=number(i),
                          family_name=FAMILY[(i - 1) % 10], given_name=GIVEN[(i * 3) % 10]))
        return run.id


def make_exam(db: Database, run_id: int, n: int = 10, key: str | None = None, **kw) -> int:
    text = key or ",".join(str((q % 4) + 1) for q in range(n))
    return exams.create_exam(db, COMMITTEE, run_id, n, exams.parse_key_text(text), **kw).id


def add_sheet(db: Database, exam_id: int, trainee_id: int | None, answers: dict[int, tuple],
              status: str = "ok", name: str = "scan.png", error_code: str = "") -> int:
    """answers: question -> (machine_status, labels). Questions not given are blank."""
    with db.transaction() as s:
        f = ScanFile(exam_id=exam_id, sha256=uuid.uuid4().hex * 2,
                     original_name=name, stored_path="scans/x", pages=1)
        s.add(f)
        s.flush()
        sheet = ExamSheet(exam_id=exam_id, scan_file_id=f.id, page=1, trainee_id=trainee_id,
                          status=status, error_code=error_code)
        n = s.get(Exam, exam_id).num_questions
        for q in range(1, n + 1):
            st, labels = answers.get(q, ("blank", ()))
            sheet.marks.append(ExamMark(question=q, machine_status=st,
                                        machine_labels_json=json.dumps(list(labels)),
                                        fills_json="[]"))
        s.add(sheet)
        s.flush()
        return sheet.id


def trainee_id(db: Database, i: int) -> int:
    with db.session() as s:
        return s.query(Trainee.id).filter(Trainee.trainee_number == number(i)).scalar()


def all_correct(key: dict[int, list[str]]) -> dict[int, tuple]:
    return {q: ("single", (labels[0],)) for q, labels in key.items()}


# --- synthetic scans -------------------------------------------------------------------------

SCAN_DPI = 150.0


@functools.lru_cache(maxsize=8)
def printed_pages(exam_id: str, n: int, choices: int, numbers: tuple[str, ...],
                  blank: int = 0, digits: int = 8) -> tuple[np.ndarray, ...]:
    """Rasterised personalised forms (cached per session: rendering is the slow part)."""
    layout = build_layout(n, choices, "digits", digits)
    pdf = render_answer_sheets_bytes(layout, ExamInfo(exam_id), [SheetTrainee(x) for x in numbers],
                                     blank)
    return tuple(rasterize_pdf(pdf, dpi=SCAN_DPI))


def fill(page: np.ndarray, n: int, choices: int, answers: dict[int, str],
         styles: dict[int, str] | None = None, number: str = "", seed: int = 0,
         digits: int = 8) -> np.ndarray:
    """Pencil marks: answers maps question -> labels marked ('' = blank, '13' = two marks)."""
    layout = build_layout(n, choices, "digits", digits)
    styles = styles or {}
    marks = [synthetic.Mark(q, int(label) - 1, styles.get(q, "solid"))
             for q, labels in answers.items() for label in labels]
    marks += synthetic.number_marks(layout, number)
    return synthetic.draw_marks(page, layout, marks, SCAN_DPI, np.random.default_rng(seed))


def write_png(path: Path, image: np.ndarray) -> Path:
    ok, buf = cv2.imencode(".png", image)
    assert ok
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.tobytes())
    return path
