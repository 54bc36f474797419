"""The roster import puts the trainees into a training run: the newest open one unless another
is chosen; with no open run the dialog says so and leads to the 養成研修 page; the import
button says when it leaves rows out."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame
from tests.ui.conftest import GOOD_ROWS, write_roster_csv

from scfn_desktop.services.permissions import SYSTEM
from scfn_desktop.services.roster import trainees as roster_service
from scfn_desktop.services.runs.editing import close_run
from scfn_desktop.services.runs.training_runs import create_run

pytestmark = pytest.mark.gui

DAYS = [(date(2025, 11, 15), time(10), time(17)), (date(2025, 11, 16), time(10), time(17))]


def test_trainees_go_into_the_newest_open_run(db, users, make_window, tmp_path, qtbot):
    older = create_run(db, SYSTEM, 2025, 1, "会場", DAYS)
    newer = create_run(db, SYSTEM, 2025, 2, "会場", DAYS)
    close_run(db, SYSTEM, create_run(db, SYSTEM, 2025, 3, "会場", DAYS).id)
    page = make_window("staff").select_page("roster")
    dialog = page.transfer.preview(write_roster_csv(tmp_path / "r.csv", GOOD_ROWS))
    combo = dialog.run_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [None, newer.id, older.id]
    assert combo.currentData() == newer.id and dialog.preview.run_id == newer.id
    assert not dialog.no_run_warning.isVisible()
    assert dialog.findChild(QFrame, "noRunNotice") is None
    combo.setCurrentIndex(combo.findData(older.id))
    assert dialog.preview.run_id == older.id
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.visible_count() == 3, timeout=5000)
    assert {t.run_id for t in roster_service.list_trainees(db)} == {older.id}


def test_without_a_run_the_dialog_says_so_and_leads_to_the_runs_page(
        db, users, make_window, tmp_path, qtbot):
    window = make_window("admin")
    page = window.select_page("roster")
    dialog = page.transfer.preview(write_roster_csv(tmp_path / "r.csv", GOOD_ROWS))
    notice = dialog.findChild(QFrame, "noRunNotice")
    assert notice is not None and notice.isVisible()
    assert "no training run is open" in notice.label.text()
    assert "Create one on the Training runs page" in notice.label.text()
    assert dialog.no_run_warning.isVisible() and dialog.run_combo.currentData() is None
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "runs"


def test_staff_are_told_who_creates_runs(db, users, make_window, tmp_path, japanese):
    page = make_window("staff", "ja").select_page("roster")
    dialog = page.transfer.preview(write_roster_csv(tmp_path / "r.csv", GOOD_ROWS))
    notice = dialog.findChild(QFrame, "noRunNotice")
    assert "管理者" in notice.label.text() and "養成研修" in notice.label.text()
    assert notice.button.isVisible() and notice.button.text() == "養成研修のページを開く"


def test_the_import_button_says_when_it_leaves_rows_out(db, users, make_window, tmp_path):
    path = write_roster_csv(tmp_path / "mixed.csv", [GOOD_ROWS[0], ["x", "", "", "", "", "", ""]])
    dialog = make_window("staff").select_page("roster").transfer.preview(path)
    assert dialog.import_button.text() == "Import all"
    dialog.skip_bad_rows_box.setChecked(True)
    assert dialog.import_button.text() == "Import without the rows with errors"
    dialog.skip_bad_rows_box.setChecked(False)
    assert dialog.import_button.text() == "Import all"
