"""Who may apply for a training run (受講要件), seed 000 §第2 1(3)イ・ウ and 003 (注2).

Eligible when holding one of :data:`NATIONAL_QUALIFICATIONS`, or when, within the look-back
window before the planned training start, the applicant was employed as a consultant at
foreign-resident desks for **at least 1 year** with **at least 180 working days** (従業日数).

Rulebook details relied on (000 注13-15):

* 在職期間には、産休、育休、病休等の休職期間を含む — leave counts toward the employment period
  (the calendar span of the employment), so it is never subtracted from it.
* 従業日数は…実際に相談対応業務に従事しない日数は含まない — leave is not a working day.
  ``leave_days`` is therefore only used to check that the declared figures fit in the period.
* 在職期間については合算で１年以上、従業日数については合算で 180 日以上 — several desks are summed.

Readings used here:

* **Window.** 「研修開始予定日から起算して直近５年以内」 (for now 5 years; the base rule is 3, hence
  the ``lookback_years`` parameter): the window is ``[training_start - N years, training_start)``,
  i.e. from the same calendar day N years earlier (29 Feb -> 28 Feb) to the day before the
  training starts.  Employment is clipped to it; an ongoing employment (``employed_to=None``)
  counts up to the day before the training start.
* **1 year = 365 days** of employment (inclusive day count) after merging overlapping periods, so
  two desks held at the same time are not counted twice.  365 rather than 366 so that one full
  non-leap year qualifies and no applicant is judged on the accident of a 29 February.
* **Working days are summed as declared**, including two desks on one day (part-time work at two
  desks is two declared working days at two employers).
* **Working days of a clipped period.**  If the applicant states how many of a desk's working days
  fall inside the window (``working_days_in_window``) that figure is used.  Otherwise only the
  provable minimum is counted: the declared working days minus the calendar days of that
  employment lying outside the window (at most one working day per day).  The verdict marks such
  desks as ``estimated`` so the office can ask for the exact figure.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from datetime import date, timedelta

from .dates import add_years, format_date_en, format_date_ja
from .qualifications import NATIONAL_QUALIFICATIONS, match_qualification
from .verdict import VerdictBase

__all__ = [
    "DEFAULT_LOOKBACK_YEARS",
    "NATIONAL_QUALIFICATIONS",
    "REQUIRED_EMPLOYMENT_DAYS",
    "REQUIRED_WORKING_DAYS",
    "Application",
    "DeskCount",
    "DeskExperience",
    "EligibilityStatus",
    "EligibilityVerdict",
    "evaluate",
    "lookback_window",
    "match_qualification",
]

DEFAULT_LOOKBACK_YEARS = 5
REQUIRED_EMPLOYMENT_DAYS = 365
REQUIRED_WORKING_DAYS = 180
_ONE_DAY = timedelta(days=1)


@dataclasses.dataclass(frozen=True)
class DeskExperience:
    """One employment as a consultant at a foreign-resident desk, as declared on the form."""

    desk_name: str
    employed_from: date
    employed_to: date | None  # None: still employed
    working_days: int
    leave_days: int = 0
    working_days_in_window: int | None = None

    def __post_init__(self) -> None:
        # Reject impossible declarations here, so a verdict is never built on them.
        if self.employed_to is not None and self.employed_to < self.employed_from:
            raise ValueError(f"{self.desk_name}: employment ends before it starts")
        if self.working_days < 0 or self.leave_days < 0:
            raise ValueError(f"{self.desk_name}: day counts cannot be negative")
        if self.employed_to is not None:
            span = (self.employed_to - self.employed_from).days + 1
            if self.working_days + self.leave_days > span:
                raise ValueError(
                    f"{self.desk_name}: {self.working_days} working + {self.leave_days} leave "
                    f"days do not fit in an employment of {span} days"
                )
        if self.working_days_in_window is not None and not (
            0 <= self.working_days_in_window <= self.working_days
        ):
            raise ValueError(f"{self.desk_name}: working_days_in_window out of range")


@dataclasses.dataclass(frozen=True, init=False)
class Application:
    """The parts of an application the eligibility rule reads."""

    desks: tuple[DeskExperience, ...] = ()
    qualifications: tuple[str, ...] = ()

    def __init__(
        self, desks: Iterable[DeskExperience] = (), qualifications: Iterable[str] = ()
    ) -> None:
        # Accept lists from callers but store tuples so the application stays hashable.
        object.__setattr__(self, "desks", tuple(desks))
        object.__setattr__(self, "qualifications", tuple(qualifications))


class EligibilityStatus(enum.StrEnum):
    """Whether the applicant meets the requirements, and on which basis."""

    ELIGIBLE_BY_QUALIFICATION = "eligible_by_qualification"
    ELIGIBLE_BY_EXPERIENCE = "eligible_by_experience"
    NOT_ELIGIBLE = "not_eligible"


@dataclasses.dataclass(frozen=True)
class DeskCount:
    """What one desk contributed; ``counted_from``/``counted_to`` are None if outside the window."""

    desk_name: str
    counted_from: date | None
    counted_to: date | None
    employment_days: int
    working_days: int
    estimated: bool


@dataclasses.dataclass(frozen=True, kw_only=True)
class EligibilityVerdict(VerdictBase):
    """Eligibility with the totals used; ``employment_days`` is after merging overlaps."""

    status: EligibilityStatus
    training_start: date
    window_start: date
    window_end: date
    lookback_years: int
    qualifications: tuple[str, ...]
    unrecognised_qualifications: tuple[str, ...]
    employment_days: int
    working_days: int
    required_employment_days: int
    required_working_days: int
    experience_met: bool
    desks: tuple[DeskCount, ...]

    @property
    def eligible(self) -> bool:
        """True on either basis, for callers that only gate the application."""
        return self.status is not EligibilityStatus.NOT_ELIGIBLE


def lookback_window(
    training_start: date, lookback_years: int = DEFAULT_LOOKBACK_YEARS
) -> tuple[date, date]:
    """Return the first and last day (inclusive) of the experience window."""
    if lookback_years < 1:
        raise ValueError(f"lookback_years must be 1 or more, got {lookback_years}")
    return add_years(training_start, -lookback_years), training_start - _ONE_DAY


def _count_desk(desk: DeskExperience, start: date, end: date) -> DeskCount:
    """Clip one employment to the window; never count more working days than can be proven."""
    real_end = desk.employed_to if desk.employed_to is not None else end
    lo, hi = max(desk.employed_from, start), min(real_end, end)
    if lo > hi:
        return DeskCount(desk.desk_name, None, None, 0, 0, False)
    inside = (hi - lo).days + 1
    if desk.working_days_in_window is not None:
        if desk.working_days_in_window > inside:
            raise ValueError(
                f"{desk.desk_name}: {desk.working_days_in_window} working days stated for "
                f"{inside} days of employment in the window"
            )
        return DeskCount(desk.desk_name, lo, hi, inside, desk.working_days_in_window, False)
    outside = (real_end - desk.employed_from).days + 1 - inside  # days cut off by clipping
    if outside <= 0:
        # Capped only for an ongoing employment, whose end the form cannot check.
        return DeskCount(desk.desk_name, lo, hi, inside, min(inside, desk.working_days), False)
    worked = min(inside, max(0, desk.working_days - outside))
    return DeskCount(desk.desk_name, lo, hi, inside, worked, True)


def _merged_days(counts: Iterable[DeskCount]) -> int:
    """Days covered by the union of the counted periods, so overlaps count once."""
    spans = sorted(
        (c.counted_from, c.counted_to)
        for c in counts
        if c.counted_from is not None and c.counted_to is not None
    )
    total = 0
    merged: list[tuple[date, date]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1] + _ONE_DAY:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    for lo, hi in merged:
        total += (hi - lo).days + 1
    return total


def evaluate(
    application: Application,
    training_start: date,
    lookback_years: int = DEFAULT_LOOKBACK_YEARS,
) -> EligibilityVerdict:
    """Judge whether ``application`` meets the requirements for a run starting ``training_start``.

    The experience totals are always computed and reported, even when a qualification already
    makes the applicant eligible, so that the record is complete.
    """
    start, end = lookback_window(training_start, lookback_years)
    codes: list[str] = []
    unrecognised: list[str] = []
    for text in application.qualifications:
        code = match_qualification(text)
        if code is None:
            unrecognised.append(text)
        elif code not in codes:
            codes.append(code)

    counts = tuple(_count_desk(d, start, end) for d in application.desks)
    employment = _merged_days(counts)
    working = sum(c.working_days for c in counts)
    emp_ok = employment >= REQUIRED_EMPLOYMENT_DAYS
    work_ok = working >= REQUIRED_WORKING_DAYS
    estimated = any(c.estimated for c in counts)

    window_ja = (
        f"研修開始予定日 {format_date_ja(training_start)} から直近{lookback_years}年以内"
        f"（{format_date_ja(start)}〜{format_date_ja(end)}）"
    )
    window_en = (
        f"in the {lookback_years} years before the training start on "
        f"{format_date_en(training_start)} ({format_date_en(start)} to {format_date_en(end)})"
    )
    totals_ja = (
        f"在職期間 合計 {employment} 日（基準 {REQUIRED_EMPLOYMENT_DAYS} 日以上："
        f"{'充足' if emp_ok else '不足'}）、従業日数 合計 {working} 日（基準 "
        f"{REQUIRED_WORKING_DAYS} 日以上：{'充足' if work_ok else '不足'}）"
    )
    totals_en = (
        f"employment totals {employment} days ({'meets' if emp_ok else 'short of'} the "
        f"{REQUIRED_EMPLOYMENT_DAYS}-day minimum) and working days total {working} "
        f"({'meets' if work_ok else 'short of'} the {REQUIRED_WORKING_DAYS}-day minimum)"
    )
    if estimated:
        totals_ja += "、うち期間外にまたがる在職の従業日数は確実に期間内と言える日数のみ算入"
        totals_en += (
            "; for employment reaching outside the window only the working days certain to "
            "fall inside it were counted"
        )

    if codes:
        names_ja = "・".join(NATIONAL_QUALIFICATIONS[c][0] for c in codes)
        names_en = ", ".join(NATIONAL_QUALIFICATIONS[c][1] for c in codes)
        status = EligibilityStatus.ELIGIBLE_BY_QUALIFICATION
        ja = (
            f"国家資格（{names_ja}）を保有するため実務経験は不要で受講要件を満たす"
            f"（参考：{window_ja}の{totals_ja}）"
        )
        en = (
            f"Eligible: holds a qualifying national qualification ({names_en}), so no "
            f"experience is required (for reference, {window_en} {totals_en})."
        )
    elif emp_ok and work_ok:
        status = EligibilityStatus.ELIGIBLE_BY_EXPERIENCE
        ja = f"{window_ja}の{totals_ja}のため受講要件を満たす"
        en = f"Eligible: {window_en} {totals_en}."
    else:
        status = EligibilityStatus.NOT_ELIGIBLE
        ja = f"対象となる国家資格がなく、{window_ja}の{totals_ja}のため受講要件を満たさない"
        en = f"Not eligible: no qualifying national qualification, and {window_en} {totals_en}."
    return EligibilityVerdict(
        status=status,
        reason_ja=ja,
        reason_en=en,
        training_start=training_start,
        window_start=start,
        window_end=end,
        lookback_years=lookback_years,
        qualifications=tuple(codes),
        unrecognised_qualifications=tuple(unrecognised),
        employment_days=employment,
        working_days=working,
        required_employment_days=REQUIRED_EMPLOYMENT_DAYS,
        required_working_days=REQUIRED_WORKING_DAYS,
        experience_met=emp_ok and work_ok,
        desks=counts,
    )
