"""The hot folder box of the import tab: watch the scanner's output folder and read each scan
as it arrives, so the results are ready seconds after the last sheet leaves the scanner.

The watching itself is the service's (``services.exams.hot_folder.watch_folder``, Qt-free);
here it runs through the worker adapter as a non-modal task, so the proctor keeps using the
page while it runs. Stop (or a change of exam, or closing the window) cancels the task; the
file being written when it stops is completed or rolled back, never half-recorded.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop.services.exams.hot_folder import WatchProgress, watch_folder
from scfn_desktop.services.progress import Progress
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.exams.common import ExamPicker
from scfn_desktop.ui.messages import show_error
from scfn_desktop.ui.workers import ProgressTask


class HotFolderPanel(QGroupBox):
    """Start/stop watching a folder; emits ``fileImported(FileOutcome)`` per file read."""

    fileImported = Signal(object)

    def __init__(self, ctx: AppContext, picker: ExamPicker, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("hotFolderPanel")
        self.setTitle(self.tr("Hot folder: read each scan as the scanner saves it"))
        self.ctx = ctx
        self.picker = picker
        self.task: ProgressTask | None = None
        self.files_read = 0
        self.folder = QLineEdit()
        self.folder.setObjectName("hotFolderEdit")
        self.folder.setPlaceholderText(self.tr("The scanner's output folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.start_button = QPushButton(self.tr("Start watching"))
        self.start_button.setObjectName("startWatchButton")
        self.start_button.clicked.connect(self._toggle)
        self.status = QLabel(self.tr("Not watching."))
        self.status.setObjectName("hotFolderStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        picker.examChanged.connect(lambda _id: self.stop())

    @property
    def watching(self) -> bool:
        return self.task is not None and self.task.is_running

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Scanner output folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _toggle(self) -> None:
        if self.watching:
            self.stop()
        else:
            self.start()

    def start(self, folder: Path | None = None, poll: float | None = None,
              settle: float | None = None) -> ProgressTask | None:
        """Watch ``folder`` (default: the one typed in); ``poll``/``settle`` are for tests."""
        if folder is not None:
            self.folder.setText(str(folder))
        path = Path(self.folder.text().strip()) if self.folder.text().strip() else None
        exam_id = self.picker.exam_id()
        if not exam_id or path is None:
            self.status.setText(self.tr("Choose an exam and the scanner's output folder."))
            return None
        db, actor = self.ctx.db, self.ctx.actor
        timing = {k: v for k, v in (("poll", poll), ("settle", settle)) if v is not None}
        self.files_read = 0
        self.task = ProgressTask(lambda: watch_folder(db, actor, exam_id, path, **timing), self)
        self.task.progress.connect(self._on_progress)
        self.task.failed.connect(self._on_failed)
        self.task.finished.connect(self._on_finished)
        self.start_button.setText(self.tr("Stop watching"))
        self.folder.setEnabled(False)
        self.status.setText(self.tr("Starting…"))
        return self.task.start()

    def stop(self) -> None:
        if self.watching and self.task is not None:
            self.status.setText(self.tr("Stopping after the file being read…"))
            self.task.cancel()

    def _on_progress(self, step: Progress) -> None:
        folder = self.folder.text()
        if isinstance(step, WatchProgress) and step.outcome is not None:
            self.files_read += 1
            self.fileImported.emit(step.outcome)
            self.status.setText(
                self.tr("Watching %1: %2 files read, the last one %3 at %4.")
                .replace("%1", folder).replace("%2", str(self.files_read))
                .replace("%3", Path(step.outcome.file).name)
                .replace("%4", time.strftime("%H:%M:%S")))
        elif isinstance(step, WatchProgress) and self.files_read == 0:
            self.status.setText(self.tr("Watching %1: waiting for the scanner…")
                                .replace("%1", folder))
        elif not isinstance(step, WatchProgress):
            self.status.setText(self.tr("Watching %1: %2").replace("%1", folder)
                                .replace("%2", self.ctx.pick(step.message_ja, step.message_en)))

    def _on_failed(self, exc: BaseException) -> None:
        show_error(self, exc, self.ctx.language)

    def _on_finished(self) -> None:
        self.start_button.setText(self.tr("Start watching"))
        self.folder.setEnabled(True)
        self.status.setText(self.tr("Not watching. %1 files were read.")
                            .replace("%1", str(self.files_read)))
