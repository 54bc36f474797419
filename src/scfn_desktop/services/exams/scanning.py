"""Importing a batch of scanned answer forms.

Why it is shaped like this:

* Every file is stored by SHA-256 under ``<data>/scans/<sha[:2]>/<sha>.<ext>`` before reading,
  so the evidence is kept exactly as scanned and importing the same file again changes nothing
  (reported as 'already imported').
* Pages are decoded and read on every core (``omr.batch.PageReader``: worker processes, at
  most two pages per core in flight), while this process hashes and stores the next files and
  writes the finished ones. The database is written by this process only, one transaction per
  file, in the batch's order: a file's pages are all recorded or none are.
* Cancelling (closing the generator) stops after the file being written; files already done
  stay done, and running the import again skips them by hash and continues with the rest.
* One bad file or page never stops the batch: every problem is recorded with a code and a
  Japanese and English message, and the sheet is kept so a person can see it.
* The upright, normalised page the reader produced is kept as a JPEG next to the scan (written
  by the worker that read it), so the review screen shows crops and overlays without reading
  the scan again.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from scfn_desktop import config
from scfn_desktop.db import Database
from scfn_desktop.db.models.exams import ExamSheet, ScanFile
from scfn_desktop.omr.batch import PageJob, PageReader, PageResult, default_workers
from scfn_desktop.omr.images import ScanError
from scfn_desktop.omr.pages import page_count
from scfn_desktop.services.exams.scan_records import (
    FOREIGN_CODES,
    MESSAGES,
    FileError,
    FileOutcome,
    SheetOutcome,
    record_file,
    sheet_digest,
    sheet_outcome,
    trainee_ids,
)
from scfn_desktop.services.exams.setup import exam_layout, get_exam
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen

__all__ = ["FOREIGN_CODES", "MESSAGES", "BatchResult", "FileOutcome", "ScanImporter",
           "SheetOutcome", "expand_paths", "sheet_digest", "import_scans", "page_image_path", "sha256_of",
           "stored_path"]

SCAN_EXTENSIONS = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pdf"}
#: A batch this small is read in this process: starting workers would cost more.
INLINE_PAGES = 2


@dataclass
class BatchResult:
    exam_id: int
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def sheets(self) -> list[SheetOutcome]:
        return [s for f in self.files for s in f.sheets]

    @property
    def has_unreadable(self) -> bool:
        """True when a file or page could not be read as a sheet of this exam."""
        return any(f.status == "error" for f in self.files) or any(
            s.status == "error" for s in self.sheets)

    @property
    def sheets_read(self) -> list[SheetOutcome]:
        """The sheets read in this run: an already imported file's sheets were read before."""
        return [s for f in self.files if f.status != "already" for s in f.sheets]

    @property
    def already_imported(self) -> int:
        """Files skipped because the same file was imported before (nothing changed)."""
        return sum(1 for f in self.files if f.status == "already")

    def count(self, status: str) -> int:
        """Sheets with this status among those read in this run (so importing a folder again
        reports what happened this time, not the sheets of the first import)."""
        return sum(1 for s in self.sheets_read if s.status == status)


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Folders give their scan files (sorted, recursive, hidden files skipped); files named
    explicitly are always taken, so a wrongly named file is reported instead of ignored."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SCAN_EXTENSIONS
                and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def sha256_of(path: Path) -> str:
    return config.sha256_file(path)


def stored_path(sha: str, suffix: str) -> Path:
    """Relative to config.data_dir(): content-addressed, so one file is stored once."""
    return Path("scans") / sha[:2] / f"{sha}{suffix.lower() or '.bin'}"


def _page_image(stored: Path, page: int, suffix: str = ".jpg") -> Path:
    base = config.data_dir() / stored
    return base.with_name(f"{base.stem}-p{page}{suffix}")


def _lost(plan: _Plan) -> FileOutcome:
    """Seen under the write lock yet gone a moment later (deleted by hand): say so."""
    return FileOutcome(str(plan.path), plan.sha, "error", "file_unreadable",
                       f"別の端末が記録したファイルが見つかりません: {plan.path}",
                       f"recorded by another station, then not found: {plan.path}")


def page_image_path(sheet: ExamSheet) -> Path:
    """The upright page the reader produced, kept for crops and overlays (a JPEG; pages
    imported before it was one are PNG)."""
    stored = Path(sheet.scan_file.stored_path)
    path = _page_image(stored, sheet.page)
    older = _page_image(stored, sheet.page, ".png")
    return older if not path.exists() and older.exists() else path


def import_scans(db: Database, actor: Actor, exam_id: int, paths: Sequence[str | Path],
                 workers: int | None = None) -> ProgressGen[BatchResult]:
    """Read every file of the batch; yields progress per page, returns the BatchResult.

    ``workers``: reader processes (None: one per core, or none for a batch of a page or
    two; 0: read in this process)."""
    require(actor, Permission.SCAN_SHEETS)
    files = expand_paths(paths)
    if workers is None and _few_pages(files):
        workers = 0
    result = BatchResult(exam_id)
    with ScanImporter(db, actor, exam_id, workers) as importer:
        yield Progress(0, len(files), "読み込みを開始します", "Starting the import")
        result.files.extend((yield from importer.import_files(files)))
    return result


def _few_pages(files: list[Path]) -> bool:
    if len(files) > INLINE_PAGES:
        return False
    total = 0
    for f in files:
        try:
            total += page_count(f)
        except (ScanError, OSError):
            total += 1
    return total <= INLINE_PAGES


