"""Reading roster files into a header row and numbered data rows (no validation here).

Japanese offices send CSV from Excel in CP932 (Shift_JIS), newer tools send UTF-8 with or
without a BOM, and application forms are .xlsx workbooks with a title row or several sheets.
Row numbers are the ones the spreadsheet shows (header on row 1 in a plain file), because that
is what the person fixing the file will look for.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from scfn_desktop.services import imports
from scfn_desktop.services.errors import NotFound, ServiceError
from scfn_desktop.services.roster.fields import COLUMNS, LABELS, to_katakana

HEADER_SEARCH_ROWS = 10
MAX_ROWS = 20000  # data rows; a file with more is refused whole

_ALIASES: dict[str, tuple[str, ...]] = {
    "trainee_number": ("受講番号", "受講者番号", "受講生番号", "番号", "no", "number",
                       "traineeno", "traineeid", "id"),
    "full_name": ("氏名", "名前", "お名前", "氏名漢字", "受講者氏名", "受講生氏名", "name",
                  "fullname"),
    "family_name": ("姓", "氏", "姓漢字", "familyname", "lastname", "surname"),
    "given_name": ("名", "名漢字", "givenname", "firstname"),
    "full_kana": ("フリガナ", "カナ", "氏名カナ", "氏名フリガナ", "カナ氏名", "kana", "furigana",
                  "namekana"),
    "family_kana": ("セイ", "姓フリガナ", "姓カナ", "フリガナセイ", "familykana",
                    "familynamekana", "lastnamekana"),
    "given_kana": ("メイ", "名フリガナ", "名カナ", "フリガナメイ", "givenkana", "givennamekana",
                   "firstnamekana"),
    "romaji": ("ローマ字", "ローマ字氏名", "氏名ローマ字", "英字氏名", "romaji", "romanizedname",
               "romanisedname", "nameromaji", "englishname"),
    "organisation": ("所属機関", "所属", "所属機関名", "所属先", "勤務先", "organisation",
                     "organization", "employer", "affiliation"),
    "prefecture": ("都道府県", "都道府県名", "所在都道府県", "prefecture", "pref"),
    "email": ("メールアドレス", "eメール", "eメールアドレス", "メール", "email", "emailaddress",
              "mail"),
    "qualification": ("資格", "保有資格", "国家資格", "qualification", "qualifications"),
    "consent_publish_name": ("氏名公表の同意", "氏名公表", "氏名の公表", "公表同意", "氏名公表同意",
                             "consent", "consentpublishname", "publishname"),
}


def _header_key(text: object, drop_brackets: bool) -> str:
    key = to_katakana(unicodedata.normalize("NFKC", str(text or ""))).lower()
    if drop_brackets:
        key = re.sub(r"\(.*?\)|【.*?】|\[.*?\]", "", key)
    return re.sub(r"[\s_\-.:・()【】\[\]*※]", "", key)


def _build_header_map() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for field, aliases in _ALIASES.items():
        for alias in aliases:
            mapping[_header_key(alias, False)] = field
    for field, (ja, en) in LABELS.items():
        mapping.setdefault(_header_key(ja, False), field)
        mapping.setdefault(_header_key(en, False), field)
    for field, _, _ in COLUMNS:
        mapping.setdefault(_header_key(field, False), field)
    return mapping


_HEADER_MAP = _build_header_map()


def field_for_header(header: object) -> str | None:
    """Which field a column heading means: exact first (フリガナ（セイ）), then without the
    bracketed note (受講番号（8桁）)."""
    return (_HEADER_MAP.get(_header_key(header, False))
            or _HEADER_MAP.get(_header_key(header, True)))


@dataclass(frozen=True)
class Table:
    """One sheet's worth of cells. `header_row` is 0 for JSON (no header row exists)."""

    sheet: str
    encoding: str
    header_row: int
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]


_err = imports.file_error


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _is_header(cells: tuple[object, ...]) -> bool:
    fields = {field_for_header(c) for c in cells if str(c).strip()}
    return "trainee_number" in fields and len(fields - {None}) >= 3


def _table(path: Path, sheet: str, encoding: str,
           rows: Iterator[tuple[int, tuple[object, ...]]]) -> Table | None:
    """The header (within the first rows) and the data rows after it, or None when this sheet
    has no recognisable header. More than `MAX_ROWS` non-empty data rows refuses the whole
    file: cutting it would drop trainees without a word."""
    for number, raw in rows:
        if number > HEADER_SEARCH_ROWS:
            return None
        cells = tuple(_cell(c) for c in raw)
        if _is_header(cells):
            header = tuple(str(c).strip() for c in cells)
            return Table(sheet, encoding, number, header, _data_rows(path, rows))
    return None


