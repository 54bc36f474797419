"""Item analysis of the 修了認定テスト, for the committee that supervises the questions
(seed 000 §第2 4(2)): how each question behaved, and how reliable the test was.

Per question: the difficulty p (share who answered it right), the discrimination as the
corrected point-biserial correlation (the question's 0/1 score against the rest of the test,
the question itself left out of the total, so it does not correlate with itself) and as the
upper-lower index D (p in the top 27 % minus p in the bottom 27 % by total score), and how often
each choice was picked (the distractors), left blank or marked more than once. For the test:
KR-20. Questions that behave badly are flagged, with the reason in Japanese and English, as
candidates for 没問 or a check of the key.

Conventions (the same in the GUI, the xlsx export and `scfn exam stats`):
* Who counts: each trainee's one counting sheet with every mark resolved (a sheet still
  waiting for review, or a trainee with two sheets and no choice made, is left out and counted
  as `pending`). Absent trainees are not examinees.
* Scores are number-correct over the questions that are not voided (没問), each worth 1, as
  KR-20 assumes; a question is right when exactly one choice is marked and it is in the key.
* Variances are population variances (divide by N), matching p·q in KR-20.
* A voided question is shown as such, with its figures against its key, and is left out of the
  totals and of KR-20; it gets no flags (it is already decided).
* The 27 % groups have round(0.27·N) examinees (at least 1); ties are broken by 受講番号.
* A correlation that does not exist (everyone right, or everyone with the same rest score) is
  None, shown as "—".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.services.exams.grading import counting_sheets, load_sheet_states, sheet_answers
from scfn_desktop.services.exams.setup import get_exam

GROUP_SHARE = 0.27
MIN_EXAMINEES_FOR_FLAGS = 5  # below this, the figures are shown but nothing is flagged
LOW_DISCRIMINATION = 0.20
VERY_EASY = 0.95
VERY_HARD = 0.30

Response = tuple[str, tuple[str, ...]]  # (kind: labels/blank/several, labels)


@dataclass(frozen=True)
class ChoiceCount:
    label: str
    count: int
    share: float
    is_key: bool


@dataclass(frozen=True)
class ItemFlag:
    code: str  # negative_discrimination / low_discrimination / distractor / very_easy / very_hard
    reason_ja: str
    reason_en: str


@dataclass(frozen=True)
class ItemStats:
    question: int
    key: tuple[str, ...]
    voided: bool
    examinees: int
    correct: int
    p: float | None
    point_biserial: float | None
    upper_lower: float | None
    choices: tuple[ChoiceCount, ...]
    blank: int
    multiple: int
    flags: tuple[ItemFlag, ...] = ()

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


@dataclass(frozen=True)
class TestStats:
    examinees: int
    pending: int  # sheets left out until reviewed or chosen
    items: tuple[ItemStats, ...]
    kr20: float | None
    kr20_items: int
    mean: float | None  # number-correct over the questions that are not voided
    sd: float | None
    group_size: int

    @property
    def flagged(self) -> list[ItemStats]:
        return [i for i in self.items if i.flagged]


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / n
    vx = sum((x - mx) ** 2 for x in xs) / n
    vy = sum((y - my) ** 2 for y in ys) / n
    if vx <= 1e-12 or vy <= 1e-12:
        return None
    return cov / math.sqrt(vx * vy)


def _is_right(response: Response, key: tuple[str, ...]) -> bool:
    kind, labels = response
    return kind == "labels" and len(labels) == 1 and labels[0] in key


def analyse(key: Mapping[int, Sequence[str]], voided: frozenset[int] | set[int],
            choice_labels: str, responses: Sequence[Mapping[int, Response]],
            pending: int = 0) -> TestStats:
    """The analysis of `responses` (one mapping question -> response per examinee, in
    受講番号 order). Pure: the database wrapper is `item_analysis`."""
    questions = sorted(key)
    n = len(responses)
    scored = [q for q in questions if q not in voided]
    right = {q: [1 if _is_right(r.get(q, ("blank", ())), tuple(key[q])) else 0
                 for r in responses] for q in questions}
    totals = [sum(right[q][i] for q in scored) for i in range(n)]
    group = max(1, round(GROUP_SHARE * n)) if n else 0
    order = sorted(range(n), key=lambda i: -totals[i])  # stable: ties stay in 受講番号 order
    upper, lower = order[:group], order[n - group:] if n else []
    items = []
    for q in questions:
        x = right[q]
        rest = [t - (x[i] if q in scored else 0) for i, t in enumerate(totals)]
        stats = ItemStats(
            question=q, key=tuple(key[q]), voided=q in voided, examinees=n, correct=sum(x),
            p=sum(x) / n if n else None,
            point_biserial=_pearson(x, rest),
            upper_lower=(sum(x[i] for i in upper) / group - sum(x[i] for i in lower) / group)
            if n >= 2 else None,
            choices=_choices(choice_labels, tuple(key[q]), [r.get(q, ("blank", ()))
                                                             for r in responses]),
            blank=sum(1 for r in responses if r.get(q, ("blank", ()))[0] == "blank"),
            multiple=sum(1 for r in responses if r.get(q, ("blank", ()))[0] == "several"))
        items.append(_flagged(stats))
    return TestStats(n, pending, tuple(items), _kr20(right, scored, totals), len(scored),
                     *_mean_sd(totals), group)


def _choices(labels: str, key: tuple[str, ...], answers: list[Response]) -> tuple[
        ChoiceCount, ...]:
    n = len(answers)
    out = []
    for label in labels:
        count = sum(1 for kind, ls in answers if kind == "labels" and ls == (label,))
        out.append(ChoiceCount(label, count, count / n if n else 0.0, label in key))
    return tuple(out)


def _kr20(right: Mapping[int, list[int]], scored: list[int], totals: list[int]) -> float | None:
    """KR-20 = k/(k-1) · (1 - Σ p·q / σ²), over the k questions that are not voided."""
    n, k = len(totals), len(scored)
    if n < 2 or k < 2:
        return None
    mean = sum(totals) / n
    variance = sum((t - mean) ** 2 for t in totals) / n
    if variance <= 1e-12:
        return None
    pq = sum((sum(right[q]) / n) * (1 - sum(right[q]) / n) for q in scored)
    return k / (k - 1) * (1 - pq / variance)


def _mean_sd(totals: list[int]) -> tuple[float | None, float | None]:
    if not totals:
        return None, None
    mean = sum(totals) / len(totals)
    return mean, math.sqrt(sum((t - mean) ** 2 for t in totals) / len(totals))


def _flagged(s: ItemStats) -> ItemStats:
    """The reasons a question deserves the committee's look (none for a voided question)."""
    if s.voided or s.examinees < MIN_EXAMINEES_FOR_FLAGS or s.p is None:
        return s
    flags = []
    r, d = s.point_biserial, s.upper_lower
    if (r is not None and r < 0) or (d is not None and d < 0):
        flags.append(ItemFlag(
            "negative_discrimination",
            "識別力が負です（成績上位の受講生ほど誤答しています）。正答と設問を確認してください。",
            "Negative discrimination (stronger trainees got it wrong more often): check the "
            "key and the question."))
    elif r is not None and r < LOW_DISCRIMINATION:
        flags.append(ItemFlag(
            "low_discrimination",
            f"識別力が低いです（{r:.2f} < {LOW_DISCRIMINATION:.2f}）。",
            f"Low discrimination ({r:.2f} < {LOW_DISCRIMINATION:.2f})."))
    key_count = sum(c.count for c in s.choices if c.is_key)
    top = max((c for c in s.choices if not c.is_key), key=lambda c: c.count, default=None)
    if top is not None and top.count > key_count:
        key = "/".join(s.key)
        flags.append(ItemFlag(
            "distractor",
            f"誤答の選択肢「{top.label}」（{top.count}人）が正答「{key}」（{key_count}人）より多く"
            "選ばれています。正答に誤りがないか確認してください。",
            f"The wrong choice {top.label} ({top.count}) was picked more often than the key "
            f"{key} ({key_count}): check the key."))
    if s.p > VERY_EASY:
        flags.append(ItemFlag("very_easy", f"ほぼ全員が正解しています（正答率 {s.p:.0%}）。",
                              f"Almost everyone got it right (p = {s.p:.2f})."))
    elif s.p < VERY_HARD:
        flags.append(ItemFlag("very_hard", f"正答率が低いです（{s.p:.0%}）。",
                              f"Few got it right (p = {s.p:.2f})."))
    return ItemStats(**{**s.__dict__, "flags": tuple(flags)})


def item_analysis(db: Database, exam_id: int) -> TestStats:
    """The analysis of an exam over its graded sheets, with the current key and 没問."""
    exam = get_exam(db, exam_id)
    with db.session() as s:
        numbers = dict(s.execute(select(Trainee.id, Trainee.trainee_number)
                                 .where(Trainee.run_id == exam.run_id)).all())
        per = counting_sheets(load_sheet_states(s, exam_id))
        responses: list[tuple[str, dict[int, Response]]] = []
        pending = 0
        for trainee_id, sheets in per.items():
            answers = sheet_answers(sheets[0].sheet) if len(sheets) == 1 else {}
            if len(sheets) > 1 or any(not a.resolved for a in answers.values()):
                pending += 1
                continue
            responses.append((numbers.get(trainee_id, ""),
                              {q: (a.kind, a.labels) for q, a in answers.items()}))
    responses.sort(key=lambda pair: pair[0])
    return analyse(exam.rule.key, exam.rule.voided, exam.choice_labels,
                   [r for _, r in responses], pending)
