"""The main window: a sidebar of the pages the actor may use, a header naming who is logged in,
and the few application-wide menus. Pages come from the registry (`pages_for`) and are built on
first visit, so a feature adds a page without touching this file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from scfn_desktop import __version__
from scfn_desktop.config import Settings, data_dir
from scfn_desktop.services.admin import integrity
from scfn_desktop.services.demo.scans import SampleScans, demo_exam_id, write_sample_scans
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import ROLE_LABELS, Permission
from scfn_desktop.ui.admin.backup_menu import BackupMenu
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.dialogs.settings import SettingsDialog
from scfn_desktop.ui.messages import show_error, show_info
from scfn_desktop.ui.registry import PageSpec, pages_for
from scfn_desktop.ui.resources import icon
from scfn_desktop.ui.workers import ProgressTask, dispose_when_closed, run_with_progress

DEFAULT_SIZE = QSize(1280, 720)
MINIMUM_SIZE = QSize(1024, 640)


def database_location(ctx: AppContext) -> str:
    """The SQLite file, or the URL without its password for a server database."""
    path = ctx.db.sqlite_path
    if path is not None:
        return str(path)
    return ctx.db.engine.url.render_as_string(hide_password=True)


class MainWindow(QMainWindow):
    """Emits `logoutRequested` and `languageChangeRequested(code)`; the shell acts on them."""

    logoutRequested = Signal()
    languageChangeRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.navigator = self  # pages ask for another page through ctx.show_page(key)
        self.specs: list[PageSpec] = pages_for(ctx)
        self._pages: dict[str, QWidget] = {}
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("SCFN Desktop — Support Coordinator Certification"))
        self.setWindowIcon(icon("app.svg"))
        self.resize(DEFAULT_SIZE)
        self.setMinimumSize(MINIMUM_SIZE)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(24, 24))
        self.navigation.setMinimumWidth(170)
        self.navigation.setMaximumWidth(260)
        for spec in self.specs:
            item = QListWidgetItem(icon(spec.icon), spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, 40))
            self.navigation.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.empty_label = QLabel(self.tr("Your role has no pages. Ask an administrator."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty_label)

        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1080])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self._build_header())
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        # Administration ▸ Backup (administrators) and the automatic-backup timer (everyone).
        self.backup_menu = BackupMenu(self, ctx)

        self.navigation.currentRowChanged.connect(self._on_row_changed)
        if self.specs:
            self.navigation.setCurrentRow(0)

    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("header")
        row = QHBoxLayout(header)
        row.setContentsMargins(4, 0, 4, 4)
        title = QLabel(self.tr("Support Coordinator for Foreign Nationals — Certification Office"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        actor = self.ctx.actor
        role_ja, role_en = ROLE_LABELS.get(actor.role, (actor.role, actor.role))
        self.user_label = QLabel(self.tr("Logged in: %1 (%2)")
                                 .replace("%1", actor.display_name or actor.username)
                                 .replace("%2", self.ctx.pick(role_ja, role_en)))
        self.user_label.setObjectName("userLabel")
        self.logout_button = QPushButton(icon("logout.svg"), self.tr("Log out"))
        self.logout_button.setObjectName("logoutButton")
        self.logout_button.clicked.connect(self.logoutRequested)
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(self.user_label)
        row.addWidget(self.logout_button)
        return header

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.export_action = file_menu.addAction(icon("export.svg"), self.tr("&Export…"))
        self.export_action.setObjectName("exportAction")
        self.export_action.triggered.connect(self._export_current)
        file_menu.addSeparator()
        self.logout_action = file_menu.addAction(self.tr("Log &out"))
        self.logout_action.triggered.connect(self.logoutRequested)
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.triggered.connect(QCoreApplication.quit)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.language_action = settings_menu.addAction(self.tr("&Language…"))
        self.language_action.setObjectName("languageAction")
        self.language_action.triggered.connect(self.open_settings)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.verify_action = help_menu.addAction(self.tr("&Verify the audit log"))
        self.verify_action.setObjectName("verifyAction")
        self.verify_action.setVisible(self.ctx.actor.can(Permission.VERIFY_AUDIT))
        self.verify_action.triggered.connect(self.verify_audit)
        # Demo databases only: a new user can try reading scans without a scanner.
        self.demo_exam_id = (demo_exam_id(self.ctx.db)
                             if self.ctx.actor.can(Permission.SCAN_SHEETS) else None)
        self.demo_scans_action = help_menu.addAction(self.tr("Create demo scan images…"))
        self.demo_scans_action.setObjectName("demoScansAction")
        self.demo_scans_action.setVisible(self.demo_exam_id is not None)
        self.demo_scans_action.triggered.connect(self.create_demo_scans)
        self.demo_scans_task: ProgressTask | None = None
        self.demo_scans_box: QMessageBox | None = None
        about_action = help_menu.addAction(self.tr("&About SCFN Desktop"))
        about_action.triggered.connect(self.show_about)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", database_location(self.ctx)))
        self.db_label.setObjectName("dbLabel")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)

    # pages -------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def select_page(self, key: str) -> QWidget:
        """Show the page with this key (building it on first use) and return it."""
        row = self.page_keys().index(key)
        self.navigation.setCurrentRow(row)
        return self._pages[key]

    def has_page(self, key: str) -> bool:
        return key in self.page_keys()

    def show_page(self, key: str) -> bool:
        """Navigator for the pages (see ui.context): False when this actor has no such page."""
        if not self.has_page(key):
            return False
        self.select_page(key)
        self.raise_()
        self.activateWindow()
        return True

    def current_page(self) -> QWidget | None:
        widget = self.stack.currentWidget()
        return None if widget is self.empty_label else widget

    def current_page_key(self) -> str:
        row = self.navigation.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else ""

    def _on_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        spec = self.specs[row]
        if spec.key not in self._pages:
            page = spec.factory(self.ctx)
            page.setObjectName(f"page_{spec.key}")
            self._pages[spec.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self._pages[spec.key])
        self._update_export_action()

    def _update_export_action(self) -> None:
        """File ▸ Export works on the current page when that page offers `export_data()`."""
        page = self.current_page()
        can_export = getattr(page, "can_export", None)
        self.export_action.setEnabled(bool(callable(can_export) and can_export()))

    def _export_current(self) -> None:
        page = self.current_page()
        if page is not None and hasattr(page, "export_data"):
            page.export_data()

    # menus -------------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        """Open the settings dialog (non-blocking); accepting it with another language asks the
        shell to remember it and rebuild the window in that language."""
        dialog = SettingsDialog(self.ctx.language, self)
        dispose_when_closed(dialog)

        def apply() -> None:
            chosen = dialog.language()
            if chosen != self.ctx.language:
                self.languageChangeRequested.emit(chosen)

        dialog.accepted.connect(apply)
        dialog.open()
        return dialog

    def verify_audit(self) -> QMessageBox:
        """Help ▸ Verify: the same checks as the audit page's button (chain, signed checkpoint,
        data), as a quick message box listing each result."""
        try:
            report = integrity.verify_all(self.ctx.db, self.ctx.actor)
        except ServiceError as exc:
            return show_error(self, exc, self.ctx.language)
        details = "\n".join(report.lines(self.ctx.language))
        if report.ok:
            text = self.tr("The audit log is intact: %1 entries checked.").replace(
                "%1", str(report.chain.checked))
            return show_info(self, self.tr("Audit log"), f"{text}\n\n{details}")
        text = self.tr("The audit log or the data has been tampered with:")
        box = show_info(self, self.tr("Audit log"), f"{text}\n\n{details}")
        box.setIcon(QMessageBox.Icon.Critical)
        return box

    def create_demo_scans(self) -> ProgressTask | None:
        """Help ▸ demo scans: the files a scanner would make of the demo exam's filled forms,
        written to a folder the user picks, behind the progress dialog (cancel keeps none)."""
        exam_id = self.demo_exam_id
        if exam_id is None:
            return None
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the demo scans"))
        if not folder:
            return None
        db, actor = self.ctx.db, self.ctx.actor
        self.demo_scans_action.setEnabled(False)
        self.demo_scans_task = run_with_progress(
            self, self.tr("Creating demo scan images"),
            lambda: write_sample_scans(db, actor, exam_id, folder),
            on_done=self._demo_scans_written, on_error=self._demo_scans_failed,
            pick=self.ctx.pick)
        self.demo_scans_task.finished.connect(self._demo_scans_finished)
        return self.demo_scans_task

    # Bound methods, not closures over the window, on the task's signals: with such a closure
    # PySide6 6.12 crashed deleting the finished task (tests/ui/exams/test_demo_scans_ui.py).
    def _demo_scans_finished(self) -> None:
        self.demo_scans_action.setEnabled(True)

    def _demo_scans_failed(self, exc: BaseException) -> None:
        show_error(self, exc, self.ctx.language)

    def _demo_scans_written(self, scans: SampleScans) -> None:
        text = self.tr(
            "Scans of %1 filled answer forms were written to:\n%2\n\nAbsent: %3. One form "
            "went through the scanner upside down, and one trainee wrote their number on a "
            "spare form.\n\nTo try reading them, open “Print and scan answer forms”, click "
            "“Add folder…” on the “Import scanned forms” tab, choose this folder and click "
            "“Import scans”."
        ).replace("%1", str(len(scans.sheets))).replace(
            "%3", ", ".join(scans.absent) or "—").replace("%2", str(scans.folder))
        self.demo_scans_box = show_info(self, self.tr("Demo scan images"), text)

    def show_about(self) -> QMessageBox:
        text = self.tr(
            "SCFN Desktop %1\n\nOffline certification of Support Coordinators for Foreign "
            "Nationals.\n\nData folder: %2\nDatabase: %3\nSettings: %4"
        ).replace("%1", __version__).replace("%2", str(data_dir())).replace(
            "%3", database_location(self.ctx)).replace("%4", str(Settings.path()))
        return show_info(self, self.tr("About SCFN Desktop"), text)
