"""The check-in desk: a scanned badge (or a name found by search) becomes a stored check-in and
an explained verdict, in one short transaction.

What can be is preloaded when the desk opens (`open_desk`: the run, the day, the roster, the
trusted keys), so a scan costs signature verification in memory plus one transaction: the badge
revision check, the event, the guard row that makes a second check-in impossible, the audit
entry and the day's events for the verdict. When the database cannot store the scan, the desk
says so (`DatabaseUnavailable`) and nothing is shown as admitted.
"""

from __future__ import annotations

import dataclasses
import enum
import time
from datetime import datetime

from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from scfn_desktop.credentials import KeyRing, TokenError, TokenProblem, read_badge
from scfn_desktop.db import Database
from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.attendance import AttendanceEvent, Badge, CheckinGuard, DiscussionGroup
from scfn_desktop.db.models.roster import Organisation, Trainee
from scfn_desktop.rules.attendance import ArrivalVerdict
from scfn_desktop.rules.attendance_day import DayStatus, DayVerdict, EventKind
from scfn_desktop.rules.dates import format_time
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.rules.names import join_name
from scfn_desktop.rules.verdict import VerdictBase
from scfn_desktop.services import audit
from scfn_desktop.services.attendance.history import judge, trainee_events
from scfn_desktop.services.attendance.schedule import DaySchedule, RunInfo, load_run, to_local
from scfn_desktop.services.attendance.trust import load_keyring
from scfn_desktop.services.errors import ServiceError, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.roster.fields import search_key

#: A scan must be stored within this or be reported as not stored (PostgreSQL enforces it).
STATEMENT_TIMEOUT_MS = 1500
NOTE_LIMIT = AttendanceEvent.note.type.length
STATION_LIMIT = AttendanceEvent.station.type.length


_INSERT_EVENT = insert(AttendanceEvent.__table__).returning(AttendanceEvent.__table__.c.id)
_INSERT_GUARD = insert(CheckinGuard.__table__)


