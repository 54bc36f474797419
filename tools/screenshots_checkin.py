"""Regenerate the check-in screenshots in docs/screenshots/ (Japanese UI, demo data, 1366x768):
the desk in each verdict state (checkin_*.png), the attendance board (attendance_board.png),
a badge sheet and a badge card (badges_a4.png, badge_card.png) and the paper sign-in sheet
(sign_in_sheet.png), the PDFs rendered with pdftoppm at 100 dpi.

Runs headless on a temporary database, so it never touches real data. The desk is the demo's:
day 2, the practice clock and the sample codes, exactly as a new user tries it:
    .venv/bin/python tools/screenshots_checkin.py [output-folder]
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from screenshot_session import SIZE, japanese_app, output_folder, throwaway_data_folder


def main(argv: list[str]) -> int:
    out = output_folder(argv)
    with throwaway_data_folder("scfn-checkin-") as folder:

        from PySide6.QtCore import Qt

        from scfn_desktop.config import resolve_db_url
        from scfn_desktop.db.session import open_database
        from scfn_desktop.rules.attendance_day import EventKind
        from scfn_desktop.services.admin import accounts
        from scfn_desktop.services.attendance import badges as badge_service
        from scfn_desktop.services.attendance.paper import print_sign_in_sheet
        from scfn_desktop.services.demo.loader import load_demo
        from scfn_desktop.services.progress import run_to_end
        from scfn_desktop.ui.checkin.dialogs import EventRequest
        from scfn_desktop.ui.context import AppContext
        from scfn_desktop.ui.main_window import MainWindow

        app = japanese_app()
        db = open_database(resolve_db_url())
        summary = load_demo(db)
        staff = accounts.authenticate(db, "staff", "demo-staff")
        admin = accounts.authenticate(db, "admin", "demo-admin")

        def settle(until, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
            end = time.monotonic() + timeout
            while not until() and time.monotonic() < end:
                app.processEvents()
                time.sleep(0.02)
            app.processEvents()

        def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
            app.processEvents()
            widget.grab().save(str(out / name))
            print(f"saved {out / name}")

        window = MainWindow(AppContext(db, staff, "ja"))
        window.resize(*SIZE)
        window.show()
        page = window.select_page("checkin")
        settle(lambda: page.desk is not None)
        codes = {page.practice.codes.itemData(i): page.practice.codes.itemText(i)
                 for i in range(1, page.practice.codes.count())}
        valid, superseded, other_run, forged, _altered, _cut = list(codes)

        def verdict(code: str, offset: int | None, name: str) -> None:
            if offset is not None:
                page.practice.set_offset(offset)
            page.handle_code(code)
            settle(lambda: page.verdict.state not in ("busy", "idle"))
            settle(lambda: False, 0.3)  # the list's statuses refresh
            save(window, name)

        save(window, "checkin_idle.png")
        verdict(valid, -8, "checkin_on_time.png")
        people = [t for t in page.desk.search("") if t.number != page.desk.search("")[0].number]
        late = badge_service.prepare_badges(db, admin, summary.run_id, [people[0].number])[0]
        verdict(late.token, 23, "checkin_late.png")
        refused = badge_service.prepare_badges(db, admin, summary.run_id, [people[1].number])[0]
        verdict(refused.token, 68, "checkin_refused.png")
        page.events.submit(people[1].id, EventRequest(
            EventKind.OVERRIDE, "transit_delay_certified",
            "JR中央線の人身事故。遅延証明書を確認。午後のグループ討議で補う。", None, "", ""))
        settle(lambda: page.verdict.state == "overridden")
        save(window, "checkin_overridden.png")
        verdict(valid, 75, "checkin_already.png")
        verdict(superseded, None, "checkin_invalid_superseded.png")
        verdict(other_run, None, "checkin_invalid_other_run.png")
        verdict(forged, None, "checkin_invalid_forged.png")
        page.runner._health_changed(False, "OperationalError: could not connect to server")
        settle(lambda: page.verdict.state == "offline")
        save(window, "checkin_not_recorded.png")
        window.close()

        window = MainWindow(AppContext(db, admin, "ja"))
        window.resize(*SIZE)
        window.show()
        board = window.select_page("attendance")
        board.day_combo.setCurrentIndex(0)
        settle(lambda: board.board is not None and board.board.day.day_number == 1)
        board.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)  # the late ones first
        save(window, "attendance_board.png")
        window.close()

        pdfs = Path(folder)
        run_to_end(badge_service.print_badges(db, admin, summary.run_id, pdfs / "a4.pdf",
                                              "a4-10"))
        run_to_end(badge_service.print_badges(db, admin, summary.run_id, pdfs / "card.pdf",
                                              "card", [people[2].number]))
        run_to_end(print_sign_in_sheet(db, admin, summary.run_id, 2, pdfs / "sheet.pdf"))
        for pdf, name, dpi in (("a4.pdf", "badges_a4", 100), ("card.pdf", "badge_card", 200),
                               ("sheet.pdf", "sign_in_sheet", 100)):
            subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1",
                            "-singlefile", str(pdfs / pdf), str(out / name)], check=True)
            print(f"saved {out / name}.png")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
