"""Exporting the attendance board (xlsx: one sheet per venue day; csv: one row per trainee and
day, UTF-8 with BOM for Excel on Japanese Windows).

Names, notes and organisations are typed by people, and a spreadsheet runs a cell starting with
`=`, `+`, `-` or `@` as a formula, so such text is neutralised: a leading apostrophe in CSV, a
string cell with Excel's quote prefix in xlsx (OWASP "CSV injection"). Exports hold personal
data, so each one is audited.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from scfn_desktop.db import Database
from scfn_desktop.services import audit
from scfn_desktop.services.attendance.board import STATUS_LABELS, BoardRow, DayBoard, day_board
from scfn_desktop.services.attendance.schedule import load_run
from scfn_desktop.services.errors import ServiceError, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require

FORMATS = ("xlsx", "csv")
HEADER = ("日目", "日付", "受講番号", "氏名", "ふりがな", "ローマ字", "所属機関", "グループ", "状況",
          "到着時刻", "遅れ（分）", "受付", "受付者", "紙から入力", "やむを得ない事情", "理由")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cells(board: DayBoard, r: BoardRow) -> list[object]:
    return [board.day.day_number, board.day.day.isoformat(), r.number, r.name, r.kana, r.romaji,
            r.organisation, r.group, STATUS_LABELS[r.status][0],
            r.arrived_at.strftime("%H:%M:%S") if r.arrived_at else "",
            r.minutes_late if r.minutes_late is not None else "", r.station, r.actor,
            "はい" if r.backfilled else "", r.override_label[0], r.verdict.reason_ja]


def _csv_safe(value: object) -> object:
    if isinstance(value, str) and value.lstrip("'").startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(boards: list[DayBoard]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    for board in boards:
        writer.writerows([_csv_safe(v) for v in _cells(board, r)] for r in board.rows)
    return buf.getvalue().encode("utf-8-sig")


def _xlsx(boards: list[DayBoard]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for board in boards:
        ws = wb.create_sheet(f"{board.day.day_number}日目")
        for col, title in enumerate(HEADER, start=1):
            ws.cell(1, col, title).font = Font(bold=True)
        for row, r in enumerate(board.rows, start=2):
            for col, value in enumerate(_cells(board, r), start=1):
                cell = ws.cell(row, col)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # openpyxl would store "=..." as a formula
                    cell.quotePrefix = value.startswith(_FORMULA_START)
            ws.cell(row, 3).number_format = "@"  # 受講番号 keeps its leading zeros
        ws.freeze_panes = "A2"
        for col, width in enumerate((6, 11, 10, 16, 18, 20, 30, 8, 22, 9, 8, 10, 12, 8, 24, 60),
                                    start=1):
            ws.column_dimensions[get_column_letter(col)].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_attendance(db: Database, actor: Actor, run_id: int, path: str | Path,
                      day_number: int | None = None) -> int:
    """Write the board of one day (or every day) to `path` (.xlsx or .csv by suffix); returns
    the number of trainee rows. Written beside the target and renamed, never half a file."""
    require(actor, Permission.VIEW_ATTENDANCE)
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationFailed(f"形式「{path.suffix}」には対応していません（.xlsx / .csv）。",
                               f"Unsupported format '{path.suffix}' (.xlsx or .csv).")
    with db.session() as s:
        days = [d.day_number for d in load_run(s, run_id).days]
    boards = [day_board(db, run_id, n) for n in days if day_number in (None, n)]
    if not boards:
        raise ValidationFailed(f"{day_number}日目の日程がありません。",
                               f"There is no venue day {day_number}.")
    data = _xlsx(boards) if fmt == "xlsx" else _csv(boards)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ServiceError(f"ファイル「{path}」に書き込めません（{exc.strerror}）。",
                           f"Cannot write '{path}' ({exc.strerror}).") from exc
    count = sum(len(b.rows) for b in boards)
    with db.transaction() as s:
        audit.record(s, actor, "attendance.export", "training_run", run_id, None,
                     {"format": fmt, "day": day_number, "rows": count, "file": path.name})
    return count
