"""Printing the answer forms from the scanning page: the PDF has one page per trainee plus the
spare forms, cancel leaves no file, and the PDF opens or goes to a printer at 100 % scale."""

from __future__ import annotations

import threading

import pypdfium2
import pytest
from examkit import PROCTOR, make_exam, make_run
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from scfn_desktop.services.exams import answer_forms as exam_printing
from scfn_desktop.services.permissions import Actor
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams import print_panel as exam_print_panel
from scfn_desktop.ui.exams.scanning_page import ScanningPage
from scfn_desktop.ui.widgets.pdf_print import make_printer

pytestmark = pytest.mark.gui
TRAINEES = 4


def pdf_pages(path) -> list[tuple[float, float]]:
    """Page sizes in points, one per page."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [pdf[i].get_size() for i in range(len(pdf))]
    finally:
        pdf.close()


@pytest.fixture
def page(qtbot, db):
    run = make_run(db, TRAINEES)
    make_exam(db, run, n=20)
    widget = ScanningPage(AppContext(db, PROCTOR, "ja"))
    qtbot.addWidget(widget)
    return widget


def test_print_tab_only_for_print_permission(qtbot, db, page):
    assert page.print_panel is not None and page.tabs.count() == 2
    reader = ScanningPage(AppContext(db, Actor("scanner", "custom")))
    qtbot.addWidget(reader)
    assert reader.print_panel is None and reader.tabs.count() == 1


def test_pdf_has_a_page_per_trainee_plus_spares_and_prints_at_full_size(
        qtbot, page, tmp_path, monkeypatch):
    panel = page.print_panel
    panel.spare.setValue(3)
    assert f"{TRAINEES + 3}" in panel.plan_label.text()
    assert not panel.open_button.isEnabled() and not panel.print_button.isEnabled()
    out = tmp_path / "forms.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "forms"), "PDF (*.pdf)")))
    steps = []
    panel.create_button.click()  # the file dialog answers "forms" -> forms.pdf
    task = panel.task
    task.progress.connect(steps.append)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert len(pdf_pages(out)) == TRAINEES + 3
    assert panel.pdf_path == out and panel.pdf_pages == TRAINEES + 3
    assert str(out) in panel.result_label.text()
    assert panel.open_button.isEnabled() and panel.print_button.isEnabled()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))
    panel.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(out))]

    printer = make_printer("Answer forms")  # what the print dialog returns, sent to a PDF "printer" here
    printed = tmp_path / "printed.pdf"
    printer.setOutputFormat(printer.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    monkeypatch.setattr(exam_print_panel, "ask_printer", lambda parent, pages, **names: printer)
    panel.print_button.click()
    with qtbot.waitSignal(panel.task.finished, timeout=60000):
        pass
    assert panel.pages_printed == TRAINEES + 3
    sizes = pdf_pages(printed)
    assert len(sizes) == TRAINEES + 3
    for width, height in sizes:  # A4 at 100 %: 595 x 842 pt, nothing scaled to a margin
        assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5


def test_cancel_leaves_no_partial_file(qtbot, page, tmp_path, monkeypatch):
    """The worker is held after the first page until Cancel is pressed, so the cancel lands
    mid-run whatever the machine's speed."""
    real = exam_printing.iter_answer_sheets
    cancelled = threading.Event()

    def held(*args, **kwargs):
        for i, step in enumerate(real(*args, **kwargs)):
            yield step
            if i == 0:
                cancelled.wait(10)

    monkeypatch.setattr(exam_printing, "iter_answer_sheets", held)
    out = tmp_path / "out" / "forms.pdf"
    out.parent.mkdir()
    task = page.print_panel.create_pdf(out)

    def press_cancel(_step):
        task.cancel()
        cancelled.set()

    task.progress.connect(press_cancel)
    with qtbot.waitSignal(task.cancelled, timeout=30000):
        pass
    assert list(out.parent.iterdir()) == []
    assert page.print_panel.pdf_path is None
    assert "no PDF" in page.print_panel.result_label.text()
    assert page.print_panel.create_button.isEnabled()



def test_without_a_pdf_viewer_it_says_so_and_opens_the_folder(qtbot, page, tmp_path, japanese):
    """A PC with no PDF viewer: 「PDF を開く」 used to do nothing at all."""
    panel = page.print_panel
    out = tmp_path / panel.default_file_name()
    assert out.name == "解答用紙_令和7年度第1期_試験1.pdf"  # named in Japanese for the exam
    task = panel.create_pdf(out)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    asked: list[QUrl] = []

    def no_viewer(url: QUrl) -> bool:  # the desktop: a file manager, but no PDF viewer
        asked.append(url)
        return url.toLocalFile() == str(tmp_path)

    panel.opener = no_viewer
    assert panel.open_pdf() is False
    assert asked == [QUrl.fromLocalFile(str(out)), QUrl.fromLocalFile(str(tmp_path))]
    box = panel.no_viewer_box
    assert box is not None and box.isVisible()
    assert "PDF" in box.text() and str(out) in box.text() and "フォルダー" in box.text()
