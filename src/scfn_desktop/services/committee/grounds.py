"""The 欠格事由 records: what a trainee declared (申告) and what the committee checked (確認),
with the dates that start the 2-year windows and an evidence note.

Records are appended, never edited: the latest of each kind counts, and the history shows
who recorded what and when. A check needs its evidence note (what was looked at); a
declaration may have none. Confirming declarations in bulk records, for each trainee who
declared and has no check yet, a check equal to the declaration with the evidence given.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.committee import GROUND_RECORD_KINDS, DisqualificationRecord
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.disqualification import Grounds
from scfn_desktop.services import audit
from scfn_desktop.services.committee.facts import grounds_of
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require

MAX_EVIDENCE = 2000


def _values(g: Grounds) -> dict[str, object]:
    return {"mental_impairment": g.mental_impairment,
            "immigration_penalty_ended_on": g.immigration_penalty_ended_on,
            "immigration_penalty_pending": g.immigration_penalty_pending,
            "imprisonment_ended_on": g.imprisonment_ended_on,
            "imprisonment_pending": g.imprisonment_pending, "revoked_on": g.revoked_on}


def _check(kind: str, grounds: Grounds, evidence: str, today: date) -> str:
    if kind not in GROUND_RECORD_KINDS:
        raise ValidationFailed(f"記録の種類「{kind}」は使えません（declared / checked）。",
                               f"Unknown record kind '{kind}' (declared / checked).")
    evidence = evidence.strip()
    problems: list[tuple[str, str]] = []
    if kind == "checked" and not evidence:
        problems.append(("確認の根拠（確認した書類など）を記入してください。",
                         "Write the evidence of the check (what was looked at)."))
    if len(evidence) > MAX_EVIDENCE:
        problems.append((f"根拠の記入が長すぎます（{MAX_EVIDENCE}文字まで）。",
                         f"The evidence note is too long (at most {MAX_EVIDENCE})."))
    for label_ja, label_en, day in (("②の刑の執行を終えた日", "ground (2) date",
                                     grounds.immigration_penalty_ended_on),
                                    ("③の刑の執行を終えた日", "ground (3) date",
                                     grounds.imprisonment_ended_on),
                                    ("④の取消しの日", "ground (4) date", grounds.revoked_on)):
        if day is not None and day.year < 1950:
            problems.append((f"{label_ja}が正しくありません。", f"The {label_en} is not valid."))
    if grounds.revoked_on is not None and grounds.revoked_on > today:
        problems.append(("④の取消しの日が未来の日付です。", "The ground (4) date is in the future."))
    if problems:
        raise ValidationFailed("\n".join(p[0] for p in problems),
                               "\n".join(p[1] for p in problems), [p[0] for p in problems])
    return evidence


def record_grounds(db: Database, actor: Actor, trainee_id: int, kind: str, grounds: Grounds,
                   evidence: str = "", today: date | None = None) -> int:
    """Append a declaration or a check for one trainee; returns the record's id."""
    require(actor, Permission.RECORD_GROUNDS)
    evidence = _check(kind, grounds, evidence, today or date.today())
    with db.transaction() as s:
        t = s.get(Trainee, trainee_id)
        if t is None:
            raise NotFound(f"受講生（ID {trainee_id}）が見つかりません。",
                           f"No trainee with id {trainee_id}.")
        row = DisqualificationRecord(trainee_id=trainee_id, kind=kind, evidence=evidence,
                                     recorded_by=actor.username, **_values(grounds))
        s.add(row)
        s.flush()
        audit.record(s, actor, f"committee.grounds_{kind}", "trainee", trainee_id, None,
                     {**_values(grounds), "evidence": evidence, "record_id": row.id,
                      "trainee_number": t.trainee_number})
        return row.id


def confirm_declarations(db: Database, actor: Actor, trainee_ids: Sequence[int],
                         evidence: str) -> list[int]:
    """Record, for each given trainee who declared and has no check yet, a check equal to the
    declaration; the others are left alone. Returns the ids of the trainees confirmed."""
    require(actor, Permission.RECORD_GROUNDS)
    evidence = _check("checked", Grounds(), evidence, date.today())
    done = []
    with db.transaction() as s:
        rows = s.scalars(select(DisqualificationRecord)
                         .where(DisqualificationRecord.trainee_id.in_(list(trainee_ids)))
                         .order_by(DisqualificationRecord.id)).all()
        declared: dict[int, DisqualificationRecord] = {}
        checked = set()
        for r in rows:
            if r.kind == "declared":
                declared[r.trainee_id] = r
            else:
                checked.add(r.trainee_id)
        for tid in sorted(set(declared) - checked):
            g = grounds_of(declared[tid])
            row = DisqualificationRecord(trainee_id=tid, kind="checked", evidence=evidence,
                                         recorded_by=actor.username, **_values(g))
            s.add(row)
            s.flush()
            audit.record(s, actor, "committee.grounds_checked", "trainee", tid, None,
                         {**_values(g), "evidence": evidence, "record_id": row.id,
                          "as_declared": True})
            done.append(tid)
    return done
