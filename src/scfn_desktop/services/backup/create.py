"""Back up now: a consistent copy of the database while the app runs, the scans, the audit
checkpoint of the copy, and a manifest of every file (see `manifest.py` for the layout).

The database is copied with SQLite's online backup API (`sqlite3.Connection.backup`), which
copies a consistent snapshot even while other windows or stations write: a plain file copy of
a WAL database can catch it mid-transaction. The copy is switched to a rollback journal so the
backup is one plain file. Scans are content-addressed and never change, so a scan already in
the previous backup of the same folder is hard-linked instead of copied where the file system
allows it: automatic backups every few minutes do not multiply the scans on disk.

PostgreSQL is backed up on its server with `pg_dump` (README); this refuses it plainly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scfn_desktop import __version__, config
from scfn_desktop.credentials import public_key_to_pem
from scfn_desktop.db import Database
from scfn_desktop.services import audit, audit_checkpoint, keys
from scfn_desktop.services.backup import manifest as mf
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.permissions import Actor, Permission, require
from scfn_desktop.services.progress import Progress, ProgressGen


@dataclass(frozen=True)
class BackupResult:
    path: Path
    files: int
    bytes: int
    audit_seq: int
    automatic: bool


def require_sqlite(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise ServiceError(
            "PostgreSQL のデータベースはサーバーで pg_dump を使ってバックアップしてください（README 参照）。",
            "Back up a PostgreSQL database on its server with pg_dump (see the README).")
    return path


def copy_database(db: Database, target: Path) -> None:
    """A consistent copy of the live database into `target` (a new owner-only file)."""
    config.create_private(target)
    source = db.engine.raw_connection()
    try:
        copy = sqlite3.connect(target)
        try:
            source.driver_connection.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    finally:
        source.close()
    config.make_private(target)


def head_of(path: Path) -> audit_checkpoint.Head:
    """The audit head of a database file, read without SQLAlchemy (and without writing)."""
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        last = con.execute("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1"
                           ).fetchone()
        first = con.execute("SELECT entry_hash FROM audit_log WHERE seq = 1").fetchone()
    finally:
        con.close()
    if last is None:
        return audit_checkpoint.Head("", 0, "")
    return audit_checkpoint.Head(first[0] if first else "", int(last[0]), str(last[1]))


def _previous(destination: Path) -> tuple[Path, mf.Manifest] | None:
    """The newest complete backup in the destination folder, to link unchanged scans from."""
    folders = sorted((p for p in destination.iterdir() if p.is_dir() and mf.backup_time(p)),
                     key=lambda p: mf.backup_time(p) or datetime.min, reverse=True)
    for folder in folders:
        with contextlib.suppress(ServiceError):
            return folder, mf.read_manifest(folder)
    return None


def _copy_scans(work: Path, previous: tuple[Path, mf.Manifest] | None,
                files: dict[str, dict[str, object]]) -> ProgressGen[None]:
    source_root = config.data_dir() / mf.SCANS_FOLDER
    sources = sorted(p for p in source_root.rglob("*") if p.is_file()
                     and not p.name.endswith((".part", ".tmp"))) if source_root.exists() else []
    for i, source in enumerate(sources, start=1):
        rel = f"{mf.SCANS_FOLDER}/{source.relative_to(source_root).as_posix()}"
        target = work / rel
        config.private_folder(target.parent)
        known = previous[1].files.get(rel) if previous else None
        linked = False
        if previous and known and known.get("size") == source.stat().st_size:
            with contextlib.suppress(OSError):
                os.link(previous[0] / rel, target)
                linked = True
        if linked and known:
            files[rel] = dict(known)
        else:
            shutil.copyfile(source, target)
            config.make_private(target)
            files[rel] = {"size": target.stat().st_size, "sha256": mf.sha256_file(target)}
        if i % 20 == 0 or i == len(sources):
            yield Progress(i, len(sources), f"スキャン画像をコピーしています（{i}/{len(sources)}）…",
                           f"Copying scans ({i}/{len(sources)})…")


def create_backup(db: Database, actor: Actor, destination: str | Path,
                  automatic: bool = False) -> ProgressGen[BackupResult]:
    """Write a complete backup folder into `destination`; returns what was written."""
    if not automatic:
        require(actor, Permission.MANAGE_BACKUPS)
    require_sqlite(db)
    destination = Path(destination)
    try:
        config.private_folder(destination)
    except OSError as exc:
        raise ServiceError(f"バックアップ先「{destination}」を作成できません（{exc.strerror}）。",
                           f"Cannot create the backup folder '{destination}' "
                           f"({exc.strerror}).") from exc
    stamp = datetime.now().strftime(mf.STAMP)
    name = f"{mf.AUTO_PREFIX if automatic else mf.MANUAL_PREFIX}{stamp}"
    for n in range(1, 100):  # two backups within one second get their own folders
        if not (destination / name).exists():
            break
        name = f"{mf.AUTO_PREFIX if automatic else mf.MANUAL_PREFIX}{stamp}-{n}"
    final, work = destination / name, destination / f".{name}.part"
    previous = _previous(destination)
    done = False
    try:
        config.private_folder(work)
        yield Progress(0, 1, "データベースをコピーしています…", "Copying the database…")
        copy_database(db, work / mf.DATABASE_FILE)
        head = head_of(work / mf.DATABASE_FILE)
        checkpoint = audit_checkpoint.sign_head(head, audit_checkpoint.database_label(db.engine))
        config.write_private(work / mf.CHECKPOINT_FILE, checkpoint.to_json().encode("utf-8"))
        files: dict[str, dict[str, object]] = {}
        yield from _copy_scans(work, previous, files)
        for rel in (mf.DATABASE_FILE, mf.CHECKPOINT_FILE):
            files[rel] = {"size": (work / rel).stat().st_size,
                          "sha256": mf.sha256_file(work / rel)}
        manifest = mf.Manifest(
            created_at=datetime.now().astimezone().isoformat(timespec="seconds"),
            app_version=__version__, schema=db.current_revision() or "",
            database=audit_checkpoint.database_label(db.engine), automatic=automatic,
            audit_seq=head.seq, audit_hash=head.entry_hash,
            public_key_pem=public_key_to_pem(keys.station_public_key()),
            key_fingerprint=checkpoint.key, files=files)
        config.write_private(work / mf.MANIFEST_FILE, manifest.to_json().encode("utf-8"))
        os.replace(work, final)
        done = True
    except OSError as exc:
        raise ServiceError(f"バックアップを書き込めません（{exc.strerror}）: {destination}",
                           f"Cannot write the backup ({exc.strerror}): {destination}") from exc
    finally:
        if not done:
            shutil.rmtree(work, ignore_errors=True)
    size = sum(int(f["size"]) for f in files.values())
    with db.transaction() as s:
        audit.record(s, actor, "backup.create", "backup", name, None,
                     {"folder": str(destination), "name": name, "audit_seq": head.seq,
                      "files": len(files), "bytes": size, "automatic": automatic})
    return BackupResult(final, len(files), size, head.seq, automatic)
