"""The rules' proposal (判定案) for the 認定審査委員会: certify, not certified (and why), or
"cannot decide" (and what is missing), from plain facts about one trainee.

Seed 000 §第2 5(1): 「修了認定テストに合格し、かつ、次の欠格事由に該当していない者を認証する」;
§第2 3(2): not submitting the 実践 reports is treated as withdrawal and bars 養成課程② and the test;
§第2 4(2)ア: 「修了認定テストを受験しなかった場合や…合格基準を満たさなかった場合は、不合格」;
§第2 4(5): attendance at 養成課程② may be refused (60 minutes late) or its continuation refused
(事務局判断).

Readings used here (the seed gives the gates, not an algorithm):

* **The pipeline, in order.** Each stage gates the next, so the proposal walks them as the
  trainee did: 養成課程① and 実践 (stage record), 養成課程② (attendance), the 修了認定テスト, and
  finally the committee's own 欠格事由 check. The first stage that says no gives the proposal's
  reason category; a stage with no record met *before* any no makes the proposal "cannot
  decide" (a missing record is never read as a yes: attendance unknown is not "present").
  Stages after the deciding one are still evaluated and listed, so the committee sees
  everything (a failed test *and* a ground that applies).
* **Categories decide the retake exemption.** The category of a 不認定 is what
  :data:`RETAKE_KIND_BY_CATEGORY` maps to a case of :mod:`rules.retake`; an excused absence
  (やむを得ない事情による欠席, accepted by the secretariat when recording it) is the
  "absent_unavoidable" case. Whether a withdrawal had an unavoidable reason is not in the facts:
  the committee records it with the decision (category ``withdrew_unavoidable``).
* **The 2-year windows** are judged on ``on`` (the meeting day) by :func:`disqualification.evaluate`.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from .dates import format_date_en, format_date_ja
from .disqualification import DisqualificationStatus, DisqualificationVerdict, Grounds, evaluate
from .verdict import VerdictBase

__all__ = [
    "CATEGORIES",
    "MISSING",
    "OUTCOMES",
    "RETAKE_KIND_BY_CATEGORY",
    "AttendanceFact",
    "Finding",
    "Outcome",
    "PracticeFact",
    "ProposalFacts",
    "ProposalStatus",
    "ProposalVerdict",
    "TestFact",
    "propose",
]


class PracticeFact(enum.StrEnum):
    """養成課程① and 実践 as the stage record shows them."""

    COMPLETED = "completed"  # stage ① passed, both 実践 reports submitted
    STAGE1_INCOMPLETE = "stage1_incomplete"  # the comprehensive test was never passed
    WITHDREW = "withdrew"  # a 実践 report is missing: treated as withdrawal (辞退)
    UNKNOWN = "unknown"  # no stage record at all


class AttendanceFact(enum.StrEnum):
    """養成課程② over both days, as the attendance record summarises it."""

    COMPLETE = "complete"
    REFUSED = "refused"  # 60 minutes or more late, no override
    EXCLUDED = "excluded"  # continuation refused by the secretariat (disruptive conduct)
    ABSENT = "absent"
    EXCUSED = "excused"  # absence for an unavoidable reason accepted by the secretariat
    INCOMPLETE = "incomplete"  # e.g. left early: the seeds set no rule, the committee judges
    UNKNOWN = "unknown"


class TestFact(enum.StrEnum):
    """The 修了認定テスト as graded."""

    __test__ = False  # not a pytest test class, whatever its name says

    PASSED = "passed"
    FAILED = "failed"
    ABSENT = "absent"  # no answer form
    PENDING = "pending"  # doubtful marks still open, or two forms and none chosen
    NO_EXAM = "no_exam"  # the run has no exam (or no answer key) yet


class ProposalStatus(enum.StrEnum):
    CERTIFY = "certify"
    NOT_CERTIFIED = "not_certified"
    CANNOT_DECIDE = "cannot_decide"


class Outcome(enum.StrEnum):
    """What the committee decides (決定)."""

    CERTIFY = "certify"
    NOT_CERTIFIED = "not_certified"
    DEFERRED = "deferred"


OUTCOMES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "certify": ("認定", "certify"),
    "not_certified": ("不認定", "not certified"),
    "deferred": ("保留", "deferred"),
})

#: Reason categories of a 不認定, in the order of the pipeline.
CATEGORIES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "stage1_incomplete": ("養成課程①未修了", "online course not completed"),
    "withdrew": ("実践での辞退（課題の未提出）", "withdrew during the practice (report missing)"),
    "withdrew_unavoidable": ("やむを得ない事情による実践での辞退（事務局認定）",
                             "withdrew during the practice for an unavoidable reason accepted "
                             "by the secretariat"),
    "venue_refused": ("養成課程②の受講不可（60分以上の遅刻）",
                      "refused at the venue session (60 minutes or more late)"),
    "venue_excluded": ("養成課程②の受講継続不可（事務局判断）",
                       "excluded from the venue session by the secretariat"),
    "venue_absent": ("養成課程②の欠席", "absent from the venue session"),
    "absent_unavoidable": ("やむを得ない事情による欠席・未受験（事務局認定）",
                           "absent for an unavoidable reason accepted by the secretariat"),
    "absent_test": ("修了認定テスト未受験", "did not sit the completion test"),
    "failed_test": ("修了認定テスト不合格（合格基準未達）",
                    "failed the completion test (below the pass criterion)"),
    "disqualified": ("欠格事由に該当", "a disqualification ground applies"),
    "other": ("その他", "other"),
})

#: 不認定 category -> case of rules.retake.EXEMPTION_TABLE (None: the case earns no exemption
#: and is not one of the cases the rulebook names).
RETAKE_KIND_BY_CATEGORY: Mapping[str, str | None] = MappingProxyType({
    "stage1_incomplete": None,
    "withdrew": "withdrew_not_accepted",
    "withdrew_unavoidable": "withdrew_practice_unavoidable",
    "venue_refused": "absent_not_accepted",
    "venue_excluded": "absent_not_accepted",
    "venue_absent": "absent_not_accepted",
    "absent_unavoidable": "absent_unavoidable",
    "absent_test": "absent_not_accepted",
    "failed_test": "failed_test",
    "disqualified": None,
    "other": None,
})

#: What can be missing -> (Japanese, English).
MISSING: Mapping[str, tuple[str, str]] = MappingProxyType({
    "stage_record": ("養成課程①・実践の記録がない", "no record of the online course and practice"),
    "attendance": ("養成課程②の出席記録がない（出席状況不明）",
                   "attendance unknown (no record of the venue session)"),
    "attendance_incomplete": ("養成課程②を全ては受講していない（早退など）ため委員会の判断が必要",
                              "the venue session was not attended in full (e.g. left early): "
                              "the committee judges"),
    "exam": ("修了認定テスト（正答）が未設定", "the completion test or its key is not set up"),
    "marks_open": ("修了認定テストに未確認のマーク・用紙がある",
                   "the completion test has doubtful marks or forms still to review"),
    "grounds_unchecked": ("欠格事由の確認が記録されていない",
                          "the disqualification grounds have not been checked"),
})


@dataclasses.dataclass(frozen=True, kw_only=True)
class ProposalFacts:
    """Everything the proposal looks at, as plain values (the caller gathers them).

    ``grounds`` is the committee's recorded check (``None`` = not checked yet); ``on`` the day
    the 2-year windows are judged. Score fields are only for the explanation.
    """

    practice: PracticeFact
    attendance: AttendanceFact
    test: TestFact
    grounds: Grounds | None
    on: date
    score: int | None = None
    max_points: int | None = None
    criterion_ja: str = ""
    criterion_en: str = ""
    open_marks: int = 0
    attendance_note_ja: str = ""
    attendance_note_en: str = ""


@dataclasses.dataclass(frozen=True)
class Finding:
    """One stage's answer: ``ok``, ``no`` (with ``category``) or ``unknown`` (with ``missing``)."""

    stage: str  # practice / venue / test / grounds
    result: str
    text_ja: str
    text_en: str
    category: str | None = None
    missing: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class ProposalVerdict(VerdictBase):
    """The proposal; ``findings`` lists every stage in order, ``missing`` what blocks it."""

    status: ProposalStatus
    category: str | None
    findings: tuple[Finding, ...]
    missing: tuple[str, ...]
    disqualification: DisqualificationVerdict | None
    facts: ProposalFacts

    @property
    def suggested_outcome(self) -> Outcome:
        """The decision the proposal stands for; "cannot decide" stands for 保留."""
        return {ProposalStatus.CERTIFY: Outcome.CERTIFY,
                ProposalStatus.NOT_CERTIFIED: Outcome.NOT_CERTIFIED}.get(
            self.status, Outcome.DEFERRED)

    @property
    def clear(self) -> bool:
        """A clear case may be accepted in bulk; "cannot decide" never is."""
        return self.status is not ProposalStatus.CANNOT_DECIDE

    def agrees_with(self, outcome: str) -> bool:
        return outcome == self.suggested_outcome


