"""Who sees the admin pages, and the UI never opens a database session itself (the help menu's
audit check goes through the same service as the audit page)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

import scfn_desktop.ui
from scfn_desktop.services.admin import accounts, audit_view, integrity
from scfn_desktop.services.errors import PermissionDenied
from scfn_desktop.ui.admin.audit_page import AuditLogPage
from scfn_desktop.ui.admin.users_page import UsersPage
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.main_window import MainWindow
from scfn_desktop.ui.registry import page_specs

pytestmark = pytest.mark.gui


def test_pages_are_registered_with_their_permissions():
    specs = {s.key: s.permission.value for s in page_specs()}
    assert specs["users"] == "manage_users" and specs["audit"] == "verify_audit"


@pytest.mark.parametrize(("role", "sees_users", "sees_audit"), [
    ("admin", True, True),
    ("committee", False, True),
    ("staff", False, False),
    ("proctor", False, False),
])
def test_only_the_right_roles_see_the_admin_pages(window, role, sees_users, sees_audit):
    keys = window(role).page_keys()
    assert ("users" in keys) is sees_users and ("audit" in keys) is sees_audit


def test_admin_opens_both_pages_from_the_sidebar(window, japanese):
    w = window("admin", "ja")
    titles = [w.navigation.item(i).text() for i in range(w.navigation.count())]
    assert titles[-2:] == ["ユーザー管理", "操作記録（監査ログ）"]
    assert isinstance(w.select_page("users"), UsersPage)
    audit_page = w.select_page("audit")
    assert isinstance(audit_page, AuditLogPage)
    assert w.export_action.isEnabled()  # File ▸ Export exports the audit log here


def test_services_refuse_other_roles_even_without_the_ui(db, login):
    staff = login("staff")
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(db, staff)
    with pytest.raises(PermissionDenied):
        accounts.set_active(db, login("committee"), "staff", False)
    with pytest.raises(PermissionDenied):
        audit_view.list_entries(db, login("proctor"))


def test_help_menu_verification_uses_the_service(window, db, monkeypatch):
    calls = []
    real = integrity.verify_all

    def spy(db_, actor):
        calls.append(actor.username)
        return real(db_, actor)

    monkeypatch.setattr(integrity, "verify_all", spy)
    box = window("committee").verify_audit()
    assert isinstance(box, QMessageBox) and "intact" in box.text()
    assert calls == ["committee"]
    box.close()


def test_help_menu_verification_refused_for_a_role_without_the_permission(db, qtbot, login):
    w = MainWindow(AppContext(db, login("staff"), "en"))
    qtbot.addWidget(w)
    box = w.verify_audit()
    assert box.objectName() == "errorBox" and "verify_audit" in box.text()
    box.close()


def test_no_database_session_is_opened_in_the_ui_layer():
    """Pages call services; a `.session()` / `.transaction()` call in ui/ would bypass the
    permission checks and the audit log (docstrings may still mention them)."""
    ui = Path(scfn_desktop.ui.__file__).parent
    offenders = []
    for path in sorted(ui.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("session", "transaction")):
                offenders.append(f"{path.relative_to(ui)}:{node.lineno}")
    assert offenders == []


def test_audit_page_shows_new_entries_when_visited_again(window, db):
    w = window("admin")
    audit_page = w.select_page("audit")
    before = audit_page.total
    w.select_page("users")
    accounts.set_active(db, w.ctx.actor, "staff", False)
    assert w.select_page("audit") is audit_page
    assert audit_page.total == before + 1
    assert audit_page.model.rows()[0].action == "user.deactivate"
