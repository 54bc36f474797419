"""The 修了認定テスト of a training run and its versioned grading rule.

Every change of the answer key, of a 没問 (voided question), of the points or of the pass
criterion writes a whole new `ExamKeyVersion` (with reason, who, when) and an audit entry, and
re-scores everyone in the same transaction so the caller can show whose pass/fail changed.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from scfn_desktop.db import Database
from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.exams import Exam, ExamKeyVersion
from scfn_desktop.db.models.roster import Trainee, TrainingRun
from scfn_desktop.omr.layout import Layout, LayoutError, build_layout
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.services import audit
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.exams.grading import (
    GradingRule,
    OutcomeChange,
    compute_results,
    current_version,
    outcome_changes,
)
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.runs.training_runs import require_open

LABEL_SETS = {"digits": "123456789", "kana": "アイウエオカキクケ"}

Key = Mapping[int, Sequence[str]]


@dataclass(frozen=True)
class ExamView:
    """An exam with its current rule, detached from the session."""

    id: int
    run_id: int
    run_label: str
    title: str
    num_questions: int
    num_choices: int
    labels: str
    number_digits: int
    rule: GradingRule
    version: int
    reason: str = ""

    @property
    def choice_labels(self) -> str:
        return LABEL_SETS[self.labels][: self.num_choices]


@dataclass(frozen=True)
class RescoreReport:
    """The new key version and whose status changed because of it."""

    exam: ExamView
    changes: list[OutcomeChange] = field(default_factory=list)


def parse_key_text(text: str, labels: str = "digits") -> dict[int, list[str]]:
    """'2,4,1/3' -> {1: ['2'], 2: ['4'], 3: ['1', '3']} (the CLI's and the key editor's format).
    IME input (２，４、１／３, ｱ) is NFKC-normalised and line breaks join lines; an empty answer
    inside a line is kept for the validator to report, never closed up (that would shift Qs)."""
    norm = unicodedata.normalize("NFKC", text).replace("、", ",")
    joined = ",".join(ln for ln in (ln.strip().strip(",").strip() for ln in norm.splitlines()) if ln)
    return {i: [c.strip() for c in part.split("/") if c.strip()]
            for i, part in enumerate(joined.split(","), start=1)} if joined else {}


def format_key_text(key: Mapping[int, Sequence[str]]) -> str:
    return ",".join("/".join(key[q]) for q in sorted(key))


def _validate_key(key: Key, num_questions: int, allowed: str) -> dict[int, list[str]]:
    problems = []
    clean: dict[int, list[str]] = {}
    for q in range(1, num_questions + 1):
        choices = [str(c) for c in key.get(q, ())]
        bad = [c for c in choices if c not in allowed]
        if not choices:
            problems.append(f"問{q}: 正答がありません / question {q}: no answer")
        elif bad:
            problems.append(f"問{q}: {''.join(bad)} は選択肢にありません / question {q}: "
                            f"{''.join(bad)} is not a choice ({allowed})")
        clean[q] = sorted(set(choices), key=lambda c: (allowed + c).index(c))
    extra = sorted(q for q in key if not 1 <= q <= num_questions)
    if extra:
        problems.append(f"存在しない問題番号: {extra} / questions out of range: {extra}")
    if problems:
        raise ValidationFailed("正答の内容に誤りがあります。", "The answer key is invalid.", problems)
    return clean


def _validate_criterion(mode: str, value: float, max_points: int) -> None:
    if mode == "percent" and not 0 < value <= 100:
        raise ValidationFailed("合格基準（%）は 0 より大きく 100 以下にしてください。",
                               "The pass percentage must be above 0 and at most 100.")
    if mode == "points" and not 0 < value <= max_points:
        raise ValidationFailed(f"合格基準（点）は 1 以上 {max_points} 以下にしてください。",
                               f"The pass mark must be between 1 and {max_points} points.")
    if mode not in ("percent", "points"):
        raise ValidationFailed("合格基準の種類が不正です。", f"Unknown pass criterion '{mode}'.")


def _view(session: Session, exam: Exam) -> ExamView:
    v = current_version(session, exam.id)
    assert v is not None, "an exam always has a key version"
    run = session.get(TrainingRun, exam.run_id)
    return ExamView(exam.id, exam.run_id, run_label(run.fiscal_year, run.term) if run else "", exam.title,
                    exam.num_questions, exam.num_choices, exam.labels, exam.number_digits,
                    GradingRule.from_version(v), v.version, v.reason)


def _get(session: Session, exam_id: int) -> Exam:
    exam = session.get(Exam, exam_id)
    if exam is None:
        raise NotFound(f"試験 {exam_id} が見つかりません。", f"Exam {exam_id} not found.")
    return exam


def _number_digits(session: Session, run_id: int) -> int:
    """The trainee-number grid must fit the run's numbers, which the sheet pre-fills."""
    numbers = session.scalars(select(Trainee.trainee_number).where(Trainee.run_id == run_id)).all()
    lengths = {len(n) for n in numbers if n.isdigit()}
    return max(4, min(10, max(lengths))) if lengths else 8


