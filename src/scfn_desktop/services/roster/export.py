"""Exporting the roster to .xlsx, .csv or .json with the importer's own columns.

CSV is UTF-8 with a BOM by default because Excel on Japanese Windows reads BOM-less UTF-8 as
Shift_JIS and shows mojibake; `encoding="cp932"` is there for older office systems (characters
CP932 cannot hold are replaced by 〓 (geta), the customary placeholder, and counted in a warning
rather than failing). Exports hold personal data, so each one is an audit entry.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scfn_desktop.db import Database
from scfn_desktop.services import audit
from scfn_desktop.services.errors import ServiceError, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.roster.fields import COLUMNS
from scfn_desktop.services.roster.trainees import TraineeRow, list_trainees

FORMATS = ("csv", "xlsx", "json")
ENCODINGS = ("utf-8-sig", "cp932")


@dataclass(frozen=True)
class ExportResult:
    data: bytes
    count: int
    replaced_characters: int = 0  # cp932 only: characters written as 〓


def _cells(r: TraineeRow) -> list[object]:
    values = {k: getattr(r, k) for k, _, _ in COLUMNS}
    values["consent_publish_name"] = "はい" if r.consent_publish_name else "いいえ"
    return [values[k] for k, _, _ in COLUMNS]


def _csv(rows: list[TraineeRow], encoding: str) -> tuple[bytes, int]:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([ja for _, ja, _ in COLUMNS])
    writer.writerows(_cells(r) for r in rows)
    text = buf.getvalue()
    if encoding == "utf-8-sig":
        return text.encode("utf-8-sig"), 0
    chars = [ch if _cp932_ok(ch) else "〓" for ch in text]
    replaced = sum(1 for a, b in zip(text, chars, strict=True) if a != b)
    return "".join(chars).encode("cp932"), replaced


def _cp932_ok(ch: str) -> bool:
    try:
        ch.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


def _xlsx(rows: list[TraineeRow]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "受講生名簿"
    ws.append([ja for _, ja, _ in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append(_cells(r))
    for row in ws.iter_rows(min_row=2, max_col=1):
        row[0].number_format = "@"  # 受講番号 as text: Excel would drop leading zeros
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJK", (10, 10, 10, 12, 12, 20, 40, 10, 30, 24, 14),
                          strict=True):
        ws.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


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
        data, replaced = _csv(rows, encoding)
    elif fmt == "xlsx":
        data = _xlsx(rows)
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
    try:
        path.write_bytes(result.data)
    except OSError as exc:
        raise ServiceError(f"ファイル「{path}」に書き込めません（{exc.strerror}）。",
                           f"Cannot write '{path}' ({exc.strerror}).") from exc
    return result
