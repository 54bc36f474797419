"""The results page for the committee: the item analysis tab (flagged questions highlighted,
voided ones marked, KR-20 above), exports in the format the name says (a mismatch refused,
nothing written), the annotated forms drawn on the worker, and Japanese default names."""

from __future__ import annotations

import pytest
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
from PySide6.QtWidgets import QFileDialog

from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.results_export import with_filter_suffix
from scfn_desktop.ui.exams.results_page import ResultsPage

pytestmark = pytest.mark.gui

# The hand-computed case of tests/services/exams/test_item_analysis.py (Q3 flagged, Q4 voided).
ANSWERS = [("1", "2", "1", "4"), ("1", "2", "1", "1"), ("1", "2", "3", "4"),
           ("1", "3", "1", "4"), ("2", "3", "3", "2"), ("", "23", "1", "4")]


@pytest.fixture
def analysed(db):
    run = make_run(db, 6)
    exam_id = make_exam(db, run, n=4, key="1,2,3,4")
    exams.void_question(db, COMMITTEE, exam_id, 4, "設問不備")
    for i, answers in enumerate(ANSWERS, start=1):
        sheet = {q: (("blank", ()) if not a else ("single", (a,)) if len(a) == 1
                     else ("multiple", tuple(a))) for q, a in enumerate(answers, start=1)}
        add_sheet(db, exam_id, trainee_id(db, i), sheet)
    return exam_id


def test_item_analysis_tab_highlights_the_questions_to_look_at(qtbot, db, analysed, japanese):
    page = ResultsPage(AppContext(db, COMMITTEE, "ja"))
    qtbot.addWidget(page)
    assert page.tabs.tabText(1) == "設問の分析"
    view = page.items
    assert view.table.rowCount() == 4
    assert view.flagged_rows() == [2]  # question 3: negative discrimination, a distractor
    note = view.table.item(2, 8).text()
    assert "識別力が負" in note and "誤答の選択肢「1」" in note
    assert view.table.item(3, 8).text() == "没問"
    assert view.table.item(2, 3).text() == "-0.13" and view.table.item(2, 2).text() == "33%"
    assert "KR-20: 0.36" in view.summary.text() and "6" in view.summary.text()
    assert view.table.horizontalHeaderItem(3).toolTip()  # what r means, for the committee


def test_results_export_follows_the_name_or_refuses(qtbot, db, analysed, tmp_path,
                                                    monkeypatch, japanese):
    page = ResultsPage(AppContext(db, COMMITTEE, "ja"))
    qtbot.addWidget(page)
    exporter = page.exporter
    assert exporter.export_results_to(analysed, tmp_path / "overlay.pdf") is None
    box = exporter.last_box
    assert "overlay.pdf" in box.text() and ".xlsx" in box.text()
    assert not (tmp_path / "overlay.pdf").exists()
    assert with_filter_suffix("結果", "CSV（結果のみ）(*.csv)", ".xlsx").suffix == ".csv"

    seen: list[str] = []

    def save_dialog(parent, title, name, filters):
        seen.append(name)
        return str(tmp_path / "結果"), filters.split(";;")[1]  # typed without an extension

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    page.exporter.choose_results_file(analysed)
    assert seen == [f"試験結果_令和7年度第1期_試験{analysed}.xlsx"]
    written = tmp_path / "結果.csv"
    assert written.read_text(encoding="utf-8-sig").startswith("受講番号,氏名")


def test_annotated_forms_are_drawn_on_the_worker(qtbot, db, tmp_path, japanese):
    exam_id = make_exam(db, make_run(db, 2), n=10, key="1,2,3,4,1,2,3,4,1,2")
    pages = printed_pages(str(exam_id), 10, 4, (number(1), number(2)))
    scans = [write_png(tmp_path / "s" / f"{i}.png", fill(p, 10, 4, {q: "1" for q in range(1, 11)}))
             for i, p in enumerate(pages)]
    run_to_end(import_scans(db, PROCTOR, exam_id, scans))
    page = ResultsPage(AppContext(db, COMMITTEE, "ja"))
    qtbot.addWidget(page)
    out = tmp_path / "読み取り結果.pdf"
    steps = []
    task = page.exporter.export_forms_to(exam_id, out)
    task.progress.connect(steps.append)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert out.read_bytes()[:4] == b"%PDF" and steps[-1].done == steps[-1].total == 2
    assert page.exporter.last_path == out
