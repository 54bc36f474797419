"""The committee on PostgreSQL: certificate numbers unique under concurrent issuing from real
connections, a decision racing the meeting's close, amendments keeping their history, and two
members deciding the same trainee at once."""

from __future__ import annotations

import threading
import time
from datetime import date

from committeekit import (
    ADMIN,
    attempt,
    check_all,
    make_run,
    open_meeting,
    sit_exam,
    trainee_id,
)
from examkit import COMMITTEE
from sqlalchemy import select, text

from scfn_desktop.db.models.certificates import Certificate
from scfn_desktop.db.models.committee import CommitteeDecision
from scfn_desktop.db.session import Database
from scfn_desktop.services import audit
from scfn_desktop.services.committee import certification, decisions, meetings
from scfn_desktop.services.committee.dossier import dossier, run_dossiers
from scfn_desktop.services.errors import ValidationFailed

TODAY = date(2026, 12, 1)


def wait_until_blocked(db: Database, timeout: float = 30.0) -> None:
    """Until another connection waits on a lock (what the race needs), polled from a separate
    connection; a fixed sleep was too short on a loaded CI machine."""
    deadline = time.monotonic() + timeout
    probe = Database(db.url)
    try:
        with probe.engine.connect() as conn:
            while time.monotonic() < deadline:
                waiting = conn.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database()")).scalar()
                if waiting:
                    return
                time.sleep(0.02)
    finally:
        probe.dispose()
    raise AssertionError("the racing decision never waited on the lock")


def chain_ok(db: Database) -> bool:
    with db.session() as s:
        return audit.verify_chain(s).ok


def committee_certified(db: Database, n: int) -> list[int]:
    run = make_run(db, n)
    sit_exam(db, run, dict.fromkeys(range(1, n + 1), 9))
    check_all(db, run)
    m = open_meeting(db, run)
    ids = [trainee_id(db, i) for i in range(1, n + 1)]
    for tid in ids:
        decisions.decide(db, COMMITTEE, m, tid, "certify", reason="出席簿で確認")
    meetings.close_meeting(db, COMMITTEE, m)
    return ids


def test_numbers_stay_unique_under_concurrent_issuing(pg_db: Database) -> None:
    """Six stations, each on its own connection, record 認証 at the same instant, twice in a
    row: twelve certificates, twelve distinct numbers, serials 1..12."""
    ids = committee_certified(pg_db, 12)
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def station(part: list[int]) -> None:
        own = Database(pg_db.url)
        try:
            for tid in part:
                barrier.wait()
                certification.record_certification(own, ADMIN, [tid], date(2025, 3, 28),
                                                   "入管庁第1号", today=TODAY)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=station, args=(ids[i::6],)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    with pg_db.session() as s:
        got = s.scalars(select(Certificate.number)).all()
    assert sorted(got) == [f"SCFN-2024-{n:05d}" for n in range(1, 13)]
    assert chain_ok(pg_db)


def test_the_same_trainee_certified_twice_at_once_gets_one_certificate(pg_db: Database):
    ids = committee_certified(pg_db, 1)
    barrier = threading.Barrier(3)
    outcomes: list[object] = []

    def station() -> None:
        own = Database(pg_db.url)
        try:
            barrier.wait()
            outcomes.append(certification.record_certification(
                own, ADMIN, ids, date(2025, 3, 28), "入管庁第1号", today=TODAY))
        except ValidationFailed as exc:
            outcomes.append(exc)
        finally:
            own.dispose()

    threads = [threading.Thread(target=station) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sum(1 for o in outcomes if isinstance(o, list)) == 1
    assert sum(1 for o in outcomes if isinstance(o, ValidationFailed)) == 2
    with pg_db.session() as s:
        assert s.scalars(select(Certificate.number)).all() == ["SCFN-2024-00001"]


def test_a_decision_racing_the_close_is_either_in_the_minutes_or_refused(pg_db: Database):
    """The close holds the meeting row FOR UPDATE; a decision waits FOR SHARE, then finds the
    meeting closed and is refused: nothing lands in a closed meeting."""
    run = make_run(pg_db, 2)
    sit_exam(pg_db, run, {1: 9, 2: 9})
    check_all(pg_db, run)
    m = open_meeting(pg_db, run)
    result: list[BaseException | None] = []
    closer = Database(pg_db.url)
    with closer.engine.begin() as conn:  # the close, holding the row lock
        conn.execute(text("SELECT id FROM committee_meetings WHERE id = :m FOR UPDATE"),
                     {"m": m})
        worker = threading.Thread(target=lambda: result.append(attempt(
            lambda: decisions.decide(pg_db, COMMITTEE, m, trainee_id(pg_db, 1), "certify",
                                     reason="出席簿で確認"))))
        worker.start()
        wait_until_blocked(pg_db)  # the decision waits FOR SHARE on the meeting row
        conn.execute(text("UPDATE committee_meetings SET status = 'closed' WHERE id = :m"),
                     {"m": m})
    worker.join(30)
    closer.dispose()
    assert isinstance(result[0], ValidationFailed) and "closed" in str(result[0])
    with pg_db.session() as s:
        assert s.scalars(select(CommitteeDecision)).all() == []


def test_two_members_deciding_one_trainee_at_once_collide(pg_db: Database):
    run = make_run(pg_db, 1)
    sit_exam(pg_db, run, {1: 9})
    check_all(pg_db, run)
    m = open_meeting(pg_db, run)
    t = trainee_id(pg_db, 1)
    result: list[BaseException | None] = []
    other = Database(pg_db.url)
    with other.transaction() as s:  # the other member's decision, not yet committed
        s.add(CommitteeDecision(meeting_id=m, trainee_id=t, version=1, outcome="deferred",
                                awaiting="x", proposal_status="cannot_decide",
                                decided_by="other"))
        s.flush()
        worker = threading.Thread(target=lambda: result.append(attempt(
            lambda: decisions.decide(pg_db, COMMITTEE, m, t, "certify", reason="確認済み"))))
        worker.start()
        wait_until_blocked(pg_db)  # it read no decision and now waits on the unique index
    worker.join(30)
    other.dispose()
    assert isinstance(result[0], ValidationFailed) and "same moment" in str(result[0])
    assert [h.decided_by for h in dossier(pg_db, t).history] == ["other"]
    assert chain_ok(pg_db)


def test_amendments_keep_history_and_dossiers_load_on_postgres(pg_db: Database):
    run = make_run(pg_db, 3, withdrew=(3,))
    sit_exam(pg_db, run, {1: 9, 2: 3})
    check_all(pg_db, run)
    m = open_meeting(pg_db, run)
    first = decisions.decide(pg_db, COMMITTEE, m, trainee_id(pg_db, 2), "not_certified",
                             "failed_test", "3/10点")
    meetings.close_meeting(pg_db, COMMITTEE, m)
    second = decisions.amend(pg_db, COMMITTEE, first.id, "deferred", awaiting="再採点",
                             amendment_reason="正答に疑義")
    history = dossier(pg_db, trainee_id(pg_db, 2)).history
    assert [h.id for h in history] == [first.id, second.id] and history[1].is_amendment
    proposals = {d.identity.trainee_number: d.proposal for d in run_dossiers(pg_db, run)}
    assert proposals["2410003"].category == "withdrew"
    assert proposals["2410001"].missing == ("attendance",)
    assert chain_ok(pg_db)

