"""Moving a trainee to another discussion group: stored, audited, shown on the board and on the
reprinted badge (pdftotext), refused with a reason for bad names, unknown numbers and roles
that may not print badges; the badge already printed still checks in."""

from __future__ import annotations

import subprocess

import pytest
from attendancekit import ADMIN, COMMITTEE, PROCTOR, STAFF, after_start, make_run, token_for

from scfn_desktop.db.models.attendance import DiscussionGroup
from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.services.attendance import badges as badge_service
from scfn_desktop.services.attendance.board import day_board
from scfn_desktop.services.attendance.desk import DeskStatus, open_desk, scan
from scfn_desktop.services.attendance.groups import group_labels, set_group
from scfn_desktop.services.errors import NotFound, PermissionDenied, ValidationFailed
from scfn_desktop.services.progress import run_to_end


def group_of(db, trainee_id: int) -> str | None:
    with db.session() as s:
        row = s.get(DiscussionGroup, trainee_id)
        return row.label if row is not None else None


def test_a_trainee_moves_to_another_group_and_the_change_is_audited(db):
    kit = make_run(db, trainees=12)  # groups A and B, six each
    number = kit.numbers[0]
    before = group_of(db, kit.ids[number])
    target = "B" if before == "A" else "A"
    change = set_group(db, STAFF, number, target)
    assert (change.before, change.after, change.changed) == (before, target, True)
    assert group_of(db, kit.ids[number]) == target
    with db.session() as s:
        entry = s.query(AuditEntry).filter_by(action="attendance.set_group").one()
    assert entry.actor == STAFF.username and f'"group":"{target}"' in entry.after_json
    again = set_group(db, ADMIN, number, target)  # nothing to change: nothing recorded
    assert not again.changed
    with db.session() as s:
        assert s.query(AuditEntry).filter_by(action="attendance.set_group").count() == 1


def test_a_new_group_name_full_width_letters_and_the_natural_order(db):
    kit = make_run(db, trainees=12)
    set_group(db, ADMIN, kit.numbers[1], "  Ｃ ")  # typed in full-width mode
    set_group(db, ADMIN, kit.numbers[2], "ベトナム語班")
    assert group_of(db, kit.ids[kit.numbers[1]]) == "C"
    assert group_labels(db, kit.run_id) == ["A", "B", "C", "ベトナム語班"]


def test_the_board_and_the_reprinted_badge_show_the_new_group(db, tmp_path):
    kit = make_run(db, trainees=6)
    number = kit.numbers[3]
    set_group(db, STAFF, number, "留学生支援")
    row = next(r for r in day_board(db, kit.run_id, 1).rows if r.number == number)
    assert row.group == "留学生支援"
    pdf = tmp_path / "badge.pdf"
    run_to_end(badge_service.print_badges(db, STAFF, kit.run_id, pdf, "card", [number]))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "留学生支援" in text


def test_the_badge_printed_before_the_move_still_checks_in(db):
    kit = make_run(db, trainees=6)
    number = kit.numbers[2]
    token = token_for(db, kit, number)
    set_group(db, STAFF, number, "Z")
    desk = open_desk(db, kit.run_id, 1, "受付1")
    assert scan(db, STAFF, desk, token, at=after_start(-5)).status is DeskStatus.ON_TIME


@pytest.mark.parametrize("label, reason", [
    ("", "Enter a group name"),
    ("   ", "Enter a group name"),
    ("A" * 21, "too long"),
    ("A\tB", "control character"),
    ("A\u200eB", "control character"),  # an invisible direction mark
])
def test_bad_group_names_are_refused(db, label, reason):
    kit = make_run(db, trainees=2)
    with pytest.raises(ValidationFailed) as err:
        set_group(db, STAFF, kit.numbers[0], label)
    assert reason in err.value.message("en")


def test_unknown_numbers_and_roles_that_do_not_print_badges(db):
    kit = make_run(db, trainees=2)
    with pytest.raises(NotFound):
        set_group(db, STAFF, "999999", "A")
    for actor in (COMMITTEE, PROCTOR):
        with pytest.raises(PermissionDenied):
            set_group(db, actor, kit.numbers[0], "A")
