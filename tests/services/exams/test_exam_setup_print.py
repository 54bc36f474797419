"""Service additions behind the exam GUI: forgiving key input, the one-page capacity check,
the print plan, printing that never leaves a partial PDF, and the readable key history."""

from __future__ import annotations

import pypdfium2
import pytest
from examkit import COMMITTEE, PROCTOR, STAFF, make_exam, make_run

from scfn_desktop.services.errors import PermissionDenied, ValidationFailed
from scfn_desktop.services.exams import answer_forms as exam_printing
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.results import key_versions
from scfn_desktop.services.progress import run_to_end


def pages(path) -> int:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def test_key_text_typed_with_an_ime_is_normalised():
    assert exams.parse_key_text("２，４、１／３") == {1: ["2"], 2: ["4"], 3: ["1", "3"]}
    assert exams.parse_key_text("1,2,\n3,4,\n") == {1: ["1"], 2: ["2"], 3: ["3"], 4: ["4"]}
    assert exams.parse_key_text("ｱ,イ") == {1: ["ア"], 2: ["イ"]}
    assert exams.parse_key_text("  ") == {}
    # a gap inside a line is kept, so later answers are not shifted silently
    assert exams.parse_key_text("1,,3") == {1: ["1"], 2: [], 3: ["3"]}


def test_capacity_of_one_form_is_checked_at_creation(db):
    assert exams.max_questions(4) == 100 and exams.max_questions(9) == 84
    run = make_run(db, 1)
    key = {q: ["1"] for q in range(1, 101)}
    with pytest.raises(ValidationFailed) as err:
        exams.create_exam(db, COMMITTEE, run, 100, key, num_choices=9)
    assert "84" in err.value.message_ja and "84" in err.value.message_en


def test_blank_title_gets_the_default(db):
    run = make_run(db, 1)
    exam = exams.create_exam(db, COMMITTEE, run, 2, {1: ["1"], 2: ["2"]}, title="  ")
    assert exam.title == "修了認定テスト"


def test_print_plan_and_pages(db, tmp_path):
    run = make_run(db, 3)
    exam_id = make_exam(db, run, n=10)
    plan = exam_printing.print_plan(db, exam_id)
    assert plan.trainees == 3 and plan.bad_numbers == ()
    out = tmp_path / "解答用紙.pdf"
    assert run_to_end(exam_printing.print_answer_sheets(db, PROCTOR, exam_id, out, blank=2)) == 5
    assert pages(out) == 5
    assert not (tmp_path / "解答用紙.pdf.part").exists()
    with pytest.raises(PermissionDenied):
        run_to_end(exam_printing.print_answer_sheets(db, STAFF, exam_id, out))


def test_cancelled_printing_leaves_no_partial_file(db, tmp_path):
    run = make_run(db, 3)
    exam_id = make_exam(db, run, n=10)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "forms.pdf"
    gen = exam_printing.print_answer_sheets(db, PROCTOR, exam_id, out, blank=5)
    next(gen)
    next(gen)
    gen.close()  # what the GUI's worker does on Cancel
    assert list(folder.iterdir()) == []
    out.write_bytes(b"%PDF old forms")  # an earlier, complete file survives a cancel
    gen = exam_printing.print_answer_sheets(db, PROCTOR, exam_id, out, blank=5)
    next(gen)
    gen.close()
    assert out.read_bytes() == b"%PDF old forms"
    assert [p.name for p in folder.iterdir()] == ["forms.pdf"]


def test_key_versions_say_what_changed(db):
    run = make_run(db, 2)
    exam_id = make_exam(db, run, n=5, key="1,2,3,4,1", pass_percent=60)
    exams.set_pass_criterion(db, COMMITTEE, exam_id, "points", 3, "委員会で基準を決定")
    exams.void_question(db, COMMITTEE, exam_id, 2, "設問不備")
    exams.set_key(db, COMMITTEE, exam_id, exams.parse_key_text("1,2,3/4,4,1"), "正答追加")
    history = key_versions(db, exam_id)
    assert [v.version for v in history] == [1, 2, 3, 4]
    assert [v.actor for v in history] == ["iinkai"] * 4
    assert "作成" in history[0].summary_ja
    assert history[1].summary_ja == "合格基準 得点率60%以上→3点以上"
    assert history[1].reason == "委員会で基準を決定"
    assert history[2].summary_ja == "問2を没問" and history[2].summary_en == "Q2 voided"
    assert history[3].summary_ja == "正答変更 問3 3→3/4"
