"""Retake exemptions after failing or withdrawing (再受験・再受講の減免措置).

Seed 000 §第2 4(2)イ (failing the 修了認定テスト) and §第2 3(2) (withdrawing during 実践):

* 合格基準を満たすことができずに不合格となった者, and 体調不良等によりやむを得ず修了認定テストを
  受験することができなかったと事務局が認めた者 -> 「不合格となった養成研修が実施された年度の３月 31 日
  から３年の間に実施される養成研修を受講することとなった場合に限り」 exempt from 養成課程①, 実践
  and 養成課程② (they only retake the test).
* 「実践」の途中で、やむを得ない事情により辞退することとなったと事務局が認めた者 -> within the same
  window, exempt from 養成課程① only.
* The conditions may narrow when laws change (footnotes 31, 33), so the table of what each case
  exempts is data (:data:`EXEMPTION_TABLE`) and callers may pass their own.

Readings used here:

* The window runs from the failure/withdrawal up to and including 31 March of the fiscal year of
  the failed run plus 3 years.  The fiscal year is that of ``failed_or_withdrew_on`` unless the
  caller passes ``run_fiscal_year`` (for a run whose test falls in the next fiscal year).
* "実施される養成研修" is judged by the new run's start date; it must start after the failure
  or withdrawal (「次回以降」) and no later than the deadline.
* Failing by not sitting the test without an accepted reason, or withdrawing without an
  accepted reason, earns no exemption; these cases are in the table with no exempt stages so
  that the record says so explicitly.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Collection, Mapping
from datetime import date
from types import MappingProxyType

from .dates import add_years, format_date_en, format_date_ja
from .fiscal import fiscal_year, fiscal_year_end
from .verdict import VerdictBase

__all__ = [
    "EXEMPTION_KINDS",
    "EXEMPTION_TABLE",
    "STAGES",
    "STAGE_LABELS",
    "WINDOW_YEARS",
    "ExemptionStatus",
    "ExemptionVerdict",
    "evaluate_exemption",
    "exemption_deadline",
]

#: Years of the exemption window after 31 March of the failed run's fiscal year (000 注30).
WINDOW_YEARS = 3

#: Training stages in order; the 修了認定テスト is always taken and never exempted.
STAGES: tuple[str, ...] = ("online_course", "practice", "venue_session")

STAGE_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "online_course": ("養成課程①", "online course"),
        "practice": ("実践", "practice"),
        "venue_session": ("養成課程②", "venue session"),
    }
)

#: Case -> (Japanese, English) description.
EXEMPTION_KINDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "failed_test": ("修了認定テストの合格基準を満たさず不合格", "failed the completion test"),
        "absent_unavoidable": (
            "やむを得ない事情により修了認定テストを受験できず不合格（事務局認定）",
            "could not sit the completion test for an unavoidable reason accepted by the "
            "secretariat",
        ),
        "withdrew_practice_unavoidable": (
            "やむを得ない事情により実践の途中で辞退（事務局認定）",
            "withdrew during the practice for an unavoidable reason accepted by the secretariat",
        ),
        "absent_not_accepted": (
            "修了認定テストを受験せず不合格（やむを得ない事情の認定なし）",
            "did not sit the completion test, with no accepted unavoidable reason",
        ),
        "withdrew_not_accepted": (
            "辞退（やむを得ない事情の認定なし）",
            "withdrew, with no accepted unavoidable reason",
        ),
    }
)

#: Case -> stages exempted when the new run starts within the window.
EXEMPTION_TABLE: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "failed_test": frozenset(STAGES),
        "absent_unavoidable": frozenset(STAGES),
        "withdrew_practice_unavoidable": frozenset({"online_course"}),
        "absent_not_accepted": frozenset(),
        "withdrew_not_accepted": frozenset(),
    }
)


class ExemptionStatus(enum.StrEnum):
    """Whether any stage is exempted in the new run."""

    EXEMPT = "exempt"
    NOT_EXEMPT = "not_exempt"


@dataclasses.dataclass(frozen=True, kw_only=True)
class ExemptionVerdict(VerdictBase):
    """Exemption verdict; ``stages_to_take`` lists the stages still required, in order."""

    status: ExemptionStatus
    kind: str
    failed_or_withdrew_on: date
    new_run_start: date
    deadline: date
    exempt_stages: frozenset[str]
    stages_to_take: tuple[str, ...]

    @property
    def test_only(self) -> bool:
        """True when only the 修了認定テスト has to be retaken."""
        return not self.stages_to_take


def exemption_deadline(
    failed_on: date, *, run_fiscal_year: int | None = None, window_years: int = WINDOW_YEARS
) -> date:
    """Return the last day on which a new run may start for the exemption to apply.

    31 March of the failed run's fiscal year plus ``window_years``: failing on 2025-02-20
    (FY2024) gives 2028-03-31.
    """
    fy = fiscal_year(failed_on) if run_fiscal_year is None else run_fiscal_year
    return add_years(fiscal_year_end(fy), window_years)


def _labels(stages: Collection[str]) -> tuple[str, str]:
    """Japanese (「養成課程①・実践」) and English ("online course and practice") stage lists."""
    ordered = [s for s in STAGES if s in stages]
    en = [STAGE_LABELS[s][1] for s in ordered]
    en_text = en[0] if len(en) == 1 else ", ".join(en[:-1]) + " and " + en[-1]
    return "・".join(STAGE_LABELS[s][0] for s in ordered), en_text


def evaluate_exemption(
    kind: str,
    failed_or_withdrew_on: date,
    new_run_start: date,
    *,
    run_fiscal_year: int | None = None,
    table: Mapping[str, Collection[str]] = EXEMPTION_TABLE,
    window_years: int = WINDOW_YEARS,
) -> ExemptionVerdict:
    """Judge which stages a returning trainee is exempted from in a new run.

    ``kind`` must be a key of ``table`` (``ValueError`` otherwise), and the table may only name
    stages from :data:`STAGES`.
    """
    if kind not in table:
        raise ValueError(f"unknown exemption kind {kind!r}; expected one of: {', '.join(table)}")
    unknown = set(table[kind]) - set(STAGES)
    if unknown:
        raise ValueError(f"exemption table names unknown stages: {sorted(unknown)}")

    deadline = exemption_deadline(
        failed_or_withdrew_on, run_fiscal_year=run_fiscal_year, window_years=window_years
    )
    kind_ja, kind_en = EXEMPTION_KINDS.get(kind, (kind, kind))
    ev_ja, ev_en = format_date_ja(failed_or_withdrew_on), format_date_en(failed_or_withdrew_on)
    st_ja, st_en = format_date_ja(new_run_start), format_date_en(new_run_start)
    dl_ja, dl_en = format_date_ja(deadline), format_date_en(deadline)
    all_ja, all_en = _labels(STAGES)

    exempt: frozenset[str] = frozenset()
    if not table[kind]:
        ja = f"{kind_ja}（{ev_ja}）の場合は減免措置の対象外のため、{all_ja}を受講し直す"
        en = (
            f"Case: {kind_en} ({ev_en}); this case earns no exemption, so the {all_en} "
            "must all be taken again."
        )
    elif new_run_start <= failed_or_withdrew_on:
        ja = (
            f"新しい養成研修の開始日 {st_ja} が{kind_ja}の日（{ev_ja}）以前であり、"
            "次回以降の養成研修ではないため減免措置の対象外"
        )
        en = (
            f"The new run starts on {st_en}, not after the event of {ev_en} ({kind_en}), so it "
            "is not a later run and no exemption applies."
        )
    elif new_run_start > deadline:
        ja = (
            f"{kind_ja}（{ev_ja}）。新しい養成研修の開始日 {st_ja} が減免期限 {dl_ja} を過ぎて"
            f"いるため減免措置の対象外（{all_ja}を受講し直す）"
        )
        en = (
            f"Case: {kind_en} ({ev_en}). The new run starts on {st_en}, after the exemption "
            f"deadline of {dl_en}, so no exemption applies (the {all_en} must be taken again)."
        )
    else:
        exempt = frozenset(table[kind])
        ex_ja, ex_en = _labels(exempt)
        ja = (
            f"{kind_ja}（{ev_ja}）。新しい養成研修の開始日 {st_ja} が減免期限 {dl_ja} 以内のため、"
            f"{ex_ja}の受講を免除"
        )
        en = (
            f"Case: {kind_en} ({ev_en}). The new run starts on {st_en}, within the exemption "
            f"deadline of {dl_en}, so the {ex_en} {'is' if len(exempt) == 1 else 'are'} "
            "exempted"
        )
        if exempt >= set(STAGES):
            ja += "し、修了認定テストのみ再受験"
            en += "; only the completion test is retaken."
        else:
            rest_ja, rest_en = _labels(set(STAGES) - exempt)
            ja += f"し、{rest_ja}及び修了認定テストを受講"
            en += f"; the {rest_en} and the completion test must still be taken."

    return ExemptionVerdict(
        status=ExemptionStatus.EXEMPT if exempt else ExemptionStatus.NOT_EXEMPT,
        reason_ja=ja,
        reason_en=en,
        kind=kind,
        failed_or_withdrew_on=failed_or_withdrew_on,
        new_run_start=new_run_start,
        deadline=deadline,
        exempt_stages=exempt,
        stages_to_take=tuple(s for s in STAGES if s not in exempt),
    )
