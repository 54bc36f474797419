"""Fixtures for the backup tests: a data folder of its own per test (scans, keys, checkpoints
live there) and a migrated database in it."""

from __future__ import annotations

import pytest

from scfn_desktop.config import ENV_DATA_DIR, ENV_DB_URL, resolve_db_url
from scfn_desktop.db.session import open_database


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.delenv(ENV_DB_URL, raising=False)
    return tmp_path / "data"


@pytest.fixture
def db(data_dir):
    database = open_database(resolve_db_url())
    yield database
    database.dispose()


@pytest.fixture
def db_url(data_dir):
    return resolve_db_url()
