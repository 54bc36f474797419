"""The committee's exam setup on the results page: create the test of a run (the service's
refusal shown inside the dialog, which stays open), change the pass criterion with a reason and
see whose result changed, and read the history of the rule."""

from __future__ import annotations

import pytest
from examkit import COMMITTEE, PROCTOR, add_sheet, make_exam, make_run, number, trainee_id
from PySide6.QtWidgets import QDialogButtonBox, QFrame

from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.permissions import SYSTEM
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.results_page import ResultsPage

pytestmark = pytest.mark.gui


def ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_committee_creates_an_exam_and_sees_refusals_in_the_dialog(qtbot, db):
    make_run(db, 5)
    page = ResultsPage(AppContext(db, COMMITTEE, "ja"))
    qtbot.addWidget(page)
    assert page.picker.exam_id() == 0 and page.create_button.isVisibleTo(page)
    assert not page.pass_button.isEnabled()
    dialog = page.open_setup_dialog()
    assert dialog.run_combo.count() == 1 and "5" in dialog.run_combo.currentText()
    dialog.choices.setValue(9)
    assert dialog.questions.maximum() == 84  # what fits on one A4 form with 9 choices
    dialog.choices.setValue(4)
    dialog.questions.setValue(5)
    assert dialog.key_grid.rowCount() == 5
    dialog.key_grid.paste_text("1\n2\n5\n3\n", start_row=0)  # a column copied from Excel
    assert "4" in dialog.key_status.text() and "5" in dialog.key_status.text()
    ok(dialog)
    assert dialog.isVisible() and not dialog.error.isHidden()
    error = dialog.error.text()
    assert "正答" in error and "問3" in error and "問5" in error
    assert "question" not in error  # the Japanese half of each problem only
    assert exams.list_exams(db) == []

    dialog.key_grid.paste_text("１，２，３／４，4,1", start_row=0)  # the line form, via an IME
    dialog.criterion.points_radio.setChecked(True)
    dialog.criterion.points.setValue(3)
    ok(dialog)
    assert not dialog.isVisible()
    [exam] = exams.list_exams(db)
    assert exam.num_questions == 5 and exam.rule.key[3] == ("3", "4")
    assert (exam.rule.pass_mode, exam.rule.pass_value) == ("points", 3.0)
    assert page.picker.exam_id() == exam.id
    assert page.results.rowCount() == 5 and page.pass_button.isEnabled()


@pytest.fixture
def graded(db):
    """Three sat the test: 4/5, 3/5 and 2/5 at a 60 % criterion (passed, passed, failed)."""
    run = make_run(db, 3)
    exam_id = make_exam(db, run, n=5, key="1,2,3,4,1", pass_percent=60)
    right = {1: "1", 2: "2", 3: "3", 4: "4", 5: "1"}
    for i, wrong in ((1, 1), (2, 2), (3, 3)):
        answers = {q: ("single", (label,)) for q, label in right.items()}
        for q in range(1, wrong + 1):
            answers[q] = ("single", ("4" if right[q] != "4" else "1",))
        add_sheet(db, exam_id, trainee_id(db, i), answers)
    return exam_id


def test_pass_criterion_change_lists_changed_results(qtbot, db, graded):
    page = ResultsPage(AppContext(db, COMMITTEE, "ja"))
    qtbot.addWidget(page)
    assert [page.results.item(r, 3).text() for r in range(3)] == ["合格", "合格", "不合格"]
    dialog = page.open_pass_dialog()
    assert dialog.criterion.percent_radio.isChecked()
    assert dialog.criterion.percent.value() == 60.0
    dialog.criterion.points_radio.setChecked(True)
    dialog.criterion.points.setValue(4)
    ok(dialog)  # no reason: the service refuses, the dialog stays open
    assert dialog.isVisible() and "理由" in dialog.error.text()
    dialog.reason.setText("第2回委員会で合格基準を4点以上と決定")
    ok(dialog)
    assert not dialog.isVisible()
    changes = page.changes_dialog.table
    assert changes.rowCount() == 1 and changes.item(0, 0).text() == number(2)
    assert (changes.item(0, 2).text(), changes.item(0, 3).text()) == ("合格", "不合格")
    page.changes_dialog.accept()
    assert "4点以上" in page.rule_label.text()
    report = page.set_pass("percent", 40, "元に戻す")
    assert report is not None and {c.trainee_number for c in report.changes} == {
        number(2), number(3)}
    page.changes_dialog.accept()

    history = page.open_history()
    table = history.table
    assert table.rowCount() == 3
    assert [table.item(r, 0).text() for r in range(3)] == ["3", "2", "1"]  # newest first
    assert table.item(1, 2).text() == "iinkai"
    assert table.item(1, 3).text() == "第2回委員会で合格基準を4点以上と決定"
    assert "得点率60%以上→4点以上" in table.item(1, 4).text()
    history.reject()


def test_proctor_reads_history_but_cannot_change_the_rule(qtbot, db, graded):
    page = ResultsPage(AppContext(db, PROCTOR, "ja"))
    qtbot.addWidget(page)
    for button in (page.create_button, page.pass_button, page.key_button, page.void_button):
        assert not button.isVisibleTo(page)
    assert page.history_button.isVisibleTo(page)
    assert page.open_history().table.rowCount() == 1


def test_without_an_open_run_the_setup_dialog_says_so_and_leads_to_the_runs_page(
        qtbot, db, users, make_window, japanese):
    """A fresh install: the run drop-down was empty and 作成 said 「養成研修 0 が見つかりません。」."""
    from scfn_desktop.services.runs.editing import close_run

    window = make_window("committee", "ja")
    page = window.select_page("results")
    dialog = page.open_setup_dialog()
    notice = dialog.findChild(QFrame, "noRunNotice")
    assert notice is not None and notice.isVisible()
    assert "実施中の養成研修がありません" in notice.label.text() and "管理者" in notice.label.text()
    assert not dialog.ok_button.isEnabled() and dialog.run_combo.count() == 0
    with qtbot.waitSignal(dialog.finished):
        notice.button.click()
    assert window.current_page_key() == "runs"

    old, new = make_run(db, 2), make_run(db, 0, term=2)
    close_run(db, SYSTEM, new)
    dialog = page.open_setup_dialog()
    assert dialog.findChild(QFrame, "noRunNotice") is None
    assert [dialog.run_combo.itemData(i) for i in range(dialog.run_combo.count())] == [old]
