"""Local user accounts: create, authenticate, change password.

Passwords and PINs are stored as salted scrypt hashes (stdlib `hashlib.scrypt`, memory-hard),
encoded as `scrypt$n$r$p$salt$hash` so the cost can be raised later without breaking old hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from sqlalchemy import func, select

from scfn_desktop.db import Database
from scfn_desktop.db.models import ROLES, User
from scfn_desktop.services import audit
from scfn_desktop.services.errors import PermissionDenied, ValidationFailed
from scfn_desktop.services.permissions import ROLE_LABELS, SYSTEM, Actor, Permission, require

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_SECRET_LENGTH = 4


def hash_secret(secret: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            dklen=32)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_secret(secret: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(digest_b64)
        digest = hashlib.scrypt(secret.encode(), salt=salt, n=int(n), r=int(r), p=int(p),
                                dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


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


def count_users(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(User.id))) or 0


def add_user(db: Database, actor: Actor, username: str, role: str, secret: str,
             display_name: str = "") -> User:
    """Create an account. The very first account may be created by the system (installation)."""
    _validate(username, role, secret)
    if count_users(db) > 0 and actor is not SYSTEM:
        require(actor, Permission.MANAGE_USERS)
    with db.transaction() as s:
        if s.scalar(select(User).where(User.username == username)):
            raise ValidationFailed(
                f"ユーザー名「{username}」は既に使われています。",
                f"The user name '{username}' is already taken.",
            )
        user = User(username=username.strip(), role=role, password_hash=hash_secret(secret),
                    display_name=display_name or username)
        s.add(user)
        s.flush()
        audit.record(s, actor, "user.add", "user", user.id, None,
                     {"username": user.username, "role": role, "display_name": user.display_name})
        return user


def authenticate(db: Database, username: str, secret: str) -> Actor:
    """Return the actor for a correct login; the same message for any failure (no user probing)."""
    with db.transaction() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        ok = user is not None and user.active and check_secret(secret, user.password_hash)
        if not ok:
            audit.record(s, Actor(username=username.strip() or "?", role=""), "login.failed",
                         "user", user.id if user else "")
        else:
            audit.record(s, Actor(username=user.username, role=user.role, user_id=user.id),
                         "login", "user", user.id)
    if not ok or user is None:
        raise PermissionDenied(
            "ユーザー名またはパスワードが正しくありません。",
            "The user name or password is not correct.",
        )
    return Actor(username=user.username, role=user.role, user_id=user.id,
                 display_name=user.display_name)


def change_secret(db: Database, actor: Actor, username: str, new_secret: str) -> None:
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
        audit.record(s, actor, "user.password", "user", user.id)


def list_users(db: Database) -> list[dict[str, object]]:
    with db.session() as s:
        return [
            {"username": u.username, "display_name": u.display_name, "role": u.role,
             "role_ja": ROLE_LABELS[u.role][0], "active": u.active}
            for u in s.scalars(select(User).order_by(User.username))
        ]
