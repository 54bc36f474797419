"""Issue 9 in the GUI, with real widgets: the login dialog refuses a guesser with a delay, the
administrator sees the failed logins and lets an account try again, and the Administration
menu backs up, verifies, restores and runs the automatic backups on venue days."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt

from scfn_desktop.db.models.roster import TrainingRun, VenueDay
from scfn_desktop.services.admin import accounts, login_throttle
from scfn_desktop.services.backup import schedule
from scfn_desktop.services.errors import PermissionDenied
from scfn_desktop.ui.admin.users_page import UsersPage
from scfn_desktop.ui.dialogs.login import LoginDialog

pytestmark = pytest.mark.gui


def test_the_login_dialog_makes_a_guesser_wait(db, users, qtbot, japanese):
    dialog = LoginDialog(db, "ja", "staff")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(login_throttle.FREE_FAILURES):
        qtbot.keyClicks(dialog.password, "guess")
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert "正しくありません" in dialog.error.text()
    qtbot.keyClicks(dialog.password, users["staff"])  # even the right password waits now
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert "ログインの失敗が続いたため" in dialog.error.text() and dialog.actor is None


def test_the_administrator_sees_failed_logins_and_lets_them_try_again(db, users, ctx, qtbot,
                                                                      japanese):
    admin = ctx("admin", "ja")  # logged in before the guessing began
    for _ in range(login_throttle.FREE_FAILURES):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(db, "proctor", "guess")
    page = UsersPage(admin)
    qtbot.addWidget(page)
    page.show()
    panel = page.failed_logins
    rows = {panel.table.item(r, 0).text(): panel.table.item(r, 1).text()
            for r in range(panel.table.rowCount())}
    station = login_throttle.station().name
    assert rows == {"アカウント proctor": "5", f"端末 {station}": "5"}
    assert "推測" in panel.summary.text()
    while panel.table.rowCount():
        panel.table.selectRow(0)
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.summary.text() == "ログインの失敗はありません。"
    assert accounts.authenticate(db, "proctor", users["proctor"]).role == "proctor"


def test_only_administrators_get_the_administration_menu(window, japanese):
    admin = window("admin", "ja")
    assert [a.text() for a in admin.menuBar().actions()][-1] == "管理(&A)"
    assert "管理(&A)" not in [a.text() for a in window("committee", "ja").menuBar().actions()]


def test_back_up_verify_and_restore_from_the_menu(window, db, qtbot, tmp_path):
    w = window("admin")
    menu = w.backup_menu
    task = menu.back_up_to(tmp_path / "usb")
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert "The backup was written to" in menu.last_box.text()
    menu.last_box.close()
    (backup,) = (tmp_path / "usb").iterdir()
    task = menu.verify(backup)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert "The backup is intact" in menu.last_box.text()
    menu.last_box.close()
    accounts.add_user(db, accounts.SYSTEM, "later", "staff", "later-pin")
    with qtbot.waitSignal(w.logoutRequested, timeout=30000):
        menu.restore(backup)
    assert "The backup was restored" in menu.last_box.text()
    menu.last_box.close()
    assert "later" not in [u["username"] for u in accounts.list_users(db)]


def test_automatic_backups_run_from_the_timer_on_a_venue_day(window, db, qtbot, tmp_path):
    with db.transaction() as s:
        run = TrainingRun(fiscal_year=2031, term=1, venue="会場")
        run.venue_days = [VenueDay(day_number=1, day=date.today(), starts_at=time(9),
                                   ends_at=time(17))]
        s.add(run)
    admin = window("admin")
    dialog = admin.backup_menu.open_policy()
    dialog.folder.setText(str(tmp_path / "auto"))
    dialog.every.setValue(15)
    dialog.keep.setValue(3)
    dialog.enabled.setChecked(True)
    dialog.save()
    assert schedule.load_policy().active and admin.backup_menu.timer.isActive()
    staff = window("staff")  # the policy runs for whoever is at the PC
    task = staff.backup_menu.tick(datetime.now())
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert "Automatic backup made at" in staff.statusBar().currentMessage()
    assert len(schedule.automatic_backups(tmp_path / "auto")) == 1
    assert staff.backup_menu.tick(datetime.now()) is None  # not due again yet
