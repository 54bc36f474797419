"""The hot folder and the scanner check on the real pages (issue 8): start watching, drop a
scan, see its row, stop; make the check form on the print tab; read a scan of it on the
import tab and see the report."""

from __future__ import annotations

import numpy as np
import pytest
from examkit import PROCTOR, fill, make_exam, make_run, number, printed_pages, write_png

from scfn_desktop.omr import synthetic as syn
from scfn_desktop.omr.calibration import FIRM_ROW, LIGHT_ROW, calibration_layout
from scfn_desktop.printing.answer_sheets import rasterize_pdf
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.scanner_check import ScannerCheckDialog
from scfn_desktop.ui.exams.scanning_page import ScanningPage

pytestmark = pytest.mark.gui

N, K = 10, 4


@pytest.fixture
def exam(db):
    return make_exam(db, make_run(db, 3), n=N, key="1,2,3,4,1,2,3,4,1,2", pass_percent=60)


def test_hot_folder_reads_each_dropped_scan_and_stops(qtbot, db, exam, tmp_path):
    page = ScanningPage(AppContext(db, PROCTOR))
    qtbot.addWidget(page)
    folder = tmp_path / "scanner-out"
    folder.mkdir()
    task = page.hot_folder.start(folder, poll=0.05, settle=0.3)
    assert task is not None and page.hot_folder.watching
    assert page.hot_folder.start_button.text() == "Stop watching"
    pages = printed_pages(str(exam), N, K, (number(1), number(2)))
    write_png(folder / "a.png", fill(pages[0], N, K, {1: "1"}))
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=30000)
    write_png(folder / "b.png", fill(pages[1], N, K, {1: "1", 2: "2"}))
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=30000)
    assert [page.table.item(r, 3).text() for r in range(2)] == [number(1), number(2)]
    assert "2 files read" in page.hot_folder.status.text()
    assert "2 sheets read: 2 OK" in page.summary.text()
    with qtbot.waitSignal(task.finished, timeout=20000):
        page.hot_folder.stop()
    assert not page.hot_folder.watching
    assert page.hot_folder.start_button.text() == "Start watching"
    assert page.table.rowCount() == 2  # never twice


def test_scanner_check_form_and_report(qtbot, db, tmp_path):
    page = ScanningPage(AppContext(db, PROCTOR))
    qtbot.addWidget(page)
    pdf = tmp_path / "check.pdf"
    assert page.print_panel is not None and page.print_panel.create_check_form(pdf)
    assert pdf.read_bytes()[:4] == b"%PDF" and page.print_panel.pdf_pages == 1
    assert page.print_panel.print_button.isEnabled()
    printed = rasterize_pdf(pdf.read_bytes(), 300)[0]
    layout, rng = calibration_layout(), np.random.default_rng(4)
    marks = [syn.Mark(FIRM_ROW, c, "solid") for c in range(5)]
    img = syn.draw_marks(printed, layout, marks, 300, rng)
    img = syn.draw_marks(img, layout, [syn.Mark(LIGHT_ROW, c, "solid") for c in range(5)],
                         300, rng, hand=0.4)
    scan = syn.degrade(img, 300, syn.Condition("s", dpi=300, noise_sigma=3), rng)
    bw = write_png(tmp_path / "bw.png", np.where(scan > 128, 255, 0).astype(np.uint8))
    task = page.check_scan(bw)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    dialog = page.findChild(ScannerCheckDialog)
    assert dialog is not None and "NOT fit" in dialog.verdict.text()
    results = [dialog.checks.item(r, 0).text() for r in range(dialog.checks.rowCount())]
    assert "Not fit" in results
    assert dialog.steps.item(0, 0).text() == "5%"
    dialog.reject()
