"""What leaves the issuing PC for verifiers: the signed revocation list, the standalone HTML
verifier (the issuer's public keys and the latest list inside one file) and the Open Badges 3.0
credentials (one VC-JWT file per certified person).

The revocation list is computed from the register every time: a `revoked` entry for every
revoked certificate (the committee's one revocation record) and a `superseded` entry for every
certificate whose latest card revision is above 1 (a reissue or a renewal replaced the lower
ones). Its reasons are the category only (認定の取消, 再交付, 更新): the list is public, the
written reason of a revocation stays in the register.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from scfn_desktop.credentials import (
    CertifiedPerson,
    CredentialError,
    RevocationEntry,
    RevocationList,
    RevocationStatus,
    issue_open_badge,
    parse_certificate_number,
    sign_revocation_list,
    write_verifier_html,
)
from scfn_desktop.credentials.card_verdict import JAPAN
from scfn_desktop.credentials.revocation import MAX_REASON_CHARS
from scfn_desktop.db import Database
from scfn_desktop.db.models.certificates import Certificate
from scfn_desktop.services import audit
from scfn_desktop.services.certificates.cards import parse_numbers
from scfn_desktop.services.certificates.issuer_keys import keyring
from scfn_desktop.services.errors import ServiceError, ValidationFailed
from scfn_desktop.services.exports import write_file
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen

REVOKED_REASON = "認定の取消"
SUPERSEDED_REASONS = {"reissue": "再交付", "renewal": "更新", "issue": "再交付"}


@dataclass(frozen=True)
class BadgeExport:
    folder: Path
    written: tuple[str, ...]  # certificate numbers
    skipped: tuple[tuple[str, str, str], ...]  # (number, reason ja, reason en)


def revocation_entries(s: Session, numbers: Sequence[str] | None = None,
                       public: bool = True) -> list[RevocationEntry]:
    """The list's entries from the register (of `numbers` only, when given). A `public` list
    gives the category only; the in-app check (`public=False`) shows this PC's staff the
    register's own reason, folded to one line."""
    stmt = select(Certificate).options(selectinload(Certificate.cards),
                                       selectinload(Certificate.revocation))
    if numbers is not None:
        stmt = stmt.where(Certificate.number.in_(list(numbers)))
    entries = []
    for cert in s.scalars(stmt):
        number = parse_certificate_number(cert.number)
        latest = max(cert.cards, key=lambda c: c.revision) if cert.cards else None
        if cert.revocation is not None:
            reason = REVOKED_REASON if public else _line(cert.revocation.reason)
            entries.append(RevocationEntry(number, latest.revision if latest else 1,
                                           RevocationStatus.REVOKED,
                                           cert.revocation.revoked_on, reason))
        elif latest is not None and latest.revision > 1:
            kind = SUPERSEDED_REASONS.get(latest.kind, "再交付")
            reason = kind if public else _line(f"{kind}（{latest.reason}）")
            entries.append(RevocationEntry(number, latest.revision, RevocationStatus.SUPERSEDED,
                                           japan_date(latest.issued_at), reason))
    return entries


def register_revocations(db: Database, number: str, now: datetime | None = None
                         ) -> tuple[RevocationList, int | None] | None:
    """What the register knows of one certificate, for verifying its card here: an in-memory
    list (nothing signed: the database is this PC's own record) and the newest revision.
    None when the number is not in this register (a card of another installation)."""
    with db.session() as s:
        cert = s.scalar(select(Certificate).where(Certificate.number == number)
                        .options(selectinload(Certificate.cards)))
        if cert is None:
            return None
        newest = max((c.revision for c in cert.cards), default=None)
        entries = revocation_entries(s, [number], public=False)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return RevocationList(bytes(4), moment, tuple(entries)), newest


def signed_revocation_list(db: Database, actor: Actor, key: Ed25519PrivateKey,
                           now: datetime | None = None) -> tuple[str, int]:
    """The list file's text, signed with the issuer key, and its number of entries; audited
    (what was published, and when, is part of the record)."""
    require(actor, Permission.ISSUE_CARDS)
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    with db.transaction() as s:
        entries = revocation_entries(s)
        text = sign_revocation_list(key, entries, issued_at=moment)
        audit.record(s, actor, "card.export_revocations", "certificate_cards", "", None, {
            "count": len(entries), "issued_at": moment.astimezone(UTC).isoformat(),
            "revoked": sorted(str(e.number) for e in entries
                              if e.status is RevocationStatus.REVOKED)})
    return text, len(entries)


