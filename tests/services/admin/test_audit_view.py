"""Reading the audit log: pages newest first, filters (action, user, local-time period),
readable labels, field-by-field changes, verification with progress, CSV export."""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest

from scfn_desktop.services import audit
from scfn_desktop.services.admin import audit_labels, audit_view
from scfn_desktop.services.errors import PermissionDenied, ServiceError
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.progress import run_to_end

ADMIN = Actor(username="admin", role="admin")
COMMITTEE = Actor(username="iin", role="committee")
TANAKA = Actor(username="tanaka", role="staff")


@pytest.fixture
def logged(db):
    """Six entries: 5 trainee updates by tanaka, one organisation by admin."""
    for i in range(5):
        with db.transaction() as s:
            audit.record(s, TANAKA, "trainee.update", "trainee", i,
                         {"family_name": "山田", "email": ""},
                         {"family_name": "山本", "email": f"t{i}@example.jp"})
    with db.transaction() as s:
        audit.record(s, ADMIN, "organisation.create", "organisation", 7, None,
                     {"name": "新宿区多文化共生プラザ", "prefecture": "東京都"})
    return db


def tamper(db, sql: str) -> None:
    with sqlite3.connect(db.sqlite_path) as con:
        con.execute(sql)


def test_pages_newest_first(logged):
    rows = audit_view.list_entries(logged, COMMITTEE, limit=4)
    assert [r.seq for r in rows] == [6, 5, 4, 3]
    assert [r.seq for r in audit_view.list_entries(logged, COMMITTEE, limit=4, offset=4)] == [
        2, 1]
    assert audit_view.count_entries(logged, COMMITTEE) == 6
    first = rows[0]
    assert first.at.tzinfo is UTC and first.before is None
    assert first.after == {"name": "新宿区多文化共生プラザ", "prefecture": "東京都"}


def test_filters_by_action_and_user(logged):
    assert audit_view.count_entries(logged, COMMITTEE, action="trainee.update") == 5
    assert [r.actor for r in audit_view.list_entries(logged, COMMITTEE, actor_name="admin")] == [
        "admin"]
    assert audit_view.list_entries(logged, COMMITTEE, action="trainee.update",
                                   actor_name="admin") == []
    assert audit_view.list_actions(logged, COMMITTEE) == ["organisation.create",
                                                          "trainee.update"]
    assert audit_view.list_actor_names(logged, COMMITTEE) == ["admin", "tanaka"]


def test_period_filter_takes_aware_or_local_times(logged):
    now = datetime.now(UTC)
    hour = timedelta(hours=1)
    assert audit_view.count_entries(logged, COMMITTEE, since=now - hour, until=now + hour) == 6
    assert audit_view.count_entries(logged, COMMITTEE, since=now + hour) == 0
    assert audit_view.count_entries(logged, COMMITTEE, until=now - hour) == 0
    tokyo = timezone(timedelta(hours=9))
    assert audit_view.count_entries(logged, COMMITTEE, since=(now - hour).astimezone(tokyo)) == 6
    local_naive = datetime.now() - hour  # naive = this PC's clock
    assert audit_view.count_entries(logged, COMMITTEE, since=local_naive) == 6


def test_reading_needs_the_verify_audit_permission(logged):
    for role in ("staff", "proctor"):
        who = Actor(username=role, role=role)
        for call in (audit_view.list_entries, audit_view.count_entries, audit_view.verify,
                     audit_view.list_actions, audit_view.list_actor_names):
            with pytest.raises(PermissionDenied):
                call(logged, who)
        with pytest.raises(PermissionDenied):
            audit_view.verify_steps(logged, who)  # refused at once, not at the first step


def test_labels_are_readable_and_unknown_codes_stay_visible():
    assert audit_labels.action_label("user.deactivate") == "ユーザーの無効化"
    assert audit_labels.action_label("user.deactivate", "en") == "User deactivated"
    assert audit_labels.action_label("certificate.reissue") == "certificate.reissue"
    assert audit_labels.entity_label("training_run") == "養成研修"
    assert audit_labels.field_label("family_name") == "姓"
    assert audit_labels.field_label("some_new_field") == "some_new_field"


