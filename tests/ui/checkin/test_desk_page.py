"""The desk page driven like staff drive it: a scanner typing a code and Enter, full-width
input, search and check in by name, the override with its role check, camera frames from image
files, and an unreachable database."""

from __future__ import annotations

import unicodedata

import pytest
from attendancekit import DAY1, after_start, badge_frame, local, token_for
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from scfn_desktop.config import Settings
from scfn_desktop.credentials import BadgeClaims, issue_badge
from scfn_desktop.services.attendance import badges as badge_service

pytestmark = pytest.mark.gui


def type_text(widget, text: str) -> None:
    """Key presses carrying `text` one character at a time, as a keyboard layout or an input
    method delivers them (QTest.keyClicks only knows ASCII keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def scan(qtbot, page, text: str, state: str | None = None) -> None:
    type_text(page.scan_field, text)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert page.scan_field.text() == ""
    qtbot.waitUntil(lambda: page.verdict.state not in ("busy", "idle"), timeout=5000)
    if state is not None:
        assert page.verdict.state == state, page.verdict.title.text()


def test_scanned_code_and_enter_show_each_verdict(db, kit, open_desk_page, qtbot):
    page = open_desk_page()
    assert not page.scan_field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    page.clock = lambda: after_start(-4)
    scan(qtbot, page, token_for(db, kit, kit.numbers[0]), "on_time")
    assert page.verdict.title.text() == "On time" and "251001" in page.verdict.name.text()
    assert page.sounds.last_played == "on_time"
    page.clock = lambda: after_start(59.5)
    scan(qtbot, page, token_for(db, kit, kit.numbers[1]), "late")
    assert page.verdict.title.text() == "Late: 59 min" and page.sounds.last_played == "late"
    page.clock = lambda: after_start(60)
    scan(qtbot, page, token_for(db, kit, kit.numbers[2]), "refused")
    assert page.verdict.title.text() == "Refused: 60 min late"
    assert "Start 10:00 · arrived 11:00 · 60 min late" in page.verdict.facts.text()
    assert "60 minutes or more" in page.verdict.facts.text()
    assert page.verdict.override_button.isVisible() and page.sounds.last_played == "refused"
    page.clock = lambda: after_start(61)
    scan(qtbot, page, token_for(db, kit, kit.numbers[0]), "already")
    assert "09:56" in page.verdict.facts.text() and "Desk 1" in page.verdict.facts.text()
    assert page.sounds.last_played == "already"
    forged = issue_badge(Ed25519PrivateKey.generate(), BadgeClaims(2025, 1, kit.numbers[3], 1))
    scan(qtbot, page, forged, "invalid")
    assert page.verdict.title.text() == "Forged badge (unknown signer)"
    assert page.sounds.last_played == "invalid"
    old = token_for(db, kit, kit.numbers[4])
    badge_service.reissue_badge(db, page.ctx.actor, kit.numbers[4])
    scan(qtbot, page, old, "invalid")
    assert page.verdict.title.text() == "Superseded badge (reissued)"
    qtbot.waitUntil(lambda: "Checked in 3 of 6" in page.counts.text(), timeout=5000)


def test_full_width_input_still_scans(db, kit, open_desk_page, qtbot):
    page = open_desk_page()
    page.clock = lambda: after_start(12)
    token = token_for(db, kit, kit.numbers[0])
    wide = "".join(chr(ord(c) + 0xFEE0) for c in token)
    assert unicodedata.normalize("NFKC", wide) == token
    scan(qtbot, page, wide, "late")
    assert page.verdict.title.text() == "Late: 12 min"


def test_a_scan_typed_into_the_search_box_is_handled_as_a_scan(db, kit, open_desk_page, qtbot):
    page = open_desk_page()
    page.clock = lambda: after_start(0)
    qtbot.keyClicks(page.trainees.search, token_for(db, kit, kit.numbers[1]))
    qtbot.keyClick(page.trainees.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.verdict.state == "on_time", timeout=5000)
    assert page.trainees.search.text() == ""


def test_search_and_check_in_by_name(db, kit, open_desk_page, qtbot):
    page = open_desk_page()
    page.clock = lambda: after_start(-1)
    type_text(page.trainees.search, "さとう")
    qtbot.waitUntil(lambda: page.trainees.model.rowCount() == 1)
    assert page.trainees.model.row_at(0).name == "佐藤\u3000健"
    qtbot.mouseClick(page.trainees.buttons["check_in"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verdict.state == "on_time", timeout=5000)
    assert "佐藤" in page.verdict.name.text()
    qtbot.waitUntil(lambda: page.trainees.model.row_at(0).status == "On time", timeout=5000)
    assert page.trainees.model.row_at(0).arrived == "09:59"
    page.trainees.search.clear()
    qtbot.keyClicks(page.trainees.search, "yamada")
    qtbot.waitUntil(lambda: page.trainees.model.rowCount() == 1)


def _accept_event_dialog(qtbot, page, category: str | None, note: str,
                         approver: tuple[str, str] | None = None):
    qtbot.waitUntil(lambda: page.events.dialog is not None and page.events.dialog.isVisible())
    dialog = page.events.dialog
    if category is not None:
        dialog.category.setCurrentIndex(dialog.category.findData(category))
    type_text(dialog.note, note)
    if approver is not None:
        qtbot.keyClicks(dialog.approver, approver[0])
        qtbot.keyClicks(dialog.approver_password, approver[1])
    dialog._accept()
    return dialog


def test_override_flow(db, kit, open_desk_page, qtbot):
    page = open_desk_page("staff")
    page.clock = lambda: after_start(70)
    scan(qtbot, page, token_for(db, kit, kit.numbers[0]), "refused")
    qtbot.mouseClick(page.verdict.override_button, Qt.MouseButton.LeftButton)
    dialog = page.events.dialog
    assert not dialog.needs_approver  # the rulebook lets venue staff record the cause
    dialog._accept()  # nothing chosen yet
    assert dialog.isVisible() and "reason category" in dialog.problem.text()
    dialog.category.setCurrentIndex(dialog.category.findData("transit_delay_certified"))
    dialog._accept()
    assert dialog.isVisible() and "note" in dialog.problem.text()
    type_text(dialog.note, "中央線 人身事故（遅延証明書を確認）")
    dialog._accept()
    qtbot.waitUntil(lambda: page.verdict.state == "overridden", timeout=5000)
    assert page.verdict.title.text() == "Admitted (unavoidable cause)"
    assert "delay certificate shown" in page.verdict.reason.text()


def test_exclusion_needs_the_secretariat(db, kit, open_desk_page, qtbot):
    page = open_desk_page("staff")
    page.clock = lambda: local(DAY1, 11, 30)
    trainee_id = kit.ids[kit.numbers[2]]
    page.trainees.search_fn = page.desk.search
    page.trainees.refresh()
    assert page.trainees.select(trainee_id)
    qtbot.mouseClick(page.trainees.buttons["exclude"], Qt.MouseButton.LeftButton)
    dialog = _accept_event_dialog(qtbot, page, None, "他の受講生への威圧的な言動",
                                  ("staff", "staff-pass"))  # another staff member: refused
    assert dialog.needs_approver
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5000)
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert "may not perform 'decide_attendance'" in box.text()
    box.close()
    qtbot.mouseClick(page.trainees.buttons["exclude"], Qt.MouseButton.LeftButton)
    _accept_event_dialog(qtbot, page, None, "他の受講生への威圧的な言動",
                         ("admin", "admin-pass"))
    qtbot.waitUntil(lambda: page.verdict.state == "recorded", timeout=5000)
    assert "Excluded by the secretariat" in page.verdict.reason.text()
    assert page.verdict.verdict.day.excluded.actor == "admin"


def test_undo_a_mistaken_check_in_and_backfill_from_paper(db, kit, open_desk_page, qtbot):
    page = open_desk_page()
    page.clock = lambda: after_start(-2)
    page.trainees.refresh()
    page.trainees.select(kit.ids[kit.numbers[5]])
    qtbot.mouseClick(page.trainees.buttons["check_in"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verdict.state == "on_time", timeout=5000)
    assert page.verdict.undo_button.isVisible()
    qtbot.mouseClick(page.verdict.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.events.dialog is not None and page.events.dialog.isVisible(),
                    timeout=5000)
    undo = page.events.dialog
    assert undo.events.count() == 1
    type_text(undo.note, "別の人を選んだ")
    undo.accept()
    qtbot.waitUntil(lambda: page.verdict.state == "recorded", timeout=5000)
    assert "Not checked in yet" in page.verdict.reason.text()
    qtbot.mouseClick(page.trainees.buttons["backfill"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.events.dialog is not undo and page.events.dialog.isVisible())
    paper = page.events.dialog
    paper.time.setTime(paper.time.time().fromString("10:07", "HH:mm"))
    type_text(paper.note, "紙の受付表 1枚目")
    paper._accept()
    qtbot.waitUntil(lambda: page.verdict.state == "late", timeout=5000)
    assert page.verdict.verdict.day.check_in.backfilled
    assert page.verdict.verdict.arrival.minutes_late == 7


def test_camera_frames_from_image_files(db, kit, open_desk_page, qtbot, tmp_path):
    import cv2

    page = open_desk_page()
    page.clock = lambda: after_start(-3)
    path = tmp_path / "frame.png"
    cv2.imwrite(str(path), badge_frame(token_for(db, kit, kit.numbers[3])))
    empty = tmp_path / "empty.png"
    cv2.imwrite(str(empty), badge_frame("0", noise=True)[:, :200])
    image = QImage(str(path))
    assert image.width() == 1280 and image.height() == 720
    page.camera.feed_image(QImage(str(empty)))
    for _ in range(8):  # the badge held in front of the camera for several frames
        page.camera.feed_image(image)
        qtbot.wait(60)
    qtbot.waitUntil(lambda: page.verdict.state == "on_time", timeout=5000)
    qtbot.wait(300)
    from scfn_desktop.db.models.attendance import AttendanceEvent

    with db.session() as s:
        assert s.query(AttendanceEvent).count() == 1  # handled once, not per frame
    assert page.preview.pixmap() is not None and not page.preview.pixmap().isNull()


def test_no_camera_is_not_an_error(db, kit, open_desk_page, qtbot):
    page = open_desk_page()
    if page.camera.available():
        pytest.skip("this machine has a camera")
    page.controls.camera_button.click()
    assert page.camera.state == "none" and "No camera found" in page.preview.text()
    assert not page.controls.camera_button.isChecked()
    assert page.verdict.state == "idle"


def test_unreachable_database_accepts_no_scan_and_recovers(tmp_path, users, qtbot, monkeypatch):
    """The venue database is in a folder that goes away (a pulled cable to a share)."""
    from attendancekit import make_run

    from scfn_desktop.db.session import open_database
    from scfn_desktop.services.admin import accounts
    from scfn_desktop.services.permissions import SYSTEM
    from scfn_desktop.ui.checkin.desk_page import DeskPage
    from scfn_desktop.ui.context import AppContext

    share = tmp_path / "share"
    share.mkdir()
    db = open_database(f"sqlite:///{share / 'venue.sqlite3'}")
    accounts.add_user(db, SYSTEM, "staff", "staff", "staff-pass")
    kit = make_run(db, trainees=2)
    tokens = [token_for(db, kit, n) for n in kit.numbers]
    page = DeskPage(AppContext(db, accounts.authenticate(db, "staff", "staff-pass"), "en"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.desk is not None, timeout=10000)
    page.clock = lambda: after_start(0)
    db.dispose()
    share.rename(tmp_path / "unplugged")
    qtbot.waitUntil(lambda: not page.runner.online, timeout=2000)  # said within 2 s
    assert "unreachable" in page.controls.online.text()
    assert page.verdict.state == "offline" and page.sounds.last_played == "offline"
    scan(qtbot, page, tokens[0], "offline")
    (tmp_path / "unplugged").rename(share)
    qtbot.waitUntil(lambda: page.runner.online, timeout=5000)
    assert page.verdict.state == "idle" and "connected" in page.controls.online.text()
    scan(qtbot, page, tokens[1], "on_time")
    scan(qtbot, page, tokens[0], "on_time")  # the refused scan was never stored
    page.close()
    db.dispose()


def test_mute_and_station_are_remembered(db, kit, open_desk_page, qtbot):
    page = open_desk_page()
    page.controls.mute.setChecked(True)
    page.controls.station_edit.setText("受付2")
    page.controls.station_edit.editingFinished.emit()
    assert page.desk.station == "受付2"
    prefs = Settings.load().extra["checkin"]
    assert prefs == {"muted": True, "station": "受付2"}
    page.clock = lambda: after_start(0)
    page.sounds.last_played = ""
    scan(qtbot, page, token_for(db, kit, kit.numbers[0]), "on_time")
    assert page.sounds.last_played == ""  # muted
    again = open_desk_page()
    assert again.sounds.muted and again.controls.station() == "受付2"
    assert again.sounds.source("refused").endswith("refused.wav")


def test_a_moved_start_time_and_a_new_trainee_reach_the_open_desk(db, kit, open_desk_page,
                                                                   qtbot):
    from datetime import time

    from attendancekit import DAY2

    from scfn_desktop.db.models.roster import Trainee
    from scfn_desktop.services.permissions import SYSTEM
    from scfn_desktop.services.runs.editing import set_venue_days

    page = open_desk_page()
    set_venue_days(db, SYSTEM, kit.run_id, [(DAY1, time(10, 30), time(17)),
                                            (DAY2, time(10), time(17))])
    with db.transaction() as s:
        s.add(Trainee(run_id=kit.run_id, trainee_number="251099", family_name="追加",
                      given_name="受講生"))
    page.refresh_statuses()
    qtbot.waitUntil(lambda: page.desk.day.starts_at == time(10, 30), timeout=8000)
    assert "251099" in page.desk.trainees
    page.clock = lambda: after_start(45)  # 10:45: 15 minutes after the new start
    scan(qtbot, page, token_for(db, kit, kit.numbers[0]), "late")
    assert page.verdict.title.text() == "Late: 15 min"
