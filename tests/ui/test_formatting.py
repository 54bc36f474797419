"""One way to write a moment in the UI: stored naive UTC shown on this PC's clock."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from scfn_desktop.ui.formatting import local_date, local_date_time


@pytest.fixture
def tokyo(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_naive_values_are_utc_and_shown_in_local_time(tokyo):
    stored = datetime(2025, 11, 15, 1, 2, 3)  # as db.base.utcnow stores it
    assert local_date_time(stored) == "2025/11/15 10:02"
    assert local_date_time(stored, seconds=True) == "2025/11/15 10:02:03"
    assert local_date(datetime(2025, 11, 15, 20, 0)) == "2025/11/16"  # past midnight in Tokyo
    aware = datetime(2025, 11, 15, 1, 2, tzinfo=UTC)
    assert local_date_time(aware) == "2025/11/15 10:02"
    other = datetime(2025, 11, 15, 10, 2, tzinfo=timezone(timedelta(hours=9)))
    assert local_date_time(other) == "2025/11/15 10:02"
    assert local_date_time(None) == "—" and local_date(None) == "—"
