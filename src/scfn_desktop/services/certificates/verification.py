"""Checking a card here (the verify page, `scfn verify`): the six states of
`credentials.verify_card`, with what this installation knows.

- **Signature and dates** need only the trusted public keys (`card_issuer_keys`).
- **Revoked and superseded** come from the register when the card's number is in this
  database (the issuing PC, or a station sharing its PostgreSQL), and/or from a signed
  revocation list file (a verifying PC elsewhere), whose signature is checked against the same
  keys; a list that fails is refused as a whole, never half-used.
Without either, a genuine card in date is reported valid with the caveat that revocation was
not checked (the verdict says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from scfn_desktop.credentials import (
    CardVerdict,
    CredentialError,
    KeyRing,
    RevocationList,
    decode_text,
    find_codes_in_file,
    read_card,
    read_revocation_list,
    verify_card,
)
from scfn_desktop.credentials.revocation import DEFAULT_MAX_BYTES
from scfn_desktop.db import Database
from scfn_desktop.services.certificates.issuer_keys import keyring
from scfn_desktop.services.certificates.publishing import register_revocations
from scfn_desktop.services.errors import ServiceError, ValidationFailed

MAX_CODE_CHARS = 1024


@dataclass(frozen=True)
class FoundVerdict:
    """One code found in an image or a PDF, and its verdict."""

    page: int
    verdict: CardVerdict


def load_revocation_file(db: Database, path: str | Path) -> RevocationList:
    """A revocation list file, verified against the trusted keys (refused as a whole)."""
    path = Path(path)
    try:
        if path.stat().st_size > DEFAULT_MAX_BYTES:
            raise ValidationFailed(f"失効リスト {path.name} が大きすぎます。",
                                   f"The revocation list {path.name} is too large.")
        data = path.read_bytes()
    except OSError as exc:
        raise ServiceError(f"失効リスト {path.name} を読めません: {exc.strerror or exc}",
                           f"Cannot read the revocation list {path.name}: "
                           f"{exc.strerror or exc}") from exc
    try:
        return read_revocation_list(data, keyring(db))
    except CredentialError as exc:
        raise ValidationFailed(f"{path.name}: {exc.reason_ja}", f"{path.name}: {exc.reason_en}"
                               ) from exc


def verify_text(db: Database, text: str, *, revocations: RevocationList | None = None,
                today: date | None = None, holder_name: str | None = None,
                now: datetime | None = None, ring: KeyRing | None = None) -> CardVerdict:
    """The verdict for one scanned or typed code (at most 1024 characters are looked at)."""
    ring = ring if ring is not None else keyring(db)
    code = text[:MAX_CODE_CHARS]
    listing, newest = revocations, None
    number = _number_of(code, ring)
    if number is not None:
        known = register_revocations(db, number, now)
        if known is not None:
            register_list, newest = known
            listing = _merge(register_list, revocations)
    return verify_card(code, ring, revocations=listing, newest_revision=newest, today=today,
                       holder_name=holder_name)


def verify_file(db: Database, path: str | Path, *, revocations: RevocationList | None = None,
                today: date | None = None) -> list[FoundVerdict]:
    """Every QR code in an image or a PDF, each with its verdict (empty: none found)."""
    try:
        found = find_codes_in_file(path)
    except CredentialError as exc:
        raise ValidationFailed(exc.reason_ja, exc.reason_en) from exc
    ring = keyring(db)
    return [FoundVerdict(code.page, verify_text(db, code.text, revocations=revocations,
                                                today=today, ring=ring))
            for code in found]


def _number_of(text: str, ring: KeyRing) -> str | None:
    """The certificate number of a genuine card code, else None (nothing to look up)."""
    try:
        decode_text(text)
        return str(read_card(text, ring).number)
    except CredentialError:
        return None


def _merge(register: RevocationList, file: RevocationList | None) -> RevocationList:
    """The register's entries with a loaded file's; the register is current, so its time."""
    if file is None:
        return register
    moment = max(register.issued_at, file.issued_at.astimezone(UTC))
    return RevocationList(register.issuer_key_id, moment, register.entries + file.entries)