class DeskStatus(enum.StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OVERRIDDEN = "overridden"
    REFUSED = "refused"
    ALREADY = "already"
    INVALID = "invalid"
    RECORDED = "recorded"  # another event (leave early, absent, undo ...) was stored


class Problem(enum.StrEnum):
    """Why a code was not accepted: the credential problems plus the desk's own."""

    MALFORMED = TokenProblem.MALFORMED.value
    UNSUPPORTED_VERSION = TokenProblem.UNSUPPORTED_VERSION.value
    WRONG_KIND = TokenProblem.WRONG_KIND.value
    UNKNOWN_KEY = TokenProblem.UNKNOWN_KEY.value
    BAD_SIGNATURE = TokenProblem.BAD_SIGNATURE.value
    OTHER_RUN = "other_run"
    SUPERSEDED = "superseded"
    NOT_ISSUED = "not_issued"
    UNKNOWN_TRAINEE = "unknown_trainee"
    WRONG_DAY = "wrong_day"


_DAY_TO_DESK = {DayStatus.ON_TIME: DeskStatus.ON_TIME, DayStatus.LATE: DeskStatus.LATE,
                DayStatus.OVERRIDDEN: DeskStatus.OVERRIDDEN}


class NotRecorded(ServiceError):
    """The desk's deadline passed before the action was stored: it was rolled back (or never
    started), so the desk may say "not recorded" and be right."""

    def __init__(self) -> None:
        super().__init__("データベースの応答がないため記録していません。紙の受付表に記入してください。",
                         "The database did not answer in time, so nothing was recorded. Use "
                         "the paper sign-in sheet.")


def before_deadline(deadline: float | None) -> None:
    """Called last inside a transaction: past the desk's deadline, roll back instead of
    storing what the desk has already reported as not recorded."""
    if deadline is not None and time.monotonic() > deadline:
        raise NotRecorded()


class DatabaseUnavailable(ServiceError):
    """The database could not store the action: nothing was recorded."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "データベースに接続できないため記録できませんでした。紙の受付表に記入してください。",
            "The database cannot be reached, so nothing was recorded. Use the paper sign-in "
            "sheet." + (f" ({detail})" if detail else ""))


@dataclasses.dataclass(frozen=True)
class TraineeCard:
    id: int
    number: str
    name: str
    kana: str
    romaji: str
    organisation: str
    group: str = ""
    search_text: str = dataclasses.field(default="", repr=False, compare=False)


@dataclasses.dataclass(frozen=True)
class FirstCheckIn:
    """The standing check-in a second scan reports ("09:02, desk 2, by staff")."""

    at: datetime  # local
    station: str
    actor: str
    backfilled: bool


@dataclasses.dataclass(frozen=True, kw_only=True)
class DeskVerdict(VerdictBase):
    status: DeskStatus
    day_number: int
    trainee: TraineeCard | None = None
    problem: str = ""
    arrival: ArrivalVerdict | None = None
    day: DayVerdict | None = None
    first: FirstCheckIn | None = None
    event_id: int | None = None
    at: datetime | None = None  # local time of the event

    @property
    def admitted(self) -> bool:
        return self.status in (DeskStatus.ON_TIME, DeskStatus.LATE, DeskStatus.OVERRIDDEN)


@dataclasses.dataclass
class Desk:
    """A desk's preloaded context: which run and day it checks in, as which station."""

    run: RunInfo
    day: DaySchedule
    station: str
    keyring: KeyRing
    trainees: dict[str, TraineeCard]
    by_id: dict[int, TraineeCard] = dataclasses.field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.set_trainees(self.trainees)

    def set_trainees(self, cards: dict[str, TraineeCard]) -> None:
        self.trainees = cards
        self.by_id = {t.id: t for t in cards.values()}

    def add(self, card: TraineeCard) -> None:
        self.trainees[card.number] = card
        self.by_id[card.id] = card

    def search(self, query: str, limit: int = 200) -> list[TraineeCard]:
        """Every word must match the number, name, kana (either script) or romaji."""
        words = [k for k in (search_key(w) for w in query.split()) if k]
        people = sorted(self.trainees.values(), key=lambda t: t.number)
        if words:
            people = [t for t in people if all(w in t.search_text for w in words)]
        return people[:limit]


def _cards(s: Session, run_id: int, number: str | None = None) -> dict[str, TraineeCard]:
    stmt = (select(Trainee, Organisation.name, DiscussionGroup.label)
            .outerjoin(Organisation, Organisation.id == Trainee.organisation_id)
            .outerjoin(DiscussionGroup, DiscussionGroup.trainee_id == Trainee.id)
            .where(Trainee.run_id == run_id))
    if number is not None:
        stmt = stmt.where(Trainee.trainee_number == number)
    cards = {}
    for t, organisation, group in s.execute(stmt):
        name, kana = join_name(t.family_name, t.given_name), join_name(t.family_kana, t.given_kana)
        haystack = "\n".join(search_key(p) for p in (
            t.trainee_number, t.family_name + t.given_name, t.family_kana + t.given_kana,
            t.given_name + t.family_name, t.given_kana + t.family_kana, t.romaji))
        cards[t.trainee_number] = TraineeCard(t.id, t.trainee_number, name, kana, t.romaji,
                                              organisation or "", group or "", haystack)
    return cards


def check_station(station: str) -> str:
    station = " ".join(station.split())
    if not station or len(station) > STATION_LIMIT:
        raise ValidationFailed(f"受付の名前は1〜{STATION_LIMIT}文字で入力してください。",
                               f"The station name must be 1-{STATION_LIMIT} characters.")
    return station


def open_desk(db: Database, run_id: int, day_number: int, station: str) -> Desk:
    """Preload what every scan needs (the roster, the keys, the day)."""
    station = check_station(station)
    with db.session() as s:
        run = load_run(s, run_id)
        return Desk(run, run.day(day_number), station, load_keyring(s), _cards(s, run_id))


def reload_desk(db: Database, desk: Desk) -> None:
    """Pick up keys, trainees, groups and schedule changed by another desk since opening."""
    with db.session() as s:
        desk.run = load_run(s, desk.run.id)
        desk.day = desk.run.day(desk.day.day_number)
        desk.keyring = load_keyring(s)
        desk.set_trainees(_cards(s, desk.run.id))


def invalid(desk: Desk, problem: Problem, ja: str, en: str,
            trainee: TraineeCard | None = None) -> DeskVerdict:
    return DeskVerdict(status=DeskStatus.INVALID, day_number=desk.day.day_number,
                       problem=problem.value, reason_ja=ja, reason_en=en, trainee=trainee)


def scan(db: Database, actor: Actor, desk: Desk, code: str, *, at: datetime | None = None,
         method: str = "scanner", deadline: float | None = None) -> DeskVerdict:
    """Check in the holder of a scanned or typed badge code (`at`: naive UTC, default now;
    `deadline`: a `time.monotonic()` after which nothing may be stored)."""
    require(actor, Permission.CHECK_IN)
    try:
        claims = read_badge(code, desk.keyring)
    except TokenError as exc:
        if exc.code != TokenProblem.UNKNOWN_KEY:
            return invalid(desk, Problem(exc.code), exc.reason_ja, exc.reason_en)
        with db.session() as s:  # a station may have signed since this desk opened
            desk.keyring = load_keyring(s)
        try:
            claims = read_badge(code, desk.keyring)
        except TokenError as again:
            return invalid(desk, Problem(again.code), again.reason_ja, again.reason_en)
    if (claims.fiscal_year, claims.term) != (desk.run.fiscal_year, desk.run.term):
        other = run_label(claims.fiscal_year, claims.term)
        return invalid(desk, Problem.OTHER_RUN,
                       f"別の養成研修（{other}）のバッジです。この受付は {desk.run.label} です。",
                       f"This badge is for another training run ({other}); this desk checks in "
                       f"{desk.run.label}.")
    trainee = desk.trainees.get(claims.trainee_number)
    if trainee is None:
        with db.session() as s:
            trainee = _cards(s, desk.run.id, claims.trainee_number).get(claims.trainee_number)
    if trainee is None:
        return invalid(desk, Problem.UNKNOWN_TRAINEE,
                       f"受講番号 {claims.trainee_number} は {desk.run.label} の名簿にありません。",
                       f"Trainee number {claims.trainee_number} is not on the roster of "
                       f"{desk.run.label}.")
    if trainee.number not in desk.trainees:
        desk.add(trainee)
    return check_in(db, actor, desk, trainee.id, at=at, method=method, revision=claims.revision,
                    deadline=deadline)


def check_in(db: Database, actor: Actor, desk: Desk, trainee_id: int, *,
             at: datetime | None = None, method: str = "search", revision: int | None = None,
             backfilled: bool = False, note: str = "", deadline: float | None = None
             ) -> DeskVerdict:
    """Store a check-in (badge `revision` checked when given) and judge it."""
    require(actor, Permission.CHECK_IN)
    trainee = desk.by_id.get(trainee_id)
    if trainee is None:
        raise ValidationFailed("この受講生はこの受付の名簿にありません。",
                               "This trainee is not on this desk's roster.")
    note = check_note(note, required=False)
    at = at or utcnow()
    local = to_local(at)
    if local.date() != desk.day.day:
        return wrong_day(desk, local, trainee)
    try:
        with db.transaction() as s:
            fail_fast(s)
            if revision is not None:
                refused = _badge_problem(s, desk, trainee, revision)
                if refused is not None:
                    return refused
            conn = s.connection()  # Core statements compiled once: every scan runs them
            event_id = conn.execute(_INSERT_EVENT, {
                "trainee_id": trainee.id, "day_number": desk.day.day_number,
                "kind": EventKind.CHECK_IN.value, "at": at, "recorded_at": utcnow(),
                "station": desk.station, "actor": actor.username[:60], "method": method[:20],
                "reason": "", "note": note, "backfilled": backfilled,
                "badge_revision": revision, "undoes_id": None}).scalar_one()
            conn.execute(_INSERT_GUARD, {  # a second desk's check-in fails here: "already"
                "trainee_id": trainee.id, "day_number": desk.day.day_number,
                "event_id": event_id})
            verdict = judge(trainee_events(s, trainee.id, desk.day.day_number), desk.day)
            audit.record(s, actor, "attendance.check_in", "trainee", trainee.id, None, {
                "day": desk.day.day_number, "at": local.isoformat(timespec="seconds"),
                "station": desk.station, "method": method, "badge_revision": revision,
                "backfilled": backfilled, "status": verdict.status.value, "note": note})
            before_deadline(deadline)
    except IntegrityError:
        first = already(db, desk, trainee)
        if first is None:
            raise
        return first
    except DBAPIError as exc:
        raise DatabaseUnavailable(type(exc.orig).__name__ if exc.orig else "") from exc
    status = _DAY_TO_DESK.get(verdict.status, DeskStatus.REFUSED)
    return DeskVerdict(status=status, day_number=desk.day.day_number, trainee=trainee,
                       arrival=verdict.arrival, day=verdict, event_id=event_id, at=local,
                       reason_ja=verdict.reason_ja, reason_en=verdict.reason_en)


def fail_fast(s: Session) -> None:
    """On PostgreSQL, bound this transaction's statements and lock waits, so a hung server or
    a stuck lock becomes an error within the desk's deadline instead of a frozen queue."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT set_config('statement_timeout', :ms, true), "
                       "set_config('lock_timeout', :ms, true)"),
                  {"ms": str(STATEMENT_TIMEOUT_MS)})


def wrong_day(desk: Desk, local: datetime, trainee: TraineeCard | None) -> DeskVerdict:
    d = desk.day
    return invalid(
        desk, Problem.WRONG_DAY,
        f"この受付は {d.day_number}日目（{d.day:%Y-%m-%d}）用ですが、時刻は {local:%Y-%m-%d %H:%M} "
        "です。受付の日程を確認してください。",
        f"This desk checks in day {d.day_number} ({d.day:%Y-%m-%d}) but the time is "
        f"{local:%Y-%m-%d %H:%M}; check the desk's day.", trainee)


def check_note(note: str, *, required: bool) -> str:
    note = note.strip()
    if required and not note:
        raise ValidationFailed("メモを入力してください。", "Enter a note.")
    if len(note) > NOTE_LIMIT:
        raise ValidationFailed(f"メモが長すぎます（{NOTE_LIMIT}文字まで）。",
                               f"The note is too long (at most {NOTE_LIMIT} characters).")
    return note


def _badge_problem(s: Session, desk: Desk, trainee: TraineeCard, revision: int
                   ) -> DeskVerdict | None:
    current = s.scalar(select(func.max(Badge.revision)).where(Badge.trainee_id == trainee.id))
    if current is not None and revision < current:
        return invalid(desk, Problem.SUPERSEDED,
                       f"旧版のバッジです（第{revision}版）。再交付された第{current}版を使ってください。",
                       f"Superseded badge (revision {revision}); it was reissued as revision "
                       f"{current}.", trainee)
    if current is None or revision > current:
        return invalid(desk, Problem.NOT_ISSUED,
                       f"このバッジ（第{revision}版）は発行の記録がありません。",
                       f"There is no record of issuing this badge (revision {revision}).",
                       trainee)
    return None


def already(db: Database, desk: Desk, trainee: TraineeCard) -> DeskVerdict | None:
    """The standing check-in of this trainee and day, as the verdict a second scan shows."""
    with db.session() as s:
        event = s.scalar(select(AttendanceEvent).join(
            CheckinGuard, CheckinGuard.event_id == AttendanceEvent.id).where(
            CheckinGuard.trainee_id == trainee.id,
            CheckinGuard.day_number == desk.day.day_number))
        if event is None:
            return None
        day = judge(trainee_events(s, trainee.id, desk.day.day_number), desk.day)
    first = FirstCheckIn(to_local(event.at), event.station, event.actor, event.backfilled)
    t = format_time(first.at)
    return DeskVerdict(
        status=DeskStatus.ALREADY, day_number=desk.day.day_number, trainee=trainee, first=first,
        arrival=day.arrival, day=day, event_id=event.id,
        reason_ja=f"受付済みです（{t}、{first.station}、{first.actor}）。{day.reason_ja}",
        reason_en=f"Already checked in ({t}, {first.station}, by {first.actor}). "
                  f"{day.reason_en}")
