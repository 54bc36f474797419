"""The 養成研修 page with real widgets: the administrator creates a run by typing into the
dialog, edits it, moves its venue days and closes it; refusals stay on screen; staff and the
committee only look; the proctor has no such page."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from scfn_desktop.services.permissions import SYSTEM
from scfn_desktop.services.runs.training_runs import create_run, get_run, list_runs

pytestmark = pytest.mark.gui

DAYS = [(date(2025, 11, 15), time(10), time(17)), (date(2025, 11, 16), time(10), time(17))]


def runs_page(make_window, role="admin", language="en"):
    window = make_window(role, language)
    return window, window.select_page("runs")


def test_admin_creates_the_first_run(db, users, make_window, qtbot):
    window, page = runs_page(make_window)
    assert page.runs == [] and page.empty.isVisible()
    assert "New training run" in page.empty.text()
    dialog = page.open_new_dialog()
    form, days = dialog.form, dialog.days
    form.fiscal_year.setValue(2025)
    assert form.era.text() == "令和7年度" and form.term.value() == 1
    form.venue.clear()
    form.venue.insert("東京ウィメンズプラザ")  # an IME commits the text (keyClicks is ASCII)
    days.dates[0].setDate(QDate(2025, 11, 15))
    days.dates[1].setDate(QDate(2025, 11, 14))  # before day 1: refused in place
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Day 2 is not after the previous day" in dialog.error.text()
    assert list_runs(db) == []

    days.dates[1].setDate(QDate(2025, 11, 16))
    days.starts[1].setTime(QTime(9, 30))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [run] = list_runs(db)
    assert (run.label, run.venue, run.capacity, run.lateness_threshold_minutes) == (
        "令和7年度 第1期", "東京ウィメンズプラザ", 60, 60)
    assert run.day_specs() == [DAYS[0], (date(2025, 11, 16), time(9, 30), time(17))]
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "令和7年度 第1期"
    assert "Created 令和7年度 第1期" in page.message.text()
    assert not page.empty.isVisible()


def test_edit_settings_and_days_separately_with_refusals_in_place(db, users, make_window,
                                                                  qtbot):
    run = create_run(db, SYSTEM, 2025, 1, "会場", DAYS)
    create_run(db, SYSTEM, 2025, 2, "会場", DAYS)
    window, page = runs_page(make_window)
    page.table.selectRow([r.id for r in page.runs].index(run.id))
    assert page.heading.text() == "令和7年度 第1期"
    page.form.threshold.setValue(30)
    page.form.term.setValue(2)  # taken by the other run
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "already exists" in page.message.text()
    assert get_run(db, run.id).lateness_threshold_minutes == 60  # nothing half-saved
    page.form.term.setValue(1)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Saved."
    assert get_run(db, run.id).lateness_threshold_minutes == 30

    page.days.starts[0].setTime(QTime(9, 0))
    page.days.used[1].setChecked(False)  # a one-day session
    qtbot.mouseClick(page.save_days_button, Qt.MouseButton.LeftButton)
    assert get_run(db, run.id).day_specs() == [(date(2025, 11, 15), time(9), time(17))]
    page.days.used[1].setChecked(True)
    page.days.ends[1].setTime(QTime(8, 0))
    qtbot.mouseClick(page.save_days_button, Qt.MouseButton.LeftButton)
    assert "Day 2 ends before it starts" in page.message.text()
    assert len(get_run(db, run.id).days) == 1


def test_close_keeps_the_run_in_view_and_reopen(db, users, make_window, qtbot):
    run = create_run(db, SYSTEM, 2025, 1, "会場", DAYS)
    window, page = runs_page(make_window)
    assert page.close_button.text() == "Close this run (finished)"
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert get_run(db, run.id).closed
    assert page.show_closed.isChecked() and page.current_run().id == run.id
    assert page.table.item(0, 4).text() == "Closed"
    assert "Closed on" in page.state_label.text() and "admin" in page.state_label.text()
    page.show_closed.setChecked(False)
    assert page.runs == [] and "Every training run is closed" in page.empty.text()
    page.show_closed.setChecked(True)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert not get_run(db, run.id).closed and "open again" in page.message.text()


@pytest.mark.parametrize("role", ["staff", "committee"])
def test_staff_and_committee_only_look(db, users, make_window, role):
    create_run(db, SYSTEM, 2025, 1, "会場", DAYS)
    window, page = runs_page(make_window, role)
    assert page.table.rowCount() == 1
    assert not page.new_button.isVisible() and not page.save_button.isVisible()
    assert not page.save_days_button.isVisible() and not page.close_button.isVisible()
    assert page.form.venue.isReadOnly() and not page.days.dates[0].isEnabled()


def test_the_proctor_has_no_runs_page(users, make_window):
    assert "runs" not in make_window("proctor").page_keys()


def test_japanese_page(db, users, make_window, japanese):
    create_run(db, SYSTEM, 2025, 1, "東京ウィメンズプラザ", DAYS)
    window, page = runs_page(make_window, language="ja")
    assert window.navigation.currentItem().text() == "養成研修"
    assert page.close_button.text() == "この養成研修を終了する"
    assert page.form.era.text() == "令和7年度"
    assert page.table.horizontalHeaderItem(3).text() == "受講生"
