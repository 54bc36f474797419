"""The typed models, one module per capability on the same `Base`: `roster` (runs, venue days,
organisations, trainees), `accounts`, `audit`, `exams`, `attendance` (check-in events, badges). Importing this package registers every
table on `Base.metadata` (for Alembic and the schema tests); a new capability adds its module
here."""

from scfn_desktop.db.models import accounts, attendance, audit, exams, roster  # noqa: F401
