"""The checks a training run's settings and venue days must pass, shared by creating and editing.

Each check returns every problem at once (Japanese and English), so a form can list them all
instead of making the person fix one field per attempt.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from scfn_desktop.db.models.roster import TrainingRun
from scfn_desktop.rules.fiscal import REIWA_FIRST_YEAR
from scfn_desktop.services.errors import ValidationFailed

DaySpec = tuple[date, time, time]
Problem = tuple[str, str]

LAST_FISCAL_YEAR = 2100  # a typo guard: 20250 is not a year anyone means
MAX_CAPACITY = 1000  # a typo guard; a run is about 60 trainees
MAX_THRESHOLD_MINUTES = 480  # a venue day is about 7 hours
MAX_VENUE_DAYS = 5  # 養成課程② is two days; room for a make-up day, not for a typo
VENUE_MAX_LENGTH = TrainingRun.venue.type.length


def settings_problems(fiscal_year: int, term: int, capacity: int, threshold: int,
                      venue: str) -> list[Problem]:
    problems: list[Problem] = []
    if fiscal_year < REIWA_FIRST_YEAR:
        problems.append((f"年度 {fiscal_year} は令和以前です。",
                         f"Fiscal year {fiscal_year} is before the Reiwa era."))
    elif fiscal_year > LAST_FISCAL_YEAR:
        problems.append((f"年度 {fiscal_year} は正しくありません。",
                         f"Fiscal year {fiscal_year} is not a valid year."))
    if term < 1:
        problems.append(("期は1以上にしてください。", "The term must be 1 or more."))
    venue_limit = VENUE_MAX_LENGTH
    if len(venue.strip()) > venue_limit:  # PostgreSQL refuses over-long text, SQLite stores it
        problems.append((f"会場名が長すぎます（{venue_limit}文字まで）。",
                         f"The venue name is too long (at most {venue_limit} characters)."))
    if not 1 <= capacity <= MAX_CAPACITY:
        problems.append((f"定員は1〜{MAX_CAPACITY}にしてください。",
                         f"The capacity must be between 1 and {MAX_CAPACITY}."))
    if not 1 <= threshold <= MAX_THRESHOLD_MINUTES:
        problems.append((f"遅刻の基準は1〜{MAX_THRESHOLD_MINUTES}分にしてください。",
                         f"The lateness threshold must be 1 to {MAX_THRESHOLD_MINUTES} minutes."))
    return problems


def day_problems(days: Sequence[DaySpec]) -> list[Problem]:
    problems: list[Problem] = []
    if not days:
        problems.append(("集合研修の日程を入力してください。", "Enter the venue days."))
    elif len(days) > MAX_VENUE_DAYS:
        problems.append((f"集合研修の日程は{MAX_VENUE_DAYS}日までです。",
                         f"At most {MAX_VENUE_DAYS} venue days."))
    for i, (day, start, end) in enumerate(days, start=1):
        if start >= end:
            problems.append((f"{i}日目の終了時刻が開始時刻より前です。",
                             f"Day {i} ends before it starts."))
        if i > 1 and day <= days[i - 2][0]:
            problems.append((f"{i}日目の日付が前の日以前です。",
                             f"Day {i} is not after the previous day."))
    return problems


def refuse(problems: list[Problem]) -> None:
    """Raise one ValidationFailed listing every problem (nothing when the list is empty)."""
    if problems:
        raise ValidationFailed("\n".join(p[0] for p in problems),
                               "\n".join(p[1] for p in problems), [p[0] for p in problems])
