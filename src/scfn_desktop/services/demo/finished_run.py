"""Demo: an earlier, finished training run (令和6年度 第1期), so the committee's pages, the
notices and the register can be tried at once.

Everything is built through the services, step by step, as the people involved would have
done it: the run and its trainees (as the roster demo adds them), the venue check-ins at the
desk (staff; the excused absence accepted by the secretariat), the 修了認定テスト with its
answer forms printed, filled, scanned (generated scans, as `scans.py` makes them) and imported
by the proctor, who then reviews every doubtful mark; the 欠格事由 declared (secretariat) and
checked (committee); the committee meeting of 2025-03-07 accepting the clear proposals and
closing; and the agency's 認証 of 2025-03-28 recorded by the secretariat (certificates
SCFN-2024-00001…, valid until 2028-03-31); their cards issued, one reissued and one
certification revoked (`finished_cards.py`); the run is then closed (finished, kept
for history).

The mix is realistic: most certified, three failed the test (retake exemption until
2028-03-31), one excused absence (illness, same exemption), one withdrew in 実践 (a report
missing), and one disqualified (欠格事由②, its 2-year window still running at the meeting).

Each step looks for its own result first, so running the demo again (or after an interrupted
run) completes what is missing and changes nothing else.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.attendance import AttendanceEvent
from scfn_desktop.db.models.committee import CommitteeMeeting, DisqualificationRecord
from scfn_desktop.db.models.exams import Exam
from scfn_desktop.db.models.roster import Trainee, TrainingRun
from scfn_desktop.rules.attendance_day import EventKind
from scfn_desktop.rules.disqualification import Grounds
from scfn_desktop.services.attendance.desk import check_in, open_desk
from scfn_desktop.services.attendance.events import record_event
from scfn_desktop.services.attendance.schedule import to_utc
from scfn_desktop.services.committee import certification, decisions, grounds, meetings
from scfn_desktop.services.demo.finished_cards import issue_demo_cards
from scfn_desktop.services.demo.finished_scans import scan_and_review
from scfn_desktop.services.demo.loader import (
    DemoTrainee,
    create_trainees,
    demo_trainees,
    stage_dates,
)
from scfn_desktop.services.demo.names import FAMILY_NAMES, GIVEN_NAMES, ORGANISATIONS
from scfn_desktop.services.exams.setup import create_exam
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen
from scfn_desktop.services.runs.editing import close_run
from scfn_desktop.services.runs.training_runs import insert_run

SEED = 20250215
FISCAL_YEAR, TERM = 2024, 1
VENUE = "東京ウィメンズプラザ"
DAYS = ((date(2025, 2, 15), time(10, 0), time(17, 0)),
        (date(2025, 2, 16), time(10, 0), time(17, 0)))
COUNT = 24
WITHDREW, EXCUSED, DISQUALIFIED = 9, 14, 20
FAILED = (5, 11, 17)
LATE, OVERRIDDEN = 3, 22  # 25 minutes late; 65 minutes late and admitted (delay certificate)
QUESTIONS, CHOICES, PASS_PERCENT = 40, 4, 60.0
MEETING_ON = date(2025, 3, 7)
MEETING_PLACE = "出入国在留管理庁 会議室（東京都千代田区）"
MEMBERS = (("川村 明子", "chair"), ("大西 健一", "member"), ("松井 由美", "member"),
           ("サントス・アナ", "member"))
CERTIFIED_ON = date(2025, 3, 28)
AGENCY_REFERENCE = "出入国在留管理庁 令和7年3月28日付 出入国在留管理庁在留支援課第1028号（デモ）"
DECLARED_PENALTY_ENDED = date(2023, 10, 31)  # 欠格事由②: applies until 2025-10-31

ADMIN = Actor("admin", "admin", display_name="管理者（デモ）")
STAFF = Actor("staff", "staff", display_name="会場スタッフ（デモ）")
PROCTOR = Actor("proctor", "proctor", display_name="試験監督（デモ）")
COMMITTEE = Actor("committee", "committee", display_name="認定審査委員（デモ）")


def finished_trainees() -> list[DemoTrainee]:
    """The 24 trainees of the earlier run (seeded), none sharing a name with the current run."""
    rng = random.Random(SEED)
    taken = {(t.family[0], t.given[0]) for t in demo_trainees()}
    pairs = [(f, g) for f in FAMILY_NAMES for g in GIVEN_NAMES if (f[0], g[0]) not in taken]
    chosen = rng.sample(pairs, COUNT)
    out = []
    for n, (family, given) in enumerate(chosen, start=1):
        stage = {k: v - timedelta(days=365) for k, v in stage_dates(rng).items()}
        if n == WITHDREW:  # the final 課題レポート never came: treated as withdrawal
            stage.pop("final_report_on")
            stage.pop("admitted_to_stage2_on")
        else:
            stage["admitted_to_stage2_on"] = date(2025, 1, 20)
        out.append(DemoTrainee(number=f"{FISCAL_YEAR % 100:02d}{TERM}{n:03d}", family=family,
                               given=given, organisation=rng.randrange(len(ORGANISATIONS)),
                               qualification="", consent=rng.random() < 0.4, stage=stage))
    return out


def _run(db: Database) -> TrainingRun | None:
    with db.session() as s:
        return s.scalar(select(TrainingRun).where(TrainingRun.fiscal_year == FISCAL_YEAR,
                                                  TrainingRun.term == TERM))


def _people(db: Database, run_id: int) -> list[Trainee]:
    with db.session() as s:
        return list(s.scalars(select(Trainee).where(Trainee.run_id == run_id)
                              .order_by(Trainee.trainee_number)))


def _roster(db: Database) -> int:
    run = _run(db)
    with db.transaction() as s:
        if run is None:
            run = insert_run(s, ADMIN, FISCAL_YEAR, TERM, VENUE, DAYS)
        else:
            run = s.get(TrainingRun, run.id)
        create_trainees(s, ADMIN, run, finished_trainees())
        return run.id


def _exam(db: Database, run_id: int) -> int:
    with db.session() as s:
        found = s.scalar(select(Exam.id).where(Exam.run_id == run_id))
    if found is not None:
        return found
    rng = random.Random(SEED + 1)
    key = {q: [str(rng.randint(1, CHOICES))] for q in range(1, QUESTIONS + 1)}
    return create_exam(db, COMMITTEE, run_id, QUESTIONS, key, CHOICES,
                       pass_percent=PASS_PERCENT).id


def _attendance(db: Database, run_id: int, people: list[Trainee]) -> None:
    """Both venue days at the desk: on time (09:30-09:58), one late, one refused and admitted
    by an override, the excused absence accepted by the secretariat; the trainee who withdrew
    in 実践 was never admitted to the venue session."""
    with db.session() as s:
        if s.scalar(select(AttendanceEvent.id).where(AttendanceEvent.trainee_id.in_(
                [p.id for p in people])).limit(1)) is not None:
            return
    rng = random.Random(SEED + 2)
    for n, (day, _start, _end) in enumerate(DAYS, start=1):
        desk = open_desk(db, run_id, n, "受付1")
        for i, person in enumerate(people, start=1):
            if i == WITHDREW:
                continue
            if i == EXCUSED:
                record_event(db, ADMIN, desk, person.id, EventKind.EXCUSED, reason="illness",
                             note="インフルエンザのため欠席（医師の診断書を受理）",
                             at=to_utc(datetime.combine(day, time(9, 5))))
                continue
            clock = time(9, 30 + rng.randint(0, 28))
            if n == 1 and i == LATE:
                clock = time(10, 25)
            if n == 1 and i == OVERRIDDEN:
                clock = time(11, 5)
            check_in(db, STAFF, desk, person.id, at=to_utc(datetime.combine(day, clock)))
            if n == 1 and i == OVERRIDDEN:
                record_event(db, STAFF, desk, person.id, EventKind.OVERRIDE,
                             reason="transit_delay_certified",
                             note="東海道線の運転見合わせ。遅延証明書を確認し、午後の演習で補った。",
                             at=to_utc(datetime.combine(day, time(11, 8))))


def _grounds(db: Database, people: list[Trainee]) -> None:
    with db.session() as s:
        done = set(s.scalars(select(DisqualificationRecord.trainee_id).where(
            DisqualificationRecord.trainee_id.in_([p.id for p in people]),
            DisqualificationRecord.kind == "declared")))
    for i, person in enumerate(people, start=1):
        if person.id in done:
            continue
        declared = Grounds(immigration_penalty_ended_on=DECLARED_PENALTY_ENDED) \
            if i == DISQUALIFIED else Grounds()
        grounds.record_grounds(db, ADMIN, person.id, "declared", declared,
                               "申込時の誓約書", today=MEETING_ON)
    grounds.confirm_declarations(db, COMMITTEE, [p.id for p in people],
                                 "誓約書・登記されていないことの証明書で確認")


def _meeting(db: Database, run_id: int) -> None:
    with db.session() as s:
        m = s.scalar(select(CommitteeMeeting).where(CommitteeMeeting.run_id == run_id))
        state = (m.id, m.status) if m else None
    if state is None:
        state = (meetings.open_meeting(db, COMMITTEE, run_id, MEETING_ON, MEETING_PLACE,
                                       MEMBERS).id, "open")
    meeting_id, status = state
    if status == "open":
        clear = decisions.bulk_candidates(db, meeting_id)
        if clear:
            decisions.accept_proposals(db, COMMITTEE, meeting_id, [c.trainee_id for c in clear])
        meetings.close_meeting(db, COMMITTEE, meeting_id)


def _certification(db: Database, run_id: int) -> int:
    waiting = [a.trainee_id for a in certification.awaiting_certification(db, run_id)]
    if waiting:
        certification.record_certification(db, ADMIN, waiting, CERTIFIED_ON, AGENCY_REFERENCE,
                                           today=max(date.today(), CERTIFIED_ON))
    return len(waiting)


def _abilities() -> dict[int, float]:
    """Share of questions each sitter gets right: passers well above 60 %, failers below."""
    rng = random.Random(SEED + 3)
    out = {}
    for i in range(1, COUNT + 1):
        if i in (WITHDREW, EXCUSED):
            continue
        out[i] = rng.uniform(0.40, 0.52) if i in FAILED else rng.uniform(0.70, 0.93)
    return out


def load_finished_run(db: Database, actor: Actor) -> ProgressGen[tuple[str, str] | None]:
    """Build (or complete) the finished run; returns a (ja, en) line for the demo summary,
    None when it was complete already."""
    require(actor, Permission.LOAD_DEMO)
    steps = ("養成研修と受講生", "会場の受付", "修了認定テスト", "欠格事由", "認定審査委員会",
             "認証と認定証")
    total = len(steps) + COUNT
    existed = _run(db) is not None

    def step(i: int, done: int = 0) -> Iterator[Progress]:
        yield Progress(i + done, total, f"{steps[min(i, len(steps) - 1)]}（令和6年度 第1期）",
                       "Earlier run (FY2024 term 1)")

    yield from step(0)
    run_id = _roster(db)
    people = _people(db, run_id)
    yield from step(1)
    _attendance(db, run_id, people)
    yield from step(2)
    exam_id = _exam(db, run_id)
    sitters = {people[i - 1].trainee_number: a for i, a in _abilities().items()}
    for done in scan_and_review(db, PROCTOR, exam_id, sitters, SEED + 4):
        yield from step(2, done)
    yield from step(3 + COUNT - 1)
    _grounds(db, people)
    yield from step(4 + COUNT - 1)
    _meeting(db, run_id)
    yield from step(5 + COUNT - 1)
    certified = _certification(db, run_id)
    cards_issued = issue_demo_cards(db, ADMIN, run_id, max(date.today(), CERTIFIED_ON))
    run = _run(db)
    if run is not None and run.closed_at is None:  # finished: kept for history, no new imports
        close_run(db, ADMIN, run_id)
    if existed and not certified and not cards_issued:
        return None
    return (f"修了した養成研修（令和6年度 第1期、受講生 {len(people)} 名）を作成しました：受付記録、"
            f"採点済みの修了認定テスト、{MEETING_ON.isoformat()} の認定審査委員会（終了）、"
            f"{CERTIFIED_ON.isoformat()} の認証（認定証 {certified} 件、うち1件は再交付、1件は取消）。",
            f"Created the finished run FY2024 term 1 ({len(people)} trainees): check-ins, the "
            f"graded completion test, the committee meeting of {MEETING_ON.isoformat()} "
            f"(closed), the 認証 of {CERTIFIED_ON.isoformat()} ({certified} certificates; one card "
            "reissued, one revoked).")

