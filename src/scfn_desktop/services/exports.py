"""The one writer of tabular exports (CSV and xlsx), shared by every capability.

Exports carry text people typed (names, organisations, a failed login's user name), and a
spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (OWASP "CSV
injection": `=HYPERLINK(...)` can leak the sheet, `=1+1` shows as 2). So every text cell that
starts with one of those, or with a tab or carriage return, is neutralised here:

- **CSV**: a leading apostrophe, which Excel and LibreOffice read as "this is text" and do not
  show. Text that already starts with apostrophes before such a character gets one more, so the
  escape stays reversible: `restore_csv_cell` removes exactly one apostrophe from a cell matching
  `^'+[=+\\-@\\t\\r]` and touches nothing else. The roster importer applies it to CSV files, so
  the app's own CSV export re-imports to the same data.
- **xlsx**: the text is written unchanged as a string cell (never a formula, whatever it starts
  with) with Excel's "quote prefix" style, the same state Excel stores when a person types
  `'=1+1`: shown and edited as text. The importer therefore has nothing to undo for xlsx.

Numbers stay numbers (a negative score is not text a person typed). CSV is UTF-8 with a BOM by
default (Excel on Japanese Windows reads BOM-less UTF-8 as Shift_JIS); `cp932` is there for older
office systems, characters it cannot hold are written as 〓 (geta) and counted.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scfn_desktop.services.errors import ServiceError

ENCODINGS = ("utf-8-sig", "cp932")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CP932_PLACEHOLDER = "〓"
_NEEDS_ESCAPE = re.compile(r"'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")


def neutralise(value: object) -> object:
    """A CSV cell value that no spreadsheet runs as a formula (non-text values unchanged)."""
    if isinstance(value, str) and _NEEDS_ESCAPE.match(value):
        return "'" + value
    return value


def restore_csv_cell(text: str) -> str:
    """Undo `neutralise` on a CSV cell read back: exactly the apostrophe it added, nothing else
    (an apostrophe before ordinary text, e.g. `'abc`, was not added by us and stays)."""
    return text[1:] if _ESCAPED.match(text) else text


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


@dataclass(frozen=True)
class Table:
    """One sheet of an export: a header row and data rows.

    `text_columns` (0-based) are formatted as text in xlsx, so Excel keeps e.g. a 受講番号's
    leading zeros; `widths` are xlsx column widths in characters.
    """

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]
    text_columns: frozenset[int] = field(default_factory=frozenset)
    widths: Sequence[float] = ()


@dataclass(frozen=True)
class CsvData:
    data: bytes
    rows: int
    replaced_characters: int = 0  # cp932 only: characters written as 〓


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> tuple[str, int]:
    """The CSV text (CRLF lines, as Excel writes) and the number of data rows."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    count = 0
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
        count += 1
    return buf.getvalue(), count


def encode_csv(text: str, encoding: str = "utf-8-sig") -> tuple[bytes, int]:
    """(bytes, characters replaced by 〓): UTF-8 with BOM, or CP932 with the geta placeholder."""
    check_encoding(encoding)
    if encoding == "utf-8-sig":
        return text.encode("utf-8-sig"), 0
    try:
        return text.encode("cp932"), 0
    except UnicodeEncodeError:
        pass
    chars = [ch if _cp932_ok(ch) else CP932_PLACEHOLDER for ch in text]
    replaced = sum(1 for a, b in zip(text, chars, strict=True) if a != b)
    return "".join(chars).encode("cp932"), replaced


def csv_bytes(table: Table, encoding: str = "utf-8-sig") -> CsvData:
    text, count = csv_text(table.header, table.rows)
    data, replaced = encode_csv(text, encoding)
    return CsvData(data, count, replaced)


def check_encoding(encoding: str) -> None:
    if encoding not in ENCODINGS:
        raise ServiceError(f"文字コード「{encoding}」には対応していません（{', '.join(ENCODINGS)}）。",
                           f"Unknown encoding '{encoding}' ({', '.join(ENCODINGS)}).")


def _cp932_ok(ch: str) -> bool:
    try:
        ch.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """A workbook with one sheet per table: bold frozen header, text never a formula.

    Written in openpyxl's write-only mode, so memory stays flat however many rows there are.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in tables:
        ws = wb.create_sheet(table.title[:31])
        ws.freeze_panes = "A2"
        for col, width in enumerate(table.widths, start=1):
            ws.column_dimensions[get_column_letter(col)].width = width

        ws.append([_xlsx_cell(ws, title, font=bold) for title in table.header])
        for row in table.rows:
            ws.append([_xlsx_cell(ws, v, i in table.text_columns) for i, v in enumerate(row)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xlsx_cell(ws, value: object, text_format: bool = False,  # type: ignore[no-untyped-def]
               font=None) -> object:  # type: ignore[no-untyped-def]
    """The value to append: plain values as they are; text that looks like a formula as a
    string cell with the quote prefix; text-formatted or bold cells as styled cells."""
    from openpyxl.cell import WriteOnlyCell

    formula_like = isinstance(value, str) and is_formula_like(value)
    if not (formula_like or text_format or font):
        return value
    cell = WriteOnlyCell(ws, value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would store "=..." as a formula
    if formula_like:
        cell.quotePrefix = True  # Excel's own mark for "typed as text"
    if text_format:
        cell.number_format = "@"
    if font is not None:
        cell.font = font
    return cell


def write_file(path: str | Path, data: bytes) -> Path:
    """Write an export completely or not at all: a temporary file beside it, then a rename, so
    a full USB stick or a pulled cable never leaves half a file under the final name."""
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
