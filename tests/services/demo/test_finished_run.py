"""The demo's earlier, finished run: built through the services (check-ins, scanned and
reviewed test, 欠格事由, a closed meeting, the agency's 認証, the cards issued with one reissued
and one certification revoked), with a realistic mix of outcomes, an intact audit chain, and
nothing changed when loaded again."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from finishedkit import finished_demo
from sqlalchemy import func, select

from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.db.models.committee import CommitteeDecision
from scfn_desktop.db.models.exams import MarkDecision, ScanFile
from scfn_desktop.services import audit
from scfn_desktop.services.committee.dossier import run_dossiers
from scfn_desktop.services.committee.meetings import list_meetings
from scfn_desktop.services.committee.register import organisation_rows, register_rows
from scfn_desktop.services.demo import finished_run
from scfn_desktop.services.permissions import SYSTEM
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.services.runs.training_runs import list_runs


@pytest.fixture
def demo(tmp_path):
    db = finished_demo(tmp_path)
    yield db
    db.dispose()


def finished_run_id(db) -> int:
    return next(r.id for r in list_runs(db) if r.label == "令和6年度 第1期")


def test_a_realistic_mix_of_outcomes(demo):
    dossiers = run_dossiers(demo, finished_run_id(demo))
    assert len(dossiers) == 24
    states = Counter(d.state for d in dossiers)
    # 18 certified by the agency; one of them revoked afterwards (the demo's 取消)
    assert states == {"certified": 17, "revoked": 1, "not_certified": 6}
    categories = Counter(d.decision.category for d in dossiers
                         if d.decision.outcome == "not_certified")
    assert categories == {"failed_test": 3, "absent_unavoidable": 1, "withdrew": 1,
                          "disqualified": 1}
    assert all(d.decision.bulk and not d.decision.against_proposal for d in dossiers)
    excused = next(d for d in dossiers if d.decision.category == "absent_unavoidable")
    assert excused.exemption.applies and excused.exemption.deadline == date(2028, 3, 31)
    assert excused.attendance.fact == "excused" and "インフルエンザ" in excused.proposal.reason_ja
    disqualified = next(d for d in dossiers if d.decision.category == "disqualified")
    assert disqualified.exam.status == "passed"
    assert disqualified.grounds.checked.grounds.immigration_penalty_ended_on == date(2023, 10,
                                                                                     31)
    late = [d for d in dossiers if d.attendance.days and d.attendance.days[0].status_ja in (
        "遅刻", "やむを得ない事情による受講許可")]
    assert len(late) == 2
    assert sum(d.exam.reviewed_marks for d in dossiers) >= 2  # the proctor reviewed marks


def test_everything_came_through_the_services(demo):
    with demo.session() as s:
        actions = Counter(s.scalars(select(AuditEntry.action)))
        assert s.scalar(select(func.count(ScanFile.id))) == 22  # 24 minus excused and withdrew
        assert s.scalar(select(func.count(MarkDecision.id))) >= 2
        assert s.scalar(select(func.count(CommitteeDecision.id))) == 24
        assert audit.verify_chain(s).ok
    for action, at_least in (("scan.import", 1), ("review.decide", 2), ("committee.decide", 24),
                             ("committee.meeting_close", 1), ("committee.certify", 18),
                             ("certificate.create", 18), ("committee.grounds_checked", 24),
                             ("card.issue", 18), ("card.reissue", 1), ("certificate.revoke", 1),
                             ("card_key.create", 1)):
        found = sum(n for a, n in actions.items() if a == action or a.startswith(action))
        assert found >= at_least, (action, found, sorted(actions))
    [meeting] = list_meetings(demo, finished_run_id(demo))
    assert meeting.status == "closed" and meeting.held_on == date(2025, 3, 7)
    assert [m.role for m in meeting.members].count("chair") == 1
    assert meeting.minutes_file and (demo.sqlite_path.parent / meeting.minutes_file).exists()


def test_register_and_public_list(demo):
    rows = register_rows(demo, on=date(2026, 12, 1))
    assert [r.certificate_number for r in rows] == [f"SCFN-2024-{n:05d}" for n in range(1, 19)]
    assert all(r.certified_on == date(2025, 3, 28) and r.valid_until == date(2028, 3, 31)
               for r in rows)
    assert Counter(r.status for r in rows) == {"valid": 17, "revoked": 1}
    orgs = organisation_rows(demo, on=date(2026, 12, 1))
    assert sum(o.certified_coordinators for o in orgs) == 17
    consenting = {r.name for r in rows if r.consent_publish_name and r.status == "valid"}
    published = {n for o in orgs for n in o.published_names}
    assert published == consenting and len(published) < 17


def test_loading_again_changes_nothing(demo):
    with demo.session() as s:
        before = s.scalar(select(func.max(AuditEntry.seq)))
    assert run_to_end(finished_run.load_finished_run(demo, SYSTEM)) is None
    with demo.session() as s:
        assert s.scalar(select(func.max(AuditEntry.seq))) == before


def test_the_trainees_differ_from_the_current_run():
    from scfn_desktop.services.demo.loader import demo_trainees

    current = {(t.family[0], t.given[0]) for t in demo_trainees()}
    earlier = finished_run.finished_trainees()
    assert len(earlier) == 24 and not current & {(t.family[0], t.given[0]) for t in earlier}
    assert len({t.number for t in earlier}) == 24
