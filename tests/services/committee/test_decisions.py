"""Meetings and decisions: only committee members decide, only in an open meeting; against the
proposal needs a reason; closing locks everything; amendments keep the history; the audit chain
stays valid."""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from datetime import date

import pytest
from committeekit import (
    ADMIN,
    MEMBERS,
    attempt,
    check_all,
    make_run,
    open_meeting,
    sit_exam,
    trainee_id,
)
from examkit import COMMITTEE, PROCTOR, STAFF
from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.committee import CommitteeDecision
from scfn_desktop.services import audit
from scfn_desktop.services.committee import decisions, meetings
from scfn_desktop.services.committee.dossier import dossier
from scfn_desktop.services.errors import NotFound, PermissionDenied, ValidationFailed


@pytest.fixture
def run(db):
    run_id = make_run(db, 5, withdrew=(5,))
    sit_exam(db, run_id, {1: 9, 2: 8, 3: 4, 4: 7})
    check_all(db, run_id)
    return run_id


def chain_ok(db) -> bool:
    with db.session() as s:
        return audit.verify_chain(s).ok


def test_only_the_committee_opens_meetings_and_decides(db, run):
    for who in (ADMIN, STAFF, PROCTOR):
        with pytest.raises(PermissionDenied):
            meetings.open_meeting(db, who, run, date(2025, 3, 7), "会議室", MEMBERS)
    m = open_meeting(db, run)
    for who in (ADMIN, STAFF, PROCTOR):
        with pytest.raises(PermissionDenied):
            decisions.decide(db, who, m, trainee_id(db, 5), "not_certified", "withdrew",
                             "課題レポート未提出")


def test_meeting_needs_one_chair_and_a_place(db, run):
    with pytest.raises(ValidationFailed) as err:
        meetings.open_meeting(db, COMMITTEE, run, date(2025, 3, 7), "", [("委員 花子", "member")])
    assert "委員長" in err.value.message_ja and "開催場所" in err.value.message_ja
    online = meetings.open_meeting(db, COMMITTEE, run, date(2025, 3, 7), "", MEMBERS,
                                   online=True)
    assert online.where_ja == "オンライン" and online.is_open
    with pytest.raises(ValidationFailed, match="open meeting"):
        open_meeting(db, run)


def test_a_decision_follows_or_departs_from_the_proposal(db, run):
    m = open_meeting(db, run)
    withdrawn = trainee_id(db, 5)
    assert dossier(db, withdrawn).proposal.category == "withdrew"
    v = decisions.decide(db, COMMITTEE, m, withdrawn, "not_certified", "withdrew",
                         "課題レポートが提出されなかった")
    assert not v.against_proposal and v.version == 1
    # Attendance is not recorded: the proposal cannot decide, so 認定 departs from it.
    passed = trainee_id(db, 1)
    assert dossier(db, passed).proposal.status == "cannot_decide"
    with pytest.raises(ValidationFailed) as err:
        decisions.decide(db, COMMITTEE, m, passed, "certify")
    assert "判定案と異なる決定には理由" in err.value.message_ja
    v = decisions.decide(db, COMMITTEE, m, passed, "certify", reason="紙の出席簿で2日間の出席を確認")
    assert v.against_proposal
    with db.session() as s:
        row = s.get(CommitteeDecision, v.id)
        assert json.loads(row.proposal_json)["status"] == "cannot_decide"


@pytest.mark.parametrize(("outcome", "category", "reason", "awaiting", "needle"), [
    ("not_certified", "", "理由", "", "区分"),
    ("not_certified", "failed_test", "", "", "不認定の理由"),
    ("deferred", "", "", "", "待っている事項"),
    ("certify", "failed_test", "x", "", "不認定のときだけ"),
    ("maybe", "", "", "", "使えません"),
    ("not_certified", "failed_test", "あ" * 2001, "", "長すぎ"),
])
def test_decision_wording_is_checked(db, run, outcome, category, reason, awaiting, needle):
    m = open_meeting(db, run)
    with pytest.raises(ValidationFailed) as err:
        decisions.decide(db, COMMITTEE, m, trainee_id(db, 3), outcome, category, reason,
                         awaiting)
    assert needle in err.value.message_ja
    with db.session() as s:
        assert s.scalars(select(CommitteeDecision)).all() == []


def test_closing_locks_every_decision_and_writes_minutes(db, run, tmp_path):
    m = open_meeting(db, run)
    t = trainee_id(db, 5)
    first = decisions.decide(db, COMMITTEE, m, t, "not_certified", "withdrew", "未提出")
    closed = meetings.close_meeting(db, COMMITTEE, m)
    assert closed.status == "closed" and closed.decisions == 1
    pdf = tmp_path / closed.minutes_file
    assert pdf.read_bytes().startswith(b"%PDF")
    for call in (lambda: decisions.decide(db, COMMITTEE, m, t, "deferred", awaiting="x"),
                 lambda: decisions.accept_proposals(db, COMMITTEE, m, [t]),
                 lambda: meetings.set_members(db, COMMITTEE, m, MEMBERS),
                 lambda: meetings.close_meeting(db, COMMITTEE, m)):
        with pytest.raises(ValidationFailed) as err:
            call()
        assert "終了" in err.value.message_ja
    assert dossier(db, t).decision == dataclasses.replace(first, meeting_closed=True)


