"""Check-in rules for the venue session 養成課程② (seed 000 §第2 4(5); 資料9).

Rulebook: attendance is refused when the trainee arrives 「「養成課程②」の開始時刻から 60 分以上
遅刻した場合」.  Exception: 「気象状況や公共交通機関の遅延等、やむを得ない事情で遅刻した場合であって、
当日又は翌日の研修日程の一部を変更すること等により、対応が可能な場合は柔軟に対応することも
考えられる」 — so a staff member may override a refusal, recording a reason category.

Readings used here:

* Lateness is measured in whole minutes, rounded down (59 min 59 s is 59 minutes).  Arriving
  before the start, or within the first minute after it, is on time (``minutes_late == 0``):
  the reception desk works with clock minutes.
* 「60 分以上」 means *60 or more*: arriving exactly ``threshold_minutes`` after the start is
  refused.
* The seed does not say whether the rule applies per day; callers pass each day's own start
  time, and the threshold is a parameter (a setting, default 60).
* An override only turns a refusal into an admission; for an on-time or late arrival there is
  nothing to override and the verdict is unchanged.  The override's note and the staff member
  who made it are recorded by the caller, not here.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from datetime import datetime, timedelta
from types import MappingProxyType

from .dates import format_time
from .verdict import VerdictBase

__all__ = [
    "DEFAULT_THRESHOLD_MINUTES",
    "OVERRIDE_REASONS",
    "ArrivalStatus",
    "ArrivalVerdict",
    "DepartureStatus",
    "DepartureVerdict",
    "judge_arrival",
    "judge_departure",
]

#: Lateness (minutes) from which attendance is refused (seed 000: 「60 分以上遅刻」).
DEFAULT_THRESHOLD_MINUTES = 60

#: Override reason categories -> (Japanese label, English label).  The issue asks for public
#: transport delays with and without a delay certificate (遅延証明書) as separate categories.
OVERRIDE_REASONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "weather": ("天候", "weather"),
        "transit_delay_certified": (
            "公共交通機関の遅延・遅延証明書あり",
            "public transport delay, delay certificate shown",
        ),
        "transit_delay": (
            "公共交通機関の遅延・遅延証明書なし",
            "public transport delay, no delay certificate",
        ),
        "other": ("その他", "other"),
    }
)


class ArrivalStatus(enum.StrEnum):
    """Outcome of checking a trainee in (受付)."""

    ON_TIME = "on_time"
    LATE = "late"
    REFUSED = "refused"
    ADMITTED_BY_OVERRIDE = "admitted_by_override"


class DepartureStatus(enum.StrEnum):
    """Whether the trainee stayed until the day's scheduled end."""

    COMPLETED = "completed"
    LEFT_EARLY = "left_early"


@dataclasses.dataclass(frozen=True, kw_only=True)
class ArrivalVerdict(VerdictBase):
    """Check-in verdict; ``override`` is the category only when it changed the outcome."""

    status: ArrivalStatus
    start: datetime
    arrival: datetime
    minutes_late: int
    threshold_minutes: int
    override: str | None = None

    @property
    def admitted(self) -> bool:
        """True when the trainee may attend (everything except a standing refusal)."""
        return self.status is not ArrivalStatus.REFUSED


@dataclasses.dataclass(frozen=True, kw_only=True)
class DepartureVerdict(VerdictBase):
    """Departure verdict; ``minutes_early`` is 0 when the trainee stayed to the end."""

    status: DepartureStatus
    end: datetime
    departure: datetime
    minutes_early: int


def _whole_minutes(delta: timedelta) -> int:
    """Whole minutes in a non-negative ``delta``, rounded down; negative deltas count as 0."""
    return max(0, int(delta.total_seconds() // 60))


def judge_arrival(
    start: datetime,
    arrival: datetime,
    threshold_minutes: int = DEFAULT_THRESHOLD_MINUTES,
    override: str | None = None,
) -> ArrivalVerdict:
    """Judge a check-in against the day's start time.

    ``override`` is a key of :data:`OVERRIDE_REASONS`; an unknown key raises ``ValueError``
    even when it would not be used, so a typo in the UI is caught at once.
    """
    if threshold_minutes <= 0:
        raise ValueError(f"threshold_minutes must be positive, got {threshold_minutes}")
    if override is not None and override not in OVERRIDE_REASONS:
        known = ", ".join(OVERRIDE_REASONS)
        raise ValueError(f"unknown override reason {override!r}; expected one of: {known}")

    minutes = _whole_minutes(arrival - start)
    s, a, limit = format_time(start), format_time(arrival), threshold_minutes
    applied: str | None = None
    if minutes == 0:
        status = ArrivalStatus.ON_TIME
        ja = f"開始時刻 {s} に対し {a} に到着（遅れ 0 分）したため出席"
        en = f"Arrived at {a} for the {s} start (0 minutes late): on time."
    elif minutes < limit:
        status = ArrivalStatus.LATE
        ja = (
            f"開始時刻 {s} から {minutes} 分遅れて到着したため遅刻"
            f"（受講不可の基準 {limit} 分未満のため受講可）"
        )
        en = (
            f"Arrived {minutes} minutes after the {s} start: late, but under the "
            f"{limit}-minute limit, so the trainee may attend."
        )
    elif override is None:
        status = ArrivalStatus.REFUSED
        ja = f"開始時刻 {s} から {minutes} 分遅れて到着したため受講不可（基準 {limit} 分）"
        en = (
            f"Arrived {minutes} minutes after the {s} start: attendance refused "
            f"(limit: {limit} minutes)."
        )
    else:
        applied = override
        ja_label, en_label = OVERRIDE_REASONS[override]
        status = ArrivalStatus.ADMITTED_BY_OVERRIDE
        ja = (
            f"開始時刻 {s} から {minutes} 分遅れて到着（基準 {limit} 分以上）したが、"
            f"やむを得ない事情（{ja_label}）により受講を許可"
        )
        en = (
            f"Arrived {minutes} minutes after the {s} start (limit: {limit} minutes), "
            f"but admitted because of an unavoidable cause ({en_label})."
        )
    return ArrivalVerdict(
        status=status,
        reason_ja=ja,
        reason_en=en,
        start=start,
        arrival=arrival,
        minutes_late=minutes,
        threshold_minutes=limit,
        override=applied,
    )


def judge_departure(end: datetime, departure: datetime) -> DepartureVerdict:
    """Classify a departure as completed or leaving early (早退), in whole minutes.

    The seeds set no limit for leaving early, so this only states the facts; what follows from
    an early departure (e.g. whether the day counts) is for the caller to decide.
    """
    minutes = _whole_minutes(end - departure)
    e, d = format_time(end), format_time(departure)
    if minutes == 0:
        return DepartureVerdict(
            status=DepartureStatus.COMPLETED,
            reason_ja=f"終了時刻 {e} に対し {d} に退出（早退 0 分）したため最後まで受講",
            reason_en=f"Left at {d} for the {e} end (0 minutes early): stayed to the end.",
            end=end,
            departure=departure,
            minutes_early=0,
        )
    return DepartureVerdict(
        status=DepartureStatus.LEFT_EARLY,
        reason_ja=f"終了時刻 {e} より {minutes} 分早く {d} に退出したため早退",
        reason_en=f"Left at {d}, {minutes} minutes before the {e} end: left early.",
        end=end,
        departure=departure,
        minutes_early=minutes,
    )
