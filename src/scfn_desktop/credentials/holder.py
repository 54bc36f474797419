"""The holder check printed inside a card token.

A card token must not carry readable personal data beyond what the card itself shows, yet a
verifier should be able to confirm that the card belongs to the person in front of them.  So
the token holds the romaji initials and 4 bytes of SHA-256 of the romaji name: the verifier
types the name from the card or the person's passport and the two must agree.  Four bytes are
a check against a *typed* name, not secrecy: anyone holding a list of candidate names can test
them, which reveals nothing the card does not print.

The name is normalised exactly as the JavaScript verifier will do it: Unicode NFKC, then
remove the white-space code points listed in ``base32.WHITESPACE``, then upper case (Unicode
default case mapping, as ``str.upper`` and JavaScript's ``toUpperCase``), then UTF-8.
Diacritics count (``ŌNO`` is not ``ONO``): type the name as printed on the card.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass

from .base32 import WHITESPACE
from .errors import CredentialError

__all__ = ["UNKNOWN_HOLDER", "HolderCheck", "holder_check", "holder_matches", "normalise_name"]

DIGEST_LENGTH = 4
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(frozen=True)
class HolderCheck:
    initials: str  # two of A-Z or "_" (unknown), e.g. "YT" for "YAMADA Taro"
    digest: bytes  # first 4 bytes of SHA-256 of the normalised name

    def __post_init__(self) -> None:
        if (
            len(self.initials) != 2
            or not set(self.initials) <= _LETTERS | {"_"}
            or len(self.digest) != DIGEST_LENGTH
        ):
            raise CredentialError(
                "invalid_holder_check",
                "保有者確認の値が正しくありません（イニシャル2文字と4バイト）。",
                "Invalid holder check (two initials and 4 bytes).",
            )


#: For a holder without a romaji name: it matches no typed name.
UNKNOWN_HOLDER = HolderCheck("__", bytes(DIGEST_LENGTH))


def normalise_name(romaji: str) -> str:
    """NFKC, white space removed, upper case: the text whose SHA-256 the token carries."""
    folded = unicodedata.normalize("NFKC", romaji)
    return "".join(c for c in folded if c not in WHITESPACE).upper()


def holder_check(romaji: str | None) -> HolderCheck:
    """The check for a romaji name as printed on the card (e.g. ``"YAMADA Taro"``).

    Initials are the first letters of the first and the last word (``_`` for a letter outside
    A-Z or a missing second word); an empty name gives ``UNKNOWN_HOLDER``.
    """
    name = normalise_name(romaji or "")
    if not name:
        return UNKNOWN_HOLDER
    words = "".join(" " if c in WHITESPACE else c for c in unicodedata.normalize("NFKC", romaji))
    parts = [part for part in words.upper().split(" ") if part]
    first = parts[0][0]
    last = parts[-1][0] if len(parts) > 1 else "_"
    initials = "".join(c if c in _LETTERS else "_" for c in (first, last))
    # A lone surrogate becomes U+FFFD, as JavaScript's TextEncoder does, instead of failing.
    data = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in name).encode("utf-8")
    return HolderCheck(initials, hashlib.sha256(data).digest()[:DIGEST_LENGTH])


def holder_matches(check: HolderCheck, romaji: str) -> bool:
    """True when ``romaji`` (typed by a verifier) is the name the card was issued for."""
    if check == UNKNOWN_HOLDER:
        return False
    typed = holder_check(romaji)
    return hmac.compare_digest(typed.digest, check.digest) and typed.initials == check.initials
