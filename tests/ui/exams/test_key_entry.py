"""Entering the answer key as a committee does: a spreadsheet column pasted with Ctrl+V into
the grid (question, answer), and the key and 没問 dialogs validating in place instead of
closing and losing what was typed."""

from __future__ import annotations

import pytest
from examkit import COMMITTEE, add_sheet, make_exam, make_run, trainee_id
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from scfn_desktop.services.exams import setup as exams
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.key_grid import AnswerKeyGrid
from scfn_desktop.ui.exams.results_page import ResultsPage

pytestmark = pytest.mark.gui


def ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.parametrize("questions", [50, 100])
def test_ctrl_v_of_a_spreadsheet_column_fills_the_key(qtbot, db, questions):
    make_run(db, 3)
    page = ResultsPage(AppContext(db, COMMITTEE, "en"))
    qtbot.addWidget(page)
    dialog = page.open_setup_dialog()
    dialog.choices.setValue(4)
    dialog.questions.setValue(questions)
    grid = dialog.key_grid
    assert grid.rowCount() == questions
    column = [str(q % 4 + 1) for q in range(questions)]
    column[2] = "１／３"  # full width, either is correct
    QGuiApplication.clipboard().setText("\r\n".join(column) + "\r\n")  # Excel's copy
    grid.setCurrentCell(0, 0)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert grid.filled_count() == questions
    assert f"{questions} of {questions} answers" in dialog.key_status.text()
    with qtbot.waitSignal(dialog.accepted):
        ok(dialog)
    [exam] = exams.list_exams(db)
    assert exam.num_questions == questions and exam.rule.key[3] == ("1", "3")
    assert exam.rule.key[questions] == (str((questions - 1) % 4 + 1),)


def test_grid_paste_forms(qtbot):
    grid = AnswerKeyGrid(6)
    qtbot.addWidget(grid)
    assert grid.paste_text("2\n4\n", start_row=3) == 2  # from the current row down
    assert grid.answers() == ["", "", "", "2", "4", ""]
    grid.paste_text("問1\t3\n問6\t１\n")  # a copied range: question, answer
    assert grid.answers() == ["3", "", "", "2", "4", "1"]
    grid.paste_text("1,2,3/4,4,1,2,3,4", start_row=0)  # the CLI's line; extra answers dropped
    assert grid.key_text() == "1,2,3/4,4,1,2"
    grid.setCurrentCell(1, 0)
    grid.setRangeSelected(grid.selectedRanges()[0], True)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert grid.answers()[1] == ""
    grid.set_key_text("2,4,1/3")
    assert grid.answers()[:3] == ["2", "4", "1/3"]


@pytest.fixture
def graded(db):
    run = make_run(db, 2)
    exam_id = make_exam(db, run, n=10, key="1,2,3,4,1,2,3,4,1,2", pass_percent=60)
    add_sheet(db, exam_id, trainee_id(db, 1), {q: ("single", ("1",)) for q in range(1, 11)})
    return exam_id


def test_void_dialog_keeps_the_question_when_the_reason_is_missing(qtbot, db, graded,
                                                                    japanese):
    page = ResultsPage(AppContext(db, COMMITTEE, "ja"))
    qtbot.addWidget(page)
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    dialog = page.key_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.question.setValue(7)
    ok(dialog)  # no reason given
    assert dialog.isVisible() and "理由" in dialog.error.text()
    assert dialog.question.value() == 7
    assert exams.get_exam(db, graded).rule.voided == frozenset()
    dialog.reason.setText("設問の記載に誤り")
    with qtbot.waitSignal(dialog.accepted):
        ok(dialog)
    assert exams.get_exam(db, graded).rule.voided == {7}
    assert page.changes_dialog is not None and page.changes_dialog.isVisible()


def test_key_dialog_shows_the_questions_at_fault(qtbot, db, graded, japanese):
    page = ResultsPage(AppContext(db, COMMITTEE, "ja"))
    qtbot.addWidget(page)
    qtbot.mouseClick(page.key_button, Qt.MouseButton.LeftButton)
    dialog = page.key_dialog
    assert dialog.key_grid.key_text() == "1,2,3,4,1,2,3,4,1,2"
    dialog.key_grid.paste_text("7\n", start_row=4)
    dialog.reason.setText("正答の誤記を訂正")
    ok(dialog)
    assert dialog.isVisible() and "問5" in dialog.error.text()
    dialog.key_grid.paste_text("1\n", start_row=4)
    dialog.key_grid.paste_text("4\n", start_row=0)
    with qtbot.waitSignal(dialog.accepted):
        ok(dialog)
    assert exams.get_exam(db, graded).rule.key[1] == ("4",)
