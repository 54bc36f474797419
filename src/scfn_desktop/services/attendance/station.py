"""Running the desk's database work off the GUI thread, with a deadline.

A scan is submitted with a deadline (2 s by default): a worker that picks it up after the
deadline refuses to start it, so a scan the desk already reported as "not recorded" can never
be stored later behind the user's back. The one exception is a scan already inside its
transaction when the network went away: if it commits after all, its future still completes
and the desk shows it ("recorded after all") - never a silent change. Workers are daemon
threads so a hung connection never keeps the application from closing.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from scfn_desktop.services.errors import ServiceError

DEADLINE_S = 2.0


class NotStarted(ServiceError):
    """The work waited past its deadline and was dropped: nothing was recorded."""

    def __init__(self) -> None:
        super().__init__("データベースの応答がないため記録していません。紙の受付表に記入してください。",
                         "The database did not answer in time, so nothing was recorded. Use "
                         "the paper sign-in sheet.")


class StationWorkers:
    """A few daemon worker threads taking (deadline, function) jobs in order."""

    def __init__(self, workers: int = 2, name: str = "scfn-desk") -> None:
        self._jobs: queue.Queue[tuple[float, Callable[[], Any], Future] | None] = queue.Queue()
        self._threads = [threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True)
                         for i in range(workers)]
        self._closed = False
        for t in self._threads:
            t.start()

    def submit(self, fn: Callable[[], Any], deadline_s: float = DEADLINE_S) -> Future:
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
                future.set_result(fn())
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
