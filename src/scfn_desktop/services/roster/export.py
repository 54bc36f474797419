"""Exporting the roster to .xlsx, .csv or .json with the importer's own columns.

CSV and xlsx go through the shared writer (`services.exports`): UTF-8 with a BOM by default or
CP932 for older office systems, and every text cell that a spreadsheet would run as a formula
neutralised (a name such as `=1+1`), in a way the importer undoes, so export-then-import is an
identity. Exports hold personal data, so each one is an audit entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scfn_desktop.db import Database
from scfn_desktop.services import audit, exports
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.roster.fields import COLUMNS
from scfn_desktop.services.roster.trainees import TraineeRow, list_trainees

FORMATS = ("csv", "xlsx", "json")
ENCODINGS = exports.ENCODINGS
WIDTHS = (10, 10, 10, 12, 12, 20, 40, 10, 30, 24, 14)


@dataclass(frozen=True)
class ExportResult:
    data: bytes
    count: int
    replaced_characters: int = 0  # cp932 only: characters written as 〓


def _cells(r: TraineeRow) -> list[object]:
    values = {k: getattr(r, k) for k, _, _ in COLUMNS}
    values["consent_publish_name"] = "はい" if r.consent_publish_name else "いいえ"
    return [values[k] for k, _, _ in COLUMNS]


def _table(rows: list[TraineeRow]) -> exports.Table:
    # 受講番号 as text: Excel would drop leading zeros.
    return exports.Table("受講生名簿", [ja for _, ja, _ in COLUMNS], [_cells(r) for r in rows],
                         text_columns=frozenset({0}), widths=WIDTHS)


def _json(rows: list[TraineeRow]) -> bytes:
    doc = {
        "format": "scfn-roster",
        "version": 1,
        "exported_at": datetime.now().isoformat(timespec="seconds"),
        "trainees": [{k: getattr(r, k) for k, _, _ in COLUMNS} for r in rows],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def export_roster(db: Database, actor: Actor, fmt: str, run_id: int | None = None,
                  encoding: str = "utf-8-sig") -> ExportResult:
    """The file contents (the caller writes them to a file, or stdout for `-o -`)."""
    require(actor, Permission.EXPORT_ROSTER)
    if fmt not in FORMATS:
        raise ValidationFailed(f"形式「{fmt}」には対応していません（{', '.join(FORMATS)}）。",
                               f"Unknown format '{fmt}' (one of {', '.join(FORMATS)}).")
    if encoding not in ENCODINGS:
        raise ValidationFailed(f"文字コード「{encoding}」には対応していません。",
                               f"Unknown encoding '{encoding}' ({', '.join(ENCODINGS)}).")
    rows = list_trainees(db, run_id=run_id)
    replaced = 0
    if fmt == "csv":
        written = exports.csv_bytes(_table(rows), encoding)
        data, replaced = written.data, written.replaced_characters
    elif fmt == "xlsx":
        data = exports.xlsx_bytes([_table(rows)])
    else:
        data = _json(rows)
    with db.transaction() as s:
        audit.record(s, actor, "roster.export", "roster", run_id or "", None,
                     {"format": fmt, "encoding": encoding if fmt == "csv" else "",
                      "run_id": run_id, "count": len(rows)})
    return ExportResult(data, len(rows), replaced)


def export_roster_to(db: Database, actor: Actor, path: str | Path, fmt: str | None = None,
                     run_id: int | None = None, encoding: str = "utf-8-sig") -> ExportResult:
    """Export to a file; the format defaults to the file's extension."""
    path = Path(path)
    fmt = fmt or path.suffix.lower().lstrip(".")
    result = export_roster(db, actor, fmt, run_id, encoding)
    exports.write_file(path, result.data)
    return result
