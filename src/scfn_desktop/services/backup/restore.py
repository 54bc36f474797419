"""Restore a backup over the current database, after verifying it, keeping the current one.

Order matters, so that nothing is lost whatever happens:
1. the backup is verified (`verify.py`); a damaged or altered backup is refused with its problems;
2. the current database is copied aside (`<name>.before-restore-<time>.sqlite3`, with SQLite's
   backup API, so it is consistent) and this station's latest audit checkpoint is moved aside
   too (it names entries the restored log will not have);
3. the backup is copied into the database file with the same API (other connections see the
   restored data once it is complete), migrated to this version's schema if it is older, and
   its scans are added to the data folder (scans already there stay);
4. the restore is recorded in the restored log, which signs a fresh checkpoint. A backup made on
   another PC was signed with that PC's key; its public key is kept in `keys/trusted/`.

The app should be restarted afterwards (pages still show the old data).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scfn_desktop import config
from scfn_desktop.db import Database
from scfn_desktop.services import audit, audit_checkpoint, keys
from scfn_desktop.services.backup import manifest as mf
from scfn_desktop.services.backup.create import copy_database, require_sqlite
from scfn_desktop.services.backup.verify import verify_backup_steps
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen


@dataclass(frozen=True)
class RestoreResult:
    kept_aside: Path
    audit_seq: int
    scans_added: int


def _restore_scans(folder: Path) -> int:
    source_root = folder / mf.SCANS_FOLDER
    if not source_root.is_dir():
        return 0
    target_root = config.data_dir() / mf.SCANS_FOLDER
    added = 0
    for source in sorted(p for p in source_root.rglob("*") if p.is_file()):
        target = target_root / source.relative_to(source_root)
        if target.exists():
            continue
        config.private_folder(target.parent)
        shutil.copyfile(source, target)
        config.make_private(target)
        added += 1
    return added


def restore_backup(db: Database, actor: Actor, folder: str | Path) -> ProgressGen[RestoreResult]:
    require(actor, Permission.MANAGE_BACKUPS)
    live = require_sqlite(db)
    folder = Path(folder)
    report = yield from verify_backup_steps(folder)
    if not report.ok or report.manifest is None:
        raise ValidationFailed(
            f"バックアップ「{folder.name}」は確認で問題が見つかったため、復元していません:\n"
            + "\n".join(report.lines("ja")),
            f"The backup '{folder.name}' failed verification and was not restored:\n"
            + "\n".join(report.lines("en")), report.lines("ja"))
    manifest = report.manifest
    stamp = datetime.now().strftime(mf.STAMP)
    yield Progress(0, 3, "現在のデータベースを保存しています…", "Keeping the current database aside…")
    aside = live.with_name(f"{live.stem}.before-restore-{stamp}{live.suffix}")
    copy_database(db, aside)
    latest = audit_checkpoint.latest_path(db.engine)
    if latest.exists():
        os.replace(latest, latest.with_name(f"{latest.stem}.before-restore-{stamp}.json"))
    yield Progress(1, 3, "バックアップを復元しています…", "Restoring the backup…")
    db.dispose()
    source = sqlite3.connect(f"file:{(folder / mf.DATABASE_FILE).as_posix()}?mode=ro", uri=True)
    target = db.engine.raw_connection()
    try:
        source.backup(target.driver_connection)
    finally:
        target.close()
        source.close()
    db.dispose()
    db.upgrade(backup=False)
    yield Progress(2, 3, "スキャン画像を戻しています…", "Restoring the scans…")
    scans = _restore_scans(folder)
    if report.other_station_key:
        keys.trust_public_key(manifest.public_key_pem)
    with db.transaction() as s:
        audit.record(s, actor, "backup.restore", "backup", folder.name, None,
                     {"backup": str(folder), "backup_created_at": manifest.created_at,
                      "backup_audit_seq": manifest.audit_seq, "kept_aside": aside.name,
                      "scans_added": scans})
    return RestoreResult(aside, manifest.audit_seq, scans)
