"""Demo data: one realistic training run with 60 trainees, ready for the venue days.

The run is 令和7年度 第1期 at 東京ウィメンズプラザ on 2025-11-15/16, 10:00-17:00. Every trainee
has passed the five small tests and the comprehensive test, answered the questionnaire, sent
both 実践 reports and received the 養成課程②受講決定通知書 (2025-10-31): the state just before
the venue session, so check-in, the exam and the committee can be tried at once. There are no
exceptions in the stage records (withdrawals would not be in a stage-② roster at all).

Deterministic (seeded) and idempotent: users, the run, organisations and trainees are each
looked up before being created, so a second call reports "already present" and writes nothing.

Each capability adds its demo data as a step in `DEMO_STEPS` (a module of this package, e.g.
`exam.py` for the demo exam), so the GUI and the CLI build the same demo and the capabilities
themselves never import the demo. Each step runs after the roster in its own transaction,
receives the database, the actor and the summary so far (with `run_id`), must itself be
idempotent, and returns a line for the summary (or None).
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from scfn_desktop.db import Database
from scfn_desktop.db.models.accounts import User
from scfn_desktop.db.models.roster import StageRecord, Trainee, TrainingRun
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.services import audit
from scfn_desktop.services.admin.passwords import hash_secret, secret_digest
from scfn_desktop.services.demo.attendance import add_demo_attendance
from scfn_desktop.services.demo.exam import add_demo_exam
from scfn_desktop.services.demo.names import (
    FAMILY_NAMES,
    FOREIGN_NAMES,
    GIVEN_NAMES,
    ORGANISATIONS,
)
from scfn_desktop.services.demo.summary import DemoStep, DemoSummary
from scfn_desktop.services.permissions import ROLE_LABELS, SYSTEM, Actor, Permission, require
from scfn_desktop.services.roster.fields import QUALIFICATIONS
from scfn_desktop.services.roster.trainees import find_or_create_organisation, trainee_values
from scfn_desktop.services.runs.training_runs import insert_run

SEED = 20251115
FISCAL_YEAR, TERM = 2025, 1
VENUE = "東京ウィメンズプラザ"
VENUE_DAYS = ((date(2025, 11, 15), time(10, 0), time(17, 0)),
              (date(2025, 11, 16), time(10, 0), time(17, 0)))
TRAINEE_COUNT = 60
ADMISSION_NOTICE_ON = date(2025, 10, 31)

# username = role; password = "demo-<role>" (documented in the README for trying the app).
DEMO_USERS: tuple[tuple[str, str, str], ...] = tuple(
    (role, f"demo-{role}", f"{ja}（デモ）") for role, (ja, _) in ROLE_LABELS.items())


# Each capability's demo data, in order, after the roster (see the module docstring).
DEMO_STEPS: list[DemoStep] = [add_demo_exam, add_demo_attendance]


@dataclass(frozen=True)
class DemoTrainee:
    number: str
    family: tuple[str, str, str]  # kanji, kana, romaji
    given: tuple[str, str, str]
    organisation: int  # index into ORGANISATIONS
    qualification: str
    consent: bool
    stage: dict[str, date]


def stage_dates(rng: random.Random) -> dict[str, date]:
    """養成課程① from mid-May, 実践 reports late August and October, as the 2025 programme."""
    a = date(2025, 5, 19) + timedelta(days=rng.randint(0, 14))
    bc = a + timedelta(days=rng.randint(7, 18))
    d1 = bc + timedelta(days=rng.randint(5, 14))
    d2 = d1 + timedelta(days=rng.randint(3, 10))
    e = d2 + timedelta(days=rng.randint(5, 14))
    comprehensive = e + timedelta(days=rng.randint(1, 10))
    return {
        "small_test_a_on": a, "small_test_bc_on": bc, "small_test_d1_on": d1,
        "small_test_d2_on": d2, "small_test_e_on": e,
        "comprehensive_test_on": comprehensive, "questionnaire_on": comprehensive,
        "progress_report_on": date(2025, 8, 25) + timedelta(days=rng.randint(0, 11)),
        "final_report_on": date(2025, 10, 14) + timedelta(days=rng.randint(0, 10)),
        "admitted_to_stage2_on": ADMISSION_NOTICE_ON,
    }


def demo_trainees() -> list[DemoTrainee]:
    """The 60 trainees, the same every time (seeded)."""
    rng = random.Random(SEED)
    families = rng.sample(FAMILY_NAMES, TRAINEE_COUNT - len(FOREIGN_NAMES))
    givens = rng.sample(GIVEN_NAMES, TRAINEE_COUNT - len(FOREIGN_NAMES))
    people = [(f, g) for f, g in zip(families, givens, strict=True)]
    for i, (fam, giv, fam_kana, giv_kana, romaji) in enumerate(FOREIGN_NAMES):
        family_romaji, _, given_romaji = romaji.partition(" ")
        people.insert(11 + i * 17, ((fam, fam_kana, family_romaji.title()),
                                    (giv, giv_kana, given_romaji)))
    out = []
    for n, (family, given) in enumerate(people, start=1):
        qualification = ""
        if rng.random() < 0.3:
            qualification = rng.choice(QUALIFICATIONS)
        out.append(DemoTrainee(
            number=f"{FISCAL_YEAR % 100:02d}{TERM}{n:03d}",
            family=family, given=given, organisation=rng.randrange(len(ORGANISATIONS)),
            qualification=qualification, consent=rng.random() < 0.4,
            stage=stage_dates(rng),
        ))
    return out


def _email(t: DemoTrainee) -> str:
    given = t.given[2].lower().replace(" ", "")
    return f"{given}.{t.family[2].lower()}@{ORGANISATIONS[t.organisation][2]}.example.jp"


def create_trainees(s: Session, actor: Actor, run: TrainingRun,
                    people: Iterable[DemoTrainee]) -> tuple[int, int]:
    """Add the demo trainees not yet present (each audited as the roster does); returns how
    many trainees and organisations were created."""
    trainees = organisations = 0
    for dt in people:
        if s.scalar(select(Trainee.id).where(Trainee.trainee_number == dt.number)):
            continue
        name, pref, _ = ORGANISATIONS[dt.organisation]
        org, created = find_or_create_organisation(s, actor, name, pref)
        organisations += created
        t = Trainee(
            trainee_number=dt.number, run_id=run.id, organisation=org,
            family_name=dt.family[0], given_name=dt.given[0],
            family_kana=dt.family[1], given_kana=dt.given[1],
            romaji=f"{dt.family[2].upper()} {dt.given[2]}", email=_email(dt),
            basis="qualification" if dt.qualification else "experience",
            qualification=dt.qualification, consent_publish_name=dt.consent,
            stage_record=StageRecord(**dt.stage),
        )
        s.add(t)
        s.flush()
        audit.record(s, actor, "trainee.create", "trainee", t.id, None,
                     {**trainee_values(t), "stage": dt.stage})
        trainees += 1
    return trainees, organisations


def load_demo(db: Database, actor: Actor = SYSTEM) -> DemoSummary:
    """Create the demo users, run and trainees (what is missing only), then the extra steps."""
    require(actor, Permission.LOAD_DEMO)
    summary = DemoSummary()
    with db.transaction() as s:
        for username, password, display in DEMO_USERS:
            if s.scalar(select(User.id).where(User.username == username)) is None:
                user = User(username=username, role=username, display_name=display,
                            password_hash=hash_secret(password))
                s.add(user)
                s.flush()
                audit.record(s, actor, "user.add", "user", user.id, None,
                             {"username": username, "role": username, "display_name": display,
                              "secret": secret_digest(user.password_hash)})
                summary.users_created.append(username)
        run = s.scalar(select(TrainingRun).where(TrainingRun.fiscal_year == FISCAL_YEAR,
                                                 TrainingRun.term == TERM))
        if run is None:
            run = insert_run(s, actor, FISCAL_YEAR, TERM, VENUE, VENUE_DAYS)
        summary.run_id, summary.run_label = run.id, run_label(FISCAL_YEAR, TERM)
        created, orgs = create_trainees(s, actor, run, demo_trainees())
        summary.trainees_created += created
        summary.organisations_created += orgs
        summary.trainees_total = len(s.scalars(
            select(Trainee.id).where(Trainee.run_id == run.id)).all())
        if not summary.already_present:
            audit.record(s, actor, "demo.load", "training_run", run.id, None, {
                "users": summary.users_created, "trainees": summary.trainees_created})
    for step in DEMO_STEPS:
        line = step(db, actor, summary)
        if line:
            summary.extra.append(line)
    return summary
