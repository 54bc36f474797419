"""The hot folder: import each scan as the scanner writes it into its output folder.

Results are ready seconds after the last sheet leaves the scanner, instead of after a
separate import of the whole pile. The rules, because a scanner writes files while we look:

* **A file is read only once it is complete**: its size and modification time have not
  changed for ``settle`` seconds (and it is not empty), and it can be opened for reading
  (Windows keeps a file being written locked). A scanner that writes ``scan.tmp`` and renames
  it into place gives a complete file at once; one that writes the final name in chunks is
  waited for. Names without a scan extension (``.tmp``, ``.part``) and hidden files are never
  looked at.
* **Never twice**: a file handled once is not looked at again unless its content changes
  (then its new content is imported; identical content is 'already imported' by hash, as
  for any import). Files already in the folder when watching starts are imported too, which
  is safe for the same reason.
* The loop is a progress generator like every long action (Qt-free): the CLI runs it until
  Ctrl-C or ``idle_exit`` seconds without a new file; the scanning page runs it through the
  worker adapter and stops it by cancelling. It yields a :class:`WatchProgress` for every
  file imported and a heartbeat every poll, so a cancel is seen within ``poll`` seconds.
* One :class:`ScanImporter` (and so one set of reader processes) serves the whole session.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scfn_desktop.db import Database
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.exams.scan_records import FileOutcome
from scfn_desktop.services.exams.scanning import BatchResult, ScanImporter, expand_paths
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen

POLL_SECONDS = 1.0
SETTLE_SECONDS = 2.0


@dataclass(frozen=True)
class WatchProgress(Progress):
    """Progress of the hot folder; ``outcome`` is set when a file has just been imported."""

    outcome: FileOutcome | None = None


def _can_open(path: Path) -> bool:
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False


def watch_folder(db: Database, actor: Actor, exam_id: int, folder: str | Path, *,
                 poll: float = POLL_SECONDS, settle: float = SETTLE_SECONDS,
                 workers: int | None = None, idle_exit: float | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> ProgressGen[BatchResult]:
    """Import every complete scan file that appears in ``folder`` until stopped (closing the
    generator) or, with ``idle_exit``, after that many seconds without a new file."""
    require(actor, Permission.SCAN_SHEETS)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationFailed(f"監視するフォルダーがありません: {folder}",
                               f"The folder to watch does not exist: {folder}")
    result = BatchResult(exam_id)
    handled: dict[Path, tuple[int, int]] = {}  # path -> (size, mtime) when it was imported
    changing: dict[Path, tuple[tuple[int, int], float]] = {}  # path -> (signature, since)
    with ScanImporter(db, actor, exam_id, workers) as importer:
        yield WatchProgress(0, 0, f"フォルダーの監視を開始しました: {folder}",
                            f"Watching {folder}")
        last_new = clock()
        while True:
            now = clock()
            ready: list[Path] = []
            present = set(expand_paths([folder]))
            for path in sorted(present):
                try:
                    st = path.stat()
                except OSError:
                    continue
                sig = (st.st_size, st.st_mtime_ns)
                if handled.get(path) == sig:
                    continue
                seen = changing.get(path)
                if seen is None or seen[0] != sig:
                    changing[path] = (sig, now)  # new or still being written: wait
                elif now - seen[1] >= settle and st.st_size > 0 and _can_open(path):
                    ready.append(path)
            for gone in set(changing) - present:
                del changing[gone]
            if ready:
                outcomes = yield from importer.import_files(ready)
                for path, outcome in zip(ready, outcomes, strict=True):
                    handled[path] = changing.pop(path)[0]
                    result.files.append(outcome)
                    yield WatchProgress(len(result.files), 0,
                                        f"{path.name} を読み込みました", f"Read {path.name}",
                                        outcome)
                last_new = clock()
                continue
            if idle_exit is not None and clock() - last_new >= idle_exit:
                return result
            yield WatchProgress(len(result.files), 0, "スキャンを待っています…",
                                "Waiting for scans…")
            sleep(poll)
