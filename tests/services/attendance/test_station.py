"""Off-GUI-thread work with a deadline, the database health monitor, QR codes in camera
frames, and two desks on one SQLite file checking the same badge in at once."""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np
import pytest
from attendancekit import STAFF, after_start, badge_frame, make_run, token_for

from scfn_desktop.db.session import open_database
from scfn_desktop.services.attendance.desk import DeskStatus, open_desk, scan
from scfn_desktop.services.attendance.frames import RepeatFilter, decode_frame
from scfn_desktop.services.attendance.health import DatabaseHealth
from scfn_desktop.services.attendance.station import NotStarted, StationWorkers


def test_work_past_its_deadline_is_never_started():
    workers = StationWorkers(workers=1)
    gate = threading.Event()
    ran: list[str] = []
    try:
        blocker = workers.submit(lambda _deadline: gate.wait(5))
        late = workers.submit(lambda _deadline: ran.append("late"), deadline_s=0.2)
        time.sleep(0.4)
        gate.set()
        assert blocker.result(2) is True
        with pytest.raises(NotStarted):
            late.result(2)
        assert ran == []
        assert workers.submit(lambda _deadline: 42).result(2) == 42
    finally:
        workers.close()
    with pytest.raises(NotStarted):
        workers.submit(lambda _deadline: 1).result(1)


def test_a_scan_that_ends_past_its_deadline_is_rolled_back(db):
    from scfn_desktop.db.models.attendance import AttendanceEvent
    from scfn_desktop.services.attendance.desk import NotRecorded

    kit = make_run(db, trainees=1)
    desk = open_desk(db, kit.run_id, 1, "受付1")
    token = token_for(db, kit, kit.numbers[0])
    with pytest.raises(NotRecorded):
        scan(db, STAFF, desk, token, at=after_start(0), deadline=time.monotonic() - 0.001)
    with db.session() as s:
        assert s.query(AttendanceEvent).count() == 0
    ok = scan(db, STAFF, desk, token, at=after_start(0), deadline=time.monotonic() + 5)
    assert ok.status is DeskStatus.ON_TIME


def test_health_monitor_notices_a_vanished_database_and_its_return(tmp_path):
    """A database on a share that goes away: its folder disappears and comes back."""
    folder = tmp_path / "share"
    folder.mkdir()
    open_database(f"sqlite:///{folder / 'venue.sqlite3'}").dispose()
    changes: list[bool] = []
    health = DatabaseHealth(f"sqlite:///{folder / 'venue.sqlite3'}",
                            lambda online, _detail: changes.append(online),
                            interval=0.1, timeout=1.0)
    assert health.check_now() and changes == []
    folder.rename(tmp_path / "unplugged")
    started = time.monotonic()
    assert not health.check_now()
    assert time.monotonic() - started < 2 and changes == [False] and health.detail
    (tmp_path / "unplugged").rename(folder)
    assert health.check_now() and changes == [False, True]
    health.start()
    health.stop()


def test_decode_frame_reads_a_badge_and_ignores_empty_frames(db):
    kit = make_run(db, trainees=1)
    token = token_for(db, kit, kit.numbers[0])
    assert decode_frame(badge_frame(token)) == token
    assert decode_frame(cv2.cvtColor(badge_frame(token), cv2.COLOR_GRAY2BGR)) == token
    assert decode_frame(np.full((720, 1280), 128, np.uint8)) is None
    assert decode_frame(np.zeros((3, 3), np.uint8)) is None


def test_the_same_code_in_view_passes_once():
    now = [0.0]
    seen = RepeatFilter(hold_s=3.0, clock=lambda: now[0])
    results = []
    for t in (0.0, 0.1, 0.5, 2.0, 4.9):  # held in view: seen every frame, passes once
        now[0] = t
        results.append(seen.accept("A"))
    now[0] = 5.0
    results.append(seen.accept("B"))
    now[0] = 9.0  # A was out of view for more than 3 s
    results.append(seen.accept("A"))
    assert results == [True, False, False, False, False, True, True]


def test_two_desks_on_one_sqlite_file_check_in_once(db, db_url):
    kit = make_run(db, trainees=1)
    token = token_for(db, kit, kit.numbers[0])
    databases = [open_database(db_url), open_database(db_url)]
    desks = [open_desk(d, kit.run_id, 1, f"受付{i + 1}") for i, d in enumerate(databases)]
    barrier = threading.Barrier(2)
    out: list = [None, None]

    def run(i: int) -> None:
        barrier.wait()
        out[i] = scan(databases[i], STAFF, desks[i], token, at=after_start(1))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    for d in databases:
        d.dispose()
    assert sorted(v.status.value for v in out) == sorted([DeskStatus.LATE.value,
                                                          DeskStatus.ALREADY.value])
