"""Validity and renewal of a certification (認証の有効期間・更新), seed 000 §第2 5(5).

The rulebook: 「認証の有効期間は、認証を受けた日が属する年度の３月31日から３年とし、有効期間内に
認証更新研修を受講・修了しなければ、その期間の経過によって、その効力を失う（認証更新研修を修了した
場合は、新たな有効期間が記載された認定証を交付する。）」

Readings used here (documented because the seed leaves details open):

* **Counting.** The three years are counted from 31 March of the fiscal year that contains the
  certification date, so the last valid day is 31 March three years later.  Certified
  2025-03-28 (FY2024) -> 2028-03-31; certified 2025-04-01 (FY2025) -> 2029-03-31.  The
  valid-until day itself is still valid; the certification lapses from the next day
  (「その期間の経過によって」 = once the period has run out).
* **Renewal.** The seed only says a card with "a new validity period" is issued.  We read the
  new period as *continuing* the old one: three more years counted from the old valid-until
  date (e.g. 2028-03-31 -> 2031-03-31), whenever within the validity period the renewal training
  was completed.  Reasons: footnote 30 of seed 000 ties the "3 years" to the renewal-training
  cycle, and an early renewal should never shorten the holder's validity.  For a renewal
  completed in the last fiscal year of validity this is identical to re-applying the
  certification formula to the renewal date.  A renewal completed after the valid-until date is
  not a renewal: the certification has already lapsed.
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import date

from .dates import add_years, format_date_en, format_date_ja
from .fiscal import fiscal_year, fiscal_year_end
from .verdict import VerdictBase

__all__ = [
    "VALIDITY_YEARS",
    "RenewalStatus",
    "RenewalVerdict",
    "ValidityStatus",
    "ValidityVerdict",
    "evaluate_renewal",
    "renewed_valid_until",
    "valid_until",
    "validity_reckoning_date",
    "validity_status",
]

#: Length of a validity period in years (seed 000 §第2 5(5): 「３年」).
VALIDITY_YEARS = 3


class ValidityStatus(enum.StrEnum):
    """Whether a certification is still in force on a given day."""

    VALID = "valid"
    EXPIRED = "expired"


class RenewalStatus(enum.StrEnum):
    """Outcome of completing the renewal training."""

    RENEWED = "renewed"
    LAPSED = "lapsed"


@dataclasses.dataclass(frozen=True, kw_only=True)
class ValidityVerdict(VerdictBase):
    """Validity on ``on``; ``days_remaining`` is 0 on the last valid day, negative once expired."""

    status: ValidityStatus
    valid_until: date
    on: date
    days_remaining: int


@dataclasses.dataclass(frozen=True, kw_only=True)
class RenewalVerdict(VerdictBase):
    """Result of a renewal; ``new_valid_until`` is ``None`` when the certification had lapsed."""

    status: RenewalStatus
    current_valid_until: date
    renewal_completed_on: date
    new_valid_until: date | None


def validity_reckoning_date(certified_on: date) -> date:
    """Return 31 March of the certification's fiscal year, from which the 3 years are counted."""
    return fiscal_year_end(fiscal_year(certified_on))


def valid_until(certified_on: date) -> date:
    """Return the last valid day of a certification granted on ``certified_on``.

    Always a 31 March, between three and four years after ``certified_on``.
    """
    return add_years(validity_reckoning_date(certified_on), VALIDITY_YEARS)


def validity_status(valid_until: date, on: date) -> ValidityVerdict:
    """Say whether a certification valid until ``valid_until`` is in force on ``on``.

    The valid-until day is inclusive.  Revocation and supersession by a reissued card are not
    judged here: they are facts of the register, not of the calendar.
    """
    days = (valid_until - on).days
    ja_until, en_until = format_date_ja(valid_until), format_date_en(valid_until)
    ja_on, en_on = format_date_ja(on), format_date_en(on)
    if days >= 0:
        return ValidityVerdict(
            status=ValidityStatus.VALID,
            reason_ja=f"有効期限は {ja_until} であり、{ja_on} 時点で有効（残り {days} 日）",
            reason_en=f"Valid until {en_until}; in force on {en_on} ({days} days remaining).",
            valid_until=valid_until,
            on=on,
            days_remaining=days,
        )
    return ValidityVerdict(
        status=ValidityStatus.EXPIRED,
        reason_ja=f"有効期限 {ja_until} を {-days} 日過ぎているため、{ja_on} 時点で有効期限切れ",
        reason_en=f"Expired: the validity ended on {en_until}, {-days} days before {en_on}.",
        valid_until=valid_until,
        on=on,
        days_remaining=days,
    )


def renewed_valid_until(current_valid_until: date, renewal_completed_on: date) -> date:
    """Return the new valid-until date after renewal training completed in time.

    Raises ``ValueError`` when the renewal was completed after ``current_valid_until``: the
    certification had already lapsed (use :func:`evaluate_renewal` to get a verdict instead).
    """
    if renewal_completed_on > current_valid_until:
        raise ValueError(
            f"renewal completed on {renewal_completed_on} after the validity ended on "
            f"{current_valid_until}; the certification has lapsed"
        )
    return add_years(current_valid_until, VALIDITY_YEARS)


def evaluate_renewal(current_valid_until: date, renewal_completed_on: date) -> RenewalVerdict:
    """Judge a renewal: renewed (validity extended by 3 years) or lapsed (too late)."""
    ja_cur, en_cur = format_date_ja(current_valid_until), format_date_en(current_valid_until)
    ja_done, en_done = format_date_ja(renewal_completed_on), format_date_en(renewal_completed_on)
    if renewal_completed_on > current_valid_until:
        return RenewalVerdict(
            status=RenewalStatus.LAPSED,
            reason_ja=(
                f"認証更新研修の修了日 {ja_done} が有効期限 {ja_cur} を過ぎているため、"
                "認証は期間の経過により効力を失っており更新できない"
            ),
            reason_en=(
                f"Renewal training was completed on {en_done}, after the validity ended on "
                f"{en_cur}; the certification has lapsed and cannot be renewed."
            ),
            current_valid_until=current_valid_until,
            renewal_completed_on=renewal_completed_on,
            new_valid_until=None,
        )
    new_until = renewed_valid_until(current_valid_until, renewal_completed_on)
    return RenewalVerdict(
        status=RenewalStatus.RENEWED,
        reason_ja=(
            f"有効期限 {ja_cur} までに認証更新研修を修了（{ja_done}）したため、"
            f"有効期限を {VALIDITY_YEARS} 年延長し {format_date_ja(new_until)} とする"
        ),
        reason_en=(
            f"Renewal training completed on {en_done}, within the validity ending {en_cur}; "
            f"the validity is extended by {VALIDITY_YEARS} years to "
            f"{format_date_en(new_until)}."
        ),
        current_valid_until=current_valid_until,
        renewal_completed_on=renewal_completed_on,
        new_valid_until=new_until,
    )
