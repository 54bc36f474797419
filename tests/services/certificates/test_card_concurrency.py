"""Card revisions are never given twice, nor the first card issued twice, when several
stations act at once on one SQLite file (the PostgreSQL suite runs the same scenario)."""

from __future__ import annotations

from cardkit import concurrent_reissues_and_issues
from committeekit import ADMIN

from scfn_desktop.services.certificates import issuer_keys


def test_stations_at_once_on_sqlite(db):
    concurrent_reissues_and_issues(db, issuer_keys.unlock_issuer_key(db, ADMIN))
