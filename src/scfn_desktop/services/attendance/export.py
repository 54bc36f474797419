"""Exporting the attendance board (xlsx: one sheet per venue day; csv: one row per trainee and
day, UTF-8 with BOM for Excel on Japanese Windows), through the shared writer
(`services.exports`: formula-like text neutralised, the file written whole or not at all).
Exports hold personal data, so each one is audited.
"""

from __future__ import annotations

from pathlib import Path

from scfn_desktop.db import Database
from scfn_desktop.services import audit
from scfn_desktop.services.attendance.board import STATUS_LABELS, BoardRow, DayBoard, day_board
from scfn_desktop.services.attendance.schedule import load_run
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.exports import Table, csv_bytes, write_file, xlsx_bytes
from scfn_desktop.services.permissions import Actor, Permission, require

FORMATS = ("xlsx", "csv")
HEADER = ("日目", "日付", "受講番号", "氏名", "ふりがな", "ローマ字", "所属機関", "グループ", "状況",
          "到着時刻", "遅れ（分）", "受付", "受付者", "紙から入力", "やむを得ない事情", "理由")
WIDTHS = (6, 11, 10, 16, 18, 20, 30, 8, 22, 9, 8, 10, 12, 8, 24, 60)
NUMBER_COLUMN = frozenset({2})  # 受講番号 as text: Excel would drop leading zeros


def _cells(board: DayBoard, r: BoardRow) -> list[object]:
    return [board.day.day_number, board.day.day.isoformat(), r.number, r.name, r.kana, r.romaji,
            r.organisation, r.group, STATUS_LABELS[r.status][0],
            r.arrived_at.strftime("%H:%M:%S") if r.arrived_at else "",
            r.minutes_late if r.minutes_late is not None else "", r.station, r.actor,
            "はい" if r.backfilled else "", r.override_label[0], r.verdict.reason_ja]


def export_attendance(db: Database, actor: Actor, run_id: int, path: str | Path,
                      day_number: int | None = None) -> int:
    """Write the board of one day (or every day) to `path` (.xlsx or .csv by suffix); returns
    the number of trainee rows."""
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
    if fmt == "xlsx":
        data = xlsx_bytes([Table(f"{b.day.day_number}日目", HEADER,
                                 [_cells(b, r) for r in b.rows], NUMBER_COLUMN, WIDTHS)
                           for b in boards])
    else:
        data = csv_bytes(Table("出欠状況", HEADER,
                               [_cells(b, r) for b in boards for r in b.rows])).data
    write_file(path, data)
    count = sum(len(b.rows) for b in boards)
    with db.transaction() as s:
        audit.record(s, actor, "attendance.export", "training_run", run_id, None,
                     {"format": fmt, "day": day_number, "rows": count, "file": path.name})
    return count
