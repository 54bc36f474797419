"""Who may do what. Roles are data; pages and services ask `allowed()` / `require()`.

The table is deliberately explicit (no role hierarchy) so an auditor can read it as is.

The committee's acts are the committee's alone: holding a meeting and deciding (修了認定) need
the committee role, and the administrator (the secretariat, 事務局) does not get them. The
secretariat's acts are the administrator's alone: recording the agency's 認証 and a revocation
(取消). Result notices go to the committee and the secretariat, not to venue staff: a notice
states why a person failed, which staff at the reception desk have no need to read.

Venue check-in (受付): venue staff check trainees in and record an override of a 60-minute
refusal (the rulebook: a staff member records the unavoidable cause). Accepting an excused
absence (やむを得ない事情による欠席, which opens the retake exemption) and excluding a disruptive
trainee (受講継続不可) are the secretariat's (事務局) judgement, so they are a permission of their
own, DECIDE_ATTENDANCE, given to the administrator role only; the committee may view the board.

Certificate cards (認定証): issuing, reissuing and renewing a card signs it with the issuer's
key, the secretariat's act (ISSUE_CARDS, administrator); so is looking after the issuer keys
(MANAGE_ISSUER_KEYS: create, rotate, import a public key). Printing cards already issued,
their photos and the printer calibration are PRINT_CARDS, also given to venue staff ("staff
printing ID cards"). Anyone logged in may check a card (VERIFY_CARDS): checking reveals only
what the card itself prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from scfn_desktop.services.errors import PermissionDenied


class Permission(StrEnum):
    VIEW_ROSTER = "view_roster"
    EDIT_ROSTER = "edit_roster"
    IMPORT_ROSTER = "import_roster"
    EXPORT_ROSTER = "export_roster"
    VIEW_RUNS = "view_runs"
    MANAGE_RUNS = "manage_runs"
    CHECK_IN = "check_in"
    OVERRIDE_LATENESS = "override_lateness"
    DECIDE_ATTENDANCE = "decide_attendance"
    VIEW_ATTENDANCE = "view_attendance"
    PRINT_BADGES = "print_badges"
    MANAGE_EXAMS = "manage_exams"
    PRINT_SHEETS = "print_sheets"
    SCAN_SHEETS = "scan_sheets"
    REVIEW_MARKS = "review_marks"
    VIEW_RESULTS = "view_results"
    COMMITTEE_DECIDE = "committee_decide"
    VIEW_COMMITTEE = "view_committee"
    MANAGE_MEETINGS = "manage_meetings"
    RECORD_GROUNDS = "record_grounds"
    RECORD_CERTIFICATION = "record_certification"
    PRINT_NOTICES = "print_notices"
    EXPORT_REGISTER = "export_register"
    MANAGE_USERS = "manage_users"
    VERIFY_AUDIT = "verify_audit"
    LOAD_DEMO = "load_demo"
    MANAGE_BACKUPS = "manage_backups"  # back up now, restore, automatic backup settings
    ISSUE_CARDS = "issue_cards"  # issue, reissue, renew (signs); revocation lists, Open Badges
    PRINT_CARDS = "print_cards"  # print issued cards, photos, calibration
    VERIFY_CARDS = "verify_cards"
    MANAGE_ISSUER_KEYS = "manage_issuer_keys"  # create, rotate, import public keys


ROLE_LABELS: dict[str, tuple[str, str]] = {
    "admin": ("管理者", "Administrator"),
    "staff": ("会場スタッフ", "Venue staff"),
    "proctor": ("試験監督", "Exam proctor"),
    "committee": ("認定審査委員", "Committee member"),
}

# Decided by the committee in its meeting, never by the secretariat (see the module docstring).
COMMITTEE_ONLY = frozenset({Permission.COMMITTEE_DECIDE, Permission.MANAGE_MEETINGS})

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "admin": frozenset(Permission) - COMMITTEE_ONLY,
    "staff": frozenset(
        {
            Permission.VIEW_ROSTER,
            Permission.EDIT_ROSTER,
            Permission.IMPORT_ROSTER,
            Permission.EXPORT_ROSTER,
            Permission.VIEW_RUNS,
            Permission.CHECK_IN,
            Permission.OVERRIDE_LATENESS,
            Permission.VIEW_ATTENDANCE,
            Permission.PRINT_BADGES,
            Permission.PRINT_CARDS,
            Permission.VERIFY_CARDS,
        }
    ),
    "proctor": frozenset(
        {
            Permission.VIEW_ROSTER,
            Permission.PRINT_SHEETS,
            Permission.SCAN_SHEETS,
            Permission.REVIEW_MARKS,
            Permission.VIEW_RESULTS,
            Permission.VERIFY_CARDS,
        }
    ),
    "committee": frozenset(
        {
            Permission.VIEW_ROSTER,
            Permission.EXPORT_ROSTER,
            Permission.VIEW_RUNS,
            Permission.MANAGE_EXAMS,
            Permission.VIEW_RESULTS,
            Permission.COMMITTEE_DECIDE,
            Permission.VIEW_COMMITTEE,
            Permission.MANAGE_MEETINGS,
            Permission.RECORD_GROUNDS,
            Permission.PRINT_NOTICES,
            Permission.EXPORT_REGISTER,
            Permission.VERIFY_AUDIT,
            Permission.VIEW_ATTENDANCE,
            Permission.VERIFY_CARDS,
        }
    ),
}


@dataclass(frozen=True)
class Actor:
    """The person acting: written into every audit entry."""

    username: str
    role: str
    user_id: int | None = None
    display_name: str = ""

    def can(self, permission: Permission) -> bool:
        return allowed(self.role, permission)


SYSTEM = Actor(username="system", role="admin")


def allowed(role: str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        ja, en = ROLE_LABELS.get(actor.role, (actor.role, actor.role))
        raise PermissionDenied(
            f"この操作（{permission.value}）は権限「{ja}」では実行できません。",
            f"The role '{en}' may not perform '{permission.value}'.",
        )
