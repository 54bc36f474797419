"""The migrations are the schema: they must build exactly what the models declare, on a real
SQLite file, with WAL and foreign keys on, and back the file up before an upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

import scfn_desktop.db.all_models  # noqa: F401
from scfn_desktop.db.base import Base
from scfn_desktop.db.session import open_database


def test_migrations_match_models(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'schema.sqlite3'}")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    assert db.current_revision() == db.head_revision()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_upgrade_backs_up_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(f"sqlite:///{path}")
    head = db.head_revision()
    db.dispose()
    # Pretend the file was written by an older version: rewind the recorded revision.
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    if head == "0001":
        return  # nothing newer to upgrade to yet; the backup path is covered once there is
    db = open_database(f"sqlite:///{path}", migrate=False)
    backups_before = set(tmp_path.glob("old.backup-*"))
    assert db.needs_upgrade()
    backup = db.upgrade()
    assert backup is not None and backup.exists()
    assert set(tmp_path.glob("old.backup-*")) - backups_before == {backup}


def test_fresh_database_makes_no_backup(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'n.sqlite3'}", migrate=False)
    assert db.upgrade() is None or not list(tmp_path.glob("n.backup-*"))
    assert list(tmp_path.glob("n.backup-*")) == []
