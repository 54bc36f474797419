"""Backups of the SQLite database with its scans and audit checkpoint: create (now, or
automatically every few minutes on venue days), verify, restore. One module per job."""
