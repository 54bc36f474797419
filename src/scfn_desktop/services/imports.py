"""Reading the files people bring in (CSV, JSON, xlsx) within fixed bounds.

Every import path (the roster today, registers and lists later) reads through here, so a
hostile or damaged file ends in a message naming the file and the row, never in a traceback or
in memory filling up. The bounds are far above any real roster (60 trainees a run, 20,000 rows
a file) and far below what the 4 GB venue PC can hold:

- CSV and JSON are read whole, at most `MAX_TEXT_FILE_BYTES`; a cell longer than
  `MAX_CELL_CHARS` is refused with its row and column (Python's own CSV limit of 131,072
  characters would otherwise raise); bytes that are not valid text are refused with their row
  (never replaced by U+FFFD and stored).
- JSON nesting deeper than `MAX_JSON_DEPTH` is refused before parsing (the parser recurses).
- An xlsx workbook is a zip file: its parts' declared sizes and compression ratios are checked
  before anything is decompressed (a 1.5 MB file can declare a 1.5 GB string), then it is read
  in openpyxl's read-only streaming mode, counting cells against `MAX_CELLS`. Python's zipfile
  never inflates a part beyond its declared size, so the declared sizes are the real bound.
- Files with more data rows than the importer's limit are refused whole by the importer
  (`services.roster.reading`), never cut silently.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.exports import restore_csv_cell

MAX_TEXT_FILE_BYTES = 32 * 1024 * 1024
MAX_XLSX_FILE_BYTES = 32 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 128 * 1024 * 1024  # all parts of a workbook together, as declared
MAX_COMPRESSION_RATIO = 100  # a 20,000-row roster sheet compresses about 16:1
RATIO_CHECK_MIN_BYTES = 1024 * 1024  # tiny parts may compress oddly; they cannot hurt
MAX_ZIP_ENTRIES = 2000
MAX_CELLS = 2_000_000  # cells materialised while streaming (a row is as wide as its last cell)
MAX_CELL_CHARS = 10_000
MAX_JSON_DEPTH = 16

_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def file_error(path: Path, ja: str, en: str) -> ServiceError:
    return ServiceError(f"ファイル「{path.name}」: {ja}", f"File '{path.name}': {en}")


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f} MB"


def read_text_file(path: Path) -> bytes:
    """The bytes of a CSV/JSON file, refusing one over the size bound before reading it."""
    size = path.stat().st_size
    if size > MAX_TEXT_FILE_BYTES:
        raise file_error(path, f"ファイルが大きすぎます（{_mib(size)}、上限 {_mib(MAX_TEXT_FILE_BYTES)}）。"
                               "ファイルを分けて取り込んでください。",
                         f"the file is too large ({_mib(size)}, at most "
                         f"{_mib(MAX_TEXT_FILE_BYTES)}). Split it and import the parts.")
    return path.read_bytes()


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """BOM -> UTF-8 (strict); else strict UTF-8; else CP932 (Excel's "CSV" on Japanese
    Windows). Bytes that fit none are refused with the line they are on: replacing them would
    store "���株式会社" as someone's employer."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _invalid_utf8(path, data, exc.start + 3) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        if _damaged_utf8(data):
            raise _invalid_utf8(path, data, utf8_error.start) from utf8_error
        try:
            return data.decode("cp932"), "cp932"
        except UnicodeDecodeError:
            line = _line_of(data, utf8_error.start)
            raise file_error(
                path, f"文字コードを判別できません（行 {line} が UTF-8 でも Shift_JIS でも読めません）。"
                      "UTF-8 または Shift_JIS で保存してください。",
                f"cannot tell the text encoding (row {line} is neither UTF-8 nor Shift_JIS). "
                "Save it as UTF-8 or Shift_JIS.") from utf8_error


def _invalid_utf8(path: Path, data: bytes, offset: int) -> ServiceError:
    line = _line_of(data, offset)
    return file_error(path, f"行 {line} に UTF-8 として読めないバイトがあります（文字化け）。"
                            "元のファイルを UTF-8 で保存し直してください。",
                      f"row {line} holds bytes that are not valid UTF-8 (garbled text). Save "
                      "the original again as UTF-8.")


def _damaged_utf8(data: bytes) -> bool:
    """A UTF-8 file with a few broken bytes, not a Shift_JIS file.

    UTF-8 Japanese often also decodes as CP932 (as mojibake, without an error), so a file that
    fails UTF-8 must not simply be read as CP932. Genuine CP932 Japanese decodes as UTF-8 to
    almost nothing but errors; damaged UTF-8 to many kana and kanji and a few errors.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    japanese = sum(1 for ch in text if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return japanese > 10 * broken


def cell_too_long(path: Path, row: int, column: int, length: int) -> ServiceError:
    return file_error(path, f"行 {row}、{column} 列目のセルが長すぎます（{length:,} 文字、上限 "
                            f"{MAX_CELL_CHARS:,} 文字）。",
                      f"row {row}, column {column}: the cell is too long ({length:,} characters, "
                      f"at most {MAX_CELL_CHARS:,}).")


def csv_rows(path: Path, text: str) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(row number as the spreadsheet shows it, cells). Tab-separated when the first line has
    tabs and no commas. Cells are restored from the shared writer's formula escape."""
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row = number + 1
            if "field larger than field limit" in str(exc):
                raise file_error(path, f"行 {row} のセルが長すぎます（上限 {MAX_CELL_CHARS:,} 文字）。",
                                 f"row {row}: a cell is too long (at most {MAX_CELL_CHARS:,} "
                                 "characters).") from exc
            raise file_error(path, f"行 {row} を CSV として読めません（{exc}）。",
                             f"row {row} cannot be read as CSV ({exc}).") from exc
        number += 1
        for column, cell in enumerate(cells, start=1):
            if len(cell) > MAX_CELL_CHARS:
                raise cell_too_long(path, number, column, len(cell))
        yield number, tuple(restore_csv_cell(c) for c in cells)


