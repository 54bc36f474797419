"""Audit entries as a reader knows them: field names translated, and the people and numbers
(受講番号 and name, 問N, the answer form's file and page, the run) instead of raw keys, JSON
and internal ids."""

from __future__ import annotations

from datetime import date, time

import pytest
from examkit import (
    COMMITTEE,
    PROCTOR,
    fill,
    make_exam,
    make_run,
    number,
    printed_pages,
    write_png,
)

from scfn_desktop.services.admin import audit_view
from scfn_desktop.services.admin.audit_reading import describe_targets, readable_fields
from scfn_desktop.services.errors import PermissionDenied
from scfn_desktop.services.exams import review
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.exams.scanning import import_scans
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.progress import run_to_end
from scfn_desktop.services.runs.editing import close_run, set_venue_days
from scfn_desktop.services.runs.training_runs import create_run

ADMIN = Actor("admin", "admin")
RAW = ("changed", "question", "by", "kind", "sheet_id", "doubtful", "failed", "passed",
       "trainee_id", "run_id", "exam_id", '{"', "[[")
N, K = 10, 4
KEY = "1,2,3,4,1,2,3,4,1,2"


@pytest.fixture
def history(db, tmp_path):
    """A scan with a doubtful mark decided by a proctor, a key change that flips a result, a
    没問, and a run rescheduled and closed: every kind of entry the issue found unreadable."""
    exam_id = make_exam(db, make_run(db, 2), n=N, key=KEY, pass_percent=100)
    right = {q: KEY.split(",")[q - 1] for q in range(1, N + 1)}
    page = printed_pages(str(exam_id), N, K, (number(1),))[0]
    scan = write_png(tmp_path / "scan" / "答案.png",
                     fill(page, N, K, right | {10: "1"}, styles={4: "tick"}))
    run_to_end(import_scans(db, PROCTOR, exam_id, [scan]))
    [item] = review.review_queue(db, exam_id)
    review.decide(db, PROCTOR, item.mark_id, ["4"])
    exams.set_key(db, COMMITTEE, exam_id, exams.parse_key_text(KEY[:-1] + "1"), "正答の誤記")
    exams.void_question(db, COMMITTEE, exam_id, 3, "設問不備")
    run = create_run(db, ADMIN, 2026, 1, "会場", [(date(2026, 11, 14), time(10), time(17))])
    set_venue_days(db, ADMIN, run.id, [(date(2026, 11, 21), time(9, 30), time(17))])
    close_run(db, ADMIN, run.id)
    return db


NAME = "佐藤　健太"  # examkit's first trainee (names are joined with a full-width space)


def entries(db, action: str):
    return audit_view.list_entries(db, ADMIN, action=action)


def fields(db, row, language="ja") -> dict[str, tuple[str, str]]:
    return {f.label: (f.before, f.after) for f in readable_fields(db, ADMIN, row, language)}


def test_a_review_decision_names_the_question_the_trainee_and_the_page(history):
    [row] = entries(history, "review.decide")
    target = describe_targets(history, ADMIN, [row])[row.id]
    assert target == f"問4 — 受講番号 {number(1)} {NAME} の解答用紙（答案.png 1ページ）"
    f = fields(history, row)
    assert f["判定"] == ("要確認（未判定）", "選択肢") and f["マーク"] == ("—", "4")
    assert f["判定者"][0] == "機械の読み取り" and f["問題"] == ("", "問4")
    assert f["解答用紙"][1].startswith(f"受講番号 {number(1)} {NAME} の解答用紙")
    assert not any(raw in label + before + after for label, (before, after) in f.items()
                   for raw in RAW)
    english = fields(history, row, "en")
    assert english["Reading"] == ("Doubtful (not decided)", "A choice")
    assert english["Question"] == ("", "Q4")


def test_a_key_change_lists_whose_result_changed_in_words(history):
    [row] = entries(history, "exam.set_key")
    assert describe_targets(history, ADMIN, [row])[row.id] == "修了認定テスト（令和7年度 第1期）"
    f = fields(history, row)
    assert f["合否が変わった受講生"][1] == f"{number(1)} {NAME}: 不合格 → 合格"
    assert f["正答"][1] == "1,2,3,4,1,2,3,4,1,1"
    assert f["版"] == ("1", "2") and f["理由"][1] == "正答の誤記"
    [void] = entries(history, "exam.void")
    assert fields(history, void)["合否が変わった受講生"][1] == "なし"


def test_a_scan_import_and_run_changes_read_as_words(history):
    [scan] = entries(history, "scan.import")
    assert describe_targets(history, ADMIN, [scan])[scan.id] == "答案.png"
    f = fields(history, scan)
    assert f["読み取った用紙"][1] == f"1ページ: 正常 {number(1)}"
    assert f["修了認定テスト"][1] == "修了認定テスト（令和7年度 第1期）"
    assert f["エラー"][1] == "（なし）"
    [days] = entries(history, "run.set_days")
    assert describe_targets(history, ADMIN, [days])[days.id] == "令和8年度 第1期"
    assert fields(history, days)["集合研修の日程"] == ("2026/11/14 10:00–17:00",
                                                    "2026/11/21 09:30–17:00")
    [closed] = entries(history, "run.close")
    assert fields(history, closed)["状態"] == ("実施中", "終了")


def test_reading_needs_the_audit_permission(history):
    [row] = entries(history, "exam.void")
    with pytest.raises(PermissionDenied):
        readable_fields(history, Actor("s", "staff"), row)
    with pytest.raises(PermissionDenied):
        describe_targets(history, Actor("s", "staff"), [row])
