"""The audit page with real widgets: entries listed newest first, filters, paging, the detail
pane's field diff, the tamper check (OK, then broken after editing a row with sqlite3) and the
CSV export."""

from __future__ import annotations

import csv
import sqlite3

import pytest
from PySide6.QtCore import QDate, Qt

from scfn_desktop.services import audit
from scfn_desktop.services.admin import accounts, audit_view
from scfn_desktop.services.permissions import Actor
from scfn_desktop.ui.admin.audit_page import PAGE_SIZE, AuditLogPage

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, ctx):
    def make(role: str = "committee", language: str = "en") -> AuditLogPage:
        widget = AuditLogPage(ctx(role, language))
        qtbot.addWidget(widget)
        widget.resize(1200, 700)
        widget.show()
        return widget

    return make


def seqs(p: AuditLogPage) -> list[int]:
    return [r.seq for r in p.model.rows()]


def verify(p: AuditLogPage, qtbot) -> None:
    task = p.run_verification()
    assert p.banner.state == "running" and not p.verify_button.isEnabled()
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert p.verify_button.isEnabled()


def test_lists_entries_newest_first_with_readable_labels(page, db, japanese):
    p = page(language="ja")
    # 4 × user.add, then the committee's login for this page
    assert seqs(p) == [5, 4, 3, 2, 1]
    first = p.model.rows()[0]
    assert first.action == "login" and first.actor == "committee"
    index = p.model.index(0, 3)
    assert p.model.data(index) == "ログイン"
    assert p.model.data(index, Qt.ItemDataRole.ToolTipRole) == "login"
    assert p.model.data(p.model.index(4, 4)) == "ユーザー"
    assert p.model.headerData(1, Qt.Orientation.Horizontal) == "日時"
    assert "5" in p.page_label.text()


def test_filters_by_action_user_and_period(page, db, login):
    admin, staff = login("admin"), login("staff")
    with pytest.raises(Exception):  # noqa: B017 (any refusal is fine here)
        accounts.authenticate(db, "staff", "wrong")
    p = page()
    p.action_combo.setCurrentIndex(p.action_combo.findData("user.add"))
    assert {r.action for r in p.model.rows()} == {"user.add"} and len(seqs(p)) == 4
    p.action_combo.setCurrentIndex(0)
    p.actor_combo.setCurrentIndex(p.actor_combo.findData(staff.username))
    assert [r.action for r in p.model.rows()] == ["login"]
    # A failed login is the station's entry: the name typed is never stored (issue 9).
    p.actor_combo.setCurrentIndex(0)
    p.action_combo.setCurrentIndex(p.action_combo.findData("login.failed"))
    (failed,) = p.model.rows()
    assert failed.actor.startswith("station:") and failed.after["account"] == "staff"

    p.clear_filters()
    p.period_check.setChecked(True)  # last 30 days up to today: everything
    assert len(seqs(p)) == audit_view.count_entries(db, admin) == 8
    p.since_edit.setDate(QDate.currentDate().addDays(1))
    p.until_edit.setDate(QDate.currentDate().addDays(2))
    assert seqs(p) == [] and "No entries" in p.page_label.text()
    p.clear_filters()
    assert not p.period_check.isChecked() and len(seqs(p)) > 0


def test_pages_through_a_long_log(page, db):
    tanaka = Actor(username="tanaka", role="staff")
    with db.transaction() as s:
        for i in range(PAGE_SIZE + 20):
            audit.record(s, tanaka, "trainee.update", "trainee", i, {"n": i}, {"n": i + 1})
    p = page()
    total = p.total
    assert len(seqs(p)) == PAGE_SIZE and not p.prev_button.isEnabled()
    p.next_button.click()
    assert len(seqs(p)) == total - PAGE_SIZE and p.offset == PAGE_SIZE
    assert not p.next_button.isEnabled() and p.prev_button.isEnabled()
    assert f"{PAGE_SIZE + 1}–{total}" in p.page_label.text()
    p.prev_button.click()
    assert p.offset == 0


def test_detail_shows_before_and_after_field_by_field(page, db, login, japanese):
    admin = login("admin")
    accounts.set_active(db, admin, "proctor", False)
    p = page(language="ja")
    p.select_entry(p.model.rows()[0].id)  # newest: the committee's login, from this station
    assert list(p.detail.changed_fields()) == ["端末"]
    deactivation = next(r for r in p.model.rows() if r.action == "user.deactivate")
    assert p.select_entry(deactivation.id)
    assert p.detail.changed_fields() == {"ユーザー名": ("proctor", "proctor"),
                                         "有効": ("はい", "いいえ")}
    assert "ユーザーの無効化" in p.detail.heading.text()
    assert "admin" in p.detail.target.text()
    added = next(r for r in p.model.rows() if r.action == "user.add")
    p.select_entry(added.id)
    fields = p.detail.changed_fields()
    assert fields["権限"][0] == "" and fields["表示名"][1].endswith("太郎")


def test_tamper_check_ok_then_names_the_edited_entry(page, db, qtbot, japanese):
    p = page(language="ja")
    verify(p, qtbot)
    assert p.banner.state == "ok" and p.banner.isVisible()
    assert "改ざんは見つかりませんでした" in p.banner.label.text()
    assert str(p.last_report.chain.checked) in p.banner.label.text()
    assert "チェックポイントと一致" in p.banner.label.text()
    assert not p.banner.show_button.isVisible()

    with sqlite3.connect(db.sqlite_path) as con:
        con.execute("UPDATE audit_log SET after_json = replace(after_json, 'Proctor', 'Boss') "
                    "WHERE seq = 3")
        broken_id = con.execute("SELECT id FROM audit_log WHERE seq = 3").fetchone()[0]
    verify(p, qtbot)
    text = p.banner.label.text()
    assert p.banner.state == "broken"
    assert "連番 3" in text and f"ID {broken_id}" in text and "この行が改ざんされています" in text
    assert "2 件は正常" in text
    # the log's after value now differs from the account as stored: reconciliation says so
    assert "操作記録と違うデータが 1 行" in text and "Proctor 太郎" in text
    assert p.model.broken_id == broken_id
    assert "f8c9c9" in p.banner.styleSheet() or "c62828" in p.banner.styleSheet()

    p.action_combo.setCurrentIndex(p.action_combo.findData("login"))  # hides the entry
    assert p.banner.show_button.isVisible()
    qtbot.mouseClick(p.banner.show_button, Qt.MouseButton.LeftButton)
    assert p.action_combo.currentIndex() == 0
    selected = p.table.selectionModel().selectedRows()
    assert [p.model.row_at(i.row()).seq for i in selected] == [3]
    assert p.detail.changed_fields()["表示名"][1] == "Boss 太郎"


def test_export_csv_of_the_filtered_log(page, db, tmp_path, japanese):
    p = page(language="ja")
    p.action_combo.setCurrentIndex(p.action_combo.findData("user.add"))
    target = tmp_path / "audit.csv"
    result = p.export_to(target)
    assert result is not None and result.count == 4
    assert p.last_box is not None and "4 件" in p.last_box.text()
    p.last_box.close()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["連番", "日時", "操作者", "操作"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4"]  # oldest first
    assert {r[3] for r in rows[1:]} == {"ユーザーの追加"}
    assert p.action_combo.findData("audit.export") >= 0  # the export is itself audited
