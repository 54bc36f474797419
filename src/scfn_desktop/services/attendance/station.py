"""Running the desk's database work off the GUI thread, with a deadline.

A scan is submitted with a deadline (2 s by default) and the function receives it: a worker
that picks the job up after the deadline does not start it, and the services check the
deadline again as the last step inside their transaction (`desk.before_deadline`) and roll back
when it has passed. So a scan the desk reported as "not recorded" is not stored later behind
the user's back, even when a hung connection comes back to life. (Only a commit already sent
when the network failed can still land; the next scan of that badge then says "already checked
in", never a silent second check-in.) Workers are daemon threads, so a hung connection never
keeps the application from closing.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from scfn_desktop.services.attendance.desk import NotRecorded

DEADLINE_S = 2.0


class NotStarted(NotRecorded):
    """The work waited past its deadline and was dropped: nothing was recorded."""


class StationWorkers:
    """A few daemon worker threads taking (deadline, function) jobs in order."""

    def __init__(self, workers: int = 2, name: str = "scfn-desk") -> None:
        self._jobs: queue.Queue[tuple[float, Callable[[float], Any], Future] | None] = \
            queue.Queue()
        self._threads = [threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True)
                         for i in range(workers)]
        self._closed = False
        for t in self._threads:
            t.start()

    def submit(self, fn: Callable[[float], Any], deadline_s: float = DEADLINE_S) -> Future:
        """Run `fn(deadline)` (deadline on the `time.monotonic()` clock) on a worker."""
        future: Future = Future()
        if self._closed:
            future.set_exception(NotStarted())
            return future
        self._jobs.put((time.monotonic() + deadline_s, fn, future))
        return future

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            deadline, fn, future = job
            if time.monotonic() > deadline or not future.set_running_or_notify_cancel():
                if not future.done():
                    future.set_exception(NotStarted())
                continue
            try:
                future.set_result(fn(deadline))
            except BaseException as exc:  # delivered to whoever waits on the future
                future.set_exception(exc)

    def close(self, wait_s: float = 2.0) -> None:
        """Stop taking work; idle workers end at once, a busy one when its call returns."""
        if self._closed:
            return
        self._closed = True
        for _ in self._threads:
            self._jobs.put(None)
        end = time.monotonic() + wait_s
        for t in self._threads:
            t.join(max(0.0, end - time.monotonic()))
