"""Certificate cards on PostgreSQL: certificate numbers and card revisions never given twice
when stations issue and reissue at the same instant on their own connections (the card's row
is taken FOR UPDATE; the unique revision is the backstop); the status list and the
verification read the same as on SQLite."""

from __future__ import annotations

from datetime import date

from cardkit import (
    TODAY,
    awaiting_agency,
    certified_run,
    concurrent_reissues_and_issues,
    stations_at_once,
)
from committeekit import ADMIN

from scfn_desktop.credentials import CardStatus
from scfn_desktop.db.session import Database
from scfn_desktop.services.certificates import cards, issuer_keys, status
from scfn_desktop.services.certificates.verification import verify_text
from scfn_desktop.services.committee.certification import revoke_certificate
from scfn_desktop.services.progress import run_to_end


def test_revisions_and_first_cards_under_concurrency(pg_db: Database) -> None:
    concurrent_reissues_and_issues(pg_db, issuer_keys.unlock_issuer_key(pg_db, ADMIN),
                                   stations=5)


def test_numbers_and_revisions_at_once(pg_db: Database) -> None:
    """認証 of new trainees and reissues of existing cards at the same instant: the year's
    counter and the card rows lock different rows, so neither waits for nor disturbs the
    other; every number and revision is given once."""
    from sqlalchemy import select

    from scfn_desktop.db.models.certificates import Certificate
    from scfn_desktop.services.committee import certification

    key = issuer_keys.unlock_issuer_key(pg_db, ADMIN)
    numbers = certified_run(pg_db, 2)
    run_to_end(cards.issue_cards(pg_db, ADMIN, key, today=TODAY))
    waiting = awaiting_agency(pg_db, 4, term=2)

    def act(own):  # type: ignore[no-untyped-def]
        tid = waiting.pop()
        certification.record_certification(own, ADMIN, [tid], date(2025, 3, 28), "第2号",
                                           today=TODAY)
        return cards.reissue_card(own, ADMIN, key, numbers[0], "damage", today=TODAY)

    outcomes = stations_at_once(pg_db.url, 4, act)
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    assert sorted(o.revision for o in outcomes) == [2, 3, 4, 5]
    with pg_db.session() as s:
        got = s.scalars(select(Certificate.number)).all()
    assert sorted(got) == [f"SCFN-2024-{n:05d}" for n in range(1, 7)]


def test_states_and_lists_on_postgres(pg_db: Database) -> None:
    key = issuer_keys.unlock_issuer_key(pg_db, ADMIN)
    numbers = certified_run(pg_db, 3)
    first = run_to_end(cards.issue_cards(pg_db, ADMIN, key, today=TODAY)).issued
    cards.reissue_card(pg_db, ADMIN, key, numbers[0], "loss", today=TODAY)
    revoke_certificate(pg_db, ADMIN, numbers[1], date(2026, 11, 2), "取消", today=TODAY)
    states = [verify_text(pg_db, c.token, today=TODAY).status for c in first]
    assert states == [CardStatus.SUPERSEDED, CardStatus.REVOKED, CardStatus.VALID]
    rows = status.card_rows(pg_db, TODAY)
    assert [(r.revision, r.status) for r in rows] == [(1, "superseded"), (2, "valid"),
                                                       (1, "revoked"), (1, "valid")]
    assert [r.number for r in status.card_rows(pg_db, TODAY, query="suzuki")] == [numbers[1]]


def test_over_long_input_is_refused_with_a_message(pg_db: Database) -> None:
    """PostgreSQL refuses an over-long VARCHAR that SQLite would store: the services check
    first (reissue reason 200, key label 120, a name too long to print on the card)."""
    import pytest
    from committeekit import trainee_id

    from scfn_desktop.services.errors import ValidationFailed
    from scfn_desktop.services.roster.trainees import update_trainee

    key = issuer_keys.unlock_issuer_key(pg_db, ADMIN)
    numbers = certified_run(pg_db, 2)
    run_to_end(cards.issue_cards(pg_db, ADMIN, key, numbers=[numbers[0]], today=TODAY))
    with pytest.raises(ValidationFailed, match="at most 200"):
        cards.reissue_card(pg_db, ADMIN, key, numbers[0], "理" * 201, today=TODAY)
    assert cards.reissue_card(pg_db, ADMIN, key, numbers[0], "理" * 200, today=TODAY).revision == 2
    with pytest.raises(ValidationFailed, match="at most 120"):
        issuer_keys.import_public_keys(pg_db, ADMIN, issuer_keys.export_public_keys(pg_db),
                                       "鍵" * 121)
    update_trainee(pg_db, ADMIN, trainee_id(pg_db, 2), {"romaji": "A" * 61})
    with pytest.raises(ValidationFailed, match="too long for the card"):
        run_to_end(cards.issue_cards(pg_db, ADMIN, key, numbers=[numbers[1]], today=TODAY))
