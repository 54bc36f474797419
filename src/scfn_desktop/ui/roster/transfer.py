"""Roster import and export for the roster page: file dialogs, preview, background import.

Split from the page so the page stays about finding and editing trainees. All reading,
validation and writing is the services'; this class only sequences dialogs and the worker.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Generator
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.progress import Progress
from scfn_desktop.services.roster import export as roster_export
from scfn_desktop.services.roster import importing as roster_import
from scfn_desktop.services.runs import training_runs as runs
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.roster.import_preview import ImportPreviewDialog
from scfn_desktop.ui.widgets.run_notice import NoRunNotice
from scfn_desktop.ui.workers import ProgressTask, dispose_when_closed, run_with_progress

EXPORT_SUFFIXES = {".xlsx": "xlsx", ".csv": "csv", ".json": "json"}
NEWEST_OPEN_RUN = object()  # `preview`'s default run: the newest open one (None = no run)


class RosterTransfer(QObject):
    """`on_changed` is called after an import wrote something, so the page reloads."""

    def __init__(self, ctx: AppContext, parent: QWidget, on_changed: Callable[[], None]) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.on_changed = on_changed
        self.preview_dialog: ImportPreviewDialog | None = None
        self.last_task: ProgressTask | None = None
        self.last_result: roster_import.ImportResult | None = None

    # import ------------------------------------------------------------------------------

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget, self.tr("Import roster"), "",
            self.tr("Roster files (*.xlsx *.csv *.json);;Excel (*.xlsx);;CSV (*.csv);;"
                    "JSON (*.json)"))
        if path:
            self.preview(Path(path))

    def preview(self, path: Path, run_id: int | None | object = NEWEST_OPEN_RUN
                ) -> ImportPreviewDialog | None:
        """Read and check the file (no writes) and show the preview dialog. The trainees go
        into the newest open run unless the person picks another (or none)."""
        open_runs = runs.list_runs(self.ctx.db, include_closed=False)
        if run_id is NEWEST_OPEN_RUN:
            run_id = open_runs[0].id if open_runs else None
        try:
            result = roster_import.preview_import(path, self.ctx.db, run_id)
        except ServiceError as exc:
            show_error(self.parent_widget, exc, self.ctx.language, self.tr("Import roster"))
            return None
        if self.preview_dialog is not None:
            self.preview_dialog.set_preview(result)
            return self.preview_dialog
        run_choices = [(r.label, r.id) for r in open_runs]
        notice = None
        if not open_runs:
            notice = NoRunNotice(self.ctx, self.tr(
                "Imported trainees belong to a training run (their answer forms are printed "
                "for it), and no training run is open."))
        dialog = ImportPreviewDialog(self.ctx, result, run_choices, self.parent_widget, notice)
        if notice is not None:
            notice.opened.connect(dialog.reject)
        dispose_when_closed(dialog)
        dialog.runChanged.connect(lambda rid: self.preview(path, rid))
        dialog.accepted.connect(lambda: self.start_import(dialog.preview, dialog.skip_bad_rows()))
        dialog.finished.connect(self._forget_dialog)
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self) -> None:
        self.preview_dialog = None

    def start_import(self, preview: roster_import.ImportPreview,
                     skip_bad_rows: bool) -> ProgressTask:
        db, actor = self.ctx.db, self.ctx.actor

        def work() -> Generator[Progress, None, Any]:
            yield Progress(0, 0, "名簿を取り込んでいます…", "Importing the roster…")
            outcome = roster_import.apply_import(db, actor, preview, skip_bad_rows=skip_bad_rows,
                                                 run_id=preview.run_id)
            if inspect.isgenerator(outcome):  # the service may report progress itself
                outcome = yield from outcome
            return outcome

        self.last_task = run_with_progress(
            self.parent_widget, self.tr("Importing the roster"), work,
            on_done=self._imported, on_error=self._import_failed, pick=self.ctx.pick)
        return self.last_task

    def _imported(self, result: roster_import.ImportResult) -> None:
        self.last_result = result
        self.on_changed()
        text = self.tr("Import finished.\nAdded: %1   Changed: %2   Unchanged: %3   "
                       "Rows left out: %4").replace("%1", str(result.created)).replace(
            "%2", str(result.updated)).replace("%3", str(result.unchanged)).replace(
            "%4", str(result.skipped))
        show_info(self.parent_widget, self.tr("Import roster"), text)

    def _import_failed(self, exc: BaseException) -> None:
        show_error(self.parent_widget, exc, self.ctx.language, self.tr("Import roster"))

    # export ------------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        stem = self.tr("roster")
        suggested = f"{stem}_{date.today():%Y%m%d}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Export roster"), suggested,
            self.tr("Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in EXPORT_SUFFIXES:
            suffix = next((s for s in EXPORT_SUFFIXES if f"*{s}" in chosen), ".xlsx")
            target = target.with_suffix(suffix)
        self.export_to(target)

    def export_to(self, path: Path) -> roster_export.ExportResult | None:
        fmt = EXPORT_SUFFIXES.get(path.suffix.lower(), "xlsx")
        try:
            result = roster_export.export_roster_to(self.ctx.db, self.ctx.actor, path, fmt)
        except ServiceError as exc:
            show_error(self.parent_widget, exc, self.ctx.language, self.tr("Export roster"))
            return None
        text = self.tr("%1 trainees were exported to:\n%2").replace(
            "%1", str(result.count)).replace("%2", str(path))
        if result.replaced_characters:
            text += "\n" + self.tr("%1 characters could not be written in this encoding and "
                                   "were replaced by 〓.").replace(
                "%1", str(result.replaced_characters))
        show_info(self.parent_widget, self.tr("Export roster"), text)
        return result
