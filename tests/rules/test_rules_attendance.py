"""Check-in at the venue session (seed 000 §第2 4(5))."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scfn_desktop.rules.attendance import (
    OVERRIDE_REASONS,
    ArrivalStatus,
    DepartureStatus,
    judge_arrival,
    judge_departure,
)

START = datetime(2025, 9, 1, 9, 30)


def after(minutes: int = 0, seconds: int = 0) -> datetime:
    return START + timedelta(minutes=minutes, seconds=seconds)


@pytest.mark.parametrize(
    ("arrival", "status", "minutes"),
    [
        (after(-45), ArrivalStatus.ON_TIME, 0),  # early
        (after(0, -1), ArrivalStatus.ON_TIME, 0),
        (after(0), ArrivalStatus.ON_TIME, 0),
        (after(0, 59), ArrivalStatus.ON_TIME, 0),  # under a whole minute
        (after(1), ArrivalStatus.LATE, 1),
        (after(30), ArrivalStatus.LATE, 30),
        (after(59), ArrivalStatus.LATE, 59),
        (after(59, 59), ArrivalStatus.LATE, 59),  # 59m59s is late, not refused
        (after(60), ArrivalStatus.REFUSED, 60),  # 「60 分以上」: exactly 60 is refused
        (after(60, 1), ArrivalStatus.REFUSED, 60),
        (after(61), ArrivalStatus.REFUSED, 61),
        (after(72), ArrivalStatus.REFUSED, 72),
        (after(300), ArrivalStatus.REFUSED, 300),
    ],
)
def test_judge_arrival(arrival: datetime, status: ArrivalStatus, minutes: int) -> None:
    v = judge_arrival(START, arrival)
    assert v.status == status
    assert v.minutes_late == minutes
    assert v.threshold_minutes == 60
    assert v.override is None
    assert v.admitted is (status is not ArrivalStatus.REFUSED)
    for reason in (v.reason_ja, v.reason_en):
        assert "09:30" in reason and f"{minutes} " in reason
    if status in (ArrivalStatus.LATE, ArrivalStatus.REFUSED):
        assert "60" in v.reason_ja and "60" in v.reason_en


def test_refusal_reads_as_the_office_writes_it() -> None:
    v = judge_arrival(START, after(72))
    assert v.reason_ja == "開始時刻 09:30 から 72 分遅れて到着したため受講不可（基準 60 分）"
    assert v.reason_en == (
        "Arrived 72 minutes after the 09:30 start: attendance refused (limit: 60 minutes)."
    )


@pytest.mark.parametrize("reason", ["weather", "transit_delay", "transit_delay_certified", "other"])
def test_override_admits_a_refused_trainee(reason: str) -> None:
    v = judge_arrival(START, after(75), override=reason)
    assert v.status == ArrivalStatus.ADMITTED_BY_OVERRIDE
    assert v.override == reason and v.admitted and v.minutes_late == 75
    ja_label, en_label = OVERRIDE_REASONS[reason]
    assert ja_label in v.reason_ja and "75" in v.reason_ja
    assert en_label in v.reason_en and "75" in v.reason_en


@pytest.mark.parametrize(
    ("arrival", "status"),
    [(after(-5), ArrivalStatus.ON_TIME), (after(10), ArrivalStatus.LATE)],
)
def test_override_does_not_change_other_verdicts(arrival: datetime, status: ArrivalStatus) -> None:
    v = judge_arrival(START, arrival, override="weather")
    assert v.status == status
    assert v.override is None


@pytest.mark.parametrize("arrival", [after(-5), after(10), after(90)])
def test_unknown_override_is_rejected_whatever_the_lateness(arrival: datetime) -> None:
    with pytest.raises(ValueError, match="snow"):
        judge_arrival(START, arrival, override="snow")


def test_override_labels() -> None:
    assert OVERRIDE_REASONS["weather"][0] == "天候"
    assert OVERRIDE_REASONS["transit_delay"][0] == "公共交通機関の遅延・遅延証明書なし"
    assert OVERRIDE_REASONS["transit_delay_certified"][0] == "公共交通機関の遅延・遅延証明書あり"
    assert OVERRIDE_REASONS["other"][0] == "その他"
    with pytest.raises(TypeError):
        OVERRIDE_REASONS["new"] = ("x", "x")  # type: ignore[index]


@pytest.mark.parametrize(
    ("threshold", "minutes", "status"),
    [
        (30, 29, ArrivalStatus.LATE),
        (30, 30, ArrivalStatus.REFUSED),
        (90, 60, ArrivalStatus.LATE),
        (90, 90, ArrivalStatus.REFUSED),
    ],
)
def test_threshold_is_a_setting(threshold: int, minutes: int, status: ArrivalStatus) -> None:
    v = judge_arrival(START, after(minutes), threshold_minutes=threshold)
    assert v.status == status
    assert str(threshold) in v.reason_ja and str(threshold) in v.reason_en


@pytest.mark.parametrize("threshold", [0, -60])
def test_threshold_must_be_positive(threshold: int) -> None:
    with pytest.raises(ValueError):
        judge_arrival(START, after(5), threshold_minutes=threshold)


def test_each_day_uses_its_own_start_time() -> None:
    day2 = datetime(2025, 9, 2, 9, 0)
    assert judge_arrival(day2, datetime(2025, 9, 2, 9, 45)).status == ArrivalStatus.LATE
    assert judge_arrival(day2, datetime(2025, 9, 2, 10, 0)).status == ArrivalStatus.REFUSED


@given(st.integers(min_value=-7200, max_value=4 * 3600))
def test_minutes_late_is_the_floor_and_status_follows_it(seconds: int) -> None:
    v = judge_arrival(START, START + timedelta(seconds=seconds))
    assert v.minutes_late == max(0, seconds // 60)
    expected = (
        ArrivalStatus.ON_TIME
        if seconds < 60
        else ArrivalStatus.LATE
        if seconds < 3600
        else ArrivalStatus.REFUSED
    )
    assert v.status == expected


END = datetime(2025, 9, 1, 17, 0)


@pytest.mark.parametrize(
    ("departure", "status", "minutes"),
    [
        (END + timedelta(minutes=5), DepartureStatus.COMPLETED, 0),
        (END, DepartureStatus.COMPLETED, 0),
        (END - timedelta(seconds=30), DepartureStatus.COMPLETED, 0),
        (END - timedelta(minutes=1), DepartureStatus.LEFT_EARLY, 1),
        (END - timedelta(minutes=45), DepartureStatus.LEFT_EARLY, 45),
    ],
)
def test_judge_departure(departure: datetime, status: DepartureStatus, minutes: int) -> None:
    v = judge_departure(END, departure)
    assert v.status == status and v.minutes_early == minutes
    for reason in (v.reason_ja, v.reason_en):
        assert "17:00" in reason and f"{minutes} " in reason
