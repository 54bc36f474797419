"""The keys this station signs with, in one place.

`station_key()` is the station's own Ed25519 key, `<data folder>/keys/station.pem`, created on
first use by the credentials engine (owner-only file in an owner-only folder, atomic creation,
so two processes starting at once share one key). It has no passphrase on purpose: it signs an
audit-log checkpoint after every audited change, unattended, so nobody could type one each
time. What protects it is the data folder's owner-only permissions (and on Windows the user's
own profile): someone who can read it can also rewrite the database, which is why a checkpoint
is worth keeping elsewhere too (a backup, the printed results). The card issuer's key, which
does carry a passphrase, is a different key with its own file.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from scfn_desktop import config
from scfn_desktop.credentials import (
    CredentialError,
    fingerprint,
    load_or_create_private_key,
    public_key_from_pem,
    public_key_to_pem,
)
from scfn_desktop.services.errors import ServiceError

KEYS_FOLDER = "keys"
STATION_KEY_FILE = "station.pem"
TRUSTED_FOLDER = "trusted"  # public keys of other stations (e.g. the PC a backup came from)


def keys_dir() -> Path:
    return config.private_folder(config.data_dir() / KEYS_FOLDER)


def station_key_path() -> Path:
    return keys_dir() / STATION_KEY_FILE


def station_key() -> Ed25519PrivateKey:
    """Load the station key, creating it on first use; a damaged file is a ServiceError."""
    try:
        return load_or_create_private_key(station_key_path())
    except CredentialError as exc:
        raise ServiceError(exc.reason_ja, exc.reason_en) from exc


def station_public_key() -> Ed25519PublicKey:
    return station_key().public_key()


def station_fingerprint() -> str:
    """`XXXX-XXXX-XXXX-XXXX`: what a person compares on screen and on paper."""
    return fingerprint(station_public_key())


def public_key_for(key_fingerprint: str) -> Ed25519PublicKey | None:
    """This station's public key, or a trusted one (`keys/trusted/<fingerprint>.pem`) with that
    fingerprint; None when this station does not know the key."""
    own = station_public_key()
    if fingerprint(own) == key_fingerprint:
        return own
    path = keys_dir() / TRUSTED_FOLDER / f"{key_fingerprint}.pem"
    if not path.is_file():
        return None
    try:
        key = public_key_from_pem(path.read_bytes()[:64 * 1024])
    except (CredentialError, OSError):
        return None
    return key if fingerprint(key) == key_fingerprint else None


def trust_public_key(pem: str) -> str:
    """Keep another station's public key (e.g. the one a restored backup was signed with) so
    its checkpoints can be checked here; returns its fingerprint."""
    try:
        key = public_key_from_pem(pem)
    except CredentialError as exc:
        raise ServiceError(exc.reason_ja, exc.reason_en) from exc
    name = fingerprint(key)
    config.write_private(keys_dir() / TRUSTED_FOLDER / f"{name}.pem",
                         public_key_to_pem(key).encode("ascii"))
    return name
