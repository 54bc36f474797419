"""The shared shape of every rule verdict.

Every rule in this package answers with a small, frozen dataclass rather than a bare bool,
because the people who act on the answer (venue staff, the 認定審査委員会, an auditor reading
the log afterwards) need to see *why*: the status, a Japanese and an English sentence that
state the facts, and the facts themselves as fields.  Keeping that shape in one place lets the
UI and the audit log treat all verdicts alike.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Protocol, runtime_checkable

__all__ = ["Verdict", "VerdictBase", "to_plain"]


@runtime_checkable
class Verdict(Protocol):
    """What callers may rely on for any verdict, whatever rule produced it."""

    @property
    def status(self) -> str: ...  # pragma: no cover - protocol

    @property
    def reason_ja(self) -> str: ...  # pragma: no cover - protocol

    @property
    def reason_en(self) -> str: ...  # pragma: no cover - protocol


@dataclasses.dataclass(frozen=True, kw_only=True)
class VerdictBase:
    """Base for the concrete verdicts.

    Keyword-only so that adding a fact to a verdict later can never silently shift positional
    arguments at a call site.  Subclasses narrow ``status`` to their own ``StrEnum``; because
    a ``StrEnum`` member *is* a ``str``, ``verdict.status == "late"`` works for callers that do
    not import the enum (e.g. the database layer storing the value).
    """

    status: enum.StrEnum
    reason_ja: str
    reason_en: str

    def __post_init__(self) -> None:
        # A verdict without an explanation is useless to an auditor; fail loudly in development.
        if not self.reason_ja.strip() or not self.reason_en.strip():
            raise ValueError("a verdict needs both a Japanese and an English reason")

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-friendly copy (enum values, ISO dates) for the audit log."""
        return {f.name: to_plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


def to_plain(value: Any) -> Any:
    """Convert a verdict fact into plain JSON types so logs never depend on these classes."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list | frozenset | set):
        items = [to_plain(v) for v in value]
        return sorted(items) if isinstance(value, frozenset | set) else items
    return value
