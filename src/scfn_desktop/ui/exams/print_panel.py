"""The 解答用紙の印刷 tab of the scanning page (PRINT_SHEETS: proctor, admin).

One personalised form per trainee of the exam's run (受講番号 and name pre-printed, sorted by
受講番号) plus a few blank spare forms for spoiled sheets and late additions. The PDF is made
in the background (progress, cancel leaves no file), then the proctor opens it or prints it
through the OS dialog at 100 % scale: a form shrunk by "fit to page" no longer matches the
grid the reader expects, so the panel says so where the proctor looks before printing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.exams import answer_forms as exam_printing
from scfn_desktop.services.exams.calibration import make_check_form
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.common import ExamPicker, exam_file_name
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.widgets.open_file import Opener, open_or_show_folder
from scfn_desktop.ui.widgets.pdf_print import ask_printer, print_pdf
from scfn_desktop.ui.workers import ProgressTask, run_with_progress

DEFAULT_SPARE_FORMS = 5
PREVIEW_HEIGHT = 330
NOTE_STYLE = ("QLabel { background: #fff4d6; border: 1px solid #e0b84c; border-radius: 4px;"
              " padding: 8px; }")


class PrintFormsPanel(QWidget):
    """Make the answer-form PDF of the picked exam, then open or print it."""

    def __init__(self, ctx: AppContext, picker: ExamPicker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printFormsPanel")
        self.ctx = ctx
        self.picker = picker
        self.task: ProgressTask | None = None
        self.pdf_path: Path | None = None
        self.pdf_pages = 0
        self.pages_printed = 0
        self.opener: Opener | None = None  # None: the desktop's viewer (tests use a stand-in)
        self.no_viewer_box: QMessageBox | None = None
        picker.examChanged.connect(lambda _id: self.refresh())

        intro = QLabel(self.tr(
            "Prints one answer form per trainee of the training run, with the trainee number "
            "and name already filled in (sorted by trainee number), followed by blank spare "
            "forms for spoiled sheets. Trainees write their number on a spare form."))
        intro.setWordWrap(True)
        self.plan_label = QLabel()
        self.plan_label.setObjectName("printPlanLabel")
        self.plan_label.setWordWrap(True)
        self.spare = QSpinBox()
        self.spare.setObjectName("spareFormsSpin")
        self.spare.setRange(0, 200)
        self.spare.setValue(DEFAULT_SPARE_FORMS)
        self.spare.setSuffix(self.tr(" sheets"))
        self.spare.valueChanged.connect(lambda _v: self.refresh())
        self.create_button = QPushButton(self.tr("Create answer forms (PDF)…"))
        self.create_button.setObjectName("createFormsButton")
        self.create_button.clicked.connect(self._choose_and_create)
        note = QLabel(self.tr(
            "<b>Print at 100% (actual size).</b> Do not use \"Fit to page\" or \"Shrink\": a "
            "scaled form cannot be read. Print single-sided on white A4 paper; colour or "
            "black-and-white both work."))
        note.setObjectName("scaleNote")
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)

        form = QFormLayout()
        form.addRow(self.tr("Spare blank forms:"), self.spare)
        self.check_form_button = QPushButton(self.tr("Scanner check form (PDF)…"))
        self.check_form_button.setObjectName("checkFormButton")
        self.check_form_button.setToolTip(self.tr(
            "One page to print and scan before the exam: it tells whether the scanner "
            "settings read the trainees' pencil marks"))
        self.check_form_button.clicked.connect(self._choose_and_create_check_form)
        make = QHBoxLayout()
        make.addLayout(form)
        make.addStretch(1)
        make.addWidget(self.check_form_button)
        make.addWidget(self.create_button)

        self.result_label = QLabel(self.tr("No PDF created yet."))
        self.result_label.setObjectName("printResultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open the PDF"))
        self.open_button.setObjectName("openPdfButton")
        self.open_button.clicked.connect(self.open_pdf)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printPdfButton")
        self.print_button.clicked.connect(self._choose_printer_and_print)
        after = QHBoxLayout()
        after.addWidget(self.open_button)
        after.addWidget(self.print_button)
        after.addStretch(1)
        self.preview = QLabel()
        self.preview.setObjectName("formPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.preview.setStyleSheet("QLabel { border: 1px solid #9a9a9a; background: white; }")
        self.preview_caption = QLabel()
        result_box = QGroupBox(self.tr("Created PDF"))
        rv = QVBoxLayout(result_box)
        rv.addWidget(self.result_label)
        rv.addLayout(after)
        rv.addWidget(self.preview_caption)
        rv.addWidget(self.preview)
        rv.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.plan_label)
        layout.addLayout(make)
        layout.addWidget(note)
        layout.addWidget(result_box, 1)
        self._set_pdf(None, 0)
        self.refresh()

    # --- state ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Say what will be printed, and refuse early when the roster cannot be printed."""
        exam_id = self.picker.exam_id()
        allowed = self.ctx.actor.can(Permission.PRINT_SHEETS)
        if not exam_id:
            self.plan_label.setText(self.tr("No exam yet: the committee creates it on the "
                                            "results page."))
            self.create_button.setEnabled(False)
            return
        plan = exam_printing.print_plan(self.ctx.db, exam_id)
        spare = self.spare.value()
        text = (self.tr("%1 · %2 questions, %3 choices: %4 personalised forms + %5 spare "
                        "forms = <b>%6 A4 pages</b>.")
                .replace("%1", f"{plan.exam.run_label} {plan.exam.title}")
                .replace("%2", str(plan.exam.num_questions))
                .replace("%3", str(plan.exam.num_choices))
                .replace("%4", str(plan.trainees)).replace("%5", str(spare))
                .replace("%6", str(plan.trainees + spare)))
        if plan.bad_numbers:
            text += "<br>" + self.tr("Cannot print: these trainee numbers are not %1 digits: "
                                     "%2").replace("%1", str(plan.exam.number_digits)).replace(
                "%2", ", ".join(plan.bad_numbers[:5]))
        self.plan_label.setText(text)
        busy = self.task is not None and self.task.is_running
        self.create_button.setEnabled(allowed and not plan.bad_numbers and not busy
                                      and plan.trainees + spare > 0)

    def _set_pdf(self, path: Path | None, pages: int) -> None:
        self.pdf_path, self.pdf_pages = path, pages
        for b in (self.open_button, self.print_button):
            b.setEnabled(path is not None)
        pixmap = self._preview(path) if path is not None else QPixmap()
        self.preview.setPixmap(pixmap)
        self.preview.setVisible(not pixmap.isNull())
        self.preview_caption.setText(self.tr("First page:") if path is not None else "")

    @staticmethod
    def _preview(path: Path) -> QPixmap:
        """The first form, small: a glance catches a wrong exam or run before 65 pages print."""
        doc = QPdfDocument(None)
        try:
            if doc.load(str(path)) != QPdfDocument.Error.None_ or doc.pageCount() < 1:
                return QPixmap()
            points = doc.pagePointSize(0)
            width = round(PREVIEW_HEIGHT * points.width() / points.height())
            return QPixmap.fromImage(doc.render(0, QSize(width, PREVIEW_HEIGHT)))
        finally:
            doc.close()

    def default_file_name(self) -> str:
        return exam_file_name(self.ctx, self.picker.exam_id(), self.tr("answer_forms"), ".pdf")

    # --- create -----------------------------------------------------------------------------
    def _choose_and_create(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the answer forms as PDF"), self.default_file_name(),
            self.tr("PDF (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.create_pdf(Path(path))

    def _choose_and_create_check_form(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the scanner check form as PDF"), "スキャナー確認用紙.pdf",
            self.tr("PDF (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.create_check_form(Path(path))

    def create_check_form(self, path: Path) -> bool:
        """One page, made at once (it takes a fraction of a second), then open / print."""
        try:
            pages = make_check_form(self.ctx.db, self.ctx.actor, path)
        except Exception as exc:  # a refusal is shown, never swallowed
            self._failed(exc)
            return False
        self._set_pdf(path, pages)
        self.result_label.setText(self.tr("Saved the scanner check form to %1. Print it at "
                                          "100 %, fill rows 3 and 4 with the exam's pencils, "
                                          "scan it and check it on the import tab.")
                                  .replace("%1", str(path)))
        return True

    def create_pdf(self, path: Path) -> ProgressTask | None:
        """Render in the background; the result area offers open / print when done."""
        exam_id = self.picker.exam_id()
        if not exam_id:
            return None
        db, actor, spare = self.ctx.db, self.ctx.actor, self.spare.value()
        self.create_button.setEnabled(False)
        self.result_label.setText(self.tr("Creating %1 …").replace("%1", str(path)))
        self.task = run_with_progress(
            self, self.tr("Creating answer forms"),
            lambda: exam_printing.print_answer_sheets(db, actor, exam_id, path, spare),
            on_done=lambda pages: self.show_created(path, pages),
            on_error=self._failed, on_cancel=self._create_cancelled, pick=self.ctx.pick)
        self.task.finished.connect(self.refresh)
        return self.task

    def show_created(self, path: Path, pages: int) -> None:
        """The result area once a PDF exists: where it is, a preview, open and print."""
        self._set_pdf(path, pages)
        self.result_label.setText(self.tr("Saved %1 pages to %2. Open it to check, or print "
                                          "it now.").replace("%1", str(pages))
                                  .replace("%2", str(path)))

    def _failed(self, exc: BaseException) -> None:
        self.result_label.setText(self.tr("The PDF was not created."))
        show_error(self, exc, self.ctx.language)

    def _create_cancelled(self) -> None:
        self._set_pdf(None, 0)
        self.result_label.setText(self.tr("Cancelled: no PDF was written."))

    # --- open / print -----------------------------------------------------------------------
    def open_pdf(self) -> bool:
        """Open the PDF in the PC's viewer; without one, say so and show its folder."""
        if self.pdf_path is None:
            return False
        self.no_viewer_box = open_or_show_folder(self, self.pdf_path, self.opener)
        return self.no_viewer_box is None

    def _choose_printer_and_print(self) -> None:
        printer = ask_printer(
            self, self.pdf_pages, doc_name=self.tr("Answer forms"),
            title=self.tr("Print answer forms (set the scale to 100% / actual size)"))
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> ProgressTask | None:
        """Paint the PDF onto `printer` at 100 % in the background."""
        if self.pdf_path is None:
            return None
        path = self.pdf_path
        self.printer = printer  # kept alive until the worker is done with it
        self.print_button.setEnabled(False)
        self.task = run_with_progress(
            self, self.tr("Printing answer forms"), lambda: print_pdf(path, printer),
            on_done=self._printed, on_error=self._failed_print,
            on_cancel=self._print_cancelled, pick=self.ctx.pick)
        self.task.finished.connect(lambda: self.print_button.setEnabled(True))
        return self.task

    def _printed(self, pages: int) -> None:
        self.pages_printed = pages
        self.result_label.setText(self.tr("Sent %1 pages to the printer: %2").replace(
            "%1", str(pages)).replace("%2", str(self.pdf_path)))

    def _failed_print(self, exc: BaseException) -> None:
        show_error(self, exc, self.ctx.language)

    def _print_cancelled(self) -> None:
        self.result_label.setText(self.tr("Printing cancelled. Check the printer for a "
                                          "partly printed job."))
