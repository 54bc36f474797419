"""What every page receives: the database, the logged-in actor, the UI language, and a way to
ask for another page.

Passed explicitly (no global main-window object reached from everywhere). `show_page(key)` is
how a page or dialog of one room sends the person to another room's page (e.g. "no training
run yet: open the 養成研修 page") without importing that room: the main window installs the
navigator; without one (a page built alone in a test) it answers False.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from scfn_desktop.db import Database
from scfn_desktop.services.permissions import Actor


class Navigator(Protocol):
    """What the main window offers pages: nothing but the choice of page."""

    def has_page(self, key: str) -> bool: ...

    def show_page(self, key: str) -> bool: ...


@dataclass
class AppContext:
    db: Database
    actor: Actor
    language: str = "ja"  # "ja" or "en": picks message_ja / message_en of service errors
    navigator: Navigator | None = field(default=None, repr=False, compare=False)

    def has_page(self, key: str) -> bool:
        """True when the main window offers the page registered under `key` to this actor."""
        return self.navigator is not None and self.navigator.has_page(key)

    def show_page(self, key: str) -> bool:
        """Ask the main window to show the page registered under `key` (e.g. "runs"); False
        when there is no main window or the actor may not see that page."""
        return self.navigator is not None and self.navigator.show_page(key)

    def pick(self, ja: str, en: str) -> str:
        """Choose the Japanese or English text a service or rule returned."""
        return ja if self.language == "ja" else en
