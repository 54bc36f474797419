"""Account administration: listing as frozen rows, deactivation rules (never yourself, never
the last active administrator), reactivation, password resets; each change audited and
permission-checked."""

from __future__ import annotations

import dataclasses
import json

import pytest

from scfn_desktop.services.admin import accounts, audit_view
from scfn_desktop.services.errors import NotFound, PermissionDenied, ValidationFailed
from scfn_desktop.services.permissions import SYSTEM, Actor


@pytest.fixture
def admin(db) -> Actor:
    accounts.add_user(db, SYSTEM, "admin", "admin", "admin-pass", "管理者 花子")
    for name, role in (("staff", "staff"), ("iinn", "committee")):
        accounts.add_user(db, SYSTEM, name, role, f"{name}-pass")
    return accounts.authenticate(db, "admin", "admin-pass")


def entries(db, action: str) -> list[audit_view.AuditRow]:
    return audit_view.list_entries(db, SYSTEM, action=action)


def test_list_accounts_returns_frozen_rows_without_secrets(db, admin):
    rows = accounts.list_accounts(db, admin)
    assert [r.username for r in rows] == ["admin", "iinn", "staff"]
    first = rows[0]
    assert first.role_ja == "管理者" and first.role_en == "Administrator"
    assert first.display_name == "管理者 花子" and first.active
    assert first.created_at.tzinfo is not None
    assert "password_hash" not in {f.name for f in dataclasses.fields(first)}
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.active = False  # type: ignore[misc]


def test_list_users_keeps_its_dict_format_for_the_cli(db, admin):
    users = accounts.list_users(db)
    assert users[0] == {"username": "admin", "display_name": "管理者 花子", "role": "admin",
                        "role_ja": "管理者", "active": True}
    json.dumps(users)  # `scfn user list --json` prints it as is


def test_only_administrators_list_and_deactivate(db, admin):
    staff = accounts.authenticate(db, "staff", "staff-pass")
    with pytest.raises(PermissionDenied):
        accounts.list_accounts(db, staff)
    with pytest.raises(PermissionDenied):
        accounts.set_active(db, staff, "iinn", False)
    assert all(r.active for r in accounts.list_accounts(db, admin))


def test_deactivate_blocks_login_and_reactivate_restores_it(db, admin):
    row = accounts.set_active(db, admin, "staff", False)
    assert row.username == "staff" and not row.active
    with pytest.raises(PermissionDenied) as refused:
        accounts.authenticate(db, "staff", "staff-pass")
    assert "正しくありません" in refused.value.message_ja  # no hint that the account exists
    assert accounts.set_active(db, admin, "staff", True).active
    assert accounts.authenticate(db, "staff", "staff-pass").username == "staff"

    off, on = entries(db, "user.deactivate"), entries(db, "user.activate")
    assert len(off) == len(on) == 1
    assert off[0].actor == "admin" and off[0].entity == "user"
    assert off[0].before == {"username": "staff", "active": True}
    assert off[0].after == {"username": "staff", "active": False}
    assert on[0].after == {"username": "staff", "active": True}
    assert audit_view.verify(db, admin).ok


def test_setting_the_same_state_again_changes_and_audits_nothing(db, admin):
    accounts.set_active(db, admin, "staff", True)
    assert entries(db, "user.activate") == []


def test_an_admin_cannot_deactivate_themselves(db, admin):
    accounts.add_user(db, admin, "admin2", "admin", "admin2-pass")  # not the last admin
    with pytest.raises(ValidationFailed) as refused:
        accounts.set_active(db, admin, "admin", False)
    assert "自分自身" in refused.value.message_ja
    assert "your own account" in refused.value.message_en
    assert entries(db, "user.deactivate") == []


def test_the_last_active_admin_cannot_be_deactivated(db, admin):
    cli = Actor(username="cli:ops", role="admin")  # an actor without an account of its own
    with pytest.raises(ValidationFailed) as refused:
        accounts.set_active(db, cli, "admin", False)
    assert "最後の有効な管理者" in refused.value.message_ja
    assert "last active administrator" in refused.value.message_en

    accounts.add_user(db, admin, "admin2", "admin", "admin2-pass")
    accounts.set_active(db, cli, "admin2", False)  # fine: admin is still active
    with pytest.raises(ValidationFailed):
        accounts.set_active(db, cli, "admin", False)
    accounts.set_active(db, cli, "admin2", True)
    accounts.set_active(db, cli, "admin", False)  # fine now: admin2 is active
    assert [r.username for r in accounts.list_accounts(db, cli) if r.active and
            r.role == "admin"] == ["admin2"]


def test_unknown_user_is_not_found(db, admin):
    with pytest.raises(NotFound) as missing:
        accounts.set_active(db, admin, "ghost", False)
    assert "ghost" in missing.value.message_ja


def test_password_reset_by_an_admin_is_audited_with_the_account_name(db, admin):
    accounts.change_secret(db, admin, "staff", "reset-1234")
    assert accounts.authenticate(db, "staff", "reset-1234").username == "staff"
    [entry] = entries(db, "user.password")
    assert entry.actor == "admin" and entry.after["username"] == "staff"
    # a digest of the new hash, for reconciliation; never the secret or the hash itself
    assert set(entry.after) == {"username", "secret"} and len(entry.after["secret"]) == 16
    assert "reset-1234" not in json.dumps(entry.after)
    staff = accounts.authenticate(db, "staff", "reset-1234")
    with pytest.raises(PermissionDenied):
        accounts.change_secret(db, staff, "iinn", "hijack")


def test_user_names_are_unique_after_trimming_spaces(db, admin):
    with pytest.raises(ValidationFailed) as taken:
        accounts.add_user(db, admin, " staff ", "staff", "pass-1234")
    assert "既に使われています" in taken.value.message_ja
    user = accounts.add_user(db, admin, "  uketsuke  ", "staff", "pass-1234")
    assert user.username == "uketsuke"
    assert accounts.authenticate(db, "uketsuke", "pass-1234").username == "uketsuke"
