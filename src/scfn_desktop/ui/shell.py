"""The session flow: first run -> login -> main window -> (log out -> login again).

Kept apart from `app.py` so the tests drive exactly what users see, without `exec()` loops:
every dialog is opened non-blocking and the next step hangs off its `accepted` signal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QRect, Signal

from scfn_desktop.config import Settings
from scfn_desktop.db import Database
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.permissions import Actor
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.dialogs.first_run import FirstRunDialog
from scfn_desktop.ui.dialogs.login import LoginDialog
from scfn_desktop.ui.i18n import install_translators
from scfn_desktop.ui.main_window import MainWindow


class Shell(QObject):
    """Owns the current dialog or main window; `mainWindowShown` fires for each new window."""

    mainWindowShown = Signal(object)

    def __init__(self, db: Database, language: str, settings: Settings | None = None,
                 quit_on_cancel: bool = True) -> None:
        super().__init__()
        self.db = db
        self.language = language
        self.settings = settings or Settings.load()
        self.quit_on_cancel = quit_on_cancel
        self.first_run_dialog: FirstRunDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.main_window: MainWindow | None = None

    def start(self) -> None:
        if accounts.count_users(self.db) == 0:
            self.show_first_run()
        else:
            self.show_login()

    def _cancelled(self) -> None:
        if self.quit_on_cancel:
            QCoreApplication.quit()

    def show_first_run(self) -> FirstRunDialog:
        dialog = FirstRunDialog(self.db, self.language)
        dialog.accepted.connect(lambda: self.show_login(dialog.created_username))
        dialog.rejected.connect(self._cancelled)
        self.first_run_dialog = dialog
        dialog.open()
        return dialog

    def show_login(self, username: str = "") -> LoginDialog:
        dialog = LoginDialog(self.db, self.language, username or self.settings.last_username)
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        dialog.rejected.connect(self._cancelled)
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def _logged_in(self, dialog: LoginDialog) -> None:
        assert dialog.actor is not None
        self.settings.last_username = dialog.actor.username
        self.settings.save()
        self.login_dialog = None
        dialog.deleteLater()
        self.show_main_window(dialog.actor)

    def show_main_window(self, actor: Actor, page_key: str = "",
                         geometry: QRect | None = None) -> MainWindow:
        window = MainWindow(AppContext(self.db, actor, self.language))
        window.logoutRequested.connect(self.log_out)
        window.languageChangeRequested.connect(self.change_language)
        if geometry is not None:
            window.setGeometry(geometry)
        if page_key in window.page_keys():
            window.select_page(page_key)
        self.main_window = window
        window.show()
        self.mainWindowShown.emit(window)
        return window

    def _close_main_window(self) -> MainWindow | None:
        window, self.main_window = self.main_window, None
        if window is not None:
            window.hide()
            window.deleteLater()
        return window

    def log_out(self) -> None:
        self._close_main_window()
        self.show_login()

    def change_language(self, language: str) -> None:
        """Switch live: install the new translators and rebuild the window on the same page."""
        self.language = language
        self.settings.language = language
        self.settings.save()
        install_translators(language)
        old = self.main_window
        if old is None:
            return
        actor, key, geometry = old.ctx.actor, old.current_page_key(), old.geometry()
        self._close_main_window()
        self.show_main_window(actor, key, geometry)
