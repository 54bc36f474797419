"""The review page as a proctor meets it: opened from the sidebar it already takes the review
keys (nobody clicks the list first), after the last open mark it goes back to a mark skipped
earlier, and a decision's time is shown on this PC's clock, not as UTC."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from examkit import PROCTOR, fill, make_exam, make_run, number, printed_pages, write_png
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from scfn_desktop.services.exams import review
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.ui.formatting import local_date_time

pytestmark = pytest.mark.gui

N, K = 20, 4
KEY = ",".join(str(q % 4 + 1) for q in range(N))
RIGHT = {q: KEY.split(",")[q - 1] for q in range(1, N + 1)}


@pytest.fixture
def doubtful_exam(db, tmp_path):
    """One sheet with three doubtful questions (4, 9 and 15)."""
    exam = make_exam(db, make_run(db, 2), n=N, key=KEY)
    page = printed_pages(str(exam), N, K, (number(1),))[0]
    styles = {4: "tick", 9: "half_erased", 15: "tick"}
    scan = write_png(tmp_path / "scan" / "a.png", fill(page, N, K, RIGHT, styles=styles))
    run_to_end(import_scans(db, PROCTOR, exam, [scan]))
    return exam


def open_review(make_window, qtbot):
    window = make_window("proctor")
    window.activateWindow()
    qtbot.waitActive(window)
    window.navigation.setFocus()  # where the focus is after a click in the sidebar
    page = window.select_page("review")
    return window, page


def test_the_page_takes_the_keys_when_opened(db, users, doubtful_exam, make_window, qtbot):
    window, page = open_review(make_window, qtbot)
    assert [i.question for i in page.items] == [4, 9, 15]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert page.items[0].resolved and page.current().question == 9


def test_after_the_last_mark_it_returns_to_a_skipped_one(db, users, doubtful_exam,
                                                         make_window, qtbot):
    window, page = open_review(make_window, qtbot)
    qtbot.keyClick(page, Qt.Key.Key_N)  # skip question 4 for now
    assert page.current().question == 9
    qtbot.keyClick(page, Qt.Key.Key_1)
    assert page.current().question == 15
    qtbot.keyClick(page, Qt.Key.Key_1)  # the last one: back to the skipped question 4
    assert page.current().question == 4 and not page.current().resolved
    assert page.open_count() == 1


@pytest.fixture
def tokyo(monkeypatch):
    """This PC's clock in Japan (UTC+9), whatever the test machine's zone."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_decision_time_is_local(db, users, doubtful_exam, make_window, qtbot, japanese, tokyo):
    item = review.review_queue(db, doubtful_exam)[0]
    review.decide(db, PROCTOR, item.mark_id, ["2"])
    window = make_window("proctor", "ja")
    page = window.select_page("review")
    page.queue.setCurrentRow(0)
    [stored] = [i.decided_at for i in page.items if i.resolved]
    assert stored.tzinfo is None  # storage stays naive UTC
    shown = local_date_time(stored)
    assert shown == (stored + timedelta(hours=9)).strftime("%Y/%m/%d %H:%M")
    assert shown in page.decided.text() and "UTC" not in page.decided.text()
    assert abs(datetime.now(UTC).replace(tzinfo=None) - stored).total_seconds() < 120