def json_depth(data: bytes) -> int:
    """How deeply arrays and objects nest, counted without parsing (brackets inside strings
    are removed first), so a file nested 200,000 deep never reaches the recursive parser."""
    skeleton = np.frombuffer(_JSON_STRING.sub(b'""', data), dtype=np.uint8)
    steps = (np.isin(skeleton, (ord("["), ord("{"))).astype(np.int32)
             - np.isin(skeleton, (ord("]"), ord("}"))).astype(np.int32))
    return int(np.cumsum(steps).max(initial=0))


def load_json(path: Path, data: bytes, text: str) -> Any:
    depth = json_depth(data)
    if depth > MAX_JSON_DEPTH:
        raise file_error(path, f"JSON の入れ子が深すぎます（{depth:,} 段、上限 {MAX_JSON_DEPTH} 段）。",
                         f"the JSON nests too deeply ({depth:,} levels, at most "
                         f"{MAX_JSON_DEPTH}).")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise file_error(path, f"JSON として読めません（{exc}）。",
                         f"not valid JSON ({exc}).") from exc


def check_xlsx_archive(path: Path) -> None:
    """Refuse a workbook whose zip parts declare more than the bounds, before inflating any."""
    size = path.stat().st_size
    if size > MAX_XLSX_FILE_BYTES:
        raise file_error(path, f"ファイルが大きすぎます（{_mib(size)}、上限 {_mib(MAX_XLSX_FILE_BYTES)}）。",
                         f"the file is too large ({_mib(size)}, at most "
                         f"{_mib(MAX_XLSX_FILE_BYTES)}).")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise unreadable_workbook(path) from exc
    if len(entries) > MAX_ZIP_ENTRIES:
        raise file_error(path, f"Excel ファイルの部品が多すぎます（{len(entries):,} 個）。",
                         f"the workbook has too many parts ({len(entries):,}).")
    total = sum(e.file_size for e in entries)
    worst = max(entries, key=lambda e: e.file_size / max(e.compress_size, 1), default=None)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise file_error(path, f"展開すると大きすぎます（{_mib(total)}、上限 {_mib(MAX_UNCOMPRESSED_BYTES)}）。"
                               "不正なファイルか、取り込める大きさを超えています。",
                         f"it would expand to {_mib(total)} (at most "
                         f"{_mib(MAX_UNCOMPRESSED_BYTES)}): a damaged or hostile file, or too "
                         "large to import.")
    if worst is not None and worst.file_size >= RATIO_CHECK_MIN_BYTES:
        ratio = worst.file_size / max(worst.compress_size, 1)
        if ratio > MAX_COMPRESSION_RATIO:
            raise file_error(path, f"圧縮率が異常です（{worst.filename} が {ratio:,.0f} 倍に展開されます）。"
                                   "不正なファイルの可能性があります。",
                             f"abnormal compression ({worst.filename} expands {ratio:,.0f} "
                             "times): possibly a hostile file.")


def unreadable_workbook(path: Path) -> ServiceError:
    return file_error(path, "Excel ファイルとして読めません（壊れているか、形式が違います）。",
                      "cannot be read as an Excel workbook (damaged or not .xlsx).")


def locked_file(path: Path) -> ServiceError:
    return file_error(path, "開けません。Excel などで開いている場合は閉じてから、もう一度お試しください。",
                      "cannot be opened; if it is open in Excel, close it and try again.")


class CellBudget:
    """Counts the cells a streamed workbook materialises, across all its sheets."""

    def __init__(self, path: Path, limit: int | None = None) -> None:
        self.path, self.used = path, 0
        self.limit = MAX_CELLS if limit is None else limit

    def spend(self, row: int, cells: int) -> None:
        self.used += cells
        if self.used > self.limit:
            raise file_error(self.path, f"セルが多すぎます（行 {row} までで {self.limit:,} 個を超えました）。",
                             f"too many cells (over {self.limit:,} by row {row}).")


def xlsx_sheet_rows(path: Path, ws: Any, budget: CellBudget
                    ) -> Iterator[tuple[int, tuple[object, ...]]]:
    """(row number, raw cell values) of one read-only worksheet, streamed.

    The sheet's declared dimensions are dropped first: openpyxl would pad every row to the
    declared width (a forged "A1:XFD1048576" makes each row 16,384 cells). Rows the file
    skips come back empty.
    """
    ws.reset_dimensions()
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        budget.spend(number, max(len(values), 1))
        for column, value in enumerate(values, start=1):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise cell_too_long(path, number, column, len(value))
        yield number, tuple(values)
