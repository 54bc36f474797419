"""Grading of the 修了認定テスト: the rule (key, 没問, points, pass criterion), the effective
answer of each question (latest human decision, else the machine reading) and each trainee's
result.

Results are never stored: they are derived from the key version and the recorded readings and
decisions every time, so a key change or a review decision re-scores everyone at once and the
before/after can be compared to list whose pass/fail changed. Nothing is graded silently: a
sheet with an unresolved doubtful mark, or a trainee with two sheets and no choice made, is
'pending' (要確認), never a guessed score.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from scfn_desktop.db.models.exams import (
    Exam,
    ExamKeyVersion,
    ExamMark,
    ExamSheet,
    SheetDecision,
)
from scfn_desktop.db.models.roster import Trainee

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "passed": ("合格", "Passed"),
    "failed": ("不合格", "Failed"),
    "pending": ("要確認", "Needs review"),
    "absent": ("未受験", "Did not sit"),
}


@dataclass(frozen=True)
class GradingRule:
    """Everything needed to score an answer sheet; one per key version."""

    key: Mapping[int, tuple[str, ...]]
    points: Mapping[int, int]
    voided: frozenset[int] = frozenset()
    pass_mode: str = "percent"
    pass_value: float = 60.0
    version: int = 1

    @property
    def max_points(self) -> int:
        return sum(self.points.values())

    def correct(self, question: int, answer: Answer) -> bool:
        """Voided questions give everyone their points; otherwise exactly one mark, accepted."""
        if question in self.voided:
            return True
        return (
            answer.kind == "labels"
            and len(answer.labels) == 1
            and answer.labels[0] in self.key.get(question, ())
        )

    def score(self, answers: Mapping[int, Answer]) -> int:
        return sum(p for q, p in self.points.items() if self.correct(q, answers.get(q, BLANK)))

    def passes(self, score: int) -> bool:
        if self.pass_mode == "points":
            return score >= self.pass_value
        if self.max_points == 0:
            return False
        return score * 100.0 >= self.pass_value * self.max_points

    def describe_ja(self) -> str:
        if self.pass_mode == "points":
            return f"{self.pass_value:g}点以上"
        return f"得点率{self.pass_value:g}%以上"

    def describe_en(self) -> str:
        if self.pass_mode == "points":
            return f"at least {self.pass_value:g} points"
        return f"at least {self.pass_value:g}%"

    @classmethod
    def from_version(cls, v: ExamKeyVersion) -> GradingRule:
        return cls(
            key={int(q): tuple(ls) for q, ls in json.loads(v.key_json).items()},
            points={int(q): int(p) for q, p in json.loads(v.points_json).items()},
            voided=frozenset(int(q) for q in json.loads(v.voided_json or "[]")),
            pass_mode=v.pass_mode,
            pass_value=float(v.pass_value),
            version=v.version,
        )


@dataclass(frozen=True)
class Answer:
    """What counts as marked on one question. kind: labels / blank / several / doubtful."""

    kind: str
    labels: tuple[str, ...] = ()
    by: str = ""  # who decided; "" = the machine reading

    @property
    def resolved(self) -> bool:
        return self.kind != "doubtful"


BLANK = Answer("blank")


def machine_answer(mark: ExamMark) -> Answer:
    labels = tuple(json.loads(mark.machine_labels_json or "[]"))
    kind = {"single": "labels", "blank": "blank", "multiple": "several"}.get(
        mark.machine_status, "doubtful"
    )
    return Answer(kind, labels)


def effective_answer(mark: ExamMark) -> Answer:
    """The latest human decision wins; without one, the machine reading."""
    if mark.decisions:
        d = mark.decisions[-1]
        labels = tuple(json.loads(d.labels_json or "[]"))
        if d.kind == "labels" and len(labels) > 1:
            return Answer("several", labels, d.actor)
        return Answer(d.kind, labels, d.actor)
    return machine_answer(mark)


def sheet_answers(sheet: ExamSheet) -> dict[int, Answer]:
    return {m.question: effective_answer(m) for m in sheet.marks}


@dataclass(frozen=True)
class SheetState:
    """A sheet as people have settled it: whose it is and whether it is set aside."""

    sheet: ExamSheet
    trainee_id: int | None
    discarded: bool
    chosen_at: int  # id of the latest 'count' decision, 0 if none

    @property
    def usable(self) -> bool:
        return bool(self.sheet.marks) and not self.discarded and self.trainee_id is not None


def sheet_state(sheet: ExamSheet, decisions: Sequence[SheetDecision]) -> SheetState:
    trainee_id = sheet.trainee_id
    discarded = False
    chosen_at = 0
    for d in sorted(decisions, key=lambda d: d.id):
        if d.kind == "assign":
            trainee_id = d.trainee_id
            discarded = False
        elif d.kind == "count":
            chosen_at = d.id
            discarded = False
        elif d.kind == "discard":
            discarded = True
            chosen_at = 0
    return SheetState(sheet, trainee_id, discarded, chosen_at)


@dataclass(frozen=True)
class TraineeResult:
    trainee_id: int
    trainee_number: str
    name: str
    status: str  # passed / failed / pending / absent
    score: int | None
    max_points: int
    reason_ja: str
    reason_en: str
    sheet_id: int | None = None
    pending_questions: tuple[int, ...] = ()
    duplicate_sheet_ids: tuple[int, ...] = ()

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    @property
    def status_ja(self) -> str:
        return STATUS_LABELS[self.status][0]

    @property
    def status_en(self) -> str:
        return STATUS_LABELS[self.status][1]


@dataclass(frozen=True)
class ExamResults:
    exam_id: int
    rule: GradingRule
    trainees: list[TraineeResult]
    answers_by_sheet: dict[int, dict[int, Answer]] = field(default_factory=dict)

    def by_number(self) -> dict[str, TraineeResult]:
        return {r.trainee_number: r for r in self.trainees}


@dataclass(frozen=True)
class OutcomeChange:
    trainee_number: str
    name: str
    before: str
    after: str
    score_before: int | None
    score_after: int | None


def current_version(session: Session, exam_id: int) -> ExamKeyVersion | None:
    return session.scalar(
        select(ExamKeyVersion)
        .where(ExamKeyVersion.exam_id == exam_id)
        .order_by(ExamKeyVersion.version.desc())
        .limit(1)
    )


def load_sheet_states(session: Session, exam_id: int) -> list[SheetState]:
    sheets = session.scalars(
        select(ExamSheet)
        .where(ExamSheet.exam_id == exam_id)
        .options(
            selectinload(ExamSheet.marks).selectinload(ExamMark.decisions),
            selectinload(ExamSheet.scan_file),
        )
        .order_by(ExamSheet.id)
    ).all()
    decisions: dict[int, list[SheetDecision]] = {}
    for d in session.scalars(
        select(SheetDecision).join(ExamSheet).where(ExamSheet.exam_id == exam_id)
    ):
        decisions.setdefault(d.sheet_id, []).append(d)
    return [sheet_state(s, decisions.get(s.id, [])) for s in sheets]


def counting_sheets(states: Iterable[SheetState]) -> dict[int, list[SheetState]]:
    """For each trainee, the usable sheets: the one chosen last if a choice was made, else all
    of them (more than one = an unresolved duplicate)."""
    per: dict[int, list[SheetState]] = {}
    for st in states:
        if st.usable:
            per.setdefault(st.trainee_id, []).append(st)  # type: ignore[arg-type]
    out = {}
    for tid, sts in per.items():
        chosen = max(sts, key=lambda s: s.chosen_at)
        out[tid] = [chosen] if chosen.chosen_at else sts
    return out


def grade_sheet(rule: GradingRule, answers: Mapping[int, Answer]) -> tuple[int | None, bool | None,
                                                                          list[int]]:
    """Score and pass of one sheet; (None, None, doubtful questions) while any is unresolved."""
    doubtful = sorted(q for q, a in answers.items() if not a.resolved)
    if doubtful:
        return None, None, doubtful
    score = rule.score(answers)
    return score, rule.passes(score), []


def compute_results(session: Session, exam_id: int, rule: GradingRule | None = None) -> ExamResults:
    """Every trainee of the exam's run with a status; trainees without a sheet are 未受験."""
    exam = session.get(Exam, exam_id)
    if exam is None:
        raise LookupError(exam_id)
    if rule is None:
        version = current_version(session, exam_id)
        if version is None:
            raise LookupError(f"exam {exam_id} has no key")
        rule = GradingRule.from_version(version)
    trainees = session.scalars(
        select(Trainee).where(Trainee.run_id == exam.run_id).order_by(Trainee.trainee_number)
    ).all()
    per = counting_sheets(load_sheet_states(session, exam_id))
    answers_by_sheet: dict[int, dict[int, Answer]] = {}
    results = []
    for t in trainees:
        sts = per.get(t.id, [])
        results.append(_trainee_result(rule, t, sts, answers_by_sheet))
    return ExamResults(exam_id, rule, results, answers_by_sheet)