def test_field_changes(logged):
    update, create = (audit_view.list_entries(logged, COMMITTEE, action=a, limit=1)[0]
                      for a in ("trainee.update", "organisation.create"))
    changes = {c.key: (c.before, c.after, c.kind) for c in audit_view.field_changes(update)}
    assert changes == {"family_name": ("山田", "山本", "changed"),
                       "email": ("", "t4@example.jp", "changed")}
    assert {c.kind for c in audit_view.field_changes(create)} == {"added"}
    row = audit_view.AuditRow(1, 1, datetime.now(UTC), "a", "x", "y", "", {"a": 1, "b": 2},
                              {"a": 1, "c": 3}, "", "")
    assert [(c.key, c.kind) for c in audit_view.field_changes(row)] == [
        ("a", "same"), ("b", "removed"), ("c", "added")]


def test_nested_records_read_field_by_field_with_their_own_names():
    row = audit_view.AuditRow(1, 1, datetime.now(UTC), "a", "trainee.create", "trainee", "1",
                              None, {"basis": "experience",
                                     "stage": {"final_report_on": "2025-10-14"}}, "", "")
    changes = audit_view.field_changes(row)
    assert [(c.key, c.after) for c in changes] == [("basis", "experience"),
                                                   ("stage.final_report_on", "2025-10-14")]
    assert audit_labels.field_label("stage.final_report_on") == "課題レポート"
    assert audit_labels.value_label("basis", "experience") == "実務経験"
    assert audit_labels.value_label("role", "committee", "en") == "Committee member"
    assert audit_labels.value_label("email", "x@example.jp") == "x@example.jp"


def test_a_tampered_row_that_is_not_json_is_still_shown(logged):
    tamper(logged, "UPDATE audit_log SET after_json = 'not json' WHERE seq = 2")
    [row] = audit_view.list_entries(logged, COMMITTEE, limit=1, offset=4)
    assert row.seq == 2 and row.after == {"(raw)": "not json"}


def test_verify_ok_then_names_the_first_broken_entry(logged):
    report = audit_view.verify(logged, COMMITTEE)
    assert report.ok and report.checked == 6
    tamper(logged, "UPDATE audit_log SET after_json = replace(after_json, '山本', '佐藤') "
                   "WHERE seq = 4")
    report = audit_view.verify(logged, ADMIN)
    assert not report.ok and report.broken_seq == 4 and report.checked == 3
    assert "改ざん" in report.reason_ja
    assert audit_view.check_chain(logged) == report  # the CLI's path gives the same answer
    assert audit_view.position_of(logged, ADMIN, 4) == 2  # third newest


def test_verify_reports_progress_in_batches(logged):
    steps = []
    report = run_to_end(audit_view.check_chain_steps(logged, batch=2), steps.append)
    assert report.ok and report.checked == 6
    assert [(p.done, p.total) for p in steps] == [(0, 6), (2, 6), (4, 6), (6, 6)]


def test_a_deleted_row_is_found(logged):
    tamper(logged, "DELETE FROM audit_log WHERE seq = 2")
    report = audit_view.verify(logged, COMMITTEE)
    assert not report.ok and report.broken_seq == 3


def test_export_csv_oldest_first_audited_and_excel_safe(logged, tmp_path):
    with logged.transaction() as s:  # a failed login stores whatever was typed as the name
        audit.record(s, Actor(username="=HYPERLINK(\"x\")", role=""), "login.failed", "user")
    target = tmp_path / "log.csv"
    result = audit_view.export_csv(logged, COMMITTEE, target,
                                   local_tz=timezone(timedelta(hours=9)))
    assert result.count == 7 and result.path == target
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == audit_view.CSV_HEADER
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6", "7"]
    assert rows[1][1].endswith("+09:00")
    assert rows[1][3] == "受講生情報の変更" and rows[1][4] == "trainee.update"
    assert '"family_name": "山本"' in rows[1][8]
    assert rows[7][2].startswith("'=")  # not run as a formula by Excel
    assert len(rows[1][10]) == 64  # the hash, so a kept copy can prove the chain

    [entry] = audit_view.list_entries(logged, COMMITTEE, action="audit.export")
    assert entry.actor == "iin" and entry.after["count"] == 7
    assert audit_view.verify(logged, COMMITTEE).ok

    filtered = audit_view.export_csv(logged, COMMITTEE, tmp_path / "f.csv", actor_name="admin")
    assert filtered.count == 1


def test_export_failure_leaves_no_entry(logged, tmp_path):
    with pytest.raises(ServiceError) as failed:
        audit_view.export_csv(logged, COMMITTEE, tmp_path / "missing" / "log.csv")
    assert "書き込めません" in failed.value.message_ja
    assert audit_view.list_entries(logged, COMMITTEE, action="audit.export") == []
    with pytest.raises(PermissionDenied):
        audit_view.export_csv(logged, TANAKA, tmp_path / "x.csv")