def _practice(f: ProposalFacts) -> Finding:
    if f.practice is PracticeFact.COMPLETED:
        return Finding("practice", "ok", "養成課程①を修了し、実践の課題を提出",
                       "completed the online course and submitted the practice reports")
    if f.practice is PracticeFact.STAGE1_INCOMPLETE:
        return Finding("practice", "no", "養成課程①（総合確認テスト）を修了していない",
                       "did not complete the online course (comprehensive test)",
                       category="stage1_incomplete")
    if f.practice is PracticeFact.WITHDREW:
        return Finding("practice", "no", "実践の課題が未提出のため辞退として扱う",
                       "a practice report is missing, which counts as withdrawal",
                       category="withdrew")
    return Finding("practice", "unknown", *MISSING["stage_record"], missing="stage_record")


_VENUE: Mapping[AttendanceFact, tuple[str, str, str, str | None]] = MappingProxyType({
    AttendanceFact.COMPLETE: ("ok", "養成課程②を2日間受講", "attended both days of the venue "
                              "session", None),
    AttendanceFact.REFUSED: ("no", "養成課程②の受講不可（60分以上の遅刻）",
                             "refused at the venue session (60 minutes or more late)",
                             "venue_refused"),
    AttendanceFact.EXCLUDED: ("no", "養成課程②の受講継続不可（事務局判断）",
                              "excluded from the venue session by the secretariat",
                              "venue_excluded"),
    AttendanceFact.ABSENT: ("no", "養成課程②を欠席", "absent from the venue session",
                            "venue_absent"),
    AttendanceFact.EXCUSED: ("no", "やむを得ない事情による欠席（事務局認定）",
                             "absent for an unavoidable reason accepted by the secretariat",
                             "absent_unavoidable"),
})


