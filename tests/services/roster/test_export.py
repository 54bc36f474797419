"""Export uses the importer's columns, so export-then-import changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scfn_desktop.services.roster.export import export_roster, export_roster_to
from scfn_desktop.services.roster.importing import (
    CHANGED,
    INVALID,
    NEW,
    apply_import,
    preview_import,
)

DATA = Path(__file__).parents[2] / "data"


@pytest.fixture
def imported(db, actor):
    apply_import(db, actor, DATA / "roster_cp932.csv")
    return db


@pytest.mark.parametrize(("fmt", "encoding"), [("csv", "utf-8-sig"), ("csv", "cp932"),
                                               ("xlsx", "utf-8-sig"), ("json", "utf-8-sig")])
def test_round_trip_changes_nothing(imported, actor, tmp_path, fmt, encoding):
    path = tmp_path / f"out.{fmt}"
    result = export_roster_to(imported, actor, path, encoding=encoding)
    assert result.count == 4
    preview = preview_import(path, imported)
    assert preview.counts[NEW] == preview.counts[CHANGED] == preview.counts[INVALID] == 0
    assert not [w for w in preview.warnings if "無視" in w[0]]  # every column understood
    assert apply_import(imported, actor, preview).unchanged == 4


def test_csv_has_bom_and_japanese_headers(imported, actor):
    data = export_roster(imported, actor, "csv").data
    assert data.startswith(b"\xef\xbb\xbf")
    header = data.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("受講番号,姓,名,セイ,メイ,ローマ字,所属機関,都道府県")


def test_cp932_marks_characters_shift_jis_lacks(db, actor, tmp_path):
    (tmp_path / "a.csv").write_text("受講番号,氏名,所属機関,都道府県\n1,𠮷田 太郎,窓口,東京\n",
                                    encoding="utf-8")
    apply_import(db, actor, tmp_path / "a.csv")
    result = export_roster(db, actor, "csv", encoding="cp932")
    assert result.replaced_characters == 1
    assert "〓田" in result.data.decode("cp932")


def test_xlsx_and_json_content(imported, actor, tmp_path):
    export_roster_to(imported, actor, tmp_path / "r.xlsx")
    ws = load_workbook(tmp_path / "r.xlsx").active
    assert ws.title == "受講生名簿" and ws["A1"].value == "受講番号" and ws["A2"].value == "1001"
    doc = json.loads(export_roster(imported, actor, "json").data)
    assert doc["format"] == "scfn-roster" and doc["trainees"][0]["family_name"] == "山田"
