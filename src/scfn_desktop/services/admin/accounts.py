"""Local user accounts: create, authenticate, change password, deactivate, list.

Passwords and PINs are stored as salted scrypt hashes at the current OWASP cost
(`services.admin.passwords`). A login checks the station's and the account's failed-login
delays first (`services.admin.login_throttle`), does the same scrypt work whether or not the
name belongs to an account, and answers every failure with the same message, so neither the
message nor the time taken tells whether a name exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scfn_desktop.db import Database
from scfn_desktop.db.models.accounts import ROLES, User
from scfn_desktop.services import audit
from scfn_desktop.services.admin import login_throttle, passwords
from scfn_desktop.services.admin.passwords import check_secret, hash_secret, secret_digest
from scfn_desktop.services.errors import NotFound, PermissionDenied, ValidationFailed
from scfn_desktop.services.permissions import ROLE_LABELS, SYSTEM, Actor, Permission, require

__all__ = ["check_secret", "hash_secret"]  # re-exported: callers hash through this module

MIN_SECRET_LENGTH = 4


def _validate(username: str, role: str, secret: str) -> None:
    problems = []
    if not username.strip():
        problems.append("username")
    if role not in ROLES:
        raise ValidationFailed(
            f"権限「{role}」はありません（{', '.join(ROLES)}）。",
            f"Unknown role '{role}' (one of {', '.join(ROLES)}).",
        )
    if len(secret) < MIN_SECRET_LENGTH:
        raise ValidationFailed(
            f"パスワード／PIN は {MIN_SECRET_LENGTH} 文字以上にしてください。",
            f"The password or PIN must have at least {MIN_SECRET_LENGTH} characters.",
        )
    if problems:
        raise ValidationFailed("ユーザー名を入力してください。", "Enter a user name.")


def _check_lengths(username: str, display_name: str) -> None:
    """The columns' limits, checked here: PostgreSQL refuses over-long text (SQLite stores it)."""
    for value, column, ja, en in ((username, User.username, "ユーザー名", "The user name"),
                                  (display_name, User.display_name, "表示名", "The display name")):
        limit = column.type.length
        if len(value) > limit:
            raise ValidationFailed(f"{ja}が長すぎます（{limit}文字まで）。",
                                   f"{en} is too long (at most {limit} characters).")


def count_users(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(User.id))) or 0


def add_user(db: Database, actor: Actor, username: str, role: str, secret: str,
             display_name: str = "") -> User:
    """Create an account. The very first account may be created by the system (installation)."""
    _validate(username, role, secret)
    _check_lengths(username.strip(), display_name)
    username = username.strip()  # checked stripped, stored stripped: " alice" is "alice"
    if count_users(db) > 0 and actor is not SYSTEM:
        require(actor, Permission.MANAGE_USERS)
    with db.transaction() as s:
        if s.scalar(select(User).where(User.username == username)):
            raise ValidationFailed(
                f"ユーザー名「{username}」は既に使われています。",
                f"The user name '{username}' is already taken.",
            )
        user = User(username=username, role=role, password_hash=hash_secret(secret),
                    display_name=display_name or username)
        s.add(user)
        s.flush()
        audit.record(s, actor, "user.add", "user", user.id, None,
                     {"username": user.username, "role": role, "display_name": user.display_name,
                      "secret": secret_digest(user.password_hash)})
        return user


def authenticate(db: Database, username: str, secret: str) -> Actor:
    """Return the actor for a correct login; the same message for any failure (no user probing).

    A hash made at an older cost is replaced by one at today's cost while the password is at
    hand (the login is the only moment it is).
    """
    here = login_throttle.station()
    now = login_throttle.now()
    name = username.strip()
    with db.transaction() as s:
        user = s.scalar(select(User).where(User.username == name)) if name else None
        login_throttle.check_allowed(s, here, user, now)
        if user is None:
            passwords.burn_equal_time(secret)
            ok = False
        else:
            ok = check_secret(secret, user.password_hash) and bool(user.active)
        if not ok:
            login_throttle.record_failure(s, here, user, now)
        else:
            assert user is not None
            failed_before = login_throttle.record_success(s, here, user)
            rehashed = passwords.needs_rehash(user.password_hash)
            if rehashed:
                user.password_hash = hash_secret(secret)
            details: dict[str, object] = {"station": here.name}
            if failed_before:
                details["failed_before"] = failed_before
            if rehashed:
                details["password_rehashed"] = True
                details["secret"] = secret_digest(user.password_hash)
            audit.record(s, Actor(username=user.username, role=user.role, user_id=user.id),
                         "login", "user", user.id, None, details)
    if not ok or user is None:
        raise PermissionDenied(
            "ユーザー名またはパスワードが正しくありません。",
            "The user name or password is not correct.",
        )
    return Actor(username=user.username, role=user.role, user_id=user.id,
                 display_name=user.display_name)


