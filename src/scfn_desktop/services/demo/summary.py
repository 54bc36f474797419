"""What a demo load did, passed from the roster to each capability's demo step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from scfn_desktop.db import Database
from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.services.permissions import Actor


@dataclass
class DemoSummary:
    run_id: int = 0
    run_label: str = ""
    users_created: list[str] = field(default_factory=list)
    organisations_created: int = 0
    trainees_created: int = 0
    trainees_total: int = 0
    extra: list[tuple[str, str]] = field(default_factory=list)  # (ja, en) lines of the steps

    @property
    def already_present(self) -> bool:
        return not (self.users_created or self.organisations_created or self.trainees_created)


# A step returns its summary line in Japanese and English (the CLI follows --lang), or None.
DemoStep = Callable[[Database, Actor, DemoSummary], "tuple[str, str] | None"]


def demo_run_ids(session: Session) -> set[int]:
    """Runs that `load_demo` created (it records `demo.load` against the run)."""
    ids = session.scalars(select(AuditEntry.entity_id).where(
        AuditEntry.action == "demo.load", AuditEntry.entity == "training_run"))
    return {int(i) for i in ids if i.isdigit()}
