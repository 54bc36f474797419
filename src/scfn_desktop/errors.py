"""The one base of every error a person reads: Japanese and English text, no traceback.

It sits at the top of the package, below every layer, because refusals start in several layers:
the services refuse actions (`services.errors`), and the database layer refuses to wait for
ever on another writer (`db.session.DatabaseBusy`). The CLI and the GUI catch this one class.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A refusal or failure the user can act on (not a bug)."""

    def __init__(self, message_ja: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_ja = message_ja
        self.message_en = message_en

    def message(self, language: str = "ja") -> str:
        return self.message_ja if language == "ja" else self.message_en
