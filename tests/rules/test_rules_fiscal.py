"""Fiscal years, Reiwa labels and calendar-year arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scfn_desktop.rules.dates import add_years, format_date_ja, format_time
from scfn_desktop.rules.fiscal import (
    fiscal_year,
    fiscal_year_end,
    fiscal_year_start,
    reiwa_label,
    run_label,
)

DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@pytest.mark.parametrize(
    ("d", "fy"),
    [
        (date(2025, 3, 31), 2024),
        (date(2025, 4, 1), 2025),
        (date(2025, 1, 1), 2024),
        (date(2025, 12, 31), 2025),
        (date(2024, 2, 29), 2023),
        (date(2024, 4, 1), 2024),
        (date(2020, 3, 31), 2019),
    ],
)
def test_fiscal_year(d: date, fy: int) -> None:
    assert fiscal_year(d) == fy


@pytest.mark.parametrize(
    ("fy", "start", "end"),
    [
        (2024, date(2024, 4, 1), date(2025, 3, 31)),
        (2025, date(2025, 4, 1), date(2026, 3, 31)),
        (2027, date(2027, 4, 1), date(2028, 3, 31)),
    ],
)
def test_fiscal_year_bounds(fy: int, start: date, end: date) -> None:
    assert fiscal_year_start(fy) == start
    assert fiscal_year_end(fy) == end


@given(DATES)
def test_every_day_lies_in_its_fiscal_year(d: date) -> None:
    fy = fiscal_year(d)
    assert fiscal_year_start(fy) <= d <= fiscal_year_end(fy)
    assert fiscal_year_end(fy) + timedelta(days=1) == fiscal_year_start(fy + 1)


@pytest.mark.parametrize(
    ("fy", "label"),
    [(2019, "令和元年度"), (2020, "令和2年度"), (2024, "令和6年度"), (2025, "令和7年度")],
)
def test_reiwa_label(fy: int, label: str) -> None:
    assert reiwa_label(fy) == label


def test_reiwa_label_rejects_heisei_years() -> None:
    with pytest.raises(ValueError, match="2018"):
        reiwa_label(2018)


@pytest.mark.parametrize(
    ("fy", "term", "label"),
    [(2025, 1, "令和7年度 第1期"), (2025, 2, "令和7年度 第2期"), (2019, 1, "令和元年度 第1期")],
)
def test_run_label(fy: int, term: int, label: str) -> None:
    assert run_label(fy, term) == label


def test_run_label_rejects_term_zero() -> None:
    with pytest.raises(ValueError):
        run_label(2025, 0)


@pytest.mark.parametrize(
    ("d", "years", "expected"),
    [
        (date(2025, 3, 31), 3, date(2028, 3, 31)),
        (date(2024, 2, 29), 2, date(2026, 2, 28)),  # leap day -> 28 Feb (民法143条2項ただし書)
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2024, 2, 29), -5, date(2019, 2, 28)),
        (date(2023, 2, 28), 1, date(2024, 2, 28)),
        (date(2025, 6, 1), -5, date(2020, 6, 1)),
    ],
)
def test_add_years(d: date, years: int, expected: date) -> None:
    assert add_years(d, years) == expected


def test_formatting() -> None:
    from datetime import datetime

    assert format_date_ja(date(2028, 3, 31)) == "2028年3月31日"
    assert format_time(datetime(2025, 9, 1, 9, 30)) == "09:30"
    assert format_time(datetime(2025, 9, 1, 9, 30, 15)) == "09:30:15"
