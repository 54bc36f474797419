"""The rules' proposal (判定案): every path, the 2-year windows at their boundaries, and
"cannot decide" whenever a record is missing before a stage that says no."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from scfn_desktop.rules.dates import add_years
from scfn_desktop.rules.disqualification import Grounds
from scfn_desktop.rules.proposal import (
    CATEGORIES,
    MISSING,
    OUTCOMES,
    RETAKE_KIND_BY_CATEGORY,
    AttendanceFact,
    Outcome,
    PracticeFact,
    ProposalFacts,
    ProposalStatus,
    TestFact,
    propose,
)
from scfn_desktop.rules.retake import EXEMPTION_TABLE

MEETING = date(2025, 3, 7)
CLEAR = ProposalFacts(practice=PracticeFact.COMPLETED, attendance=AttendanceFact.COMPLETE,
                      test=TestFact.PASSED, grounds=Grounds(), on=MEETING, score=42,
                      max_points=50, criterion_ja="得点率60%以上", criterion_en="at least 60%")


def facts(**changes) -> ProposalFacts:
    return dataclasses.replace(CLEAR, **changes)


def test_everything_clear_proposes_certify_with_every_stage_explained():
    v = propose(CLEAR)
    assert v.status is ProposalStatus.CERTIFY and v.category is None and v.missing == ()
    assert v.suggested_outcome is Outcome.CERTIFY and v.clear
    assert [f.stage for f in v.findings] == ["practice", "venue", "test", "grounds"]
    assert all(f.result == "ok" for f in v.findings)
    assert "認定を提案" in v.reason_ja and "42/50点" in v.reason_ja
    assert "得点率60%以上" in v.reason_ja and "2025年3月7日" in v.reason_ja
    assert v.reason_en.startswith("Proposed: certify")
    assert v.as_dict()["status"] == "certify"  # plain JSON for the audit log


@pytest.mark.parametrize(("changes", "category"), [
    ({"practice": PracticeFact.STAGE1_INCOMPLETE}, "stage1_incomplete"),
    ({"practice": PracticeFact.WITHDREW}, "withdrew"),
    ({"attendance": AttendanceFact.REFUSED}, "venue_refused"),
    ({"attendance": AttendanceFact.EXCLUDED}, "venue_excluded"),
    ({"attendance": AttendanceFact.ABSENT, "test": TestFact.ABSENT}, "venue_absent"),
    ({"attendance": AttendanceFact.EXCUSED, "test": TestFact.ABSENT}, "absent_unavoidable"),
    ({"test": TestFact.FAILED, "score": 20}, "failed_test"),
    ({"test": TestFact.ABSENT, "score": None}, "absent_test"),
    ({"grounds": Grounds(mental_impairment=True)}, "disqualified"),
])
def test_each_no_gives_its_category(changes, category):
    v = propose(facts(**changes))
    assert v.status is ProposalStatus.NOT_CERTIFIED and v.category == category
    assert v.suggested_outcome is Outcome.NOT_CERTIFIED and v.clear and v.missing == ()
    assert CATEGORIES[category][0] in v.reason_ja
    assert CATEGORIES[category][1] in v.reason_en


def test_the_first_no_in_pipeline_order_decides_and_later_ones_are_still_listed():
    v = propose(facts(test=TestFact.FAILED, score=12,
                      grounds=Grounds(imprisonment_ended_on=date(2024, 1, 1))))
    assert v.category == "failed_test"
    assert [f.result for f in v.findings] == ["ok", "ok", "no", "no"]
    assert v.findings[3].category == "disqualified"
    assert v.disqualification is not None and v.disqualification.applicable == ("imprisonment",)
    # A withdrawal comes before everything else, whatever the later records say.
    v = propose(facts(practice=PracticeFact.WITHDREW, attendance=AttendanceFact.UNKNOWN,
                      test=TestFact.ABSENT, grounds=None))
    assert v.status is ProposalStatus.NOT_CERTIFIED and v.category == "withdrew"


@pytest.mark.parametrize(("changes", "missing"), [
    ({"practice": PracticeFact.UNKNOWN}, ("stage_record",)),
    ({"attendance": AttendanceFact.UNKNOWN}, ("attendance",)),
    ({"attendance": AttendanceFact.INCOMPLETE}, ("attendance_incomplete",)),
    ({"test": TestFact.PENDING, "open_marks": 3}, ("marks_open",)),
    ({"test": TestFact.NO_EXAM}, ("exam",)),
    ({"grounds": None}, ("grounds_unchecked",)),
    ({"attendance": AttendanceFact.UNKNOWN, "test": TestFact.PENDING, "grounds": None},
     ("attendance", "marks_open", "grounds_unchecked")),
])
def test_a_missing_record_means_cannot_decide(changes, missing):
    v = propose(facts(**changes))
    assert v.status is ProposalStatus.CANNOT_DECIDE and v.category is None
    assert v.missing == missing and not v.clear
    assert v.suggested_outcome is Outcome.DEFERRED
    assert v.reason_ja.startswith("判定できない")
    for code in missing:
        assert MISSING[code][0] in v.reason_ja and MISSING[code][1] in v.reason_en


def test_attendance_unknown_is_never_read_as_present():
    """A failed test behind unknown attendance is still "cannot decide": the venue record could
    change the category (and with it the retake exemption)."""
    v = propose(facts(attendance=AttendanceFact.UNKNOWN, test=TestFact.FAILED, score=10))
    assert v.status is ProposalStatus.CANNOT_DECIDE and v.missing == ("attendance",)
    assert "出席状況不明" in v.reason_ja


def test_open_marks_are_counted_in_the_reason():
    v = propose(facts(test=TestFact.PENDING, open_marks=2, score=None))
    assert "（2件）" in v.reason_ja and "(2)" in v.reason_en


@pytest.mark.parametrize("field", ["immigration_penalty_ended_on", "imprisonment_ended_on",
                                   "revoked_on"])
def test_two_year_windows_at_their_boundaries(field):
    since = date(2023, 3, 7)
    anniversary = add_years(since, 2)
    assert anniversary == MEETING
    day_before = facts(grounds=Grounds(**{field: since}), on=anniversary - timedelta(days=1))
    v = propose(day_before)
    assert v.status is ProposalStatus.NOT_CERTIFIED and v.category == "disqualified"
    assert v.disqualification.clear_from == anniversary
    v = propose(facts(grounds=Grounds(**{field: since}), on=anniversary))
    assert v.status is ProposalStatus.CERTIFY
    assert "経過" in v.findings[3].text_ja  # the ended ground is shown, not hidden


def test_leap_day_window_and_pending_sentence():
    leap = facts(grounds=Grounds(revoked_on=date(2024, 2, 29)))
    assert propose(dataclasses.replace(leap, on=date(2026, 2, 27))).category == "disqualified"
    assert propose(dataclasses.replace(leap, on=date(2026, 2, 28))).status is \
        ProposalStatus.CERTIFY
    pending = propose(facts(grounds=Grounds(immigration_penalty_pending=True)))
    assert pending.category == "disqualified" and pending.disqualification.clear_from is None


def test_agreement_with_a_decision():
    assert propose(CLEAR).agrees_with("certify")
    assert not propose(CLEAR).agrees_with("not_certified")
    blocked = propose(facts(grounds=None))
    assert blocked.agrees_with("deferred") and not blocked.agrees_with("certify")


def test_attendance_note_is_part_of_the_explanation():
    v = propose(facts(attendance=AttendanceFact.REFUSED, attendance_note_ja="1日目 65分遅刻",
                      attendance_note_en="day 1: 65 min late"))
    assert "1日目 65分遅刻" in v.reason_ja and "day 1: 65 min late" in v.reason_en


def test_tables_are_consistent():
    assert set(RETAKE_KIND_BY_CATEGORY) == set(CATEGORIES)
    for kind in RETAKE_KIND_BY_CATEGORY.values():
        assert kind is None or kind in EXEMPTION_TABLE
    assert set(OUTCOMES) == {o.value for o in Outcome}
    # The cases the rulebook exempts map from the categories the committee uses.
    assert RETAKE_KIND_BY_CATEGORY["failed_test"] == "failed_test"
    assert RETAKE_KIND_BY_CATEGORY["absent_unavoidable"] == "absent_unavoidable"
    assert RETAKE_KIND_BY_CATEGORY["withdrew_unavoidable"] == "withdrew_practice_unavoidable"
