"""Every action and entity the services write to the audit log has a Japanese and English name
on the audit page (an unnamed code still shows, but as a raw code to office staff)."""

from __future__ import annotations

import re
from pathlib import Path

from scfn_desktop.db.models.committee import GROUND_RECORD_KINDS
from scfn_desktop.db.models.exams import SHEET_DECISION_KINDS
from scfn_desktop.rules.attendance_day import EventKind
from scfn_desktop.services.admin.audit_labels import ACTION_LABELS, ENTITY_LABELS

SRC = Path(__file__).parents[3] / "src" / "scfn_desktop"
RECORD = re.compile(r"audit\.record\(\s*s,\s*.+?,\s*(f?)\"([a-z_.{}]+)\",\s*\"([a-z_]+)\"", re.S)
# The codes made from a variable, with every value the variable takes.
EXPANSIONS = {
    "attendance.{kind.value}": [f"attendance.{k.value}" for k in EventKind],
    "committee.grounds_{kind}": [f"committee.grounds_{k}" for k in GROUND_RECORD_KINDS],
    "review.sheet_{kind}": [f"review.sheet_{k}" for k in SHEET_DECISION_KINDS],
}
# Written with the action in a variable (`audit.record(s, actor, action, ...)`).
INDIRECT = ["committee.decide", "committee.amend", "exam.set_key", "exam.void", "exam.unvoid",
            "card.issue", "card.reissue", "card.renew",
            "exam.set_pass", "login", "login.failed", "login.throttled"]


def recorded_codes() -> tuple[set[str], set[str]]:
    actions, entities = set(INDIRECT), set()
    for path in SRC.rglob("*.py"):
        for m in RECORD.finditer(path.read_text(encoding="utf-8")):
            code = m.group(2)
            actions.update(EXPANSIONS[code] if m.group(1) else [code])
            entities.add(m.group(3))
    return actions, entities


def test_every_recorded_action_and_entity_has_a_name():
    actions, entities = recorded_codes()
    assert len(actions) > 40 and len(entities) > 10  # the scan found the services' calls
    assert sorted(a for a in actions if a not in ACTION_LABELS) == []
    assert sorted(e for e in entities if e not in ENTITY_LABELS) == []
