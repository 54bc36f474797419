"""Fixtures for the check-in pages: a run with badges, and the desk page open and loaded."""

from __future__ import annotations

import pytest
from attendancekit import make_run

from scfn_desktop.services.admin import accounts
from scfn_desktop.ui.context import AppContext


@pytest.fixture
def kit(db, users):
    return make_run(db, trainees=6)


@pytest.fixture
def open_desk_page(db, users, qtbot):
    """Open the real desk page as a role (logged in through the service), wait until loaded."""
    from scfn_desktop.ui.checkin.desk_page import DeskPage

    pages = []

    def make(role: str = "staff", language: str = "en") -> DeskPage:
        actor = accounts.authenticate(db, role, users[role])
        page = DeskPage(AppContext(db, actor, language))
        qtbot.addWidget(page)
        page.resize(1166, 700)
        page.show()
        qtbot.waitUntil(lambda: page.desk is not None, timeout=10000)
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.close()
