"""Regenerate the exam screenshots in docs/screenshots/ (Japanese UI, demo data, 1366x768):
print_forms.png, hot_folder.png, exam_setup.png, review.png, review_decided.png,
results.png, item_analysis.png, sheet_overlay.png and the scanner check (scanner_check.png,
scanner_check_ok.png: the report; scanner_check_form.png: the form), and the answer form
itself (answer_sheet.png, answer_sheet_blank.png: the PDF's pages rendered with pdftoppm at
100 dpi; answer_sheet_overlay.png: a read sheet annotated).

Runs headless on a temporary database, so it never touches real data. The demo run's 60
trainees sit the demo exam on the pencil-filled sample scans that `scfn demo --sample-scans`
and Help ▸ デモ用のスキャン画像を作成 make (services.demo.scans: two are absent, one sat on a
spare form), imported through the same service the scanning page uses:
    /work/venv/bin/python tools/screenshots_exams.py [output-folder]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from screenshot_session import SIZE, japanese_app, output_folder, throwaway_data_folder


def render_page(pdf: Path, page: int, target: Path) -> None:
    """One page of a PDF as PNG at 100 dpi, rendered by poppler (what the reader sees)."""
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)
    print(f"saved {target}")


def main(argv: list[str]) -> int:
    out = output_folder(argv)
    with throwaway_data_folder("scfn-screens-") as folder:

        import cv2
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from scfn_desktop.config import resolve_db_url
        from scfn_desktop.db.session import open_database
        from scfn_desktop.services.admin import accounts
        from scfn_desktop.services.demo.loader import load_demo
        from scfn_desktop.services.demo.scans import write_sample_scans
        from scfn_desktop.services.exams import answer_forms as exam_printing
        from scfn_desktop.services.exams import results as exam_results
        from scfn_desktop.services.exams import setup as exams
        from scfn_desktop.services.exams.scanning import import_scans
        from scfn_desktop.services.progress import run_to_end
        from scfn_desktop.ui.context import AppContext
        from scfn_desktop.ui.main_window import MainWindow

        app = japanese_app()
        db = open_database(resolve_db_url())
        summary = load_demo(db)
        exam_id = exams.list_exams(db, summary.run_id)[0].id
        proctor = accounts.authenticate(db, "proctor", "demo-proctor")
        committee = accounts.authenticate(db, "committee", "demo-committee")
        scans = run_to_end(write_sample_scans(db, proctor, exam_id, Path(folder) / "scanner"))

        def window_for(actor, key: str):  # type: ignore[no-untyped-def]
            window = MainWindow(AppContext(db, actor, "ja"))
            window.resize(*SIZE)
            window.show()
            page = window.select_page(key)
            app.processEvents()
            return window, page

        def save(window, name: str) -> None:  # type: ignore[no-untyped-def]
            app.processEvents()
            window.grab().save(str(out / name))
            print(f"saved {out / name}")

        window, page = window_for(proctor, "scanning")
        panel = page.print_panel
        pdf = Path(folder) / "解答用紙_令和7年度第1期.pdf"
        pages = run_to_end(exam_printing.print_answer_sheets(db, proctor, exam_id, pdf,
                                                     panel.spare.value()))
        panel.show_created(pdf, pages)  # the state the proctor sees when the PDF is ready
        page.tabs.setCurrentIndex(0)
        save(window, "print_forms.png")

        # The hot folder running: the scanner has saved the first eight scans so far.
        hot = Path(folder) / "hot"
        hot.mkdir()
        page.show_scan_tab()
        task = page.hot_folder.start(hot, poll=0.2, settle=0.5)
        for f in sorted((Path(folder) / "scanner").glob("*"))[:8]:
            shutil.copy(f, hot / f.name)
        deadline = time.monotonic() + 120
        while page.table.rowCount() < 8 and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)
        save(window, "hot_folder.png")
        page.hot_folder.stop()
        while task is not None and task.is_running:
            app.processEvents()
            time.sleep(0.05)
        window.close()
        run_to_end(import_scans(db, proctor, exam_id, [Path(folder) / "scanner"]))

        shoot_scanner_check(app, db, proctor, Path(folder), out, window_for, save)

        render_page(pdf, 1, out / "answer_sheet.png")
        render_page(pdf, pages, out / "answer_sheet_blank.png")  # the last: a spare form

        window, page = window_for(committee, "results")
        setup = page.open_setup_dialog()  # the committee's view of a new exam, key half pasted
        setup.key_grid.paste_text("\n".join(str(q % 4 + 1) for q in range(30)), start_row=0)
        app.processEvents()
        setup.grab().save(str(out / "exam_setup.png"))
        print(f"saved {out / 'exam_setup.png'}")
        setup.reject()
        window.close()

        window, page = window_for(proctor, "review")
        save(window, "review.png")
        window.close()

        reviewed_sheets: list[int] = []

        def review_until(open_left: int) -> None:
            """The proctor keys in the darkest choice of each open item, as they would."""
            while page.open_count() > open_left:
                item = page.current()
                reviewed_sheets.append(item.sheet_id)
                values = item.adjusted or item.fills
                darkest = max(range(len(values)), key=values.__getitem__) if values else 0
                QTest.keyClick(page, Qt.Key(Qt.Key.Key_1 + darkest))

        review_until(2)  # the committee looks while the last two marks are still open
        window.close()
        window, page = window_for(committee, "results")
        save(window, "results.png")
        window.close()

        window, page = window_for(proctor, "review")
        review_until(0)
        QTest.keyClick(page, Qt.Key.Key_P)
        save(window, "review_decided.png")
        window.close()

        # Every mark reviewed: the item analysis the committee reads before deciding on 没問.
        window, page = window_for(committee, "results")
        page.tabs.setCurrentIndex(1)
        save(window, "item_analysis.png")
        window.close()

        # The sheet overlay as exported for the committee: the first sheet a person reviewed.
        overlay = exam_results.overlay_image(db, reviewed_sheets[0])
        h, w = overlay.shape[:2]
        for name, width in (("sheet_overlay.png", 900), ("answer_sheet_overlay.png", 756)):
            cv2.imwrite(str(out / name), cv2.resize(overlay, (width, round(h * width / w)),
                                                    interpolation=cv2.INTER_AREA))
            print(f"saved {out / name}")
        db.dispose()
        print(f"{len(scans.sheets)} synthetic scans, {pages} printed pages")
    return 0


def shoot_scanner_check(app, db, proctor, folder: Path, out: Path, window_for, save) -> None:  # type: ignore[no-untyped-def]
    """The check form (PDF page) and two reports: a scanner with background removal on
    (light greys washed out: not fit) and a good 300 dpi grey scan."""
    import cv2
    import numpy as np

    from scfn_desktop.omr import synthetic as syn
    from scfn_desktop.omr.calibration import FIRM_ROW, LIGHT_ROW, calibration_layout
    from scfn_desktop.printing.answer_sheets import rasterize_pdf
    from scfn_desktop.services.exams.calibration import make_check_form
    from scfn_desktop.ui.exams.scanner_check import ScannerCheckDialog

    pdf = folder / "スキャナー確認用紙.pdf"
    make_check_form(db, proctor, pdf)
    render_page(pdf, 1, out / "scanner_check_form.png")
    layout, rng = calibration_layout(), np.random.default_rng(8)
    img = syn.draw_marks(rasterize_pdf(pdf.read_bytes(), 300)[0], layout,
                         [syn.Mark(FIRM_ROW, c, "solid") for c in range(5)], 300, rng)
    img = syn.draw_marks(img, layout, [syn.Mark(LIGHT_ROW, c, "solid") for c in range(5)],
                         300, rng, hand=0.4)
    scan = syn.degrade(img, 300, syn.Condition("s", dpi=300, rotation_deg=1, noise_sigma=3),
                       rng)
    washed = np.clip(scan.astype(np.float32) * 255 / 190, 0, 255).astype(np.uint8)
    for name, image in (("scanner_check.png", washed), ("scanner_check_ok.png", scan)):
        path = folder / name
        cv2.imwrite(str(path), image)
        window, page = window_for(proctor, "scanning")
        page.show_scan_tab()
        task = page.check_scan(path)
        while task.is_running:
            app.processEvents()
            time.sleep(0.05)
        app.processEvents()
        dialog = page.findChild(ScannerCheckDialog)
        dialog.grab().save(str(out / name))
        print(f"saved {out / name}")
        dialog.reject()
        window.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