@dataclass
class _Plan:
    """One file of the batch on its way through: prepared here, read by the workers."""

    path: Path
    sha: str = ""
    stored: Path | None = None
    pages: int = 0
    ready: FileOutcome | None = None  # decided without reading: already imported, unreadable
    error: FileError | None = None  # the file could not even be opened as an image
    results: list[PageResult] = field(default_factory=list)
    #: Same content as an earlier file of this batch: 'already imported' once that one is.
    copy_of_earlier: bool = False


class ScanImporter:
    """The scanning pipeline of one exam. Keeps its reader processes between calls of
    :meth:`import_files`, so a hot folder pays their start-up once."""

    def __init__(self, db: Database, actor: Actor, exam_id: int,
                 workers: int | None = None) -> None:
        require(actor, Permission.SCAN_SHEETS)
        self.db, self.actor = db, actor
        self.exam = get_exam(db, exam_id)
        self.reader = PageReader(exam_layout(self.exam), str(self.exam.id),
                                 default_workers() if workers is None else workers)
        self._planned: set[str] = set()  # contents stored and read by this importer
        self._trainees: dict[str, int] | None = None

    def __enter__(self) -> ScanImporter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.reader.close()

    def import_files(self, files: Sequence[Path]) -> ProgressGen[list[FileOutcome]]:
        """Prepare, read and record ``files`` in order; yields progress, returns outcomes."""
        total, done = len(files), 0
        plans: deque[_Plan] = deque()
        outcomes: list[FileOutcome] = []
        self._trainees = trainee_ids(self.db, self.exam)  # the roster as of this batch

        def jobs() -> Iterator[PageJob]:
            for path in files:
                plan = self._prepare(path)
                plans.append(plan)
                for page in range(1, plan.pages + 1):
                    assert plan.stored is not None
                    yield PageJob(str(config.data_dir() / plan.stored), page,
                                  str(_page_image(plan.stored, page)), plan, str(plan.path))

        def finish(plan: _Plan) -> Progress:
            nonlocal done
            if plan.copy_of_earlier:
                plan.ready = self._already(plan.path, plan.sha)
            outcomes.append(plan.ready or self._record(plan))
            done += 1
            return Progress(done, total, f"{plan.path.name} を読み込みました",
                            f"Read {plan.path.name}")

        for job, page_result in self.reader.run(jobs()):
            plan = job.key
            while plans[0] is not plan:  # files before it that needed no reading
                yield finish(plans.popleft())
            plan.results.append(page_result)
            yield Progress(done, total, f"{plan.path.name} {job.page}ページ目",
                           f"{plan.path.name} page {job.page}")
            if len(plan.results) == plan.pages:
                yield finish(plans.popleft())
        while plans:
            yield finish(plans.popleft())
        return outcomes

    def _prepare(self, path: Path) -> _Plan:
        """Hash, skip if already imported, store, count pages: all before any reading."""
        try:
            sha = sha256_of(path)
        except OSError as err:
            return _Plan(path, ready=FileOutcome(
                str(path), "", "error", "file_unreadable",
                f"ファイルを開けません: {path}（{err.strerror}）",
                f"cannot open file: {path} ({err.strerror})"))
        if sha in self._planned:  # the same scan twice in one batch (copied, renamed)
            return _Plan(path, sha, copy_of_earlier=True)
        already = self._already(path, sha)
        if already is not None:
            return _Plan(path, sha, ready=already)
        self._planned.add(sha)
        rel = stored_path(sha, path.suffix)
        target = config.data_dir() / rel
        config.private_folder(target.parent)
        if not target.exists():
            # A name of its own: two imports of the same file at once must not share one.
            tmp = target.with_name(f"{target.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
            shutil.copyfile(path, tmp)
            config.make_private(tmp)  # scans hold names and answers: owner-only
            tmp.replace(target)
        try:
            pages = page_count(target, label=str(path))
        except ScanError as err:
            return _Plan(path, sha, rel, error=FileError(err.error_code, err.message_ja,
                                                         err.message_en))
        return _Plan(path, sha, rel, pages)

    def _already(self, path: Path, sha: str) -> FileOutcome | None:
        """The outcome of a file whose content this exam already has, or None."""
        with self.db.session() as s:
            known = s.scalar(select(ScanFile.id).where(ScanFile.exam_id == self.exam.id,
                                                       ScanFile.sha256 == sha))
            if known is None:  # the usual case, answered without loading anything
                return None
            existing = s.scalar(select(ScanFile).where(ScanFile.id == known).options(
                selectinload(ScanFile.sheets).selectinload(ExamSheet.marks)))
            ja, en = MESSAGES["already"]
            return FileOutcome(str(path), sha, "already", "already", ja, en,
                               tuple(sheet_outcome(sh, str(path)) for sh in existing.sheets))

    def _record(self, plan: _Plan) -> FileOutcome:
        """One transaction. If another station recorded the same content meanwhile (the
        unique hash refuses the second), this file is 'already imported' like any re-import."""
        assert plan.stored is not None
        try:
            recorded = record_file(self.db, self.actor, self.exam, plan.path, plan.sha,
                                   plan.stored.as_posix(), plan.results, plan.error,
                                   self._trainees)
        except IntegrityError:
            already = self._already(plan.path, plan.sha)
            if already is None:
                raise
            return already
        return recorded or self._already(plan.path, plan.sha) or _lost(plan)
