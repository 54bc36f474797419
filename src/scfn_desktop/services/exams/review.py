"""Review of what the machine could not read with confidence.

The queue holds every doubtful question of every sheet still in play, plus sheets that need a
trainee chosen (unreadable or disputed number). A person's decision is appended as an event
(who, when, what) and audited; the effective answer is the latest decision, else the machine
reading (see grading.effective_answer). Decided items stay in the queue, marked as decided, so
the reviewer can step back and see who decided what.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.exams import Exam, ExamMark, ExamSheet, MarkDecision, SheetDecision
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.services import audit
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.exams.grading import Answer, effective_answer, load_sheet_states
from scfn_desktop.services.exams.setup import LABEL_SETS
from scfn_desktop.services.permissions import Actor, Permission, require

BLANK_CHOICE = "blank"
SEVERAL_CHOICE = "several"


@dataclass(frozen=True)
class ReviewItem:
    """One thing a person must look at. kind: 'mark' (a doubtful question) or 'identify'."""

    kind: str
    sheet_id: int
    file: str
    page: int
    trainee_number: str
    trainee_name: str
    mark_id: int | None = None
    question: int | None = None
    machine_labels: tuple[str, ...] = ()
    fills: tuple[float, ...] = ()
    adjusted: tuple[float, ...] = ()
    reason: str = ""
    choice_labels: str = ""
    decision: Answer | None = None  # the latest human decision, None while open
    decided_at: datetime | None = None
    read_number: str = ""
    problem_ja: str = ""
    problem_en: str = ""

    @property
    def resolved(self) -> bool:
        return self.decision is not None


def review_queue(db: Database, exam_id: int) -> list[ReviewItem]:
    """Sheets needing a trainee first (nothing can be graded without it), then doubtful
    questions in file, page and question order."""
    with db.session() as s:
        exam = s.get(Exam, exam_id)
        if exam is None:
            raise NotFound(f"試験 {exam_id} が見つかりません。", f"Exam {exam_id} not found.")
        labels = LABEL_SETS[exam.labels][: exam.num_choices]
        names = {t.id: (t.trainee_number, t.full_name) for t in s.scalars(
            select(Trainee).where(Trainee.run_id == exam.run_id))}
        identify, marks = [], []
        for st in load_sheet_states(s, exam_id):
            sheet = st.sheet
            if not sheet.marks or st.discarded:
                continue
            number, name = names.get(st.trainee_id, ("", "")) if st.trainee_id else ("", "")
            base = {"sheet_id": sheet.id, "file": Path(sheet.scan_file.original_name).name,
                    "page": sheet.page, "trainee_number": number, "trainee_name": name}
            if st.trainee_id is None:
                identify.append(ReviewItem(
                    "identify", **base, read_number=sheet.qr_number or sheet.grid_number,
                    problem_ja=sheet.error_ja, problem_en=sheet.error_en))
            for m in sheet.marks:
                if m.machine_status == "doubtful":
                    marks.append(_mark_item(m, base, labels))
        return identify + marks


def _mark_item(m: ExamMark, base: dict, labels: str) -> ReviewItem:
    fills = json.loads(m.fills_json or "{}")
    last = m.decisions[-1] if m.decisions else None
    return ReviewItem(
        "mark", **base, mark_id=m.id, question=m.question,
        machine_labels=tuple(json.loads(m.machine_labels_json or "[]")),
        fills=tuple(fills.get("raw", ())) if isinstance(fills, dict) else (),
        adjusted=tuple(fills.get("adjusted", ())) if isinstance(fills, dict) else (),
        reason=fills.get("reason", "") if isinstance(fills, dict) else "",
        choice_labels=labels,
        decision=effective_answer(m) if last else None,
        decided_at=last.decided_at if last else None)


def decide(db: Database, actor: Actor, mark_id: int,
           choice: Sequence[str] | str) -> Answer:
    """Record what a person reads on a question: labels (e.g. ['2']), 'blank' or 'several'.
    Deciding again appends a new event; the latest one counts."""
    require(actor, Permission.REVIEW_MARKS)
    with db.transaction() as s:
        mark = s.get(ExamMark, mark_id)
        if mark is None:
            raise NotFound(f"マーク {mark_id} が見つかりません。", f"Mark {mark_id} not found.")
        exam = s.get(Exam, mark.sheet.exam_id)
        allowed = LABEL_SETS[exam.labels][: exam.num_choices]
        if isinstance(choice, str) and choice in (BLANK_CHOICE, SEVERAL_CHOICE):
            kind, labels = choice, []
        else:
            labels = sorted({str(c) for c in choice}, key=lambda c: (allowed + c).index(c))
            bad = [c for c in labels if c not in allowed]
            if bad or not labels:
                raise ValidationFailed(
                    f"選択肢は {allowed} のいずれかです。", f"Choices are one of {allowed}.")
            kind = "labels" if len(labels) == 1 else SEVERAL_CHOICE
        before = effective_answer(mark)
        s.add(MarkDecision(mark_id=mark.id, kind=kind, labels_json=json.dumps(labels),
                           actor=actor.username, decided_at=utcnow()))
        s.flush()
        s.refresh(mark)
        after = effective_answer(mark)
        audit.record(s, actor, "review.decide", "exam_mark", mark.id,
                     before={"kind": before.kind, "labels": list(before.labels), "by": before.by},
                     after={"kind": after.kind, "labels": list(after.labels),
                            "sheet_id": mark.sheet_id, "question": mark.question})
        return after


def _sheet_decision(db: Database, actor: Actor, sheet_id: int, kind: str,
                    trainee_id: int | None = None, reason: str = "") -> None:
    require(actor, Permission.REVIEW_MARKS)
    with db.transaction() as s:
        sheet = s.get(ExamSheet, sheet_id)
        if sheet is None:
            raise NotFound(f"解答用紙 {sheet_id} が見つかりません。", f"Sheet {sheet_id} not found.")
        if kind == "assign":
            exam = s.get(Exam, sheet.exam_id)
            t = s.get(Trainee, trainee_id) if trainee_id is not None else None
            if t is None or t.run_id != exam.run_id:
                raise ValidationFailed("この養成研修の受講生を選んでください。",
                                       "Choose a trainee of this training run.")
        if not sheet.marks:
            raise ValidationFailed("読み取れなかった用紙は採点に使えません。",
                                   "A sheet that could not be read cannot be used.")
        s.add(SheetDecision(sheet_id=sheet_id, kind=kind, trainee_id=trainee_id, reason=reason,
                            actor=actor.username, decided_at=utcnow()))
        audit.record(s, actor, f"review.sheet_{kind}", "exam_sheet", sheet_id,
                     after={"trainee_id": trainee_id, "reason": reason})


def assign_trainee(db: Database, actor: Actor, sheet_id: int, trainee_id: int,
                   reason: str = "") -> None:
    """The proctor says whose sheet this is (number unreadable, disputed or unknown)."""
    _sheet_decision(db, actor, sheet_id, "assign", trainee_id, reason)


def choose_counting_sheet(db: Database, actor: Actor, sheet_id: int, reason: str = "") -> None:
    """Among a trainee's duplicate sheets, this one is graded (the others are set aside)."""
    _sheet_decision(db, actor, sheet_id, "count", reason=reason)


def discard_sheet(db: Database, actor: Actor, sheet_id: int, reason: str = "") -> None:
    """This sheet counts for nobody (a spoiled form, a scan of the wrong page)."""
    _sheet_decision(db, actor, sheet_id, "discard", reason=reason)


def decision_history(db: Database, mark_id: int) -> list[tuple[str, str, str, datetime]]:
    """(kind, labels, who, when) of every decision on a mark, oldest first."""
    with db.session() as s:
        rows = s.scalars(select(MarkDecision).where(MarkDecision.mark_id == mark_id)
                         .order_by(MarkDecision.id))
        return [(d.kind, "".join(json.loads(d.labels_json)), d.actor, d.decided_at) for d in rows]
