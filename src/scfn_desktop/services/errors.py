"""Errors a service raises for a person to read: every one carries Japanese and English text.

`ServiceError` itself lives in `scfn_desktop.errors` so that the database layer can raise one
too (`DatabaseBusy`, re-exported here); import both from here in services, CLI and UI.
"""

from __future__ import annotations

from scfn_desktop.db.session import DatabaseBusy
from scfn_desktop.errors import ServiceError

__all__ = ["DatabaseBusy", "NotFound", "PermissionDenied", "ServiceError", "ValidationFailed"]


class PermissionDenied(ServiceError):
    """The acting user's role does not allow the action."""


class NotFound(ServiceError):
    """The record the action names does not exist."""


class ValidationFailed(ServiceError):
    """Input that breaks a rule; `problems` lists each one."""

    def __init__(self, message_ja: str, message_en: str, problems: list[str] | None = None):
        super().__init__(message_ja, message_en)
        self.problems = problems or []
