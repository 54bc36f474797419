"""The migrations are the schema: they must build exactly what the models declare, on a real
SQLite file, with WAL and foreign keys on, and back the file up before an upgrade."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

import scfn_desktop.db.models  # noqa: F401
from scfn_desktop.db.base import Base
from scfn_desktop.db.session import Database, alembic_config, open_database

SRC = Path(__file__).resolve().parents[2] / "src"


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
    url = f"sqlite:///{path}"
    old = Database(url)
    # A file written by the first release: schema at revision 0001, with data in it.
    cfg = alembic_config(url)
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO organisations (name, prefecture) VALUES ('窓口', '東京都')"))
    old.dispose()
    assert old.head_revision() != "0001", "needs a second migration to exercise the upgrade"

    db = open_database(url, migrate=False)
    assert db.needs_upgrade()
    backup = db.upgrade()
    assert backup is not None and backup.name.startswith("old.backup-")
    assert backup.name.endswith("-0001.sqlite3")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT name FROM organisations").fetchone() == ("窓口",)
    assert db.current_revision() == db.head_revision()
    assert db.upgrade() is None  # already at head: no second backup
    assert len(list(tmp_path.glob("old.backup-*.sqlite3"))) == 1


def test_fresh_database_makes_no_backup(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'n.sqlite3'}", migrate=False)
    assert db.upgrade() is None or not list(tmp_path.glob("n.backup-*"))
    assert list(tmp_path.glob("n.backup-*")) == []


def test_head_revision_is_alembics_head(tmp_path: Path) -> None:
    """HEAD_REVISION spares every start-up Alembic's import; it must name the newest script."""
    from alembic.script import ScriptDirectory

    url = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    assert Database(url).head_revision() == head, (
        "a migration was added: set db/migrations/__init__.py HEAD_REVISION to its revision")


def test_revision_of_an_empty_file_is_none(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'e.sqlite3'}")
    assert db.current_revision() is None and db.needs_upgrade()


def test_opening_a_database_at_head_does_not_import_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'a.sqlite3').as_posix()}"
    open_database(url).dispose()  # created and migrated (Alembic runs here)
    code = ("import sys; from scfn_desktop.db.session import open_database; "
            f"db = open_database({url!r}); assert db.current_revision() == db.head_revision(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(SRC)}).stdout
    assert out.strip() == "[]"
