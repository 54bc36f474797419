"""The audit page's detail pane and its "About" column speak the office's language: 受講番号
and name, 問N, the answer form's page, field names in Japanese, no raw keys nor JSON."""

from __future__ import annotations

import pytest
from examkit import COMMITTEE, PROCTOR, add_sheet, make_exam, make_run, number, trainee_id
from PySide6.QtCore import Qt

from scfn_desktop.services.exams import review
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.ui.admin.audit_page import AuditLogPage

pytestmark = pytest.mark.gui


def test_review_and_rescoring_entries_read_as_words(qtbot, db, ctx, japanese):
    exam_id = make_exam(db, make_run(db, 2), n=3, key="1,1,1", pass_percent=100)
    add_sheet(db, exam_id, trainee_id(db, 1), {1: ("doubtful", ()), 2: ("single", ("1",)),
                                                3: ("single", ("2",))}, name="scan-01.png")
    [item] = review.review_queue(db, exam_id)
    review.decide(db, PROCTOR, item.mark_id, ["1"])
    exams.set_key(db, COMMITTEE, exam_id, exams.parse_key_text("1,1,2"), "正答の誤記を訂正")

    page = AuditLogPage(ctx("committee", "ja"))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    rows = page.model.rows()
    decided = next(r for r in rows if r.action == "review.decide")
    about = page.model.data(page.model.index(rows.index(decided), 5))
    assert about.startswith(f"問1 — 受講番号 {number(1)} ") and "scan-01.png 1ページ" in about
    assert page.model.headerData(5, Qt.Orientation.Horizontal) == "対象の内容"

    page.select_entry(decided.id)
    shown = page.detail.changed_fields()
    assert shown["判定"] == ("要確認（未判定）", "選択肢")
    assert shown["判定者"][0] == "機械の読み取り" and shown["問題"][1] == "問1"
    assert f"受講番号 {number(1)}" in page.detail.target.text()
    for raw in ("kind", "by", "sheet_id", "question", "labels"):
        assert raw not in shown

    rescored = next(r for r in rows if r.action == "exam.set_key")
    page.select_entry(rescored.id)
    shown = page.detail.changed_fields()
    changed = shown["合否が変わった受講生"][1]
    assert changed.startswith(number(1)) and changed.endswith("不合格 → 合格")
    assert "failed" not in changed and "[[" not in changed
    assert shown["正答"][1] == "1,1,2"
    assert "修了認定テスト（令和7年度 第1期）" in page.detail.target.text()
