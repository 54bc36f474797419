"""The answer-forms page (解答用紙の印刷・読み取り), in the order the proctor works: the 印刷 tab
makes the personalised forms (PRINT_SHEETS, see widgets/exam_print_panel.py); the 読み取り tab
imports the scanner's folder or files behind the progress dialog (cancel keeps finished files),
shows every file's and sheet's outcome, and settles duplicates (which sheet counts, or set one
aside). One exam picker above both tabs, so the forms printed are the forms read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.exams import review
from scfn_desktop.services.exams.calibration import check_scanner
from scfn_desktop.services.exams.scanning import BatchResult, FileOutcome, import_scans
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.common import ExamPicker
from scfn_desktop.ui.exams.hot_folder_panel import HotFolderPanel
from scfn_desktop.ui.exams.print_panel import PrintFormsPanel
from scfn_desktop.ui.exams.scanner_check import show_scanner_check
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.registry import PageSpec
from scfn_desktop.ui.workers import ProgressTask, run_with_progress

STATUS_COLOURS = {"ok": "#e3f4e3", "duplicate": "#fff1d6", "unidentified": "#fff1d6",
                  "error": "#fbe0e0", "already": "#eeeeee"}


class ScanningPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: ProgressTask | None = None
        self.last_result: BatchResult | None = None
        self.picker = ExamPicker(ctx)
        self.picker.examChanged.connect(lambda _id: self._clear_stale_prompt())
        self.paths = QListWidget()
        self.paths.setObjectName("pathList")
        self.paths.setMaximumHeight(90)
        # "choose an exam and a folder" must not outlive the choice being made
        self.paths.model().rowsInserted.connect(self._clear_stale_prompt)
        add_folder = QPushButton(self.tr("Add folder…"))
        add_folder.setObjectName("addFolderButton")
        add_folder.clicked.connect(self._add_folder)
        add_files = QPushButton(self.tr("Add files…"))
        add_files.setObjectName("addFilesButton")
        add_files.clicked.connect(self._add_files)
        clear = QPushButton(self.tr("Clear list"))
        clear.clicked.connect(self.paths.clear)
        self.import_button = QPushButton(self.tr("Import scans"))
        self.import_button.setObjectName("importScansButton")
        self.import_button.clicked.connect(lambda: self.import_paths(self.selected_paths()))
        self.check_button = QPushButton(self.tr("Check the scanner…"))
        self.check_button.setObjectName("checkScannerButton")
        self.check_button.setToolTip(self.tr("Read a scan of the scanner check form (print it "
                                             "on the print tab) and say whether the scanner "
                                             "settings are fit for the exam"))
        self.check_button.clicked.connect(self._choose_check_scan)
        self.hot_folder = HotFolderPanel(ctx, self.picker)
        self.hot_folder.fileImported.connect(self.append_outcome)
        self.watch_result: BatchResult | None = None
        self.summary = QLabel()
        self.summary.setObjectName("scanSummary")
        self.summary.setWordWrap(True)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("scanTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Page"), self.tr("Result"), self.tr("Trainee number"),
            self.tr("Marks to review"), self.tr("Message")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 220)
        self.count_button = QPushButton(self.tr("This sheet counts"))
        self.count_button.setObjectName("countSheetButton")
        self.count_button.clicked.connect(lambda: self._sheet_decision("count"))
        self.discard_button = QPushButton(self.tr("Set this sheet aside"))
        self.discard_button.setObjectName("discardSheetButton")
        self.discard_button.clicked.connect(lambda: self._sheet_decision("discard"))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Exam:")))
        top.addWidget(self.picker, 1)
        hint = QLabel(self.tr("Scan the filled forms with the scanner's document feeder "
                              "(200-300 dpi, colour or grey, PDF/TIFF/JPEG/PNG), then add the "
                              "scanner's output folder here. Files already imported are "
                              "skipped, so importing the same folder again is safe."))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (add_folder, add_files, clear):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        dup = QHBoxLayout()
        dup.addWidget(QLabel(self.tr("Duplicates: select a sheet, then")))
        dup.addWidget(self.count_button)
        dup.addWidget(self.discard_button)
        dup.addStretch(1)
        scan_tab = QWidget()
        sv = QVBoxLayout(scan_tab)
        sv.addWidget(hint)
        sv.addWidget(self.paths)
        sv.addLayout(buttons)
        sv.addWidget(self.hot_folder)
        sv.addWidget(self.summary)
        sv.addWidget(self.table, 1)
        sv.addLayout(dup)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("answerFormTabs")
        self.print_panel: PrintFormsPanel | None = None
        if ctx.actor.can(Permission.PRINT_SHEETS):
            self.print_panel = PrintFormsPanel(ctx, self.picker)
            self.tabs.addTab(self.print_panel, self.tr("1. Print answer forms"))
            self.tabs.addTab(scan_tab, self.tr("2. Import scanned forms"))
        else:
            self.tabs.addTab(scan_tab, self.tr("Import scanned forms"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def show_scan_tab(self) -> None:
        self.tabs.setCurrentIndex(self.tabs.count() - 1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Exams created on the results page since this page was built appear here."""
        self.picker.reload()
        if self.print_panel is not None:  # the roster may have changed too
            self.print_panel.refresh()
        super().showEvent(event)

    def selected_paths(self) -> list[Path]:
        return [Path(self.paths.item(i).text()) for i in range(self.paths.count())]

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Scanner output folder"))
        if folder:
            self.paths.addItem(folder)

    def _add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Scanned answer forms"), "",
            self.tr("Scans (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)"))
        self.paths.addItems(files)

    def _prompt(self) -> str:
        return self.tr("Choose an exam and at least one folder or file.")

    def _clear_stale_prompt(self) -> None:
        if self.summary.text() == self._prompt():
            self.summary.clear()

    def import_paths(self, paths: list[Path]) -> ProgressTask | None:
        """Import in the background; the table fills when the batch is done."""
        exam_id = self.picker.exam_id()
        if not exam_id or not paths:
            self.summary.setText(self._prompt())
            return None
        self.summary.clear()
        db, actor = self.ctx.db, self.ctx.actor
        self.import_button.setEnabled(False)
        self.task = run_with_progress(
            self, self.tr("Reading answer forms"),
            lambda: import_scans(db, actor, exam_id, paths),
            on_done=self._show_result, on_error=self._on_error, on_cancel=self._on_cancel,
            pick=self.ctx.pick)
        return self.task

    def _on_error(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        show_error(self, exc, self.ctx.language)

    def _on_cancel(self) -> None:
        self.import_button.setEnabled(True)
        self.summary.setText(self.tr("Cancelled. Files read before cancelling are kept; "
                                     "import again to continue with the rest."))

    def _show_result(self, result: BatchResult) -> None:
        self.import_button.setEnabled(True)
        self.last_result = result
        self.table.setRowCount(0)
        for f in result.files:
            self._add_file(f)
        self.summary.setText(scan_summary(result))

    def append_outcome(self, outcome: FileOutcome) -> None:
        """A file the hot folder has just read: added below the rows already shown."""
        if self.watch_result is None or self.watch_result.exam_id != self.picker.exam_id():
            self.watch_result = BatchResult(self.picker.exam_id())
            self.table.setRowCount(0)
        self.watch_result.files.append(outcome)
        self._add_file(outcome)
        self.table.scrollToBottom()
        self.summary.setText(scan_summary(self.watch_result))

    def _add_file(self, f: FileOutcome) -> None:
        pick = self.ctx.pick
        rows = list(f.sheets) if f.sheets and f.status != "already" else [None]
        for s in rows:
            status = f.status if s is None else s.status
            message = pick(f.error_ja, f.error_en) if s is None else pick(s.error_ja, s.error_en)
            self._add_row(f.file, s, status, message)

    def _choose_check_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Scan of the scanner check form"), "",
            self.tr("Scans (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf);;All files (*)"))
        if path:
            self.check_scan(Path(path))

    def check_scan(self, path: Path) -> ProgressTask:
        """Read the check form in the background, then show the report."""
        db, actor = self.ctx.db, self.ctx.actor
        self.task = run_with_progress(
            self, self.tr("Checking the scanner"), lambda: check_scanner(db, actor, path),
            on_done=lambda report: show_scanner_check(self, report, self.ctx.pick),
            on_error=lambda exc: show_error(self, exc, self.ctx.language), pick=self.ctx.pick)
        return self.task

    def _add_row(self, file: str, s, status: str, message: str) -> None:  # type: ignore[no-untyped-def]
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = [Path(file).name, str(s.page) if s else "", status_label(status),
                  s.trainee_number if s else "",
                  ", ".join(map(str, s.doubtful)) if s else "", message]
        for col, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setBackground(QColor(STATUS_COLOURS.get(status, "#ffffff")))
            if col == 0:
                item.setToolTip(file)
                item.setData(Qt.ItemDataRole.UserRole, s.sheet_id if s else None)
            self.table.setItem(row, col, item)

    def _sheet_decision(self, kind: str) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        sheet_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if sheet_id is None:
            self.summary.setText(self.tr("Select a sheet in the table first."))
            return
        try:
            if kind == "count":
                review.choose_counting_sheet(self.ctx.db, self.ctx.actor, sheet_id)
            else:
                review.discard_sheet(self.ctx.db, self.ctx.actor, sheet_id)
        except Exception as exc:  # a refusal is shown, never swallowed
            show_error(self, exc, self.ctx.language)
            return
        self.summary.setText(self.tr("Decision recorded for sheet %1.").replace("%1", str(sheet_id)))


