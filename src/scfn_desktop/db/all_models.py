"""Imports every model module so `Base.metadata` knows all tables (for Alembic and tests).
Feature issues add their model modules here."""

import scfn_desktop.db.exam_models  # noqa: F401
from scfn_desktop.db import models  # noqa: F401
