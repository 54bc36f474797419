"""The attendance board: counts and lists per day, filter and search, refreshing by itself to
show the other desk's check-ins, export, the paper sign-in sheet and badges; who sees what."""

from __future__ import annotations

import pypdfium2
import pytest
from attendancekit import STAFF, after_start, token_for
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from scfn_desktop.db.session import open_database
from scfn_desktop.rules.attendance_day import DayStatus
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.attendance.desk import open_desk, scan
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.widgets.pdf_print import make_printer

pytestmark = pytest.mark.gui


@pytest.fixture
def board(db, users, kit, qtbot):
    from scfn_desktop.ui.checkin.board_page import BoardPage

    def make(role: str = "admin") -> BoardPage:
        actor = accounts.authenticate(db, role, users[role])
        page = BoardPage(AppContext(db, actor, "en"))
        qtbot.addWidget(page)
        page.resize(1166, 700)
        page.show()
        qtbot.waitUntil(lambda: page.board is not None, timeout=10000)
        return page

    return make


def test_board_sees_the_other_desk_and_filters(db, kit, board, qtbot):
    page = board()
    assert page.tiles[DayStatus.NOT_ARRIVED].count == 6 and page.model.rowCount() == 6
    other_pc = open_database(db.url)  # the second desk, its own connection
    desk = open_desk(other_pc, kit.run_id, 1, "受付2")
    scan(other_pc, STAFF, desk, token_for(db, kit, kit.numbers[0]), at=after_start(-3))
    scan(other_pc, STAFF, desk, token_for(db, kit, kit.numbers[1]), at=after_start(25))
    other_pc.dispose()
    qtbot.waitUntil(lambda: page.tiles[DayStatus.LATE].count == 1, timeout=8000)
    assert page.tiles[DayStatus.ON_TIME].count == 1
    assert page.tiles[DayStatus.NOT_ARRIVED].count == 4
    qtbot.mouseClick(page.tiles[DayStatus.LATE], Qt.MouseButton.LeftButton)
    assert page.visible_numbers() == [kit.numbers[1]] and page.tiles[DayStatus.LATE].isChecked()
    qtbot.mouseClick(page.tiles[DayStatus.LATE], Qt.MouseButton.LeftButton)
    assert len(page.visible_numbers()) == 6
    qtbot.keyClicks(page.search, "yamada")
    assert page.visible_numbers() == [kit.numbers[0]]
    row = page.model.row_of_id(kit.ids[kit.numbers[0]])
    assert page.model.data(page.model.index(row, 8)) == "受付2"
    assert "Updated" in page.updated.text()
    page.day_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.board.day.day_number == 2, timeout=8000)
    assert page.tiles[DayStatus.NOT_ARRIVED].count == 6


def test_export_sheet_and_badges(db, kit, board, qtbot, tmp_path):
    page = board("admin")
    with qtbot.waitSignal(page.printing.export_to(tmp_path / "出欠.xlsx").finished,
                          timeout=20000):
        pass
    assert load_workbook(tmp_path / "出欠.xlsx").sheetnames == ["1日目", "2日目"]
    with qtbot.waitSignal(page.printing.sign_in_sheet_to(tmp_path / "sheet.pdf").finished,
                          timeout=20000):
        pass
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    with qtbot.waitSignal(page.printing.badges_to(tmp_path / "b.pdf", "a4-10").finished,
                          timeout=30000):
        pass
    assert (tmp_path / "b.pdf").stat().st_size > 10_000
    with qtbot.waitSignal(page.printing.reissue_number(kit.numbers[2], "紛失").finished,
                          timeout=20000):
        pass
    from scfn_desktop.db.models.attendance import Badge

    with db.session() as s:
        assert s.query(Badge).filter_by(trainee_id=kit.ids[kit.numbers[2]], revision=2).one()


ID1_PT = (85.60 / 25.4 * 72, 53.98 / 25.4 * 72)
A4_PT = (595.3, 841.9)


def page_sizes(path) -> list[tuple[float, float]]:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [pdf[i].get_size() for i in range(len(pdf))]
    finally:
        pdf.close()


@pytest.mark.parametrize("layout, expected", [("a4-10", A4_PT), ("card", ID1_PT)])
def test_saved_badges_go_to_a_printer_at_their_own_size(db, kit, board, qtbot, tmp_path,
                                                         layout, expected):
    """The "saved" message offers 印刷…; the job sends each page at its own size (A4 sheets of
    91 x 55 mm badges, or ID-1 pages for a card printer), here to Qt's PDF "printer"."""
    page = board("admin")
    pdf = tmp_path / "badges.pdf"
    with qtbot.waitSignal(page.printing.badges_to(pdf, layout, kit.numbers[:3]).finished,
                          timeout=30000):
        pass
    qtbot.waitUntil(lambda: page.printing.last_box is not None
                    and page.printing.last_box.isVisible(), timeout=5000)
    assert page.printing.last_box.findChild(QPushButton, "boardPrintSaved") is not None
    page.printing.last_box.close()
    printer = make_printer("Badges")
    printed = tmp_path / "printed.pdf"
    printer.setOutputFormat(printer.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    with qtbot.waitSignal(page.printing.print_to(pdf, printer).finished, timeout=60000):
        pass
    made = page_sizes(pdf)
    got = page_sizes(printed)
    assert page.printing.pages_printed == len(made) == len(got) == (1 if layout == "a4-10" else 3)
    for width, height in got:  # Qt's PDF writer rounds the media box to whole points
        assert abs(width - expected[0]) < 1.0 and abs(height - expected[1]) < 1.0


def test_an_export_is_not_offered_to_the_printer(db, kit, board, qtbot, tmp_path):
    page = board("admin")
    with qtbot.waitSignal(page.printing.export_to(tmp_path / "出欠.csv").finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: page.printing.last_box is not None, timeout=5000)
    assert page.printing.last_box.findChild(QPushButton, "boardPrintSaved") is None


def test_a_trainee_changes_group_from_the_board(db, kit, board, qtbot):
    page = board("staff")
    number = kit.numbers[1]
    with qtbot.waitSignal(page.printing.change_group_to(number, "Ｃ").finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: page.printing.last_box is not None
                    and page.printing.last_box.isVisible(), timeout=5000)
    assert "group C" in page.printing.last_box.text()
    qtbot.waitUntil(lambda: any(r.number == number and r.group == "C"
                                for r in page.board.rows), timeout=10000)
    page.printing.last_box.close()
    page.printing.last_box = None
    with qtbot.waitSignal(page.printing.change_group_to(number, "").finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible()
                                and "Enter a group name" in w.text()
                                for w in QApplication.topLevelWidgets()), timeout=5000)


def test_committee_views_the_board_but_not_the_desk(db, kit, users, board, make_window):
    page = board("committee")
    assert not page.printing.badge_button.isVisibleTo(page)
    window = make_window("committee")
    assert "attendance" in window.page_keys() and "checkin" not in window.page_keys()
    staff = make_window("staff")
    assert {"checkin", "attendance"} <= set(staff.page_keys())
    proctor = make_window("proctor")
    assert "checkin" not in proctor.page_keys() and "attendance" not in proctor.page_keys()
