"""The committee's tabular exports (CSV and xlsx), written so no cell runs as a formula.

Names and organisations are typed by people, and a spreadsheet runs a cell starting with `=`,
`+`, `-` or `@` (or a tab / carriage return) as a formula (OWASP "CSV injection"). Every text
cell starting so is neutralised: in CSV with a leading apostrophe (Excel and LibreOffice read
it as "text" and do not show it); in xlsx it is stored as a string cell with Excel's quote
prefix, never as a formula. Numbers and dates stay numbers and dates.

This is the committee's own small writer until the shared export writer (`services/exports.py`)
is on main; it neutralises the same way so switching over changes no output.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scfn_desktop.services.errors import ServiceError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A CSV cell no spreadsheet runs as a formula (non-text values unchanged)."""
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


@dataclass(frozen=True)
class Sheet:
    """One sheet: header and rows; ``text_columns`` (0-based) keep leading zeros in xlsx."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]
    text_columns: frozenset[int] = field(default_factory=frozenset)
    widths: Sequence[float] = ()


def csv_bytes(sheet: Sheet) -> bytes:
    """UTF-8 with a BOM (Excel on Japanese Windows reads BOM-less UTF-8 as Shift_JIS)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in sheet.header])
    for row in sheet.rows:
        writer.writerow([neutralise("" if v is None else v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """A workbook, one sheet per table: bold frozen header, text never a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.title[:31])
        ws.freeze_panes = "A2"
        for col, width in enumerate(sheet.widths, start=1):
            ws.column_dimensions[get_column_letter(col)].width = width

        ws.append([_cell(ws, h, head=bold) for h in sheet.header])
        for row in sheet.rows:
            ws.append([_cell(ws, v, i in sheet.text_columns) for i, v in enumerate(row)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell(ws, value: object, text: bool = False, head=None) -> object:  # type: ignore[no-untyped-def]
    """The value to append: as it is, or a styled string cell that is never a formula."""
    from openpyxl.cell import WriteOnlyCell

    risky = isinstance(value, str) and value.startswith(FORMULA_START)
    if not (risky or text or head):
        return value
    c = WriteOnlyCell(ws, value)
    if isinstance(value, str):
        c.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
    if risky:
        c.quotePrefix = True
    if text:
        c.number_format = "@"
    if head is not None:
        c.font = head
    return c


def write_file(path: str | Path, data: bytes) -> Path:
    """The whole file or none (a temporary file, then a rename)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ServiceError(f"ファイル「{path}」に書き込めません（{exc.strerror}）。",
                           f"Cannot write the file '{path}' ({exc.strerror}).") from exc
    return path
