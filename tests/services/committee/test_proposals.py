"""Proposals from the real records (stage record, check-ins, graded exam, 欠格事由 checks):
every path of a realistic run, bulk acceptance of exactly the confirmed clear cases, the retake
exemption a decision earns, and dossiers loaded in a fixed number of queries."""

from __future__ import annotations

from datetime import date

import pytest
from committeekit import attend, check_all, make_run, open_meeting, sit_exam, trainee_id
from examkit import COMMITTEE
from sqlalchemy import event

from scfn_desktop.rules.disqualification import Grounds
from scfn_desktop.services.committee import decisions
from scfn_desktop.services.committee.dossier import dossier, run_dossiers
from scfn_desktop.services.errors import ValidationFailed

EXPECTED = {1: ("certify", None), 2: ("certify", None), 3: ("not_certified", "disqualified"),
            4: ("not_certified", "failed_test"), 5: ("not_certified", "withdrew"),
            6: ("not_certified", "absent_unavoidable"), 7: ("not_certified", "venue_refused"),
            8: ("not_certified", "venue_absent")}


@pytest.fixture
def run(db):
    """1, 2 pass; 3 passes but a ground applies; 4 fails; 5 withdrew in 実践; 6 excused absence;
    7 refused on day 1 (65 minutes late); 8 absent."""
    run_id = make_run(db, 8, withdrew=(5,))
    attend(db, run_id, (1, 2, 3, 4), excused=(6,), refused=(7,), absent=(8,))
    sit_exam(db, run_id, {1: 9, 2: 6, 3: 8, 4: 5})
    check_all(db, run_id, {3: Grounds(imprisonment_ended_on=date(2023, 3, 8))})
    return run_id


def test_every_path_from_the_records(db, run):
    got = {int(d.identity.trainee_number[-1]): (d.proposal.status.value, d.proposal.category)
           for d in run_dossiers(db, run, on=date(2025, 3, 7))}
    assert got == EXPECTED
    refused = dossier(db, trainee_id(db, 7), on=date(2025, 3, 7))
    assert refused.attendance.available and refused.attendance.days[0].status_ja.startswith(
        "受講不可")
    assert "65" in refused.proposal.reason_ja  # the minutes late are in the explanation
    excused = dossier(db, trainee_id(db, 6), on=date(2025, 3, 7))
    assert "発熱" in excused.proposal.reason_ja
    # Ground ③ ended on 2023-03-08: it still applies on 2025-03-07, no longer on 2025-03-08.
    assert dossier(db, trainee_id(db, 3), on=date(2025, 3, 8)).proposal.status == "certify"


def test_left_early_needs_the_committee(db):
    run_id = make_run(db, 1)
    attend(db, run_id, left_early=(1,))
    sit_exam(db, run_id, {1: 9})
    check_all(db, run_id)
    p = dossier(db, trainee_id(db, 1)).proposal
    assert p.status == "cannot_decide" and p.missing == ("attendance_incomplete",)
    assert "早退" in p.reason_ja


def test_bulk_accepts_exactly_the_confirmed_clear_cases(db, run):
    m = open_meeting(db, run)
    decisions.decide(db, COMMITTEE, m, trainee_id(db, 2), "deferred", reason="6/10 で境界",
                     awaiting="問題7の再検討")
    candidates = decisions.bulk_candidates(db, m)
    assert sorted(c.trainee_number[-1] for c in candidates) == list("1345678")
    stale = [c.trainee_id for c in candidates if c.trainee_number != "2410008"]
    with pytest.raises(ValidationFailed) as err:
        decisions.accept_proposals(db, COMMITTEE, m, stale)
    assert "2410008" in err.value.message_ja
    assert all(d.decision is None for d in run_dossiers(db, run) if d.identity.trainee_number
               != "2410002")
    done = decisions.accept_proposals(db, COMMITTEE, m, [c.trainee_id for c in candidates])
    assert len(done) == 7 and all(d.bulk and not d.against_proposal for d in done)
    by_number = {d.identity.trainee_number: d for d in run_dossiers(db, run)}
    assert by_number["2410001"].state == "awaiting_certification"
    assert by_number["2410004"].decision.reason.startswith("修了認定テスト不合格")
    assert decisions.bulk_candidates(db, m) == []
    # The exemptions the decisions earn (seed 000 §第2 4(2)イ, 3(2)).
    failed, excused = by_number["2410004"].exemption, by_number["2410006"].exemption
    assert failed.deadline == date(2028, 3, 31) and failed.test_only and failed.applies
    assert excused.kind == "absent_unavoidable" and excused.test_only
    assert not by_number["2410005"].exemption.applies  # withdrawal without accepted reason
    assert by_number["2410003"].exemption is None  # disqualified: no retake case
    assert not by_number["2410007"].exemption.applies


def test_dossiers_load_in_a_fixed_number_of_queries(db):
    """Loading the decision list costs the same number of queries for 6 or 24 trainees."""
    counts = []
    for term, n in ((1, 6), (2, 24)):
        run_id = make_run(db, n, withdrew=(2,), term=term)
        sit_exam(db, run_id, dict.fromkeys(range(1, n + 1), 9), term=term)
        check_all(db, run_id)
        m = open_meeting(db, run_id)
        decisions.decide(db, COMMITTEE, m, trainee_id(db, 2, term), "not_certified", "withdrew",
                         "未提出")
        statements: list[str] = []

        def count(*args, found=statements) -> None:  # type: ignore[no-untyped-def]
            found.append(args[2])

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            assert len(run_dossiers(db, run_id)) == n
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        counts.append(len(statements))
    assert counts[0] == counts[1] and counts[0] <= 30, counts
