"""Is the database reachable? A background monitor the desk shows as a banner.

The desk must say within 2 seconds that the database cannot be reached, and recover by itself.
A query on a dead network can hang for minutes (TCP retransmission), so the monitor never waits
on one: every `interval` it starts a ping (`SELECT 1` on a new connection, its own thread) and
waits at most `timeout` for the answer. No answer in time, or an error, means offline; the
first ping that answers again means online. With interval 0.5 s and timeout 1.2 s an outage is
reported within 1.7 s. At most a few pings hang at once; their threads end when the operating
system gives up on the connection (bounded by the engine's connect and TCP timeouts).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

INTERVAL_S = 0.5
TIMEOUT_S = 1.2
MAX_HANGING = 3

StateCallback = Callable[[bool, str], None]


def ping_engine(url: str) -> Engine:
    """A pool-less engine: every ping makes a new connection, so a hung one is never reused."""
    args = {"connect_timeout": 2} if url.startswith("postgresql") else {}
    return create_engine(url, poolclass=NullPool, connect_args=args)


def _probe(engine: Engine) -> None:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":  # a vanished file would be re-created empty
            conn.execute(text("SELECT 1 FROM alembic_version LIMIT 1"))
        else:
            conn.execute(text("SELECT 1"))


class DatabaseHealth:
    """Calls `on_change(online, detail)` from its thread whenever reachability changes."""

    def __init__(self, url: str, on_change: StateCallback | None = None, *,
                 interval: float = INTERVAL_S, timeout: float = TIMEOUT_S) -> None:
        self.url = url
        self.interval, self.timeout = interval, timeout
        self.on_change = on_change
        self.online = True
        self.detail = ""
        self._engine = ping_engine(url)
        self._stop = threading.Event()
        self._hanging = 0
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> DatabaseHealth:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="scfn-db-health",
                                            daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.timeout + self.interval + 1)
            self._thread = None
        self._engine.dispose()

    def check_now(self) -> bool:
        """One ping, waiting at most `timeout` (also usable without the thread)."""
        done = threading.Event()
        outcome: list[str] = []

        def run() -> None:
            try:
                _probe(self._engine)
            except Exception as exc:  # any failure to answer means "cannot store"
                outcome.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
            finally:
                with self._lock:
                    self._hanging -= 1
                done.set()

        with self._lock:
            if self._hanging >= MAX_HANGING:
                self._set(False, "no answer from the database")
                return False
            self._hanging += 1
        threading.Thread(target=run, name="scfn-db-ping", daemon=True).start()
        if not done.wait(self.timeout):
            self._set(False, f"no answer within {self.timeout:g} s")
        elif outcome:
            self._set(False, outcome[0])
        else:
            self._set(True, "")
        return self.online

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.check_now()
            self._stop.wait(self.interval)

    def _set(self, online: bool, detail: str) -> None:
        changed = online != self.online
        self.online, self.detail = online, detail
        if changed and self.on_change is not None and not self._stop.is_set():
            self.on_change(online, detail)
