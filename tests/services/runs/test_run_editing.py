"""Editing, rescheduling, closing and reopening a training run: validation, audit, permission
(the administrator manages runs; staff and the committee only see them), and a closed run
refusing new trainees and new exams while keeping what it has."""

from __future__ import annotations

import json
from datetime import date, time

import pytest
from sqlalchemy import select

from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.db.models.roster import VenueDay
from scfn_desktop.services.errors import NotFound, PermissionDenied, ValidationFailed
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.permissions import Actor, Permission
from scfn_desktop.services.roster.importing import apply_import
from scfn_desktop.services.runs.editing import close_run, reopen_run, set_venue_days, update_run
from scfn_desktop.services.runs.training_runs import (
    create_run,
    get_run,
    list_runs,
    newest_open_run,
)

DAYS = [(date(2025, 11, 15), time(10), time(17)), (date(2025, 11, 16), time(10), time(17))]
ROSTER = "受講番号,氏名,所属機関,都道府県\n25001,山田 花子,新宿区多文化共生プラザ,東京都\n"


def last_entry(db) -> AuditEntry:
    with db.session() as s:
        return s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()


@pytest.mark.parametrize("role", ["staff", "committee", "proctor"])
def test_only_the_administrator_manages_runs(db, actor, role):
    run = create_run(db, actor, 2025, 1, "会場", DAYS)
    other = Actor(role, role)
    for attempt in (lambda: create_run(db, other, 2025, 2, "会場", DAYS),
                    lambda: update_run(db, other, run.id, 2025, 1, "別会場", 60, 60),
                    lambda: set_venue_days(db, other, run.id, DAYS[:1]),
                    lambda: close_run(db, other, run.id)):
        with pytest.raises(PermissionDenied):
            attempt()
    assert other.can(Permission.VIEW_RUNS) == (role != "proctor")
    assert Actor("a", "admin").can(Permission.MANAGE_RUNS)


def test_update_changes_only_what_differs_and_audits_it(db, actor):
    run = create_run(db, actor, 2025, 1, "会場", DAYS)
    row = update_run(db, actor, run.id, 2025, 2, "  東京ウィメンズプラザ ", 55, 45)
    assert (row.label, row.venue, row.capacity, row.lateness_threshold_minutes) == (
        "令和7年度 第2期", "東京ウィメンズプラザ", 55, 45)
    entry = last_entry(db)
    assert entry.action == "run.update"
    assert json.loads(entry.before_json) == {"term": 1, "venue": "会場", "capacity": 60,
                                             "lateness_threshold_minutes": 60,
                                             "label": "令和7年度 第1期"}
    assert json.loads(entry.after_json)["label"] == "令和7年度 第2期"
    seq = entry.seq
    update_run(db, actor, run.id, 2025, 2, "東京ウィメンズプラザ", 55, 45)  # no change
    assert last_entry(db).seq == seq


def test_update_validation_lists_every_problem(db, actor):
    run = create_run(db, actor, 2025, 1, "会場", DAYS)
    create_run(db, actor, 2025, 2, "会場", DAYS)
    with pytest.raises(ValidationFailed) as err:
        update_run(db, actor, run.id, 2018, 0, "会" * 201, 0, 0)
    assert len(err.value.problems) == 5
    with pytest.raises(ValidationFailed, match="already exists"):
        update_run(db, actor, run.id, 2025, 2, "会場", 60, 60)
    with pytest.raises(ValidationFailed):
        update_run(db, actor, run.id, 2025, 1, "会場", 60, 481)
    with pytest.raises(NotFound):
        update_run(db, actor, 999, 2025, 1, "会場", 60, 60)
    assert get_run(db, run.id).term == 1


def test_venue_days_change_in_place(db, actor):
    run = create_run(db, actor, 2025, 1, "会場", DAYS)
    with db.session() as s:
        ids = list(s.scalars(select(VenueDay.id).order_by(VenueDay.day_number)))
    moved = [(date(2025, 11, 22), time(9, 30), time(16)), (date(2025, 11, 23), time(10), time(17))]
    row = set_venue_days(db, actor, run.id, moved)
    assert row.day_specs() == moved
    with db.session() as s:  # the same rows, so whatever refers to a day still does
        assert list(s.scalars(select(VenueDay.id).order_by(VenueDay.day_number))) == ids
    entry = last_entry(db)
    assert entry.action == "run.set_days"
    assert json.loads(entry.after_json)["days"][0] == ["2025-11-22", "09:30", "16:00"]
    assert set_venue_days(db, actor, run.id, moved[:1]).day_specs() == moved[:1]
    assert len(set_venue_days(db, actor, run.id, moved).days) == 2
    with pytest.raises(ValidationFailed) as err:
        set_venue_days(db, actor, run.id, [moved[1], (date(2025, 11, 20), time(17), time(9))])
    assert len(err.value.problems) == 2
    with pytest.raises(ValidationFailed):
        set_venue_days(db, actor, run.id, [])


def test_a_closed_run_is_kept_but_takes_no_new_trainees_nor_exams(db, actor, tmp_path):
    old = create_run(db, actor, 2025, 1, "会場", DAYS)
    roster = tmp_path / "r.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    apply_import(db, actor, roster, run_id=old.id)
    new = create_run(db, actor, 2025, 2, "会場", DAYS)
    assert newest_open_run(db).id == new.id
    closed = close_run(db, actor, new.id)
    assert closed.closed and closed.closed_by == "tester"
    assert last_entry(db).action == "run.close"
    assert newest_open_run(db).id == old.id
    assert [r.id for r in list_runs(db, include_closed=False)] == [old.id]
    assert [r.id for r in list_runs(db)] == [new.id, old.id]  # kept for history
    with pytest.raises(ValidationFailed, match="closed"):
        close_run(db, actor, new.id)
    with pytest.raises(ValidationFailed, match="reopen"):
        apply_import(db, actor, roster, run_id=new.id)
    with pytest.raises(ValidationFailed, match="reopen"):
        exams.create_exam(db, actor, new.id, 2, {1: ["1"], 2: ["2"]})
    assert not reopen_run(db, actor, new.id).closed
    assert exams.create_exam(db, actor, new.id, 2, {1: ["1"], 2: ["2"]}).run_id == new.id
    with pytest.raises(ValidationFailed, match="not closed"):
        reopen_run(db, actor, new.id)


def test_an_exam_needs_a_chosen_run(db, actor):
    """The setup dialog with nothing to choose used to say 「養成研修 0 が見つかりません。」."""
    with pytest.raises(ValidationFailed) as err:
        exams.create_exam(db, actor, 0, 2, {1: ["1"], 2: ["2"]})
    assert "養成研修を選んでください" in err.value.message_ja
    assert " 0 " not in err.value.message_ja
