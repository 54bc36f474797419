"""Certificate cards (認定証): the signed QR anyone can verify offline.

Body (17 bytes, big-endian)::

    certificate year (uint16) | serial (uint32) | card revision (uint8)
    | certified on (uint16) | valid until (uint16)       -- days since 2000-01-01
    | holder initials (2 ASCII bytes) | holder name digest (4 bytes)

The whole token is 87 bytes, 140 characters of base32, which fits a version 8 QR code at
error correction Q in alphanumeric mode (see ``docs/verification.md``).  Whether the card has
been revoked or superseded is answered by the signed revocation list, not by the token.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import date, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .certificate_number import CertificateNumber
from .errors import CredentialError, TokenError, TokenProblem
from .frame import Kind, open_token, seal_token
from .holder import HolderCheck
from .keyring import KeyRing

__all__ = ["BODY_LENGTH", "EPOCH", "CardClaims", "issue_card", "read_card"]

_BODY = struct.Struct(">HIBHH2s4s")
BODY_LENGTH = _BODY.size
EPOCH = date(2000, 1, 1)
LAST_DAY = EPOCH + timedelta(days=0xFFFF)  # 2179-06-06


@dataclass(frozen=True)
class CardClaims:
    number: CertificateNumber
    revision: int  # 1 for the first card, +1 for every reissue (再交付), 1-255
    certified_on: date  # 認定日
    valid_until: date  # 有効期限 (last valid day)
    holder: HolderCheck

    def __post_init__(self) -> None:
        problems = []
        if not 1 <= self.revision <= 255:
            problems.append(("版は1〜255", "the revision must be 1-255"))
        if not all(EPOCH <= day <= LAST_DAY for day in (self.certified_on, self.valid_until)):
            problems.append(("日付は2000-01-01〜2179-06-06", "dates must be 2000-01-01..2179-06-06"))
        elif self.valid_until < self.certified_on:
            problems.append(("有効期限は認定日以降", "the validity must not end before it starts"))
        if problems:
            raise CredentialError(
                "invalid_claims",
                "認定証の内容が正しくありません: " + "、".join(ja for ja, _ in problems) + "です。",
                "Invalid card contents: " + "; ".join(en for _, en in problems) + ".",
            )


def issue_card(private_key: Ed25519PrivateKey, claims: CardClaims) -> str:
    """The signed token text to print as the card's QR code."""
    body = _BODY.pack(
        claims.number.year,
        claims.number.serial,
        claims.revision,
        (claims.certified_on - EPOCH).days,
        (claims.valid_until - EPOCH).days,
        claims.holder.initials.encode("ascii"),
        claims.holder.digest,
    )
    return seal_token(private_key, Kind.CARD, body)


def read_card(text: str, keyring: KeyRing) -> CardClaims:
    """Verify a scanned or typed card token; raises ``TokenError`` when it is not genuine."""
    body = open_token(text, kind=Kind.CARD, body_length=BODY_LENGTH, keyring=keyring).body
    year, serial, revision, certified, valid, initials, digest = _BODY.unpack(body)
    try:
        return CardClaims(
            number=CertificateNumber(year, serial),
            revision=revision,
            certified_on=EPOCH + timedelta(days=certified),
            valid_until=EPOCH + timedelta(days=valid),
            holder=HolderCheck(initials.decode("ascii"), digest),
        )
    except (CredentialError, UnicodeDecodeError):
        raise TokenError(
            TokenProblem.MALFORMED,
            "署名は正しいものの、認定証の内容が規格外です。発行元に連絡してください。",
            "The signature is valid but the card's contents are out of range; "
            "contact the issuer.",
        ) from None
