"""The results page's exports: the results (xlsx with the item analysis, or csv) and the
annotated answer forms (PDF), with Japanese default file names naming the exam.

The format follows the file name: a name typed without an extension gets the chosen filter's;
a name with another format's extension is refused by the service with a message (nothing is
written). The forms are drawn on the worker behind the progress dialog (cancel leaves no file).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from scfn_desktop.services.exams.exports import export_overlays, export_results
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.common import exam_file_name
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.workers import ProgressTask, run_with_progress


def with_filter_suffix(path: str, chosen_filter: str, default: str) -> Path:
    """A name without an extension gets the chosen filter's ("Excel (*.xlsx)" -> .xlsx)."""
    target = Path(path)
    if target.suffix:
        return target
    found = re.search(r"\*(\.\w+)", chosen_filter)
    return target.with_suffix(found.group(1) if found else default)


class ResultsExporter(QObject):
    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.task: ProgressTask | None = None
        self.last_path: Path | None = None
        self.last_box: QMessageBox | None = None

    def choose_results_file(self, exam_id: int) -> None:
        name = exam_file_name(self.ctx, exam_id, self.tr("exam_results"), ".xlsx")
        path, chosen = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Export results"), name,
            self.tr("Excel with the item analysis (*.xlsx);;CSV, results only (*.csv)"))
        if path:
            self.export_results_to(exam_id, with_filter_suffix(path, chosen, ".xlsx"))

    def export_results_to(self, exam_id: int, path: Path) -> Path | None:
        try:
            export_results(self.ctx.db, self.ctx.actor, exam_id, path)
        except Exception as exc:  # a refused name or a failed write, said in the UI language
            self.last_box = show_error(self.parent_widget, exc, self.ctx.language,
                                       self.tr("Export results"))
            return None
        self.last_path = path
        self.last_box = show_info(self.parent_widget, self.tr("Export results"),
                                  self.tr("Saved %1").replace("%1", str(path)))
        return path

    def choose_forms_file(self, exam_id: int) -> None:
        name = exam_file_name(self.ctx, exam_id, self.tr("annotated_forms"), ".pdf")
        path, chosen = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Annotated answer forms"), name, self.tr("PDF (*.pdf)"))
        if path:
            self.export_forms_to(exam_id, with_filter_suffix(path, chosen, ".pdf"))

    def export_forms_to(self, exam_id: int, path: Path) -> ProgressTask:
        db, actor = self.ctx.db, self.ctx.actor
        self.task = run_with_progress(
            self.parent_widget, self.tr("Drawing the annotated answer forms"),
            lambda: export_overlays(db, actor, exam_id, path),
            on_done=lambda _written: self._forms_saved(path), on_error=self._failed,
            pick=self.ctx.pick)
        return self.task

    def _forms_saved(self, path: Path) -> None:
        self.last_path = path
        self.last_box = show_info(self.parent_widget, self.tr("Annotated answer forms"),
                                  self.tr("Saved %1").replace("%1", str(path)))

    def _failed(self, exc: BaseException) -> None:
        self.last_box = show_error(self.parent_widget, exc, self.ctx.language,
                                   self.tr("Annotated answer forms"))
