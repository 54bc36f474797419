"""The main window: role-based navigation, header, help menu, live language switch."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from scfn_desktop.config import Settings
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui import registry
from scfn_desktop.ui.main_window import MINIMUM_SIZE
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.shell import Shell


@pytest.fixture
def admin_only_page(monkeypatch):
    """A page only administrators may use, registered the way features register theirs."""
    module = types.ModuleType("scfn_test_admin_page")
    module.PAGE_SPEC = PageSpec(key="users", title=lambda: "Users",
                                permission=Permission.MANAGE_USERS,
                                factory=lambda ctx: QLabel("users"), order=90)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(registry, "PAGE_MODULES", [*registry.PAGE_MODULES, module.__name__])


def test_navigation_shows_only_allowed_pages(users, make_window, admin_only_page):
    staff = make_window("staff")
    assert "roster" in staff.page_keys() and "users" not in staff.page_keys()
    assert staff.navigation.count() == len(staff.page_keys())
    assert all(staff.ctx.actor.can(spec.permission) for spec in staff.specs)
    admin = make_window("admin")
    assert admin.page_keys()[0] == "roster" and "users" in admin.page_keys()
    assert admin.select_page("users").text() == "users"
    assert admin.navigation.currentItem().text() == "Users"


def test_header_menus_and_size(users, make_window, japanese, qtbot):
    window = make_window("committee", language="ja")
    assert "認定審査委員" in window.user_label.text()
    assert "scfn.sqlite3" in window.db_label.text()
    assert window.minimumSize() == MINIMUM_SIZE
    assert window.width() <= 1366 and window.height() <= 768
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["ファイル(&F)", "設定(&S)", "ヘルプ(&H)"]
    assert window.navigation.item(0).text() == "受講生名簿"

    box = window.verify_audit()
    assert isinstance(box, QMessageBox)
    assert "改ざんはありません" in box.text()
    box.close()
    about = window.show_about()
    assert "scfn.sqlite3" in about.text()
    about.close()


def test_staff_cannot_verify_audit(users, make_window):
    assert not make_window("staff").verify_action.isVisible()


def test_language_switch_rebuilds_window_and_is_remembered(db, users, japanese, qtbot):
    shell = Shell(db, "ja", Settings.load(), quit_on_cancel=False)
    from scfn_desktop.services.admin import accounts

    first = shell.show_main_window(accounts.authenticate(db, "admin", users["admin"]))
    qtbot.addWidget(first)
    assert first.navigation.item(0).text() == "受講生名簿"

    dialog = first.open_settings()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    with qtbot.waitSignal(shell.mainWindowShown, timeout=5000) as shown:
        dialog.accept()
    second = shown.args[0]
    qtbot.addWidget(second)
    assert second is not first and second.isVisible()
    assert second.ctx.language == "en"
    assert second.navigation.item(0).text() == "Roster"
    assert second.windowTitle() == "SCFN Desktop — Support Coordinator Certification"
    assert Settings.load().language == "en"


def test_language_dialog_keeps_its_sentence_on_one_line(users, make_window, japanese, qtbot):
    """The Japanese note wrapped with 「す。」 alone on the second line."""
    window = make_window("staff", language="ja")
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    note = dialog.note
    assert note.text() == "選んだ言語にすぐ切り替わります。"
    assert note.height() < 2 * note.fontMetrics().lineSpacing()
    assert note.width() >= note.fontMetrics().horizontalAdvance(note.text())
    dialog.reject()
