"""The exam pages with real widgets: import with progress, review by keyboard (the sheet view
centred on the current row, darkness bars, the "nothing left" banner), key change re-scoring
with the list of changed results. The docs screenshots come from tools/screenshots_exams.py
(demo data); here the grabs go to tmp_path, so a test run never rewrites docs/."""

from __future__ import annotations

import pytest
from examkit import COMMITTEE, PROCTOR, fill, make_exam, make_run, number, printed_pages, write_png
from PySide6.QtCore import Qt

from scfn_desktop.services.exams.results import exam_results
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.results_page import ResultsPage
from scfn_desktop.ui.exams.review_page import ReviewPage
from scfn_desktop.ui.exams.scanning_page import ScanningPage
from scfn_desktop.ui.exams.sheet_view import SheetView
from scfn_desktop.ui.registry import page_specs

pytestmark = pytest.mark.gui

N, K = 20, 4
KEY = ",".join(str(q % 4 + 1) for q in range(N))
RIGHT = {q: KEY.split(",")[q - 1] for q in range(1, N + 1)}


@pytest.fixture
def exam(db):
    run = make_run(db, 4)
    return make_exam(db, run, n=N, key=KEY, pass_percent=60)


def scans(exam, tmp_path, doubtful=True):
    p = printed_pages(str(exam), N, K, tuple(number(i) for i in (1, 2, 3)))
    styles = {4: "tick", 9: "half_erased"} if doubtful else {}
    return [write_png(tmp_path / "scan" / "a.png", fill(p[0], N, K, RIGHT, styles=styles)),
            write_png(tmp_path / "scan" / "b.png",
                      fill(p[1], N, K, RIGHT | {q: "1" for q in range(1, 13)}))]


def test_pages_are_registered_with_permissions():
    keys = {s.key: s.permission.value for s in page_specs()}
    assert keys["scanning"] == "scan_sheets" and keys["review"] == "review_marks"
    assert keys["results"] == "view_results"


def test_scanning_page_imports_with_progress(qtbot, db, exam, tmp_path):
    page = ScanningPage(AppContext(db, PROCTOR))
    qtbot.addWidget(page)
    paths = scans(exam, tmp_path)
    steps = []
    task = page.import_paths([tmp_path / "scan"])
    task.progress.connect(steps.append)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert page.table.rowCount() == 2
    assert page.table.item(0, 3).text() == number(1)
    assert "2" in page.summary.text()
    assert page.last_result is not None and len(page.last_result.files) == len(paths)
    task = page.import_paths([tmp_path / "scan"])
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert {page.table.item(r, 2).text() for r in range(page.table.rowCount())} == {
        "Already imported"}
    # what happened this time: nothing was read again (it used to say "2 sheets read: 2 OK")
    assert page.summary.text().startswith("Nothing new: all 2 files were imported before")
    assert "2 OK" not in page.summary.text()


def test_scanning_prompt_goes_once_a_folder_is_added(qtbot, db, exam, tmp_path):
    page = ScanningPage(AppContext(db, PROCTOR))
    qtbot.addWidget(page)
    assert page.import_paths([]) is None
    assert page.summary.text() == "Choose an exam and at least one folder or file."
    page.paths.addItem(str(tmp_path))  # what "Add folder…" does with the chosen folder
    assert page.summary.text() == ""


