"""Roster import: encodings, headers, bad rows with their spreadsheet row numbers, idempotence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.db.models.roster import Organisation, Trainee
from scfn_desktop.services.errors import NotFound, PermissionDenied, ServiceError
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.roster.importing import (
    CHANGED,
    INVALID,
    NEW,
    UNCHANGED,
    ImportRejected,
    apply_import,
    preview_import,
)
from scfn_desktop.services.roster.trainees import list_trainees

DATA = Path(__file__).parents[2] / "data"
JA_HEADER = "受講番号,氏名,フリガナ,ローマ字,所属機関,都道府県,メールアドレス,資格,氏名公表の同意"
GOOD = [
    "2001,山田　太郎,ヤマダ　タロウ,YAMADA Taro,岐阜県外国人総合相談センター,岐阜県,taro@example.jp,,はい",
    "2002,鈴木　一郎,すずき　いちろう,SUZUKI Ichiro,大阪府外国人総合相談センター,大阪,ichiro@example.jp,公認心理師,",
]


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)
    return path


def audit_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(AuditEntry.id)))


def test_cp932_file_with_japanese_headers(db, actor):
    result = apply_import(db, actor, DATA / "roster_cp932.csv")
    assert (result.created, result.updated, result.skipped) == (4, 0, 0)
    rows = {r.trainee_number: r for r in list_trainees(db)}
    yamada = rows["1001"]  # full-width digits in the file
    assert (yamada.family_name, yamada.given_name) == ("山田", "太郎")
    assert (yamada.family_kana, yamada.given_kana) == ("やまだ", "たろう")  # stored as written
    assert yamada.prefecture == "群馬県" and yamada.consent_publish_name is True
    assert rows["1003"].family_name == "髙橋"
    assert rows["1003"].family_kana == "タカハシ"  # half-width kana widened
    assert rows["1004"].prefecture == "東京都" and rows["1004"].given_name == "ティ ホア"
    assert rows["1002"].qualification == "社会福祉士" and rows["1002"].basis == "qualification"
    assert rows["1004"].basis == "experience"
    with db.session() as s:  # found-or-created by (name, prefecture): one Tokyo desk
        assert s.scalar(select(func.count(Organisation.id))) == 3


def test_utf8_bom_and_english_headers(db, actor, tmp_path):
    path = tmp_path / "en.csv"
    lines = ["Trainee No, Family Name ,GIVEN NAME,Family Kana,Given Kana,Organization,"
             "Prefecture,E-mail,Consent",
             "3001,Tanaka,Yuki,タナカ,ユキ,Kobe IA,Hyogo-ken,yuki@example.jp,yes"]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8-sig"))
    preview = preview_import(path, db)
    assert preview.encoding == "utf-8-sig"
    assert preview.counts[NEW] == 1 and not preview.errors
    apply_import(db, actor, preview)
    [row] = list_trainees(db)
    assert (row.family_name, row.prefecture, row.consent_publish_name) == ("Tanaka", "兵庫県", True)


def test_plain_utf8_and_full_width_headers(db, actor, tmp_path):
    path = write(tmp_path / "u.csv", ["ｼﾞｭｺｳ,受講番号 ,姓,名,所属機関（正式名称）,都道府県",
                                      "x,４２,林,舞,窓口,沖縄"])
    preview = preview_import(path, db)
    assert preview.encoding == "utf-8"
    assert any("ｼﾞｭｺｳ" in ja for ja, _ in preview.warnings)  # unknown column, ignored
    apply_import(db, actor, preview)
    assert list_trainees(db)[0].trainee_number == "42"


def test_bad_rows_are_reported_with_row_numbers_and_nothing_is_imported(db, actor, tmp_path):
    path = write(tmp_path / "bad.csv", [
        JA_HEADER,
        GOOD[0],                                                          # row 2
        "2003,,ヤマ,,某センター,東京都,a@example.jp,,",                     # row 3: no name
        "2004,川口　愛,,,某センター,東京都,not-an-email,,",                  # row 4: bad email
        "2005,林　舞,,,某センター,ムー大陸,,,",                             # row 5: prefecture
        "12345678901,森　誠,,,某センター,東京都,,,",                          # row 6: number
        "2001,山田　次郎,,,某センター,東京都,,,",                            # row 7: duplicate
        "",                                                               # row 8: blank, skipped
        GOOD[1],                                                          # row 9
    ], encoding="cp932")
    preview = preview_import(path, db)
    by_row = {e.row_number: e for e in preview.errors}
    assert set(by_row) == {2, 3, 4, 5, 6, 7}
    assert by_row[3].field == "family_name" and "氏名" in by_row[3].message_ja
    assert by_row[4].field == "email" and "email" in by_row[4].message_en
    assert by_row[5].field == "prefecture" and "ムー大陸" in by_row[5].message_ja
    assert by_row[6].field == "trainee_number" and "1〜8桁" in by_row[6].message_ja
    assert by_row[7].field == "trainee_number" and "行 2" in by_row[7].message_ja
    assert "row(s) 7" in by_row[2].message_en
    assert by_row[5].text("ja").startswith("行 5: ")
    assert by_row[5].text("en").startswith("Row 5: ")
    assert preview.counts == {NEW: 1, CHANGED: 0, UNCHANGED: 0, INVALID: 6}

    with pytest.raises(ImportRejected) as err:
        apply_import(db, actor, path)
    assert len(err.value.preview.errors) == 6
    assert list_trainees(db) == [] and audit_count(db) == 0


def test_skip_bad_rows_imports_only_the_good_ones(db, actor, tmp_path):
    path = write(tmp_path / "bad.csv", [JA_HEADER, GOOD[0], "2009,,,,x,東京都,,,", GOOD[1]])
    result = apply_import(db, actor, path, skip_bad_rows=True)
    assert (result.created, result.skipped) == (2, 1)
    assert [e.row_number for e in result.errors] == [3]
    assert [r.trainee_number for r in list_trainees(db)] == ["2001", "2002"]


def test_reimport_changes_nothing_and_writes_no_audit(db, actor):
    apply_import(db, actor, DATA / "roster_cp932.csv")
    before = audit_count(db)
    preview = preview_import(DATA / "roster_cp932.csv", db)
    assert preview.counts[UNCHANGED] == 4
    result = apply_import(db, actor, preview)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 4)
    assert audit_count(db) == before


def test_changed_row_updates_with_audit_before_after(db, actor, tmp_path):
    write(tmp_path / "a.csv", [JA_HEADER, *GOOD])
    apply_import(db, actor, tmp_path / "a.csv")
    changed = GOOD[0].replace("taro@example.jp", "taro@new.example.jp").replace(",岐阜県,", ",愛知,")
    write(tmp_path / "b.csv", [JA_HEADER, changed, GOOD[1]])
    preview = preview_import(tmp_path / "b.csv", db)
    [row] = [r for r in preview.rows if r.status == CHANGED]
    assert row.before["email"] == "taro@example.jp" and row.after["prefecture"] == "愛知県"
    result = apply_import(db, actor, preview)
    assert (result.updated, result.unchanged) == (1, 1)
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "trainee.update")).one()
    before, after = json.loads(entry.before_json), json.loads(entry.after_json)
    assert before == {"email": "taro@example.jp", "prefecture": "岐阜県"}
    assert after == {"email": "taro@new.example.jp", "prefecture": "愛知県"}
    assert entry.actor == "tester"


def test_missing_column_keeps_stored_value_and_run_assignment(db, actor, tmp_path):
    from datetime import date, time

    from scfn_desktop.services.runs.training_runs import create_run

    write(tmp_path / "a.csv", [JA_HEADER, *GOOD])
    apply_import(db, actor, tmp_path / "a.csv")
    run = create_run(db, actor, 2025, 2, "会場", [(date(2026, 2, 7), time(10), time(17))])
    write(tmp_path / "b.csv", ["受講番号,姓,名,所属機関,都道府県",
                               "2001,山田,太郎,岐阜県外国人総合相談センター,岐阜県"])
    result = apply_import(db, actor, tmp_path / "b.csv", run_id=run.id)
    assert result.updated == 1
    [row] = list_trainees(db, "2001")
    assert row.email == "taro@example.jp" and row.run_id == run.id
    with pytest.raises(NotFound):
        apply_import(db, actor, tmp_path / "b.csv", run_id=999)


def test_xlsx_uses_first_sheet_with_a_header(db, actor, tmp_path):
    wb = Workbook()
    wb.active.title = "説明"
    wb.active.append(["この名簿は令和7年度第1期のものです"])
    ws = wb.create_sheet("名簿")
    ws.append(["令和7年度 第1期 受講者一覧"])  # a title row above the header (row 1)
    ws.append(["受講番号", "姓", "名", "セイ", "メイ", "所属機関", "都道府県", "メモ"])
    ws.append([5001, "中村", "彩", "ナカムラ", "アヤ", "窓口A", "北海道", "x"])
    ws.append([5002, "", "", "", "", "窓口A", "北海道", ""])
    wb.save(tmp_path / "r.xlsx")
    preview = preview_import(tmp_path / "r.xlsx")
    assert preview.sheet == "名簿"
    assert any("名簿" in ja for ja, _ in preview.warnings)
    assert [e.row_number for e in preview.errors] == [4]
    result = apply_import(db, actor, preview, skip_bad_rows=True)
    assert result.created == 1 and list_trainees(db)[0].trainee_number == "5001"


def test_file_level_errors_name_the_file(db, actor, tmp_path):
    with pytest.raises(NotFound):
        preview_import(tmp_path / "nope.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ServiceError, match="empty"):
        preview_import(tmp_path / "empty.csv")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ServiceError) as err:
        preview_import(tmp_path / "broken.xlsx")
    assert "broken.xlsx" in err.value.message_ja and "Excel" in err.value.message_en
    write(tmp_path / "cols.csv", ["受講番号,氏名,フリガナ", "1,山田 太郎,ヤマダ タロウ"])
    with pytest.raises(ServiceError) as err:
        preview_import(tmp_path / "cols.csv")
    assert "所属機関" in err.value.message_ja and "都道府県" in err.value.message_ja
    assert "cols.csv" in err.value.message_en


def test_import_needs_permission(db, tmp_path):
    write(tmp_path / "a.csv", [JA_HEADER, *GOOD])
    with pytest.raises(PermissionDenied):
        apply_import(db, Actor("p", "proctor"), tmp_path / "a.csv")
    with db.session() as s:
        assert s.scalar(select(func.count(Trainee.id))) == 0
