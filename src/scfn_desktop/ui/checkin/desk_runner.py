"""The desk's database work, off the GUI thread, with the 2-second promise.

Every action (scan, search check-in, override, the other events, loading statuses) runs on
`services.attendance.station.StationWorkers` and comes back to the GUI thread as a signal. Each
carries a deadline: when it passes without an answer the page shows "NOT recorded" at once,
and the services roll back anything that would finish later. `services.attendance.health`
watches the database meanwhile; its verdict arrives as `onlineChanged`.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from scfn_desktop.db import Database
from scfn_desktop.services.attendance.health import DatabaseHealth
from scfn_desktop.services.attendance.station import DEADLINE_S, StationWorkers


class DeskRunner(QObject):
    """`finished(request_id, result)` / `failed(request_id, exception)` in the GUI thread;
    `expired(request_id)` when the deadline passed first; `onlineChanged(online, detail)`."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    expired = Signal(int)
    onlineChanged = Signal(bool, str)
    _done = Signal(int, object)
    _health = Signal(bool, str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._ids = itertools.count(1)
        self._pending: set[int] = set()
        self._workers: StationWorkers | None = None
        self._monitor: DatabaseHealth | None = None
        self.online = True
        self._done.connect(self._deliver)
        self._health.connect(self._health_changed)

    def start(self) -> None:
        if self._workers is None:
            self._workers = StationWorkers()
        if self._monitor is None:
            self._monitor = DatabaseHealth(self.db.url, self._health.emit).start()

    def stop(self) -> None:
        if self._monitor is not None:
            self._monitor.stop()
            self._monitor = None
        if self._workers is not None:
            self._workers.close(wait_s=0.5)
            self._workers = None
        self._pending.clear()

    def submit(self, fn: Callable[[float], Any], deadline_s: float = DEADLINE_S) -> int:
        """Run `fn(deadline)` on a worker; returns the request id the signals carry."""
        self.start()
        assert self._workers is not None
        request = next(self._ids)
        self._pending.add(request)
        future = self._workers.submit(fn, deadline_s)
        future.add_done_callback(lambda f, r=request: self._notify(r, f))
        QTimer.singleShot(int(deadline_s * 1000), self, lambda r=request: self._deadline(r))
        return request

    def _notify(self, request: int, future: Future) -> None:
        """From the worker thread; the page may have been closed meanwhile."""
        with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
            self._done.emit(request, future)

    def pending(self) -> int:
        return len(self._pending)

    def _deadline(self, request: int) -> None:
        if request in self._pending:
            self._pending.discard(request)
            self.expired.emit(request)

    def _deliver(self, request: int, future: Future) -> None:
        late = request not in self._pending
        self._pending.discard(request)
        exc = future.exception()
        if exc is not None:
            if not late:
                self.failed.emit(request, exc)
            return
        self.finished.emit(request, future.result())  # late results are still shown

    def _health_changed(self, online: bool, detail: str) -> None:
        self.online = online
        self.onlineChanged.emit(online, detail)
