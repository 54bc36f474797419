"""The reader processes themselves: made here, possibly before anyone knows what they will read.

A worker process needs about a third of a second to start (a new interpreter importing numpy,
OpenCV and the reader). ``scfn scan`` spends about as long importing the database layer and
logging in before it knows the exam, and on a venue PC the login's password hash alone takes
a second. :func:`prestart` lets the command start its readers first, so that they are ready
when the first page is; :class:`omr.batch.PageReader` then adopts them (:func:`take`) instead
of starting its own. Nothing exam-specific goes into the processes at start: every page job
carries its layout, so one set of readers serves any exam.

This module imports only the standard library, and the package's ``__init__`` is lazy, so
starting readers costs the calling process a few milliseconds, not OpenCV's import.

Start method ``spawn`` everywhere: it is the only one on Windows and the only one safe from a
GUI whose other threads hold locks (``fork`` copies a Qt process mid-flight).
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

__all__ = ["Readers", "default_workers", "discard", "prestart", "take", "waiting"]


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _warm() -> None:
    """Initialiser of every worker: import the reader now, while nothing waits for a page."""
    import cv2

    cv2.setNumThreads(1)  # one process per core already: OpenCV's own threads would fight
    import scfn_desktop.omr.batch  # noqa: F401  (numpy, OpenCV, pypdfium2, the reader)


def _ping() -> bool:
    return True


@contextmanager
def _workers_skip_main_script() -> Iterator[None]:
    """While workers start, hide the path of the script that runs this process.

    ``spawn`` re-runs the parent's ``__main__`` script in every worker so that functions
    defined there can be unpickled. Ours are in the package, and the script is the ``scfn``
    console script, which imports the whole command line (SQLAlchemy, Alembic, reportlab:
    ~1 s and ~45 MB per worker, measured). A module run with ``-m`` (``__spec__`` set) and a
    frozen build are left alone: the first is light, the second is handled by
    ``freeze_support()``.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or getattr(main, "__spec__", None) is not None or getattr(
            sys, "frozen", False):
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


class Readers:
    """A pool of ``workers`` reader processes and the start-up ping of its first one.

    Every worker is started at once (one ping each: the executor otherwise starts a process
    per submitted job), so their imports run side by side and overlap the caller's work."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_warm)
        pings = [self.submit(_ping) for _ in range(workers)]
        #: The first ping: if even it fails, the workers cannot start here at all.
        self.ping: Future[bool] = pings[0]

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Submit (which may start a worker) without the workers re-running our script."""
        with _workers_skip_main_script():
            return self.executor.submit(fn, *args)

    def shutdown(self, wait: bool = True) -> None:
        self.executor.shutdown(wait=wait, cancel_futures=True)


_spare: Readers | None = None
_lock = threading.Lock()


def prestart(workers: int | None = None) -> None:
    """Start reader processes now for the next :class:`PageReader` of this process to adopt.

    Does nothing when readers are already waiting. If they cannot be started (an executable
    blocked by a security product), the reader that would have adopted them starts its own
    and falls back to reading in-process from there, as without this."""
    global _spare
    with _lock:
        if _spare is not None:
            return
        try:
            _spare = Readers(default_workers() if workers is None else max(1, workers))
        except (OSError, RuntimeError):  # never fatal here: the batch tries again, and falls
            _spare = None                 # back to reading in-process if workers cannot start


def take(workers: int) -> Readers | None:
    """The readers :func:`prestart` started, if they are ``workers`` strong; else None (and a
    spare of another size is shut down: the caller starts the size it asked for)."""
    global _spare
    with _lock:
        spare, _spare = _spare, None
    if spare is not None and spare.workers != workers:
        spare.shutdown(wait=False)
        return None
    return spare


def waiting() -> Readers | None:
    """The readers started ahead and not yet adopted, if any."""
    return _spare


def discard(wait: bool = False) -> None:
    """Shut down readers that were started and never adopted (a batch of a page or two is read
    in-process; a command that failed before reading)."""
    global _spare
    with _lock:
        spare, _spare = _spare, None
    if spare is not None:
        spare.shutdown(wait=wait)


atexit.register(discard)
