"""A dossier as plain JSON (snake_case English keys, ISO dates) for the CLI and other tools."""

from __future__ import annotations

from typing import Any

from scfn_desktop.rules.verdict import to_plain
from scfn_desktop.services.committee.views import DecisionView, Dossier


def _decision(d: DecisionView) -> dict[str, Any]:
    return {"id": d.id, "meeting_id": d.meeting_id, "version": d.version,
            "outcome": d.outcome, "category": d.category or None, "reason": d.reason,
            "awaiting": d.awaiting, "against_proposal": d.against_proposal, "bulk": d.bulk,
            "is_amendment": d.is_amendment, "amendment_reason": d.amendment_reason,
            "amends_id": d.amends_id, "decided_by": d.decided_by,
            "decided_at": d.decided_at.isoformat(timespec="seconds") + "Z",
            "meeting_closed": d.meeting_closed}


def dossier_json(d: Dossier) -> dict[str, Any]:
    p = d.proposal
    cert = d.certificate
    ex = d.exemption
    return {
        "trainee_id": d.id,
        "trainee_number": d.identity.trainee_number,
        "name": d.identity.name,
        "organisation": d.identity.organisation,
        "prefecture": d.identity.prefecture,
        "training_run": d.run_label,
        "proposal": {
            "status": p.status.value, "category": p.category, "missing": list(p.missing),
            "reason_ja": p.reason_ja, "reason_en": p.reason_en, "judged_on":
            p.facts.on.isoformat(),
            "findings": [{"stage": f.stage, "result": f.result, "category": f.category,
                          "missing": f.missing, "text_ja": f.text_ja, "text_en": f.text_en}
                         for f in p.findings],
        },
        "exam": {"status": d.exam.status, "score": d.exam.score,
                 "max_points": d.exam.max_points, "reviewed_marks": d.exam.reviewed_marks,
                 "open_marks": d.exam.open_marks},
        "attendance": {"status": d.attendance.fact.value, "recorded": d.attendance.available,
                       "summary_ja": d.attendance.summary_ja,
                       "summary_en": d.attendance.summary_en},
        "state": d.state,
        "decision": _decision(d.decision) if d.decision else None,
        "history": [_decision(h) for h in d.history],
        "certificate": None if cert is None else {
            "certificate_number": cert.number, "certified_on": cert.certified_on.isoformat(),
            "valid_until": cert.valid_until.isoformat(), "status": cert.status,
            "agency_reference": cert.agency_reference,
            "revoked_on": to_plain(cert.revoked_on)},
        "retake_exemption": None if ex is None else {
            "case": ex.kind, "deadline": ex.deadline.isoformat(),
            "exempt_stages": list(ex.exempt_en), "test_only": ex.test_only},
    }
