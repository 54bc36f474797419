"""The exam, its versioned key and grading: multiple accepted answers, 没問, pass by points or
percent, 未受験, pending review, and the list of whose pass/fail a key change flipped."""

from __future__ import annotations

import pytest
from examkit import COMMITTEE, PROCTOR, add_sheet, make_exam, make_run, trainee_id
from sqlalchemy import select

from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.services import audit
from scfn_desktop.services.errors import PermissionDenied, ValidationFailed
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.grading import compute_results


def results(db, exam_id):
    with db.session() as s:
        return compute_results(s, exam_id).by_number()


def test_create_and_list(db):
    run = make_run(db, 3)
    exam_id = make_exam(db, run, n=5, key="1,2,3/4,1,2", pass_percent=60)
    view = exams.get_exam(db, exam_id)
    assert view.rule.key[3] == ("3", "4")
    assert view.rule.max_points == 5 and view.version == 1
    assert view.run_label == "令和7年度 第1期"
    assert view.number_digits == 8
    assert [e.id for e in exams.list_exams(db)] == [exam_id]


def test_only_committee_manages_exams(db):
    run = make_run(db, 1)
    with pytest.raises(PermissionDenied):
        exams.create_exam(db, PROCTOR, run, 2, {1: ["1"], 2: ["2"]})


@pytest.mark.parametrize("key,problem", [("1,2", "no answer"), ("1,5,1", "not a choice")])
def test_bad_key_is_refused(db, key, problem):
    run = make_run(db, 1)
    with pytest.raises(ValidationFailed) as err:
        exams.create_exam(db, COMMITTEE, run, 3, exams.parse_key_text(key))
    assert any(problem in p for p in err.value.problems)


def test_kana_labels(db):
    run = make_run(db, 1)
    exam_id = make_exam(db, run, n=2, key="ア,イ/ウ", labels="kana")
    assert exams.get_exam(db, exam_id).choice_labels == "アイウエ"


def test_multiple_accepted_answers_and_several_marks(db):
    run = make_run(db, 3)
    exam_id = make_exam(db, run, n=2, key="1/3,2", pass_percent=50)
    add_sheet(db, exam_id, trainee_id(db, 1), {1: ("single", "1"), 2: ("single", "2")})
    add_sheet(db, exam_id, trainee_id(db, 2), {1: ("single", "3"), 2: ("multiple", "23")})
    add_sheet(db, exam_id, trainee_id(db, 3), {1: ("multiple", "13"), 2: ("blank", "")})
    r = results(db, exam_id)
    assert [r[n].score for n in sorted(r)] == [2, 1, 0]
    assert [r[n].status for n in sorted(r)] == ["passed", "passed", "failed"]


def test_absent_and_pending(db):
    run = make_run(db, 3)
    exam_id = make_exam(db, run, n=3, key="1,1,1")
    add_sheet(db, exam_id, trainee_id(db, 1), {1: ("doubtful", "1"), 2: ("single", "1")})
    r = results(db, exam_id)
    first, _, third = (r[n] for n in sorted(r))
    assert first.status == "pending" and first.score is None and first.pending_questions == (1,)
    assert third.status == "absent" and "未受験" in third.reason_ja and not third.passed


def test_pass_by_points_vs_percent(db):
    run = make_run(db, 1)
    exam_id = make_exam(db, run, n=10, key="1,1,1,1,1,1,1,1,1,1", pass_percent=70)
    add_sheet(db, exam_id, trainee_id(db, 1), {q: ("single", "1") for q in range(1, 7)})
    assert next(iter(results(db, exam_id).values())).status == "failed"
    report = exams.set_pass_criterion(db, COMMITTEE, exam_id, "points", 6, "委員会決定")
    assert [(c.before, c.after) for c in report.changes] == [("failed", "passed")]
    assert report.exam.rule.pass_mode == "points" and report.exam.version == 2
    with pytest.raises(ValidationFailed):
        exams.set_pass_criterion(db, COMMITTEE, exam_id, "points", 11, "x")


def test_void_gives_everyone_the_points_and_lists_changes(db):
    run = make_run(db, 3)
    exam_id = make_exam(db, run, n=5, key="1,1,1,1,1", pass_percent=80)
    add_sheet(db, exam_id, trainee_id(db, 1), {q: ("single", "1") for q in (1, 2, 3)})
    add_sheet(db, exam_id, trainee_id(db, 2), {q: ("single", "1") for q in (1, 2, 3, 4)})
    report = exams.void_question(db, COMMITTEE, exam_id, 5, "設問に誤り")
    changed = {c.trainee_number: (c.before, c.after, c.score_after) for c in report.changes}
    assert changed == {"25010001": ("failed", "passed", 4)}
    r = results(db, exam_id)
    assert r["25010002"].score == 5 and r["25010003"].status == "absent"
    with pytest.raises(ValidationFailed):
        exams.void_question(db, COMMITTEE, exam_id, 6, "no such question")


def test_key_change_rescoring_is_versioned_and_audited(db):
    run = make_run(db, 2)
    exam_id = make_exam(db, run, n=2, key="1,2", pass_percent=100)
    add_sheet(db, exam_id, trainee_id(db, 1), {1: ("single", "1"), 2: ("single", "2")})
    add_sheet(db, exam_id, trainee_id(db, 2), {1: ("single", "1"), 2: ("single", "3")})
    with pytest.raises(ValidationFailed):
        exams.set_key(db, COMMITTEE, exam_id, {1: ["1"], 2: ["3"]}, reason=" ")
    report = exams.set_key(db, COMMITTEE, exam_id, {1: ["1"], 2: ["3"]}, reason="正答の誤記")
    assert {c.trainee_number: c.after for c in report.changes} == {
        "25010001": "failed", "25010002": "passed"}
    history = exams.key_history(db, exam_id)
    assert [(v.version, v.reason, v.actor) for v in history][1] == (2, "正答の誤記", "iinkai")
    with db.session() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
        assert actions == ["exam.create", "exam.set_key"]
        assert audit.verify_chain(s).ok


def test_points_per_question(db):
    run = make_run(db, 1)
    exam_id = make_exam(db, run, n=2, key="1,1", points={1: 3, 2: 1}, pass_points=3)
    add_sheet(db, exam_id, trainee_id(db, 1), {1: ("single", "1")})
    r = next(iter(results(db, exam_id).values()))
    assert (r.score, r.max_points, r.status) == (3, 4, "passed")
