"""Errors a service raises for a person to read: every one carries Japanese and English text."""

from __future__ import annotations


class ServiceError(Exception):
    """A refusal or failure the user can act on (not a bug)."""

    def __init__(self, message_ja: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_ja = message_ja
        self.message_en = message_en

    def message(self, language: str = "ja") -> str:
        return self.message_ja if language == "ja" else self.message_en


class PermissionDenied(ServiceError):
    """The acting user's role does not allow the action."""


class NotFound(ServiceError):
    """The record the action names does not exist."""


class ValidationFailed(ServiceError):
    """Input that breaks a rule; `problems` lists each one."""

    def __init__(self, message_ja: str, message_en: str, problems: list[str] | None = None):
        super().__init__(message_ja, message_en)
        self.problems = problems or []
