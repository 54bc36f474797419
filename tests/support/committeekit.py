"""Builders for the committee tests: a run whose trainees have stage records, an exam graded
from sheets written through the exam builders, checked 欠格事由 records, and a meeting."""

from __future__ import annotations

from datetime import date, time, timedelta

from examkit import COMMITTEE, add_sheet, all_correct, make_exam
from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import StageRecord, Trainee, TrainingRun, VenueDay
from scfn_desktop.rules.disqualification import Grounds
from scfn_desktop.services.committee import grounds as grounds_service
from scfn_desktop.services.committee import meetings
from scfn_desktop.services.exams import setup as exams
from scfn_desktop.services.permissions import Actor

ADMIN = Actor("jimukyoku", "admin")
CHAIR = ("委員長 一郎", "chair")
MEMBERS = [CHAIR, ("委員 花子", "member"), ("委員 次郎", "member")]
HELD_ON = date(2025, 3, 7)
FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["花子", "太郎", "美咲", "健太", "陽菜", "翔", "さくら", "大輔", "結衣", "拓海"]
KEY = "1,2,3,4,1,2,3,4,1,2"


def number(i: int, term: int = 1) -> str:
    return f"24{term}0{i:03d}"


def stage(withdrew: bool = False) -> StageRecord:
    first = date(2024, 6, 1)
    days = {k: first + timedelta(days=7 * i) for i, k in enumerate((
        "small_test_a_on", "small_test_bc_on", "small_test_d1_on", "small_test_d2_on",
        "small_test_e_on", "comprehensive_test_on", "questionnaire_on"))}
    days["progress_report_on"] = date(2024, 10, 1)
    if not withdrew:
        days["final_report_on"] = date(2024, 12, 10)
        days["admitted_to_stage2_on"] = date(2024, 12, 20)
    return StageRecord(**days)


def make_run(db: Database, trainees: int = 6, withdrew: tuple[int, ...] = (),
             no_stage: tuple[int, ...] = (), term: int = 1) -> int:
    """FY2024 term 1 (令和6年度 第1期), venue days 2025-02-15/16; trainee i has number(i)."""
    with db.transaction() as s:
        run = TrainingRun(fiscal_year=2024, term=term, venue="東京ウィメンズプラザ")
        run.venue_days = [VenueDay(day_number=n, day=date(2025, 2, 14 + n), starts_at=time(10),
                                   ends_at=time(17)) for n in (1, 2)]
        s.add(run)
        s.flush()
        for i in range(1, trainees + 1):
            s.add(Trainee(run_id=run.id, trainee_number=number(i, term),
                          family_name=FAMILY[(i - 1) % 10], given_name=GIVEN[(i * 3) % 10],
                          family_kana="サトウ", given_kana="ハナコ",
                          stage_record=None if i in no_stage else stage(i in withdrew)))
        return run.id


def trainee_id(db: Database, i: int, term: int = 1) -> int:
    with db.session() as s:
        return s.scalar(select(Trainee.id).where(Trainee.trainee_number == number(i, term)))


def sit_exam(db: Database, run_id: int, scores: dict[int, int], term: int = 1) -> int:
    """An exam of 10 questions (pass at 60 %); trainee i gets scores[i] right."""
    exam_id = make_exam(db, run_id, n=10, key=KEY, pass_percent=60)
    key = exams.parse_key_text(KEY)
    for i, right in scores.items():
        answers = all_correct(key)
        for q in range(right + 1, 11):
            answers[q] = ("single", ("4" if key[q][0] != "4" else "1",))
        add_sheet(db, exam_id, trainee_id(db, i, term), answers)
    return exam_id


def check_all(db: Database, run_id: int, special: dict[int, Grounds] | None = None) -> None:
    special = special or {}
    with db.session() as s:
        ids = s.scalars(select(Trainee.id).where(Trainee.run_id == run_id)).all()
        numbers = dict(s.execute(select(Trainee.id, Trainee.trainee_number)
                                 .where(Trainee.run_id == run_id)).all())
    for tid in ids:
        i = int(numbers[tid][-3:])
        grounds_service.record_grounds(db, COMMITTEE, tid, "checked",
                                       special.get(i, Grounds()), "誓約書と本人確認書類で確認",
                                       today=date(2025, 3, 1))


def open_meeting(db: Database, run_id: int, held_on: date = HELD_ON) -> int:
    return meetings.open_meeting(db, COMMITTEE, run_id, held_on, "出入国在留管理庁 会議室",
                                 MEMBERS).id


def attend(db: Database, run_id: int, present: tuple[int, ...] = (), *,
           excused: tuple[int, ...] = (), refused: tuple[int, ...] = (),
           absent: tuple[int, ...] = (), left_early: tuple[int, ...] = ()) -> None:
    """Venue days recorded through the check-in services: `present` on time both days;
    `excused` absent for illness (accepted by the secretariat); `refused` 65 minutes late on
    day 1; `absent` absent both days; `left_early` on time, then left at 15:00 on day 2."""
    from datetime import datetime

    from scfn_desktop.rules.attendance_day import EventKind
    from scfn_desktop.services.attendance.desk import check_in, open_desk
    from scfn_desktop.services.attendance.events import record_event
    from scfn_desktop.services.attendance.schedule import to_utc

    staff = Actor("uketsuke", "staff")
    desks = {n: open_desk(db, run_id, n, "受付1") for n in (1, 2)}
    days = {n: date(2025, 2, 14 + n) for n in (1, 2)}

    def at(n: int, hh: int, mm: int = 0) -> datetime:
        return to_utc(datetime.combine(days[n], time(hh, mm)))

    for i in (*present, *left_early):
        for n in (1, 2):
            check_in(db, staff, desks[n], trainee_id(db, i), at=at(n, 9, 50))
    for i in left_early:
        record_event(db, staff, desks[2], trainee_id(db, i), EventKind.LEAVE_EARLY,
                     note="私用", at=at(2, 15))
    for i in refused:
        check_in(db, staff, desks[1], trainee_id(db, i), at=at(1, 11, 5))
    for i in excused:
        for n in (1, 2):
            record_event(db, ADMIN, desks[n], trainee_id(db, i), EventKind.EXCUSED,
                         reason="illness", note="発熱のため欠席（事務局が受理）", at=at(n, 9))
    for i in absent:
        for n in (1, 2):
            record_event(db, staff, desks[n], trainee_id(db, i), EventKind.ABSENT,
                         note="連絡なし", at=at(n, 12))


def attempt(call) -> BaseException | None:  # type: ignore[no-untyped-def]
    """Run `call` (in a worker thread of a concurrency test); return what it raised."""
    try:
        call()
    except BaseException as exc:  # noqa: BLE001 - handed back to the test thread
        return exc
    return None
