"""The other events of a day through the service: override, leave early and return, absence,
excused absence and exclusion (the secretariat's), undo kept in the history, backfill from
paper, and who may do what."""

from __future__ import annotations

import pytest
from attendancekit import (
    ADMIN,
    COMMITTEE,
    DAY1,
    PROCTOR,
    STAFF,
    after_start,
    local,
    make_run,
    token_for,
)

from scfn_desktop.db.models.attendance import AttendanceEvent, CheckinGuard
from scfn_desktop.rules.attendance_day import DayStatus, EventKind
from scfn_desktop.services.attendance.desk import DeskStatus, check_in, open_desk, scan
from scfn_desktop.services.attendance.events import record_event, trainee_day, undo_event
from scfn_desktop.services.errors import PermissionDenied, ValidationFailed


@pytest.fixture
def kit(db):
    return make_run(db)


@pytest.fixture
def desk(db, kit):
    return open_desk(db, kit.run_id, 1, "受付1")


def tid(kit, i=0):
    return kit.ids[kit.numbers[i]]


def test_override_needs_a_refusal_a_category_and_a_note(db, kit, desk):
    scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(30))
    with pytest.raises(ValidationFailed, match="cannot be recorded"):
        record_event(db, STAFF, desk, tid(kit), EventKind.OVERRIDE, reason="weather", note="雪",
                     at=after_start(31))
    scan(db, STAFF, desk, token_for(db, kit, kit.numbers[1]), at=after_start(90))
    with pytest.raises(ValidationFailed, match="reason category"):
        record_event(db, STAFF, desk, tid(kit, 1), EventKind.OVERRIDE, reason="snow", note="雪")
    with pytest.raises(ValidationFailed, match="Enter a note"):
        record_event(db, STAFF, desk, tid(kit, 1), EventKind.OVERRIDE, reason="weather",
                     note="  ", at=after_start(91))
    v = record_event(db, STAFF, desk, tid(kit, 1), EventKind.OVERRIDE, reason="weather",
                     note="大雪で電車が運休", at=after_start(92))
    assert v.status is DeskStatus.OVERRIDDEN and v.day.override.actor == "uketsuke"


@pytest.mark.parametrize("actor", [COMMITTEE, PROCTOR])
def test_roles_without_the_desk_cannot_check_in_or_override(db, kit, desk, actor):
    with pytest.raises(PermissionDenied):
        scan(db, actor, desk, token_for(db, kit, kit.numbers[0]), at=after_start(0))
    scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(70))
    with pytest.raises(PermissionDenied):
        record_event(db, actor, desk, tid(kit), EventKind.OVERRIDE, reason="weather", note="雪",
                     at=after_start(71))


def test_exclusion_and_excused_absence_are_the_secretariats(db, kit, desk):
    with pytest.raises(PermissionDenied):
        record_event(db, STAFF, desk, tid(kit), EventKind.EXCUSED, reason="illness", note="発熱",
                     at=after_start(-60))
    with pytest.raises(PermissionDenied):
        record_event(db, STAFF, desk, tid(kit), EventKind.EXCLUDE, note="迷惑行為",
                     at=after_start(-60))
    with pytest.raises(ValidationFailed, match="Enter a note"):
        record_event(db, ADMIN, desk, tid(kit), EventKind.EXCLUDE, note="", at=after_start(-60))
    v = record_event(db, ADMIN, desk, tid(kit), EventKind.EXCUSED, reason="illness",
                     note="発熱のため欠席（電話連絡）", at=after_start(-60))
    assert v.day.status is DayStatus.EXCUSED and "病気・けが" in v.reason_ja
    scan(db, STAFF, desk, token_for(db, kit, kit.numbers[1]), at=after_start(0))
    v = record_event(db, ADMIN, desk, tid(kit, 1), EventKind.EXCLUDE,
                     note="他の受講生への威圧的な言動", at=after_start(120))
    assert v.day.status is DayStatus.EXCLUDED and "威圧的" in v.reason_ja


