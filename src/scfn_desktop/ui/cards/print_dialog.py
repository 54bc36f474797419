"""Printing issued cards: to a PDF file, or through the OS print dialog at 100 %.

Two layouts: a card printer (one ID-1 page per side, front then back, for duplex card
printers: the printer gets 85.60 x 53.98 mm pages) and A4 business-card sheets (10 per sheet),
whose x/y offset is measured once on the calibration page and saved on this PC. Printing goes
through a temporary PDF that is painted page by page onto the printer (`ui.widgets.pdf_print`)
and removed afterwards: the cards carry personal data.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.certificates import printing
from scfn_desktop.services.certificates.printing import PrintResult
from scfn_desktop.services.progress import Progress, ProgressGen
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.widgets.pdf_print import ask_printer, first_page_size, print_pdf
from scfn_desktop.ui.workers import ProgressTask, run_with_progress


class PrintCardsDialog(QDialog):
    def __init__(self, ctx: AppContext, numbers: list[str] | None, count: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printCardsDialog")
        self.setWindowTitle(self.tr("Print cards"))
        self.ctx, self.numbers = ctx, numbers
        self.task: ProgressTask | None = None
        self.result: PrintResult | None = None
        self.pages_printed = 0
        self.printer: QPrinter | None = None
        self._temporary: Path | None = None
        which = QLabel(self.tr("Cards to print: %1 (current cards, not revoked)")
                       .replace("%1", str(count)))
        which.setObjectName("printWhich")
        self.card_mode = QRadioButton(self.tr("Card printer: one card-size page per side "
                                              "(front, then back)"))
        self.card_mode.setObjectName("layoutCard")
        self.sheet_mode = QRadioButton(self.tr("A4 business-card sheet, 10 per sheet "
                                               "(91 x 55 mm blanks)"))
        self.sheet_mode.setObjectName("layoutSheet")
        self.card_mode.setChecked(True)
        x, y = printing.saved_offset()
        self.offset_x, self.offset_y = self._spin("offsetX", x), self._spin("offsetY", y)
        save = QPushButton(self.tr("Save offset"))
        save.setObjectName("saveOffset")
        save.clicked.connect(self.save_offset)
        calibration = QPushButton(self.tr("Calibration page…"))
        calibration.setObjectName("calibrationPage")
        calibration.clicked.connect(lambda: self.calibration_page())
        offsets = QHBoxLayout()
        offsets.addWidget(QLabel("X"))
        offsets.addWidget(self.offset_x)
        offsets.addWidget(QLabel("Y"))
        offsets.addWidget(self.offset_y)
        offsets.addWidget(save)
        offsets.addWidget(calibration)
        offsets.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("A4 offset (mm):"), offsets)
        note = QLabel(self.tr("Print at 100 % (actual size). For A4 sheets, print the "
                              "calibration page on a blank sheet once, read how far the blanks "
                              "lie from the crosses and save that offset."))
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.pdf_button = buttons.addButton(self.tr("Save as PDF…"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("printToPdf")
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.print_button = buttons.addButton(self.tr("Print…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("printToPrinter")
        self.print_button.clicked.connect(lambda: self.print_cards())
        layout = QVBoxLayout(self)
        for widget in (which, self.card_mode, self.sheet_mode):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self.finished.connect(lambda _r: self._drop_temporary())

    @staticmethod
    def _spin(name: str, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(-printing.MAX_OFFSET_MM, printing.MAX_OFFSET_MM)
        spin.setSingleStep(0.1)
        spin.setDecimals(1)
        spin.setValue(value)
        return spin

    def layout_mode(self) -> str:
        return "card" if self.card_mode.isChecked() else "a4-10"

    def offset(self) -> tuple[float, float]:
        return self.offset_x.value(), self.offset_y.value()

    def save_offset(self) -> None:
        try:
            printing.save_offset(self.ctx.actor, *self.offset())
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return
        self.status.setText(self.tr("Offset saved for this PC."))

    def calibration_page(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Calibration page"),
                                                    "認定証_位置合わせ.pdf", "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            printing.write_calibration(self.ctx.actor, path, self.offset())
        except Exception as exc:
            show_error(self, exc, self.ctx.language)
            return None
        self.status.setText(self.tr("Saved %1. Print it at 100 % on a blank sheet.")
                            .replace("%1", str(path)))
        return path

    def _render(self, path: Path, then) -> ProgressTask:  # type: ignore[no-untyped-def]
        db, actor, layout = self.ctx.db, self.ctx.actor, self.layout_mode()
        numbers, offset = self.numbers, self.offset()
        self._busy(True)
        self.task = run_with_progress(
            self, self.tr("Writing the cards' PDF"),
            lambda: printing.print_cards(db, actor, path, layout, numbers, offset=offset),
            on_done=then, on_error=self._failed, pick=self.ctx.pick)
        self.task.finished.connect(lambda: self._busy(False))
        return self.task

    def save_pdf(self, path: Path | None = None) -> ProgressTask | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), "認定証.pdf",
                                                    "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        return self._render(path, self._saved)

    def _saved(self, result: PrintResult) -> None:
        self.result = result
        self.status.setText(self.tr("Saved %1 cards to %2. Print at 100 % (actual size).")
                            .replace("%1", str(result.cards)).replace("%2", str(result.path)))

    def print_cards(self, printer: QPrinter | None = None) -> ProgressTask:
        """Write a temporary PDF, then ask the printer (unless given) and paint it at 100 %."""
        self._drop_temporary()
        self._temporary = Path(tempfile.mkdtemp(prefix="scfn-cards-"))
        return self._render(self._temporary / "cards.pdf",
                            lambda result: self._send(result, printer))

    def _send(self, result: PrintResult, printer: QPrinter | None) -> None:
        self.result = result
        if printer is None:
            printer = ask_printer(self, result.pages, doc_name=self.tr("Certificate cards"),
                                  title=self.tr("Print cards (scale 100 % / actual size)"),
                                  first_page=first_page_size(result.path))
        if printer is None:
            self._drop_temporary()
            return
        self.printer = printer  # kept alive until the worker is done with it
        path = result.path
        self._busy(True)
        self.task = run_with_progress(
            self, self.tr("Printing cards"), lambda: _printing(path, printer),
            on_done=self._printed, on_error=self._failed, pick=self.ctx.pick)
        self.task.finished.connect(lambda: (self._busy(False), self._drop_temporary()))

    def _printed(self, pages: int) -> None:
        self.pages_printed = pages
        self.status.setText(self.tr("Sent %1 pages to the printer.").replace("%1", str(pages)))
        show_info(self, self.tr("Print cards"), self.status.text())

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc, self.ctx.language)

    def _busy(self, busy: bool) -> None:
        self.pdf_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy)

    def _drop_temporary(self) -> None:
        if self._temporary is not None and (self.task is None or not self.task.is_running):
            shutil.rmtree(self._temporary, ignore_errors=True)
            self._temporary = None


def _printing(path: Path, printer: QPrinter) -> ProgressGen[int]:
    yield Progress(0, 0, "印刷を開始しています…", "Starting the printer…")
    return (yield from print_pdf(path, printer))
