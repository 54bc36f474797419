"""Reading the pages of many scan files on every core: a bounded pool of worker processes.

Decoding a 300 dpi PNG (~75 ms) and reading the sheet (~25 ms) hold the CPU and the GIL, so
threads cannot share them out; worker processes can. Pages are shared out to them here, and
nothing else about them leaks out:

* **The processes are** ``omr.pool``'s: started with ``spawn`` (Windows' only method, and
  the only one safe from a GUI), importing only this engine, never Qt or the database, and
  possibly started before the batch was known (``pool.prestart``), so every job carries its
  exam's layout. A frozen (PyInstaller) build works because the entry points call
  ``multiprocessing.freeze_support()``.
* **Bounded in flight.** :meth:`PageReader.run` pulls jobs lazily and keeps at most
  ``2 x workers`` pages submitted, so memory stays flat whatever the batch size (a worker
  holds one decoded page at a time; a multi-page TIFF or PDF is decoded page by page).
* **Results in order.** Pages come back in the order their jobs were given, so the caller
  can write one file at a time, in one transaction, as today.
* **A crashing worker costs one page, not the batch.** If a worker process dies (a decoder
  crash on a hostile file, or killed), the pool is rebuilt and every page that was in flight
  is read again, one at a time from then on; a page that kills a worker twice is reported as
  ``reader_crashed``.
* ``workers=0`` reads in the calling process: no start-up cost for a file or two, and what
  the unit tests use.

Each worker also writes the upright page image for the review screen (JPEG, quality 90:
5 ms instead of 30 ms for PNG, a quarter of the size; the original scan is kept as is).
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import cv2
import numpy as np

from .images import ScanError
from .layout import Layout
from .pages import load_page
from .pool import Readers, default_workers, take
from .read import NotOurFormError, SheetReading, read_sheet

__all__ = ["PageJob", "PageReader", "PageResult", "default_workers", "read_page"]

log = logging.getLogger(__name__)

PAGE_IMAGE_QUALITY = 90
BLANK_PAGE_STD = 6.0  # a page without markers this flat is paper (e.g. a form's back)


@dataclass(frozen=True)
class PageJob:
    path: str  # the file to read (the import's stored copy)
    page: int  # 1-based
    image_out: str | None = None  # where to write the upright page image, if anywhere
    key: object = None  # the caller's, handed back with the result
    label: str | None = None  # how messages name the file (the scanner's name, not the copy)


@dataclass(frozen=True)
class PageResult:
    page: int
    reading: SheetReading | None = None  # without images (see PageJob.image_out)
    #: "file" (the file cannot be decoded), "page" (not a form / blank) or "" (read)
    failure: str = ""
    error_code: str = ""
    error_ja: str = ""
    error_en: str = ""
    blank: bool = False
    cpu_seconds: float = 0.0


def read_page(job: PageJob, layout: Layout, expected_exam_id: str | None) -> PageResult:
    """Decode and read one page; every problem becomes a result, never an exception."""
    c0 = time.process_time()
    try:
        image = load_page(job.path, job.page, label=job.label)
    except ScanError as err:
        return PageResult(job.page, None, "file", err.error_code, err.message_ja, err.message_en)
    try:
        reading = read_sheet(image, layout, expected_exam_id)
    except NotOurFormError as err:
        blank = float(np.std(image)) < BLANK_PAGE_STD
        return PageResult(job.page, None, "page", err.error_code, err.message_ja,
                          err.message_en, blank=blank, cpu_seconds=time.process_time() - c0)
    if job.image_out is not None and reading.warped is not None:
        ok, buf = cv2.imencode(".jpg", reading.warped,
                               [cv2.IMWRITE_JPEG_QUALITY, PAGE_IMAGE_QUALITY])
        if ok:
            tmp = f"{job.image_out}.{os.getpid()}.part"
            # owner-only from the start: a page image shows a trainee's name and answers
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                         0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(buf.tobytes())
            os.replace(tmp, job.image_out)
    return PageResult(job.page, reading.with_page_image(None),
                      cpu_seconds=time.process_time() - c0)


# --- worker processes ---------------------------------------------------------------------

#: Layouts a worker has parsed, by their JSON: every job carries its exam's layout (so readers
#: started before the exam was known, or serving a second exam, need nothing else).
_layouts: dict[str, Layout] = {}


def _work(layout_json: str, expected_exam_id: str | None, path: str, page: int,
          image_out: str | None, label: str | None) -> PageResult:
    layout = _layouts.get(layout_json)
    if layout is None:
        if len(_layouts) >= 4:
            _layouts.clear()
        layout = _layouts[layout_json] = Layout.from_json(layout_json)
    return read_page(PageJob(path, page, image_out, label=label), layout, expected_exam_id)


class PageReader:
    """Reads pages in ``workers`` processes (0: in this process). Use as a context manager,
    so the processes end with the batch, also when it is cancelled."""

    def __init__(self, layout: Layout, expected_exam_id: str | None = None,
                 workers: int | None = None) -> None:
        self.layout = layout
        self.expected_exam_id = expected_exam_id
        self.workers = default_workers() if workers is None else max(0, workers)
        self._layout_json = layout.to_json()
        self._pool: Readers | None = None
        self.restarts = 0
        #: The workers could not even start (a broken install, a frozen build without
        #: freeze_support, a security product killing them): the rest is read in-process.
        self.fell_back = False

    def __enter__(self) -> PageReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _readers(self) -> Readers:
        """The worker processes: those started ahead for this process (``pool.prestart``),
        else new ones. Their start-up pings run first (the queue is FIFO): if even these
        fail, the workers never worked."""
        if self._pool is None:
            self._pool = take(self.workers) or Readers(self.workers)
        return self._pool

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False)
        self._pool = None
        self.restarts += 1

    def run(self, jobs: Iterable[PageJob]) -> Iterator[tuple[PageJob, PageResult]]:
        """(job, result) for every job, in the jobs' order, with at most 2 x workers pages
        in flight; ``jobs`` is consumed lazily, just ahead of the reading."""
        source = iter(jobs)
        limit = 2 * self.workers
        queue: deque[_Slot] = deque()  # in the jobs' order
        exhausted = False
        while True:
            if self.workers == 0:  # in-process: from the start, or after the workers failed
                for slot in queue:
                    f = slot.future
                    done = f is not None and f.done() and not f.cancelled() and not f.exception()
                    yield slot.job, (f.result() if done and f is not None else
                                     read_page(slot.job, self.layout, self.expected_exam_id))
                for job in source:
                    yield job, read_page(job, self.layout, self.expected_exam_id)
                return
            if not exhausted and len(queue) < limit:
                job = next(source, None)  # the caller stores the page's file now
                if job is None:
                    exhausted = True
                else:
                    queue.append(_Slot(job))
            if not queue:
                return
            head = queue[0]
            try:
                full = exhausted or len(queue) >= limit
                self._pump(queue, limit, wait=full)
                if not full:
                    continue  # each page goes to a reader as soon as its file is ready
                assert head.future is not None
                result = head.future.result()
            except BrokenProcessPool:
                self._recover(queue)
                limit = 1  # from now on one page at a time: the next crash names its page
                continue
            except OSError:
                # The pool cannot even be made: its resource tracker, a process of the same
                # executable, died at once (a blocked executable) and the pipe to it broke.
                self._restart()
                self.workers, self.fell_back = 0, True
                log.warning("scan reader processes could not start; reading in this process")
                continue
            queue.popleft()
            yield head.job, result

    def _pump(self, queue: deque[_Slot], limit: int, wait: bool = True) -> None:
        """Submit waiting pages, in order, while fewer than ``limit`` are in flight.

        A new pool's start-up ping is waited for before its first page, so a page that
        crashes a worker is never mistaken for workers that cannot start (and then read in
        this process, where it would crash the application). Without ``wait``, pages are
        left waiting while the readers start, and the caller prepares more meanwhile."""
        if all(slot.future is not None for slot in queue):
            return
        readers = self._readers()
        if not readers.ping.done():
            if not wait:
                return
            readers.ping.result()  # BrokenProcessPool when the workers cannot start
        busy = sum(1 for slot in queue if slot.future is not None and not slot.future.done())
        for slot in queue:
            if busy >= limit:
                return
            if slot.future is None:
                job = slot.job
                slot.future = readers.submit(_work, self._layout_json, self.expected_exam_id,
                                             job.path, job.page, job.image_out, job.label)
                busy += 1

    def _recover(self, queue: deque[_Slot]) -> None:
        """The pool died: every page it had not finished is read again, alone (see run());
        one that was already being read alone when a worker died is reported instead. If the
        pool never ran even its start-up ping, workers cannot start here: read in-process."""
        ping = self._pool.ping if self._pool is not None else None
        never_worked = ping is None or not ping.done() or ping.cancelled() or (
            ping.exception() is not None)
        self._restart()
        if never_worked:
            self.workers, self.fell_back = 0, True
            log.warning("scan reader processes could not start; reading in this process")
            return
        for slot in queue:
            f = slot.future
            if f is None or (f.done() and not f.cancelled() and f.exception() is None):
                continue  # not started yet, or finished before the crash: keep it
            if slot.alone:
                slot.future = _failed(slot.job)
            else:
                slot.future, slot.alone = None, True


@dataclass
class _Slot:
    job: PageJob
    future: Future[PageResult] | None = None
    alone: bool = False  # read again after a crash, with nothing else in flight


def _failed(job: PageJob) -> Future[PageResult]:
    future: Future[PageResult] = Future()
    future.set_result(PageResult(
        job.page, None, "file", "reader_crashed",
        f"このページを読み取る処理が異常終了しました（2回）: {job.path} {job.page}ページ目",
        f"reading this page crashed the reader twice: {job.path} page {job.page}"))
    return future
