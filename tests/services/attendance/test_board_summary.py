"""The board, the per-trainee summary, the impact of a schedule change, exports and the paper
sign-in sheet, on a day with every status."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import time

import pytest
from attendancekit import ADMIN, DAY1, DAY2, STAFF, after_start, local, make_run, token_for
from openpyxl import load_workbook

from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.attendance_day import DayStatus, EventKind
from scfn_desktop.services.attendance.board import day_board
from scfn_desktop.services.attendance.desk import check_in, open_desk, scan
from scfn_desktop.services.attendance.events import record_event
from scfn_desktop.services.attendance.export import export_attendance
from scfn_desktop.services.attendance.paper import print_sign_in_sheet
from scfn_desktop.services.attendance.rejudge import schedule_change_impact
from scfn_desktop.services.attendance.summary import attendance_summary, run_attendance
from scfn_desktop.services.errors import PermissionDenied, ValidationFailed
from scfn_desktop.services.progress import run_to_end


@pytest.fixture
def day(db):
    """Day 1: on time, late, refused, overridden, left early, absent, excused; one missing.
    Day 2: everybody who came on day 1 on time except one."""
    kit = make_run(db, trainees=8)
    d1 = open_desk(db, kit.run_id, 1, "受付1")
    ids = [kit.ids[n] for n in kit.numbers]
    scan(db, STAFF, d1, token_for(db, kit, kit.numbers[0]), at=after_start(-5))
    scan(db, STAFF, d1, token_for(db, kit, kit.numbers[1]), at=after_start(59))
    scan(db, STAFF, d1, token_for(db, kit, kit.numbers[2]), at=after_start(60))
    check_in(db, STAFF, d1, ids[3], at=after_start(75))
    record_event(db, STAFF, d1, ids[3], EventKind.OVERRIDE, reason="weather", note="台風",
                 at=after_start(76))
    check_in(db, STAFF, d1, ids[4], at=after_start(-1))
    record_event(db, STAFF, d1, ids[4], EventKind.LEAVE_EARLY, at=local(DAY1, 14))
    record_event(db, STAFF, d1, ids[5], EventKind.ABSENT, at=local(DAY1, 12))
    record_event(db, ADMIN, d1, ids[6], EventKind.EXCUSED, reason="illness", note="発熱",
                 at=local(DAY1, 9))
    d2 = open_desk(db, kit.run_id, 2, "受付2")
    for i in (0, 1, 3, 4, 6):
        check_in(db, STAFF, d2, ids[i], at=after_start(-10, DAY2))
    return kit


def test_board_counts_and_lists_every_status(db, day):
    board = day_board(db, day.run_id, 1)
    counts = {s.value: n for s, n in board.counts.items() if n}
    assert counts == {"on_time": 1, "late": 1, "refused": 1, "overridden": 1, "left_early": 1,
                      "absent": 1, "excused": 1, "not_arrived": 1}
    assert board.checked_in == 5
    late = board.filtered(DayStatus.LATE)[0]
    assert late.minutes_late == 59 and late.station == "受付1" and late.actor == "uketsuke"
    assert [r.number for r in board.filtered(query="やまだ")] == [day.numbers[0], day.numbers[6]]
    assert [r.number for r in board.filtered(DayStatus.ON_TIME, "やまだ")] == [day.numbers[0]]
    assert [r.number for r in board.filtered(query="sato")] == [day.numbers[1], day.numbers[7]]
    assert board.filtered(DayStatus.OVERRIDDEN)[0].override_label[0] == "天候"


def test_summary_both_days_complete_or_why_not(db, day):
    people = {p.number: p for p in run_attendance(db, day.run_id)}
    assert people[day.numbers[0]].complete
    assert people[day.numbers[3]].complete  # overridden day 1 + day 2
    refused = people[day.numbers[2]]
    assert not refused.complete and "1日目" in refused.verdict.reason_ja
    assert "受講不可" in refused.verdict.reason_ja and "day 2" in refused.verdict.reason_en
    left = people[day.numbers[4]]
    assert not left.complete and "早退" in left.verdict.reason_ja
    excused = attendance_summary(db, day.ids[day.numbers[6]])
    assert not excused.complete and excused.verdict.excused
    assert "やむを得ない事情による欠席" in excused.verdict.reason_ja


def test_schedule_change_lists_whose_verdict_would_change(db, day):
    same = schedule_change_impact(db, day.run_id, [(DAY1, time(10), time(17)),
                                                    (DAY2, time(10), time(17))])
    assert same.check_ins_began and not same.needs_confirmation
    later = schedule_change_impact(db, day.run_id, [(DAY1, time(10, 30), time(17)),
                                                     (DAY2, time(10), time(17))])
    moved = {(c.number, c.before.value, c.after.value) for c in later.changes}
    assert moved == {(day.numbers[2], "refused", "late"), (day.numbers[3], "overridden", "late")}
    change = next(c for c in later.changes if c.number == day.numbers[2])
    assert change.arrived_at.strftime("%H:%M") == "11:00" and change.day_number == 1
    stricter = schedule_change_impact(db, day.run_id, [(DAY1, time(10), time(17)),
                                                        (DAY2, time(10), time(17))], 30)
    assert {c.number for c in stricter.changes} == {day.numbers[1]}


def test_no_check_ins_no_question(db):
    kit = make_run(db, trainees=2)
    impact = schedule_change_impact(db, kit.run_id, [(DAY1, time(11), time(17))])
    assert not impact.check_ins_began and not impact.needs_confirmation


def test_export_xlsx_and_csv_neutralise_formulas(db, day, tmp_path):
    with db.transaction() as s:
        t = s.query(Trainee).filter_by(trainee_number=day.numbers[0]).one()
        t.family_name, t.romaji = "=HYPERLINK(\"http://x\")", "+1+1"
    xlsx = tmp_path / "出欠.xlsx"
    assert export_attendance(db, STAFF, day.run_id, xlsx) == 16
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["1日目", "2日目"]
    ws = wb["1日目"]
    row = [c.value for c in ws[2]]
    assert row[2] == day.numbers[0] and row[3].startswith("=HYPERLINK") and row[8] == "出席"
    assert ws.cell(2, 4).data_type == "s" and ws.cell(2, 4).quotePrefix
    path = tmp_path / "day1.csv"
    assert export_attendance(db, STAFF, day.run_id, path, day_number=1) == 8
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["日目", "日付", "受講番号", "氏名"] and len(rows) == 9
    assert rows[1][3].startswith("'=HYPERLINK") and rows[1][5] == "'+1+1"
    with pytest.raises(ValidationFailed):
        export_attendance(db, STAFF, day.run_id, tmp_path / "x.pdf")
    from attendancekit import PROCTOR

    with pytest.raises(PermissionDenied):
        export_attendance(db, PROCTOR, day.run_id, tmp_path / "y.csv")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_paper_sign_in_sheet(db, tmp_path):
    kit = make_run(db, trainees=25, badges=False)
    pdf = tmp_path / "受付表.pdf"
    assert run_to_end(print_sign_in_sheet(db, STAFF, kit.run_id, 2, pdf)) == 2
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    assert "受付表（紙）" in text and "2日目" in text and "2025年11月16日（日）" in text
    assert "到着時刻" in text and "署名" in text and "開始 10:00" in text
    assert all(n in text for n in kit.numbers)
    assert "1/2" in text.replace(" ", "") and "2/2" in text.replace(" ", "")
