"""The typed models, one module per capability on the same `Base`: `roster` (runs, venue days,
organisations, trainees), `accounts`, `audit`, `exams`, `attendance` (check-in events, badges),
`committee` (meetings, decisions, 欠格事由 records, the agency's 認証) and `certificates`.
Importing this package registers every table on `Base.metadata` (for Alembic and the schema
tests); a new capability adds its module here."""

from scfn_desktop.db.models import (  # noqa: F401
    accounts,
    attendance,
    audit,
    certificates,
    committee,
    exams,
    roster,
)
