"""What every page receives: the database, the logged-in actor and the UI language.

Passed explicitly (no global main-window object reached from everywhere).
"""

from __future__ import annotations

from dataclasses import dataclass

from scfn_desktop.db import Database
from scfn_desktop.services.permissions import Actor


@dataclass
class AppContext:
    db: Database
    actor: Actor
    language: str = "ja"  # "ja" or "en": picks message_ja / message_en of service errors

    def pick(self, ja: str, en: str) -> str:
        """Choose the Japanese or English text a service or rule returned."""
        return ja if self.language == "ja" else en
