"""Shared fixtures: a temporary data folder for every test, a migrated SQLite database and an
administrator actor."""

from __future__ import annotations

import pytest

from scfn_desktop.db import Database
from scfn_desktop.db.session import open_database
from scfn_desktop.services.permissions import Actor


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    """No test may touch the real user data folder or a configured database."""
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SCFN_DB_URL", raising=False)


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
