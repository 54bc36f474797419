"""Validity (seed 000 §第2 5(5)) and renewal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scfn_desktop.rules.certification import (
    RenewalStatus,
    ValidityStatus,
    evaluate_renewal,
    renewed_valid_until,
    valid_until,
    validity_reckoning_date,
    validity_status,
)
from scfn_desktop.rules.dates import add_years


@pytest.mark.parametrize(
    ("certified_on", "expected"),
    [
        (date(2025, 3, 28), date(2028, 3, 31)),  # the seed's own example (FY2024)
        (date(2025, 3, 31), date(2028, 3, 31)),
        (date(2025, 4, 1), date(2029, 3, 31)),  # the seed's own example (FY2025)
        (date(2024, 4, 1), date(2028, 3, 31)),
        (date(2024, 2, 29), date(2027, 3, 31)),
        (date(2025, 12, 31), date(2029, 3, 31)),
    ],
)
def test_valid_until(certified_on: date, expected: date) -> None:
    assert valid_until(certified_on) == expected


def test_reckoning_date_is_march_31_of_the_fiscal_year() -> None:
    assert validity_reckoning_date(date(2025, 3, 28)) == date(2025, 3, 31)
    assert validity_reckoning_date(date(2025, 4, 1)) == date(2026, 3, 31)


@given(st.dates(min_value=date(2019, 4, 1), max_value=date(2090, 12, 31)))
def test_valid_until_is_a_march_31_between_3_and_4_years_later(certified_on: date) -> None:
    until = valid_until(certified_on)
    assert (until.month, until.day) == (3, 31)
    assert add_years(certified_on, 3) <= until < add_years(certified_on, 4)


@pytest.mark.parametrize(
    ("on", "status", "days"),
    [
        (date(2025, 3, 28), ValidityStatus.VALID, 1099),
        (date(2028, 3, 30), ValidityStatus.VALID, 1),
        (date(2028, 3, 31), ValidityStatus.VALID, 0),  # the last day is still valid
        (date(2028, 4, 1), ValidityStatus.EXPIRED, -1),
        (date(2030, 1, 1), ValidityStatus.EXPIRED, -641),
    ],
)
def test_validity_status(on: date, status: ValidityStatus, days: int) -> None:
    v = validity_status(date(2028, 3, 31), on)
    assert v.status == status
    assert v.days_remaining == days
    assert "2028年3月31日" in v.reason_ja and "2028-03-31" in v.reason_en
    assert str(abs(days)) in v.reason_ja and str(abs(days)) in v.reason_en


@pytest.mark.parametrize(
    ("completed_on", "status", "new_until"),
    [
        (date(2027, 4, 1), RenewalStatus.RENEWED, date(2031, 3, 31)),
        (date(2026, 6, 1), RenewalStatus.RENEWED, date(2031, 3, 31)),  # early: no loss
        (date(2028, 3, 31), RenewalStatus.RENEWED, date(2031, 3, 31)),  # last valid day
        (date(2028, 4, 1), RenewalStatus.LAPSED, None),  # one day late
    ],
)
def test_evaluate_renewal(
    completed_on: date, status: RenewalStatus, new_until: date | None
) -> None:
    v = evaluate_renewal(date(2028, 3, 31), completed_on)
    assert v.status == status
    assert v.new_valid_until == new_until
    assert "2028年3月31日" in v.reason_ja and "2028-03-31" in v.reason_en
    if new_until is not None:
        assert "2031年3月31日" in v.reason_ja and "2031-03-31" in v.reason_en


def test_renewed_valid_until_refuses_a_lapsed_certification() -> None:
    assert renewed_valid_until(date(2028, 3, 31), date(2028, 3, 31)) == date(2031, 3, 31)
    with pytest.raises(ValueError, match="lapsed"):
        renewed_valid_until(date(2028, 3, 31), date(2028, 4, 1))


@given(
    st.dates(min_value=date(2024, 4, 1), max_value=date(2060, 3, 31)),
    st.integers(min_value=0, max_value=1400),
)
def test_renewal_in_time_always_adds_exactly_three_years(certified_on: date, offset: int) -> None:
    until = valid_until(certified_on)
    completed = certified_on + timedelta(days=offset)
    v = evaluate_renewal(until, completed)
    if completed <= until:
        assert v.new_valid_until == add_years(until, 3)
        # Renewing in the last fiscal year agrees with re-applying the certification rule.
        if completed > add_years(until, -1):
            assert v.new_valid_until == valid_until(completed)
    else:
        assert v.status == RenewalStatus.LAPSED and v.new_valid_until is None
