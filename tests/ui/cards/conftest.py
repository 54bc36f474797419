"""Fixtures of the card pages' tests: certified trainees with their cards issued through the
services, and the pages built on the test's own database and data folder."""

from __future__ import annotations

import pytest
from cardkit import TODAY, certified_run
from committeekit import ADMIN

from scfn_desktop.services.certificates import cards, issuer_keys
from scfn_desktop.services.progress import run_to_end


@pytest.fixture
def issued(db):
    """(numbers, key, first cards) of three certified trainees."""
    numbers = certified_run(db, 3)
    key = issuer_keys.unlock_issuer_key(db, ADMIN)
    first = run_to_end(cards.issue_cards(db, ADMIN, key, today=TODAY)).issued
    return numbers, key, first
