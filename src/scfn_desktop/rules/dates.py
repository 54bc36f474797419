"""Calendar arithmetic and date wording shared by the rules.

Several rules count whole calendar years ("3年", "2年を経過しない"), which is not a fixed number of
days.  They all use :func:`add_years` so that the leap-day convention is decided once.

Leap-day convention: adding years to 29 February lands on **28 February** when the target year
is not a leap year.  This follows 民法第143条第2項ただし書 (a period counted in years whose
corresponding day does not exist ends on the last day of that month), which is how Japanese
administrative periods are reckoned.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

__all__ = ["add_months", "add_years", "format_date_en", "format_date_ja", "format_time"]


def add_years(d: date, years: int) -> date:
    """Return the same month/day ``years`` later (or earlier); 29 Feb -> 28 Feb if missing."""
    year = d.year + years
    day = min(d.day, calendar.monthrange(year, d.month)[1])
    return date(year, d.month, day)


def add_months(d: date, months: int) -> date:
    """Return the same day ``months`` later (or earlier); a missing day becomes the month's last
    (31 March + 1 month -> 30 April), by the same convention as :func:`add_years`."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def format_date_ja(d: date) -> str:
    """Format as the office writes dates in letters, e.g. ``2028年3月31日``."""
    return f"{d.year}年{d.month}月{d.day}日"


def format_date_en(d: date) -> str:
    """Format as ISO 8601 (``2028-03-31``): unambiguous for auditors of any locale."""
    return d.isoformat()


def format_time(t: datetime) -> str:
    """Format a clock time as ``09:30`` (seconds shown only when not zero)."""
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")