def test_amendments_keep_the_history(db, run):
    m = open_meeting(db, run)
    t = trainee_id(db, 3)
    first = decisions.decide(db, COMMITTEE, m, t, "not_certified", "failed_test", "4/10点")
    with pytest.raises(ValidationFailed, match="still open"):
        decisions.amend(db, COMMITTEE, first.id, "deferred", awaiting="x",
                        amendment_reason="y")
    meetings.close_meeting(db, COMMITTEE, m)
    with pytest.raises(ValidationFailed, match="reason of the amendment"):
        decisions.amend(db, COMMITTEE, first.id, "deferred", awaiting="再採点")
    with pytest.raises(PermissionDenied):
        decisions.amend(db, ADMIN, first.id, "deferred", awaiting="再採点",
                        amendment_reason="採点誤り")
    second = decisions.amend(db, COMMITTEE, first.id, "deferred", awaiting="問7の再採点",
                             amendment_reason="問7の正答に疑義が出たため")
    assert second.is_amendment and second.amends_id == first.id and second.version == 2
    with pytest.raises(ValidationFailed, match="already been amended"):
        decisions.amend(db, COMMITTEE, first.id, "certify", reason="x", amendment_reason="y")
    third = decisions.amend(db, COMMITTEE, second.id, "not_certified", "failed_test",
                            "再採点でも4/10点", amendment_reason="再採点の結果")
    history = dossier(db, t).history
    assert [h.outcome for h in history] == ["not_certified", "deferred", "not_certified"]
    assert [h.id for h in history] == [first.id, second.id, third.id]
    assert history[1].amendment_reason == "問7の正答に疑義が出たため"
    assert history[2].decided_by == "iinkai" and history[2].meeting_closed
    with db.session() as s:
        actions = s.scalars(select(audit.AuditEntry.action)
                            .where(audit.AuditEntry.action.like("committee.%"))).all()
    assert actions.count("committee.amend") == 2 and chain_ok(db)
    with pytest.raises(NotFound):
        decisions.amend(db, COMMITTEE, 9999, "certify", reason="x", amendment_reason="y")


def test_minutes_group_decisions_and_list_amendments(db, run, tmp_path):
    import subprocess

    m = open_meeting(db, run)
    decisions.decide(db, COMMITTEE, m, trainee_id(db, 5), "not_certified", "withdrew", "未提出")
    decisions.decide(db, COMMITTEE, m, trainee_id(db, 1), "certify", reason="出席簿で確認")
    decisions.decide(db, COMMITTEE, m, trainee_id(db, 2), "deferred", awaiting="出席記録の提出")
    meetings.close_meeting(db, COMMITTEE, m)
    current = dossier(db, trainee_id(db, 2)).decision
    decisions.amend(db, COMMITTEE, current.id, "certify", reason="出席記録を確認",
                    amendment_reason="閉会後に出席記録が届いたため")
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(meetings.minutes_pdf(db, COMMITTEE, m))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for needle in ("認定審査委員会 議事録", "委員長 一郎", "認定（1名）", "不認定（1名）",
                   "保留（1名）", "閉会後の修正", "閉会後に出席記録が届いたため", "保留 → 認定",
                   "判定案と異なる", "令和6年度 第1期", "2025年3月7日"):
        assert needle in text, needle


def test_two_decisions_for_one_trainee_at_once_collide(db, run):
    """Another station writes the trainee's next version while this decision is on its way:
    history never forks — the later one either waits and comes after it, or (where it read
    first) the (trainee, version) constraint makes it fail clearly."""
    m = open_meeting(db, run)
    t = trainee_id(db, 5)
    decisions.decide(db, COMMITTEE, m, t, "not_certified", "withdrew", "未提出")
    outcome: list[BaseException | None] = []
    other = Database(db.url)
    with other.transaction() as s:  # the other station's transaction, not yet committed
        s.add(CommitteeDecision(meeting_id=m, trainee_id=t, version=2, outcome="deferred",
                                awaiting="x", proposal_status="not_certified",
                                decided_by="other"))
        s.flush()
        worker = threading.Thread(target=lambda: outcome.append(
            attempt(lambda: decisions.decide(db, COMMITTEE, m, t, "deferred", reason="r",
                                                   awaiting="y"))))
        worker.start()
        time.sleep(0.5)  # the decision has read version 1 and waits to write version 2
    worker.join(10)
    other.dispose()
    history = [h.decided_by for h in dossier(db, t).history]
    if outcome[0] is None:
        # SQLite writers start with BEGIN IMMEDIATE (issue 9): the decision waited for the
        # other station's commit, then read version 2 and wrote version 3 after it.
        assert history == ["iinkai", "other", "iinkai"]
    else:
        assert isinstance(outcome[0], ValidationFailed) and "same moment" in str(outcome[0])
        assert history == ["iinkai", "other"]
    assert chain_ok(db)

