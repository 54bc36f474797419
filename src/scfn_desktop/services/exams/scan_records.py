"""Recording one scanned file's pages in the database, in one transaction.

Split from scanning.py (the pipeline that hashes, stores and reads the files) because this is
the part that knows the exam's rules for a sheet: foreign forms keep no marks, the QR number
wins over the grid, a disagreement or an unknown number is for the proctor to resolve, and a
second sheet for the same trainee is kept as 'duplicate'.

The 50-100 marks of a sheet are inserted with one executemany statement rather than as ORM
objects: the unit of work cost ~15 ms per sheet for rows nothing in the import reads back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from scfn_desktop.db import Database
from scfn_desktop.db.models.exams import ExamMark, ExamSheet, ScanFile, SheetDecision
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.omr.batch import PageResult
from scfn_desktop.omr.classify import DOUBTFUL
from scfn_desktop.omr.read import ERROR, SheetReading
from scfn_desktop.services import audit
from scfn_desktop.services.exams.setup import ExamView
from scfn_desktop.services.permissions import Actor

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


@dataclass(frozen=True)
class FileError:
    code: str
    ja: str
    en: str


def trainee_ids(db: Database, exam: ExamView) -> dict[str, int]:
    """受講番号 -> trainee id for the exam's run (read once per batch, not per file)."""
    with db.session() as s:
        return dict(s.execute(select(Trainee.trainee_number, Trainee.id)
                              .where(Trainee.run_id == exam.run_id)).all())


def record_file(db: Database, actor: Actor, exam: ExamView, path: Path, sha: str,
                stored: str, results: Sequence[PageResult], error: FileError | None = None,
                trainees: dict[str, int] | None = None) -> FileOutcome | None:
    """The file and every page read from it, with its audit entry, in one transaction.

    None when this exam already has the file: another station recorded it while it was being
    read (checked again under the write lock; the caller reports it as already imported)."""
    outcomes: list[SheetOutcome] = []
    digests: dict[str, str] = {}
    with db.transaction() as s:
        if s.scalar(select(ScanFile.id).where(ScanFile.exam_id == exam.id,
                                              ScanFile.sha256 == sha)) is not None:
            return None
        # The end of a very deep path (it holds the file name) fits the column: PostgreSQL
        # refuses over-long text where SQLite stores it.
        name = str(path)[-ScanFile.original_name.type.length:]
        scan = ScanFile(exam_id=exam.id, sha256=sha, original_name=name, stored_path=stored,
                        imported_by=actor.username)
        s.add(scan)
        s.flush()
        if trainees is None:
            trainees = dict(s.execute(select(Trainee.trainee_number, Trainee.id)
                                      .where(Trainee.run_id == exam.run_id)).all())
        for r in results:
            if r.failure == "file":
                error = error or FileError(r.error_code, r.error_ja, r.error_en)
                continue
            sheet, doubtful, marks = _record_page(s, exam, scan, r, trainees)
            outcomes.append(sheet_outcome(sheet, str(path), doubtful))
            digests[str(sheet.id)] = sheet_digest(sheet, marks)
            scan.pages = max(scan.pages, r.page)
        if error is not None:
            scan.error_code, scan.error_ja, scan.error_en = error.code, error.ja, error.en
        audit.record(s, actor, "scan.import", "scan_file", scan.id, after={
            "exam_id": exam.id, "file": str(path), "sha256": sha, "pages": scan.pages,
            "error": scan.error_code, "sheets": [[o.page, o.status, o.trainee_number]
                                                 for o in outcomes],
            "sheet_digests": digests})
    if error is not None:
        return FileOutcome(str(path), sha, "error", error.code, error.ja, error.en,
                           tuple(outcomes))
    return FileOutcome(str(path), sha, "imported", sheets=tuple(outcomes))


def sheet_outcome(sheet: ExamSheet, file: str, doubtful: tuple[int, ...] | None = None
                  ) -> SheetOutcome:
    """What the batch reports for a sheet (doubtful questions from the marks if not given)."""
    number = sheet.qr_number or sheet.grid_number
    if sheet.status not in ("ok", "duplicate") and "?" in number:
        number = ""
    if doubtful is None:
        doubtful = tuple(m.question for m in sheet.marks if m.machine_status == DOUBTFUL)
    return SheetOutcome(sheet.id, file, sheet.page, sheet.status, number, sheet.error_code,
                        sheet.error_ja, sheet.error_en, doubtful)


