"""Regenerate the committee screenshots in docs/screenshots/ (Japanese UI, demo data, 1366x768):
committee_decisions.png (the decision list of the finished run with a dossier open),
committee_dossier.png (the dossier of a trainee not certified, scrolled to the decisions and
the retake exemption), register.png (the 認定者名簿 page) and the first page of each document:
notice_pass.png, notice_fail.png, register_pdf.png, minutes.png.

Runs headless on a temporary database built the way `scfn-desktop --demo` builds it (the GUI
start-up path, finished run included), so it never touches real data:
    .venv/bin/python tools/screenshots_committee.py [output-folder]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from screenshot_session import SIZE, japanese_app, output_folder, throwaway_data_folder


def window(db, actor, key: str):  # type: ignore[no-untyped-def]
    from scfn_desktop.ui.context import AppContext
    from scfn_desktop.ui.main_window import MainWindow

    w = MainWindow(AppContext(db, actor, "ja"))
    w.resize(*SIZE)
    w.show()
    page = w.select_page(key)
    return w, page


def clipped(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Visible buttons narrower than their text needs (a translation cut off)."""
    from PySide6.QtWidgets import QAbstractButton

    return [b.text() for b in root.findChildren(QAbstractButton)
            if b.isVisible() and b.text() and b.width() < b.sizeHint().width()]


def shoot(db, out: Path, work: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    """Take every picture of the committee room; returns the files written. Refuses (an
    AssertionError naming them) when a button's text is cut off."""
    from PySide6.QtWidgets import QApplication

    from scfn_desktop.services.admin import accounts
    from scfn_desktop.services.committee import exports, notices
    from scfn_desktop.services.committee.meetings import list_meetings, minutes_pdf
    from scfn_desktop.services.runs.training_runs import list_runs

    app = QApplication.instance()
    committee = accounts.authenticate(db, "committee", "demo-committee")
    admin = accounts.authenticate(db, "admin", "demo-admin")
    run = next(r for r in list_runs(db) if r.label == "令和6年度 第1期")
    written = []

    w, page = window(db, committee, "committee")
    page.runs.select(run.id)
    page.select_trainee("241007")
    app.processEvents()
    written.append(out / "committee_decisions.png")
    assert w.grab().save(str(written[-1]))
    page.select_trainee("241014")  # the excused absence: not certified, retake exemption
    page.dossier_view.verticalScrollBar().setValue(page.dossier_view.verticalScrollBar()
                                                   .maximum())
    app.processEvents()
    written.append(out / "committee_dossier.png")
    assert w.grab().save(str(written[-1]))
    assert clipped(w) == [], clipped(w)
    w.close()

    w, page = window(db, admin, "register")
    app.processEvents()
    written.append(out / "register.png")
    assert w.grab().save(str(written[-1]))
    assert clipped(w) == [], clipped(w)
    w.close()

    letters = work / "notices"
    notices.write_notices(db, admin, run.id, letters, one_file_each=True)
    meeting = list_meetings(db, run.id)[0]
    pdfs = {"notice_pass": letters / "notice_241007.pdf",
            "notice_fail": letters / "notice_241014.pdf",
            "register_pdf": work / "register.pdf", "minutes": work / "minutes.pdf"}
    pdfs["register_pdf"].write_bytes(exports.export_register(db, admin, "pdf").data)
    pdfs["minutes"].write_bytes(minutes_pdf(db, committee, meeting.id))
    for name, pdf in pdfs.items():
        subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(out / name)], check=True)
        written.append(out / f"{name}.png")
    return written


def main(argv: list[str]) -> int:
    out = output_folder(argv)
    with throwaway_data_folder("scfn-screens-") as folder:

        from scfn_desktop.config import resolve_db_url
        from scfn_desktop.ui.startup import open_database_for_gui

        japanese_app()
        db = open_database_for_gui(resolve_db_url(), "ja", demo=True)
        for path in shoot(db, out, Path(folder)):
            print(path)
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
