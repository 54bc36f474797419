"""Disqualification grounds 欠格事由 (seed 000 §第2 5(1)).

Certified = passed the 修了認定テスト *and* none of these applies:

1. 精神の機能の障害により…必要な認知、判断及び意思疎通を適切に行うことができない者
   (a judgement of the 認定審査委員会, passed in as a bool; it has no end date);
2. 入管法若しくは技能実習法…に違反し、罰金以上の刑に処せられ、その執行を終わり、又は執行を受ける
   ことがなくなった日から２年を経過しない者;
3. 入管法又は技能実習法以外の法令に違反し、禁錮以上の刑に処せられ、…２年を経過しない者;
4. 外国人支援コーディネーターの認証を取り消され、その取消しの日から２年を経過しない者.

Readings used here:

* **Two calendar years, anniversary clears.**  A dated ground applies while ``on`` is before the
  same calendar day two years after the date (see :func:`ground_ends_on`); on the exact
  anniversary it no longer applies.  A strict 民法第140条 reading (the first day is not counted,
  so the period expires at the *end* of the anniversary day) keeps the ground through the
  anniversary and clears it the day after; pass ``civil_code_reckoning=True`` to use that.
* **29 February.**  The anniversary of 29 February in a common year is 28 February
  (民法第143条第2項ただし書), so a ground from 2024-02-29 stops applying on 2026-02-28.
* **Sentences not yet over.**  A date in the future (e.g. the scheduled end of a sentence)
  simply keeps the ground applying until two years after it.  When the sentence has been
  imposed but its end is not known, set ``immigration_penalty_pending`` /
  ``imprisonment_pending``: the ground then applies with no known end.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType

from .dates import add_years, format_date_en, format_date_ja
from .verdict import VerdictBase

__all__ = [
    "GROUNDS",
    "GROUND_YEARS",
    "DisqualificationStatus",
    "DisqualificationVerdict",
    "GroundFinding",
    "Grounds",
    "evaluate",
    "ground_ends_on",
]

#: Years for which grounds 2-4 apply after the date (「２年を経過しない者」).
GROUND_YEARS = 2

#: Ground code -> (Japanese, English) text, in the rulebook's order ①-④.
GROUNDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "mental_impairment": (
            "① 精神の機能の障害により、業務を適正に行うに当たって必要な認知、判断及び意思疎通を"
            "適切に行うことができない",
            "(1) Cannot properly perceive, judge and communicate as the work requires because "
            "of a mental impairment",
        ),
        "immigration_penalty": (
            "② 入管法又は技能実習法等に違反し罰金以上の刑に処せられ、その執行を終わり、又は執行を"
            "受けることがなくなった日から2年を経過しない",
            "(2) Sentenced to a fine or heavier under the Immigration Control Act or the "
            "Technical Intern Training Act, less than 2 years since the sentence was served or "
            "ceased to be enforceable",
        ),
        "imprisonment": (
            "③ 入管法又は技能実習法以外の法令に違反し禁錮以上の刑に処せられ、その執行を終わり、"
            "又は執行を受けることがなくなった日から2年を経過しない",
            "(3) Sentenced to imprisonment or heavier under another law, less than 2 years "
            "since the sentence was served or ceased to be enforceable",
        ),
        "revoked": (
            "④ 外国人支援コーディネーターの認証を取り消され、その取消しの日から2年を経過しない",
            "(4) Had the certification revoked less than 2 years ago",
        ),
    }
)

_SHORT: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "mental_impairment": ("欠格事由①（精神の機能の障害）", "ground (1) (mental impairment)"),
        "immigration_penalty": (
            "欠格事由②（入管法・技能実習法違反による罰金以上の刑）",
            "ground (2) (fine or heavier under the immigration / technical intern acts)",
        ),
        "imprisonment": (
            "欠格事由③（その他の法令違反による禁錮以上の刑）",
            "ground (3) (imprisonment or heavier under another law)",
        ),
        "revoked": ("欠格事由④（認証の取消し）", "ground (4) (certification revoked)"),
    }
)


@dataclasses.dataclass(frozen=True)
class Grounds:
    """The facts about one person that the committee weighs.

    ``*_ended_on`` is the day the sentence was served or ceased to be enforceable;
    ``revoked_on`` the day of revocation.  ``None`` means the fact does not exist.
    """

    mental_impairment: bool = False
    immigration_penalty_ended_on: date | None = None
    imprisonment_ended_on: date | None = None
    revoked_on: date | None = None
    immigration_penalty_pending: bool = False
    imprisonment_pending: bool = False

    def __post_init__(self) -> None:
        # A pending sentence with a known end date is contradictory: say one or the other.
        if self.immigration_penalty_pending and self.immigration_penalty_ended_on is not None:
            raise ValueError("immigration penalty is either pending or ended on a date, not both")
        if self.imprisonment_pending and self.imprisonment_ended_on is not None:
            raise ValueError("imprisonment is either pending or ended on a date, not both")


class DisqualificationStatus(enum.StrEnum):
    """Whether any ground applies on the day judged."""

    CLEAR = "clear"
    DISQUALIFIED = "disqualified"


@dataclasses.dataclass(frozen=True)
class GroundFinding:
    """One ground present in the facts: since when, whether it applies, and until when.

    ``applies_until`` is the first day on which the ground no longer applies; ``None`` means
    no known end (mental impairment, or a sentence still pending).
    """

    code: str
    since: date | None
    applies: bool
    applies_until: date | None


@dataclasses.dataclass(frozen=True, kw_only=True)
class DisqualificationVerdict(VerdictBase):
    """The committee's 欠格事由 check on ``on``.

    ``applicable`` lists the codes that apply; ``findings`` every ground present in the facts
    (applying or already over); ``clear_from`` the first day none applies (``None`` if no end is
    known, or ``on`` itself when already clear).
    """

    status: DisqualificationStatus
    on: date
    applicable: tuple[str, ...]
    findings: tuple[GroundFinding, ...]
    clear_from: date | None


def ground_ends_on(since: date, *, civil_code_reckoning: bool = False) -> date:
    """Return the first day on which a dated ground (2-4) no longer applies.

    By default the two-year anniversary (29 Feb -> 28 Feb); with ``civil_code_reckoning`` the
    day after it (民法第140条: the first day is not counted).
    """
    end = add_years(since, GROUND_YEARS)
    return end + timedelta(days=1) if civil_code_reckoning else end


def _findings(grounds: Grounds, on: date, civil: bool) -> list[GroundFinding]:
    found: list[GroundFinding] = []
    if grounds.mental_impairment:
        found.append(GroundFinding("mental_impairment", None, True, None))
    dated: tuple[tuple[str, date | None, bool], ...] = (
        (
            "immigration_penalty",
            grounds.immigration_penalty_ended_on,
            grounds.immigration_penalty_pending,
        ),
        ("imprisonment", grounds.imprisonment_ended_on, grounds.imprisonment_pending),
        ("revoked", grounds.revoked_on, False),
    )
    for code, since, pending in dated:
        if pending:
            found.append(GroundFinding(code, None, True, None))
        elif since is not None:
            until = ground_ends_on(since, civil_code_reckoning=civil)
            found.append(GroundFinding(code, since, on < until, until))
    return found


def _describe(f: GroundFinding) -> tuple[str, str]:
    ja, en = _SHORT[f.code]
    if f.code == "mental_impairment":
        return f"{ja}に該当（期限なし）", f"{en} applies (no end date)"
    if f.since is None or f.applies_until is None:
        return (
            f"{ja}に該当（刑の執行が終わっていないため終期未定）",
            f"{en} applies (sentence not yet over, so no end date is known)",
        )
    since_ja, since_en = format_date_ja(f.since), format_date_en(f.since)
    until_ja, until_en = format_date_ja(f.applies_until), format_date_en(f.applies_until)
    if f.applies:
        return (
            f"{ja}に該当（起算日 {since_ja}、{until_ja} から非該当）",
            f"{en} applies (from {since_en}; no longer applies from {until_en})",
        )
    return (
        f"{ja}は {since_ja} から{GROUND_YEARS}年を経過し {until_ja} 以降非該当",
        f"{en} ended: {GROUND_YEARS} years have passed since {since_en} "
        f"(no longer applies from {until_en})",
    )


def evaluate(
    grounds: Grounds, on: date, *, civil_code_reckoning: bool = False
) -> DisqualificationVerdict:
    """Judge which grounds apply on ``on`` and when each stops applying."""
    findings = _findings(grounds, on, civil_code_reckoning)
    applicable = tuple(f.code for f in findings if f.applies)
    on_ja, on_en = format_date_ja(on), format_date_en(on)
    parts = [_describe(f) for f in findings]
    detail_ja = "。".join(p[0] for p in parts)
    detail_en = "; ".join(p[1] for p in parts)

    if not applicable:
        clear_from: date | None = on
        if findings:
            ja = f"{on_ja} 時点で欠格事由に該当しない（{detail_ja}）"
            en = f"No disqualification ground applies on {on_en} ({detail_en})."
        else:
            ja = f"{on_ja} 時点で欠格事由①〜④のいずれにも該当しない"
            en = f"None of disqualification grounds (1)-(4) applies on {on_en}."
        status = DisqualificationStatus.CLEAR
    else:
        ends = [f.applies_until for f in findings if f.applies]
        clear_from = None if None in ends else max(e for e in ends if e is not None)
        status = DisqualificationStatus.DISQUALIFIED
        ja = f"{on_ja} 時点で欠格事由に該当するため認証不可：{detail_ja}"
        en = f"Disqualified on {on_en}: {detail_en}."
        if clear_from is not None:
            ja += f"。{format_date_ja(clear_from)} 以降はいずれの欠格事由にも該当しない"
            en += f" From {format_date_en(clear_from)} no ground applies."
    return DisqualificationVerdict(
        status=status,
        reason_ja=ja,
        reason_en=en,
        on=on,
        applicable=applicable,
        findings=tuple(findings),
        clear_from=clear_from,
    )
