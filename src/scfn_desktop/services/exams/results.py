"""What the committee and the proctor see of the graded exam: results per trainee, a report per
scanned sheet (the CLI's JSON) and the annotated sheet images; the statistics per question are
in `item_analysis.py`, the files written from all of it in `exports.py`.

The annotated image is rebuilt from what was stored at import (the upright page PNG and the
readings) plus the people's decisions, so it shows exactly what was graded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import cv2
import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from scfn_desktop.db import Database
from scfn_desktop.db.models.exams import ExamMark, ExamSheet
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.omr.classify import Thresholds
from scfn_desktop.omr.overlay import draw_overlay
from scfn_desktop.omr.read import QuestionReading, SheetReading
from scfn_desktop.services.errors import NotFound
from scfn_desktop.services.exams.grading import (
    ExamResults,
    GradingRule,
    SheetState,
    compute_results,
    effective_answer,
    grade_sheet,
    load_sheet_states,
    sheet_answers,
)
from scfn_desktop.services.exams.scanning import page_image_path
from scfn_desktop.services.exams.setup import exam_layout, get_exam, key_history


def exam_results(db: Database, exam_id: int) -> ExamResults:
    get_exam(db, exam_id)
    with db.session() as s:
        return compute_results(s, exam_id)


@dataclass(frozen=True)
class SheetReport:
    sheet_id: int
    file: str
    page: int
    trainee: str | None
    answers: dict[str, list[str]]
    doubtful: list[int]
    score: int | None
    passed: bool | None

    def to_json(self) -> dict:
        return {"file": self.file, "page": self.page, "trainee": self.trainee,
                "answers": self.answers, "doubtful": self.doubtful, "score": self.score,
                "passed": self.passed}


def sheet_reports(db: Database, exam_id: int, sheet_ids: Iterable[int]) -> list[SheetReport]:
    """Each sheet graded on its own with the current rule: score and passed are None while a
    doubtful question is unresolved (never a guessed score)."""
    rule = get_exam(db, exam_id).rule
    wanted = set(sheet_ids)
    with db.session() as s:
        states = [st for st in load_sheet_states(s, exam_id)
                  if st.sheet.id in wanted and st.sheet.marks]
        ids = {st.trainee_id for st in states if st.trainee_id is not None}
        numbers = dict(s.execute(select(Trainee.id, Trainee.trainee_number).where(
            Trainee.id.in_(ids))).all()) if ids else {}
    out = []
    for st in states:
        sheet = st.sheet
        answers = sheet_answers(sheet)
        score, passed, doubtful = grade_sheet(rule, answers)
        marks = {m.question: m for m in sheet.marks}
        out.append(SheetReport(
            sheet.id, sheet.scan_file.original_name, sheet.page,
            numbers.get(st.trainee_id) if st.trainee_id is not None else None,
            {str(q): list(_read_labels(marks[q], a.labels)) for q, a in sorted(answers.items())},
            doubtful, score, passed))
    return out


def _read_labels(mark: ExamMark, labels: tuple[str, ...]) -> tuple[str, ...]:
    if labels:
        return labels
    return () if mark.decisions else tuple(json.loads(mark.machine_labels_json or "[]"))


def sheet_states(db: Database, exam_id: int) -> list[SheetState]:
    with db.session() as s:
        return load_sheet_states(s, exam_id)


def sheet_reading(db: Database, sheet_id: int, show_decisions: bool = True) -> SheetReading:
    """Rebuild the reading of a stored sheet for crops and overlays. With `show_decisions`,
    questions a person decided show the decided labels and count as 'doubtful' (orange)."""
    with db.session() as s:
        sheet = s.scalar(select(ExamSheet).where(ExamSheet.id == sheet_id).options(
            selectinload(ExamSheet.marks).selectinload(ExamMark.decisions),
            selectinload(ExamSheet.scan_file)))
        if sheet is None or not sheet.marks:
            raise NotFound(f"解答用紙 {sheet_id} の読取結果がありません。",
                           f"Sheet {sheet_id} has no reading.")
        layout = exam_layout(get_exam(db, sheet.exam_id))
        img_path = page_image_path(sheet)
        warped = cv2.imdecode(np.frombuffer(img_path.read_bytes(), np.uint8),
                              cv2.IMREAD_GRAYSCALE) if img_path.exists() else None
        meta = json.loads(sheet.reading_json or "{}")
        t = meta.get("thresholds", {"filled_level": 0.6, "mark": 0.3, "empty": 0.1})
        questions = []
        for m in sheet.marks:
            fills = json.loads(m.fills_json or "{}")
            labels = tuple(json.loads(m.machine_labels_json or "[]"))
            status = m.machine_status
            if show_decisions and m.decisions:
                status, labels = "doubtful", effective_answer(m).labels
            questions.append(QuestionReading(m.question, status, labels,
                                             tuple(fills.get("raw", ())),
                                             tuple(fills.get("adjusted", ())),
                                             fills.get("reason", "")))
        return SheetReading(layout=layout, questions=questions, thresholds=Thresholds(**t),
                            qr_text=sheet.qr_text or None, sheet_code=None,
                            number_from_grid=sheet.grid_number,
                            number_doubtful=sheet.grid_doubtful,
                            trainee_number=sheet.qr_number or None, _warped=warped,
                            px_per_mm=float(meta.get("px_per_mm", 6.0)))


def overlay_image(db: Database, sheet_id: int, rule: GradingRule | None = None) -> np.ndarray:
    """BGR page: green correct, red wrong, orange doubtful or decided by a person."""
    reading = sheet_reading(db, sheet_id)
    if rule is None:
        with db.session() as s:
            exam_id = s.get(ExamSheet, sheet_id).exam_id
        rule = get_exam(db, exam_id).rule
    key = {q: (tuple(reading.layout.choice_labels) if q in rule.voided else labels)
           for q, labels in rule.key.items()}
    return draw_overlay(reading, key)


@dataclass(frozen=True)
class KeyVersionView:
    """One version of the grading rule as the committee reads its record: who changed what,
    when and why (the summary is the difference from the previous version)."""

    version: int
    actor: str
    created_at: datetime  # naive UTC, as stored
    reason: str
    rule: GradingRule
    summary_ja: str
    summary_en: str


def key_versions(db: Database, exam_id: int) -> list[KeyVersionView]:
    """Every key version, oldest first, each with what it changed."""
    out: list[KeyVersionView] = []
    previous: GradingRule | None = None
    for v in key_history(db, exam_id):
        rule = GradingRule.from_version(v)
        ja, en = _describe_change(previous, rule)
        out.append(KeyVersionView(v.version, v.actor, v.created_at, v.reason, rule, ja, en))
        previous = rule
    return out


def _describe_change(old: GradingRule | None, new: GradingRule) -> tuple[str, str]:
    if old is None:
        return (f"作成（{len(new.key)}問・{new.describe_ja()}）",
                f"created ({len(new.key)} questions, {new.describe_en()})")
    ja: list[str] = []
    en: list[str] = []
    keyed = [q for q in sorted(new.key) if tuple(old.key.get(q, ())) != tuple(new.key[q])]
    if keyed:
        shown = ", ".join(f"問{q} {'/'.join(old.key.get(q, ())) or '—'}→{'/'.join(new.key[q])}"
                          for q in keyed[:5])
        more = f" ほか{len(keyed) - 5}問" if len(keyed) > 5 else ""
        ja.append(f"正答変更 {shown}{more}")
        en.append(f"key changed for {len(keyed)} question(s): "
                  + ", ".join(f"Q{q}" for q in keyed[:10]))
    for q in sorted(new.voided - old.voided):
        ja.append(f"問{q}を没問")
        en.append(f"Q{q} voided")
    for q in sorted(old.voided - new.voided):
        ja.append(f"問{q}の没問を取消")
        en.append(f"Q{q} no longer voided")
    if dict(old.points) != dict(new.points):
        ja.append(f"配点変更（満点 {old.max_points}→{new.max_points}）")
        en.append(f"points changed (maximum {old.max_points}→{new.max_points})")
    if (old.pass_mode, old.pass_value) != (new.pass_mode, new.pass_value):
        ja.append(f"合格基準 {old.describe_ja()}→{new.describe_ja()}")
        en.append(f"pass criterion {old.describe_en()} → {new.describe_en()}")
    return ("、".join(ja) or "変更なし", "; ".join(en) or "no change")
