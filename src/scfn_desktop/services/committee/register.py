"""The 認定者名簿 (register of certified persons) and the public 所属機関リスト, as rows.

The register lists every certificate with its holder, 認証日, validity and status on a given day
(valid / expired / revoked). The 所属機関リスト is what is published (002 §(3), 000 §第2 7):
organisations with currently valid certified coordinators, how many, and the names of only
those who consented to publication — never anyone else's name.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from scfn_desktop.db import Database
from scfn_desktop.db.models.certificates import Certificate
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.fiscal import run_label
from scfn_desktop.services.committee.facts import certificate_view
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.roster.prefectures import PREFECTURES

SORT_KEYS = ("number", "name", "organisation", "certified_on", "valid_until")
STATUS_FILTERS = ("valid", "expired", "revoked")


@dataclass(frozen=True)
class RegisterRow:
    id: int
    certificate_number: str
    trainee_number: str
    name: str
    name_kana: str
    organisation: str
    prefecture: str
    certified_on: date
    valid_until: date
    status: str
    revoked_on: date | None
    training_run: str
    consent_publish_name: bool

    def to_json(self) -> dict[str, object]:
        return {"certificate_number": self.certificate_number,
                "trainee_number": self.trainee_number, "name": self.name,
                "name_kana": self.name_kana, "organisation": self.organisation,
                "prefecture": self.prefecture, "certified_on": self.certified_on.isoformat(),
                "valid_until": self.valid_until.isoformat(), "status": self.status,
                "revoked_on": self.revoked_on.isoformat() if self.revoked_on else None,
                "training_run": self.training_run}


@dataclass(frozen=True)
class OrganisationRow:
    organisation: str
    prefecture: str
    certified_coordinators: int
    published_names: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {"organisation": self.organisation, "prefecture": self.prefecture,
                "certified_coordinators": self.certified_coordinators,
                "published_names": list(self.published_names)}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace(" ", "").replace("　", "")


def register_rows(db: Database, on: date | None = None, status: str | None = None,
                  run_id: int | None = None, query: str = "", sort: str = "number"
                  ) -> list[RegisterRow]:
    """Every certificate (filtered by status on ``on``, run and a search text), sorted."""
    if status is not None and status not in STATUS_FILTERS:
        raise ValidationFailed(f"状態「{status}」は使えません（{', '.join(STATUS_FILTERS)}）。",
                               f"Unknown status '{status}' ({', '.join(STATUS_FILTERS)}).")
    if sort not in SORT_KEYS:
        raise ValidationFailed(f"並べ替え「{sort}」は使えません（{', '.join(SORT_KEYS)}）。",
                               f"Unknown sort '{sort}' ({', '.join(SORT_KEYS)}).")
    on = on or date.today()
    with db.session() as s:
        stmt = (select(Certificate, Trainee)
                .join(Trainee, Trainee.id == Certificate.trainee_id)
                .options(selectinload(Certificate.revocation),
                         selectinload(Trainee.organisation), selectinload(Trainee.run)))
        if run_id is not None:
            stmt = stmt.where(Trainee.run_id == run_id)
        rows = []
        for cert, t in s.execute(stmt):
            view = certificate_view(cert, on)
            org = t.organisation
            run = t.run
            rows.append(RegisterRow(
                cert.id, cert.number, t.trainee_number, t.full_name, t.full_kana,
                org.name if org else "", org.prefecture if org else "", cert.certified_on,
                cert.valid_until, view.status, view.revoked_on,
                run_label(run.fiscal_year, run.term) if run else "", t.consent_publish_name))
    if status is not None:
        rows = [r for r in rows if r.status == status]
    needle = _fold(query)
    if needle:
        rows = [r for r in rows if needle in _fold(" ".join(
            (r.certificate_number, r.trainee_number, r.name, r.name_kana, r.organisation,
             r.prefecture)))]
    keys = {"number": lambda r: (r.certificate_number,),
            "name": lambda r: (r.name_kana or r.name, r.certificate_number),
            "organisation": lambda r: (r.organisation, r.certificate_number),
            "certified_on": lambda r: (r.certified_on, r.certificate_number),
            "valid_until": lambda r: (r.valid_until, r.certificate_number)}
    # Year then serial order: SCFN-2025-00010 after SCFN-2025-00009 as text already, since the
    # serial has a fixed minimum width; longer serials (>99999) sort after by length first.
    if sort == "number":
        return sorted(rows, key=lambda r: (len(r.certificate_number), r.certificate_number))
    return sorted(rows, key=keys[sort])


def organisation_rows(db: Database, on: date | None = None) -> list[OrganisationRow]:
    """The public list: organisations with valid certificates, in prefecture order."""
    per: dict[tuple[str, str], list[RegisterRow]] = {}
    for r in register_rows(db, on, status="valid"):
        if not r.organisation:  # nothing to publish for a person without an organisation
            continue
        per.setdefault((r.organisation, r.prefecture), []).append(r)
    order = {p: i for i, p in enumerate(PREFECTURES)}
    out = [OrganisationRow(org, pref, len(people),
                           tuple(sorted(p.name for p in people if p.consent_publish_name)))
           for (org, pref), people in per.items()]
    return sorted(out, key=lambda o: (order.get(o.prefecture, len(order)), o.organisation))
