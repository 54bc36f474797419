"""The public keys a station trusts, found by key id.

Every token and revocation list names its signer by a 4-byte key id; the ring maps that id to
the key that checks the signature.  A station usually trusts one key (its issuer's), but
several are needed when a key is replaced: cards signed with the old key stay valid.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .errors import CredentialError
from .keys import fingerprint, key_id, public_key_from_pem

__all__ = ["KeyEntry", "KeyRing"]


@dataclass(frozen=True)
class KeyEntry:
    key_id: bytes
    public_key: Ed25519PublicKey
    label: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


class KeyRing:
    """Key id -> trusted public key (with an optional label such as "事務局 2025")."""

    def __init__(self) -> None:
        self._entries: dict[bytes, KeyEntry] = {}

    @classmethod
    def of(cls, *keys: Ed25519PublicKey | str | bytes) -> KeyRing:
        """A ring of the given public keys or PEM texts, unlabelled."""
        ring = cls()
        for key in keys:
            ring.add(key)
        return ring

    def add(self, key: Ed25519PublicKey | str | bytes, label: str = "") -> KeyEntry:
        """Trust ``key`` (a public key or its PEM text); adding the same key again is harmless.

        Two *different* keys with the same 4-byte id cannot be told apart in a token, so that
        is refused rather than letting one silently shadow the other.
        """
        public_key = key if isinstance(key, Ed25519PublicKey) else public_key_from_pem(key)
        entry = KeyEntry(key_id(public_key), public_key, label)
        existing = self._entries.get(entry.key_id)
        if existing is not None:
            if _raw(existing.public_key) != _raw(public_key):
                raise CredentialError(
                    "key_id_collision",
                    f"鍵ID {entry.key_id.hex()} が別の公開鍵と重複しています。鍵を作り直してください。",
                    f"Key id {entry.key_id.hex()} is already used by a different public key; "
                    "create a new key.",
                )
            if label and not existing.label:
                self._entries[entry.key_id] = entry
            return self._entries[entry.key_id]
        self._entries[entry.key_id] = entry
        return entry

    def get(self, key_id: bytes) -> KeyEntry | None:
        return self._entries.get(bytes(key_id))

    def __contains__(self, key_id: object) -> bool:
        return isinstance(key_id, bytes | bytearray) and bytes(key_id) in self._entries

    def __iter__(self) -> Iterator[KeyEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)


def _raw(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
