"""On PostgreSQL the migrations build exactly what the models declare, step by step and back,
and `scfn --db URL init` sets up a shared database."""

from __future__ import annotations

import io
import subprocess
import sys

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

import scfn_desktop.db.models  # noqa: F401
from scfn_desktop.cli import main
from scfn_desktop.db.base import Base
from scfn_desktop.db.session import Database, alembic_config, open_database


def _diff(db: Database) -> list:
    with db.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)


def test_migrations_match_models(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        assert db.engine.dialect.name == "postgresql"
        assert db.sqlite_path is None
        assert db.current_revision() == db.head_revision()
        assert _diff(db) == [], "models and migrations disagree on PostgreSQL"
        with db.engine.connect() as conn:
            assert conn.execute(text("SHOW server_encoding")).scalar() == "UTF8"
        columns = {c["name"]: c for c in inspect(db.engine).get_columns("audit_log")}
        # Naive UTC timestamps everywhere (see db.base.utcnow): no time zone conversion.
        assert type(columns["at"]["type"]).__name__ == "TIMESTAMP"
        assert columns["at"]["type"].timezone is False
        assert db.upgrade() is None  # at head: nothing to do, and never a file backup
    finally:
        db.dispose()


def test_upgrade_from_first_release_keeps_data_and_downgrade_works(pg_url: str) -> None:
    old = Database(pg_url)
    cfg = alembic_config(pg_url)
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO organisations (name, prefecture) VALUES ('窓口', '東京都')"))
    old.dispose()

    db = open_database(pg_url, migrate=False)
    try:
        assert db.current_revision() == "0001" and db.needs_upgrade()
        assert db.upgrade() is None  # upgraded in place; backups are the DBA's job here
        assert db.current_revision() == db.head_revision()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM organisations")).scalar() == "窓口"
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
        assert db.current_revision() == "0001"
        assert "exams" not in inspect(db.engine).get_table_names()
        db.upgrade()
        assert _diff(db) == []
    finally:
        db.dispose()


def test_cli_init_and_audit_verify_on_a_shared_database(pg_url, capsys, monkeypatch) -> None:
    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--db", pg_url, "--lang", "en", *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("init", "--admin-user", "boss", "--password-stdin", stdin="s3cret!\n")
    assert code == 0, out
    assert "postgresql+psycopg://scfn@/" in out and "boss" in out
    # Every change needs a login, here as on SQLite (no anonymous "cli:" actor).
    code, _, err = run("user", "add", "alice", "--role", "staff", "--password-stdin",
                       stdin="alice-pw\n")
    assert code == 1 and "--user" in err
    code, out, _ = run("--user", "boss", "--user-password-stdin", "user", "add", "alice",
                       "--role", "staff", "--password-stdin", stdin="s3cret!\nalice-pw\n")
    assert code == 0, out
    code, out, _ = run("audit", "verify")
    assert code == 0, out



STATION = """
import sys, time
from pathlib import Path
from scfn_desktop.db.session import open_database
print("ready", flush=True)
while not Path(sys.argv[2]).exists():
    time.sleep(0.005)
open_database(sys.argv[1]).dispose()
"""


def test_stations_starting_at_once_migrate_once(pg_url: str, tmp_path) -> None:
    """After an update every station upgrades the schema at start-up (separate processes, as
    Alembic is not thread-safe): one migrates, the others wait for it and find it at head."""
    go = tmp_path / "go"
    stations = [subprocess.Popen([sys.executable, "-c", STATION, pg_url, str(go)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
    try:
        for p in stations:
            assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        go.touch()
        outcomes = [(p.wait(60), p.communicate()[1]) for p in stations]
    finally:
        for p in stations:
            if p.poll() is None:
                p.kill()
                p.wait()
    assert [code for code, _ in outcomes] == [0, 0], "\n".join(err for _, err in outcomes)
    db = Database(pg_url)
    try:
        assert db.current_revision() == db.head_revision() and _diff(db) == []
    finally:
        db.dispose()