def _venue(f: ProposalFacts) -> Finding:
    if f.attendance in (AttendanceFact.UNKNOWN, AttendanceFact.INCOMPLETE):
        code = "attendance" if f.attendance is AttendanceFact.UNKNOWN else "attendance_incomplete"
        ja, en = MISSING[code]
        if f.attendance_note_ja:
            ja, en = f"{ja}（{f.attendance_note_ja}）", f"{en} ({f.attendance_note_en})"
        return Finding("venue", "unknown", ja, en, missing=code)
    result, ja, en, category = _VENUE[f.attendance]
    if f.attendance_note_ja:
        ja, en = f"{ja}（{f.attendance_note_ja}）", f"{en} ({f.attendance_note_en})"
    return Finding("venue", result, ja, en, category=category)


def _test(f: ProposalFacts) -> Finding:
    score_ja = score_en = ""
    if f.score is not None and f.max_points is not None:
        score_ja, score_en = f"{f.score}/{f.max_points}点", f"{f.score}/{f.max_points} points"
    if f.criterion_ja:
        score_ja += f"、合格基準 {f.criterion_ja}"
        score_en += f", pass criterion {f.criterion_en}"
    score_ja, score_en = score_ja.strip("、"), score_en.strip(", ")
    if f.test is TestFact.PASSED:
        return Finding("test", "ok", f"修了認定テスト合格（{score_ja}）",
                       f"passed the completion test ({score_en})")
    if f.test is TestFact.FAILED:
        return Finding("test", "no", f"修了認定テスト不合格（{score_ja}）",
                       f"failed the completion test ({score_en})", category="failed_test")
    if f.test is TestFact.ABSENT:
        return Finding("test", "no", "修了認定テストの解答用紙がない（未受験は不合格）",
                       "no answer form for the completion test (not sitting it is a fail)",
                       category="absent_test")
    if f.test is TestFact.PENDING:
        ja, en = MISSING["marks_open"]
        if f.open_marks:
            ja += f"（{f.open_marks}件）"
            en += f" ({f.open_marks})"
        return Finding("test", "unknown", ja, en, missing="marks_open")
    return Finding("test", "unknown", *MISSING["exam"], missing="exam")


