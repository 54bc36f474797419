"""Badges: revisions, discussion groups, printing and reissue.

A badge's token names the run (fiscal year, term), the trainee number and the badge revision,
signed with this station's key (services.keys); the station's public key is registered so every
desk can verify it (services.attendance.trust). Printing issues revision 1 to whoever has no
badge yet and reprints the current revision for the others; a reissue (lost badge, 再交付)
adds the next revision, which makes every older badge of that trainee "superseded" at the desk.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scfn_desktop.credentials import BadgeClaims, issue_badge
from scfn_desktop.db import Database
from scfn_desktop.db.models.attendance import Badge, DiscussionGroup
from scfn_desktop.db.models.roster import Organisation, Trainee
from scfn_desktop.printing.badges import LAYOUTS, BadgeFace, iter_badges
from scfn_desktop.rules.names import join_name
from scfn_desktop.services import audit, keys
from scfn_desktop.services.attendance.schedule import RunInfo, load_run
from scfn_desktop.services.attendance.trust import register_signing_key
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.files import write_pdf
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen

GROUP_SIZE = 6
REASON_LIMIT = Badge.reason.type.length


@dataclass(frozen=True)
class IssuedBadge:
    trainee_id: int
    run_id: int
    number: str
    name: str
    revision: int
    token: str


def group_label(index: int) -> str:
    """A, B, ... Z, AA, AB ... (spreadsheet style)."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def assign_groups(s: Session, actor: Actor, run_id: int, size: int = GROUP_SIZE) -> int:
    """Give every trainee of the run without a discussion group one (returns how many).

    The seeds leave group making to the secretariat; this fills the gaps so a badge always
    shows a group: about `size` per group, people of one organisation spread over the groups
    (sorted by organisation, dealt round-robin to the smallest groups first).
    """
    people = s.execute(select(Trainee.id, Trainee.trainee_number, Trainee.organisation_id,
                              DiscussionGroup.label)
                       .outerjoin(DiscussionGroup, DiscussionGroup.trainee_id == Trainee.id)
                       .where(Trainee.run_id == run_id)).all()
    missing = sorted((p for p in people if p.label is None),
                     key=lambda p: (p.organisation_id or 0, p.trainee_number))
    if not missing:
        return 0
    count = max(1, math.ceil(len(people) / size))
    sizes = {group_label(i): 0 for i in range(count)}
    for p in people:
        if p.label is not None:
            sizes[p.label] = sizes.get(p.label, 0) + 1
    order = sorted(sizes, key=lambda g: (sizes[g], len(g), g))
    assigned: dict[str, str] = {}
    for i, p in enumerate(missing):
        if i % len(order) == 0 and i:
            order = sorted(sizes, key=lambda g: (sizes[g], len(g), g))
        label = order[i % len(order)]
        sizes[label] += 1
        s.add(DiscussionGroup(trainee_id=p.id, label=label, assigned_by=actor.username[:60]))
        assigned[p.trainee_number] = label
    s.flush()
    audit.record(s, actor, "attendance.assign_groups", "training_run", run_id, None,
                 {"groups": assigned})
    return len(assigned)


def _people(s: Session, run_id: int, numbers: Sequence[str] | None) -> list:
    stmt = (select(Trainee, Organisation.name.label("organisation"),
                   DiscussionGroup.label.label("group"))
            .outerjoin(Organisation, Organisation.id == Trainee.organisation_id)
            .outerjoin(DiscussionGroup, DiscussionGroup.trainee_id == Trainee.id)
            .where(Trainee.run_id == run_id).order_by(Trainee.trainee_number))
    rows = s.execute(stmt).all()
    if numbers is None:
        return rows
    wanted = set(numbers)
    found = [r for r in rows if r.Trainee.trainee_number in wanted]
    unknown = sorted(wanted - {r.Trainee.trainee_number for r in found})
    if unknown:
        raise ValidationFailed(f"この養成研修の名簿にない受講番号: {', '.join(unknown[:10])}",
                               f"Not on this run's roster: {', '.join(unknown[:10])}")
    return found


def _revisions(s: Session, trainee_ids: Sequence[int]) -> dict[int, int]:
    if not trainee_ids:
        return {}
    return dict(s.execute(select(Badge.trainee_id, func.max(Badge.revision))
                          .where(Badge.trainee_id.in_(trainee_ids))
                          .group_by(Badge.trainee_id)).all())


