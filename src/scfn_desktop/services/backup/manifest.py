"""What a backup folder holds, and how to tell it is whole.

A backup is one self-contained folder, `scfn-backup-<time>` (automatic ones `scfn-auto-<time>`):

    scfn.sqlite3            the database, copied with SQLite's online backup API
    scans/                  every stored scan and page image, as in the data folder
    audit-checkpoint.json   the signed head of the copy's audit log
    manifest.json           this list: every file's size and SHA-256, the schema revision,
                            the copy's audit head and the signing station's public key

The folder is written under a temporary name and renamed when complete, so a folder with the
final name is never half a backup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from scfn_desktop.config import sha256_file as sha256_file  # re-exported for the backup room
from scfn_desktop.services.errors import ServiceError

FORMAT = "scfn-backup"
VERSION = 1
DATABASE_FILE = "scfn.sqlite3"
SCANS_FOLDER = "scans"
CHECKPOINT_FILE = "audit-checkpoint.json"
MANIFEST_FILE = "manifest.json"
MANUAL_PREFIX = "scfn-backup-"
AUTO_PREFIX = "scfn-auto-"
STAMP = "%Y%m%d-%H%M%S"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


@dataclass
class Manifest:
    created_at: str
    app_version: str
    schema: str
    database: str
    automatic: bool
    audit_seq: int
    audit_hash: str
    public_key_pem: str
    key_fingerprint: str
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # relative posix path

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "version": VERSION, **self.__dict__},
                          ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST_FILE
    try:
        with path.open("rb") as f:
            data = f.read(MAX_MANIFEST_BYTES + 1)
        raw = json.loads(data.decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise ServiceError(f"バックアップ「{folder}」の目録（{MANIFEST_FILE}）を読めません。",
                           f"Cannot read the backup's list of files ({MANIFEST_FILE}) in "
                           f"'{folder}'.") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or raw.get("version") != VERSION:
        raise ServiceError(f"「{folder}」は本システムのバックアップではありません。",
                           f"'{folder}' is not an SCFN backup.")
    try:
        return Manifest(**{k: raw[k] for k in Manifest.__dataclass_fields__})
    except (KeyError, TypeError) as exc:
        raise ServiceError(f"バックアップ「{folder}」の目録が壊れています。",
                           f"The backup's list of files in '{folder}' is damaged.") from exc


def backup_time(folder: Path) -> datetime | None:
    """When a backup folder was made, from its name (None for other folders)."""
    for prefix in (MANUAL_PREFIX, AUTO_PREFIX):
        if folder.name.startswith(prefix):
            try:
                return datetime.strptime(folder.name[len(prefix):len(prefix) + 15], STAMP)
            except ValueError:
                return None
    return None
