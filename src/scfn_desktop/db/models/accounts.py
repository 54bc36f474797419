"""Local user accounts; a role names what the user may do (services.permissions); and the
failed-login counters that slow down guessing (services.admin.login_throttle)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from scfn_desktop.db.base import Base, utcnow

ROLES = ("admin", "staff", "proctor", "committee")


class User(Base):
    """A local account. `password_hash` is a salted scrypt hash (see services.admin.accounts)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LoginThrottle(Base):
    """Consecutive failed logins of one account (`scope` "user", `key` its id) or from one
    station (`scope` "station", `key` the station's id), and until when further attempts
    are refused. In the database, so the delays hold across restarts and for every station
    of a shared database. Never holds a typed user name: a name with no account counts only
    toward its station."""

    __tablename__ = "login_throttle"
    __table_args__ = (UniqueConstraint("scope", "key", name="uq_login_throttle_scope_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(10))
    key: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(120), default="")  # user name or station name
    failures: Mapped[int] = mapped_column(Integer, default=0)
    first_failed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_failed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    blocked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_station: Mapped[str] = mapped_column(String(120), default="")
