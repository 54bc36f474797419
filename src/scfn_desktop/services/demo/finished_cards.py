"""Demo: the certificate cards (認定証) of the finished run 令和6年度 第1期, so printing and
verifying can be tried at once.

Through the real services, as the secretariat would: the first card of everyone the agency
certified, then one card reissued (lost: the first card is now superseded) and one
certification revoked (a disqualification ground found after the 認証), so the verify page
and the revocation list show every state. The cards are signed with this data folder's issuer
key, made here on first use (without a passphrase): try the demo in a data folder of its own,
never on the PC whose key signs real cards.

Idempotent like the other demo steps: what exists is left as it is.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from scfn_desktop.db import Database
from scfn_desktop.db.models.certificates import Certificate, CertificateCard
from scfn_desktop.db.models.roster import Trainee
from scfn_desktop.services.certificates import cards, issuer_keys
from scfn_desktop.services.committee.certification import revoke_certificate
from scfn_desktop.services.permissions import Actor
from scfn_desktop.services.progress import run_to_end

REISSUED, REVOKED = 2, 23  # trainee positions in the finished run (both certified)
REISSUE_REASON = "loss"
REVOKED_ON = date(2025, 10, 1)
REVOKE_REASON = ("認証後、欠格事由②（入管法違反による罰金刑）に該当することが判明したため"
                 "（デモ）")


def _certificate_of(db: Database, run_id: int, position: int) -> Certificate | None:
    with db.session() as s:
        number = s.scalars(select(Trainee.trainee_number).where(Trainee.run_id == run_id)
                           .order_by(Trainee.trainee_number)).all()[position - 1]
        return s.scalar(select(Certificate).join(Trainee, Trainee.id == Certificate.trainee_id)
                        .where(Trainee.trainee_number == number))


def issue_demo_cards(db: Database, admin: Actor, run_id: int, today: date) -> int:
    """Issue, reissue one, revoke one; returns the number of cards issued now."""
    with db.session() as s:
        certified = s.scalars(select(Certificate.id).join(
            Trainee, Trainee.id == Certificate.trainee_id).where(Trainee.run_id == run_id)).all()
        have_cards = set(s.scalars(select(CertificateCard.certificate_id)))
    if not certified:
        return 0
    key = issuer_keys.unlock_issuer_key(db, admin)
    issued = 0
    if set(certified) - have_cards:
        result = run_to_end(cards.issue_cards(db, admin, key, run_id=run_id, today=today))
        issued = len(result.issued)
    reissued = _certificate_of(db, run_id, REISSUED)
    with db.session() as s:
        revisions = cards.latest_revisions(s, [reissued.id]) if reissued else {}
    if reissued is not None and revisions.get(reissued.id) == 1:
        cards.reissue_card(db, admin, key, reissued.number, REISSUE_REASON, today=today)
    revoked = _certificate_of(db, run_id, REVOKED)
    if revoked is not None:
        with db.session() as s:
            already = s.get(Certificate, revoked.id).revocation is not None
        if not already:
            revoke_certificate(db, admin, revoked.number, REVOKED_ON, REVOKE_REASON,
                               today=max(today, REVOKED_ON))
    return issued