def test_review_by_keyboard_and_screenshots(qtbot, db, exam, tmp_path, japanese):
    assert any("exams_ja" in name for name in japanese)
    run_to_end(import_scans(db, PROCTOR, exam, scans(exam, tmp_path)))
    page = ReviewPage(AppContext(db, PROCTOR, "ja"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    assert [i.question for i in page.items] == [4, 9]
    assert page.current().question == 4 and page.crop.pixmap() is not None
    assert page.fills.labels == "1234" and len(page.fills.values) == 4
    assert page.fills.mark_level is not None  # the bars show the sheet's thresholds
    assert page.done_banner.isHidden()
    assert_row_centred(page.sheet_view)
    assert page.grab().save(str(tmp_path / "review.png"))
    assert exam_results(db, exam).by_number()[number(1)].status == "pending"
    qtbot.keyClick(page, Qt.Key.Key_4)
    assert page.current().question == 9  # moved on to the next open item
    assert_row_centred(page.sheet_view)
    assert page.done_banner.isHidden()
    qtbot.keyClick(page, Qt.Key.Key_B)
    assert all(i.resolved for i in page.items)
    assert "kantoku" in page.decided.text() and "確認" in page.decided.text()
    assert not page.done_banner.isHidden()
    assert "要確認のマークはありません" in page.done_banner.text()
    qtbot.keyClick(page, Qt.Key.Key_P)
    assert page.current().question == 4 and "kantoku" in page.decided.text()
    assert not page.done_banner.isHidden()  # still nothing open while stepping back
    assert page.grab().save(str(tmp_path / "review_decided.png"))
    view = SheetView(AppContext(db, PROCTOR, "ja"))
    qtbot.addWidget(view)
    view.resize(760, 768)
    view.show()
    view.show_sheet(page.current().sheet_id, 150.0)
    assert view.grab().save(str(tmp_path / "sheet_overlay.png"))
    r = exam_results(db, exam).by_number()[number(1)]
    assert r.status == "passed" and r.score == N - 1


def assert_row_centred(view: SheetView) -> None:
    """The current question's row is in the middle of the visible part of the sheet."""
    point = view.focus_point()
    viewport = view.scroll.viewport()
    top = view.scroll.verticalScrollBar().value()
    assert point is not None and viewport.height() > 100
    assert top > 0  # the sheet was scrolled: the row is far below the page header
    assert abs(point[1] - top - viewport.height() / 2) <= 2


def test_sheet_view_zooms_around_the_row(qtbot, db, exam, tmp_path):
    run_to_end(import_scans(db, PROCTOR, exam, scans(exam, tmp_path)))
    page = ReviewPage(AppContext(db, PROCTOR))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    view = page.sheet_view
    fit = view.image.width()
    assert fit <= view.scroll.viewport().width()  # fit width: no sideways scrolling
    view.zoom_by(2)
    assert view.zoom() == 1.5 and view.image.width() > fit
    assert_row_centred(view)
    left = view.scroll.horizontalScrollBar().value()
    assert abs(view.focus_point()[0] - left - view.scroll.viewport().width() / 2) <= 2
    view.fit_width()
    assert view.image.width() == fit and "100" in view.zoom_label.text()


def test_empty_queue_says_nothing_needs_review(qtbot, db, exam, tmp_path, japanese):
    run_to_end(import_scans(db, PROCTOR, exam, scans(exam, tmp_path, doubtful=False)))
    page = ReviewPage(AppContext(db, PROCTOR, "ja"))
    qtbot.addWidget(page)
    page.show()
    assert page.items == [] and page.current() is None
    assert not page.done_banner.isHidden()
    assert page.done_banner.text() == "✔ 要確認のマークはありません。"
    assert page.sheet_view.isHidden() and page.crop.isHidden()
    qtbot.keyClick(page, Qt.Key.Key_1)  # keys do nothing harmful on an empty queue
    qtbot.keyClick(page, Qt.Key.Key_N)


def test_key_change_rescoring_lists_changed_results(qtbot, db, exam, tmp_path):
    run_to_end(import_scans(db, PROCTOR, exam, scans(exam, tmp_path, doubtful=False)))
    page = ResultsPage(AppContext(db, COMMITTEE, "ja"))
    qtbot.addWidget(page)
    statuses = [page.results.item(r, 3).text() for r in range(page.results.rowCount())]
    assert statuses == ["合格", "不合格", "未受験", "未受験"]
    assert page.key_button.isVisibleTo(page)
    new_key = ",".join(["1"] * 12 + KEY.split(",")[12:])
    report = page.change_key(new_key, "正答の誤記を訂正")
    assert {c.trainee_number: (c.before, c.after) for c in report.changes} == {
        number(1): ("passed", "failed"), number(2): ("failed", "passed")}
    assert page.changes_dialog.table.rowCount() == 2
    assert page.changes_dialog.table.item(0, 3).text() in ("合格", "不合格")
    page.changes_dialog.accept()
    report = page.void(1, "設問不備")
    assert report is not None and page.changes_dialog.table.rowCount() == len(report.changes)
    page.changes_dialog.accept()
    assert "1" in page.rule_label.text()
    proctor_page = ResultsPage(AppContext(db, PROCTOR, "ja"))
    qtbot.addWidget(proctor_page)
    assert not proctor_page.key_button.isVisibleTo(proctor_page)
