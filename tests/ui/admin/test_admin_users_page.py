"""The users page with real widgets: add a user by typing into the dialog (the new account can
log in), reset a password, and the deactivation rules refused with the service's message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from scfn_desktop.services.admin import accounts
from scfn_desktop.services.errors import PermissionDenied
from scfn_desktop.ui.admin.users_page import UsersPage
from scfn_desktop.ui.context import AppContext

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, ctx):
    def make(role: str = "admin", language: str = "en") -> UsersPage:
        widget = UsersPage(ctx(role, language))
        qtbot.addWidget(widget)
        widget.show()
        return widget

    return make


def column(page: UsersPage, col: int) -> list[str]:
    return [page.table.item(r, col).text() for r in range(page.table.rowCount())]


def test_lists_accounts_with_role_labels_and_state(page, japanese):
    p = page(language="ja")
    assert column(p, 0) == ["admin", "committee", "proctor", "staff"]
    assert column(p, 2) == ["管理者", "認定審査委員", "試験監督", "会場スタッフ"]
    assert set(column(p, 3)) == {"有効"}
    assert p.table.horizontalHeaderItem(2).text() == "権限"
    assert not p.reset_button.isEnabled() and not p.active_button.isEnabled()


def test_admin_adds_a_user_who_can_then_log_in(page, db, qtbot):
    p = page()
    dialog = p.open_add_dialog()
    assert dialog.isVisible()
    assert dialog.role.currentData() == "staff"
    qtbot.keyClicks(dialog.username, "uketsuke2")
    qtbot.keyClicks(dialog.display_name, "Jiro")
    dialog.role.setCurrentIndex(dialog.role.findData("proctor"))
    qtbot.keyClicks(dialog.password, "2468")
    qtbot.keyClicks(dialog.confirm, "2469")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "do not match" in dialog.error.text()
    assert "uketsuke2" not in column(p, 0)

    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "2468")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert "uketsuke2" in column(p, 0)
    assert p.selected_username() == "uketsuke2"
    assert "uketsuke2" in p.status.text()

    actor = accounts.authenticate(db, "uketsuke2", "2468")
    assert actor.role == "proctor" and actor.display_name == "Jiro"


def test_add_dialog_shows_the_services_refusal_and_stays_open(page, qtbot, japanese):
    p = page(language="ja")
    dialog = p.open_add_dialog()
    qtbot.keyClicks(dialog.username, "staff")  # taken
    qtbot.keyClicks(dialog.password, "abcd")
    qtbot.keyClicks(dialog.confirm, "abcd")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "既に使われています" in dialog.error.text()
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "new1")
    dialog.password.setText("12")
    dialog.confirm.setText("12")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "4 文字以上" in dialog.error.text()
    dialog.reject()


def test_reset_password(page, db, qtbot):
    p = page()
    p.select_user("staff")
    dialog = p.open_reset_dialog()
    assert dialog is not None and dialog.username == "staff"
    qtbot.keyClicks(dialog.password, "new-staff-pw")
    qtbot.keyClicks(dialog.confirm, "new-staff-pw")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert accounts.authenticate(db, "staff", "new-staff-pw").username == "staff"
    assert "staff" in p.status.text()


def test_deactivate_and_reactivate(page, db, qtbot):
    p = page()
    p.select_user("proctor")
    assert p.active_button.text() == "Deactivate"
    qtbot.mouseClick(p.active_button, Qt.MouseButton.LeftButton)
    row = {r.username: r for r in p.rows}["proctor"]
    assert not row.active and column(p, 3)[column(p, 0).index("proctor")] == "Inactive"
    assert p.selected_username() == "proctor" and p.active_button.text() == "Reactivate"
    with pytest.raises(PermissionDenied):
        accounts.authenticate(db, "proctor", "proctor-pass")
    qtbot.mouseClick(p.active_button, Qt.MouseButton.LeftButton)
    assert accounts.authenticate(db, "proctor", "proctor-pass").username == "proctor"


def test_an_admin_cannot_deactivate_themselves(page, qtbot, japanese):
    p = page(language="ja")
    p.select_user("admin")
    qtbot.mouseClick(p.active_button, Qt.MouseButton.LeftButton)
    assert p.last_error is not None and p.last_error.isVisible()
    assert "自分自身のアカウントは無効にできません" in p.last_error.text()
    assert {r.username: r.active for r in p.rows}["admin"] is True
    p.last_error.close()


def test_the_last_active_admin_cannot_be_deactivated(db, qtbot, login):
    """Admin A's session is stale: B deactivated A meanwhile, so B is the last active admin."""
    admin = login("admin")
    accounts.add_user(db, admin, "boss2", "admin", "boss2-pass")
    boss2 = login("boss2", "boss2-pass")
    accounts.set_active(db, boss2, "admin", False)
    p = UsersPage(AppContext(db, admin, "en"))
    qtbot.addWidget(p)
    p.show()
    p.select_user("boss2")
    qtbot.mouseClick(p.active_button, Qt.MouseButton.LeftButton)
    assert p.last_error is not None
    assert "last active administrator" in p.last_error.text()
    assert {r.username: r.active for r in p.rows}["boss2"] is True
    p.last_error.close()
