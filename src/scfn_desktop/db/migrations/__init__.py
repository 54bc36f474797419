"""Alembic migrations of the schema, one file per revision in ``versions/``.

``HEAD_REVISION`` names the newest one, so that opening a database can tell it is up to date
without importing Alembic and parsing every migration script (tests/db/test_schema.py checks
it against Alembic's own head: a new migration that forgets to move it fails there).
"""

HEAD_REVISION = "0007"
