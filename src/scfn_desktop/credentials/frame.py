"""The one binary frame every QR token uses, and its text form.

::

    version (1 byte = 1) | kind (1 byte) | key id (4 bytes) | body | signature (64 bytes)

The Ed25519 signature covers ``TOKEN_CONTEXT || 0x00 || every byte before the signature``, so
the version, the kind and the key id are as tamper-proof as the body.  The body has a fixed
length per kind, which makes a truncated or padded scan ``malformed`` before any cryptography
runs.  The text form is the Crockford base32 of the whole frame (see ``base32``).

Checks run from the cheapest and most telling to the signature, so a person at the desk hears
the most useful reason: not our code at all, a newer format, a card at the badge desk, a key
this station does not trust, and only then "altered or forged".
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import base32
from .errors import TokenError, TokenProblem
from .keyring import KeyRing
from .keys import KEY_ID_LENGTH, key_id
from .signing import SIGNATURE_LENGTH, TOKEN_CONTEXT, sign, verify

__all__ = ["FORMAT_VERSION", "HEADER_LENGTH", "Kind", "OpenedToken", "open_token", "seal_token"]

FORMAT_VERSION = 1
HEADER_LENGTH = 2 + KEY_ID_LENGTH


class Kind(enum.IntEnum):
    BADGE = 1
    CARD = 2

    @property
    def label_ja(self) -> str:
        return {Kind.BADGE: "受付用バッジ", Kind.CARD: "認定証"}[self]

    @property
    def label_en(self) -> str:
        return {Kind.BADGE: "check-in badge", Kind.CARD: "certificate card"}[self]


@dataclass(frozen=True)
class OpenedToken:
    """A token whose frame and signature checked out."""

    kind: Kind
    key_id: bytes
    body: bytes


def seal_token(private_key: Ed25519PrivateKey, kind: Kind, body: bytes) -> str:
    """Frame ``body``, sign it and return the token text."""
    head = bytes([FORMAT_VERSION, Kind(kind)]) + key_id(private_key.public_key()) + body
    return base32.encode(head + sign(private_key, TOKEN_CONTEXT, head))


def open_token(text: str, *, kind: Kind, body_length: int, keyring: KeyRing) -> OpenedToken:
    """Decode and verify a token of ``kind``; raises ``TokenError`` naming the first problem."""
    frame_length = HEADER_LENGTH + body_length + SIGNATURE_LENGTH
    frame = base32.decode(text, max_chars=4 * frame_length)
    if len(frame) < 2:
        raise _malformed()
    if frame[0] != FORMAT_VERSION:
        raise TokenError(
            TokenProblem.UNSUPPORTED_VERSION,
            f"このコードの形式（版 {frame[0]}）には対応していません。ソフトウェアを更新してください。",
            f"This code's format (version {frame[0]}) is not supported; update the software.",
        )
    if frame[1] != kind:
        try:
            shown = Kind(frame[1])
        except ValueError:
            raise _malformed() from None
        raise TokenError(
            TokenProblem.WRONG_KIND,
            f"これは{shown.label_ja}のコードです。{Kind(kind).label_ja}のコードを読み取ってください。",
            f"This is a {shown.label_en} code; scan the {Kind(kind).label_en} code instead.",
        )
    if len(frame) != frame_length:
        raise _malformed()
    signer = frame[2:HEADER_LENGTH]
    entry = keyring.get(signer)
    if entry is None:
        raise TokenError(
            TokenProblem.UNKNOWN_KEY,
            f"このコードは登録されていない鍵（鍵ID {signer.hex()}）で署名されています。",
            f"This code is signed by a key this station does not trust (key id {signer.hex()}).",
        )
    head, signature = frame[:-SIGNATURE_LENGTH], frame[-SIGNATURE_LENGTH:]
    if not verify(entry.public_key, TOKEN_CONTEXT, head, signature):
        raise TokenError(
            TokenProblem.BAD_SIGNATURE,
            "署名が一致しません。コードが改ざんされたか、読み取り・入力を誤っています。",
            "The signature does not match: the code was altered, forged, or mis-read/mistyped.",
        )
    return OpenedToken(Kind(kind), signer, head[HEADER_LENGTH:])


def _malformed() -> TokenError:
    return TokenError(
        TokenProblem.MALFORMED,
        "このシステムのコードではないか、読み取りが不完全です。",
        "This is not one of our codes, or the scan is incomplete.",
    )
