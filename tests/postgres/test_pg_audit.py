"""The hash-chained audit log on PostgreSQL: timestamps come back exactly as hashed, tampering
through SQL is named, and two stations writing at once collide instead of forking the chain."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select, text

from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.db.session import Database
from scfn_desktop.services import audit
from scfn_desktop.services.permissions import Actor

ACTOR = Actor(username="tanaka", role="staff")


@pytest.fixture
def db(pg_db: Database) -> Database:
    for i in range(5):
        with pg_db.transaction() as s:
            audit.record(s, ACTOR, "trainee.update", "trainee", i,
                         {"family_name": "山田", "n": i}, {"family_name": "山本", "n": i})
    return pg_db


def _verify(db: Database) -> audit.ChainReport:
    with db.session() as s:
        return audit.verify_chain(s)


def test_chain_verifies_after_a_round_trip(db: Database) -> None:
    report = _verify(db)
    assert report.ok and report.checked == 5
    with db.session() as s:
        first = s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).first()
    assert first is not None and first.at.tzinfo is None  # naive UTC, microseconds kept
    assert '"family_name":"山本"' in first.after_json


@pytest.mark.parametrize(
    ("sql", "broken_seq"),
    [
        ("UPDATE audit_log SET after_json = replace(after_json, '山本', '佐藤') WHERE seq = 3", 3),
        ("UPDATE audit_log SET actor = 'someone' WHERE seq = 1", 1),
        ("UPDATE audit_log SET at = at + interval '1 second' WHERE seq = 2", 2),
        ("DELETE FROM audit_log WHERE seq = 2", 3),
        ("UPDATE audit_log SET seq = 9 WHERE seq = 4", 5),
    ],
)
def test_tampering_through_sql_is_detected_and_named(db: Database, sql: str,
                                                     broken_seq: int) -> None:
    with db.engine.begin() as conn:
        assert conn.execute(text(sql)).rowcount == 1
    report = _verify(db)
    assert not report.ok
    assert report.broken_seq == broken_seq
    assert report.reason_ja and report.reason_en


def test_rolled_back_action_leaves_no_entry(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as s:
        audit.record(s, ACTOR, "trainee.update", "trainee", 99)
        raise RuntimeError("the user action failed")
    assert _verify(db).checked == 5


def test_long_entity_id_fits(db: Database) -> None:
    """An entity id longer than the column (e.g. a long file name) must not abort the action."""
    name = ("令和7年度_第1期_外国人支援コーディネーター養成研修_東京会場_受講者名簿_"
            "事務局確認済み_最終版_修正済み（2）.csv")
    assert len(name) > 60
    with db.transaction() as s:
        audit.record(s, ACTOR, "roster.import", "file", name, None, {"file": name})
    assert _verify(db).ok


def test_two_stations_writing_at_once_are_serialised(db: Database) -> None:
    """Station B appends while station A's entry is uncommitted: B waits for A's commit, then
    chains onto A's entry. Nobody's action is lost and the chain stays one line."""
    outcome: list[BaseException | None] = []

    def station_b() -> None:
        try:
            with db.transaction() as s:
                audit.record(s, Actor("suzuki", "staff"), "trainee.update", "trainee", "b")
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            outcome.append(exc)

    with db.transaction() as a:
        audit.record(a, ACTOR, "trainee.update", "trainee", "a")
        b = threading.Thread(target=station_b)
        b.start()
        deadline = time.monotonic() + 10
        while not _someone_waits_for_a_lock(db):
            assert b.is_alive() and time.monotonic() < deadline, "station B never blocked"
            time.sleep(0.02)
    b.join(10)
    assert not b.is_alive()
    assert outcome == [None]
    report = _verify(db)
    assert report.ok and report.checked == 7
    with db.session() as s:
        assert s.scalar(select(AuditEntry.actor).where(AuditEntry.seq == 6)) == "tanaka"
        assert s.scalar(select(AuditEntry.actor).where(AuditEntry.seq == 7)) == "suzuki"


def _someone_waits_for_a_lock(db: Database) -> bool:
    with db.engine.connect() as conn:
        return bool(conn.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()")).scalar())
