"""After check-ins began, moving a start time (or the lateness threshold) on the 養成研修 page
asks first and lists whose check-in verdict would change; Cancel keeps the schedule."""

from __future__ import annotations

from datetime import time

import pytest
from attendancekit import STAFF, after_start, make_run, token_for
from PySide6.QtCore import QTime

from scfn_desktop.services.attendance.board import day_board
from scfn_desktop.services.attendance.desk import open_desk, scan
from scfn_desktop.services.runs.training_runs import get_run

pytestmark = pytest.mark.gui


@pytest.fixture
def checked_in(db, users):
    kit = make_run(db, trainees=3)
    desk = open_desk(db, kit.run_id, 1, "受付1")
    scan(db, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(-5))
    scan(db, STAFF, desk, token_for(db, kit, kit.numbers[1]), at=after_start(65))
    return kit


def open_run(make_window, kit):
    window = make_window("admin", "en")
    page = window.select_page("runs")
    page.table.selectRow([r.id for r in page.runs].index(kit.run_id))
    return window, page


def test_a_later_start_asks_and_lists_whose_verdict_changes(db, checked_in, make_window,
                                                            qtbot):
    kit = checked_in
    window, page = open_run(make_window, kit)
    page.days.starts[0].setTime(QTime(10, 30))
    assert page.save_days() is None  # not saved yet: asked first
    dialog = page.confirm
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text().startswith(kit.numbers[1])
    assert dialog.table.item(0, 2).text() == "11:05"
    assert "Refused" in dialog.table.item(0, 3).text()
    assert dialog.table.item(0, 4).text() == "Late"
    dialog.reject()
    assert get_run(db, kit.run_id).days[0].starts_at == time(10)  # Cancel keeps it
    page.days.starts[0].setTime(QTime(10, 30))
    page.save_days()
    with qtbot.waitSignal(page.confirm.accepted):
        page.confirm.apply_button.click()
    assert get_run(db, kit.run_id).days[0].starts_at == time(10, 30)
    late = day_board(db, kit.run_id, 1).filtered()[1]
    assert late.status.value == "late" and late.minutes_late == 35


def test_threshold_change_asks_too_and_no_check_ins_means_no_question(db, checked_in, users,
                                                                      make_window, qtbot):
    kit = checked_in
    window, page = open_run(make_window, kit)
    page.form.threshold.setValue(70)
    assert page.save_settings() is None and page.confirm.isVisible()
    assert page.confirm.table.rowCount() == 1
    page.confirm.reject()
    assert get_run(db, kit.run_id).lateness_threshold_minutes == 60
    other = make_run(db, trainees=1, fiscal_year=2026, term=1,
                     numbering=lambda i: f"2610{i:02d}")
    page.reload(other.run_id)
    page.days.starts[0].setTime(QTime(9, 0))
    page.confirm = None
    assert page.save_days() is not None and page.confirm is None
    assert get_run(db, other.run_id).days[0].starts_at == time(9)
