"""The admin pages at 1366x768 in Japanese over demo data: nothing cut off, and (with
SCFN_SCREENSHOTS=1) the pictures for docs/screenshots/users.png, audit_log.png,
audit_tamper.png and backup_settings.png.

Written only on request so an ordinary test run leaves the committed pictures alone (their
timestamps would change on every run)."""

from __future__ import annotations

import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from scfn_desktop.services.admin import accounts, login_throttle
from scfn_desktop.services.demo.loader import load_demo
from scfn_desktop.services.errors import PermissionDenied
from scfn_desktop.services.roster import trainees as roster
from scfn_desktop.ui.admin.audit_page import PAGE_SIZE
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

SHOTS = Path(__file__).parents[3] / "docs" / "screenshots"
SIZE = (1366, 768)


@pytest.fixture
def office(db):
    """The demo office a few days in: two new accounts, a departed one, an edit, a typo."""
    load_demo(db)
    admin = accounts.authenticate(db, "admin", "demo-admin")
    accounts.add_user(db, admin, "uketsuke2", "staff", "2468", "受付 次郎")
    accounts.add_user(db, admin, "shinsa2", "committee", "shinsa-pw", "審査 三郎")
    accounts.add_user(db, admin, "kanshi_old", "proctor", "1357", "監督 旧")
    accounts.set_active(db, admin, "kanshi_old", False)
    staff = accounts.authenticate(db, "staff", "demo-staff")
    first = roster.list_trainees(db)[0]
    roster.update_trainee(db, staff, first.id, {"email": "new-address@example.jp"})
    with pytest.raises(Exception):  # noqa: B017 (a mistyped password, as happens)
        accounts.authenticate(db, "uketsuke2", "2469")
    accounts.authenticate(db, "uketsuke2", "2468")
    return db


def clipped_buttons(root: QWidget) -> list[str]:
    """Visible buttons narrower than their text needs (a translation cut off)."""
    return [b.text() for b in root.findChildren(QAbstractButton)
            if b.isVisible() and b.text() and b.width() < b.sizeHint().width()]


def save(widget: QWidget, name: str, tmp_path: Path) -> Path:
    folder = SHOTS if os.environ.get("SCFN_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def admin_window(office, qtbot, japanese):
    actor = accounts.authenticate(office, "admin", "demo-admin")
    window = MainWindow(AppContext(office, actor, "ja"))
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_users_page_screenshot(admin_window, office, tmp_path, monkeypatch):
    clock = [login_throttle.now()]
    monkeypatch.setattr(login_throttle, "now", lambda: clock[0])
    for _ in range(7):  # someone guessing 審査 三郎's password, slowed down each time
        clock[0] += timedelta(minutes=20)
        with pytest.raises(PermissionDenied):
            accounts.authenticate(office, "shinsa2", "guess")
    page = admin_window.select_page("users")
    page.reload()
    page.select_user("uketsuke2")
    page.status.setText(page.tr("The user %1 was added. They can log in now.")
                        .replace("%1", "uketsuke2"))
    QApplication.processEvents()
    assert admin_window.size().width() == SIZE[0]
    assert "無効" in [page.table.item(r, 3).text() for r in range(page.table.rowCount())]
    assert clipped_buttons(page) == []
    assert page.failed_logins.table.rowCount() == 2
    save(admin_window, "users.png", tmp_path)
    header = page.table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(5)) <= page.table.viewport().width() + 1
    save(admin_window, "users.png", tmp_path)


def test_audit_log_page_screenshot(admin_window, qtbot, tmp_path):
    page = admin_window.select_page("audit")
    task = page.run_verification()
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert page.banner.state == "ok"
    update = next(r for r in page.model.rows() if r.action == "trainee.update")
    assert page.select_entry(update.id)
    QApplication.processEvents()
    assert page.detail.changed_fields()["メールアドレス"][1] == "new-address@example.jp"
    abouts = {page.model.data(page.model.index(r, 5)) for r in range(page.model.rowCount())}
    assert any(a.startswith("受講番号 251001 ") for a in abouts)  # not an internal id
    assert clipped_buttons(page) == []
    assert page.banner.label.width() >= page.banner.label.sizeHint().width() or \
        page.banner.label.wordWrap()
    save(admin_window, "audit_log.png", tmp_path)
    page.go_to(page.total - PAGE_SIZE)  # the oldest page: where the demo made its organisations
    abouts = {page.model.data(page.model.index(r, 5)) for r in range(page.model.rowCount())}
    assert any(a.endswith("（東京都）") for a in abouts)  # an organisation by name


def test_audit_tamper_screenshot(admin_window, office, qtbot, tmp_path):
    """The tamper check after someone edited a trainee and deleted the newest entries with the
    sqlite3 shell: the chain still links, the signed checkpoint and the data say otherwise."""
    office.dispose()
    with sqlite3.connect(office.sqlite_path) as con:
        con.execute("UPDATE trainees SET family_name = '改ざん' WHERE id = 3")
        con.execute("DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)")
    page = admin_window.select_page("audit")
    page.reload()
    task = page.run_verification()
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    QApplication.processEvents()
    text = page.banner.label.text()
    assert page.banner.state == "broken"
    assert "最新の記録が削除されています" in text and "改ざん" in text
    assert clipped_buttons(page) == []
    save(admin_window, "audit_tamper.png", tmp_path)


def test_backup_settings_screenshot(admin_window, tmp_path):
    dialog = admin_window.backup_menu.open_policy()
    dialog.folder.setText("E:\\scfn-backups")
    dialog.enabled.setChecked(True)
    QApplication.processEvents()
    assert clipped_buttons(dialog) == []
    save(dialog, "backup_settings.png", tmp_path)
    dialog.reject()
