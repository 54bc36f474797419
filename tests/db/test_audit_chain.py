"""The audit log is append-only and hash-chained: any edit, deletion or insertion made behind
the application's back is detected and the first broken entry is named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from scfn_desktop.db.session import Database, open_database
from scfn_desktop.services import audit
from scfn_desktop.services.permissions import Actor

ACTOR = Actor(username="tanaka", role="staff")


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(f"sqlite:///{tmp_path / 'audit.sqlite3'}")
    for i in range(5):
        with database.transaction() as s:
            audit.record(s, ACTOR, "trainee.update", "trainee", i,
                         {"family_name": "山田", "n": i}, {"family_name": "山本", "n": i})
    return database


def _verify(db: Database) -> audit.ChainReport:
    with db.session() as s:
        return audit.verify_chain(s)


def test_intact_chain_verifies(db: Database) -> None:
    report = _verify(db)
    assert report.ok and report.checked == 5


def test_entries_keep_who_and_before_after(db: Database) -> None:
    with db.session() as s:
        first = s.scalars(audit.select(audit.AuditEntry).order_by(audit.AuditEntry.seq)).first()
    assert first is not None
    assert first.actor == "tanaka"
    assert '"family_name":"山田"' in first.before_json
    assert '"family_name":"山本"' in first.after_json
    assert first.prev_hash == audit.GENESIS_HASH


@pytest.mark.parametrize(
    ("sql", "broken_seq"),
    [
        ("UPDATE audit_log SET after_json = replace(after_json, '山本', '佐藤') WHERE seq = 3", 3),
        ("UPDATE audit_log SET actor = 'someone' WHERE seq = 1", 1),
        ("DELETE FROM audit_log WHERE seq = 2", 3),
        ("UPDATE audit_log SET seq = 9 WHERE seq = 4", 5),
    ],
)
def test_tampering_is_detected_and_named(db: Database, sql: str, broken_seq: int) -> None:
    path = db.sqlite_path
    assert path is not None
    db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(sql)
    report = _verify(db)
    assert not report.ok
    assert report.broken_seq == broken_seq
    assert report.reason_ja and report.reason_en


def test_rolled_back_action_leaves_no_entry(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as s:
        audit.record(s, ACTOR, "trainee.update", "trainee", 99)
        raise RuntimeError("the user action failed")
    assert _verify(db).checked == 5
