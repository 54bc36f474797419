"""The verify page with real widgets: a code typed into the scan field and Enter (as a
keyboard-wedge scanner does), in full-width characters too, an image and a PDF opened; every
one of the six states shown, green only when valid."""

from __future__ import annotations

from datetime import date

import pytest
from cardkit import TODAY, render_pages
from committeekit import ADMIN
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from scfn_desktop.credentials import CardClaims, holder_check, issue_card
from scfn_desktop.credentials.certificate_number import parse_certificate_number
from scfn_desktop.services.certificates import cards, printing, publishing
from scfn_desktop.services.committee.certification import revoke_certificate
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.ui.cards.verdict_view import COLOURS
from scfn_desktop.ui.cards.verify_page import VerifyPage
from scfn_desktop.ui.context import AppContext

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, db, issued):
    widget = VerifyPage(AppContext(db, Actor("uketsuke", "staff"), "ja"))
    widget.today = TODAY
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def scan(qtbot, page, text: str) -> str:
    page.scan_field.setFocus()
    if text.isascii():
        qtbot.keyClicks(page.scan_field, text)
    else:  # QTest types ASCII only: send the key events a full-width keyboard mode sends
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(page.scan_field, QKeyEvent(
                    kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert page.scan_field.text() == ""  # cleared for the next card
    return page.view.state


def background(page) -> str:
    return page.view.palette().color(page.view.backgroundRole()).name()


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in text)


def test_every_state_from_the_scan_field(qtbot, db, page, issued):
    numbers, key, first = issued
    assert scan(qtbot, page, first[0].token) == "valid"
    assert background(page) == COLOURS["valid"][0]
    assert page.view.title.text() == "有効"
    assert numbers[0] in page.view.details.text() and "2028年3月31日" in page.view.details.text()
    flipped = first[0].token[:60] + ("1" if first[0].token[60] != "1" else "2") \
        + first[0].token[61:]
    assert scan(qtbot, page, flipped) == "forged"
    assert page.view.title.text() == "偽造・改ざん" and background(page) != COLOURS["valid"][0]
    stranger = Ed25519PrivateKey.generate()
    foreign = issue_card(stranger, CardClaims(parse_certificate_number(numbers[0]), 1,
                                              date(2025, 3, 28), date(2028, 3, 31),
                                              holder_check("SATO Kenta")))
    assert scan(qtbot, page, foreign) == "unknown_key"
    page.today = date(2028, 4, 1)
    assert scan(qtbot, page, first[2].token) == "expired"
    page.today = TODAY
    cards.reissue_card(db, ADMIN, key, numbers[0], "loss", today=TODAY)
    assert scan(qtbot, page, first[0].token) == "superseded"
    assert "第2版" in page.view.reason.text()
    revoke_certificate(db, ADMIN, numbers[1], date(2026, 11, 2), "欠格事由の判明", today=TODAY)
    assert scan(qtbot, page, first[1].token) == "revoked"
    assert "欠格事由の判明" in page.view.details.text()


def test_full_width_input_and_the_name_check(qtbot, page, issued):
    _numbers, _key, first = issued
    wide = full_width(first[0].token)
    assert wide[0] == "０" and not wide.isascii()
    assert scan(qtbot, page, wide) == "valid"
    qtbot.keyClicks(page.name_field, "SATO Kenta")
    assert scan(qtbot, page, first[0].token) == "valid"
    assert "一致 / match" in page.view.details.text()
    page.name_field.setText("SATO Hanako")
    scan(qtbot, page, first[0].token)
    assert "不一致 / no match" in page.view.details.text()


def test_an_image_and_a_pdf_opened(qtbot, db, page, issued, tmp_path, japanese):
    numbers, _key, _first = issued
    pdf = tmp_path / "cards.pdf"
    run_to_end(printing.print_cards(db, ADMIN, pdf, "card", [numbers[0]]))
    (tmp_path / "png").mkdir()
    back = render_pages(pdf, tmp_path / "png")[1]  # the back, with the QR code
    task = page.open_file(back)
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert page.view.state == "valid" and numbers[0] in page.view.details.text()
    sheet = tmp_path / "sheet.pdf"
    run_to_end(printing.print_cards(db, ADMIN, sheet, "a4-10"))
    task = page.open_file(sheet)
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert page.codes.count() == 3 and page.codes.isVisible()
    page.codes.setCurrentRow(2)
    assert numbers[2] in page.view.details.text()
    empty = tmp_path / "empty.png"
    from PIL import Image

    Image.new("L", (200, 200), 255).save(empty)
    task = page.open_file(empty)
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert page.view.title.text() == "QRコードが見つかりません"


def test_a_revocation_list_file_is_loaded_or_refused(qtbot, db, page, issued, tmp_path):
    numbers, key, first = issued
    cards.reissue_card(db, ADMIN, key, numbers[0], "loss", today=TODAY)
    text, _ = publishing.signed_revocation_list(db, ADMIN, key)
    good = tmp_path / "list.json"
    good.write_text(text, encoding="utf-8")
    assert page.load_revocations(good)
    assert "1 entries" in page.list_label.text()
    bad = tmp_path / "bad.json"
    bad.write_text(text.replace("superseded", "revoked"), encoding="utf-8")
    assert not page.load_revocations(bad)
    assert page.findChild(QMessageBox, "errorBox").isVisible()
    assert len(page.revocations.entries) == 1  # the good list stays in use
    assert scan(qtbot, page, first[0].token) == "superseded"


def test_a_card_held_up_to_the_camera(qtbot, db, page, issued, tmp_path):
    """The webcam path without a webcam: frames go to the same CameraScanner the desk uses
    (decoded on its own thread) and a card held in view for many frames is judged once."""
    from PySide6.QtGui import QImage

    numbers, _key, _first = issued
    pdf = tmp_path / "card.pdf"
    run_to_end(printing.print_cards(db, ADMIN, pdf, "card", [numbers[1]]))
    (tmp_path / "png").mkdir()
    frame = QImage(str(render_pages(pdf, tmp_path / "png", dpi=200)[1]))
    seen: list[str] = []
    page.camera.codeDecoded.connect(seen.append)
    try:
        for _ in range(100):  # a camera streams frames while the card stays in view
            page.camera.feed_image(frame)
            qtbot.wait(50)
            if page.view.state == "valid":
                break
        for _ in range(10):  # still in view after it was judged
            page.camera.feed_image(frame)
            qtbot.wait(50)
    finally:
        page.camera.stop()
    assert page.view.state == "valid" and numbers[1] in page.view.details.text()
    assert len(seen) == 1  # judged once, not once per frame
    assert page.preview.pixmap() is not None and not page.preview.pixmap().isNull()
