"""The finished demo run's answer forms: printed, filled by the sitters, scanned, imported by the
proctor through the exam services, and every doubtful mark reviewed.

The forms are drawn and damaged the way `scans.py` does it (`plan_answers`, `fill_and_scan`),
but at 150 dpi and rendered in one PDF: the earlier run's 22 sheets are background data, not
something a person looks at, and building them must stay quick. The proctor's review reads the
sitter's intended answer (the plan), as a careful person looking at the sheet would.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.exams import ExamSheet
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.omr import synthetic
from scfn_desktop.printing.answer_sheets import (
    ExamInfo,
    SheetTrainee,
    rasterize_pdf,
    render_answer_sheets_bytes,
)
from scfn_desktop.services.demo.scans import FEEDER, encode_image, fill_and_scan, plan_answers
from scfn_desktop.services.exams import review
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.exams.setup import exam_layout, get_exam
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.progress import run_to_end

DPI = 150.0
SCANNER = replace(FEEDER, name="document feeder, 150 dpi grey", dpi=DPI)
DOUBT_EVERY = 3  # one sitter in three has a mark the reader should send to review


@dataclass(frozen=True)
class _Plan:
    person: SheetTrainee
    marks: list[synthetic.Mark]
    answers: Mapping[int, tuple[str, ...]]
    seed: int


def _plans(db: Database, exam_id: int, abilities: Mapping[str, float], seed: int
           ) -> list[_Plan]:
    """Every sitter's marks, decided before anything is drawn, so the same seed always gives
    the same plan (the review needs it even when the sheets were imported earlier)."""
    exam = get_exam(db, exam_id)
    with db.session() as s:
        people = {t.trainee_number: t for t in s.scalars(
            select(Trainee).where(Trainee.run_id == exam.run_id))}
    rng = random.Random(seed)
    out = []
    for i, number in enumerate(sorted(abilities)):
        t = people[number]
        doubt = rng.randint(1, exam.num_questions) if i % DOUBT_EVERY == 0 else None
        marks, answers, _ = plan_answers(exam, rng, abilities[number], doubt)
        out.append(_Plan(SheetTrainee(number, t.full_name, t.romaji), marks, answers,
                         rng.getrandbits(32)))
    return out


def _write_scans(db: Database, exam_id: int, plans: list[_Plan], folder: Path) -> None:
    exam = get_exam(db, exam_id)
    layout = exam_layout(exam)
    pdf = render_answer_sheets_bytes(layout, ExamInfo(str(exam.id), exam.title, exam.run_label),
                                     [p.person for p in plans])
    for n, (plan, page) in enumerate(zip(plans, rasterize_pdf(pdf, dpi=DPI), strict=True),
                                     start=1):
        image = fill_and_scan(page, layout, plan.marks, plan.seed, print_dpi=DPI,
                              feeder=SCANNER)
        (folder / f"finished_scan_{n:03d}.png").write_bytes(encode_image(image, "png"))


def scan_and_review(db: Database, proctor: Actor, exam_id: int,
                    abilities: Mapping[str, float], seed: int) -> Iterator[int]:
    """Scan and import the sitters' forms (unless imported already), then resolve every open
    review item; yields the number of sitters handled so far."""
    plans = _plans(db, exam_id, abilities, seed)
    with db.session() as s:
        imported = s.scalar(select(ExamSheet.id).where(ExamSheet.exam_id == exam_id)
                            .limit(1)) is not None
    if not imported:
        with tempfile.TemporaryDirectory(prefix="scfn-demo-scans-") as tmp:
            _write_scans(db, exam_id, plans, Path(tmp))
            yield len(plans) // 2
            run_to_end(import_scans(db, proctor, exam_id, [tmp]))
    truth = {p.person.number: p.answers for p in plans}
    with db.session() as s:
        ids = {t.trainee_number: t.id for t in s.scalars(
            select(Trainee).where(Trainee.trainee_number.in_(list(truth))))}
    for item in review.review_queue(db, exam_id):  # whose sheet first: marks need a trainee
        if item.kind == "identify" and item.read_number in ids:
            review.assign_trainee(db, proctor, item.sheet_id, ids[item.read_number],
                                  "受講番号を用紙の記入から確認")
    for item in review.review_queue(db, exam_id):
        if item.kind == "mark" and not item.resolved and item.trainee_number in truth:
            meant = truth[item.trainee_number].get(item.question or 0, ())
            review.decide(db, proctor, item.mark_id or 0, list(meant) if meant else "blank")
    yield len(plans)