def prepare_badges(db: Database, actor: Actor, run_id: int,
                   numbers: Sequence[str] | None = None) -> list[BadgeFace]:
    """Issue revision 1 where missing, assign missing groups, and sign every face (one
    transaction). `numbers` selects trainees; None means the whole run."""
    require(actor, Permission.PRINT_BADGES)
    key = keys.station_key()
    with db.transaction() as s:
        run = load_run(s, run_id)
        register_signing_key(s, actor, key)
        assign_groups(s, actor, run_id)
        people = _people(s, run_id, numbers)
        if not people:
            raise ValidationFailed(f"{run.label} に受講生がいません。",
                                   f"{run.label} has no trainees.")
        revisions = _revisions(s, [p.Trainee.id for p in people])
        new = [p.Trainee for p in people if p.Trainee.id not in revisions]
        for t in new:
            s.add(Badge(trainee_id=t.id, revision=1, issued_by=actor.username[:60],
                        reason="初回発行"))
            revisions[t.id] = 1
        s.flush()
        audit.record(s, actor, "badge.print", "training_run", run_id, None, {
            "count": len(people), "issued": [t.trainee_number for t in new]})
        return [_face(run, p, revisions[p.Trainee.id], key) for p in people]


def _face(run: RunInfo, row, revision: int, key) -> BadgeFace:  # type: ignore[no-untyped-def]
    t: Trainee = row.Trainee
    token = issue_badge(key, BadgeClaims(run.fiscal_year, run.term, t.trainee_number, revision))
    return BadgeFace(name=join_name(t.family_name, t.given_name),
                     kana=join_name(t.family_kana, t.given_kana), romaji=t.romaji,
                     organisation=row.organisation or "", number=t.trainee_number,
                     group=row.group or "", token=token, revision=revision,
                     run_label=run.label)


def print_badges(db: Database, actor: Actor, run_id: int, out: str | Path,
                 layout: str = "a4-10", numbers: Sequence[str] | None = None
                 ) -> ProgressGen[int]:
    """Write the badges PDF (yields per page, returns the page count); written beside `out`
    and renamed at the end, so a cancelled run never leaves half a PDF to print."""
    if layout not in LAYOUTS:
        raise ValidationFailed(f"レイアウト「{layout}」は使えません（{', '.join(LAYOUTS)}）。",
                               f"Unknown layout '{layout}' ({', '.join(LAYOUTS)}).")
    faces = prepare_badges(db, actor, run_id, numbers)
    yield Progress(0, 0, "バッジを作成中", "Rendering badges")
    return (yield from write_pdf(Path(out), lambda part: iter_badges(part, faces, layout),
                                 "バッジを作成中", "Rendering badges"))


def reissue_badge(db: Database, actor: Actor, trainee_number: str, reason: str = "紛失"
                  ) -> IssuedBadge:
    """再交付: the next revision for the trainee; every older badge is refused from now on."""
    require(actor, Permission.PRINT_BADGES)
    reason = " ".join(reason.split()) or "紛失"
    if len(reason) > REASON_LIMIT:
        raise ValidationFailed(f"理由が長すぎます（{REASON_LIMIT}文字まで）。",
                               f"The reason is too long (at most {REASON_LIMIT} characters).")
    key = keys.station_key()
    with db.transaction() as s:
        trainee = s.scalar(select(Trainee).where(Trainee.trainee_number == trainee_number))
        if trainee is None or trainee.run_id is None:
            raise NotFound(f"受講番号 {trainee_number} の受講生が見つかりません。",
                           f"No trainee with number {trainee_number}.")
        run = load_run(s, trainee.run_id)
        register_signing_key(s, actor, key)
        current = _revisions(s, [trainee.id]).get(trainee.id, 0)
        revision = current + 1
        s.add(Badge(trainee_id=trainee.id, revision=revision, issued_by=actor.username[:60],
                    reason=reason))
        s.flush()
        audit.record(s, actor, "badge.reissue", "trainee", trainee.id, {"revision": current},
                     {"revision": revision, "reason": reason})
        token = issue_badge(key, BadgeClaims(run.fiscal_year, run.term, trainee_number,
                                             revision))
        return IssuedBadge(trainee.id, run.id, trainee_number,
                           join_name(trainee.family_name, trainee.given_name), revision, token)
