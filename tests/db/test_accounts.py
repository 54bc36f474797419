"""Local accounts: slow salted hashes, one message for every login failure, roles enforced."""

from __future__ import annotations

from pathlib import Path

import pytest

from scfn_desktop.db.session import Database, open_database
from scfn_desktop.services import audit
from scfn_desktop.services.admin import accounts
from scfn_desktop.services.errors import PermissionDenied, ValidationFailed
from scfn_desktop.services.permissions import SYSTEM, Permission, allowed


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(f"sqlite:///{tmp_path / 'acc.sqlite3'}")
    accounts.add_user(database, SYSTEM, "admin", "admin", "s3cret-pass", "管理者 太郎")
    return database


def test_hash_is_salted_and_verifiable() -> None:
    h1, h2 = accounts.hash_secret("1234"), accounts.hash_secret("1234")
    assert h1 != h2 and h1.startswith("scrypt$")
    assert accounts.check_secret("1234", h1)
    assert not accounts.check_secret("1235", h1)
    assert not accounts.check_secret("1234", "garbage")


def test_login_and_audit(db: Database) -> None:
    actor = accounts.authenticate(db, "admin", "s3cret-pass")
    assert actor.role == "admin" and actor.display_name == "管理者 太郎"
    with pytest.raises(PermissionDenied) as wrong_pw:
        accounts.authenticate(db, "admin", "nope")
    with pytest.raises(PermissionDenied) as no_user:
        accounts.authenticate(db, "ghost", "nope")
    assert wrong_pw.value.message_ja == no_user.value.message_ja
    with db.session() as s:
        actions = [e.action for e in s.scalars(audit.select(audit.AuditEntry))]
        assert audit.verify_chain(s).ok
    # One entry starts a series of failures; further ones are counted, not logged one by one.
    assert actions == ["user.add", "login", "login.failed"]


def test_only_admins_manage_users(db: Database) -> None:
    admin = accounts.authenticate(db, "admin", "s3cret-pass")
    accounts.add_user(db, admin, "staff1", "staff", "0000")
    staff = accounts.authenticate(db, "staff1", "0000")
    with pytest.raises(PermissionDenied):
        accounts.add_user(db, staff, "x", "staff", "0000")
    with pytest.raises(ValidationFailed):
        accounts.add_user(db, admin, "staff1", "staff", "0000")
    with pytest.raises(ValidationFailed):
        accounts.add_user(db, admin, "y", "king", "0000")
    with pytest.raises(ValidationFailed):
        accounts.add_user(db, admin, "z", "staff", "12")
    accounts.change_secret(db, staff, "staff1", "9999")
    assert accounts.authenticate(db, "staff1", "9999").username == "staff1"


@pytest.mark.parametrize(
    ("role", "permission", "expected"),
    [
        ("staff", Permission.CHECK_IN, True),
        ("staff", Permission.SCAN_SHEETS, False),
        ("proctor", Permission.REVIEW_MARKS, True),
        ("proctor", Permission.COMMITTEE_DECIDE, False),
        ("committee", Permission.COMMITTEE_DECIDE, True),
        ("committee", Permission.EDIT_ROSTER, False),
        ("admin", Permission.MANAGE_USERS, True),
        ("nobody", Permission.VIEW_ROSTER, False),
    ],
)
def test_role_table(role: str, permission: Permission, expected: bool) -> None:
    assert allowed(role, permission) is expected