def _data_rows(path: Path, rows: Iterator[tuple[int, tuple[object, ...]]]
               ) -> tuple[tuple[int, tuple[object, ...]], ...]:
    out: list[tuple[int, tuple[object, ...]]] = []
    data_rows = 0
    for number, raw in rows:
        cells = tuple(_cell(c) for c in raw)
        if any(str(c).strip() for c in cells):
            data_rows += 1
            if data_rows > MAX_ROWS:
                raise _too_many_rows(path, number)
        out.append((number, cells))
    return tuple(out)


def _too_many_rows(path: Path, row: int) -> ServiceError:
    return _err(path, f"データ行が上限の {MAX_ROWS:,} 行を超えています（行 {row} で {MAX_ROWS + 1:,} 行目）。"
                      "何も取り込んでいません。ファイルを分けて取り込んでください。",
                f"more than {MAX_ROWS:,} data rows (row {row} is data row {MAX_ROWS + 1:,}). "
                "Nothing was imported; split the file and import the parts.")


def _read_csv(path: Path, data: bytes) -> Table:
    text, encoding = imports.decode_text(path, data)
    table = _table(path, "", encoding, imports.csv_rows(path, text))
    if table is None:
        raise _missing_header(path)
    return table


def _read_json(path: Path, data: bytes) -> Table:
    text, encoding = imports.decode_text(path, data)
    doc = imports.load_json(path, data, text)
    items = doc.get("trainees") if isinstance(doc, dict) else doc
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise _err(path, "受講生の一覧（trainees）がありません。", "no list of trainees found.")
    if len(items) > MAX_ROWS:
        raise _too_many_rows(path, MAX_ROWS + 1)
    header: list[str] = []
    for item in items:
        header.extend(k for k in item if k not in header)
    rows = tuple((n, tuple(_cell(item.get(k)) for k in header))
                 for n, item in enumerate(items, start=1))
    for n, cells in rows:
        for column, cell in enumerate(cells, start=1):
            if isinstance(cell, str) and len(cell) > imports.MAX_CELL_CHARS:
                raise imports.cell_too_long(path, n, column, len(cell))
    if not _is_header(tuple(header)) and items:
        raise _missing_header(path)
    return Table("", encoding, 0, tuple(header), rows)


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    imports.check_xlsx_archive(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except PermissionError as exc:
        raise imports.locked_file(path) from exc
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise imports.unreadable_workbook(path) from exc
    budget = imports.CellBudget(path)
    try:
        titles = []
        for ws in wb.worksheets:
            titles.append(ws.title)
            table = _table(path, ws.title, "", imports.xlsx_sheet_rows(path, ws, budget))
            if table is not None:
                return table
        scan = imports.CellBudget(path)
        if not any(_has_value(path, ws, scan) for ws in wb.worksheets):
            raise _err(path, "空のファイルです。", "the file is empty.")
        raise _missing_header(path, titles)
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        raise imports.unreadable_workbook(path) from exc
    finally:
        wb.close()


def _has_value(path: Path, ws: object, budget: imports.CellBudget) -> bool:
    """Whether the sheet holds any value at all (tells "empty" from "no header")."""
    return any(v not in (None, "") for _, row in imports.xlsx_sheet_rows(path, ws, budget)
               for v in row)


def _missing_header(path: Path, sheets: list[str] | None = None) -> ServiceError:
    where_ja = f"（シート: {'、'.join(sheets)}）" if sheets else ""
    where_en = f" (sheets: {', '.join(sheets)})" if sheets else ""
    return _err(path, f"見出し行が見つかりません{where_ja}。先頭{HEADER_SEARCH_ROWS}行以内に"
                      "「受講番号」「氏名」「所属機関」「都道府県」などの見出しを置いてください。",
                f"no header row found{where_en}. Put headings such as 受講番号 (trainee number), "
                f"氏名 (name), 所属機関 (organisation), 都道府県 (prefecture) in the first "
                f"{HEADER_SEARCH_ROWS} rows.")


def read_table(path: Path) -> Table:
    """The first sheet (or the CSV/JSON file) that has a recognisable header row."""
    if not path.is_file():
        raise NotFound(f"ファイル「{path}」が見つかりません。", f"File not found: {path}")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _err(path, "古い Excel 形式（.xls）は読めません。.xlsx か CSV で保存し直してください。",
                   "the old Excel format (.xls) is not supported; save as .xlsx or CSV.")
    try:
        if suffix in (".xlsx", ".xlsm"):
            if path.stat().st_size == 0:
                raise _err(path, "空のファイルです。", "the file is empty.")
            return _read_xlsx(path)
        data = imports.read_text_file(path)
    except PermissionError as exc:
        raise _err(path, "読み取れません（他のアプリで開いているか、権限がありません）。",
                   "cannot be read (open in another program, or no permission).") from exc
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise _err(path, "空のファイルです。", "the file is empty.")
    if suffix == ".json":
        return _read_json(path, data)
    return _read_csv(path, data)