def _grounds(f: ProposalFacts) -> tuple[Finding, DisqualificationVerdict | None]:
    if f.grounds is None:
        return Finding("grounds", "unknown", *MISSING["grounds_unchecked"],
                       missing="grounds_unchecked"), None
    verdict = evaluate(f.grounds, f.on)
    if verdict.status is DisqualificationStatus.DISQUALIFIED:
        return Finding("grounds", "no", verdict.reason_ja, verdict.reason_en,
                       category="disqualified"), verdict
    return Finding("grounds", "ok", verdict.reason_ja, verdict.reason_en), verdict


def propose(facts: ProposalFacts) -> ProposalVerdict:
    """Walk the stages in order and propose (see the module docstring for the reading)."""
    grounds, disq = _grounds(facts)
    findings = (_practice(facts), _venue(facts), _test(facts), grounds)
    status, category = ProposalStatus.CERTIFY, None
    for finding in findings:
        if finding.result == "unknown":
            status = ProposalStatus.CANNOT_DECIDE
            break
        if finding.result == "no":
            status, category = ProposalStatus.NOT_CERTIFIED, finding.category
            break
    # When it cannot decide, everything missing is listed, so the secretariat fetches it all
    # in one go; a "no" needs nothing more.
    missing = (tuple(f.missing for f in findings if f.missing)
               if status is ProposalStatus.CANNOT_DECIDE else ())
    on_ja, on_en = format_date_ja(facts.on), format_date_en(facts.on)
    detail_ja = "。".join(f.text_ja for f in findings)
    detail_en = "; ".join(f.text_en for f in findings)
    if status is ProposalStatus.CERTIFY:
        ja = f"認定を提案（{on_ja}時点）：{detail_ja}"
        en = f"Proposed: certify (as of {on_en}): {detail_en}."
    elif status is ProposalStatus.NOT_CERTIFIED:
        assert category is not None
        cat_ja, cat_en = CATEGORIES[category]
        ja = f"不認定を提案（{cat_ja}）：{detail_ja}"
        en = f"Proposed: not certified ({cat_en}): {detail_en}."
    else:
        miss_ja = "、".join(MISSING[m][0] for m in missing)
        miss_en = "; ".join(MISSING[m][1] for m in missing)
        ja = f"判定できない（{miss_ja}）：{detail_ja}"
        en = f"Cannot decide ({miss_en}): {detail_en}."
    return ProposalVerdict(status=status, reason_ja=ja, reason_en=en, category=category,
                           findings=findings, missing=missing, disqualification=disq,
                           facts=facts)
