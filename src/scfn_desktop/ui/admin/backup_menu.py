"""The Administration ▸ Backup menu and the automatic-backup timer of the main window.

Back up now (to a folder or USB stick), verify a backup, restore one (after verifying it; the
current database is kept aside and the session ends so everyone logs in to the restored data),
and the automatic-backup settings: administrators only. The timer runs for whoever is logged
in, because the policy is the administrator's: once a minute it asks the Qt-free scheduler
(`services.backup.schedule.due`) and, when due, makes the backup on a worker without a dialog,
reporting in the status bar. Long work runs through `ui.workers`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from scfn_desktop.services.backup import schedule
from scfn_desktop.services.backup.create import BackupResult, create_backup
from scfn_desktop.services.backup.restore import RestoreResult, restore_backup
from scfn_desktop.services.backup.verify import BackupReport, verify_backup_steps
from scfn_desktop.services.permissions import Permission
from scfn_desktop.ui.admin.backup_dialog import AutoBackupDialog
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.workers import (
    GenFactory,
    ProgressTask,
    dispose_when_closed,
    run_with_progress,
)

CHECK_EVERY_MS = 60_000


class BackupMenu(QObject):
    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.task: ProgressTask | None = None
        self.auto_task: ProgressTask | None = None
        self.last_box: QMessageBox | None = None
        self.dialog: AutoBackupDialog | None = None
        self.menu: QMenu | None = None
        if ctx.actor.can(Permission.MANAGE_BACKUPS):
            self._build_menu()
        self.timer = QTimer(self)
        self.timer.setObjectName("autoBackupTimer")
        self.timer.timeout.connect(self.tick)
        self.apply_policy()

    def _build_menu(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("&Administration"))
        menu.setObjectName("adminMenu")
        self.backup_action = menu.addAction(self.tr("&Back up now…"))
        self.backup_action.triggered.connect(self.back_up_now)
        self.verify_action = menu.addAction(self.tr("&Verify a backup…"))
        self.verify_action.triggered.connect(self.verify_chosen)
        self.restore_action = menu.addAction(self.tr("&Restore from a backup…"))
        self.restore_action.triggered.connect(self.restore_chosen)
        menu.addSeparator()
        self.auto_action = menu.addAction(self.tr("&Automatic backups…"))
        self.auto_action.triggered.connect(self.open_policy)
        self.menu = menu

    # actions -------------------------------------------------------------------------------

    def _folder(self, title: str) -> str:
        return QFileDialog.getExistingDirectory(self.window, title)

    def back_up_now(self) -> None:
        folder = self._folder(self.tr("Where to put the backup (a USB stick or another disk)"))
        if folder:
            self.back_up_to(Path(folder))

    def _run(self, title: str, factory: GenFactory, on_done: Callable[[Any], None]
             ) -> ProgressTask:
        self.task = run_with_progress(self.window, title, factory, on_done=on_done,
                                      on_error=self._failed, pick=self.ctx.pick)
        return self.task

    def back_up_to(self, folder: Path) -> ProgressTask:
        db, actor = self.ctx.db, self.ctx.actor
        return self._run(self.tr("Backing up"), lambda: create_backup(db, actor, folder),
                         self._backed_up)

    def _backed_up(self, result: BackupResult) -> None:
        self.last_box = show_info(self.window, self.tr("Backup"), self.tr(
            "The backup was written to:\n%1\n\n%2 files, %3 MB; the audit log up to entry %4 "
            "and its signed checkpoint are in it.").replace("%1", str(result.path))
            .replace("%2", str(result.files)).replace("%3", f"{result.bytes / 1e6:.1f}")
            .replace("%4", str(result.audit_seq)))

    def _failed(self, exc: BaseException) -> None:
        self.last_box = show_error(self.window, exc, self.ctx.language, self.tr("Backup"))

    def verify_chosen(self) -> None:
        folder = self._folder(self.tr("Choose the backup folder to verify"))
        if folder:
            self.verify(Path(folder))

    def verify(self, folder: Path) -> ProgressTask:
        return self._run(self.tr("Verifying the backup"), lambda: verify_backup_steps(folder),
                         self._verified)

    def _verified(self, report: BackupReport) -> None:
        if report.ok and report.manifest is not None:
            text = self.tr("The backup is intact: %1 files, %2 audit entries, made %3, signed "
                           "with key %4.").replace("%1", str(report.files_checked)) \
                .replace("%2", str(report.entries_checked)) \
                .replace("%3", report.manifest.created_at) \
                .replace("%4", report.manifest.key_fingerprint)
            self.last_box = show_info(self.window, self.tr("Verify a backup"), text)
            return
        lines = "\n".join(report.lines(self.ctx.language))
        self.last_box = show_info(self.window, self.tr("Verify a backup"), self.tr(
            "The backup has problems and must not be restored:\n%1").replace("%1", lines))
        self.last_box.setIcon(QMessageBox.Icon.Critical)

    def restore_chosen(self) -> None:
        folder = self._folder(self.tr("Choose the backup folder to restore"))
        if not folder:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore from a backup"), self.tr(
            "Replace the current data with the backup\n%1?\n\nThe backup is verified first; "
            "the current database is kept aside. Everyone is logged out afterwards.")
            .replace("%1", folder), QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("restoreQuestion")
        dispose_when_closed(box)
        box.accepted.connect(lambda: self.restore(Path(folder)))
        self.last_box = box
        box.open()

    def restore(self, folder: Path) -> ProgressTask:
        db, actor = self.ctx.db, self.ctx.actor
        return self._run(self.tr("Restoring the backup"),
                         lambda: restore_backup(db, actor, folder), self._restored)

    def _restored(self, result: RestoreResult) -> None:
        self.last_box = show_info(self.window, self.tr("Restore from a backup"), self.tr(
            "The backup was restored (audit log up to entry %1). The previous database was "
            "kept as:\n%2\n\nYou are now logged out; log in again to work on the restored "
            "data.").replace("%1", str(result.audit_seq)).replace("%2", str(result.kept_aside)))
        logout = getattr(self.window, "logoutRequested", None)
        if logout is not None:
            logout.emit()

    def open_policy(self) -> AutoBackupDialog:
        dialog = AutoBackupDialog(self.ctx, self.window)
        dispose_when_closed(dialog)
        dialog.accepted.connect(self.apply_policy)
        self.dialog = dialog
        dialog.open()
        return dialog

    # automatic backups ---------------------------------------------------------------------

    def apply_policy(self) -> None:
        """Run the once-a-minute check only while automatic backups are switched on."""
        if schedule.load_policy().active:
            self.timer.start(CHECK_EVERY_MS)
        else:
            self.timer.stop()

    def tick(self, now: datetime | None = None) -> ProgressTask | None:
        """One check of the scheduler; starts the automatic backup when it is due."""
        policy = schedule.load_policy()
        if self.auto_task is not None or not schedule.due(self.ctx.db, policy,
                                                          now or datetime.now()):
            return None
        db = self.ctx.db
        task = ProgressTask(lambda: schedule.run_scheduled(db, policy), self)
        task.succeeded.connect(self._auto_done)
        task.failed.connect(self._auto_failed)
        task.finished.connect(self._auto_finished)
        self.auto_task = task
        return task.start()

    def _auto_done(self, result: BackupResult) -> None:
        self.window.statusBar().showMessage(self.tr("Automatic backup made at %1: %2").replace(
            "%1", datetime.now().strftime("%H:%M")).replace("%2", str(result.path)))

    def _auto_failed(self, exc: BaseException) -> None:
        self.window.statusBar().showMessage(self.tr("The automatic backup FAILED: %1").replace(
            "%1", getattr(exc, "message", lambda _l: str(exc))(self.ctx.language)))
        self.last_box = show_error(self.window, exc, self.ctx.language,
                                   self.tr("Automatic backup"))

    def _auto_finished(self) -> None:
        self.auto_task = None
