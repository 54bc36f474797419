"""The roster page against a real database: search, filters, edit, import, export, roles."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select
from tests.ui.conftest import GOOD_ROWS, write_roster_csv

from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.services.roster import trainees as roster_service


def type_with_ime(widget, text: str) -> None:
    """Japanese arrives through the input method (QTest.keyClicks only knows ASCII keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def roster_page(make_window, role="staff", language="en"):
    return make_window(role, language).select_page("roster")


def test_table_shows_trainees_and_count(users, roster, make_window, japanese):
    page = roster_page(make_window, language="ja")
    assert page.visible_count() == 3
    assert page.count_label.text() == "受講生 3 名"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.model.columnCount())]
    assert headers == ["受講番号", "氏名", "フリガナ", "ローマ字", "所属機関", "都道府県",
                       "メールアドレス"]
    assert page.model.index(0, 1).data() == "山田　花子"


def test_search_filters_live(users, roster, make_window, qtbot):
    page = roster_page(make_window)
    type_with_ime(page.search, "やまだ")  # hiragana finds ヤマダ
    qtbot.waitUntil(lambda: page.visible_count() == 1, timeout=3000)
    assert page.model.row_at(0).trainee_number == "1001"
    page.search.clear()
    qtbot.keyClicks(page.search, "nguyen")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1
                    and page.model.row_at(0).trainee_number == "1003", timeout=3000)
    page.search.clear()
    qtbot.keyClicks(page.search, "1002")
    qtbot.waitUntil(lambda: page.visible_count() == 1
                    and page.model.row_at(0).romaji == "Sato Ken", timeout=3000)


def test_prefecture_and_organisation_filters(users, roster, make_window):
    page = roster_page(make_window)
    page.prefecture_combo.setCurrentIndex(page.prefecture_combo.findData("神奈川県"))
    assert page.visible_count() == 1
    # The organisation choices follow the prefecture.
    assert page.organisation_combo.count() == 2
    page.prefecture_combo.setCurrentIndex(0)
    org = next(i for i in range(page.organisation_combo.count())
               if page.organisation_combo.itemText(i).startswith("新宿区"))
    page.organisation_combo.setCurrentIndex(org)
    assert page.visible_count() == 2


def test_import_with_bad_rows_reports_row_numbers_and_imports_nothing(
        db, users, make_window, tmp_path, monkeypatch, qtbot):
    bad = write_roster_csv(tmp_path / "bad.csv", [
        GOOD_ROWS[0],
        ["12AB", "鈴木 一郎", "スズキ イチロウ", "Suzuki Ichiro", "大阪国際交流センター", "大阪府",
         "ichiro@example.jp"],
        ["1005", "高橋 次郎", "タカハシ ジロウ", "Takahashi Jiro", "札幌国際プラザ", "北海道",
         "not-an-email"],
    ])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    page = roster_page(make_window)
    assert page.visible_count() == 0
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.transfer.preview_dialog
    assert dialog is not None and dialog.isVisible()

    errors = dialog.error_table
    assert errors.rowCount() == 2
    assert [errors.item(r, 0).text() for r in range(2)] == ["3", "4"]  # spreadsheet row numbers
    assert "12AB" in errors.item(0, 2).text()
    assert dialog.tabs.currentWidget() is errors
    assert dialog.new_table.rowCount() == 1
    assert not dialog.import_button.isEnabled()
    tick = QPoint(8, dialog.skip_bad_rows_box.height() // 2)  # on the box, not past the text
    qtbot.mouseClick(dialog.skip_bad_rows_box, Qt.MouseButton.LeftButton, pos=tick)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.skip_bad_rows_box, Qt.MouseButton.LeftButton, pos=tick)
    assert not dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert page.transfer.preview_dialog is None
    assert roster_service.list_trainees(db) == []
    assert page.visible_count() == 0


def test_import_good_file_runs_in_background_and_rows_appear(
        db, users, make_window, tmp_path, qtbot):
    page = roster_page(make_window)
    dialog = page.transfer.preview(write_roster_csv(tmp_path / "good.csv", GOOD_ROWS))
    assert dialog.new_table.rowCount() == 3 and dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    task = page.transfer.last_task
    assert task is not None
    qtbot.waitUntil(lambda: page.visible_count() == 3, timeout=5000)
    assert page.transfer.last_result.created == 3
    assert [r.trainee_number for r in roster_service.list_trainees(db)] == ["1001", "1002",
                                                                           "1003"]
    assert page.organisation_combo.count() == 3  # "all" + the two new organisations


def test_import_skipping_bad_rows(db, users, make_window, tmp_path, qtbot):
    path = write_roster_csv(tmp_path / "mixed.csv", [GOOD_ROWS[0], ["x", "", "", "", "", "", ""]])
    page = roster_page(make_window)
    dialog = page.transfer.preview(path)
    dialog.skip_bad_rows_box.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.visible_count() == 1, timeout=5000)
    assert page.transfer.last_result.skipped == 1


def test_edit_trainee_is_saved_visible_and_audited(db, users, roster, make_window, qtbot):
    page = roster_page(make_window)
    trainee_id = page.model.row_at(0).id
    dialog = page.open_trainee(trainee_id)
    dialog.fields["email"].clear()
    qtbot.keyClicks(dialog.fields["email"], "not valid")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "not valid" in dialog.error.text()

    dialog.fields["email"].clear()
    qtbot.keyClicks(dialog.fields["email"], "hanako.yamada@example.jp")
    dialog.fields["romaji"].clear()
    qtbot.keyClicks(dialog.fields["romaji"], "YAMADA Hanako")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.row_at(page.model.row_of_id(trainee_id)).email
                    == "hanako.yamada@example.jp", timeout=3000)
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "trainee.update")).one()
    assert entry.actor == "staff"
    assert json.loads(entry.after_json) == {"email": "hanako.yamada@example.jp",
                                            "romaji": "YAMADA Hanako"}


def test_proctor_sees_roster_read_only(users, roster, make_window):
    page = roster_page(make_window, role="proctor")
    assert page.visible_count() == 3
    assert page.import_button.isHidden() and page.export_button.isHidden()
    assert page.open_button.text() == "Details…"
    dialog = page.open_trainee(page.model.row_at(0).id)
    assert dialog.fields["email"].isReadOnly() and not hasattr(dialog, "save_button")
    dialog.close()


def test_export_writes_the_chosen_format(users, roster, make_window, tmp_path, monkeypatch):
    target = tmp_path / "out" / "roster"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "JSON (*.json)"))
    window = make_window("staff")
    window.select_page("roster")
    assert window.export_action.isEnabled()
    window.export_action.trigger()
    data = json.loads((tmp_path / "out" / "roster.json").read_text(encoding="utf-8"))
    assert [t["trainee_number"] for t in data["trainees"]] == ["1001", "1002", "1003"]
