"""How a Japanese name is shown: family name, a full-width space, given name.

One rule for the roster, the answer forms, the results and the import preview, so a trainee's
name reads the same on every screen and paper (and either part may be missing).
"""

from __future__ import annotations

IDEOGRAPHIC_SPACE = "\u3000"


def join_name(family: str, given: str) -> str:
    """「山田　花子」; a missing part leaves no stray space."""
    return f"{family}{IDEOGRAPHIC_SPACE}{given}".strip(f"{IDEOGRAPHIC_SPACE} ")
