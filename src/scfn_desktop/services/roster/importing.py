"""Importing the roster from .xlsx / .csv / .json: preview first, then apply.

`preview_import` parses and validates without writing, so the GUI can show every bad row (with
the row number the spreadsheet shows) and the counts of new/changed/unchanged trainees before
anyone commits. `apply_import` is one transaction: all rows or none by default, or only the
good rows with `skip_bad_rows`. The 受講番号 is the key: importing the same file twice changes
nothing and writes no audit entries; a changed row updates the trainee with an audit entry
holding the changed fields before and after. Trainees absent from the file are left alone
(an import adds and updates; it never deletes), and a column absent from the file leaves that
field as stored.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.services import audit
from scfn_desktop.services.errors import ServiceError, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.roster.fields import LABELS, clean_record
from scfn_desktop.services.roster.reading import Table, field_for_header, read_table
from scfn_desktop.services.roster.trainees import apply_values, diff, trainee_values
from scfn_desktop.services.runs.training_runs import require_open

NEW, CHANGED, UNCHANGED, INVALID = "new", "changed", "unchanged", "error"


@dataclass(frozen=True)
class RowError:
    row_number: int
    field: str
    message_ja: str
    message_en: str

    def text(self, language: str = "ja") -> str:
        if language == "ja":
            return f"行 {self.row_number}: {self.message_ja}"
        return f"Row {self.row_number}: {self.message_en}"


@dataclass(frozen=True)
class ParsedRow:
    row_number: int
    values: dict[str, Any]
    errors: tuple[RowError, ...] = ()
    status: str = NEW  # after classification against the database
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    sheet: str
    encoding: str
    columns: tuple[tuple[str, str | None], ...]  # (header as written, field or None=ignored)
    rows: tuple[ParsedRow, ...]
    warnings: tuple[tuple[str, str], ...]  # (ja, en)
    run_id: int | None = None

    @property
    def errors(self) -> list[RowError]:
        return [e for r in self.rows for e in r.errors]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {s: self.count(s) for s in (NEW, CHANGED, UNCHANGED, INVALID)}


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped: int
    organisations_created: int
    errors: tuple[RowError, ...]
    warnings: tuple[tuple[str, str], ...]


class ImportRejected(ValidationFailed):
    """Bad rows and no `skip_bad_rows`: nothing was written. `preview` holds every row error."""

    def __init__(self, preview: ImportPreview) -> None:
        errors = preview.errors
        bad_rows = len({e.row_number for e in errors})
        super().__init__(
            f"ファイル「{preview.path.name}」の {bad_rows} 行に誤りがあるため、何も取り込んでいません。",
            f"File '{preview.path.name}': {bad_rows} row(s) have errors, so nothing was imported.",
            [e.text("ja") for e in errors],
        )
        self.preview = preview


def _map_columns(table: Table) -> tuple[dict[int, str], list[tuple[str, str | None]],
                                         list[tuple[str, str]]]:
    by_index: dict[int, str] = {}
    columns: list[tuple[str, str | None]] = []
    warnings: list[tuple[str, str]] = []
    for i, header in enumerate(table.header):
        if not header:
            continue
        fld = field_for_header(header)
        if fld is not None and fld in by_index.values():
            warnings.append((f"列「{header}」は同じ項目の列が前にあるため無視します。",
                             f"Column '{header}' repeats an earlier column and is ignored."))
            fld = None
        elif fld is None:
            warnings.append((f"列「{header}」は使わないため無視します。",
                             f"Column '{header}' is not used and is ignored."))
        else:
            by_index[i] = fld
        columns.append((header, fld))
    return by_index, columns, warnings


def _check_required(path: Path, table: Table, fields: set[str]) -> None:
    missing = [k for k in ("trainee_number", "full_name", "organisation", "prefecture")
               if k not in fields and not (k == "full_name" and "family_name" in fields)]
    if missing:
        ja = "、".join(LABELS[k][0] for k in missing)
        en = ", ".join(LABELS[k][1] for k in missing)
        sheet_ja = f"（シート「{table.sheet}」）" if table.sheet else ""
        sheet_en = f" (sheet '{table.sheet}')" if table.sheet else ""
        raise ServiceError(f"ファイル「{path.name}」{sheet_ja}に必要な列がありません: {ja}",
                           f"File '{path.name}'{sheet_en} lacks required columns: {en}")


def _parse(path: Path) -> ImportPreview:
    table = read_table(path)
    by_index, columns, warnings = _map_columns(table)
    _check_required(path, table, set(by_index.values()))
    if table.sheet:
        warnings.insert(0, (f"シート「{table.sheet}」を読み込みました。",
                            f"Read sheet '{table.sheet}'."))
    rows: list[ParsedRow] = []
    for number, cells in table.rows:
        if all(str(c).strip() == "" for c in cells):
            continue
        raw = {fld: cells[i] if i < len(cells) else "" for i, fld in by_index.items()}
        values, problems = clean_record(raw)
        errors = tuple(RowError(number, p.field, p.message_ja, p.message_en) for p in problems)
        rows.append(ParsedRow(number, values, errors, INVALID if errors else NEW))
    if not rows:
        warnings.append(("データ行がありません。", "The file has no data rows."))
    return ImportPreview(path, table.sheet, table.encoding, tuple(columns),
                         tuple(_mark_duplicates(rows)), tuple(warnings))


def _mark_duplicates(rows: list[ParsedRow]) -> list[ParsedRow]:
    """Every row of a repeated 受講番号 is bad: keeping the first would be a guess."""
    seen: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        if r.values.get("trainee_number"):
            seen[str(r.values["trainee_number"])].append(r.row_number)
    out = []
    for r in rows:
        numbers = seen.get(str(r.values.get("trainee_number", "")), [])
        if len(numbers) > 1:
            others = [str(n) for n in numbers if n != r.row_number]
            num = r.values["trainee_number"]
            err = RowError(r.row_number, "trainee_number",
                           f"受講番号 {num} が行 {', '.join(others)} と重複しています。",
                           f"Trainee number {num} is repeated on row(s) {', '.join(others)}.")
            r = replace(r, errors=(*r.errors, err), status=INVALID)
        out.append(r)
    return out


def _classify(preview: ImportPreview, existing: dict[str, dict[str, Any]],
              run_id: int | None) -> ImportPreview:
    rows = []
    for r in preview.rows:
        if r.status != INVALID:
            target = {**r.values, **({"run_id": run_id} if run_id is not None else {})}
            before = existing.get(str(r.values["trainee_number"]))
            if before is None:
                r = replace(r, status=NEW, before={}, after=target)
            else:
                old, new = diff(before, {**before, **target})
                r = replace(r, status=CHANGED if new else UNCHANGED, before=old, after=new)
        rows.append(r)
    return replace(preview, rows=tuple(rows), run_id=run_id)


def _existing(s, numbers: list[str]) -> dict[str, Trainee]:  # type: ignore[no-untyped-def]
    stmt = (select(Trainee).options(selectinload(Trainee.organisation))
            .where(Trainee.trainee_number.in_(numbers)))
    return {t.trainee_number: t for t in s.scalars(stmt)}


def preview_import(path: str | Path, db: Database | None = None,
                   run_id: int | None = None) -> ImportPreview:
    """Parse and validate; with `db`, also sort rows into new / changed / unchanged (without
    it every valid row counts as new). Never writes."""
    preview = _parse(Path(path))
    if db is None:
        return preview
    numbers = [str(r.values["trainee_number"]) for r in preview.rows if r.status != INVALID]
    with db.session() as s:
        existing = {n: trainee_values(t) for n, t in _existing(s, numbers).items()}
    return _classify(preview, existing, run_id)


def apply_import(db: Database, actor: Actor, source: str | Path | ImportPreview,
                 skip_bad_rows: bool = False, run_id: int | None = None) -> ImportResult:
    """Write the import in one transaction. Rows are re-compared inside the transaction, so a
    preview shown a while ago cannot overwrite a change made since."""
    require(actor, Permission.IMPORT_ROSTER)
    preview = source if isinstance(source, ImportPreview) else _parse(Path(source))
    if preview.errors and not skip_bad_rows:
        raise ImportRejected(preview)
    good = [r for r in preview.rows if r.status != INVALID]
    created = updated = unchanged = orgs = 0
    with db.transaction() as s:
        if run_id is not None:
            require_open(s, run_id)  # a finished run takes no new trainees
        existing = _existing(s, [str(r.values["trainee_number"]) for r in good])
        for r in good:
            values = {**r.values, **({"run_id": run_id} if run_id is not None else {})}
            t = existing.get(str(values["trainee_number"]))
            if t is None:
                t = Trainee(trainee_number=values["trainee_number"])
                s.add(t)
                orgs += apply_values(s, actor, t, values)
                s.flush()
                audit.record(s, actor, "trainee.create", "trainee", t.id, None,
                             trainee_values(t))
                created += 1
                continue
            old, new = diff(trainee_values(t), {**trainee_values(t), **values})
            if not new:
                unchanged += 1
                continue
            orgs += apply_values(s, actor, t, values)
            s.flush()
            audit.record(s, actor, "trainee.update", "trainee", t.id, old, new)
            updated += 1
        if created or updated:
            audit.record(s, actor, "roster.import", "file", preview.path.name, None, {
                "file": preview.path.name, "sheet": preview.sheet, "run_id": run_id,
                "created": created, "updated": updated, "unchanged": unchanged,
                "skipped_rows": [e.row_number for e in preview.errors],
            })
    skipped = len({e.row_number for e in preview.errors})
    return ImportResult(created, updated, unchanged, skipped, orgs, tuple(preview.errors),
                        preview.warnings)