def _trainee_result(rule: GradingRule, t: Trainee, sts: list[SheetState],
                    answers_by_sheet: dict[int, dict[int, Answer]]) -> TraineeResult:
    base = {"trainee_id": t.id, "trainee_number": t.trainee_number, "name": t.full_name,
            "max_points": rule.max_points}
    if not sts:
        return TraineeResult(**base, status="absent", score=None,
                             reason_ja="解答用紙がありません（未受験は不合格）。",
                             reason_en="No answer form (not sitting the test is a fail).")
    if len(sts) > 1:
        ids = tuple(s.sheet.id for s in sts)
        return TraineeResult(**base, status="pending", score=None, duplicate_sheet_ids=ids,
                             reason_ja=f"解答用紙が{len(sts)}枚あります。採点する用紙を選んでください。",
                             reason_en=f"{len(sts)} answer forms: choose the one that counts.")
    sheet = sts[0].sheet
    answers = sheet_answers(sheet)
    answers_by_sheet[sheet.id] = answers
    score, passed, doubtful = grade_sheet(rule, answers)
    if score is None:
        qs = "、".join(str(q) for q in doubtful)
        return TraineeResult(**base, status="pending", score=None, sheet_id=sheet.id,
                             pending_questions=tuple(doubtful),
                             reason_ja=f"要確認のマークがあります（問{qs}）。",
                             reason_en=f"Doubtful marks to review (questions {', '.join(map(str, doubtful))}).")
    if passed:
        return TraineeResult(**base, status="passed", score=score, sheet_id=sheet.id,
                             reason_ja=f"{score}/{rule.max_points}点：合格基準（{rule.describe_ja()}）を満たしています。",
                             reason_en=f"{score}/{rule.max_points} points meets the criterion ({rule.describe_en()}).")
    return TraineeResult(**base, status="failed", score=score, sheet_id=sheet.id,
                         reason_ja=f"{score}/{rule.max_points}点：合格基準（{rule.describe_ja()}）に達していません。",
                         reason_en=f"{score}/{rule.max_points} points is below the criterion ({rule.describe_en()}).")


def outcome_changes(before: ExamResults, after: ExamResults) -> list[OutcomeChange]:
    """Trainees whose status (合格/不合格/要確認/未受験) differs between two gradings."""
    old = before.by_number()
    changes = []
    for r in after.trainees:
        o = old.get(r.trainee_number)
        if o is not None and o.status != r.status:
            changes.append(OutcomeChange(r.trainee_number, r.name, o.status, r.status, o.score,
                                         r.score))
    return changes
