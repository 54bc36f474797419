"""Issue 9 on the real PostgreSQL server: failed-login delays shared by two stations, concurrent
failures for one account, the signed checkpoint and reconciliation against changes made with
SQL by a user on the LAN, and backups refused in favour of pg_dump."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from scfn_desktop.db.session import Database
from scfn_desktop.services.admin import accounts, integrity, login_throttle
from scfn_desktop.services.backup.create import create_backup
from scfn_desktop.services.errors import PermissionDenied, ServiceError
from scfn_desktop.services.permissions import SYSTEM, Actor
from scfn_desktop.services.progress import run_to_end

ADMIN = Actor("kanri", "admin")


@pytest.fixture
def db(pg_db: Database) -> Database:
    accounts.add_user(pg_db, SYSTEM, "proctor", "proctor", "proctor-pass")
    accounts.add_user(pg_db, SYSTEM, "committee", "committee", "committee-pass")
    return pg_db


def test_delays_hold_for_the_account_on_a_second_station(db, tmp_path, monkeypatch):
    for _ in range(login_throttle.FREE_FAILURES):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(db, "proctor", "guess")
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path / "station-2"))
    with pytest.raises(PermissionDenied, match="Too many failed logins"):
        accounts.authenticate(db, "proctor", "proctor-pass")
    assert accounts.authenticate(db, "committee", "committee-pass").role == "committee"


def test_two_stations_failing_for_one_account_at_once(db, tmp_path, monkeypatch):
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def guess() -> None:
        barrier.wait()
        try:
            accounts.authenticate(db, "proctor", "guess")
        except PermissionDenied as exc:
            outcomes.append(exc.message_en)
        except BaseException as exc:  # noqa: BLE001 - any other error fails the test
            outcomes.append(repr(exc))

    threads = [threading.Thread(target=guess) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == 4 and all("not correct" in o for o in outcomes), outcomes
    admin = accounts.authenticate(db, "committee", "committee-pass")
    rows = {r.scope: r.failures for r in login_throttle.failed_logins(
        db, Actor("committee", "admin"))}
    assert rows.get("user") == 4 and admin.username == "committee"


def test_sql_changes_by_a_lan_user_are_caught(db):
    with db.engine.begin() as conn:  # what psql on the venue LAN can do
        conn.execute(text("UPDATE users SET role = 'admin' WHERE username = 'proctor'"))
        conn.execute(text("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)"))
    report = run_to_end(integrity.check_all_steps(db, (), True))
    assert report.chain.ok and not report.ok
    text_en = "\n".join(report.lines("en"))
    assert "newest entries were deleted" in text_en and "Role proctor → admin" in text_en


def test_backups_of_postgresql_point_to_pg_dump(db, tmp_path):
    with pytest.raises(ServiceError, match="pg_dump"):
        run_to_end(create_backup(db, ADMIN, tmp_path / "b"))
