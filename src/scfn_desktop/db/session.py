"""Engine, sessions and start-up migrations.

`Database` is the one object the services receive: it owns the engine and hands out one
transaction per user action. SQLite gets WAL and foreign keys; any other URL (PostgreSQL for
several stations on a venue LAN) is used as given.

Two writers on one SQLite file (an import in one window, a key change in another, two scans
from the command line): a write transaction starts with `BEGIN IMMEDIATE`, so it takes the
write lock before reading anything and SQLite's busy handler waits for the other writer (up to
`BUSY_TIMEOUT_MS`). A deferred transaction would instead read first and then fail at once with
"database is locked" when it tried to write after another writer had committed: no wait can
save a stale snapshot. When the wait runs out, `DatabaseBusy` says plainly that another task is
writing; nothing is half-written, the action can simply be repeated.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from scfn_desktop.config import create_private
from scfn_desktop.db.migrations import HEAD_REVISION
from scfn_desktop.errors import ServiceError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# PostgreSQL advisory lock taken while migrating, so stations starting at once migrate once.
MIGRATION_LOCK_KEY = 0x5CF0_0001
BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "scfn_write"


class DatabaseBusy(ServiceError):
    """Another task held the write lock for longer than the bounded wait."""

    def __init__(self) -> None:
        seconds = BUSY_TIMEOUT_MS // 1000
        super().__init__(
            f"別の処理がデータベースに書き込み中のため、{seconds} 秒待っても保存できませんでした。"
            "何も変更していません。その処理が終わってから、もう一度お試しください。",
            f"Another task is writing to the database; after waiting {seconds} seconds nothing "
            "was saved. Try again when it has finished.")


def is_busy(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # The driver's own implicit BEGIN is switched off: `_sqlite_begin` emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """Write transactions take the write lock first (see the module docstring)."""
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# PostgreSQL over a venue LAN: give up on a server that does not answer instead of waiting for
# TCP's minutes-long retransmission, and test pooled connections before use, so the desks
# recover by themselves after the network or the server comes back (issue 10 §4).
PG_CONNECT_ARGS = {"connect_timeout": 3, "keepalives": 1, "keepalives_idle": 5,
                   "keepalives_interval": 2, "keepalives_count": 2, "tcp_user_timeout": 8000}


def make_engine(url: str) -> Engine:
    if url.startswith("postgresql"):
        return create_engine(url, future=True, pool_pre_ping=True, connect_args=PG_CONNECT_ARGS)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


class Database:
    """Owns the engine; `transaction()` is the unit of work of one user action."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        if self.sqlite_path is not None:
            # Owner-only before SQLite opens it (its -wal/-shm files copy the mode).
            create_private(self.sqlite_path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)

    @property
    def sqlite_path(self) -> Path | None:
        """The file behind a SQLite URL (None for in-memory or other databases)."""
        if self.engine.dialect.name != "sqlite":
            return None
        name = self.engine.url.database
        return Path(name) if name and name != ":memory:" else None

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit when the block succeeds, roll everything back when it raises. Waiting for
        another writer is bounded; beyond it the action fails as `DatabaseBusy`."""
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            if is_busy(exc):
                raise DatabaseBusy() from exc
            raise

    def current_revision(self) -> str | None:
        """The schema's revision, read from Alembic's table with a plain query: opening a
        database that is already at head (every start but the first after an update) then
        never imports Alembic, a quarter of a second of every command's start-up."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
            if len(rows) <= 1:
                return rows[0] if rows else None
            from alembic.runtime.migration import MigrationContext  # branches: Alembic's word

            return MigrationContext.configure(conn).get_current_revision()

    def head_revision(self) -> str:
        """The revision this code's models expect (``db.migrations.HEAD_REVISION``)."""
        return HEAD_REVISION

    def needs_upgrade(self) -> bool:
        return self.current_revision() != self.head_revision()

    def upgrade(self, backup: bool = True) -> Path | None:
        """Bring the schema to head; copy an existing SQLite file aside first.

        Returns the backup path when one was made, so the caller can tell the user.
        """
        current = self.current_revision()
        if current == self.head_revision():
            return None
        backup_path = None
        path = self.sqlite_path
        if backup and current is not None and path is not None and path.exists():
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_path = path.with_name(f"{path.stem}.backup-{stamp}-{current}{path.suffix}")
            self.engine.dispose()
            shutil.copy2(path, backup_path)
        from alembic import command

        cfg = alembic_config(self.url)
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Every station upgrades at start-up: the first one migrates, the others wait
                # here and then find the schema at head (Alembic re-reads it after the lock).
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                             {"key": MIGRATION_LOCK_KEY})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return backup_path

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, migrate: bool = True) -> Database:
    """Open (creating an owner-only SQLite file and folder if needed) and migrate."""
    db = Database(url)
    if migrate:
        db.upgrade()
    return db
