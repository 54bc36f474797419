"""The outputs: the register (xlsx, csv, json, pdf) with statuses valid / expired / revoked,
the public 所属機関リスト without names except of consenting persons, the results table, the
result notices (pass; fail with reason and retake exemption), all rendered with poppler."""

from __future__ import annotations

import io
import json
import subprocess
from datetime import date

import pytest
from committeekit import ADMIN, check_all, make_run, open_meeting, sit_exam, trainee_id
from examkit import COMMITTEE, STAFF
from openpyxl import load_workbook
from sqlalchemy import select

from scfn_desktop.db.models.roster import Organisation, Trainee
from scfn_desktop.services.committee import certification, decisions, exports, meetings, notices
from scfn_desktop.services.committee.register import organisation_rows, register_rows
from scfn_desktop.services.errors import PermissionDenied, ValidationFailed

TODAY = date(2026, 12, 1)


def pdftotext(data: bytes, tmp_path, name: str = "doc.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    png = subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path),
                          str(tmp_path / "page")], capture_output=True)
    assert png.returncode == 0, png.stderr
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "yes" in fonts.splitlines()[-1].split()[-5:-2]  # the font is embedded
    # Reading order without layout, lines joined: wrapped sentences and cells read whole.
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.replace("\n", "")


@pytest.fixture
def decided(db):
    """Trainees 1-4 certified (2 and 3 consent to publication, 4 later revoked), 5 failed,
    6 withdrew; organisations: 1, 2 in 新宿; 3, 4 in 横浜; a formula-looking organisation."""
    run = make_run(db, 6, withdrew=(6,))
    sit_exam(db, run, {1: 9, 2: 8, 3: 7, 4: 9, 5: 3})
    check_all(db, run)
    with db.transaction() as s:
        orgs = [Organisation(name="新宿区多文化共生プラザ", prefecture="東京都"),
                Organisation(name="=HYPERLINK(\"http://x\")", prefecture="神奈川県")]
        s.add_all(orgs)
        s.flush()
        for t in s.scalars(select(Trainee).where(Trainee.run_id == run)):
            i = int(t.trainee_number[-3:])
            t.organisation_id = orgs[0 if i in (1, 2, 5) else 1].id
            t.consent_publish_name = i in (2, 3)
    m = open_meeting(db, run)
    ids = {i: trainee_id(db, i) for i in range(1, 7)}
    for i in (1, 2, 3, 4):
        decisions.decide(db, COMMITTEE, m, ids[i], "certify", reason="出席簿で確認")
    decisions.decide(db, COMMITTEE, m, ids[5], "not_certified", "failed_test",
                     "3/10点で合格基準（得点率60%以上）に達しなかった")
    decisions.decide(db, COMMITTEE, m, ids[6], "not_certified", "withdrew_unavoidable",
                     "療養のため辞退（事務局認定）")
    meetings.close_meeting(db, COMMITTEE, m)
    certification.record_certification(db, ADMIN, [ids[i] for i in (1, 2, 3, 4)],
                                       date(2025, 3, 28), "入管庁第123号", today=TODAY)
    certification.revoke_certificate(db, ADMIN, "SCFN-2024-00004", date(2025, 9, 1),
                                     "不正な申請が判明", today=TODAY)
    return run, ids


def test_register_statuses_filters_and_sort(db, decided):
    rows = register_rows(db, on=TODAY)
    assert [r.certificate_number for r in rows] == [f"SCFN-2024-0000{i}" for i in (1, 2, 3, 4)]
    assert [r.status for r in rows] == ["valid", "valid", "valid", "revoked"]
    assert [r.status for r in register_rows(db, on=date(2028, 4, 1))] == [
        "expired", "expired", "expired", "revoked"]
    assert [r.trainee_number for r in register_rows(db, on=TODAY, status="revoked")] == [
        "2410004"]
    assert len(register_rows(db, on=TODAY, query="新宿")) == 2
    assert len(register_rows(db, on=TODAY, query="ＳＣＦＮ－２０２４－００００３")) in (0, 1)
    assert register_rows(db, on=TODAY, sort="organisation")[0].organisation.startswith("=")
    with pytest.raises(ValidationFailed):
        register_rows(db, status="lost")


def test_register_json_uses_snake_case_english_keys(db, decided):
    data = exports.export_register(db, ADMIN, "json", on=TODAY).data
    doc = json.loads(data)
    assert doc["format"] == "scfn-register" and doc["as_of"] == "2026-12-01"
    first = doc["certificates"][0]
    assert set(first) == {"certificate_number", "trainee_number", "name", "name_kana",
                          "organisation", "prefecture", "certified_on", "valid_until",
                          "status", "revoked_on", "training_run"}
    assert first["certified_on"] == "2025-03-28" and first["valid_until"] == "2028-03-31"
    assert doc["certificates"][3]["status"] == "revoked"
    assert doc["certificates"][3]["revoked_on"] == "2025-09-01"


