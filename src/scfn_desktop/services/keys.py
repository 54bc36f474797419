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
from scfn_desktop.credentials import CredentialError, fingerprint, load_or_create_private_key
from scfn_desktop.services.errors import ServiceError

KEYS_FOLDER = "keys"
STATION_KEY_FILE = "station.pem"


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
