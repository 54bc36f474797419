"""Errors the credentials engine raises for a person to read.

The engine must not import ``services`` (it is reused by the check-in desk, the card printer,
the audit log and an offline verifier), so it carries its own small exception family in the
house style of ``services.errors`` and ``rules.verdict``: a stable machine ``code`` the caller
can branch on (and log), plus a Japanese and an English sentence that say what is wrong and,
where it helps, what to do.
"""

from __future__ import annotations

import enum

__all__ = [
    "CredentialError",
    "KeyFileError",
    "RevocationListError",
    "TokenError",
    "TokenProblem",
]


class CredentialError(Exception):
    """A refusal or failure the user can act on (not a bug in the engine)."""

    def __init__(self, code: str, reason_ja: str, reason_en: str) -> None:
        if not reason_ja.strip() or not reason_en.strip():
            raise ValueError("a credential error needs both a Japanese and an English reason")
        super().__init__(reason_en)
        self.code = code
        self.reason_ja = reason_ja
        self.reason_en = reason_en

    def message(self, language: str = "ja") -> str:
        return self.reason_ja if language == "ja" else self.reason_en


class KeyFileError(CredentialError):
    """The signing key file cannot be created or loaded (the reason names the file)."""


class TokenProblem(enum.StrEnum):
    """Why a scanned or typed token was refused: a small fixed set the UI can map to a sound,
    a colour and a next step, so it must not grow casually."""

    MALFORMED = "malformed"  # not our text, too short, trailing bytes, bad field values
    UNSUPPORTED_VERSION = "unsupported_version"  # a newer (or foreign) frame format
    WRONG_KIND = "wrong_kind"  # e.g. a certificate card shown at the badge desk
    UNKNOWN_KEY = "unknown_key"  # signed by a key this station does not trust
    BAD_SIGNATURE = "bad_signature"  # forged, altered or mistyped


class TokenError(CredentialError):
    """A badge or card token that must not be accepted; ``code`` is a ``TokenProblem``."""

    def __init__(self, code: TokenProblem, reason_ja: str, reason_en: str) -> None:
        super().__init__(TokenProblem(code), reason_ja, reason_en)


class RevocationListError(CredentialError):
    """A revocation list that is unreadable, unsigned, tampered with or signed by a stranger."""