def test_leave_early_and_return(db, kit, desk):
    with pytest.raises(ValidationFailed):
        record_event(db, STAFF, desk, tid(kit), EventKind.LEAVE_EARLY, at=after_start(60))
    scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(-5))
    v = record_event(db, STAFF, desk, tid(kit), EventKind.LEAVE_EARLY, note="通院",
                     at=local(DAY1, 15, 10))
    assert v.day.status is DayStatus.LEFT_EARLY and v.day.departure.minutes_early == 110
    v = record_event(db, STAFF, desk, tid(kit), EventKind.RETURN, at=local(DAY1, 16, 0))
    assert v.day.status is DayStatus.ON_TIME and v.day.complete


def test_absent_only_before_a_check_in(db, kit, desk):
    v = record_event(db, STAFF, desk, tid(kit), EventKind.ABSENT, at=local(DAY1, 12))
    assert v.day.status is DayStatus.ABSENT
    late = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(30))
    assert late.status is DeskStatus.LATE  # arriving after all beats the absence
    with pytest.raises(ValidationFailed):
        record_event(db, STAFF, desk, tid(kit), EventKind.ABSENT, at=local(DAY1, 12, 30))


def test_undo_a_mistaken_scan_keeps_the_history(db, kit, desk):
    wrong = check_in(db, STAFF, desk, tid(kit, 2), at=after_start(-3), method="search")
    assert wrong.status is DeskStatus.ON_TIME
    undone = undo_event(db, STAFF, desk, wrong.event_id, note="同姓の別人を選んだ")
    assert undone.day.status is DayStatus.NOT_ARRIVED
    with pytest.raises(ValidationFailed, match="cannot be undone"):
        undo_event(db, STAFF, desk, wrong.event_id)
    again = check_in(db, STAFF, desk, tid(kit, 2), at=after_start(20), method="search")
    assert again.status is DeskStatus.LATE
    verdict, history = trainee_day(db, desk, tid(kit, 2))
    assert [(e.kind, e.undone) for e in history] == [
        (EventKind.CHECK_IN, True), (EventKind.UNDO, False), (EventKind.CHECK_IN, False)]
    assert verdict.status is DayStatus.LATE
    with db.session() as s:
        assert s.query(AttendanceEvent).count() == 3
        assert s.query(CheckinGuard).one().event_id == again.event_id


def test_undo_of_an_override_needs_the_override_permission(db, kit, desk):
    scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(65))
    o = record_event(db, ADMIN, desk, tid(kit), EventKind.OVERRIDE, reason="other",
                     note="講師の判断", at=after_start(66))
    excused = record_event(db, ADMIN, desk, tid(kit, 1), EventKind.EXCUSED, reason="bereavement",
                           note="忌引", at=after_start(0))
    with pytest.raises(PermissionDenied):
        undo_event(db, STAFF, desk, excused.event_id)
    assert undo_event(db, STAFF, desk, o.event_id).day.status is DayStatus.REFUSED


def test_backfill_from_paper_is_marked(db, kit, desk):
    v = check_in(db, STAFF, desk, tid(kit), at=local(DAY1, 10, 12), method="paper",
                 backfilled=True, note="紙の受付表 1枚目")
    assert v.status is DeskStatus.LATE and v.day.check_in.backfilled
    assert "紙の受付表から入力" not in v.reason_ja  # the reason states the rule ...
    again = scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=local(DAY1, 11))
    assert again.first.backfilled  # ... the second scan says it came from paper
    with db.session() as s:
        stored = s.query(AttendanceEvent).one()
    assert stored.backfilled and stored.method == "paper" and stored.note == "紙の受付表 1枚目"


def test_overlong_note_is_refused_before_the_database(db, kit, desk):
    scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(90))
    with pytest.raises(ValidationFailed, match="500"):
        record_event(db, STAFF, desk, tid(kit), EventKind.OVERRIDE, reason="weather",
                     note="雪" * 501, at=after_start(91))
