"""Imports every model module so `Base.metadata` knows all tables (for Alembic and tests).
Feature issues add their model modules here."""

from scfn_desktop.db import models  # noqa: F401
