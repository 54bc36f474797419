"""Two desks on one PostgreSQL database: the same badge scanned at both in the same instant
gives exactly one check-in (the `checkins` primary key, not luck), and a database that cannot
be reached is reported within 2 seconds, no scan is taken that cannot be stored, and the desk
recovers by itself. Real concurrent connections; the LAN is cut with a TCP proxy."""

from __future__ import annotations

import threading
import time
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import pytest
from attendancekit import STAFF, after_start, make_run, token_for
from lan_proxy import LanProxy
from sqlalchemy import func, select, text

from scfn_desktop.db.models.attendance import AttendanceEvent, CheckinGuard
from scfn_desktop.db.session import Database
from scfn_desktop.services.attendance.desk import (
    DatabaseUnavailable,
    DeskStatus,
    NotRecorded,
    open_desk,
    scan,
)
from scfn_desktop.services.attendance.health import DatabaseHealth
from scfn_desktop.services.attendance.station import StationWorkers
from scfn_desktop.services.errors import ServiceError


def _counts(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(AttendanceEvent)),
                s.scalar(select(func.count()).select_from(CheckinGuard)))


def test_same_badge_at_two_desks_at_once_checks_in_once(pg_db):
    kit = make_run(pg_db, trainees=12)
    tokens = [token_for(pg_db, kit, n) for n in kit.numbers]
    stations = [Database(pg_db.url), Database(pg_db.url)]  # two PCs: two engines, two pools
    desks = [open_desk(d, kit.run_id, 1, f"受付{i + 1}") for i, d in enumerate(stations)]
    try:
        for token in tokens:
            barrier = threading.Barrier(2)
            out: list = [None, None]

            def desk(i: int, token: str = token, barrier=barrier, out=out) -> None:
                barrier.wait()
                out[i] = scan(stations[i], STAFF, desks[i], token, at=after_start(3))

            threads = [threading.Thread(target=desk, args=(i,)) for i in (0, 1)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(20)
            assert sorted(v.status.value for v in out) == ["already", "late"]
            winner = next(v for v in out if v.status is DeskStatus.LATE)
            loser = next(v for v in out if v.status is DeskStatus.ALREADY)
            assert loser.first.station == f"受付{out.index(winner) + 1}"
    finally:
        for d in stations:
            d.dispose()
    assert _counts(pg_db) == (12, 12)


def test_the_second_desk_waits_for_the_first_and_reports_it(pg_db):
    """Desk 1 is inside its transaction (guard row written, not committed): desk 2's scan of
    the same badge blocks on the key and, once desk 1 commits, answers "already checked in"."""
    kit = make_run(pg_db, trainees=1)
    token = token_for(pg_db, kit, kit.numbers[0])
    trainee_id = kit.ids[kit.numbers[0]]
    desk2_db = Database(pg_db.url)
    desk2 = open_desk(desk2_db, kit.run_id, 1, "受付2")
    conn = pg_db.engine.connect()
    tx = conn.begin()
    event_id = conn.execute(text(
        "INSERT INTO attendance_events (trainee_id, day_number, kind, at, recorded_at, station,"
        " actor, method, reason, note, backfilled) VALUES (:t, 1, 'check_in', :at, :at,"
        " '受付1', 'desk1', 'scanner', '', '', false) RETURNING id"),
        {"t": trainee_id, "at": after_start(-2)}).scalar_one()
    conn.execute(text("INSERT INTO checkins (trainee_id, day_number, event_id) "
                      "VALUES (:t, 1, :e)"), {"t": trainee_id, "e": event_id})
    result: list = []
    worker = threading.Thread(target=lambda: result.append(
        scan(desk2_db, STAFF, desk2, token, at=after_start(0))))
    worker.start()
    worker.join(0.6)
    assert worker.is_alive() and result == []  # held by desk 1's uncommitted key
    tx.commit()
    conn.close()
    worker.join(5)
    desk2_db.dispose()
    assert result[0].status is DeskStatus.ALREADY and result[0].first.station == "受付1"
    assert _counts(pg_db) == (1, 1)


@pytest.fixture
def lan(pg_server, pg_db):
    proxy = LanProxy(Path(pg_server.root) / ".s.PGSQL.5432")
    yield proxy
    proxy.close()


@pytest.mark.parametrize("outage", ["blackhole", "down"])
def test_unreachable_database_is_reported_within_2_s_and_the_desk_recovers(pg_db, lan,
                                                                           outage):
    kit = make_run(pg_db, trainees=3)
    tokens = [token_for(pg_db, kit, n) for n in kit.numbers]
    url = lan.url(pg_db.engine.url.database)
    desk_db = Database(url)
    desk = open_desk(desk_db, kit.run_id, 1, "受付1")
    changes: list[tuple[bool, float]] = []
    health = DatabaseHealth(url, lambda online, _d: changes.append((online, time.monotonic())))
    workers = StationWorkers()
    try:
        health.start()
        ok = workers.submit(lambda d: scan(desk_db, STAFF, desk, tokens[0], at=after_start(0),
                                              deadline=d))
        assert ok.result(2).status is DeskStatus.ON_TIME
        cut = time.monotonic()
        getattr(lan, outage)()
        during = workers.submit(lambda d: scan(desk_db, STAFF, desk, tokens[1],
                                                  at=after_start(1), deadline=d))
        try:
            outcome = during.result(2.0)
        except (FutureTimeout, DatabaseUnavailable, NotRecorded):
            outcome = None  # the desk shows "not recorded: use the paper sheet"
        assert outcome is None, "a scan was reported as stored while the LAN was cut"
        deadline = time.monotonic() + 2.5
        while not changes and time.monotonic() < deadline:
            time.sleep(0.05)
        assert changes and changes[0][0] is False
        assert changes[0][1] - cut < 2.0, f"reported after {changes[0][1] - cut:.2f} s"
        lan.restore()
        deadline = time.monotonic() + 5
        while len(changes) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [c[0] for c in changes] == [False, True]  # recovered by itself
        with pytest.raises((ServiceError, FutureTimeout)):
            during.result(10)  # the stuck scan ended without being stored
        again = workers.submit(lambda d: scan(desk_db, STAFF, desk, tokens[1],
                                              at=after_start(4), deadline=d))
        assert again.result(5).status is DeskStatus.LATE
    finally:
        health.stop()
        workers.close()
        desk_db.dispose()
    with pg_db.session() as s:
        stored = s.scalars(select(AttendanceEvent.at).order_by(AttendanceEvent.id)).all()
    assert stored == [after_start(0), after_start(4)]  # nothing half-written, nothing lost
