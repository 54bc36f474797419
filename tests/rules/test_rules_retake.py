"""Retake exemptions (seed 000 §第2 3(2), 4(2)イ)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scfn_desktop.rules.retake import (
    EXEMPTION_KINDS,
    EXEMPTION_TABLE,
    STAGES,
    ExemptionStatus,
    evaluate_exemption,
    exemption_deadline,
)

FAILED = date(2025, 2, 20)  # FY2024 run's test -> deadline 2028-03-31
ALL = frozenset(STAGES)


@pytest.mark.parametrize(
    ("failed_on", "expected"),
    [
        (date(2025, 2, 20), date(2028, 3, 31)),
        (date(2025, 3, 31), date(2028, 3, 31)),
        (date(2025, 4, 1), date(2029, 3, 31)),
        (date(2024, 2, 29), date(2027, 3, 31)),
        (date(2026, 1, 15), date(2029, 3, 31)),
    ],
)
def test_exemption_deadline(failed_on: date, expected: date) -> None:
    assert exemption_deadline(failed_on) == expected


def test_deadline_can_follow_the_run_fiscal_year() -> None:
    # A FY2025 run whose test fell on 2026-04-05 (FY2026) is still reckoned from FY2025.
    assert exemption_deadline(date(2026, 4, 5), run_fiscal_year=2025) == date(2029, 3, 31)
    assert exemption_deadline(date(2026, 4, 5)) == date(2030, 3, 31)


@pytest.mark.parametrize(
    ("kind", "new_run_start", "status", "exempt"),
    [
        ("failed_test", date(2025, 6, 1), ExemptionStatus.EXEMPT, ALL),
        ("failed_test", date(2028, 3, 31), ExemptionStatus.EXEMPT, ALL),  # deadline day
        ("failed_test", date(2028, 4, 1), ExemptionStatus.NOT_EXEMPT, frozenset()),
        ("absent_unavoidable", date(2027, 9, 1), ExemptionStatus.EXEMPT, ALL),
        ("absent_unavoidable", date(2028, 4, 1), ExemptionStatus.NOT_EXEMPT, frozenset()),
        (
            "withdrew_practice_unavoidable",
            date(2026, 6, 1),
            ExemptionStatus.EXEMPT,
            frozenset({"online_course"}),
        ),
        (
            "withdrew_practice_unavoidable",
            date(2028, 3, 31),
            ExemptionStatus.EXEMPT,
            frozenset({"online_course"}),
        ),
        (
            "withdrew_practice_unavoidable",
            date(2028, 4, 1),
            ExemptionStatus.NOT_EXEMPT,
            frozenset(),
        ),
        ("absent_not_accepted", date(2026, 6, 1), ExemptionStatus.NOT_EXEMPT, frozenset()),
        ("withdrew_not_accepted", date(2026, 6, 1), ExemptionStatus.NOT_EXEMPT, frozenset()),
    ],
)
def test_evaluate_exemption(
    kind: str, new_run_start: date, status: ExemptionStatus, exempt: frozenset[str]
) -> None:
    v = evaluate_exemption(kind, FAILED, new_run_start)
    assert v.status == status
    assert v.exempt_stages == exempt
    assert v.stages_to_take == tuple(s for s in STAGES if s not in exempt)
    assert v.test_only is (exempt == ALL)
    assert v.deadline == date(2028, 3, 31)
    assert "2025年2月20日" in v.reason_ja and "2025-02-20" in v.reason_en
    if kind in ("failed_test", "absent_unavoidable", "withdrew_practice_unavoidable"):
        assert "2028年3月31日" in v.reason_ja and "2028-03-31" in v.reason_en


def test_test_only_wording() -> None:
    v = evaluate_exemption("failed_test", FAILED, date(2026, 6, 1))
    assert "修了認定テストのみ再受験" in v.reason_ja
    assert "only the completion test is retaken" in v.reason_en
    w = evaluate_exemption("withdrew_practice_unavoidable", FAILED, date(2026, 6, 1))
    assert "養成課程①の受講を免除" in w.reason_ja
    assert "the practice and venue session and the completion test" in w.reason_en


@pytest.mark.parametrize("new_run_start", [FAILED, FAILED - timedelta(days=30)])
def test_an_earlier_run_is_not_a_later_run(new_run_start: date) -> None:
    v = evaluate_exemption("failed_test", FAILED, new_run_start)
    assert v.status == ExemptionStatus.NOT_EXEMPT
    assert "次回以降" in v.reason_ja and "not a later run" in v.reason_en


def test_unknown_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="dropped_out"):
        evaluate_exemption("dropped_out", FAILED, date(2026, 6, 1))


def test_table_is_configurable() -> None:
    # After a law change only the practice and venue session are waived.
    narrowed = {**EXEMPTION_TABLE, "failed_test": frozenset({"practice", "venue_session"})}
    v = evaluate_exemption("failed_test", FAILED, date(2026, 6, 1), table=narrowed)
    assert v.stages_to_take == ("online_course",)
    assert not v.test_only
    shorter = evaluate_exemption("failed_test", FAILED, date(2027, 6, 1), window_years=2)
    assert shorter.deadline == date(2027, 3, 31)
    assert shorter.status == ExemptionStatus.NOT_EXEMPT


def test_table_naming_an_unknown_stage_is_rejected() -> None:
    with pytest.raises(ValueError, match="lunch"):
        evaluate_exemption(
            "failed_test", FAILED, date(2026, 6, 1), table={"failed_test": {"lunch"}}
        )


def test_every_kind_has_labels_and_a_table_entry() -> None:
    assert set(EXEMPTION_KINDS) == set(EXEMPTION_TABLE)


@given(
    st.sampled_from(sorted(EXEMPTION_TABLE)),
    st.dates(min_value=date(2024, 4, 1), max_value=date(2040, 3, 31)),
    st.integers(min_value=-400, max_value=2000),
)
def test_exempt_only_inside_the_window(kind: str, event: date, offset: int) -> None:
    start = event + timedelta(days=offset)
    v = evaluate_exemption(kind, event, start)
    inside = event < start <= exemption_deadline(event)
    assert (v.status == ExemptionStatus.EXEMPT) is (inside and bool(EXEMPTION_TABLE[kind]))
