"""How a Japanese name is shown (family name, a full-width space, given name), and which
characters a name or any typed text may not hold.

One rule for the roster, the answer forms, the results and the import preview, so a trainee's
name reads the same on every screen and paper (and either part may be missing).
"""

from __future__ import annotations

import unicodedata

IDEOGRAPHIC_SPACE = "\u3000"


def join_name(family: str, given: str) -> str:
    """「山田　花子」; a missing part leaves no stray space."""
    return f"{family}{IDEOGRAPHIC_SPACE}{given}".strip(f"{IDEOGRAPHIC_SPACE} ")


REPLACEMENT_CHARACTER = "\ufffd"


def unstorable_character(text: str) -> str | None:
    """The first character that must not be stored, or None.

    Refused: control characters (a NUL hides the rest of a name in many programs and
    PostgreSQL refuses it), lone surrogates (not text at all: a JSON file can write
    "\\ud800", and the database cannot encode it) and U+FFFD, the mark a decoder leaves
    where bytes were not text (the name is already garbled). Tabs and line breaks are
    ordinary whitespace, folded elsewhere.
    """
    for ch in text:
        if ch in "\t\n\r":
            continue
        if ch == REPLACEMENT_CHARACTER or unicodedata.category(ch) in ("Cc", "Cs"):
            return ch
    return None


def describe_character(ch: str) -> str:
    """`U+0000` style, for a message (the character itself may not print)."""
    return f"U+{ord(ch):04X}"
