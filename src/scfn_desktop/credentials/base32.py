"""Crockford base32: the text form of every token.

Why this alphabet: a QR code in *alphanumeric* mode stores only ``0-9 A-Z`` (and a few
symbols) at 5.5 bits a character, against 8 in byte mode, so the symbol stays small; a USB
keyboard-wedge scanner "types" what it reads, and letters and digits are the only keys that a
Japanese (JIS) keyboard layout cannot turn into other characters; and a person reading a
damaged code aloud or typing it from a card cannot confuse ``I/L/1`` or ``O/0`` because the
alphabet has no ``I``, ``L``, ``O`` or ``U``.

Encoding is big-endian, 5 bits per character, no padding and no check symbol (the Ed25519
signature is the check).  Decoding first *normalises* what arrives (see ``normalise``) and then
accepts only the canonical text: the unused low bits of the last character must be zero and the
length must be one that ``encode`` produces, so one byte string has exactly one text form.
"""

from __future__ import annotations

import unicodedata

from .errors import TokenError, TokenProblem

__all__ = ["ALPHABET", "WHITESPACE", "decode", "encode", "normalise"]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {char: index for index, char in enumerate(ALPHABET)}
# Crockford's aliases: what a person may type for a digit.
_ALIASES = {"I": "1", "L": "1", "O": "0"}
# Separators a person or an IME may insert: ASCII hyphen (also what NFKC makes of the full-width
# one), the Unicode dashes and minus, and the katakana prolonged sound mark that a Japanese IME
# often produces for the "-" key.
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc")
#: White space dropped after NFKC (which has already turned U+00A0, U+3000, U+2000-U+200A and
#: the other Unicode spaces into U+0020); an explicit set, so the JavaScript verifier can use
#: exactly the same one.
WHITESPACE = frozenset("\t\n\v\f\r \x85\u1680\u2028\u2029")
DEFAULT_MAX_CHARS = 1024


def encode(data: bytes) -> str:
    """Return the canonical text of ``data`` (``ceil(8 * len(data) / 5)`` characters)."""
    if not data:
        return ""
    bits = 8 * len(data)
    pad = -bits % 5
    number = int.from_bytes(data, "big") << pad
    count = (bits + pad) // 5
    return "".join(ALPHABET[(number >> (5 * (count - 1 - i))) & 31] for i in range(count))


def normalise(text: str) -> str:
    """Fold what a scanner, a Japanese IME or a person may send into the canonical alphabet.

    Unicode NFKC (full-width ``ＡＢ１`` becomes ``AB1``), upper case, drop white space (line
    breaks a scanner appends included) and hyphens/dashes used for grouping, and map the
    Crockford aliases ``I``/``L`` to ``1`` and ``O`` to ``0``.  Characters outside the alphabet
    are kept, so that ``decode`` can name them.
    """
    folded = unicodedata.normalize("NFKC", text).upper()
    kept = (c for c in folded if c not in WHITESPACE and c not in _DASHES)
    return "".join(_ALIASES.get(c, c) for c in kept)


def decode(text: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> bytes:
    """Return the bytes of a (normalised) Crockford base32 text.

    Raises ``TokenError`` (``malformed``) for a character outside the alphabet, a length that
    ``encode`` never produces, non-zero unused bits, or a text longer than ``max_chars``.
    """
    if len(text) > 4 * max_chars:  # bound the work before normalising a runaway scan
        raise _too_long(max_chars)
    clean = normalise(text)
    if len(clean) > max_chars:
        raise _too_long(max_chars)
    number = 0
    for position, char in enumerate(clean, start=1):
        value = _VALUE.get(char)
        if value is None:
            raise TokenError(
                TokenProblem.MALFORMED,
                f"{position}文字目の「{char}」はコードに使われない文字です。",
                f"Character {position} ({char!r}) is not used in these codes.",
            )
        number = (number << 5) | value
    size, spare = divmod(5 * len(clean), 8)
    if spare >= 5 or number & ((1 << spare) - 1):
        raise TokenError(
            TokenProblem.MALFORMED,
            "コードの長さか最後の文字が正しくありません（読み取りの欠けや打ち間違い）。",
            "The code's length or last character is wrong (a partial scan or a typing slip).",
        )
    return (number >> spare).to_bytes(size, "big")


def _too_long(max_chars: int) -> TokenError:
    return TokenError(
        TokenProblem.MALFORMED,
        f"コードが長すぎます（{max_chars}文字まで）。",
        f"The code is too long (at most {max_chars} characters).",
    )