def export_verifier(db: Database, actor: Actor, key: Ed25519PrivateKey, out: str | Path,
                    now: datetime | None = None) -> Path:
    """The standalone HTML verifier with the issuer's own public keys (the signing one and
    every retired one) and a revocation list signed now."""
    text, _count = signed_revocation_list(db, actor, key, now)
    ring = keyring(db, own_only=True)
    try:
        path = write_verifier_html(out, ring, text, generated_at=now)
    except CredentialError as exc:
        raise ServiceError(exc.reason_ja, exc.reason_en) from exc
    except OSError as exc:
        raise ServiceError(f"ファイル「{out}」に書き込めません（{exc.strerror}）。",
                           f"Cannot write the file '{out}' ({exc.strerror}).") from exc
    with db.transaction() as s:
        audit.record(s, actor, "card.export_verifier", "certificate_cards", "", None,
                     {"file": Path(out).name, "keys": [e.key_id.hex() for e in ring]})
    return path


def export_open_badges(db: Database, actor: Actor, key: Ed25519PrivateKey, folder: str | Path,
                       numbers: Sequence[str] | None = None, include_name: bool = False,
                       today: date | None = None) -> ProgressGen[BadgeExport]:
    """One Open Badges 3.0 `OpenBadgeCredential` (VC-JWT, `<number>.jwt`) per certified person
    with a valid current card; the romaji name only hashed unless `include_name`."""
    require(actor, Permission.ISSUE_CARDS)
    day = today or date.today()
    target = Path(folder)
    if not target.is_dir():
        raise ValidationFailed(f"フォルダー {target} がありません。", f"No folder {target}.")
    wanted = parse_numbers(numbers) if numbers is not None else None
    with db.session() as s:
        stmt = (select(Certificate).options(selectinload(Certificate.cards),
                                            selectinload(Certificate.revocation))
                .order_by(Certificate.year, Certificate.serial))
        if wanted is not None:
            stmt = stmt.where(Certificate.number.in_(wanted))
        certs = list(s.scalars(stmt))
        plan, skipped = [], []
        for cert in certs:
            latest = max(cert.cards, key=lambda c: c.revision) if cert.cards else None
            why = ("取り消されています", "revoked") if cert.revocation is not None else \
                ("認定証が未交付です", "no card issued") if latest is None else \
                ("有効期限が切れています", "expired") if latest.valid_until < day else \
                ("ローマ字氏名がありません", "no romaji name") if not latest.name_romaji else None
            if why is None:
                plan.append(CertifiedPerson(parse_certificate_number(cert.number),
                                            latest.revision, latest.certified_on,
                                            latest.valid_until, latest.name_romaji))
            else:
                skipped.append((cert.number, *why))
    written = []
    for done, person in enumerate(plan, start=1):
        jwt = issue_open_badge(key, person, include_name=include_name)
        write_file(target / f"{person.number}.jwt", jwt.encode("ascii"))
        written.append(str(person.number))
        yield Progress(done, len(plan), f"オープンバッジを書き出しています {done}/{len(plan)}",
                       f"Writing Open Badges {done}/{len(plan)}")
    with db.transaction() as s:
        audit.record(s, actor, "card.export_open_badges", "certificate_cards", "", None, {
            "count": len(written), "numbers": written, "include_name": include_name,
            "folder": os.path.basename(os.path.normpath(target))})
    return BadgeExport(target, tuple(written), tuple(skipped))


def _line(text: str) -> str:
    """One printable line of at most the list's reason length."""
    folded = "".join(c if c.isprintable() else " " for c in " ".join(text.split()))
    return folded if len(folded) <= MAX_REASON_CHARS else folded[:MAX_REASON_CHARS - 1] + "…"


def japan_date(moment: datetime) -> date:
    """The Japan date of a stored (naive UTC) time."""
    return moment.replace(tzinfo=UTC).astimezone(JAPAN).date()
