"""What an unlucky or hostile user types: the longest reason allowed still prints on a notice
and in the minutes, markup in names prints as written, over-long member names and places are
refused with the limit named, and a grounds record with an impossible date is refused whole."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from committeekit import check_all, make_run, open_meeting, sit_exam, trainee_id
from examkit import COMMITTEE
from sqlalchemy import select

from scfn_desktop.db.models.committee import CommitteeMeeting, DisqualificationRecord
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.disqualification import Grounds
from scfn_desktop.services.committee import decisions, grounds, meetings, notices
from scfn_desktop.services.committee.decisions import MAX_TEXT
from scfn_desktop.services.errors import ValidationFailed


def text_of(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")


def test_the_longest_reason_and_markup_in_a_name_print(db, tmp_path):
    run = make_run(db, 1)
    sit_exam(db, run, {1: 2})
    check_all(db, run)
    with db.transaction() as s:
        t = s.scalar(select(Trainee).where(Trainee.run_id == run))
        t.family_name, t.given_name = "<b>山田&amp;", "</para>花子"
    m = open_meeting(db, run)
    reason = ("受験者本人から提出された申立書を審議した結果、" * 100)[:MAX_TEXT]
    decisions.decide(db, COMMITTEE, m, trainee_id(db, 1), "not_certified", "failed_test",
                     reason)
    meetings.close_meeting(db, COMMITTEE, m)
    batch = notices.write_notices(db, COMMITTEE, run, tmp_path / "n.pdf")
    text = text_of(batch.files[0])
    assert "<b>山田&amp;" in text and "</para>花子" in text
    compact = text.replace(" ", "")
    assert reason[:30] in compact and reason[-12:] in compact  # the whole reason, not cut
    minutes = tmp_path / "m.pdf"
    minutes.write_bytes(meetings.minutes_pdf(db, COMMITTEE, m))
    assert "…" in text_of(minutes)  # the minutes print a clipped reason, marked as such


def test_over_long_input_is_refused_with_the_limit(db):
    run = make_run(db, 1)
    with pytest.raises(ValidationFailed) as err:
        meetings.open_meeting(db, COMMITTEE, run, date(2025, 3, 7), "会" * 201,
                              [("委" * 61, "chair"), ("委員 花子", "boss")])
    message = err.value.message_ja
    assert "200文字まで" in message and "60文字まで" in message and "boss" in message
    with pytest.raises(ValidationFailed, match="twice"):
        meetings.open_meeting(db, COMMITTEE, run, date(2025, 3, 7), "会議室",
                              [("委員長 一郎", "chair"), ("委員長 一郎", "member")])
    with db.session() as s:
        assert s.scalars(select(CommitteeMeeting)).all() == []


def test_grounds_with_impossible_dates_are_refused_whole(db):
    run = make_run(db, 1)
    t = trainee_id(db, 1)
    with pytest.raises(ValidationFailed) as err:
        grounds.record_grounds(db, COMMITTEE, t, "checked",
                               Grounds(revoked_on=date(2030, 1, 1),
                                       imprisonment_ended_on=date(1900, 1, 1)), "",
                               today=date(2025, 3, 1))
    message = err.value.message_ja
    assert "未来" in message and "③" in message and "根拠" in message
    with pytest.raises(ValidationFailed, match="kind"):
        grounds.record_grounds(db, COMMITTEE, t, "guessed", Grounds())
    with pytest.raises(ValueError):  # contradictory facts never reach the service
        Grounds(imprisonment_pending=True, imprisonment_ended_on=date(2024, 1, 1))
    with db.session() as s:
        assert s.scalars(select(DisqualificationRecord)).all() == []
    assert run
