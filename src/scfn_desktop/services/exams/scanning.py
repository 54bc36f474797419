"""Importing a batch of scanned answer forms.

Why it is shaped like this:

* Every file is stored by SHA-256 under ``<data>/scans/<sha[:2]>/<sha>.<ext>`` before reading,
  so the evidence is kept exactly as scanned and importing the same file again changes nothing
  (reported as 'already imported').
* One transaction per file: a file's pages are all recorded or none are. Cancelling (closing
  the generator) rolls back only the file being read; files already done stay done, and running
  the import again skips them by hash and continues with the rest.
* One bad file or page never stops the batch: every problem is recorded with a code and a
  Japanese and English message, and the sheet is kept so a person can see it.
* The upright, normalised page the reader produced is kept as PNG next to the scan, so the
  review screen shows crops and overlays without reading the scan again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from scfn_desktop import config
from scfn_desktop.db import Database
from scfn_desktop.db.models.exams import ExamMark, ExamSheet, ScanFile, SheetDecision
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.omr.images import ScanError, load_pages
from scfn_desktop.omr.layout import Layout
from scfn_desktop.omr.read import ERROR, NotOurFormError, SheetReading, read_sheet
from scfn_desktop.services import audit
from scfn_desktop.services.exams.setup import ExamView, exam_layout, get_exam
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen

SCAN_EXTENSIONS = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pdf"}

#: Reader issue codes that mean the marks belong to no question of this exam: keep no marks.
FOREIGN_CODES = ("qr_foreign", "layout_mismatch", "exam_mismatch", "blank_form")

MESSAGES: dict[str, tuple[str, str]] = {
    "unknown_trainee": ("受講番号 {n} の受講生はこの養成研修にいません。",
                        "No trainee {n} in this training run."),
    "duplicate": ("受講番号 {n} の解答用紙は既に読み込まれています（重複：採点する用紙を選んでください）。",
                  "Trainee {n} already has an answer form (duplicate: choose the one that counts)."),
    "blank_page": ("白紙のページです（裏面など）。", "Blank page (e.g. the back of a form)."),
    "already": ("読み込み済みのファイルです（変更なし）。", "Already imported (nothing changed)."),
}


@dataclass(frozen=True)
class SheetOutcome:
    sheet_id: int
    file: str
    page: int
    status: str  # ok / duplicate / unidentified / error
    trainee_number: str = ""
    error_code: str = ""
    error_ja: str = ""
    error_en: str = ""
    doubtful: tuple[int, ...] = ()


@dataclass(frozen=True)
class FileOutcome:
    file: str
    sha256: str
    status: str  # imported / already / error
    error_code: str = ""
    error_ja: str = ""
    error_en: str = ""
    sheets: tuple[SheetOutcome, ...] = ()


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
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def stored_path(sha: str, suffix: str) -> Path:
    """Relative to config.data_dir(): content-addressed, so one file is stored once."""
    return Path("scans") / sha[:2] / f"{sha}{suffix.lower() or '.bin'}"


def page_image_path(sheet: ExamSheet) -> Path:
    """The upright page the reader produced, kept for crops and overlays."""
    base = config.data_dir() / Path(sheet.scan_file.stored_path)
    return base.with_name(f"{base.stem}-p{sheet.page}.png")


def import_scans(db: Database, actor: Actor, exam_id: int,
                 paths: Sequence[str | Path]) -> ProgressGen[BatchResult]:
    """Read every file of the batch; yields progress per page, returns the BatchResult."""
    require(actor, Permission.SCAN_SHEETS)
    exam = get_exam(db, exam_id)
    layout = exam_layout(exam)
    files = expand_paths(paths)
    result = BatchResult(exam_id)
    yield Progress(0, len(files), "読み込みを開始します", "Starting the import")
    for i, path in enumerate(files):
        outcome = yield from _import_file(db, actor, exam, layout, path, i, len(files))
        result.files.append(outcome)
        yield Progress(i + 1, len(files), f"{path.name} を読み込みました",
                       f"Read {path.name}")
    return result


def _file_error(path: Path, sha: str, err: ScanError | OSError) -> FileOutcome:
    if isinstance(err, ScanError):
        return FileOutcome(str(path), sha, "error", err.error_code, err.message_ja, err.message_en)
    return FileOutcome(str(path), sha, "error", "file_unreadable",
                       f"ファイルを開けません: {path}（{err.strerror}）",
                       f"cannot open file: {path} ({err.strerror})")


def _import_file(db: Database, actor: Actor, exam: ExamView, layout: Layout, path: Path,
                 index: int, total: int) -> ProgressGen[FileOutcome]:
    try:
        sha = sha256_of(path)
    except OSError as err:
        return _file_error(path, "", err)
    with db.session() as s:
        existing = s.scalar(select(ScanFile).where(ScanFile.exam_id == exam.id,
                                                   ScanFile.sha256 == sha))
        if existing is not None:
            ja, en = MESSAGES["already"]
            return FileOutcome(str(path), sha, "already", "already", ja, en,
                               tuple(_outcome(sh, str(path)) for sh in existing.sheets))
    rel = stored_path(sha, path.suffix)
    target = config.data_dir() / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        tmp = target.with_suffix(target.suffix + ".part")
        shutil.copyfile(path, tmp)
        tmp.replace(target)
    sheets: list[SheetOutcome] = []
    with db.transaction() as s:
        # The end of a very deep path (it holds the file name) fits the column: PostgreSQL
        # refuses over-long text where SQLite stores it.
        name = str(path)[-ScanFile.original_name.type.length:]
        scan = ScanFile(exam_id=exam.id, sha256=sha, original_name=name,
                        stored_path=rel.as_posix(), imported_by=actor.username)
        s.add(scan)
        s.flush()
        trainees = {t.trainee_number: t for t in s.scalars(
            select(Trainee).where(Trainee.run_id == exam.run_id))}
        error: ScanError | None = None
        try:
            for page in load_pages(target):
                sheet = _record_page(s, exam, layout, scan, page.page_number, page.image, trainees)
                sheets.append(_outcome(sheet, str(path)))
                scan.pages = page.page_number
                yield Progress(index, total, f"{path.name} {page.page_number}ページ目",
                               f"{path.name} page {page.page_number}")
        except ScanError as err:
            error = err
            scan.error_code, scan.error_ja, scan.error_en = (err.error_code, err.message_ja,
                                                             err.message_en)
        audit.record(s, actor, "scan.import", "scan_file", scan.id, after={
            "exam_id": exam.id, "file": str(path), "sha256": sha, "pages": scan.pages,
            "error": scan.error_code, "sheets": [[o.page, o.status, o.trainee_number]
                                                 for o in sheets]})
    if error is not None:
        return FileOutcome(str(path), sha, "error", error.error_code, error.message_ja,
                           error.message_en, tuple(sheets))
    return FileOutcome(str(path), sha, "imported", sheets=tuple(sheets))


def _outcome(sheet: ExamSheet, file: str) -> SheetOutcome:
    number = sheet.qr_number or sheet.grid_number
    if sheet.status not in ("ok", "duplicate") and "?" in number:
        number = ""
    doubtful = tuple(m.question for m in sheet.marks if m.machine_status == "doubtful")
    return SheetOutcome(sheet.id, file, sheet.page, sheet.status, number, sheet.error_code,
                        sheet.error_ja, sheet.error_en, doubtful)


def _record_page(s: Session, exam: ExamView, layout: Layout, scan: ScanFile, page: int,
                 image: np.ndarray, trainees: dict[str, Trainee]) -> ExamSheet:
    sheet = ExamSheet(exam_id=exam.id, scan_file_id=scan.id, page=page, status="error")
    sheet.scan_file = scan
    s.add(sheet)
    try:
        reading = read_sheet(image, layout, expected_exam_id=str(exam.id))
    except NotOurFormError as err:
        blank = float(np.std(image)) < 6.0
        code = "blank_page" if blank else err.error_code
        sheet.error_code = code
        sheet.error_ja, sheet.error_en = MESSAGES["blank_page"] if blank else (err.message_ja,
                                                                               err.message_en)
        s.flush()
        return sheet
    _fill_from_reading(sheet, reading)
    errors = [i for i in reading.issues if i.severity == ERROR]
    foreign = next((i for i in errors if i.code in FOREIGN_CODES), None)
    if foreign is not None:
        _set_error(sheet, foreign.code, foreign.message_ja, foreign.message_en)
        s.flush()
        return sheet
    for q in reading.questions:
        sheet.marks.append(ExamMark(
            question=q.number, machine_status=q.status,
            machine_labels_json=json.dumps(list(q.answer), ensure_ascii=False),
            fills_json=json.dumps({"raw": list(q.fills), "adjusted": list(q.adjusted),
                                   "reason": q.reason})))
    _identify(s, exam, sheet, reading, errors, trainees)
    s.flush()
    if reading.warped is not None:
        path = page_image_path(sheet)
        ok, buf = cv2.imencode(".png", reading.warped)
        if ok:
            path.write_bytes(buf.tobytes())
    return sheet


def _fill_from_reading(sheet: ExamSheet, r: SheetReading) -> None:
    code = r.sheet_code
    sheet.qr_text = (r.qr_text or "")[:200]
    sheet.qr_number = code.trainee_number if code is not None else ""
    sheet.grid_number = r.number_from_grid[:16]
    sheet.grid_doubtful = r.number_doubtful
    sheet.reading_json = json.dumps({
        "thresholds": r.thresholds.to_dict(),
        "issues": [[i.code, i.severity, i.message_ja, i.message_en] for i in r.issues],
        "markers_found": list(r.markers_found),
        "upside_down": r.upside_down,
        "px_per_mm": r.px_per_mm,
    }, ensure_ascii=False)


def _set_error(sheet: ExamSheet, code: str, ja: str, en: str, status: str = "error") -> None:
    sheet.status = status
    sheet.error_code, sheet.error_ja, sheet.error_en = code, ja, en


def _identify(s: Session, exam: ExamView, sheet: ExamSheet, r: SheetReading, errors: list,
              trainees: dict[str, Trainee]) -> None:
    """QR first, else the number grid; disagreement is an error the proctor resolves by
    choosing the trainee. A second sheet for the same trainee is kept as 'duplicate'."""
    mismatch = next((i for i in errors if i.code == "number_mismatch"), None)
    if mismatch is not None:
        _set_error(sheet, mismatch.code, mismatch.message_ja, mismatch.message_en)
        return
    if r.trainee_number is None:
        issue = next((i for i in errors), None)
        ja, en = (issue.message_ja, issue.message_en) if issue else (
            "受講番号が読み取れません。", "The trainee number cannot be read.")
        _set_error(sheet, issue.code if issue else "number_missing", ja, en, "unidentified")
        return
    number = r.trainee_number
    trainee = trainees.get(number)
    if trainee is None:
        ja, en = MESSAGES["unknown_trainee"]
        _set_error(sheet, "unknown_trainee", ja.format(n=number), en.format(n=number))
        return
    sheet.trainee_id = trainee.id
    s.flush()
    taken = s.scalar(select(ExamSheet.id).where(
        ExamSheet.exam_id == exam.id, ExamSheet.id != sheet.id,
        ExamSheet.status.in_(("ok", "duplicate")),
        (ExamSheet.trainee_id == trainee.id) | ExamSheet.id.in_(
            select(SheetDecision.sheet_id).where(SheetDecision.kind == "assign",
                                                 SheetDecision.trainee_id == trainee.id)),
    ).limit(1))
    if taken:
        ja, en = MESSAGES["duplicate"]
        _set_error(sheet, "duplicate", ja.format(n=number), en.format(n=number), "duplicate")
    else:
        sheet.status = "ok"
