"""Check-in through the service at the boundaries of the venue rules: 59 minutes late is late
but admitted, 60 is refused, an override admits, a second scan reports the first, and every
kind of bad badge is refused with its own reason."""

from __future__ import annotations

import os
import time as time_module
from datetime import datetime

import pytest
from attendancekit import ADMIN, DAY1, DAY2, STAFF, after_start, local, make_run, token_for
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from scfn_desktop.credentials import BadgeClaims, decode_text, encode_text, issue_badge
from scfn_desktop.services.attendance import badges as badge_service
from scfn_desktop.services.attendance.desk import DeskStatus, Problem, open_desk, scan
from scfn_desktop.services.attendance.events import EventKind, record_event


@pytest.fixture
def kit(db):
    return make_run(db)


@pytest.fixture
def desk(db, kit):
    return open_desk(db, kit.run_id, 1, "受付1")


def test_on_time_before_and_at_the_start(db, kit, desk):
    v = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(-10))
    assert v.status is DeskStatus.ON_TIME and v.admitted
    assert v.trainee.name == "山田\u3000花子" and v.at.strftime("%H:%M") == "09:50"
    v = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[1]), at=after_start(0.99))
    assert v.status is DeskStatus.ON_TIME


def test_59_minutes_late_is_admitted_late(db, kit, desk):
    v = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(59.99))
    assert v.status is DeskStatus.LATE and v.admitted
    assert v.arrival.minutes_late == 59
    assert "59 分遅れて到着" in v.reason_ja and "59 minutes" in v.reason_en


def test_60_minutes_late_is_refused(db, kit, desk):
    v = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(60))
    assert v.status is DeskStatus.REFUSED and not v.admitted
    assert v.arrival.minutes_late == 60 and v.arrival.threshold_minutes == 60
    assert "受講不可" in v.reason_ja and "10:00" in v.reason_ja and "基準 60 分" in v.reason_ja
    assert v.at.strftime("%H:%M") == "11:00"


def test_override_admits_a_refused_trainee(db, kit, desk):
    v = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(75))
    assert v.status is DeskStatus.REFUSED
    o = record_event(db, STAFF, desk, v.trainee.id, EventKind.OVERRIDE,
                     reason="transit_delay_certified", note="中央線 人身事故 遅延証明書確認",
                     at=after_start(80))
    assert o.status is DeskStatus.OVERRIDDEN and o.admitted
    assert "遅延証明書あり" in o.reason_ja and "中央線" in o.reason_ja
    again = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(81))
    assert again.status is DeskStatus.ALREADY
    assert again.day.status == "overridden"


def test_second_scan_reports_the_first(db, kit):
    token = token_for(db, kit, kit.numbers[0])
    desk1 = open_desk(db, kit.run_id, 1, "受付1")
    desk2 = open_desk(db, kit.run_id, 1, "受付2")
    first = scan(db, STAFF, desk2, token, at=local(DAY1, 9, 2))
    assert first.status is DeskStatus.ON_TIME
    second = scan(db, ADMIN, desk1, token, at=local(DAY1, 9, 30))
    assert second.status is DeskStatus.ALREADY and not second.admitted
    assert second.first.at.strftime("%H:%M") == "09:02"
    assert second.first.station == "受付2" and second.first.actor == "uketsuke"
    assert "09:02、受付2、uketsuke" in second.reason_ja
    assert "09:02, 受付2, by uketsuke" in second.reason_en


def test_day_two_is_judged_on_its_own(db, kit):
    token = token_for(db, kit, kit.numbers[0])
    scan(db, STAFF, open_desk(db, kit.run_id, 1, "受付1"), token, at=local(DAY1, 9, 0))
    v = scan(db, STAFF, open_desk(db, kit.run_id, 2, "受付1"), token, at=local(DAY2, 10, 30))
    assert v.status is DeskStatus.LATE and v.day_number == 2 and v.arrival.minutes_late == 30


def test_forged_badge_is_refused(db, kit, desk):
    stranger = Ed25519PrivateKey.generate()
    forged = issue_badge(stranger, BadgeClaims(2025, 1, kit.numbers[0], 1))
    v = scan(db, STAFF, desk, forged, at=after_start(0))
    assert v.status is DeskStatus.INVALID and v.problem == Problem.UNKNOWN_KEY
    assert "登録されていない鍵" in v.reason_ja


def test_altered_badge_is_refused(db, kit, desk):
    frame = bytearray(decode_text(token_for(db, kit, kit.numbers[0])))
    frame[12] ^= 0x01  # another trainee number, same signature
    v = scan(db, STAFF, desk, encode_text(bytes(frame)), at=after_start(0))
    assert v.status is DeskStatus.INVALID and v.problem == Problem.BAD_SIGNATURE
    assert "改ざん" in v.reason_ja


def test_mistyped_badge_is_refused(db, kit, desk):
    token = token_for(db, kit, kit.numbers[0])
    v = scan(db, STAFF, desk, token[:-3], at=after_start(0))
    assert v.status is DeskStatus.INVALID and v.problem == Problem.MALFORMED
    typo = token[:40] + ("A" if token[40] != "A" else "B") + token[41:]
    v = scan(db, STAFF, desk, typo, at=after_start(0))
    assert v.status is DeskStatus.INVALID and v.problem == Problem.BAD_SIGNATURE
    v = scan(db, STAFF, desk, "こんにちは", at=after_start(0))
    assert v.problem == Problem.MALFORMED


