"""A throwaway PostgreSQL server for the tests in this folder, with no network exposure.

The Debian server binaries (`/usr/lib/postgresql/*/bin`, package `postgresql`, installed by
`tools/bootstrap.sh test`) initialise a cluster in a fresh temporary folder; the server listens
only on a Unix socket in that folder (`listen_addresses=''`), with trust authentication, which is
safe because the folder is private to the account running the server. PostgreSQL refuses to run
as root, so when the tests run as root the server runs as the `postgres` account the Debian
package creates (or `nobody`). Durability is switched off (fsync, synchronous_commit): the data
are thrown away at the end of the session, when the server is stopped and the folder removed,
also when tests fail. If pytest itself is killed, the server gets SIGINT from the kernel
(parent-death signal) and shuts down.

Without the binaries (or psycopg) every test here is skipped with the reason.

Fixtures: `pg_server` (session), `pg_url` (a new empty database per test, as a SQLAlchemy URL
`postgresql+psycopg://scfn@/NAME?host=SOCKETDIR`) and `pg_db` (a `Database` at the head
revision with empty tables: one database migrated once per session, emptied before each test).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import glob
import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

import scfn_desktop.db.models  # noqa: F401  (every table, for TRUNCATE)
from scfn_desktop.db.base import Base
from scfn_desktop.db.session import Database, open_database

BINDIR_ENV = "SCFN_TEST_PG_BINDIR"  # optional override, e.g. /usr/lib/postgresql/16/bin
SUPERUSER = "scfn"
START_TIMEOUT_S = 30.0
INSTALL_HINT = ("install the Debian package 'postgresql' (`bash tools/bootstrap.sh test` does), "
                f"or point {BINDIR_ENV} at a folder holding initdb and postgres")



def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", path)) or (0,)


def find_bindir() -> Path | None:
    """The server programs: the override if set (authoritative), else the newest Debian
    installation, else initdb on PATH."""
    override = os.environ.get(BINDIR_ENV)
    candidates = [override] if override else [
        *sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True),
        str(Path(shutil.which("initdb") or "/nonexistent").parent)]
    for c in candidates:
        if (Path(c) / "initdb").is_file() and (Path(c) / "postgres").is_file():
            return Path(c)
    return None


def _server_account():  # type: ignore[no-untyped-def]
    """Who runs the server: ourselves, or an unprivileged account when we are root."""
    import pwd  # POSIX only, like the rest of this fixture

    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' account exists")


def _parent_death_signal() -> None:  # runs in the child between fork and exec
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, _SIGINT)  # fast shutdown when pytest dies


_PR_SET_PDEATHSIG, _SIGINT = 1, int(signal.SIGINT)
_prctl = None
if sys.platform.startswith("linux"):
    with contextlib.suppress(OSError, AttributeError):
        _prctl = ctypes.CDLL(None, use_errno=True).prctl


def remove_stale_folders(parent: Path, older_than_s: float = 600) -> None:
    """Folders left by a session that was killed (its server, stopped by the parent-death
    signal, removed its postmaster.pid; a running server always has one)."""
    for folder in parent.glob("scfn-pg-*"):
        with contextlib.suppress(OSError):
            if (folder / "data").is_dir() and not (folder / "data" / "postmaster.pid").exists() \
                    and time.time() - folder.stat().st_mtime > older_than_s:
                shutil.rmtree(folder)


class PgServer:
    """One PostgreSQL cluster in a temporary folder, reachable only through its socket."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.account = _server_account()
        # Short path under /tmp: a Unix socket path must stay under ~100 bytes.
        parent = Path("/tmp") if Path("/tmp").is_dir() else Path(tempfile.gettempdir())
        remove_stale_folders(parent)
        self.root = Path(tempfile.mkdtemp(prefix="scfn-pg-", dir=parent))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._names = itertools.count(1)
        if self.account is not None:
            os.chown(self.root, self.account.pw_uid, self.account.pw_gid)
        os.chmod(self.root, 0o700)

    # -- running programs as the server account -------------------------------------------------

    def _as_server(self) -> dict:
        env = {"PATH": f"{self.bindir}:/usr/bin:/bin", "LC_ALL": "C", "LANG": "C",
               "TZ": "UTC", "HOME": str(self.root)}
        kw: dict = {"cwd": self.root, "env": env}
        if self.account is not None:
            kw.update(user=self.account.pw_uid, group=self.account.pw_gid, extra_groups=[])
        return kw

    def _initdb(self) -> None:
        base = [str(self.bindir / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
                "--auth=trust", "--encoding=UTF8", "--no-sync", "--no-instructions"]
        last = None
        for locale in ("C.UTF-8", "C"):  # code-point order, like SQLite; C when C.UTF-8 is missing
            shutil.rmtree(self.data, ignore_errors=True)
            last = subprocess.run([*base, f"--locale={locale}"], capture_output=True,
                                  timeout=120, **self._as_server())
            if last.returncode == 0:
                return
        assert last is not None
        raise RuntimeError(f"initdb failed:\n{last.stdout.decode(errors='replace')}"
                           f"{last.stderr.decode(errors='replace')}")

    def start(self) -> None:
        self._initdb()
        options = {
            "listen_addresses": "",  # no TCP at all
            "unix_socket_directories": str(self.root),
            "unix_socket_permissions": "0700",
            "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
            "max_connections": "40", "shared_buffers": "16MB", "max_wal_size": "256MB",
            "timezone": "UTC", "log_min_messages": "warning",
        }
        cmd = [str(self.bindir / "postgres"), "-D", str(self.data)]
        for k, v in options.items():
            cmd += ["-c", f"{k}={v}"]
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                         preexec_fn=_parent_death_signal, **self._as_server())
        atexit.register(self.stop)
        self._wait_ready()

    def _connect(self, dbname: str = "postgres", **kw):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(host=str(self.root), user=SUPERUSER, dbname=dbname, **kw)

    def _wait_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"PostgreSQL exited at start:\n{self.log_tail()}")
            try:
                with self._connect(connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"PostgreSQL did not start in {START_TIMEOUT_S:g} s:\n"
                                       f"{self.log_tail()}") from None
                time.sleep(0.05)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def stop(self) -> None:
        """Fast shutdown (clients are disconnected), then remove the folder. Idempotent."""
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            for sig, wait in ((signal.SIGINT, 15), (signal.SIGQUIT, 5), (signal.SIGKILL, 5)):
                with contextlib.suppress(ProcessLookupError):
                    proc.send_signal(sig)
                try:
                    proc.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases ---------------------------------------------------------------------------------

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@/{dbname}?host={self.root}"

    def new_name(self, prefix: str = "t") -> str:
        return f"{prefix}{next(self._names)}"

    def create_database(self, name: str | None = None, template: str = "template0") -> str:
        """A new database (UTF-8; optionally a copy of `template`); returns its URL."""
        name = name or self.new_name()
        for ident in (name, template):
            if not re.fullmatch(r"[a-z_][a-z0-9_]*", ident):
                raise ValueError(f"not a plain identifier: {ident!r}")
        with self._connect(autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" ENCODING \'UTF8\'')
        return self.url(name)


def _unavailable(reason: str) -> None:
    """Skip on a developer machine without PostgreSQL; fail in CI, where tools/bootstrap.sh
    installs it (SCFN_REQUIRE_POSTGRES=1 is set by tools/test.sh when CI=true), so a broken
    install can never turn the PostgreSQL suite into silent skips."""
    if os.environ.get("SCFN_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here but unavailable: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if os.name != "posix":
        _unavailable("the throwaway PostgreSQL server of these tests needs Linux (Unix sockets)")
    bindir = find_bindir()
    if bindir is None:
        _unavailable(f"PostgreSQL server binaries not found (no initdb/postgres); {INSTALL_HINT}")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed: pip install -e '.[test]' (or '.[postgres]')")
    server = PgServer(bindir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A new, empty database of its own for this test."""
    return pg_server.create_database()


@pytest.fixture(scope="session")
def pg_migrated_url(pg_server: PgServer) -> str:
    """One database migrated to head for the session; `pg_db` empties it before every test."""
    db = open_database(pg_server.create_database("scfn_shared"))
    db.dispose()
    return pg_server.url("scfn_shared")


@pytest.fixture
def pg_db(pg_migrated_url: str) -> Iterator[Database]:
    """A `Database` at the head revision with every table empty and every id sequence restarted
    (TRUNCATE is ~4x faster than cloning a database per test)."""
    db = open_database(pg_migrated_url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("SET LOCAL lock_timeout = '10s'"))  # a leaked transaction: fail
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        yield db
    finally:
        db.dispose()