def scan_summary(result: BatchResult) -> str:
    """What this import did: files imported before are skipped and say so, never counted as
    sheets read again."""
    already = result.already_imported
    if not result.sheets_read and already and all(f.status == "already"
                                                   for f in result.files):
        return QCoreApplication.translate(
            "ScanningPage", "Nothing new: all %1 files were imported before (nothing was read "
            "again; their sheets are listed below).").replace("%1", str(already))
    errors = result.count("error") + sum(1 for f in result.files
                                         if f.status == "error" and not f.sheets)
    text = (QCoreApplication.translate(
        "ScanningPage", "%1 sheets read: %2 OK, %3 duplicates, %4 need a trainee, %5 errors.")
        .replace("%1", str(len(result.sheets_read))).replace("%2", str(result.count("ok")))
        .replace("%3", str(result.count("duplicate")))
        .replace("%4", str(result.count("unidentified"))).replace("%5", str(errors)))
    if already:
        text += " " + QCoreApplication.translate(
            "ScanningPage", "%1 files were imported before and skipped.").replace(
            "%1", str(already))
    return text


def status_label(status: str) -> str:
    labels = {
        "ok": QCoreApplication.translate("ScanStatus", "OK"),
        "duplicate": QCoreApplication.translate("ScanStatus", "Duplicate"),
        "unidentified": QCoreApplication.translate("ScanStatus", "Trainee unknown"),
        "error": QCoreApplication.translate("ScanStatus", "Error"),
        "already": QCoreApplication.translate("ScanStatus", "Already imported"),
        "imported": QCoreApplication.translate("ScanStatus", "Imported"),
    }
    return labels.get(status, status)


def _title() -> str:
    return QCoreApplication.translate("ScanningPage", "Print and scan answer forms")


PAGE_SPEC = PageSpec(key="scanning", title=_title, permission=Permission.SCAN_SHEETS,
                     factory=ScanningPage, order=40, icon="forms.svg")
