"""The certificate issuer's keys, and the public keys this installation trusts for cards.

The **issuer key** signs every card (認定証) QR code, the revocation list and the Open Badges:
an Ed25519 key in `<data folder>/keys/issuer.pem`, separate from the station key (which signs
audit checkpoints unattended and so can carry no passphrase). It is created on first use, or
explicitly, owner-only (0600 in a 0700 folder), optionally encrypted with a passphrase that is
asked for when a card is signed and never stored.

**Trust** (which public keys verify cards here) is a table, `card_issuer_keys`, not files:
- every issuer key this installation made is registered there when it is created ("own");
  on PostgreSQL every station sharing the database therefore verifies the cards any of them
  issued;
- a verifying PC imports the issuer's public key (PEM, compared by its fingerprint with the
  published one) with a login: the import is audited, and the tamper check
  (`scfn audit verify --data`) names a key row written behind the application's back;
- rotation makes a new key sign new cards and *retires* the old one: retired keys stay
  trusted, so every card already printed still verifies; the old private key file moves to
  `keys/retired/`.
docs/verification.md ("Trust: which keys verify a card") explains what this protects against.
"""

from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from scfn_desktop import config
from scfn_desktop.credentials import (
    CredentialError,
    KeyRing,
    fingerprint,
    key_id,
    load_or_create_private_key,
    public_key_from_pem,
    public_key_to_pem,
)
from scfn_desktop.db import Database
from scfn_desktop.db.base import utcnow
from scfn_desktop.db.models.certificates import CardIssuerKey
from scfn_desktop.services import audit
from scfn_desktop.services.errors import NotFound, ServiceError, ValidationFailed
from scfn_desktop.services.keys import keys_dir
from scfn_desktop.services.permissions import Actor, Permission, require

ISSUER_KEY_FILE = "issuer.pem"
RETIRED_FOLDER = "retired"
MIN_PASSPHRASE = 8
MAX_IMPORT_BYTES = 64 * 1024
MAX_LABEL = CardIssuerKey.label.type.length
_PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z ]+)-----.*?-----END \1-----", re.S)
_ENCRYPTED = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"


class IssuerKeyLocked(ServiceError):
    """The issuer key file is protected: `code` is "passphrase_required" (none was given) or
    "wrong_passphrase"; the GUI asks again, the CLI says how to give it."""

    def __init__(self, code: str, message_ja: str, message_en: str) -> None:
        super().__init__(message_ja, message_en)
        self.code = code


@dataclass(frozen=True)
class KeyInfo:
    """One trusted public key, as the key management panel and `scfn keys list` show it."""

    key_id: str
    fingerprint: str
    origin: str  # own / imported / removed
    label: str
    created_at: datetime
    created_by: str
    retired_at: datetime | None
    public_pem: str

    @property
    def signs_new_cards(self) -> bool:
        return self.origin == "own" and self.retired_at is None


def issuer_key_path() -> Path:
    return keys_dir() / ISSUER_KEY_FILE


def issuer_key_exists() -> bool:
    return issuer_key_path().is_file()


def issuer_key_protected() -> bool:
    """True when the key file exists and is encrypted (a passphrase will be needed)."""
    try:
        with issuer_key_path().open("rb") as stream:
            return _ENCRYPTED in stream.read(MAX_IMPORT_BYTES)
    except OSError:
        return False


def check_passphrase(passphrase: str | None) -> str | None:
    """An empty passphrase means none; a given one must not be trivially short."""
    if not passphrase:
        return None
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationFailed(f"パスフレーズは{MIN_PASSPHRASE}文字以上にしてください（なしでも可）。",
                               f"A passphrase needs at least {MIN_PASSPHRASE} characters "
                               "(or none at all).")
    return passphrase


def create_issuer_key(db: Database, actor: Actor, passphrase: str | None = None) -> KeyInfo:
    """Make the issuer key explicitly (refused when one exists: that is `rotate_issuer_key`)."""
    require(actor, Permission.MANAGE_ISSUER_KEYS)
    secret = check_passphrase(passphrase)
    if issuer_key_exists():
        raise ValidationFailed("発行者鍵は作成済みです。新しい鍵にするには「鍵の更新」を使ってください。",
                               "The issuer key exists already; use key rotation for a new one.")
    key = _load_or_create(secret)
    with db.transaction() as s:
        return _register(s, actor, key)


def unlock_issuer_key(db: Database, actor: Actor, passphrase: str | None = None
                      ) -> Ed25519PrivateKey:
    """The issuer key for signing, created on first use (with `passphrase` if one is given).

    Its public key is registered as trusted (once, audited) so this installation verifies
    what it signs. Raises `IssuerKeyLocked` when the file needs a (different) passphrase.
    """
    require(actor, Permission.ISSUE_CARDS)
    created = not issuer_key_exists()
    key = _load_or_create(check_passphrase(passphrase) if created else passphrase or None)
    kid = key_id(key.public_key()).hex()
    with db.session() as s:
        row = s.get(CardIssuerKey, kid)
        known = row is not None and row.origin == "own"
    if not known:
        with db.transaction() as s:
            _register(s, actor, key)
    return key