def sheet_digest(sheet: ExamSheet, marks: list[list] | None = None) -> str:
    """A short digest of what the reader stored for a sheet (whose it is, its status and every
    machine-read mark), recorded in the audit entry so that reconciliation notices a sheet or
    a mark edited in the database directly (services.admin.reconcile). ``marks`` are
    ``[question, machine_status, labels]`` when the sheet's marks were bulk-inserted (not
    loaded on the object); otherwise they are read from ``sheet.marks``."""
    if marks is None:
        marks = [[m.question, m.machine_status, json.loads(m.machine_labels_json or "[]")]
                 for m in sheet.marks]
    value = {"status": sheet.status, "trainee_id": sheet.trainee_id, "error": sheet.error_code,
             "qr": sheet.qr_number, "grid": sheet.grid_number, "marks": sorted(marks)}
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _record_page(s: Session, exam: ExamView, scan: ScanFile, result: PageResult,
                 trainees: dict[str, int]) -> tuple[ExamSheet, tuple[int, ...], list[list]]:
    # scan_file_id only: assigning the relationship would load scan.sheets (a query per page)
    sheet = ExamSheet(exam_id=exam.id, scan_file_id=scan.id, page=result.page, status="error")
    s.add(sheet)
    reading = result.reading
    if reading is None:  # no markers: not our form, or a blank page
        code = "blank_page" if result.blank else result.error_code
        ja, en = MESSAGES["blank_page"] if result.blank else (result.error_ja, result.error_en)
        _set_error(sheet, code, ja, en)
        s.flush()
        return sheet, (), []
    _fill_from_reading(sheet, reading)
    errors = [i for i in reading.issues if i.severity == ERROR]
    foreign = next((i for i in errors if i.code in FOREIGN_CODES), None)
    if foreign is not None:
        _set_error(sheet, foreign.code, foreign.message_ja, foreign.message_en)
        s.flush()
        return sheet, (), []
    _identify(s, exam, sheet, reading, errors, trainees)
    s.execute(insert(ExamMark), [
        {"sheet_id": sheet.id, "question": q.number, "machine_status": q.status,
         "machine_labels_json": json.dumps(list(q.answer), ensure_ascii=False),
         "fills_json": json.dumps({"raw": list(q.fills), "adjusted": list(q.adjusted),
                                   "reason": q.reason})}
        for q in reading.questions])
    marks = [[q.number, q.status, list(q.answer)] for q in reading.questions]
    return sheet, tuple(reading.doubtful_questions), marks


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
        "alignment": r.alignment.to_dict() if r.alignment is not None else None,
    }, ensure_ascii=False)


def _set_error(sheet: ExamSheet, code: str, ja: str, en: str, status: str = "error") -> None:
    sheet.status = status
    sheet.error_code, sheet.error_ja, sheet.error_en = code, ja, en


def _identify(s: Session, exam: ExamView, sheet: ExamSheet, r: SheetReading, errors: list,
              trainees: dict[str, int]) -> None:
    """QR first, else the number grid; disagreement is an error the proctor resolves by
    choosing the trainee. A second sheet for the same trainee is kept as 'duplicate'."""
    mismatch = next((i for i in errors if i.code == "number_mismatch"), None)
    if mismatch is not None:
        _set_error(sheet, mismatch.code, mismatch.message_ja, mismatch.message_en)
        s.flush()
        return
    if r.trainee_number is None:
        issue = next((i for i in errors), None)
        ja, en = (issue.message_ja, issue.message_en) if issue else (
            "受講番号が読み取れません。", "The trainee number cannot be read.")
        _set_error(sheet, issue.code if issue else "number_missing", ja, en, "unidentified")
        s.flush()
        return
    number = r.trainee_number
    trainee_id = trainees.get(number)
    if trainee_id is None:
        ja, en = MESSAGES["unknown_trainee"]
        _set_error(sheet, "unknown_trainee", ja.format(n=number), en.format(n=number))
        s.flush()
        return
    sheet.trainee_id = trainee_id
    s.flush()
    taken = s.scalar(select(ExamSheet.id).where(
        ExamSheet.exam_id == exam.id, ExamSheet.id != sheet.id,
        ExamSheet.status.in_(("ok", "duplicate")),
        (ExamSheet.trainee_id == trainee_id) | ExamSheet.id.in_(
            select(SheetDecision.sheet_id).where(SheetDecision.kind == "assign",
                                                 SheetDecision.trainee_id == trainee_id)),
    ).limit(1))
    if taken:
        ja, en = MESSAGES["duplicate"]
        _set_error(sheet, "duplicate", ja.format(n=number), en.format(n=number), "duplicate")
    else:
        sheet.status = "ok"
