"""Shared fixtures: a temporary data folder for every test, a migrated SQLite database and an
administrator actor."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from scfn_desktop.db import Database
from scfn_desktop.db.session import open_database
from scfn_desktop.services.permissions import Actor

# --import-mode=importlib puts no test folder on sys.path; the shared builders (examkit, ...)
# live in tests/support and are imported by plain name from any test folder.
sys.path.insert(0, str(Path(__file__).parent / "support"))

# The explicit test setting for cheap password hashes (services.admin.passwords): the suite
# creates hundreds of accounts; at the production cost (scrypt N=2^17) each takes ~1 s. Set in
# the environment so subprocesses started by tests inherit it; tests of the production cost
# remove it themselves.
os.environ["SCFN_TEST_WEAK_PASSWORD_HASHES"] = "1"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """No test may touch the real user data folder or a configured database."""
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SCFN_DB_URL", raising=False)


@pytest.fixture(autouse=True)
def _no_spare_readers():
    """Reader processes a test started ahead (`scfn scan` starts them before its login) and
    left unused end with it, so no later test adopts them or finds them alive."""
    yield
    pool = sys.modules.get("scfn_desktop.omr.pool")
    if pool is not None:
        pool.discard(wait=True)


@pytest.fixture
def data_dir(tmp_path):
    """The data folder of this test (scans, keys, checkpoints, settings): SCFN_DATA_DIR."""
    return tmp_path


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path}/t.sqlite3"


@pytest.fixture
def db(db_url) -> Database:
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def actor() -> Actor:
    return Actor(username="tester", role="admin")


@pytest.fixture(autouse=True)
def _qt_guards(request, monkeypatch):
    """napari-style guards for every test that uses Qt (asks for `qtbot` or `qapp`): the test
    fails if it leaves a QThreadPool worker or a QTimer it started still running. Tests without
    Qt skip this, so the core suite never creates a QApplication."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("qapp")
    from PySide6.QtCore import QThreadPool, QTimer

    from scfn_desktop.ui.workers import cancel_all

    started: list[QTimer] = []
    original_start = QTimer.start

    def recording_start(self, *args):
        started.append(self)
        return original_start(self, *args)

    monkeypatch.setattr(QTimer, "start", recording_start)
    yield
    pool = QThreadPool.globalInstance()
    pool.waitForDone(1000)
    leftover = pool.activeThreadCount()
    if leftover:  # stop them anyway, so the next test (and interpreter exit) stays sane
        cancel_all()
    running = []
    for timer in started:
        try:
            if timer.isActive():
                running.append(timer)
        except RuntimeError:  # already deleted with its widget: not running
            continue
    for timer in running:
        timer.stop()
    _close_left_dialogs()
    assert leftover == 0, f"the test left {leftover} QThreadPool worker(s) running"
    assert not running, f"the test left {len(running)} QTimer(s) running"


def _close_left_dialogs() -> None:
    """A message box or dialog a test left open (e.g. "Sent 4 pages to the printer") is closed,
    so the next test looking for *its* box among the visible windows does not find this one."""
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