def rotate_issuer_key(db: Database, actor: Actor, passphrase: str | None,
                      new_passphrase: str | None) -> KeyInfo:
    """A new issuer key signs new cards from now on; the old one is retired (its public key
    stays trusted, so the cards it signed still verify) and its file moves to `retired/`.
    Unlocking the old key first proves the person may act for it."""
    require(actor, Permission.MANAGE_ISSUER_KEYS)
    secret = check_passphrase(new_passphrase)
    old = unlock_issuer_key(db, actor, passphrase)
    old_id = key_id(old.public_key()).hex()
    retired = config.private_folder(keys_dir() / RETIRED_FOLDER) / f"issuer-{old_id}.pem"
    try:
        os.replace(issuer_key_path(), retired)
    except OSError as exc:
        raise ServiceError(f"古い鍵ファイルを移動できません: {exc.strerror or exc}",
                           f"Cannot move the old key file: {exc.strerror or exc}") from exc
    key = _load_or_create(secret)
    with db.transaction() as s:
        row = s.get(CardIssuerKey, old_id)
        if row is not None and row.retired_at is None:
            row.retired_at = utcnow()
            audit.record(s, actor, "card_key.retire", "card_issuer_key", old_id,
                         {"retired": False}, {"retired": True, "file": retired.name})
        return _register(s, actor, key)


def trusted_keys(db: Database, include_removed: bool = False) -> list[KeyInfo]:
    """Every trusted key: own keys first (the signing one at the top), then imported ones."""
    with db.session() as s:
        rows = list(s.scalars(select(CardIssuerKey)))
    infos = [_info(r) for r in rows if include_removed or r.origin != "removed"]
    order = {"own": 0, "imported": 1, "removed": 2}
    return sorted(infos, key=lambda k: (order.get(k.origin, 3), k.retired_at is not None,
                                        -(k.retired_at or k.created_at).timestamp()))


def keyring(db: Database, own_only: bool = False) -> KeyRing:
    """The ring cards are verified with (`own_only`: the keys a published verifier carries).
    A row that does not parse or whose id does not match its key is left out: it can only
    make some cards unknown, never accept a wrong one."""
    ring = KeyRing()
    for info in trusted_keys(db):
        if own_only and info.origin != "own":
            continue
        try:
            public = public_key_from_pem(info.public_pem)
        except CredentialError:
            continue
        if key_id(public).hex() == info.key_id:
            ring.add(public, _ring_label(info))
    return ring


def current_key(db: Database) -> KeyInfo | None:
    """This station's signing key when its file exists and is registered, else None (the
    public key is read from the table, so no passphrase is needed to show it)."""
    own = [k for k in trusted_keys(db) if k.signs_new_cards]
    if not own or not issuer_key_exists():
        return None
    return own[0]


def export_public_keys(db: Database) -> str:
    """The issuer's public keys as one PEM text, the signing key first, each preceded by its
    key id and fingerprint (ASCII explanatory text outside the PEM blocks, RFC 7468)."""
    own = [k for k in trusted_keys(db) if k.origin == "own"]
    if not own:
        raise NotFound("発行者鍵がまだありません。認定証を交付するか、鍵を作成してください。",
                       "There is no issuer key yet: issue a card or create the key first.")
    parts = []
    for info in own:
        state = "retired" if info.retired_at else "current"
        parts.append("# SCFN certificate card issuer public key (Support Coordinator for Foreign "
                     "Nationals)\n"
                     f"# key id {info.key_id}  fingerprint {info.fingerprint}  ({state})\n"
                     f"{info.public_pem.strip()}\n")
    return "\n".join(parts)