@functools.lru_cache(maxsize=16)
def max_questions(num_choices: int) -> int:
    """Questions that fit on one A4 form with this many choices (100 up to 6): the setup dialog
    caps its input with it, so no exam is created whose forms cannot be printed."""
    for n in range(100, 0, -1):
        try:
            build_layout(n, num_choices)
        except LayoutError:
            continue
        return n
    return 0


def create_exam(
    db: Database,
    actor: Actor,
    run_id: int,
    num_questions: int,
    key: Key,
    num_choices: int = 4,
    labels: str = "digits",
    points: int | Mapping[int, int] = 1,
    pass_percent: float | None = 60.0,
    pass_points: int | None = None,
    title: str = "修了認定テスト",
) -> ExamView:
    """Create the exam with its first key version (version 1). `pass_points` wins over
    `pass_percent` when both are given: the committee sets one criterion."""
    require(actor, Permission.MANAGE_EXAMS)
    if not run_id:  # the setup dialog with no run to choose: say so, not "run 0 not found"
        raise ValidationFailed("養成研修を選んでください（まだない場合は養成研修のページで作成します）。",
                               "Choose a training run (create one on the training runs page).")
    if not 1 <= num_questions <= 100:
        raise ValidationFailed("問題数は 1〜100 にしてください。", "Questions must be 1-100.")
    if not 2 <= num_choices <= 9:
        raise ValidationFailed("選択肢数は 2〜9 にしてください。", "Choices must be 2-9.")
    if labels not in LABEL_SETS:
        raise ValidationFailed("選択肢の記号は数字かカナです。", "Labels are 'digits' or 'kana'.")
    if num_questions > (limit := max_questions(num_choices)):
        raise ValidationFailed(
            f"{num_choices}択の場合、解答用紙1枚に収まるのは {limit} 問までです。",
            f"With {num_choices} choices at most {limit} questions fit on one answer form.")
    title = title.strip() or "修了認定テスト"
    if len(title) > Exam.title.type.length:  # PostgreSQL refuses over-long text
        raise ValidationFailed(f"試験名は {Exam.title.type.length} 文字までです。",
                               f"The exam title has at most {Exam.title.type.length} characters.")
    allowed = LABEL_SETS[labels][:num_choices]
    clean = _validate_key(key, num_questions, allowed)
    pts = _points(points, num_questions)
    mode, value = ("points", float(pass_points)) if pass_points is not None else (
        "percent", float(pass_percent if pass_percent is not None else 60.0))
    _validate_criterion(mode, value, sum(pts.values()))
    with db.transaction() as s:
        require_open(s, run_id)  # a finished run gets no new exam
        exam = Exam(run_id=run_id, title=title, num_questions=num_questions,
                    num_choices=num_choices, labels=labels,
                    number_digits=_number_digits(s, run_id), created_by=actor.username)
        s.add(exam)
        s.flush()
        v = ExamKeyVersion(exam_id=exam.id, version=1, key_json=_dump_key(clean),
                           voided_json="[]", points_json=_dump_points(pts), pass_mode=mode,
                           pass_value=value, reason="作成 / created", actor=actor.username,
                           created_at=utcnow())
        s.add(v)
        s.flush()
        audit.record(s, actor, "exam.create", "exam", exam.id, after={
            "run_id": run_id, "questions": num_questions, "choices": num_choices,
            "labels": labels, "key": _dump_key(clean), "pass": [mode, value]})
        return _view(s, exam)


def _points(points: int | Mapping[int, int], n: int) -> dict[int, int]:
    pts = {q: points for q in range(1, n + 1)} if isinstance(points, int) else {
        q: int(points.get(q, 1)) for q in range(1, n + 1)}
    if any(p < 0 or p > 100 for p in pts.values()):
        raise ValidationFailed("配点は 0〜100 点にしてください。", "Points must be 0-100.")
    return pts


def _dump_key(key: Mapping[int, Sequence[str]]) -> str:
    return json.dumps({str(q): list(key[q]) for q in sorted(key)}, ensure_ascii=False)


def _dump_points(points: Mapping[int, int]) -> str:
    return json.dumps({str(q): points[q] for q in sorted(points)})


