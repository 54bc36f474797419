"""How the UI writes a moment: always on this PC's clock, in one format.

The database stores naive UTC (`db.base.utcnow`, portable across SQLite and PostgreSQL) and
some services hand out aware UTC; people read local time. Every page formats times here, so
no page shows UTC by accident (the review page once said "… UTC") and all agree on the format.
"""

from __future__ import annotations

from datetime import UTC, datetime

DATE_FORMAT = "%Y/%m/%d"
MINUTES_FORMAT = "%Y/%m/%d %H:%M"
SECONDS_FORMAT = "%Y/%m/%d %H:%M:%S"


def to_local(moment: datetime) -> datetime:
    """A stored moment on this PC's clock: naive values are UTC (the storage convention)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone()


def local_date_time(moment: datetime | None, seconds: bool = False) -> str:
    """E.g. 2025/11/15 10:03 (local time); "—" when there is none."""
    if moment is None:
        return "—"
    return to_local(moment).strftime(SECONDS_FORMAT if seconds else MINUTES_FORMAT)


def local_date(moment: datetime | None) -> str:
    return "—" if moment is None else to_local(moment).strftime(DATE_FORMAT)
