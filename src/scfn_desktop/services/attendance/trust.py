"""Which badge signatures a desk accepts: the public keys of the stations that signed badges.

Every station signs with its own private key (services.keys), so two PCs can print badges
without copying a private key around. When a station signs, its *public* key is registered in
the shared database (`signing_keys`), and every desk builds its key ring from that table: a
badge printed at PC 1 is verified at PC 2. Consequently a badge can be forged by whoever holds a
station's private key file, or can write to the database (and so register a key of their own);
docs/attendance.md states this trust model.
"""

from __future__ import annotations

import socket

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from scfn_desktop.credentials import CredentialError, KeyRing, key_id, public_key_to_pem
from scfn_desktop.db.models.attendance import SigningKey
from scfn_desktop.services import audit
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import Actor

BADGE_PURPOSE = "badge"


def register_signing_key(s: Session, actor: Actor, private_key: Ed25519PrivateKey,
                         purpose: str = BADGE_PURPOSE) -> str:
    """Make this station's public key trusted by every desk (once; inside the caller's
    transaction). Returns the key id (8 hex digits)."""
    public = private_key.public_key()
    kid = key_id(public).hex()
    pem = public_key_to_pem(public)
    existing = s.get(SigningKey, kid)
    if existing is not None:
        if existing.public_pem.strip() != pem.strip():
            raise ServiceError(
                f"鍵ID {kid} は別の公開鍵として登録済みです。この端末の鍵を作り直してください。",
                f"Key id {kid} is registered for a different public key; "
                "create a new key for this station.")
        return kid
    label = f"{socket.gethostname()[:80]} ({actor.username})"[:120]
    s.add(SigningKey(key_id=kid, public_pem=pem, purpose=purpose, label=label,
                     created_by=actor.username[:60]))
    s.flush()
    audit.record(s, actor, "signing_key.register", "signing_key", kid, None,
                 {"purpose": purpose, "label": label, "public_pem": pem})
    return kid


def load_keyring(s: Session, purpose: str = BADGE_PURPOSE) -> KeyRing:
    """The ring of every registered key for `purpose`; a broken row is skipped, not fatal
    (it can only make that station's badges unknown, never accept a wrong one)."""
    ring = KeyRing()
    for row in s.scalars(select(SigningKey).where(SigningKey.purpose == purpose)):
        try:
            entry = ring.add(row.public_pem, row.label)
        except CredentialError:
            continue
        if entry.key_id.hex() != row.key_id:  # a row whose id does not match its key
            ring = _without(ring, entry.key_id)
    return ring


def _without(ring: KeyRing, kid: bytes) -> KeyRing:
    kept = KeyRing()
    for entry in ring:
        if entry.key_id != kid:
            kept.add(entry.public_key, entry.label)
    return kept