def import_public_keys(db: Database, actor: Actor, data: bytes | str, label: str = ""
                       ) -> list[KeyInfo]:
    """Trust the issuer public key(s) in a PEM file on a verifying PC; returns the keys newly
    trusted (a key already trusted is left as it is). Private keys and anything but Ed25519
    public keys are refused, the whole file before anything is stored."""
    require(actor, Permission.MANAGE_ISSUER_KEYS)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_IMPORT_BYTES:
        raise ValidationFailed("公開鍵ファイルが大きすぎます（64 KB まで）。",
                               "The public key file is too large (64 KB at most).")
    text = raw.decode("utf-8", "replace")
    label = " ".join(label.split())
    if len(label) > MAX_LABEL:
        raise ValidationFailed(f"鍵の名前が長すぎます（{MAX_LABEL}文字まで）。",
                               f"The key's name is too long (at most {MAX_LABEL} characters).")
    blocks = [m.group(0) for m in _PEM_BLOCK.finditer(text)]
    if not blocks:
        raise ValidationFailed("PEM形式の公開鍵（-----BEGIN PUBLIC KEY-----）が見つかりません。",
                               "No PEM public key (-----BEGIN PUBLIC KEY-----) was found.")
    try:
        keys = [public_key_from_pem(block) for block in blocks]
    except CredentialError as exc:
        raise ValidationFailed(exc.reason_ja, exc.reason_en) from exc
    added = []
    with db.transaction() as s:
        for public in keys:
            kid = key_id(public).hex()
            pem = public_key_to_pem(public)
            row = s.get(CardIssuerKey, kid)
            if row is not None and row.public_pem.strip() != pem.strip():
                raise ValidationFailed(f"鍵ID {kid} は別の公開鍵として登録済みです。",
                                       f"Key id {kid} is already trusted for a different key.")
            if row is not None and row.origin != "removed":
                continue
            name = label or f"取り込んだ鍵 {fingerprint(public)}"
            if row is None:
                row = CardIssuerKey(key_id=kid, public_pem=pem, fingerprint=fingerprint(public),
                                    origin="imported", label=name[:MAX_LABEL],
                                    created_by=actor.username[:60])
                s.add(row)
                s.flush()
                audit.record(s, actor, "card_key.import", "card_issuer_key", kid, None,
                             _audited(row))
            else:
                row.origin, row.label = "imported", name[:MAX_LABEL]
                s.flush()
                audit.record(s, actor, "card_key.import", "card_issuer_key", kid,
                             {"origin": "removed"}, _audited(row))
            added.append(_info(row))
    return added


def remove_imported_key(db: Database, actor: Actor, kid: str) -> None:
    """Stop trusting an imported key (one imported by mistake). The row stays, marked
    removed, so the log and the tamper check can follow it; own keys cannot be removed,
    since the cards they signed would stop verifying."""
    require(actor, Permission.MANAGE_ISSUER_KEYS)
    with db.transaction() as s:
        row = s.get(CardIssuerKey, kid.strip().lower())
        if row is None or row.origin == "removed":
            raise NotFound(f"鍵ID {kid} の取り込んだ鍵はありません。", f"No imported key {kid}.")
        if row.origin != "imported":
            raise ValidationFailed("この端末の発行者鍵は外せません（交付済みの認定証を確認できなくなります）。",
                                   "An own issuer key cannot be removed: the cards it signed "
                                   "would no longer verify.")
        row.origin = "removed"
        s.flush()
        audit.record(s, actor, "card_key.remove", "card_issuer_key", row.key_id,
                     {"origin": "imported"}, {"origin": "removed"})


def audited_key_fields(row: CardIssuerKey) -> dict[str, object]:
    """What the audit log holds of a key row (the tamper check compares these)."""
    return {"public_pem": row.public_pem.strip(), "origin": row.origin,
            "retired": row.retired_at is not None}


def _audited(row: CardIssuerKey) -> dict[str, object]:
    return {**audited_key_fields(row), "fingerprint": row.fingerprint, "label": row.label}


def _load_or_create(passphrase: str | None) -> Ed25519PrivateKey:
    try:
        return load_or_create_private_key(issuer_key_path(), passphrase)
    except CredentialError as exc:
        if exc.code in ("passphrase_required", "wrong_passphrase", "passphrase_unexpected"):
            raise IssuerKeyLocked(exc.code, exc.reason_ja, exc.reason_en) from exc
        raise ServiceError(exc.reason_ja, exc.reason_en) from exc


def _register(s: Session, actor: Actor, key: Ed25519PrivateKey) -> KeyInfo:
    public = key.public_key()
    kid = key_id(public).hex()
    pem = public_key_to_pem(public)
    row = s.get(CardIssuerKey, kid)
    if row is not None and row.public_pem.strip() != pem.strip():
        raise ServiceError(f"鍵ID {kid} は別の公開鍵として登録済みです。鍵を作り直してください。",
                           f"Key id {kid} is registered for a different key; make a new key.")
    label = f"発行者鍵 {utcnow():%Y-%m-%d}（{socket.gethostname()[:60]}）"[:MAX_LABEL]
    if row is None:
        row = CardIssuerKey(key_id=kid, public_pem=pem, fingerprint=fingerprint(public),
                            origin="own", label=label, created_by=actor.username[:60])
        s.add(row)
        s.flush()
        audit.record(s, actor, "card_key.create", "card_issuer_key", kid, None, _audited(row))
    elif row.origin != "own":  # our own key, imported here earlier: it is ours after all
        before = row.origin
        row.origin, row.retired_at = "own", None
        s.flush()
        audit.record(s, actor, "card_key.create", "card_issuer_key", kid, {"origin": before},
                     _audited(row))
    return _info(row)


def _info(row: CardIssuerKey) -> KeyInfo:
    return KeyInfo(row.key_id, row.fingerprint, row.origin, row.label, row.created_at,
                   row.created_by, row.retired_at, row.public_pem)


def _ring_label(info: KeyInfo) -> str:
    if info.origin == "own":
        return info.label + ("（旧鍵）" if info.retired_at else "")
    return info.label
