"""Keys for the credentials tests: fixed seeds, so failures reproduce exactly."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from scfn_desktop.credentials import KeyRing


@pytest.fixture(scope="session")
def issuer_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


@pytest.fixture(scope="session")
def stranger_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes(range(100, 132)))


@pytest.fixture(scope="session")
def ring(issuer_key) -> KeyRing:
    return KeyRing.of(issuer_key.public_key())
