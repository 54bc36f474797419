"""The committee in the window: open a dossier, decide against the proposal (the reason is
required, the dialog says so and stays open), accept the clear proposals in bulk with one
confirmation listing exactly who, close the meeting and see the decisions locked; then the
secretariat records the agency's 認証 on the register page."""

from __future__ import annotations

from datetime import date

import pytest
from committeekit import ADMIN, check_all, make_run, open_meeting, sit_exam, trainee_id
from examkit import COMMITTEE
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from scfn_desktop.services.committee import decisions
from scfn_desktop.services.committee.dossier import dossier
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.ui.committee.decisions_page import DecisionsPage
from scfn_desktop.ui.committee.register_page import RegisterPage
from scfn_desktop.ui.context import AppContext

pytestmark = pytest.mark.gui


def ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.fixture
def meeting(db):
    run = make_run(db, 5, withdrew=(5,))
    sit_exam(db, run, {1: 9, 2: 8, 3: 4, 4: 7})
    check_all(db, run)
    return run, open_meeting(db, run)


def test_decide_bulk_close_and_lock(qtbot, db, meeting):
    run, meeting_id = meeting
    page = DecisionsPage(AppContext(db, COMMITTEE, "ja"))
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 5 and page.meeting().id == meeting_id
    assert "2025-03-07" in page.status.text()

    # Open the dossier: everything the decision needs, "no record" said honestly.
    d = page.select_trainee("2410001")
    html = page.dossier_view.toPlainText()
    assert d.proposal.status == "cannot_decide"
    for needle in ("2410001", "9/10", "得点率60%以上", "誓約書と本人確認書類で確認",
                   "出席状況不明", "課題レポート"):
        assert needle in html, needle

    # Decide against the proposal: the reason is required.
    dialog = page.open_decision()
    assert dialog.buttons["deferred"].isChecked()  # the dialog starts from the proposal
    qtbot.mouseClick(dialog.buttons["certify"], Qt.MouseButton.LeftButton)
    assert dialog.hint.styleSheet() and not dialog.reason.toPlainText()
    ok(dialog)
    assert dialog.isVisible() and "判定案と異なる決定には理由" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "Both days on the paper sign-in sheet")  # ASCII: QTest types Latin-1
    ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    current = dossier(db, trainee_id(db, 1)).decision
    assert current.outcome == "certify" and current.against_proposal
    assert current.reason == "Both days on the paper sign-in sheet"
    assert "against the proposal" in page.dossier_view.toPlainText() or \
        "判定案と異なる" in page.dossier_view.toPlainText()

    # Bulk: one confirmation listing exactly who (the only clear case is the withdrawal).
    bulk = page.open_bulk()
    assert bulk.table.rowCount() == 1 and bulk.table.item(0, 0).text() == "2410005"
    assert "1" in bulk.ok_button.text()
    bulk.ok_button.click()
    qtbot.waitUntil(lambda: not bulk.isVisible())
    withdrawn = dossier(db, trainee_id(db, 5)).decision
    assert withdrawn.bulk and withdrawn.category == "withdrew"

    # Close: confirm, and the decisions are locked.
    box = page.actions.confirm_close()
    assert "3" in box.text()  # three trainees are still undecided
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not page.meeting().is_open)
    page.select_trainee("2410001")
    assert not page.decide_button.isEnabled() and page.amend_button.isEnabled()
    assert not page.actions.bulk_button.isEnabled()
    with pytest.raises(ValidationFailed, match="closed"):
        decisions.decide(db, COMMITTEE, meeting_id, trainee_id(db, 2), "deferred",
                         reason="x", awaiting="y")

    # Amending keeps the history (reason for the amendment required).
    amend = page.open_decision(amending=True)
    qtbot.mouseClick(amend.buttons["deferred"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(amend.awaiting, "day 2 attendance record")
    ok(amend)
    assert amend.isVisible() and "修正の理由" in amend.error.text()
    qtbot.keyClicks(amend.amendment, "the sign-in sheet missed day 2")
    ok(amend)
    qtbot.waitUntil(lambda: not amend.isVisible())
    history = dossier(db, trainee_id(db, 1)).history
    assert [h.outcome for h in history] == ["certify", "deferred"] and history[1].is_amendment


def test_secretariat_records_the_agencys_certification(qtbot, db, meeting):
    run, meeting_id = meeting
    t = trainee_id(db, 1)
    decisions.decide(db, COMMITTEE, meeting_id, t, "certify", reason="出席簿で確認")
    from scfn_desktop.services.committee import meetings

    meetings.close_meeting(db, COMMITTEE, meeting_id)
    page = RegisterPage(AppContext(db, ADMIN, "ja"))
    qtbot.addWidget(page)
    assert page.awaiting.rowCount() == 1 and page.certify_button.isVisibleTo(page)
    dialog = page.open_certify()
    dialog.certified_on.setDate(QDate(2025, 3, 28))
    ok(dialog)
    assert dialog.isVisible() and "根拠" in dialog.error.text()
    qtbot.keyClicks(dialog.reference, "ISA-2025-123")
    ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.awaiting.rowCount() == 0 and page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "SCFN-2024-00001"
    assert page.table.item(0, 6).text() == "2028年3月31日"
    cert = dossier(db, t).certificate
    assert cert.certified_on == date(2025, 3, 28) and cert.status == "valid"
    # The committee sees the register but records no 認証.
    committee_page = RegisterPage(AppContext(db, COMMITTEE, "ja"))
    qtbot.addWidget(committee_page)
    assert not committee_page.certify_button.isVisibleTo(committee_page)
    assert not committee_page.revoke_button.isVisibleTo(committee_page)
