"""Discussion groups (グループ) of 養成課程②: a person moves a trainee to another group, or
names the groups the secretariat's own way; every change is audited.

The first badge print fills the gaps automatically (`badges.assign_groups`: about six a group,
one organisation spread over the groups); this is how the secretariat or the venue staff
change that. A new group shows on the board at once and on the badge when it is printed again.
The badge's signed code does not name the group, so the badge already printed still checks in.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.attendance import DiscussionGroup
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.names import join_name
from scfn_desktop.services import audit
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require

LABEL_LIMIT = DiscussionGroup.label.type.length


@dataclass(frozen=True)
class GroupChange:
    number: str
    name: str
    before: str | None  # None: the trainee had no group yet
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def clean_label(label: str) -> str:
    """The label as stored: NFKC (full-width Ａ is A), spaces trimmed; refused when empty,
    too long or holding control characters (it is printed on a badge and exported)."""
    label = unicodedata.normalize("NFKC", label).strip()
    if not label:
        raise ValidationFailed("グループ名を入力してください。", "Enter a group name.")
    if len(label) > LABEL_LIMIT:
        raise ValidationFailed(f"グループ名が長すぎます（{LABEL_LIMIT}文字まで）。",
                               f"The group name is too long (at most {LABEL_LIMIT} characters).")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in label):
        raise ValidationFailed("グループ名に使えない文字（制御文字）が含まれています。",
                               "The group name contains a control character.")
    return label


def group_labels(db: Database, run_id: int) -> list[str]:
    """The run's groups in their natural order (A, B … Z, AA; then names)."""
    with db.session() as s:
        labels = s.scalars(select(DiscussionGroup.label).distinct()
                           .join(Trainee, Trainee.id == DiscussionGroup.trainee_id)
                           .where(Trainee.run_id == run_id)).all()
    return sorted(labels, key=lambda g: (len(g), g))


def set_group(db: Database, actor: Actor, trainee_number: str, label: str) -> GroupChange:
    """Put one trainee in group `label` (one action, one transaction, audited when it changes
    anything)."""
    require(actor, Permission.PRINT_BADGES)
    label = clean_label(label)
    with db.transaction() as s:
        trainee = s.scalar(select(Trainee).where(Trainee.trainee_number == trainee_number))
        if trainee is None or trainee.run_id is None:
            raise NotFound(f"受講番号 {trainee_number} の受講生が見つかりません。",
                           f"No trainee with number {trainee_number}.")
        row = s.get(DiscussionGroup, trainee.id)
        before = row.label if row is not None else None
        change = GroupChange(trainee_number, join_name(trainee.family_name, trainee.given_name),
                             before, label)
        if not change.changed:
            return change
        if row is None:
            s.add(DiscussionGroup(trainee_id=trainee.id, label=label,
                                  assigned_by=actor.username[:60]))
        else:
            row.label, row.assigned_at, row.assigned_by = label, utcnow(), actor.username[:60]
        s.flush()
        audit.record(s, actor, "attendance.set_group", "trainee", trainee.id,
                     {"group": before}, {"group": label})
    return change
