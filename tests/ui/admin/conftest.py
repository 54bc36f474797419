"""Fixtures for the admin pages: one account per role (username == role), actors logged in
through the service, and the Japanese catalogues on demand. The database and the Qt
thread/timer guards come from tests/conftest.py."""

from __future__ import annotations

import pytest

from scfn_desktop.services.admin import accounts
from scfn_desktop.services.permissions import SYSTEM, Actor
from scfn_desktop.ui.context import AppContext

PASSWORDS = {"admin": "admin-pass", "staff": "staff-pass", "proctor": "proctor-pass",
             "committee": "committee-pass"}


@pytest.fixture
def users(db):
    for role, secret in PASSWORDS.items():
        accounts.add_user(db, SYSTEM, role, role, secret, display_name=f"{role.title()} 太郎")
    return PASSWORDS


@pytest.fixture
def login(db, users):
    """`login(role)` -> the actor, authenticated like the login dialog does."""

    def _login(username: str, secret: str | None = None) -> Actor:
        return accounts.authenticate(db, username, secret or PASSWORDS[username])

    return _login


@pytest.fixture
def ctx(db, login):
    """`ctx(role, language="en")` -> the AppContext a page receives."""

    def _ctx(role: str, language: str = "en") -> AppContext:
        return AppContext(db, login(role), language)

    return _ctx


@pytest.fixture
def window(qtbot, ctx):
    """`window(role, language="en")` -> the real main window, logged in through the service
    (its automatic-backup timer stopped at the end)."""
    from scfn_desktop.ui.main_window import MainWindow

    kept: list[MainWindow] = []  # qtbot keeps only weak references

    def make(role: str, language: str = "en") -> MainWindow:
        w = MainWindow(ctx(role, language))
        qtbot.addWidget(w)
        w.show()
        kept.append(w)
        return w

    yield make
    for w in kept:
        w.backup_menu.timer.stop()
    kept.clear()
