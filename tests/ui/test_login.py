"""The session flow as users meet it: first run, login (typed, Enter), main window, log out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from scfn_desktop.config import Settings
from scfn_desktop.services.admin import accounts
from scfn_desktop.ui.shell import Shell


@pytest.fixture
def shell(db, qtbot):
    created = Shell(db, "ja", Settings.load(), quit_on_cancel=False)
    yield created
    for widget in (created.main_window, created.login_dialog, created.first_run_dialog):
        if widget is not None:
            try:
                widget.close()
                widget.deleteLater()
            except RuntimeError:  # already deleted by the flow itself
                pass


def type_login(qtbot, dialog, username: str, password: str) -> None:
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_wrong_password_shows_error_then_right_one_opens_window(shell, users, japanese, qtbot):
    shell.start()
    dialog = shell.login_dialog
    assert dialog is not None and dialog.isVisible()

    type_login(qtbot, dialog, "staff", "wrong-password")
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "ユーザー名またはパスワードが正しくありません。"
    assert dialog.password.text() == ""  # cleared for the retry
    assert shell.main_window is None

    with qtbot.waitSignal(shell.mainWindowShown, timeout=5000):
        qtbot.keyClicks(dialog.password, users["staff"])
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    window = shell.main_window
    assert window is not None and window.isVisible()
    assert "会場スタッフ" in window.user_label.text()  # Japanese role label in the header
    assert window.windowTitle() == "外国人支援コーディネーター認定事務システム"


def test_login_remembers_last_username_and_logout_returns_to_login(shell, users, qtbot):
    shell.start()
    with qtbot.waitSignal(shell.mainWindowShown, timeout=5000):
        type_login(qtbot, shell.login_dialog, "admin", users["admin"])
    assert Settings.load().last_username == "admin"

    qtbot.mouseClick(shell.main_window.logout_button, Qt.MouseButton.LeftButton)
    assert shell.main_window is None
    dialog = shell.login_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.username.text() == "admin"


def test_first_run_creates_the_administrator(shell, db, qtbot):
    assert accounts.count_users(db) == 0
    shell.start()
    dialog = shell.first_run_dialog
    assert dialog is not None and shell.login_dialog is None

    qtbot.keyClicks(dialog.password, "secret-1")
    qtbot.keyClicks(dialog.confirm, "secret-2")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.error.isVisible() and accounts.count_users(db) == 0

    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "secret-1")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert accounts.list_users(db)[0]["role"] == "admin"
    login = shell.login_dialog
    assert login is not None and login.username.text() == "admin"
    with qtbot.waitSignal(shell.mainWindowShown, timeout=5000):
        qtbot.keyClicks(login.password, "secret-1")
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
