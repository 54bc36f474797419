"""The cards page with real widgets: the secretariat issues (the issuer key made on first use,
its passphrase asked and checked), reissues and sees the superseded card; venue staff see and
print but cannot issue; cards go to a PDF "printer" at the PDF page's own size (ID-1 for a
card printer, A4 for sheets), and answer forms keep printing on A4."""

from __future__ import annotations

from datetime import date

import pypdfium2
import pytest
from cardkit import TODAY, certified_run
from PySide6.QtWidgets import QMessageBox

from scfn_desktop.services.certificates import cards, issuer_keys
from scfn_desktop.services.errors import PermissionDenied
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.ui.cards.cards_page import CardsPage
from scfn_desktop.ui.context import AppContext
from scfn_desktop.ui.widgets.pdf_print import make_printer

pytestmark = pytest.mark.gui
ADMIN = Actor("jimukyoku", "admin")
STAFF = Actor("uketsuke", "staff")
CARD_PT = (85.60 / 25.4 * 72, 53.98 / 25.4 * 72)  # 242.65 x 153.01 pt


def sizes(path) -> list[tuple[float, float]]:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [pdf[i].get_size() for i in range(len(pdf))]
    finally:
        pdf.close()


def make_page(qtbot, db, actor) -> CardsPage:
    page = CardsPage(AppContext(db, actor, "ja"))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def test_issue_with_a_new_protected_key_then_reissue(qtbot, db, japanese):
    numbers = certified_run(db, 3)
    page = make_page(qtbot, db, ADMIN)
    assert [r.status for r in page.rows] == ["not_issued"] * 3
    assert page.fingerprint.text() == "発行者鍵はまだありません"
    page.buttons["issue"].click()
    dialog = page.holder.dialog  # no key yet: one is made, with an optional passphrase
    assert dialog is not None and dialog.isVisible() and dialog.new
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    dialog.ok_button.click()
    assert dialog.isVisible() and "8文字以上" in dialog.error.text()
    assert not issuer_keys.issuer_key_exists()  # refused before anything was made
    qtbot.keyClicks(dialog.passphrase, "aikotoba-2026")
    qtbot.keyClicks(dialog.repeat, "aikotoba-2026")
    dialog.ok_button.click()
    with qtbot.waitSignal(page.task.finished, timeout=30000):
        pass
    assert issuer_keys.issuer_key_protected()
    assert [r.status for r in page.rows] == ["valid"] * 3
    assert "発行者鍵" in page.fingerprint.text()
    box = page.findChild(QMessageBox, "infoBox")
    assert box is not None and "3 件を交付" in box.text()

    page.holder.forget()  # a new session: the passphrase is asked again
    page.table.selectRow(0)
    page.open_reissue()
    ask = page.holder.dialog
    assert ask is not None and not ask.new
    qtbot.keyClicks(ask.passphrase, "wrong-passphrase")
    ask.ok_button.click()
    assert ask.isVisible() and "パスフレーズが違います" in ask.error.text()
    qtbot.keyClicks(ask.passphrase, "aikotoba-2026")
    ask.ok_button.click()
    reissue = page.dialog
    assert reissue.objectName() == "reissueDialog"
    reissue.reason.setCurrentIndex(reissue.reason.findData("damage"))
    reissue.ok_button.click()
    assert not reissue.isVisible()
    assert [(r.number, r.revision, r.status) for r in page.rows[:2]] == [
        (numbers[0], 1, "superseded"), (numbers[0], 2, "valid")]
    assert "き損" in page.table.item(1, 8).text()
    page.status.setCurrentIndex(page.status.findData("superseded"))
    assert [r.number for r in page.rows] == [numbers[0]]


def test_renew_and_revoke_from_the_page(qtbot, db, japanese):
    numbers = certified_run(db, 2)
    key = issuer_keys.unlock_issuer_key(db, ADMIN)
    run_to_end(cards.issue_cards(db, ADMIN, key, today=TODAY))
    page = make_page(qtbot, db, ADMIN)
    page.table.selectRow(0)
    page.open_renew()
    renew = page.dialog
    renew.completed_on.setDate(renew.completed_on.date().fromString("2026-11-20", "yyyy-MM-dd"))
    assert renew.new_until.text() == "2031年3月31日"
    renew.ok_button.click()
    assert not renew.isVisible()
    assert [r.valid_until for r in page.rows if r.number == numbers[0]] == [
        date(2028, 3, 31), date(2031, 3, 31)]
    page.select_number(numbers[1])
    revoke = page.open_revoke()
    revoke.ok_button.click()  # no reason: refused inside the dialog
    assert revoke.isVisible() and revoke.error.text()
    revoke.reason.setPlainText("欠格事由の判明")
    revoke.ok_button.click()
    assert not revoke.isVisible()
    assert [r.status for r in page.rows if r.number == numbers[1]] == ["revoked"]
    page.select_number(numbers[1])
    assert not page.buttons["reissue"].isEnabled() and not page.buttons["revoke"].isEnabled()


def test_venue_staff_print_but_do_not_issue(qtbot, db):
    certified_run(db, 2)
    page = make_page(qtbot, db, STAFF)
    for name in ("issue", "reissue", "renew", "revoke", "export"):
        assert not page.buttons[name].isVisible(), name
    assert page.buttons["print"].isVisible() and page.buttons["photo"].isVisible()
    with pytest.raises(PermissionDenied):
        issuer_keys.unlock_issuer_key(db, STAFF)


@pytest.mark.parametrize("layout, expected", [("card", CARD_PT), ("a4-10", (595.3, 841.9))])
def test_cards_go_to_a_pdf_printer_at_their_own_size(qtbot, db, tmp_path, layout, expected):
    numbers = certified_run(db, 2)
    run_to_end(cards.issue_cards(db, ADMIN, issuer_keys.unlock_issuer_key(db, ADMIN),
                                 today=TODAY))
    page = make_page(qtbot, db, STAFF)
    dialog = page.open_print()
    assert dialog.numbers == numbers
    (dialog.card_mode if layout == "card" else dialog.sheet_mode).setChecked(True)
    printer = make_printer("Cards")  # what the dialog returns, sent to a PDF "printer" here
    printed = tmp_path / "printed.pdf"
    printer.setOutputFormat(printer.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    dialog.print_cards(printer)
    qtbot.waitUntil(lambda: dialog.pages_printed > 0, timeout=60000)
    qtbot.waitUntil(lambda: dialog.task is not None and not dialog.task.is_running,
                    timeout=30000)
    got = sizes(printed)
    assert len(got) == (4 if layout == "card" else 2)  # front and back
    for width, height in got:  # Qt's PDF writer rounds the media box to whole points
        assert abs(width - expected[0]) < 1.0 and abs(height - expected[1]) < 1.0
    dialog.close()
    assert dialog._temporary is None  # the temporary PDF with personal data is gone


def test_the_offset_is_saved_and_the_calibration_page_written(qtbot, db, tmp_path):
    certified_run(db, 1)
    page = make_page(qtbot, db, STAFF)
    dialog = page.open_print()
    dialog.offset_x.setValue(1.5)
    dialog.offset_y.setValue(-0.7)
    dialog.save_offset()
    from scfn_desktop.services.certificates.printing import saved_offset

    assert saved_offset() == (1.5, -0.7)
    path = dialog.calibration_page(tmp_path / "calibration.pdf")
    [(width, height)] = sizes(path)
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1
    assert "+1.5" in dialog.status.text() or str(path) in dialog.status.text()
