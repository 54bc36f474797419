"""Certificate numbers (認定番号): ``SCFN-2025-00001``.

A number is a year and a serial; its printed form is the only text form, so a card, a register
and a revocation list can never disagree about how one number is written.  The serial has at
least five digits and no superfluous leading zeros beyond them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import CredentialError

__all__ = ["CertificateNumber", "format_certificate_number", "parse_certificate_number"]

_PATTERN = re.compile(r"SCFN-([0-9]{4})-([0-9]{5,10})")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc", "-"))
MAX_SERIAL = 0xFFFFFFFF


@dataclass(frozen=True, order=True)
class CertificateNumber:
    year: int  # fiscal year of certification, 2000-9999
    serial: int  # 1 .. 4,294,967,295

    def __post_init__(self) -> None:
        if not 2000 <= self.year <= 9999 or not 1 <= self.serial <= MAX_SERIAL:
            raise CredentialError(
                "invalid_certificate_number",
                "認定番号は年（西暦4桁）と1以上の通し番号からなります。",
                "A certificate number is a 4-digit year and a serial of at least 1.",
            )

    def __str__(self) -> str:
        return format_certificate_number(self)


def format_certificate_number(number: CertificateNumber) -> str:
    return f"SCFN-{number.year:04d}-{number.serial:05d}"


def parse_certificate_number(text: str) -> CertificateNumber:
    """Read a printed or typed certificate number; refuses anything but the canonical form
    (after folding full-width characters, case and dash look-alikes that an IME produces)."""
    folded = unicodedata.normalize("NFKC", text).strip().upper().translate(_DASHES)
    match = _PATTERN.fullmatch(folded)
    if match is None or (len(match[2]) > 5 and match[2].startswith("0")):
        raise _invalid(text)
    try:
        return CertificateNumber(int(match[1]), int(match[2]))
    except CredentialError:
        raise _invalid(text) from None


def _invalid(text: str) -> CredentialError:
    shown = text if len(text) <= 40 else text[:40] + "…"
    return CredentialError(
        "invalid_certificate_number",
        f"「{shown}」は認定番号の形式（例: SCFN-2025-00001）ではありません。",
        f"{shown!r} is not a certificate number (e.g. SCFN-2025-00001).",
    )
