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


def number(i: int) -> str:
    return f"2410{i:03d}"


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
             no_stage: tuple[int, ...] = ()) -> int:
    """FY2024 term 1 (令和6年度 第1期), venue days 2025-02-15/16; trainee i has number(i)."""
    with db.transaction() as s:
        run = TrainingRun(fiscal_year=2024, term=1, venue="東京ウィメンズプラザ")
        run.venue_days = [VenueDay(day_number=n, day=date(2025, 2, 14 + n), starts_at=time(10),
                                   ends_at=time(17)) for n in (1, 2)]
        s.add(run)
        s.flush()
        for i in range(1, trainees + 1):
            s.add(Trainee(run_id=run.id, trainee_number=number(i),
                          family_name=FAMILY[(i - 1) % 10], given_name=GIVEN[(i * 3) % 10],
                          family_kana="サトウ", given_kana="ハナコ",
                          stage_record=None if i in no_stage else stage(i in withdrew)))
        return run.id


def trainee_id(db: Database, i: int) -> int:
    with db.session() as s:
        return s.scalar(select(Trainee.id).where(Trainee.trainee_number == number(i)))


def sit_exam(db: Database, run_id: int, scores: dict[int, int]) -> int:
    """An exam of 10 questions (pass at 60 %); trainee i gets scores[i] right."""
    exam_id = make_exam(db, run_id, n=10, key=KEY, pass_percent=60)
    key = exams.parse_key_text(KEY)
    for i, right in scores.items():
        answers = all_correct(key)
        for q in range(right + 1, 11):
            answers[q] = ("single", ("4" if key[q][0] != "4" else "1",))
        add_sheet(db, exam_id, trainee_id(db, i), answers)
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
