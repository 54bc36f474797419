"""The board's files: export (xlsx/csv), the paper sign-in sheet of the day (PDF), the badges
(A4 10-up or card printer) and the reissue of a lost badge. Long work runs behind the progress
dialog of ui.workers; each `*_to(path)` method is what the file dialog's choice calls.

A saved sheet or set of badges can go straight to a printer from the "saved" message
(「印刷…」): through ui.widgets.pdf_print, each page at its own size and 100 %, so badges land
on perforated 91 x 55 mm blanks and a card printer gets ID-1 pages, which a PDF viewer's
"fit to page" would not guarantee."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QPushButton

from scfn_desktop.services.attendance import badges as badge_service
from scfn_desktop.services.attendance.export import export_attendance
from scfn_desktop.services.attendance.groups import group_labels, set_group
from scfn_desktop.services.attendance.paper import print_sign_in_sheet
from scfn_desktop.services.permissions import Permission
from scfn_desktop.services.progress import Progress
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.widgets.pdf_print import ask_printer, first_page_size, print_pdf
from scfn_desktop.ui.workers import ProgressTask, run_with_progress

if TYPE_CHECKING:
    from scfn_desktop.ui.checkin.board_page import BoardPage


def _once(fn) -> Generator[Progress, None, Any]:  # type: ignore[no-untyped-def]
    """A quick service call as a progress generator (one step), for run_with_progress."""
    yield Progress(0, 0)
    return fn()


class BoardPrinting(QObject):
    def __init__(self, page: BoardPage) -> None:
        super().__init__(page)
        self.page = page
        self.last_file: Path | None = None
        self.last_box: QMessageBox | None = None  # the newest "saved" / "changed" message
        self.printer: QPrinter | None = None  # kept alive while a print job runs
        self.pages_printed = 0
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("boardExport")
        self.export_button.clicked.connect(self.export)
        self.sheet_button = QPushButton(self.tr("Paper sign-in sheet…"))
        self.sheet_button.setObjectName("boardSheet")
        self.sheet_button.clicked.connect(self.sign_in_sheet)
        self.badge_button = QPushButton(self.tr("Badges"))
        self.badge_button.setObjectName("boardBadges")
        menu = QMenu(self.badge_button)
        menu.addAction(self.tr("All badges, A4 10 per sheet…"),
                       lambda: self.badges("a4-10", None))
        menu.addAction(self.tr("All badges, card printer…"), lambda: self.badges("card", None))
        menu.addAction(self.tr("Badge of the selected trainee (card)…"), self.selected_badge)
        menu.addAction(self.tr("Reissue the selected trainee's badge…"), self.reissue)
        menu.addAction(self.tr("Change the selected trainee's group…"), self.change_group)
        self.badge_button.setMenu(menu)
        self.badge_button.setVisible(page.ctx.actor.can(Permission.PRINT_BADGES))

    def buttons(self) -> list[QPushButton]:
        return [self.export_button, self.sheet_button, self.badge_button]

    def _save_as(self, title: str, name: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.page, title, name, filters)
        return Path(path) if path else None

    def _run(self, title: str, factory, done_text: str,  # type: ignore[no-untyped-def]
             printable: Path | None = None) -> ProgressTask:
        page = self.page
        return run_with_progress(
            page, title, factory,
            on_done=lambda result: self._saved(title, done_text, printable, result),
            on_error=lambda exc: show_error(page, exc, page.ctx.language),
            pick=page.ctx.pick)

    def _saved(self, title: str, text: str, printable: Path | None, pages: object) -> None:
        """The "saved" message; for a PDF it also offers to print it at once."""
        self.last_box = box = show_info(self.page, title, text)
        if printable is not None and isinstance(pages, int) and pages > 0:
            button = box.addButton(self.tr("Print…"), QMessageBox.ButtonRole.ActionRole)
            button.setObjectName("boardPrintSaved")
            button.clicked.connect(lambda: self.choose_printer(printable, pages))

    # printing ----------------------------------------------------------------------------

    def choose_printer(self, path: Path, pages: int) -> None:
        printer = ask_printer(
            self.page, pages, doc_name=path.stem, first_page=first_page_size(path),
            title=self.tr("Print (set the scale to 100% / actual size)"))
        if printer is not None:
            self.print_to(path, printer)

    def print_to(self, path: Path, printer: QPrinter) -> ProgressTask:
        """Paint the PDF onto `printer` at 100 %, each page at its own size, in the background."""
        page = self.page
        self.printer = printer
        title = self.tr("Printing")

        def printed(sent: int) -> None:
            self.pages_printed = sent
            show_info(page, title, self.tr("Sent %1 pages to the printer.").replace(
                "%1", str(sent)))

        return run_with_progress(
            page, title, lambda: print_pdf(path, printer), on_done=printed,
            on_error=lambda exc: show_error(page, exc, page.ctx.language), pick=page.ctx.pick)

    # export ------------------------------------------------------------------------------

    def export(self) -> None:
        path = self._save_as(self.tr("Export the attendance"), "出欠状況.xlsx",
                             self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path is not None:
            self.export_to(path)

    def _for_run(self, path: Path, title: str, work, done: str,  # type: ignore[no-untyped-def]
                 printable: bool = False) -> ProgressTask | None:
        """Run `work(db, actor, run_id)` (a progress generator) for the board's run."""
        page = self.page
        run = page.current_run()
        if run is None:
            return None
        self.last_file = path
        db, actor = page.ctx.db, page.ctx.actor
        return self._run(title, lambda: work(db, actor, run.id), done.replace("%1", str(path)),
                         path if printable else None)

    def export_to(self, path: Path, day_number: int | None = None) -> ProgressTask | None:
        return self._for_run(
            path, self.tr("Export the attendance"),
            lambda db, actor, run_id: _once(
                lambda: export_attendance(db, actor, run_id, path, day_number)),
            self.tr("Saved %1"))

    # paper -------------------------------------------------------------------------------

    def sign_in_sheet(self) -> None:
        day = self.page.day_number()
        path = self._save_as(self.tr("Paper sign-in sheet"), f"受付表_{day}日目.pdf",
                             self.tr("PDF (*.pdf)"))
        if path is not None:
            self.sign_in_sheet_to(path)

    def sign_in_sheet_to(self, path: Path) -> ProgressTask | None:
        day = self.page.day_number()
        if day is None:
            return None
        return self._for_run(
            path, self.tr("Paper sign-in sheet"),
            lambda db, actor, run_id: print_sign_in_sheet(db, actor, run_id, day, path),
            self.tr("Saved %1. Print it at 100 % and keep it at the desk."), printable=True)

    # badges ------------------------------------------------------------------------------

    def badges(self, layout: str, numbers: Sequence[str] | None) -> None:
        path = self._save_as(self.tr("Badges"), "受付用バッジ.pdf", self.tr("PDF (*.pdf)"))
        if path is not None:
            self.badges_to(path, layout, numbers)

    def badges_to(self, path: Path, layout: str, numbers: Sequence[str] | None = None
                  ) -> ProgressTask | None:
        return self._for_run(
            path, self.tr("Badges"),
            lambda db, actor, run_id: badge_service.print_badges(db, actor, run_id, path,
                                                                 layout, numbers),
            self.tr("Saved %1. Print at 100 % (actual size)."), printable=True)

    def _selected_number(self) -> str | None:
        page = self.page
        trainee_id = page.selected_id()
        if trainee_id is None or page.board is None:
            return None
        return next((r.number for r in page.board.rows if r.trainee_id == trainee_id), None)

    def selected_badge(self) -> None:
        number = self._selected_number()
        if number is not None:
            self.badges("card", [number])

    def reissue(self) -> None:
        number = self._selected_number()
        if number is None:
            return
        reason, ok = QInputDialog.getText(self.page, self.tr("Reissue the badge"),
                                          self.tr("Why (e.g. lost)?"), text="紛失")
        if ok:
            self.reissue_number(number, reason)

    def reissue_number(self, number: str, reason: str) -> ProgressTask:
        page = self.page
        db, actor = page.ctx.db, page.ctx.actor
        return self._run(self.tr("Reissue the badge"),
                         lambda: _once(lambda: badge_service.reissue_badge(db, actor, number,
                                                                           reason)),
                         self.tr("Reissued the badge of %1: the old badge is refused at the "
                                 "desk from now on. Print the new one from the Badges menu.")
                         .replace("%1", number))

    # groups ------------------------------------------------------------------------------

    def change_group(self) -> None:
        page = self.page
        number, run = self._selected_number(), page.current_run()
        if number is None or run is None or page.board is None:
            return
        row = next(r for r in page.board.rows if r.number == number)
        labels = group_labels(page.ctx.db, run.id)
        current = labels.index(row.group) if row.group in labels else 0
        label, ok = QInputDialog.getItem(
            page, self.tr("Discussion group"),
            self.tr("Group of %1 (choose one, or type a new name):").replace(
                "%1", f"{number} {row.name}"), labels, current, True)
        if ok:
            self.change_group_to(number, label)

    def change_group_to(self, number: str, label: str) -> ProgressTask:
        page = self.page
        db, actor = page.ctx.db, page.ctx.actor
        title = self.tr("Discussion group")
        return run_with_progress(
            page, title, lambda: _once(lambda: set_group(db, actor, number, label)),
            on_done=lambda change: self._group_changed(title, change),
            on_error=lambda exc: show_error(page, exc, page.ctx.language), pick=page.ctx.pick)

    def _group_changed(self, title: str, change) -> None:  # type: ignore[no-untyped-def]
        self.page.refresh()
        if change.changed:
            self.last_box = show_info(self.page, title, self.tr(
                "%1 is now in group %2. Print the badge again to show it (the badge already "
                "printed still checks in).").replace("%1", f"{change.number} {change.name}")
                .replace("%2", change.after))
