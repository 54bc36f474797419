"""The roster (受講生名簿): search, detail, edit, and the organisations trainees belong to.

Pages receive plain frozen dataclasses, never ORM objects, so nothing lazy-loads outside a
session and the GUI cannot change a record except through `update_trainee` (validated and
audited). Import and export live in `roster_import` / `roster_export`; field rules in
`roster_fields`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import Organisation, StageRecord, Trainee
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.rules.names import join_name
from scfn_desktop.services import audit
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.roster.fields import FIELD_KEYS, clean_record, search_key
from scfn_desktop.services.roster.prefectures import PREFECTURES
from scfn_desktop.services.runs.training_runs import find_run

# Trainee columns compared by import and edit; organisation/prefecture come from the relation.
TRAINEE_ATTRS = ("trainee_number", "family_name", "given_name", "family_kana", "given_kana",
                 "romaji", "email", "basis", "qualification", "consent_publish_name")

STAGE_STEPS: tuple[tuple[str, str, str], ...] = (
    ("small_test_a_on", "小テスト A", "Small test A"),
    ("small_test_bc_on", "小テスト B・C", "Small test B+C"),
    ("small_test_d1_on", "小テスト D（1回目）", "Small test D (1st)"),
    ("small_test_d2_on", "小テスト D（2回目）", "Small test D (2nd)"),
    ("small_test_e_on", "小テスト E", "Small test E"),
    ("comprehensive_test_on", "総合確認テスト", "Comprehensive test"),
    ("questionnaire_on", "アンケート", "Questionnaire"),
    ("progress_report_on", "課題への取組状況報告", "Progress report"),
    ("final_report_on", "課題レポート", "Final task report"),
    ("admitted_to_stage2_on", "養成課程②受講決定通知書", "Admission notice to stage ②"),
)


@dataclass(frozen=True)
class TraineeRow:
    id: int
    trainee_number: str
    family_name: str
    given_name: str
    family_kana: str
    given_kana: str
    romaji: str
    email: str
    organisation_id: int | None
    organisation: str
    prefecture: str
    run_id: int | None
    run_label: str
    basis: str
    qualification: str
    consent_publish_name: bool

    @property
    def full_name(self) -> str:
        return join_name(self.family_name, self.given_name)

    @property
    def full_kana(self) -> str:
        return join_name(self.family_kana, self.given_kana)


@dataclass(frozen=True)
class StageStep:
    key: str
    label_ja: str
    label_en: str
    on: date | None


@dataclass(frozen=True)
class TraineeDetail:
    trainee: TraineeRow
    stage: tuple[StageStep, ...]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    prefecture: str
    trainee_count: int


def trainee_values(t: Trainee) -> dict[str, Any]:
    """The comparable picture of a trainee (field keys of the import), for diffs and audit."""
    values = {a: getattr(t, a) for a in TRAINEE_ATTRS}
    values["organisation"] = t.organisation.name if t.organisation else ""
    values["prefecture"] = t.organisation.prefecture if t.organisation else ""
    values["run_id"] = t.run_id
    return values


def to_row(t: Trainee) -> TraineeRow:
    org = t.organisation
    return TraineeRow(
        id=t.id, trainee_number=t.trainee_number, family_name=t.family_name,
        given_name=t.given_name, family_kana=t.family_kana, given_kana=t.given_kana,
        romaji=t.romaji, email=t.email, organisation_id=t.organisation_id,
        organisation=org.name if org else "", prefecture=org.prefecture if org else "",
        run_id=t.run_id, run_label=run_label(t.run.fiscal_year, t.run.term) if t.run else "",
        basis=t.basis, qualification=t.qualification,
        consent_publish_name=t.consent_publish_name,
    )


def _trainee_query():  # type: ignore[no-untyped-def]
    return select(Trainee).options(selectinload(Trainee.organisation),
                                   selectinload(Trainee.run))


def find_or_create_organisation(s: Session, actor: Actor, name: str, prefecture: str
                                ) -> tuple[Organisation, bool]:
    """所属機関 are identified by (name, prefecture): the same desk name exists in many places."""
    org = s.scalar(select(Organisation).where(Organisation.name == name,
                                              Organisation.prefecture == prefecture))
    if org is not None:
        return org, False
    org = Organisation(name=name, prefecture=prefecture)
    s.add(org)
    s.flush()
    audit.record(s, actor, "organisation.create", "organisation", org.id, None,
                 {"name": name, "prefecture": prefecture})
    return org, True


def apply_values(s: Session, actor: Actor, t: Trainee, values: dict[str, Any]) -> bool:
    """Copy cleaned values onto `t`; True when the organisation had to be created."""
    created = False
    for attr in TRAINEE_ATTRS:
        if attr in values:
            setattr(t, attr, values[attr])
    if "organisation" in values or "prefecture" in values:
        name = values.get("organisation", t.organisation.name if t.organisation else "")
        pref = values.get("prefecture", t.organisation.prefecture if t.organisation else "")
        org, created = find_or_create_organisation(s, actor, str(name), str(pref))
        t.organisation = org
    if "run_id" in values:
        t.run_id = values["run_id"]
    return created


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that change, as (before, after) dicts for the audit entry."""
    keys = [k for k in after if k in before and before[k] != after[k]]
    return {k: before[k] for k in keys}, {k: after[k] for k in keys}


