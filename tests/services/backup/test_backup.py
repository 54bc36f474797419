"""Backups (issue 9, §6): a consistent copy while the app writes, with scans and the audit
checkpoint; verification that catches damage and tampering; restore after verifying, keeping the
current file; automatic backups on venue days keeping the last K; PostgreSQL refused plainly."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from scfn_desktop.config import Settings
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.db.session import Database
from scfn_desktop.services import audit_checkpoint
from scfn_desktop.services.admin import integrity
from scfn_desktop.services.backup import manifest as mf
from scfn_desktop.services.backup import schedule
from scfn_desktop.services.backup.create import create_backup
from scfn_desktop.services.backup.restore import restore_backup
from scfn_desktop.services.backup.verify import verify_backup_steps
from scfn_desktop.services.demo.loader import load_demo
from scfn_desktop.services.demo.scans import demo_exam_id, write_sample_scans
from scfn_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.permissions import SYSTEM, Actor
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.services.roster.trainees import list_trainees, update_trainee

ADMIN = Actor("kanri", "admin")


@pytest.fixture
def demo(db):
    load_demo(db)
    return db


def backup(db, folder):
    return run_to_end(create_backup(db, ADMIN, folder))


def verify(path):
    return run_to_end(verify_backup_steps(path))


def scanned(db, tmp_path) -> int:
    """Two filled forms of the demo exam, scanned and imported (stored under scans/)."""
    exam_id = demo_exam_id(db)
    folder = tmp_path / "scanner"
    run_to_end(write_sample_scans(db, SYSTEM, exam_id, folder, 2))
    run_to_end(import_scans(db, SYSTEM, exam_id, [folder]))
    return exam_id


def test_a_backup_holds_the_database_scans_and_a_signed_checkpoint(demo, tmp_path):
    scanned(demo, tmp_path)
    result = backup(demo, tmp_path / "usb")
    assert result.path.parent == tmp_path / "usb" and result.path.name.startswith("scfn-backup-")
    names = {p.relative_to(result.path).as_posix() for p in result.path.rglob("*") if p.is_file()}
    assert {mf.DATABASE_FILE, mf.CHECKPOINT_FILE, mf.MANIFEST_FILE} <= names
    assert any(n.startswith("scans/") and n.endswith(".png") for n in names)
    report = verify(result.path)
    assert report.ok, report.lines("en")
    assert report.entries_checked == result.audit_seq and not report.other_station_key
    with sqlite3.connect(result.path / mf.DATABASE_FILE) as con:
        assert con.execute("SELECT count(*) FROM trainees").fetchone()[0] == 60
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one plain file
    assert not list((tmp_path / "usb").glob(".*.part"))
    assert integrity.verify_all(demo, ADMIN).ok  # the backup entry chained and signed


def test_the_copy_is_consistent_while_another_task_writes(demo, tmp_path):
    stop = threading.Event()
    errors: list[BaseException] = []

    def keep_editing() -> None:
        trainee = list_trainees(demo)[0]
        i = 0
        while not stop.is_set():
            i += 1
            try:
                update_trainee(demo, SYSTEM, trainee.id, {"romaji": f"Edit {i}"})
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
                return

    writer = threading.Thread(target=keep_editing)
    writer.start()
    try:
        results = [backup(demo, tmp_path / "b") for _ in range(3)]
    finally:
        stop.set()
        writer.join()
    assert errors == []
    for result in results:
        report = verify(result.path)
        assert report.ok, report.lines("en")


@pytest.mark.parametrize("damage", ["scan", "database", "audit", "checkpoint", "manifest"])
def test_verification_names_damage_and_tampering(demo, tmp_path, damage):
    scanned(demo, tmp_path)
    path = backup(demo, tmp_path / "b").path
    db_file = path / mf.DATABASE_FILE
    if damage == "scan":
        victim = next((path / "scans").rglob("*.png"))
        victim.write_bytes(victim.read_bytes()[:-10])
        expected = "differs from the manifest"
    elif damage == "database":
        data = bytearray(db_file.read_bytes())
        data[len(data) // 2 : len(data) // 2 + 100] = bytes(range(100))
        db_file.write_bytes(bytes(data))
        expected = "differs from the manifest"
    elif damage == "audit":  # consistent tampering: rewrite the file and the manifest
        with sqlite3.connect(db_file) as con:
            con.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
        manifest = json.loads((path / mf.MANIFEST_FILE).read_text())
        manifest["files"][mf.DATABASE_FILE] = {"size": db_file.stat().st_size,
                                               "sha256": mf.sha256_file(db_file)}
        (path / mf.MANIFEST_FILE).write_text(json.dumps(manifest))
        expected = "newest entries were deleted"
    elif damage == "checkpoint":
        cp = json.loads((path / mf.CHECKPOINT_FILE).read_text())
        cp["seq"] -= 1
        (path / mf.CHECKPOINT_FILE).write_text(json.dumps(cp))
        manifest = json.loads((path / mf.MANIFEST_FILE).read_text())
        manifest["files"][mf.CHECKPOINT_FILE] = {
            "size": (path / mf.CHECKPOINT_FILE).stat().st_size,
            "sha256": mf.sha256_file(path / mf.CHECKPOINT_FILE)}
        (path / mf.MANIFEST_FILE).write_text(json.dumps(manifest))
        expected = "signature does not match"
    else:
        (path / mf.MANIFEST_FILE).write_text("{")
        expected = "Cannot read the backup's list of files"
    report = verify(path)
    assert not report.ok and any(expected in line for line in report.lines("en")), (
        report.lines("en"))


def test_restore_verifies_keeps_the_current_file_and_signs_the_restored_log(demo, tmp_path,
                                                                            data_dir):
    path = backup(demo, tmp_path / "b").path
    before = list_trainees(demo)
    update_trainee(demo, ADMIN, before[0].id, {"family_name": "変更後"})
    result = run_to_end(restore_backup(demo, ADMIN, path))
    assert result.kept_aside.exists() and result.kept_aside.parent == demo.sqlite_path.parent
    assert list_trainees(demo)[0].family_name == before[0].family_name
    with sqlite3.connect(result.kept_aside) as con:  # the state before the restore is kept
        assert con.execute("SELECT family_name FROM trainees WHERE id = ?",
                           (before[0].id,)).fetchone()[0] == "変更後"
    report = integrity.verify_all(demo, ADMIN)
    assert report.ok, report.lines("en")
    assert list(data_dir.glob("keys/checkpoints/*.before-restore-*.json"))


def test_a_damaged_backup_is_not_restored(demo, tmp_path):
    path = backup(demo, tmp_path / "b").path
    (path / mf.DATABASE_FILE).write_bytes(b"not a database")
    count = len(list_trainees(demo))
    with pytest.raises(ValidationFailed) as refused:
        run_to_end(restore_backup(demo, ADMIN, path))
    assert "was not restored" in refused.value.message_en and len(list_trainees(demo)) == count


def test_restore_brings_back_deleted_scans(demo, tmp_path, data_dir):
    scanned(demo, tmp_path)
    path = backup(demo, tmp_path / "b").path
    for scan in (data_dir / "scans").rglob("*.png"):
        scan.unlink()
    result = run_to_end(restore_backup(demo, ADMIN, path))
    assert result.scans_added >= 2 and list((data_dir / "scans").rglob("*.png"))


def test_only_administrators_back_up_and_restore(demo, tmp_path):
    with pytest.raises(PermissionDenied):
        run_to_end(create_backup(demo, Actor("uketsuke", "staff"), tmp_path / "b"))
    path = backup(demo, tmp_path / "b").path
    with pytest.raises(PermissionDenied):
        run_to_end(restore_backup(demo, Actor("iinkai", "committee"), path))


def test_postgresql_is_backed_up_with_pg_dump(tmp_path):
    db = Database("postgresql+psycopg://scfn@localhost/none")
    with pytest.raises(ServiceError) as refused:
        run_to_end(create_backup(db, ADMIN, tmp_path / "b"))
    assert "pg_dump" in refused.value.message_en and "pg_dump" in refused.value.message_ja


def test_scans_already_in_the_previous_backup_are_linked_not_copied(demo, tmp_path):
    scanned(demo, tmp_path)
    first = backup(demo, tmp_path / "b").path
    second = backup(demo, tmp_path / "b").path
    scan = next(p.relative_to(first) for p in (first / "scans").rglob("*.png"))
    assert (first / scan).stat().st_ino == (second / scan).stat().st_ino
    assert verify(second).ok


def venue_today(db) -> None:
    from scfn_desktop.db.models.roster import TrainingRun, VenueDay
    with db.transaction() as s:
        run = TrainingRun(fiscal_year=2030, term=9, venue="会場")
        run.venue_days = [VenueDay(day_number=1, day=date.today(), starts_at=time(9),
                                   ends_at=time(17))]
        s.add(run)


def test_automatic_backups_run_on_venue_days_and_keep_the_last_k(db, tmp_path):
    folder = tmp_path / "auto"
    policy = schedule.AutoBackupPolicy(str(folder), every_minutes=30, keep=2, enabled=True)
    now = datetime.now()
    assert not schedule.due(db, policy, now)  # not a venue day
    venue_today(db)
    assert schedule.due(db, policy, now)
    assert not schedule.due(db, schedule.AutoBackupPolicy(str(folder), keep=2), now)  # off
    made = []
    for minutes in (0, 31, 62):
        stamp = now + timedelta(minutes=minutes)
        made.append(run_to_end(schedule.run_scheduled(db, policy)).path)
        renamed = made[-1].with_name(f"{mf.AUTO_PREFIX}{stamp.strftime(mf.STAMP)}")
        made[-1].rename(renamed)  # as if made at that time
        made[-1] = renamed
        schedule.prune(folder, policy.keep)
        assert not schedule.due(db, policy, stamp + timedelta(minutes=10))
        assert schedule.due(db, policy, stamp + timedelta(minutes=30))
    assert [p.name for p in schedule.automatic_backups(folder)] == [p.name for p in made[1:]]
    with db.session() as s:  # the policy's backups are the system's action
        from scfn_desktop.db.models.audit import AuditEntry
        actors = set(s.scalars(select(AuditEntry.actor).where(
            AuditEntry.action == "backup.create")))
    assert actors == {"system"}


def test_the_policy_is_an_administrators_setting(tmp_path):
    policy = schedule.AutoBackupPolicy(str(tmp_path / "auto"), 15, 4, True)
    with pytest.raises(PermissionDenied):
        schedule.save_policy(Actor("uketsuke", "staff"), policy)
    with pytest.raises(ValidationFailed):
        schedule.save_policy(ADMIN, schedule.AutoBackupPolicy("", 15, 4, True))
    schedule.save_policy(ADMIN, policy)
    assert schedule.load_policy(Settings.load()) == policy


def test_the_cli_creates_verifies_and_restores(db_url, capsys, tmp_path, monkeypatch):
    from scfn_desktop.cli import main

    def run(*args: str) -> tuple[int, str]:
        code = main(["--db", db_url, "--lang", "en", *args])
        out, err = capsys.readouterr()
        return code, out + err

    assert run("demo")[0] == 0
    code, out = run("backup", "create", "--to", str(tmp_path / "usb"))
    assert code == 1 and "--user NAME" in out  # creating needs an administrator's login
    monkeypatch.setenv("SCFN_USER", "admin")
    monkeypatch.setenv("SCFN_PASSWORD", "demo-admin")
    code, out = run("backup", "create", "--to", str(tmp_path / "usb"))
    assert code == 0 and "Backup written" in out
    (path,) = (tmp_path / "usb").iterdir()
    monkeypatch.delenv("SCFN_USER")
    code, out = run("backup", "verify", str(path))
    assert code == 0 and "The backup is intact" in out  # verifying only reads
    monkeypatch.setenv("SCFN_USER", "admin")
    code, out = run("backup", "restore", str(path))
    assert code == 0 and "kept as" in out and "Restart the app" in out
    (path / mf.MANIFEST_FILE).write_text("{}")
    code, out = run("backup", "verify", str(path))
    assert code == 1 and "not an SCFN backup" in out and "Traceback" not in out


def test_trainees_survive_a_restore_unchanged(demo, tmp_path):
    path = backup(demo, tmp_path / "b").path
    with demo.session() as s:
        count = s.scalar(select(func.count(Trainee.id)))
    run_to_end(restore_backup(demo, ADMIN, path))
    with demo.session() as s:
        assert s.scalar(select(func.count(Trainee.id))) == count
    assert audit_checkpoint.load_latest(demo.engine) is not None
    assert Path(path).exists()
