"""Disqualification grounds 欠格事由 (seed 000 §第2 5(1))."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scfn_desktop.rules.dates import add_years
from scfn_desktop.rules.disqualification import (
    GROUNDS,
    DisqualificationStatus,
    Grounds,
    evaluate,
    ground_ends_on,
)

CLEAR, DISQ = DisqualificationStatus.CLEAR, DisqualificationStatus.DISQUALIFIED
SINCE = date(2023, 5, 10)
DATED_FIELDS = {
    "immigration_penalty": "immigration_penalty_ended_on",
    "imprisonment": "imprisonment_ended_on",
    "revoked": "revoked_on",
}


def test_grounds_table_follows_the_rulebook_order() -> None:
    assert list(GROUNDS) == ["mental_impairment", "immigration_penalty", "imprisonment", "revoked"]
    for i, (ja, en) in enumerate(GROUNDS.values(), start=1):
        assert ja.startswith("①②③④"[i - 1]) and en.startswith(f"({i})")


def test_no_grounds_is_clear() -> None:
    v = evaluate(Grounds(), date(2025, 3, 1))
    assert v.status == CLEAR and v.applicable == () and v.findings == ()
    assert v.clear_from == date(2025, 3, 1)
    assert "2025年3月1日" in v.reason_ja and "2025-03-01" in v.reason_en


@pytest.mark.parametrize("code", sorted(DATED_FIELDS))
@pytest.mark.parametrize(
    ("on", "status"),
    [
        (date(2023, 5, 10), DISQ),  # the day itself
        (date(2025, 5, 9), DISQ),  # one day before the anniversary
        (date(2025, 5, 10), CLEAR),  # exactly two years: no longer applies
        (date(2025, 5, 11), CLEAR),
        (date(2022, 1, 1), DISQ),  # the date is in the future: still applies
    ],
)
def test_two_year_grounds(code: str, on: date, status: DisqualificationStatus) -> None:
    v = evaluate(Grounds(**{DATED_FIELDS[code]: SINCE}), on)
    assert v.status == status
    assert v.applicable == ((code,) if status == DISQ else ())
    (finding,) = v.findings
    assert finding.code == code and finding.since == SINCE
    assert finding.applies_until == date(2025, 5, 10)
    assert "2023年5月10日" in v.reason_ja and "2023-05-10" in v.reason_en
    assert "2025年5月10日" in v.reason_ja and "2025-05-10" in v.reason_en


@pytest.mark.parametrize(
    ("on", "civil", "status"),
    [
        (date(2025, 5, 10), False, CLEAR),
        (date(2025, 5, 10), True, DISQ),  # 民法140条: the anniversary itself still counts
        (date(2025, 5, 11), True, CLEAR),
    ],
)
def test_civil_code_reckoning_option(on: date, civil: bool, status: DisqualificationStatus) -> None:
    assert evaluate(Grounds(revoked_on=SINCE), on, civil_code_reckoning=civil).status == status


@pytest.mark.parametrize(
    ("on", "civil", "status"),
    [
        (date(2026, 2, 27), False, DISQ),
        (date(2026, 2, 28), False, CLEAR),  # 29 Feb -> anniversary on 28 Feb
        (date(2026, 2, 28), True, DISQ),
        (date(2026, 3, 1), True, CLEAR),
    ],
)
def test_leap_day(on: date, civil: bool, status: DisqualificationStatus) -> None:
    v = evaluate(Grounds(imprisonment_ended_on=date(2024, 2, 29)), on, civil_code_reckoning=civil)
    assert v.status == status


def test_ground_ends_on() -> None:
    assert ground_ends_on(date(2024, 2, 29)) == date(2026, 2, 28)
    assert ground_ends_on(date(2024, 2, 29), civil_code_reckoning=True) == date(2026, 3, 1)


def test_mental_impairment_has_no_end() -> None:
    v = evaluate(Grounds(mental_impairment=True), date(2025, 3, 1))
    assert v.status == DISQ and v.applicable == ("mental_impairment",)
    assert v.findings[0].applies_until is None and v.clear_from is None
    assert "①" in v.reason_ja and "(1)" in v.reason_en


@pytest.mark.parametrize(
    ("grounds", "code"),
    [
        (Grounds(immigration_penalty_pending=True), "immigration_penalty"),
        (Grounds(imprisonment_pending=True), "imprisonment"),
    ],
)
def test_pending_sentence_applies_with_no_known_end(grounds: Grounds, code: str) -> None:
    v = evaluate(grounds, date(2025, 3, 1))
    assert v.status == DISQ and v.applicable == (code,) and v.clear_from is None
    assert "終期未定" in v.reason_ja and "no end date" in v.reason_en


@pytest.mark.parametrize(
    "kwargs",
    [
        {"immigration_penalty_pending": True, "immigration_penalty_ended_on": SINCE},
        {"imprisonment_pending": True, "imprisonment_ended_on": SINCE},
    ],
)
def test_pending_and_dated_together_is_rejected(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Grounds(**kwargs)  # type: ignore[arg-type]


def test_several_grounds_report_each_end_and_the_latest() -> None:
    g = Grounds(
        immigration_penalty_ended_on=date(2024, 1, 15),
        imprisonment_ended_on=date(2020, 1, 1),  # long over
        revoked_on=date(2024, 8, 1),
    )
    v = evaluate(g, date(2025, 3, 1))
    assert v.status == DISQ
    assert v.applicable == ("immigration_penalty", "revoked")
    ends = {f.code: (f.applies, f.applies_until) for f in v.findings}
    assert ends == {
        "immigration_penalty": (True, date(2026, 1, 15)),
        "imprisonment": (False, date(2022, 1, 1)),
        "revoked": (True, date(2026, 8, 1)),
    }
    assert v.clear_from == date(2026, 8, 1)
    assert "2026年8月1日" in v.reason_ja and "2026-08-01" in v.reason_en
    assert evaluate(g, date(2026, 8, 1)).status == CLEAR


def test_expired_ground_is_still_reported() -> None:
    v = evaluate(Grounds(revoked_on=date(2020, 1, 1)), date(2025, 3, 1))
    assert v.status == CLEAR and v.findings[0].applies is False
    assert "2022年1月1日" in v.reason_ja and "2022-01-01" in v.reason_en


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
    st.integers(min_value=-100, max_value=1500),
)
def test_applies_exactly_until_the_anniversary(since: date, offset: int) -> None:
    on = since + timedelta(days=offset)
    v = evaluate(Grounds(revoked_on=since), on)
    assert (v.status == DISQ) is (on < add_years(since, 2))
    anniversary = add_years(since, 2)
    assert evaluate(Grounds(revoked_on=since), anniversary - timedelta(days=1)).status == DISQ
    assert evaluate(Grounds(revoked_on=since), anniversary).status == CLEAR
