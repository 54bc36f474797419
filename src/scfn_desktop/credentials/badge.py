"""Venue check-in badges: who the badge was printed for, signed.

Body (9 bytes, big-endian)::

    fiscal year (uint16) | term (uint8) | trainee number (uint32) | badge revision (uint16)

Trainee numbers are 1-8 *digit strings* and ``"0012"`` and ``"12"`` are different people, so
the uint32 keeps the digit count too: ``digits * 100_000_000 + numeric value`` (at most
899,999,999, which fits 32 bits), e.g. ``"0012"`` is ``400000012``.

The engine only proves that the issuer printed this badge.  Whether it belongs to the run at
this desk, or was superseded by a reprint with a higher revision, is the caller's decision.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .errors import CredentialError, TokenError, TokenProblem
from .frame import Kind, open_token, seal_token
from .keyring import KeyRing

__all__ = ["BODY_LENGTH", "BadgeClaims", "issue_badge", "read_badge"]

_BODY = struct.Struct(">HBIH")
BODY_LENGTH = _BODY.size
_NUMBER_RE = re.compile(r"[0-9]{1,8}")
_DIGITS_UNIT = 100_000_000


@dataclass(frozen=True)
class BadgeClaims:
    fiscal_year: int  # e.g. 2025 (令和7年度)
    term: int  # 期, 1-255
    trainee_number: str  # 受講番号, 1-8 digits, leading zeros kept
    revision: int  # 1 for the first print, +1 for every reprint (1-65535)

    def __post_init__(self) -> None:
        problems = []
        if not 2000 <= self.fiscal_year <= 9999:
            problems.append(("年度は西暦4桁", "the fiscal year must be a 4-digit year"))
        if not 1 <= self.term <= 255:
            problems.append(("期は1〜255", "the term must be 1-255"))
        if not (isinstance(self.trainee_number, str) and _NUMBER_RE.fullmatch(self.trainee_number)):
            problems.append(("受講番号は1〜8桁の数字", "the trainee number must be 1-8 digits"))
        if not 1 <= self.revision <= 0xFFFF:
            problems.append(("版は1〜65535", "the revision must be 1-65535"))
        if problems:
            raise CredentialError(
                "invalid_claims",
                "バッジの内容が正しくありません: " + "、".join(ja for ja, _ in problems) + "です。",
                "Invalid badge contents: " + "; ".join(en for _, en in problems) + ".",
            )


def issue_badge(private_key: Ed25519PrivateKey, claims: BadgeClaims) -> str:
    """The signed token text to print as the badge's QR code."""
    number = claims.trainee_number
    packed = len(number) * _DIGITS_UNIT + int(number)
    body = _BODY.pack(claims.fiscal_year, claims.term, packed, claims.revision)
    return seal_token(private_key, Kind.BADGE, body)


def read_badge(text: str, keyring: KeyRing) -> BadgeClaims:
    """Verify a scanned or typed badge token; raises ``TokenError`` when it is not acceptable."""
    body = open_token(text, kind=Kind.BADGE, body_length=BODY_LENGTH, keyring=keyring).body
    fiscal_year, term, packed, revision = _BODY.unpack(body)
    digits, value = divmod(packed, _DIGITS_UNIT)
    try:
        if not 1 <= digits <= 8 or value >= 10**digits:
            raise ValueError(packed)
        return BadgeClaims(fiscal_year, term, str(value).zfill(digits), revision)
    except (ValueError, CredentialError):
        # Correctly signed, yet impossible values: a foreign or broken issuer, never a person.
        raise TokenError(
            TokenProblem.MALFORMED,
            "署名は正しいものの、バッジの内容が規格外です。発行元に連絡してください。",
            "The signature is valid but the badge's contents are out of range; "
            "contact the issuer.",
        ) from None
