"""Shared builders for the check-in tests (services, CLI, GUI, PostgreSQL): a run with two venue
days and trainees with organisations and printed badges, and local-time helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Organisation, Trainee, TrainingRun, VenueDay
from scfn_desktop.services.attendance import badges as badge_service
from scfn_desktop.services.attendance.schedule import to_utc
from scfn_desktop.services.permissions import Actor

ADMIN = Actor("jimukyoku", "admin", display_name="事務局 一郎")
STAFF = Actor("uketsuke", "staff", display_name="受付 花子")
COMMITTEE = Actor("iinkai", "committee")
PROCTOR = Actor("kantoku", "proctor")

ORGANISATIONS = [("新宿区多文化共生プラザ", "東京都"), ("横浜市国際交流協会", "神奈川県")]
DAY1 = date(2025, 11, 15)
DAY2 = date(2025, 11, 16)
START = time(10, 0)
END = time(17, 0)
PEOPLE = [
    ("山田", "花子", "やまだ", "はなこ", "YAMADA Hanako"),
    ("佐藤", "健", "さとう", "けん", "SATO Ken"),
    ("グエン", "ヴァン アン", "グエン", "ヴァン アン", "NGUYEN Van An"),
    ("鈴木", "美咲", "すずき", "みさき", "SUZUKI Misaki"),
    ("高橋", "翔", "たかはし", "しょう", "TAKAHASHI Sho"),
    ("田中", "陽菜", "たなか", "ひな", "TANAKA Hina"),
]


@dataclass(frozen=True)
class Kit:
    run_id: int
    numbers: list[str]
    ids: dict[str, int]


def number(i: int) -> str:
    return f"2510{i:02d}"


def local(day: date, hh: int, mm: int = 0, ss: int = 0) -> datetime:
    """A naive-UTC time for the local wall-clock time on `day` (what the desk stores)."""
    return to_utc(datetime.combine(day, time(hh, mm, ss)))


def after_start(minutes: float, day: date = DAY1) -> datetime:
    return to_utc(datetime.combine(day, START) + timedelta(minutes=minutes))


def make_run(db: Database, trainees: int = 6, fiscal_year: int = 2025, term: int = 1,
             threshold: int = 60, badges: bool = True, numbering=number) -> Kit:
    with db.transaction() as s:
        run = TrainingRun(fiscal_year=fiscal_year, term=term, venue="東京ウィメンズプラザ",
                          lateness_threshold_minutes=threshold)
        run.venue_days = [VenueDay(day_number=1, day=DAY1, starts_at=START, ends_at=END),
                          VenueDay(day_number=2, day=DAY2, starts_at=START, ends_at=END)]
        s.add(run)
        orgs = []
        for name, prefecture in ORGANISATIONS:
            org = s.scalar(select(Organisation).where(Organisation.name == name))
            orgs.append(org or Organisation(name=name, prefecture=prefecture))
        s.add_all(orgs)
        s.flush()
        ids = {}
        for i in range(1, trainees + 1):
            fam, giv, fam_k, giv_k, romaji = PEOPLE[(i - 1) % len(PEOPLE)]
            t = Trainee(run_id=run.id, trainee_number=numbering(i), family_name=fam,
                        given_name=giv, family_kana=fam_k, given_kana=giv_k, romaji=romaji,
                        organisation=orgs[i % 2])
            s.add(t)
            s.flush()
            ids[t.trainee_number] = t.id
        run_id = run.id
    if badges:
        badge_service.prepare_badges(db, ADMIN, run_id)
    return Kit(run_id, sorted(ids), ids)


def token_for(db: Database, kit: Kit, trainee_number: str) -> str:
    """The current badge token of a trainee (signed now with this station's key)."""
    faces = badge_service.prepare_badges(db, ADMIN, kit.run_id, [trainee_number])
    return faces[0].token


def badge_frame(token: str, size=(1280, 720), module_px: int = 4, noise: bool = True):
    """A webcam-like grey frame (numpy): the badge's QR on desk grey, slightly blurred and
    noisy, as a 1280x720 camera would deliver it."""
    import cv2
    import numpy as np

    from scfn_desktop.credentials import qr_matrix, qr_png

    qr = cv2.imdecode(np.frombuffer(qr_png(qr_matrix(token), module_px=module_px), np.uint8),
                      cv2.IMREAD_GRAYSCALE)
    w, h = size
    frame = np.full((h, w), 120, np.uint8)
    y, x = (h - qr.shape[0]) // 2, (w - qr.shape[1]) // 3
    frame[y:y + qr.shape[0], x:x + qr.shape[1]] = qr
    if noise:
        rng = np.random.default_rng(7)
        frame = cv2.GaussianBlur(frame, (3, 3), 0)
        frame = np.clip(frame + rng.normal(0, 6, frame.shape), 0, 255).astype(np.uint8)
    return frame
