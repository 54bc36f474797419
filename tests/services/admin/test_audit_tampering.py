"""The audit log against someone who can write the database file (issue 9, §3): signed
checkpoints catch deleted newest entries, an emptied log and a rewritten chain; reconciliation
names every row of the audited tables changed behind the application's back."""

from __future__ import annotations

import json
import sqlite3

import pytest
from examkit import COMMITTEE, PROCTOR, fill, make_exam, number, printed_pages, write_png

from scfn_desktop.cli import main
from scfn_desktop.services import audit, audit_checkpoint, keys
from scfn_desktop.services.admin import integrity
from scfn_desktop.services.demo.loader import load_demo
from scfn_desktop.services.errors import PermissionDenied, ServiceError
from scfn_desktop.services.exams import review
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.permissions import SYSTEM, Actor
from scfn_desktop.services.progress import run_to_end


@pytest.fixture
def demo(db):
    load_demo(db)
    return db


def sql(db, *statements: str) -> None:
    """What someone with the database file and the sqlite3 shell does."""
    db.dispose()
    with sqlite3.connect(db.sqlite_path) as con:
        for statement in statements:
            con.execute(statement)


def rewrite_chain(db) -> None:
    """Recompute every hash from the first entry on, as an attacker with the formula would."""
    db.dispose()
    with sqlite3.connect(db.sqlite_path) as con:
        prev = audit.GENESIS_HASH
        rows = con.execute("SELECT id, seq, at, actor, action, entity, entity_id, before_json, "
                           "after_json FROM audit_log ORDER BY seq").fetchall()
        from datetime import datetime
        for row_id, seq, at, actor, action, entity, entity_id, before, after in rows:
            h = audit.entry_digest(prev, seq, datetime.fromisoformat(str(at)), actor, action,
                                   entity, entity_id, before, after)
            con.execute("UPDATE audit_log SET prev_hash = ?, entry_hash = ? WHERE id = ?",
                        (prev, h, row_id))
            prev = h


def check(db, *files, data=True):
    return run_to_end(integrity.check_all_steps(db, files, data))


def test_an_untouched_log_passes_every_check(demo):
    report = check(demo)
    assert report.ok, report.lines("en")
    assert report.checkpoints[0].source == "latest" and report.checkpoints[0].behind == 0
    assert report.data is not None and report.data.rows_checked >= 60 + 4


def test_a_checkpoint_is_written_after_every_commit_and_signed(demo):
    latest = audit_checkpoint.load_latest(demo.engine)
    with demo.session() as s:
        head = audit_checkpoint.read_head(s)
    assert (latest.seq, latest.entry_hash, latest.chain_id) == (
        head.seq, head.entry_hash, head.chain_id)
    assert latest.key == keys.station_fingerprint()
    tampered = json.loads(latest.to_json()) | {"seq": latest.seq + 1}
    forged = audit_checkpoint.parse(json.dumps(tampered), "forged.json")
    with demo.session() as s:
        assert "signature does not match" in audit_checkpoint.check(s, forged, "f").reason_en


def test_a_rolled_back_change_leaves_no_checkpoint(demo):
    before = audit_checkpoint.load_latest(demo.engine)
    with pytest.raises(RuntimeError), demo.transaction() as s:
        audit.record(s, SYSTEM, "test.action", "thing")
        raise RuntimeError("the action failed")
    assert audit_checkpoint.load_latest(demo.engine) == before


def test_deleting_the_newest_entries_is_caught(demo):
    """Today: not caught (the chain up to the new end still links)."""
    last = audit_checkpoint.load_latest(demo.engine).seq
    sql(demo, f"DELETE FROM audit_log WHERE seq > {last - 3}")
    report = check(demo, data=False)
    assert report.chain.ok and not report.ok
    assert f"entries up to {last}, the log ends at {last - 3}" in report.checkpoints[0].reason_en
    assert "最新の記録が削除されています" in report.checkpoints[0].reason_ja


def test_deleting_every_entry_while_trainees_remain_is_caught(demo):
    """Today: "intact (0 entries checked)" while 60 trainees remain."""
    sql(demo, "DELETE FROM audit_log")
    report = check(demo)
    assert report.chain.ok and report.chain.checked == 0 and not report.ok
    assert "every entry was deleted or rebuilt" in report.checkpoints[0].reason_en
    added = [f for f in report.data.findings if f.kind == "added" and f.table_en == "Trainee"]
    assert len(added) == 60


def test_an_edited_entry_with_every_hash_recomputed_is_caught(demo):
    """Today: not caught (plain SHA-256 has no secret)."""
    sql(demo, "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 10")
    assert not check(demo, data=False).chain.ok  # an amateur edit: the chain already says so
    rewrite_chain(demo)
    report = check(demo, data=False)
    assert report.chain.ok and not report.ok
    assert "rewritten and its hashes recomputed" in report.checkpoints[0].reason_en


def test_a_checkpoint_kept_elsewhere_catches_a_rewrite_of_log_and_checkpoint(demo, tmp_path,
                                                                            monkeypatch):
    """Someone with the database file and the station's folder re-signs the latest
    checkpoint after a truncation; the copy saved earlier (USB stick, backup) still disagrees."""
    kept = tmp_path / "usb" / "checkpoint.json"
    kept.parent.mkdir()
    kept.write_text(audit_checkpoint.current(demo).to_json(), encoding="utf-8")
    last = audit_checkpoint.load_latest(demo.engine).seq
    sql(demo, f"DELETE FROM audit_log WHERE seq > {last - 5}")
    with demo.session() as s:
        audit_checkpoint.write_latest(demo.engine, audit_checkpoint.read_head(s))
    monkeypatch.setattr(audit_checkpoint, "load_latest", lambda engine: None)
    report = check(demo, kept, data=False)
    by_source = {c.source: c for c in report.checkpoints}
    assert not by_source[str(kept)].ok and "newest entries were deleted" in (
        by_source[str(kept)].reason_en)


