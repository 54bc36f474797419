"""The exam on PostgreSQL: versioned key, re-scoring on a key change, 没問, review decisions,
results, and importing synthetic scans of filled answer forms."""

from __future__ import annotations

from examkit import (
    COMMITTEE,
    PROCTOR,
    add_sheet,
    fill,
    make_exam,
    make_run,
    number,
    printed_pages,
    trainee_id,
    write_png,
)
from sqlalchemy import select

from scfn_desktop.db.models.exams import ExamMark
from scfn_desktop.db.session import Database
from scfn_desktop.services import audit
from scfn_desktop.services.exams import review
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.item_analysis import item_analysis
from scfn_desktop.services.exams.results import exam_results
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.progress import run_to_end


def results(db: Database, exam_id: int) -> dict:
    return exam_results(db, exam_id).by_number()


def chain_ok(db: Database) -> bool:
    with db.session() as s:
        return audit.verify_chain(s).ok


def test_key_change_void_and_criterion_rescore_everyone(pg_db: Database) -> None:
    run = make_run(pg_db, 3)
    exam_id = make_exam(pg_db, run, n=4, key="1,2,3/4,1", pass_percent=75)
    view = exams.get_exam(pg_db, exam_id)
    assert view.rule.key[3] == ("3", "4") and view.version == 1
    assert view.rule.pass_value == 75.0 and isinstance(view.rule.pass_value, float)
    assert view.run_label == "令和7年度 第1期"
    add_sheet(pg_db, exam_id, trainee_id(pg_db, 1), {1: ("single", "1"), 2: ("single", "2"),
                                                     3: ("single", "4"), 4: ("single", "1")})
    add_sheet(pg_db, exam_id, trainee_id(pg_db, 2), {1: ("single", "1"), 2: ("single", "3"),
                                                     3: ("single", "3"), 4: ("blank", "")})
    r = results(pg_db, exam_id)
    assert [(r[number(i)].score, r[number(i)].status) for i in (1, 2, 3)] == [
        (4, "passed"), (2, "failed"), (None, "absent")]

    report = exams.set_key(pg_db, COMMITTEE, exam_id, exams.parse_key_text("1,3,3/4,1"),
                           "問2の正答を訂正")
    assert report.exam.version == 2
    assert [(c.trainee_number, c.before, c.after) for c in report.changes] == [
        (number(2), "failed", "passed")]
    assert results(pg_db, exam_id)[number(1)].score == 3

    report = exams.void_question(pg_db, COMMITTEE, exam_id, 4, "没問（設問不備）")
    assert report.changes == []  # everyone gets question 4: no status changes
    assert [results(pg_db, exam_id)[number(i)].score for i in (1, 2)] == [3, 4]
    report = exams.set_pass_criterion(pg_db, COMMITTEE, exam_id, "points", 4, "委員会決定")
    assert [(c.trainee_number, c.before, c.after) for c in report.changes] == [
        (number(1), "passed", "failed")]
    history = exams.key_history(pg_db, exam_id)
    assert [v.version for v in history] == [1, 2, 3, 4]
    assert [v.reason for v in history][1:] == ["問2の正答を訂正", "没問（設問不備）", "委員会決定"]
    analysis = item_analysis(pg_db, exam_id)
    assert [i.question for i in analysis.items] == [1, 2, 3, 4] and analysis.items[3].voided
    assert chain_ok(pg_db)


def test_review_decision_resolves_a_doubtful_mark(pg_db: Database) -> None:
    run = make_run(pg_db, 1)
    exam_id = make_exam(pg_db, run, n=2, key="1,2", pass_percent=50)
    sheet = add_sheet(pg_db, exam_id, trainee_id(pg_db, 1),
                      {1: ("doubtful", "1"), 2: ("single", "2")})
    assert results(pg_db, exam_id)[number(1)].status == "pending"
    [item] = review.review_queue(pg_db, exam_id)
    assert item.kind == "mark" and item.sheet_id == sheet and item.question == 1
    review.decide(pg_db, PROCTOR, item.mark_id, ["1"])
    review.decide(pg_db, PROCTOR, item.mark_id, "blank")  # the latest decision wins
    assert [d[0] for d in review.decision_history(pg_db, item.mark_id)] == ["labels", "blank"]
    r = results(pg_db, exam_id)[number(1)]
    assert (r.score, r.status) == (1, "passed")
    with pg_db.session() as s:
        assert s.scalar(select(ExamMark.machine_status).where(ExamMark.id == item.mark_id)) == (
            "doubtful")  # the machine reading is kept, the decision is an event
    assert chain_ok(pg_db)


N, K = 10, 4
KEY = "1,2,3,4,1,2,3,4,1,2"
RIGHT = {q: KEY.split(",")[q - 1] for q in range(1, N + 1)}


def test_scanning_synthetic_sheets(pg_db: Database, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SCFN_DATA_DIR", str(tmp_path / "data"))
    run = make_run(pg_db, 3)
    exam_id = make_exam(pg_db, run, n=N, key=KEY, pass_percent=60)
    pages = printed_pages(str(exam_id), N, K, (number(1), number(2)))
    folder = tmp_path / "scanner"
    write_png(folder / "a.png", fill(pages[0], N, K, RIGHT))
    wrong = RIGHT | {q: "4" if RIGHT[q] != "4" else "1" for q in range(1, 6)}
    write_png(folder / "b.png", fill(pages[1], N, K, wrong))

    batch = run_to_end(import_scans(pg_db, PROCTOR, exam_id, [folder]))
    assert [(s.status, s.trainee_number) for s in batch.sheets] == [
        ("ok", number(1)), ("ok", number(2))]
    r = results(pg_db, exam_id)
    assert [(r[number(i)].score, r[number(i)].status) for i in (1, 2, 3)] == [
        (10, "passed"), (5, "failed"), (None, "absent")]
    again = run_to_end(import_scans(pg_db, PROCTOR, exam_id, [folder / "a.png"]))
    assert [f.status for f in again.files] == ["already"]
    assert chain_ok(pg_db)
