"""Slowing down password guessing: growing delays per account and per station.

Every failed login counts toward its station (this PC, `station()`) and, when the name belongs
to an account, toward that account. From the `FREE_FAILURES`-th failure in a row on, the next
attempt from that station or for that account is refused until a delay has passed, doubling
with each further failure up to `MAX_DELAY`; a success resets both. Delays, not a lock-out: an
attacker cannot lock the administrator out for the rest of the venue day, and the right password
works again once the delay has passed.

The counters live in the database (`LoginThrottle`), so restarting the app or trying from a
second station of a shared database does not reset them. They hold no typed name: a name with
no account counts only toward its station, so a password typed into the name field is never
stored. The audit log gets one entry when a series of failures starts and one each time the
count doubles past the throttle (5, 10, 20, ...), never one per rapid attempt; the users page
lists the current counters for the administrator, who can clear them.
"""

from __future__ import annotations

import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from scfn_desktop import config
from scfn_desktop.db import Database
from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.accounts import LoginThrottle, User
from scfn_desktop.services import audit
from scfn_desktop.services.errors import NotFound, PermissionDenied
from scfn_desktop.services.permissions import Actor, Permission, require

FREE_FAILURES = 5
MAX_DELAY = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=1)  # a quiet hour starts a new series
USER, STATION = "user", "station"


@dataclass(frozen=True)
class Station:
    id: str
    name: str


def station() -> Station:
    """This installation: a random id kept in the data folder (two PCs with the same host
    name stay apart; a shared database sees each of its stations) and the host name to show."""
    path = config.data_dir() / "station-id"
    try:
        ident = path.read_text(encoding="ascii").strip()
    except OSError:
        ident = ""
    if len(ident) != 32 or not ident.isalnum():
        ident = uuid.uuid4().hex
        config.write_private(path, ident.encode("ascii"))
    return Station(ident, socket.gethostname()[:100] or "?")


def delay_after(failures: int) -> timedelta:
    """0 for the first FREE_FAILURES - 1 failures, then 1 s, 2 s, 4 s, ... up to MAX_DELAY."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (failures - FREE_FAILURES)), MAX_DELAY)


def _row(s: Session, scope: str, key: str, lock: bool = False) -> LoginThrottle | None:
    """The counter; `lock` holds its row until commit (PostgreSQL: two stations counting at
    once must not lose a failure; SQLite's write lock serialises them anyway)."""
    stmt = select(LoginThrottle).where(LoginThrottle.scope == scope, LoginThrottle.key == key)
    return s.scalar(stmt.with_for_update() if lock else stmt)


def _wait_text(seconds: int) -> tuple[str, str]:
    if seconds >= 60:
        minutes = -(-seconds // 60)
        return f"約 {minutes} 分", f"about {minutes} minute(s)"
    return f"{seconds} 秒", f"{seconds} second(s)"


def check_allowed(s: Session, here: Station, user: User | None, now: datetime) -> None:
    """Refuse an attempt made while its station or its account is waiting out a delay."""
    rows = [_row(s, STATION, here.id)] + ([_row(s, USER, str(user.id))] if user else [])
    until = max((r.blocked_until for r in rows if r and r.blocked_until), default=None)
    if until is not None and until > now:
        seconds = max(1, int((until - now).total_seconds() + 0.999))
        ja, en = _wait_text(seconds)
        raise PermissionDenied(
            f"ログインの失敗が続いたため、しばらくログインできません。{ja}待ってから、もう一度お試しください。",
            f"Too many failed logins: wait {en} and try again.")


def _count(s: Session, scope: str, key: str, label: str, here: Station,
           now: datetime) -> LoginThrottle:
    row = _row(s, scope, key, lock=True)
    if row is None:
        try:  # two stations failing for one account at once (PostgreSQL): the second updates
            with s.begin_nested():
                row = LoginThrottle(scope=scope, key=key, label=label, failures=0)
                s.add(row)
        except IntegrityError:
            row = _row(s, scope, key, lock=True)
            assert row is not None
    if row.last_failed_at is None or now - row.last_failed_at > FORGET_AFTER:
        row.failures, row.first_failed_at = 0, now
    row.failures += 1
    row.last_failed_at, row.last_station, row.label = now, here.name, label[:120]
    delay = delay_after(row.failures)
    row.blocked_until = now + delay if delay else None
    return row


def _worth_recording(failures: int) -> bool:
    """The first failure of a series, the throttle engaging, and each doubling after it."""
    if failures == 1:
        return True
    return failures >= FREE_FAILURES and (failures // FREE_FAILURES) & (
        failures // FREE_FAILURES - 1) == 0 and failures % FREE_FAILURES == 0


def record_failure(s: Session, here: Station, user: User | None, now: datetime) -> None:
    rows = [_count(s, STATION, here.id, here.name, here, now)]
    if user is not None:
        rows.append(_count(s, USER, str(user.id), user.username, here, now))
    s.flush()
    worst = max(rows, key=lambda r: r.failures)
    if _worth_recording(worst.failures):
        audit.record(s, Actor(username=f"station:{here.name}"[:60], role=""),
                     "login.failed" if worst.failures == 1 else "login.throttled", "user",
                     user.id if user else "", None,
                     {"station": here.name, "account": user.username if user else "",
                      "known_account": user is not None, "failures": worst.failures,
                      "blocked_until": worst.blocked_until})


def record_success(s: Session, here: Station, user: User) -> int:
    """Reset both counters; returns how many failures in a row preceded this login."""
    before = 0
    for row in (_row(s, STATION, here.id), _row(s, USER, str(user.id))):
        if row is not None and row.failures:
            before = max(before, row.failures)
            row.failures, row.blocked_until = 0, None
    return before


@dataclass(frozen=True)
class ThrottleRow:
    """A counter as the users page shows it (times aware UTC)."""

    scope: str
    key: str
    label: str
    failures: int
    last_failed_at: datetime | None
    blocked_until: datetime | None
    last_station: str

    @property
    def blocked(self) -> bool:
        return self.blocked_until is not None and self.blocked_until > datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=UTC)


def failed_logins(db: Database, actor: Actor) -> list[ThrottleRow]:
    """Current series of failed logins (accounts and stations), most failures first."""
    require(actor, Permission.MANAGE_USERS)
    with db.session() as s:
        rows = s.scalars(select(LoginThrottle).where(LoginThrottle.failures > 0)
                         .order_by(LoginThrottle.failures.desc()))
        return [ThrottleRow(r.scope, r.key, r.label, r.failures, _aware(r.last_failed_at),
                            _aware(r.blocked_until), r.last_station) for r in rows]


def clear_failed_logins(db: Database, actor: Actor, scope: str, key: str) -> None:
    """An administrator lets a locked-out account or station try again at once."""
    require(actor, Permission.MANAGE_USERS)
    with db.transaction() as s:
        row = _row(s, scope, key)
        if row is None or not row.failures:
            raise NotFound("この失敗の記録はありません。", "There is no such failed-login record.")
        before = {"failures": row.failures, "blocked_until": row.blocked_until}
        row.failures, row.blocked_until = 0, None
        audit.record(s, actor, "login.unblock", "login_throttle", row.id, before,
                     {"scope": scope, "label": row.label, "failures": 0})


def now() -> datetime:
    return utcnow()