def list_trainees(db: Database, query: str = "", organisation_id: int | None = None,
                  prefecture: str | None = None, run_id: int | None = None
                  ) -> list[TraineeRow]:
    """Every whitespace-separated word of `query` must match the number, name, kana (hiragana
    and katakana alike) or romaji (any case); filters narrow further. Sorted by number."""
    stmt = _trainee_query().order_by(Trainee.trainee_number)
    if organisation_id is not None:
        stmt = stmt.where(Trainee.organisation_id == organisation_id)
    if run_id is not None:
        stmt = stmt.where(Trainee.run_id == run_id)
    if prefecture:
        stmt = stmt.join(Trainee.organisation).where(Organisation.prefecture == prefecture)
    words = [key for key in (search_key(w) for w in query.split()) if key]
    with db.session() as s:
        rows = [to_row(t) for t in s.scalars(stmt)]
    if not words:
        return rows
    return [r for r in rows if all(w in _haystack(r) for w in words)]


def _haystack(r: TraineeRow) -> str:
    parts = (r.trainee_number, r.family_name + r.given_name, r.family_kana + r.given_kana,
             r.given_name + r.family_name, r.given_kana + r.family_kana, r.romaji)
    return "\n".join(search_key(p) for p in parts)


def get_trainee(db: Database, trainee_id: int) -> TraineeDetail:
    with db.session() as s:
        t = s.scalar(_trainee_query().options(selectinload(Trainee.stage_record))
                     .where(Trainee.id == trainee_id))
        if t is None:
            raise NotFound(f"受講生（ID {trainee_id}）が見つかりません。",
                           f"No trainee with id {trainee_id}.")
        return _detail(t)


def find_trainee_id(db: Database, trainee_number: str) -> int | None:
    """The id for a 受講番号 (as typed: full-width digits are accepted)."""
    values, _ = clean_record({"trainee_number": trainee_number}, required=False)
    with db.session() as s:
        return s.scalar(select(Trainee.id).where(
            Trainee.trainee_number == values["trainee_number"]))


def _detail(t: Trainee) -> TraineeDetail:
    rec: StageRecord | None = t.stage_record
    stage = tuple(StageStep(k, ja, en, getattr(rec, k) if rec else None)
                  for k, ja, en in STAGE_STEPS)
    return TraineeDetail(to_row(t), stage, t.created_at, t.updated_at)


def update_trainee(db: Database, actor: Actor, trainee_id: int,
                   changes: dict[str, Any]) -> TraineeDetail:
    """Edit one trainee from the edit dialog: same validation as the import, audited with the
    changed fields before/after. Keys are the import's field keys (plus `run_id`)."""
    require(actor, Permission.EDIT_ROSTER)
    unknown = sorted(set(changes) - set(FIELD_KEYS) - {"run_id"})
    if unknown:
        raise ValidationFailed(f"変更できない項目です: {', '.join(unknown)}",
                               f"Fields that cannot be changed: {', '.join(unknown)}")
    with db.transaction() as s:
        t = s.scalar(_trainee_query().options(selectinload(Trainee.stage_record))
                     .where(Trainee.id == trainee_id))
        if t is None:
            raise NotFound(f"受講生（ID {trainee_id}）が見つかりません。",
                           f"No trainee with id {trainee_id}.")
        before = trainee_values(t)
        merged = {k: v for k, v in before.items() if k in FIELD_KEYS}
        merged.update({k: v for k, v in changes.items() if k != "run_id"})
        values, problems = clean_record(merged)
        if "run_id" in changes:
            values["run_id"] = _check_run(s, changes["run_id"])
        if problems:
            raise ValidationFailed("入力内容に誤りがあります。\n" + "\n".join(
                p.message_ja for p in problems), "The input has errors.\n" + "\n".join(
                p.message_en for p in problems), [p.message_ja for p in problems])
        if values["trainee_number"] != t.trainee_number and s.scalar(
                select(Trainee.id).where(Trainee.trainee_number == values["trainee_number"])):
            raise ValidationFailed(
                f"受講番号 {values['trainee_number']} は既に使われています。",
                f"Trainee number {values['trainee_number']} is already in use.")
        old, new = diff(before, {**before, **values})
        if old or new:
            apply_values(s, actor, t, values)
            s.flush()
            audit.record(s, actor, "trainee.update", "trainee", t.id, old, new)
        return _detail(t)


def _check_run(s: Session, run_id: object) -> int | None:
    if run_id is None:
        return None
    return find_run(s, run_id).id


def list_organisations(db: Database, prefecture: str | None = None) -> list[OrganisationRow]:
    with db.session() as s:
        stmt = select(Organisation).options(selectinload(Organisation.trainees)).order_by(
            Organisation.prefecture, Organisation.name)
        if prefecture:
            stmt = stmt.where(Organisation.prefecture == prefecture)
        return [OrganisationRow(o.id, o.name, o.prefecture, len(o.trainees))
                for o in s.scalars(stmt)]


def list_prefectures_in_use(db: Database) -> list[str]:
    """Prefectures of organisations that have trainees, in JIS code order (north to south)."""
    with db.session() as s:
        used = set(s.scalars(select(Organisation.prefecture).join(Organisation.trainees)))
    return [p for p in PREFECTURES if p in used] + sorted(used - set(PREFECTURES))
