"""Reading roster files into a header row and numbered data rows (no validation here).

Japanese offices send CSV from Excel in CP932 (Shift_JIS), newer tools send UTF-8 with or
without a BOM, and application forms are .xlsx workbooks with a title row or several sheets.
Row numbers are the ones the spreadsheet shows (header on row 1 in a plain file), because that
is what the person fixing the file will look for.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from scfn_desktop.services.errors import NotFound, ServiceError
from scfn_desktop.services.roster.fields import COLUMNS, LABELS, to_katakana

HEADER_SEARCH_ROWS = 10
MAX_ROWS = 20000

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


def _err(path: Path, ja: str, en: str) -> ServiceError:
    return ServiceError(f"ファイル「{path.name}」: {ja}", f"File '{path.name}': {en}")


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


def _find_table(path: Path, sheet: str, encoding: str,
                rows: list[tuple[int, tuple[object, ...]]]) -> Table | None:
    for i, (number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if _is_header(cells):
            header = tuple(str(c).strip() for c in cells)
            return Table(sheet, encoding, number, header, tuple(rows[i + 1:]))
    return None


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """BOM -> utf-8-sig; else strict UTF-8; else CP932 (Excel's "CSV" on Japanese Windows)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    for encoding in ("utf-8", "cp932"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise _err(path, "文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）。",
               "cannot tell the text encoding (save it as UTF-8 or Shift_JIS).")


def _read_csv(path: Path, data: bytes) -> Table:
    text, encoding = _decode(path, data)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = [(n, tuple(r)) for n, r in enumerate(reader, start=1) if n <= MAX_ROWS]
    table = _find_table(path, "", encoding, rows)
    if table is None:
        raise _missing_header(path)
    return table


def _read_json(path: Path, data: bytes) -> Table:
    text, encoding = _decode(path, data)
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise _err(path, f"JSON として読めません（{exc}）。", f"not valid JSON ({exc}).") from exc
    items = doc.get("trainees") if isinstance(doc, dict) else doc
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise _err(path, "受講生の一覧（trainees）がありません。", "no list of trainees found.")
    header: list[str] = []
    for item in items:
        header.extend(k for k in item if k not in header)
    rows = tuple((n, tuple(_cell(item.get(k)) for k in header))
                 for n, item in enumerate(items, start=1))
    if not _is_header(tuple(header)) and items:
        raise _missing_header(path)
    return Table("", encoding, 0, tuple(header), rows)


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, data_only=True)
    except PermissionError as exc:
        raise _err(path, "開けません。Excel などで開いている場合は閉じてから、もう一度お試しください。",
                   "cannot be opened; if it is open in Excel, close it and try again.") from exc
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise _err(path, "Excel ファイルとして読めません（壊れているか、形式が違います）。",
                   "cannot be read as an Excel workbook (damaged or not .xlsx).") from exc
    try:
        for ws in wb.worksheets:
            rows = [(n, tuple(_cell(v) for v in r))
                    for n, r in enumerate(ws.iter_rows(values_only=True), start=1)
                    if n <= MAX_ROWS]
            table = _find_table(path, ws.title, "", rows)
            if table is not None:
                return table
        if all(ws.max_row <= 1 and ws.max_column <= 1 and ws.cell(1, 1).value is None
               for ws in wb.worksheets):
            raise _err(path, "空のファイルです。", "the file is empty.")
        raise _missing_header(path, [ws.title for ws in wb.worksheets])
    finally:
        wb.close()


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
        size = path.stat().st_size
        if suffix in (".xlsx", ".xlsm"):
            if size == 0:
                raise _err(path, "空のファイルです。", "the file is empty.")
            return _read_xlsx(path)
        data = path.read_bytes()
    except PermissionError as exc:
        raise _err(path, "読み取れません（他のアプリで開いているか、権限がありません）。",
                   "cannot be read (open in another program, or no permission).") from exc
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise _err(path, "空のファイルです。", "the file is empty.")
    if suffix == ".json":
        return _read_json(path, data)
    return _read_csv(path, data)
