"""GUI exam tests: a migrated database with a run, an exam and scans written by the services."""

from __future__ import annotations

import pytest

from scfn_desktop.db.session import open_database


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SCFN_DB_URL", raising=False)
    database = open_database(f"sqlite:///{tmp_path / 'data' / 'scfn.sqlite3'}")
    yield database
    database.dispose()