def _new_version(db: Database, actor: Actor, exam_id: int, reason: str, action: str,
                 change: dict, **fields: object) -> RescoreReport:
    """Append a key version built from the current one with `fields` replaced, audit it and
    re-score: the before/after grading happen in the same transaction, so the list of changed
    outcomes is exactly what this change caused."""
    require(actor, Permission.MANAGE_EXAMS)
    if not reason.strip():
        raise ValidationFailed("変更の理由を入力してください。", "Enter the reason for the change.")
    with db.transaction() as s:
        exam = _get(s, exam_id)
        old = current_version(s, exam_id)
        assert old is not None
        before = compute_results(s, exam_id)
        v = ExamKeyVersion(exam_id=exam.id, version=old.version + 1, key_json=old.key_json,
                           voided_json=old.voided_json, points_json=old.points_json,
                           pass_mode=old.pass_mode, pass_value=old.pass_value,
                           reason=reason.strip(), actor=actor.username, created_at=utcnow())
        for name, value in fields.items():
            setattr(v, name, value)
        s.add(v)
        s.flush()
        after = compute_results(s, exam_id)
        changes = outcome_changes(before, after)
        audit.record(s, actor, action, "exam", exam.id,
                     before={"version": old.version},
                     after={"version": v.version, "reason": v.reason, **change,
                            "changed": [[c.trainee_number, c.before, c.after] for c in changes]})
        return RescoreReport(_view(s, exam), changes)


def set_key(db: Database, actor: Actor, exam_id: int, key: Key, reason: str,
            points: int | Mapping[int, int] | None = None) -> RescoreReport:
    """Replace the answer key (and optionally the points); re-scores everyone."""
    with db.session() as s:
        exam = _get(s, exam_id)
        allowed = LABEL_SETS[exam.labels][: exam.num_choices]
        n = exam.num_questions
    clean = _validate_key(key, n, allowed)
    fields: dict[str, object] = {"key_json": _dump_key(clean)}
    if points is not None:
        fields["points_json"] = _dump_points(_points(points, n))
    return _new_version(db, actor, exam_id, reason, "exam.set_key",
                        {"key": fields["key_json"]}, **fields)


def void_question(db: Database, actor: Actor, exam_id: int, question: int, reason: str,
                  voided: bool = True) -> RescoreReport:
    """没問: everyone who sat the test gets the question's points (voided=False undoes it)."""
    with db.session() as s:
        exam = _get(s, exam_id)
        v = current_version(s, exam_id)
        assert v is not None
        current = set(json.loads(v.voided_json or "[]"))
        n = exam.num_questions
    if not 1 <= question <= n:
        raise ValidationFailed(f"問{question} はありません（1〜{n}）。",
                               f"There is no question {question} (1-{n}).")
    new = (current | {question}) if voided else (current - {question})
    return _new_version(db, actor, exam_id, reason, "exam.void" if voided else "exam.unvoid",
                        {"question": question}, voided_json=json.dumps(sorted(new)))


def set_pass_criterion(db: Database, actor: Actor, exam_id: int, mode: str, value: float,
                       reason: str) -> RescoreReport:
    """The committee's 合格基準: minimum points ('points') or percentage ('percent')."""
    with db.session() as s:
        _get(s, exam_id)
        v = current_version(s, exam_id)
        assert v is not None
        max_points = sum(json.loads(v.points_json).values())
    _validate_criterion(mode, float(value), max_points)
    return _new_version(db, actor, exam_id, reason, "exam.set_pass", {"pass": [mode, value]},
                        pass_mode=mode, pass_value=float(value))


def list_exams(db: Database, run_id: int | None = None) -> list[ExamView]:
    with db.session() as s:
        q = select(Exam).order_by(Exam.id)
        if run_id is not None:
            q = q.where(Exam.run_id == run_id)
        return [_view(s, e) for e in s.scalars(q)]


def get_exam(db: Database, exam_id: int) -> ExamView:
    with db.session() as s:
        return _view(s, _get(s, exam_id))


def key_history(db: Database, exam_id: int) -> list[ExamKeyVersion]:
    """All versions, oldest first, for the committee's record of what changed and why."""
    with db.session() as s:
        _get(s, exam_id)
        return list(s.scalars(select(ExamKeyVersion).where(ExamKeyVersion.exam_id == exam_id)
                              .order_by(ExamKeyVersion.version)))


def exam_layout(exam: ExamView) -> Layout:
    """The sheet geometry of an exam; the same parameters always give the same layout, so
    printing, reading and the QR fingerprint agree without storing the layout."""
    return build_layout(exam.num_questions, exam.num_choices, exam.labels, exam.number_digits)