def test_other_run_badge_is_refused(db, kit, desk):
    other = make_run(db, trainees=2, fiscal_year=2024, term=2, numbering=lambda i: f"2420{i:02d}")
    token = token_for(db, other, other.numbers[0])
    v = scan(db, STAFF, desk, token, at=after_start(0))
    assert v.status is DeskStatus.INVALID and v.problem == Problem.OTHER_RUN
    assert "令和6年度 第2期" in v.reason_ja and "令和7年度 第1期" in v.reason_ja


def test_superseded_badge_is_refused_after_reissue(db, kit, desk):
    old = token_for(db, kit, kit.numbers[0])
    new = badge_service.reissue_badge(db, STAFF, kit.numbers[0], "紛失").token
    v = scan(db, STAFF, desk, old, at=after_start(0))
    assert v.status is DeskStatus.INVALID and v.problem == Problem.SUPERSEDED
    assert "第1版" in v.reason_ja and "第2版" in v.reason_ja
    assert scan(db, STAFF, desk, new, at=after_start(0.5)).status is DeskStatus.ON_TIME


def test_badge_never_issued_is_refused(db, kit, desk):
    from scfn_desktop.services import keys

    unissued = issue_badge(keys.station_key(), BadgeClaims(2025, 1, kit.numbers[1], 7))
    v = scan(db, STAFF, desk, unissued, at=after_start(0))
    assert v.problem == Problem.NOT_ISSUED


def test_unknown_trainee_is_refused(db, kit, desk):
    from scfn_desktop.services import keys

    token = issue_badge(keys.station_key(), BadgeClaims(2025, 1, "999999", 1))
    v = scan(db, STAFF, desk, token, at=after_start(0))
    assert v.problem == Problem.UNKNOWN_TRAINEE and "999999" in v.reason_ja


def test_full_width_and_spaced_input_is_accepted(db, kit, desk):
    token = token_for(db, kit, kit.numbers[0])
    wide = "".join(chr(ord(c) + 0xFEE0) for c in token)  # what an IME would type
    v = scan(db, STAFF, desk, f"  {wide[:60]} {wide[60:]}\n", at=after_start(5))
    assert v.status is DeskStatus.LATE


def test_a_scan_on_another_date_is_refused_not_stored(db, kit, desk):
    v = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=local(DAY2, 9, 0))
    assert v.status is DeskStatus.INVALID and v.problem == Problem.WRONG_DAY
    assert scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]),
                at=after_start(0)).status is DeskStatus.ON_TIME


def test_excluded_trainee_scanning_in_is_refused(db, kit, desk):
    trainee_id = kit.ids[kit.numbers[2]]
    record_event(db, ADMIN, desk, trainee_id, EventKind.EXCLUDE, note="他の受講生への迷惑行為",
                 at=after_start(-30))
    v = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[2]), at=after_start(0))
    assert v.status is DeskStatus.REFUSED and "受講継続不可" in v.reason_ja


@pytest.fixture
def tokyo(monkeypatch):
    if not hasattr(time_module, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


def test_local_venue_times_in_japan(db, kit, desk, tokyo):
    """Venue times are Japanese wall-clock times; events are stored as UTC (9 hours behind)."""
    from scfn_desktop.db.models.attendance import AttendanceEvent

    token = token_for(db, kit, kit.numbers[0])
    v = scan(db, STAFF, desk, token, at=datetime(2025, 11, 15, 1, 59, 30))  # 10:59:30 JST
    assert os.environ["TZ"] == "Asia/Tokyo"
    assert v.status is DeskStatus.LATE and v.arrival.minutes_late == 59
    assert v.at == datetime(2025, 11, 15, 10, 59, 30)
    with db.session() as s:
        stored = s.query(AttendanceEvent).one()
    assert stored.at == datetime(2025, 11, 15, 1, 59, 30)
    v = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[1]),
             at=datetime(2025, 11, 15, 2, 0, 0))  # 11:00 JST
    assert v.status is DeskStatus.REFUSED


def test_hostile_input_is_refused_quickly_and_stores_nothing(db, kit, desk):
    import time

    from scfn_desktop.db.models.attendance import AttendanceEvent
    from scfn_desktop.services.attendance.desk import open_desk as open_again
    from scfn_desktop.services.errors import ValidationFailed

    started = time.perf_counter()
    for code in ("A" * 1_000_000, "\x00\x1b[31m" + token_for(db, kit, kit.numbers[0]),
                 "'; DROP TABLE checkins; --", "=HYPERLINK(\"x\")", ""):
        assert scan(db, STAFF, desk, code, at=after_start(0)).status is DeskStatus.INVALID
    assert time.perf_counter() - started < 2
    with db.session() as s:
        assert s.query(AttendanceEvent).count() == 0
    with pytest.raises(ValidationFailed):
        open_again(db, kit.run_id, 1, "受" * 61)
    with pytest.raises(ValidationFailed):
        open_again(db, kit.run_id, 1, "   ")
