"""The status of every card (認定証), and the renewal reminders.

One row per card revision, plus one per certificate still without a card, with the status on
a given day, in the verifier's precedence (revoked, superseded, expired, valid): a revoked
certificate withdraws every revision, a lower revision is superseded once a higher one
exists, the validity printed on the card decides expiry. "Expiring" is a valid current card
whose validity ends within N months: the people to remind of the 認証更新研修.

Reading only; the reminder export goes through the shared writer (`services/exports.py`,
formula-safe) and is audited, since it carries names and e-mail addresses.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from scfn_desktop.db import Database
from scfn_desktop.db.models.certificates import Certificate, CertificatePhoto
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.rules.dates import add_months, format_date_ja
from scfn_desktop.rules.names import join_name
from scfn_desktop.services import audit
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.exports import Table, csv_bytes, xlsx_bytes
from scfn_desktop.services.permissions import Actor, Permission, require

STATUSES: dict[str, tuple[str, str]] = {
    "not_issued": ("未交付", "not issued"),
    "valid": ("有効", "valid"),
    "expired": ("有効期限切れ", "expired"),
    "revoked": ("取消済み", "revoked"),
    "superseded": ("旧版（再交付済み）", "superseded"),
}
FILTERS = ("valid", "expiring", "expired", "revoked", "superseded", "not_issued")
DEFAULT_MONTHS = 6
REMINDER_FORMATS = ("xlsx", "csv")
REMINDER_HEADER = ("認定番号", "受講番号", "氏名", "ローマ字", "所属機関", "メールアドレス",
                   "有効期限", "残り日数", "版")


@dataclass(frozen=True)
class CardRow:
    certificate_id: int
    number: str
    revision: int  # 0: no card yet
    trainee_number: str
    name: str  # as printed on this card (the roster's name when there is no card)
    name_romaji: str
    organisation: str
    email: str
    certified_on: date
    valid_until: date  # as printed on this card (the certificate's when there is no card)
    status: str
    expiring: bool
    current: bool  # the latest revision (or the certificate without a card)
    kind: str  # issue / reissue / renewal / "" (no card)
    reason: str
    issued_at: datetime | None
    withdrawn_on: date | None  # revoked on, or the day the next revision was issued
    withdrawal_reason: str
    has_photo: bool

    @property
    def days_left(self) -> int:
        return (self.valid_until - date.today()).days

    def to_json(self) -> dict[str, object]:
        plain = asdict(self)
        for key in ("certified_on", "valid_until", "withdrawn_on"):
            plain[key] = plain[key].isoformat() if plain[key] else None
        plain["issued_at"] = self.issued_at.isoformat() + "Z" if self.issued_at else None
        return plain


def card_rows(db: Database, on: date | None = None, status: str | None = None,
              months: int = DEFAULT_MONTHS, query: str = "", run_id: int | None = None
              ) -> list[CardRow]:
    """Every card and every certificate without one, filtered (`FILTERS`), by number."""
    if status is not None and status not in FILTERS:
        raise ValidationFailed(f"状態「{status}」は使えません（{', '.join(FILTERS)}）。",
                               f"Unknown status '{status}' ({', '.join(FILTERS)}).")
    if not 1 <= months <= 36:
        raise ValidationFailed("月数は1〜36にしてください。", "Months must be 1-36.")
    day = on or date.today()
    soon = add_months(day, months)
    rows: list[CardRow] = []
    with db.session() as s:
        stmt = (select(Certificate).join(Trainee, Trainee.id == Certificate.trainee_id)
                .options(selectinload(Certificate.cards), selectinload(Certificate.revocation),
                         selectinload(Certificate.trainee).selectinload(Trainee.organisation))
                .order_by(Certificate.year, Certificate.serial))
        if run_id is not None:
            stmt = stmt.where(Trainee.run_id == run_id)
        certs = list(s.scalars(stmt))
        photos = set(s.scalars(select(CertificatePhoto.certificate_id)))
        for cert in certs:
            rows += _rows_of(cert, day, soon, cert.id in photos)
    if status == "expiring":
        rows = [r for r in rows if r.expiring]
    elif status is not None:
        rows = [r for r in rows if r.status == status]
    needle = _fold(query)
    if needle:
        rows = [r for r in rows if needle in _fold(" ".join(
            (r.number, r.trainee_number, r.name, r.name_romaji, r.organisation)))]
    return rows


def _rows_of(cert: Certificate, day: date, soon: date, has_photo: bool) -> list[CardRow]:
    t = cert.trainee
    org = t.organisation.name if t.organisation else ""
    revoked = cert.revocation if cert.revocation and cert.revocation.revoked_on <= day else None
    common = dict(certificate_id=cert.id, number=cert.number, trainee_number=t.trainee_number,
                  organisation=org, email=t.email, certified_on=cert.certified_on,
                  has_photo=has_photo)
    if not cert.cards:
        status = "revoked" if revoked else "expired" if cert.valid_until < day else "not_issued"
        return [CardRow(**common, revision=0, name=join_name(t.family_name, t.given_name),
                        name_romaji=t.romaji, valid_until=cert.valid_until, status=status,
                        expiring=False, current=True, kind="", reason="", issued_at=None,
                        withdrawn_on=revoked.revoked_on if revoked else None,
                        withdrawal_reason=revoked.reason if revoked else "")]
    out = []
    cards = sorted(cert.cards, key=lambda c: c.revision)
    for card, newer in zip(cards, [*cards[1:], None], strict=True):
        withdrawn_on, why = None, ""
        if revoked:
            status, withdrawn_on, why = "revoked", revoked.revoked_on, revoked.reason
        elif newer is not None:
            status, withdrawn_on = "superseded", newer.issued_at.date()
            why = f"第{newer.revision}版を{_kind_ja(newer.kind)}（{newer.reason}）"
        elif card.valid_until < day:
            status = "expired"
        else:
            status = "valid"
        out.append(CardRow(
            **common, revision=card.revision, name=card.name_kanji or card.name_romaji,
            name_romaji=card.name_romaji, valid_until=card.valid_until, status=status,
            expiring=status == "valid" and card.valid_until <= soon, current=newer is None,
            kind=card.kind, reason=card.reason, issued_at=card.issued_at,
            withdrawn_on=withdrawn_on, withdrawal_reason=why))
    return out


def _kind_ja(kind: str) -> str:
    return {"reissue": "再交付", "renewal": "更新"}.get(kind, "交付")


def reminder_rows(db: Database, on: date | None = None, months: int = DEFAULT_MONTHS
                  ) -> list[CardRow]:
    """Certificates whose current card expires within `months` (the 認証更新研修 reminders),
    soonest first."""
    rows = card_rows(db, on, "expiring", months)
    return sorted(rows, key=lambda r: (r.valid_until, r.number))


def export_reminders(db: Database, actor: Actor, fmt: str, on: date | None = None,
                     months: int = DEFAULT_MONTHS, encoding: str = "utf-8-sig"
                     ) -> tuple[bytes, int]:
    """The renewal reminders as xlsx or CSV (formula-looking names neutralised); audited."""
    require(actor, Permission.ISSUE_CARDS)
    if fmt not in REMINDER_FORMATS:
        raise ValidationFailed(f"形式「{fmt}」には対応していません（{', '.join(REMINDER_FORMATS)}）。",
                               f"Unknown format '{fmt}' ({', '.join(REMINDER_FORMATS)}).")
    day = on or date.today()
    rows = reminder_rows(db, day, months)
    table = Table(f"更新のお知らせ（{months}か月以内）", REMINDER_HEADER,
                  [(r.number, r.trainee_number, r.name, r.name_romaji, r.organisation, r.email,
                    format_date_ja(r.valid_until), (r.valid_until - day).days, r.revision)
                   for r in rows],
                  text_columns=frozenset({0, 1}), widths=(18, 10, 18, 22, 28, 30, 16, 9, 5))
    data = xlsx_bytes([table]) if fmt == "xlsx" else csv_bytes(table, encoding).data
    with db.transaction() as s:
        audit.record(s, actor, "card.export_reminders", "certificate_cards", "", None,
                     {"format": fmt, "count": len(rows), "months": months,
                      "as_of": day.isoformat()})
    return data, len(rows)


def rows_json(rows: list[CardRow], on: date) -> str:
    return json.dumps({"format": "scfn-cards", "version": 1, "as_of": on.isoformat(),
                       "cards": [r.to_json() for r in rows]}, ensure_ascii=False, indent=2)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace(" ", "").replace("　", "")
