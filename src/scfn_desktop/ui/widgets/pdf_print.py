"""Send a PDF (answer forms, badges, cards) to a printer through the OS print dialog, at 100 % scale.

Why not hand the PDF to a viewer: a viewer's default "fit to page" shrinks the form by a few
per cent, and the reader then finds the bubbles off their grid. Here each page is rendered
with QtPdf at (up to) the printer's resolution and painted onto the whole paper
(`setFullPage`), at exactly the page's physical size, so 1 mm on the PDF is 1 mm on paper.
Painting onto a QPrinter is allowed outside the GUI thread, so this is a progress generator
run by `ui.workers.run_with_progress` like any other long work (progress and cancel).

Each page goes out at the PDF page's own size and orientation: A4 portrait for answer forms
and sheets of cards, an ID-1 card (85.60 x 53.98 mm, landscape) for a card printer. The page
layout is set before the painter starts and again before each new page (Qt applies a layout
set just before `newPage()` to that page); a standard size (A4) is matched by name, so the
driver picks its A4 tray, anything else is passed as a custom size.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.progress import Progress, ProgressGen

#: Rendering above this gains nothing for bubbles, markers and a QR code, and a 1200 dpi
#: A4 page would be a 560 MB image.
MAX_RENDER_DPI = 600


def page_layout(points: QSizeF) -> QPageLayout:
    """A margin-less layout of exactly `points` (width x height, 1/72 inch): landscape when
    wider than tall, the size matched to a standard one (A4) within Qt's fuzzy tolerance."""
    width, height = points.width(), points.height()
    size = QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if width > height
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def make_printer(doc_name: str, first_page: QSizeF | None = None) -> QPrinter:
    """A printer set up for forms and cards: full page, no margins, high resolution; the page
    is `first_page` (points) when given, else A4 portrait."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(first_page or QSizeF(595.276, 841.89)))
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setDocName(doc_name)
    return printer


def first_page_size(path: str | Path) -> QSizeF | None:
    """The first page's size in points (None when the PDF cannot be read), so the print
    dialog opens on the paper the PDF was made for."""
    doc = QPdfDocument(None)
    try:
        if doc.load(str(path)) != QPdfDocument.Error.None_ or doc.pageCount() < 1:
            return None
        return doc.pagePointSize(0)
    finally:
        doc.close()


def ask_printer(parent: QWidget | None, pages: int, *, title: str, doc_name: str,
                first_page: QSizeF | None = None) -> QPrinter | None:
    """The OS print dialog (printer, copies, page range); None when the user cancels.
    The caller names the job and the dialog in its own words (and its own catalogue)."""
    printer = make_printer(doc_name, first_page)
    printer.setFromTo(1, max(1, pages))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setMinMax(1, max(1, pages))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintSelection, False)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def print_pdf(path: str | Path, printer: QPrinter) -> ProgressGen[int]:
    """Paint every page of `path` (or the dialog's page range) onto `printer` at 100 %;
    yields per page, returns the number of pages sent. Closing the generator aborts the job."""
    doc = QPdfDocument(None)  # created here: it lives in the worker thread that uses it
    if doc.load(str(path)) != QPdfDocument.Error.None_:
        raise ServiceError(f"PDF を開けません: {path}", f"Cannot open the PDF: {path}")
    count = doc.pageCount()
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = printer.fromPage() - 1
        last = min(count, printer.toPage() or count) - 1
    total = last - first + 1
    painter = QPainter()
    if total > 0:
        printer.setPageLayout(page_layout(doc.pagePointSize(first)))
    if total <= 0 or not painter.begin(printer):
        doc.close()
        raise ServiceError("プリンターを開始できません。", "The printer could not be started.")
    device_dpi = printer.resolution()
    render_dpi = min(device_dpi, MAX_RENDER_DPI)
    sent, finished = 0, False
    try:
        for index in range(first, last + 1):
            points = doc.pagePointSize(index)
            if sent:
                printer.setPageLayout(page_layout(points))
                printer.newPage()
            image = doc.render(index, QSize(round(points.width() / 72 * render_dpi),
                                            round(points.height() / 72 * render_dpi)))
            target = QRectF(0, 0, points.width() / 72 * device_dpi,
                            points.height() / 72 * device_dpi)
            painter.drawImage(target, image)
            sent += 1
            yield Progress(sent, total, f"印刷中 {sent}/{total} ページ",
                           f"Printing page {sent}/{total}")
        finished = True
    finally:
        if not finished:
            printer.abort()
        painter.end()
        doc.close()
    return sent
