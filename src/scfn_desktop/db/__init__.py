"""Storage: SQLAlchemy 2 typed models, the engine/session factory and Alembic migrations."""

from scfn_desktop.db.session import Database

__all__ = ["Database"]