def change_secret(db: Database, actor: Actor, username: str, new_secret: str) -> None:
    """Set a new password/PIN: anyone for themselves, administrators for anyone (a reset).

    The audit entry names the account (not only its id) so the log reads without a lookup;
    it never contains the secret or its hash.
    """
    if actor.username != username:
        require(actor, Permission.MANAGE_USERS)
    if len(new_secret) < MIN_SECRET_LENGTH:
        raise ValidationFailed(
            f"パスワード／PIN は {MIN_SECRET_LENGTH} 文字以上にしてください。",
            f"The password or PIN must have at least {MIN_SECRET_LENGTH} characters.",
        )
    with db.transaction() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise ValidationFailed(f"ユーザー「{username}」はいません。",
                                   f"No user '{username}'.")
        user.password_hash = hash_secret(new_secret)
        audit.record(s, actor, "user.password", "user", user.id, None,
                     {"username": user.username, "secret": secret_digest(user.password_hash)})


def list_users(db: Database) -> list[dict[str, object]]:
    """Plain dicts for `scfn user list --json` (kept as is: its output is a public format)."""
    return [
        {"username": u.username, "display_name": u.display_name, "role": u.role,
         "role_ja": u.role_ja, "active": u.active}
        for u in _user_rows(db)
    ]


@dataclass(frozen=True)
class UserRow:
    """One account as the users page shows it (never the password hash)."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    created_at: datetime  # aware, UTC

    @property
    def role_ja(self) -> str:
        return ROLE_LABELS.get(self.role, (self.role, self.role))[0]

    @property
    def role_en(self) -> str:
        return ROLE_LABELS.get(self.role, (self.role, self.role))[1]


def _row(u: User) -> UserRow:
    return UserRow(u.id, u.username, u.display_name, u.role, bool(u.active),
                   u.created_at.replace(tzinfo=UTC))


def _user_rows(db: Database) -> list[UserRow]:
    with db.session() as s:
        return [_row(u) for u in s.scalars(select(User).order_by(User.username))]


def list_accounts(db: Database, actor: Actor) -> list[UserRow]:
    """Every account, for administrators (who may see who can log in and with which role)."""
    require(actor, Permission.MANAGE_USERS)
    return _user_rows(db)


def _active_admins(s: Session) -> int:
    return s.scalar(select(func.count(User.id)).where(User.role == "admin",
                                                      User.active.is_(True))) or 0


def set_active(db: Database, actor: Actor, username: str, active: bool) -> UserRow:
    """Deactivate (no more logins, history kept) or reactivate an account.

    Accounts are never deleted: the audit log names them, so the name must stay meaningful.
    Refused: deactivating yourself (you would lock yourself out mid-session) and deactivating
    the last active administrator (nobody could manage accounts any more).
    """
    require(actor, Permission.MANAGE_USERS)
    with db.transaction() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"ユーザー「{username}」はいません。", f"No user '{username}'.")
        if bool(user.active) == active:
            return _row(user)  # nothing changes, so nothing to audit
        if not active and user.username == actor.username:
            raise ValidationFailed(
                "自分自身のアカウントは無効にできません。別の管理者に依頼してください。",
                "You cannot deactivate your own account; ask another administrator.",
            )
        if not active and user.role == "admin" and _active_admins(s) <= 1:
            raise ValidationFailed(
                f"「{user.username}」は最後の有効な管理者のため無効にできません。"
                "先に別の管理者を追加してください。",
                f"'{user.username}' is the last active administrator and cannot be "
                "deactivated. Add another administrator first.",
            )
        user.active = active
        audit.record(s, actor, "user.activate" if active else "user.deactivate", "user",
                     user.id, {"username": user.username, "active": not active},
                     {"username": user.username, "active": active})
        return _row(user)
