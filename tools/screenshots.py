"""Regenerate docs/screenshots/login.png, roster.png, roster_import.png and runs.png (Japanese
UI, demo data, 1366x768).

Runs headless (offscreen Qt platform) on a temporary database, so it never touches real data:
    /work/venv/bin/python tools/screenshots.py [output-folder]
"""

from __future__ import annotations

import sys
from pathlib import Path

from screenshot_session import SIZE, japanese_app, output_folder, throwaway_data_folder


def main(argv: list[str]) -> int:
    out = output_folder(argv)
    with throwaway_data_folder() as folder:


        from scfn_desktop.config import resolve_db_url
        from scfn_desktop.db.session import open_database
        from scfn_desktop.services.admin import accounts
        from scfn_desktop.services.demo.loader import load_demo
        from scfn_desktop.ui.context import AppContext
        from scfn_desktop.ui.dialogs.login import LoginDialog
        from scfn_desktop.ui.main_window import MainWindow

        app = japanese_app()
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
        page = window.select_page("roster")
        app.processEvents()
        window.grab().save(str(out / "roster.png"))

        # The import preview of an office's file: into the open run, one row to change.
        roster_file = Path(folder) / "名簿_追加分.csv"
        roster_file.write_text(
            "受講番号,氏名,フリガナ,ローマ字,所属機関,都道府県,メールアドレス\n"
            "251061,山田 花子,ヤマダ ハナコ,Yamada Hanako,新宿区多文化共生プラザ,東京都,"
            "hanako@example.jp\n"
            "251062,グエン ヴァン アン,グエン ヴァンアン,Nguyen Van An,横浜市国際交流協会,"
            "神奈川県,an@example.jp\n", encoding="utf-8-sig")
        dialog = page.transfer.preview(roster_file)
        app.processEvents()
        dialog.grab().save(str(out / "roster_import.png"))
        dialog.reject()
        window.close()

        admin = accounts.authenticate(db, "admin", "demo-admin")
        window = MainWindow(AppContext(db, admin, "ja"))
        window.resize(*SIZE)
        window.show()
        window.select_page("runs")
        app.processEvents()
        window.grab().save(str(out / "runs.png"))
        window.close()
        db.dispose()
    for name in ("login.png", "roster.png", "roster_import.png", "runs.png"):
        print(f"saved {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
