"""Roster files as an attacker or an unlucky office would send them (issue 9, §1): each one ends
in a message naming the file and the row, or in correct data; none in a traceback, a silent cut,
garbled text stored, or memory filling up."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from hostile_files import huge_string_rows, roster_rows, row_xml, write_xlsx

from scfn_desktop.services import imports
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.roster import reading
from scfn_desktop.services.roster.importing import (
    INVALID,
    ImportRejected,
    apply_import,
    preview_import,
)
from scfn_desktop.services.roster.trainees import list_trainees

HEADER = "受講番号,氏名,所属機関,都道府県"


def csv_file(path: Path, rows: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding=encoding)
    return path


def refusal(path: Path) -> ServiceError:
    with pytest.raises(ServiceError) as caught:
        preview_import(path)
    assert path.name in caught.value.message_ja and path.name in caught.value.message_en
    return caught.value


# -- the row limit: nothing dropped silently ---------------------------------------------------

def test_a_csv_with_exactly_the_row_limit_keeps_every_row(tmp_path):
    rows = [f"{i},山田 太郎,窓口,東京都" for i in range(1, reading.MAX_ROWS + 1)]
    preview = preview_import(csv_file(tmp_path / "20000.csv", rows))
    assert len(preview.rows) == reading.MAX_ROWS == 20000
    assert preview.rows[-1].row_number == 20001 and not preview.errors


def test_a_csv_one_row_over_the_limit_is_refused_whole(tmp_path, db, actor):
    rows = [f"{i},山田 太郎,窓口,東京都" for i in range(1, reading.MAX_ROWS + 2)]
    path = csv_file(tmp_path / "20001.csv", rows)
    error = refusal(path)
    assert "20,000 行を超えています" in error.message_ja and "行 20002" in error.message_ja
    assert "Nothing was imported" in error.message_en
    with pytest.raises(ServiceError):
        apply_import(db, actor, path)
    assert list_trainees(db) == []


def test_an_xlsx_over_the_limit_is_refused_not_cut(tmp_path, monkeypatch, db, actor):
    """The 100,000-row workbook of the issue, scaled to a limit of 100 rows (same code path)."""
    monkeypatch.setattr(reading, "MAX_ROWS", 100)
    path = write_xlsx(tmp_path / "big.xlsx", roster_rows(150))
    error = refusal(path)
    assert "100 行を超えています" in error.message_ja and "行 102" in error.message_ja
    with pytest.raises(ServiceError):
        apply_import(db, actor, path)
    assert list_trainees(db) == []
    exact = write_xlsx(tmp_path / "exact.xlsx", roster_rows(100))
    assert len(preview_import(exact).rows) == 100


def test_empty_rows_do_not_count_toward_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    path = csv_file(tmp_path / "gaps.csv", ["1,山田 太郎,窓口,東京都", ",,,", "2,林 舞,窓口,東京都",
                                            ",,,", ",,,", "3,森 一,窓口,東京都"])
    assert [r.row_number for r in preview_import(path).rows] == [2, 4, 7]


# -- hostile xlsx: bounded memory -----------------------------------------------------------

def test_an_xlsx_declaring_a_huge_string_is_refused_before_inflating(tmp_path):
    """The issue's 1.5 MB file with a 1.5 GB string grew to 13 GB; here 200 MB, refused from
    the zip directory alone: fast, and without allocating the string."""
    path = write_xlsx(tmp_path / "bomb.xlsx", huge_string_rows(200 * 1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        error = refusal(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "展開すると大きすぎます" in error.message_ja and "expand" in error.message_en
    assert peak < 20 * 1024 * 1024 and time.perf_counter() - started < 2


def test_an_xlsx_part_with_an_abnormal_compression_ratio_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "ratio.xlsx", huge_string_rows(20 * 1024 * 1024))
    error = refusal(path)
    assert "圧縮率が異常です" in error.message_ja and "xl/worksheets/sheet1.xml" in error.message_en


def test_a_long_cell_in_an_xlsx_names_its_row_and_column(tmp_path):
    path = write_xlsx(tmp_path / "long.xlsx", huge_string_rows(imports.MAX_CELL_CHARS + 1))
    error = refusal(path)
    assert "行 2、2 列目のセルが長すぎます" in error.message_ja
    assert "row 2, column 2" in error.message_en


def test_a_forged_sheet_dimension_does_not_pad_every_row(tmp_path):
    """A1:XFD1048576 would make openpyxl pad each row to 16,384 cells and add a million empty
    rows; the importer drops the declared dimension and reads the three rows that exist."""
    path = write_xlsx(tmp_path / "dim.xlsx", roster_rows(3), dimension="A1:XFD1048576")
    started = time.perf_counter()
    preview = preview_import(path)
    assert [r.values["trainee_number"] for r in preview.rows] == ["1000", "1001", "1002"]
    assert time.perf_counter() - started < 2


def test_too_many_cells_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(imports, "MAX_CELLS", 50)
    wide = [row_xml(1, ("受講番号", "氏名", "所属機関", "都道府県"))]
    wide += [f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>'
             for n in range(2, 5)]
    error = refusal(write_xlsx(tmp_path / "wide.xlsx", wide))
    assert "セルが多すぎます" in error.message_ja and "too many cells" in error.message_en


def test_a_file_that_is_not_a_workbook_is_named(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert "Excel ファイルとして読めません" in refusal(path).message_ja


# -- text that is not text: refused with the row --------------------------------------------

def test_json_with_a_lone_surrogate_names_the_row(tmp_path, db, actor):
    path = tmp_path / "surrogate.json"
    path.write_text('{"trainees":[{"受講番号":"1","氏名":"山田 太郎","所属機関":"窓口","都道府県":"東京都"},'
                    '{"受講番号":"2","氏名":"山田 \\ud800花子","所属機関":"窓口","都道府県":"東京都"}]}',
                    encoding="utf-8")
    preview = preview_import(path)
    assert [e.text("ja") for e in preview.errors] == [
        "行 2: 名に使えない文字（U+D800）が含まれています。"]
    with pytest.raises(ImportRejected):
        apply_import(db, actor, path)
    result = apply_import(db, actor, path, skip_bad_rows=True)
    assert (result.created, result.skipped) == (1, 1)


def test_json_nested_200000_deep_is_refused_before_parsing(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    error = refusal(path)
    assert "入れ子が深すぎます（200,000 段" in error.message_ja and "nests too deeply" in error.message_en


def test_json_depth_ignores_brackets_inside_strings():
    assert imports.json_depth(b'{"a": "[[[[{{{{", "b": [1, {"c": "]]]"}]}') == 3


def test_a_csv_field_over_pythons_limit_names_its_row(tmp_path):
    path = csv_file(tmp_path / "bigfield.csv", ["1,山田 太郎,窓口,東京都",
                                               "2," + "あ" * 140_000 + ",窓口,東京都"])
    error = refusal(path)
    assert "行 3 のセルが長すぎます" in error.message_ja and "row 3" in error.message_en


def test_a_csv_field_over_the_cell_limit_names_row_and_column(tmp_path):
    path = csv_file(tmp_path / "long.csv", ["1,山田 太郎," + "窓" * 20_000 + ",東京都"])
    assert "行 2、3 列目のセルが長すぎます" in refusal(path).message_ja


def test_utf8_bom_with_invalid_bytes_is_refused_not_garbled(tmp_path, db, actor):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + HEADER.encode() + b"\n1,\xe5\xb1\xb1\xe7\x94\xb0 \xe5,"
                     b"x,\xe6\x9d\xb1\xe4\xba\xac\n2,\xff\xfe\xfd\xe6\xa0\xaa,x,x\n")
    error = refusal(path)
    assert "行 2 に UTF-8 として読めないバイト" in error.message_ja and "row 2" in error.message_en
    with pytest.raises(ServiceError):
        apply_import(db, actor, path)
    assert list_trainees(db) == []


def test_bytes_neither_utf8_nor_cp932_name_their_row(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"number,name,organisation,prefecture\n1,a,b,c\n2,\x85\x21,b,c\n")
    assert "行 3 が UTF-8 でも Shift_JIS でも読めません" in refusal(path).message_ja


def test_utf8_without_bom_and_a_broken_byte_is_not_read_as_shift_jis(tmp_path):
    """UTF-8 Japanese also decodes as CP932 mojibake without an error: one damaged byte must
    not turn the whole file into 縺ｵ-style garbage."""
    rows = [f"{i},山田 太郎,新宿区多文化共生プラザ,東京都" for i in range(1, 6)]
    data = "\n".join([HEADER, *rows]).encode() + b"\n6,\xe5\xb1 \xe5\xa4\xaa,x,x\n"
    (tmp_path / "broken.csv").write_bytes(data)
    assert "行 7 に UTF-8 として読めないバイト" in refusal(tmp_path / "broken.csv").message_ja


def test_genuine_shift_jis_with_half_width_kana_still_reads(tmp_path):
    path = csv_file(tmp_path / "sjis.csv", ["1,山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ ｾﾝﾀｰ,東京都"], encoding="cp932")
    # (half-width ﾀﾞ composes to one ダ, as a person would type it)
    assert preview_import(path).rows[0].values["organisation"] == "ヤマダ タロウ センター"


def test_replacement_characters_already_in_a_file_are_refused(tmp_path):
    preview = preview_import(csv_file(tmp_path / "fffd.csv", ["1,山田 太郎,\ufffd\ufffd株式会社,東京都"]))
    assert preview.rows[0].status == INVALID
    assert "所属機関に文字化け（U+FFFD）" in preview.errors[0].text("ja")


def test_a_nul_byte_inside_a_name_is_refused_with_its_row(tmp_path, db, actor):
    path = csv_file(tmp_path / "nul.csv", ["1,山田\x00太郎,窓口,東京都", "2,林 舞,窓口,東京都"])
    preview = preview_import(path)
    assert [e.text("en") for e in preview.errors] == [
        "Row 2: Family name contains a character that cannot be stored (U+0000)."]
    apply_import(db, actor, path, skip_bad_rows=True)
    assert [t.trainee_number for t in list_trainees(db)] == ["2"]


def test_an_oversized_text_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(imports, "MAX_TEXT_FILE_BYTES", 1000)
    path = csv_file(tmp_path / "large.csv", [f"{i},山田 太郎,窓口,東京都" for i in range(100)])
    assert "ファイルが大きすぎます" in refusal(path).message_ja
