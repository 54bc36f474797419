"""Open the database for the GUI: migrate (telling the user about the backup made first),
optionally load the demonstration data, and turn failures into a readable message box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QMessageBox

from scfn_desktop.db import Database
from scfn_desktop.ui.messages import error_text


def _load_finished_run(db: Database, language: str) -> None:
    """The demo's earlier, finished run takes half a minute the first time: build it on the
    worker thread behind a progress dialog (there is no window yet), waiting here for it."""
    from scfn_desktop.services.demo.finished_run import load_finished_run
    from scfn_desktop.services.permissions import SYSTEM
    from scfn_desktop.ui.workers import run_with_progress

    loop = QEventLoop()
    failures: list[BaseException] = []
    task = run_with_progress(
        None, QCoreApplication.translate("Startup", "Preparing the demonstration data"),
        lambda: load_finished_run(db, SYSTEM), on_error=failures.append,
        pick=lambda ja, en: ja if language == "ja" else en)
    task.finished.connect(loop.quit)
    loop.exec()
    if failures:
        raise failures[0]


def open_database_for_gui(url: str, language: str, demo: bool = False) -> Database | None:
    """The migrated database, or None after telling the user why it could not be opened."""
    try:
        db = Database(url)
        backup = db.upgrade()
    except Exception as exc:  # any failure here must reach the user, not a console
        QMessageBox.critical(None, QCoreApplication.translate("Startup", "Cannot open the database"),
                             QCoreApplication.translate("Startup", "The database could not be opened:\n%1\n\n%2")
                             .replace("%1", url).replace("%2", error_text(exc, language)))
        return None
    if backup is not None:
        QMessageBox.information(None, QCoreApplication.translate("Startup", "Database updated"),
                                QCoreApplication.translate("Startup", "The database was updated to the new version. A copy of "
                                    "the previous file was saved first:\n%1")
                                .replace("%1", str(backup)))
    if demo:
        try:
            from scfn_desktop.services.demo.loader import load_demo

            load_demo(db)
            _load_finished_run(db, language)
        except Exception as exc:  # demo data is optional: warn and continue
            QMessageBox.warning(None, QCoreApplication.translate("Startup", "Demonstration data"),
                                QCoreApplication.translate("Startup", "The demonstration data could not be loaded:\n%1")
                                .replace("%1", error_text(exc, language)))
    return db
