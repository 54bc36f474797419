"""Regenerate docs/screenshots/login.png and roster.png (Japanese UI, demo data).

Runs headless (offscreen Qt platform) on a temporary database, so it never touches real data:
    /work/venv/bin/python tools/screenshots.py [output-folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SCFN_DATA_DIR"] = folder
        os.environ.pop("SCFN_DB_URL", None)

        from PySide6.QtWidgets import QApplication

        from scfn_desktop.config import resolve_db_url
        from scfn_desktop.db.session import open_database
        from scfn_desktop.services.admin import accounts
        from scfn_desktop.services.demo.loader import load_demo
        from scfn_desktop.ui.context import AppContext
        from scfn_desktop.ui.dialogs.login import LoginDialog
        from scfn_desktop.ui.i18n import install_translators
        from scfn_desktop.ui.main_window import MainWindow

        app = QApplication.instance() or QApplication([sys.argv[0]])
        install_translators("ja")
        db = open_database(resolve_db_url())
        load_demo(db)

        login = LoginDialog(db, "ja", last_username="staff")
        login.show()
        app.processEvents()
        login.grab().save(str(out / "login.png"))
        login.close()

        actor = accounts.authenticate(db, "staff", "demo-staff")
        window = MainWindow(AppContext(db, actor, "ja"))
        window.resize(*SIZE)
        window.show()
        window.select_page("roster")
        app.processEvents()
        window.grab().save(str(out / "roster.png"))
        window.close()
        db.dispose()
    print(f"saved {out / 'login.png'} and {out / 'roster.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