def test_rows_changed_behind_the_applications_back_are_named(demo):
    """Today: editing trainees, marks or sheets directly in the tables was not caught."""
    sql(demo,
        "UPDATE trainees SET family_name = '改ざん' WHERE trainee_number = '251003'",
        "UPDATE users SET role = 'admin' WHERE username = 'staff'",
        "UPDATE users SET password_hash = 'scrypt$1024$8$1$AAAA$BBBB' WHERE username = 'committee'",
        "INSERT INTO organisations (name, prefecture) VALUES ('幽霊法人', '東京都')")
    findings = {f.text("en") for f in check(demo).data.findings}
    assert any(t.startswith("Trainee id") and "(251003)" in t and "Family name 前田 → 改ざん" in t
               for t in findings), findings
    assert any("(staff)" in t and "Role staff → admin" in t for t in findings)
    assert any("(committee)" in t and "Password hash (digest)" in t for t in findings)
    assert any("幽霊法人" in t and "added behind the application's back" in t for t in findings)
    ja = {f.text("ja") for f in check(demo).data.findings}
    assert any("受講生 ID" in t and "姓 前田 → 改ざん" in t for t in ja)


def test_marks_sheets_keys_and_decisions_edited_in_the_tables_are_named(db, tmp_path):
    from examkit import make_run

    exam_id = make_exam(db, make_run(db, 2), n=10, key="1,2,3,4,1,2,3,4,1,2")
    page = printed_pages(str(exam_id), 10, 4, (number(1),))[0]
    path = write_png(tmp_path / "a.png", fill(page, 10, 4, {1: "1", 2: "2", 3: "34"}))
    (sheet,) = run_to_end(import_scans(db, PROCTOR, exam_id, [path])).sheets
    with db.session() as s:
        from sqlalchemy import select

        from scfn_desktop.db.models.exams import ExamMark
        mark_id = s.scalar(select(ExamMark.id).where(ExamMark.sheet_id == sheet.sheet_id,
                                                     ExamMark.question == 3))
    review.decide(db, PROCTOR, mark_id, ["3"])
    baseline = {f.text("en") for f in check(db).data.findings}
    sql(db,
        f"UPDATE exam_marks SET machine_labels_json = '[\"4\"]' WHERE sheet_id = {sheet.sheet_id}"
        " AND question = 1",
        f"UPDATE exam_mark_decisions SET labels_json = '[\"4\"]' WHERE mark_id = {mark_id}",
        f"UPDATE exam_key_versions SET key_json = replace(key_json, '\"1\": [\"1\"]', "
        f"'\"1\": [\"4\"]') WHERE exam_id = {exam_id}")
    findings = {f.text("en") for f in check(db).data.findings} - baseline
    assert any("Answer sheet id" in t and "a.png p1" in t for t in findings), findings
    assert any("Mark decisions id" in t and "Latest decision" in t for t in findings)
    assert any(t.startswith("Exam id") and "Answer key" in t for t in findings)


def test_the_cli_verifies_with_checkpoint_files_and_data(db_url, capsys, tmp_path, monkeypatch):
    def run(*args):
        code = main(["--db", db_url, "--lang", "en", *args])
        out, err = capsys.readouterr()
        return code, out + err

    assert run("demo")[0] == 0
    kept = tmp_path / "kept.json"
    code, out = run("audit", "checkpoint", "-o", str(kept))
    assert code == 0 and kept.exists() and "keep it somewhere else" in out
    code, out = run("audit", "log", "--limit", "1")
    assert json.loads(kept.read_text())["entry_hash"] in out  # the hash is printed now
    code, out = run("audit", "verify", "--checkpoint", str(kept), "--data")
    assert code == 0 and "Data reconciliation: matches" in out, out
    with sqlite3.connect(tmp_path / "t.sqlite3") as con:
        con.execute("DELETE FROM audit_log WHERE seq > 80")
        con.execute("UPDATE trainees SET email = 'x@evil.example' WHERE id = 7")
    code, out = run("audit", "verify", "--checkpoint", str(kept), "--data")
    assert code == 1 and "The newest entries were deleted" in out and "x@evil.example" in out
    assert "Traceback" not in out


def test_the_results_export_carries_the_signed_checkpoint(demo, tmp_path):
    from openpyxl import load_workbook

    from scfn_desktop.services.demo.scans import demo_exam_id
    from scfn_desktop.services.exams.exports import export_results

    exam_id = demo_exam_id(demo)
    export_results(demo, COMMITTEE, exam_id, tmp_path / "r.xlsx")
    sheet = dict(load_workbook(tmp_path / "r.xlsx")["監査チェックポイント"].iter_rows(
        min_row=2, values_only=True))
    with demo.session() as s:
        head = audit_checkpoint.read_head(s)
    assert int(sheet["連番（sequence）"]) == head.seq - 1  # the export's own entry comes after
    assert sheet["署名鍵（key fingerprint）"] == keys.station_fingerprint()
    export_results(demo, COMMITTEE, exam_id, tmp_path / "r.csv")
    assert "監査ログのチェックポイント" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")


def test_only_the_committee_and_administrators_run_the_check(demo):
    with pytest.raises(PermissionDenied):
        integrity.verify_all(demo, Actor("uketsuke", "staff"))
    assert integrity.verify_all(demo, COMMITTEE).ok


def test_an_unreadable_checkpoint_file_is_named(demo, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ServiceError) as refused:
        check(demo, bad)
    assert "bad.json" in refused.value.message_en