def test_register_xlsx_and_csv_never_run_a_formula(db, decided):
    xlsx = exports.export_register(db, COMMITTEE, "xlsx", on=TODAY).data
    ws = load_workbook(io.BytesIO(xlsx)).active
    orgs = [ws.cell(row=r, column=5) for r in range(2, 6)]
    risky = [c for c in orgs if str(c.value).startswith("=")]
    assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky)
    assert ws.cell(row=2, column=1).value == "SCFN-2024-00001"
    assert [ws.cell(row=r, column=9).value for r in range(2, 6)] == [
        "有効", "有効", "有効", "取消済み"]
    csv = exports.export_register(db, ADMIN, "csv", on=TODAY).data.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and ",=HYPERLINK" not in csv
    with pytest.raises(PermissionDenied):
        exports.export_register(db, STAFF, "csv")
    with pytest.raises(ValidationFailed):
        exports.export_register(db, ADMIN, "docx")


def test_register_pdf_renders_in_japanese(db, decided, tmp_path):
    pdf = exports.export_register(db, ADMIN, "pdf", on=TODAY, sort="name").data
    text = pdftotext(pdf, tmp_path)
    for needle in ("認定者名簿", "2026年12月1日現在", "SCFN-2024-00001", "新宿区多文化共生プラザ",
                   "2028年3月31日", "取消済み（2025年9月1日）", "有効 3名", "取消済み 1名"):
        assert needle in text, needle


def test_the_public_organisation_list_names_only_who_consented(db, decided):
    rows = organisation_rows(db, on=TODAY)
    assert [(r.organisation, r.certified_coordinators) for r in rows] == [
        ("新宿区多文化共生プラザ", 2), ('=HYPERLINK("http://x")', 1)]
    with db.session() as s:
        names = {t.trainee_number: t.full_name for t in s.scalars(select(Trainee))}
    assert rows[0].published_names == (names["2410002"],)
    assert rows[1].published_names == (names["2410003"],)  # 2410004 is revoked: not counted
    doc = json.loads(exports.export_organisations(db, ADMIN, "json", on=TODAY).data)
    assert doc["format"] == "scfn-organisations"
    assert set(doc["organisations"][0]) == {"organisation", "prefecture",
                                            "certified_coordinators", "published_names"}
    everything = json.dumps(doc, ensure_ascii=False)
    for number in ("2410001", "2410004"):
        assert names[number] not in everything
    csv = exports.export_organisations(db, ADMIN, "csv", on=TODAY).data.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and names["2410001"] not in csv


def test_results_table_for_the_agency(db, decided):
    run, _ = decided
    wb = load_workbook(io.BytesIO(exports.export_results_table(db, ADMIN, run).data))
    ws = wb["審査結果"]
    header = [c.value for c in ws[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2,
                                                                         values_only=True)}
    assert rows["2410001"]["決定"] == "認定" and rows["2410001"]["認定番号"] == "SCFN-2024-00001"
    assert rows["2410005"]["理由の区分"] == "修了認定テスト不合格（合格基準未達）"
    assert rows["2410005"]["減免の期限"].date() == date(2028, 3, 31)
    assert rows["2410006"]["再受験の減免措置"] == "養成課程①を免除"
    summary = {r[0]: r[1] for r in wb["集計"].iter_rows(min_row=2, values_only=True)}
    assert summary["決定: 認定"] == 4 and summary["状態: 取消済み"] == 1


def test_notices_pass_and_fail_with_the_retake_exemption(db, decided, tmp_path):
    run, _ = decided
    batch = notices.write_notices(db, COMMITTEE, run, tmp_path / "all.pdf",
                                  issued_on=date(2025, 4, 1))
    assert batch.letters == 6 and len(batch.files) == 1
    text = pdftotext(batch.files[0].read_bytes(), tmp_path)
    assert text.count("修了認定通知書") == 4 and text.count("修了認定に関する通知書") == 2
    for needle in ("SCFN-2024-00001", "2028年3月31日", "2025年3月7日の認定審査委員会",
                   "3/10点で合格基準", "再受験の減免措置", "修了認定テストのみを受験",
                   "療養のため辞退", "養成課程①の受講を免除"):
        assert needle in text, needle
    each = notices.write_notices(db, ADMIN, run, tmp_path / "each", one_file_each=True)
    assert sorted(p.name for p in each.files) == [f"notice_241000{i}.pdf" for i in range(1, 7)]
    fail = pdftotext(each.files[4].read_bytes(), tmp_path, "fail.pdf")
    assert "修了認定に関する通知書" in fail and "2028年3月31日までに" in fail
    with pytest.raises(PermissionDenied):
        notices.write_notices(db, STAFF, run, tmp_path / "x.pdf")


def test_no_notice_before_the_meeting_closes(db, tmp_path):
    run = make_run(db, 2)
    sit_exam(db, run, {1: 9, 2: 9})
    check_all(db, run)
    m = open_meeting(db, run)
    decisions.decide(db, COMMITTEE, m, trainee_id(db, 1), "certify", reason="出席簿で確認")
    decisions.decide(db, COMMITTEE, m, trainee_id(db, 2), "deferred", reason="r",
                     awaiting="出席記録")
    with pytest.raises(ValidationFailed, match="No notice"):
        notices.write_notices(db, COMMITTEE, run, tmp_path / "x.pdf")
    meetings.close_meeting(db, COMMITTEE, m)
    batch = notices.write_notices(db, COMMITTEE, run, tmp_path / "x.pdf")
    assert batch.letters == 1 and batch.skipped == (("2410002", "保留中", "deferred"),)
