"""The station's signing key: one Ed25519 key per PC, kept in the data folder.

Badges (and later cards) are signed with it. The file is created on first use by the
credentials engine (0600 in a 0700 folder, atomically, so two processes starting at once end
with one key); only its public half ever leaves this PC (see services.attendance.trust).
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from scfn_desktop.config import data_dir
from scfn_desktop.credentials import load_or_create_private_key


def keys_dir() -> Path:
    """The folder holding this station's private key(s)."""
    return data_dir() / "keys"


def station_key() -> Ed25519PrivateKey:
    """Load this station's private key, creating `keys/station.pem` on first use."""
    return load_or_create_private_key(keys_dir() / "station.pem")
