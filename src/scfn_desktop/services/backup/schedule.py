"""Automatic backups during the venue days: every N minutes to a second folder, keeping the last
K. Qt-free: the GUI asks `due()` once a minute (a QTimer) and runs `run_scheduled()` on its
worker when it says yes; the CLI or a test can drive the same functions with any clock.

The policy (folder, interval, how many to keep, on/off) is a per-PC setting in settings.json,
set by an administrator; the backups themselves are written as "system" (the policy's, not the
logged-in user's action), so they run whoever is at the PC. Only on venue days (a training
run's day 1 or 2 is today), when the PC is in use and a lost disk would cost the most.
"""

from __future__ import annotations

import shutil
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from scfn_desktop.config import Settings
from scfn_desktop.db import Database
from scfn_desktop.db.models.roster import VenueDay
from scfn_desktop.services.backup import manifest as mf
from scfn_desktop.services.backup.create import BackupResult, create_backup
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.permissions import SYSTEM, Actor, Permission, require
from scfn_desktop.services.progress import ProgressGen

SETTINGS_KEY = "auto_backup"


@dataclass(frozen=True)
class AutoBackupPolicy:
    folder: str = ""
    every_minutes: int = 30
    keep: int = 12
    enabled: bool = False

    @property
    def active(self) -> bool:
        return self.enabled and bool(self.folder)


def load_policy(settings: Settings | None = None) -> AutoBackupPolicy:
    raw = (settings or Settings.load()).extra.get(SETTINGS_KEY)
    if not isinstance(raw, dict):
        return AutoBackupPolicy()
    try:
        return AutoBackupPolicy(str(raw.get("folder", "")), int(raw.get("every_minutes", 30)),
                                int(raw.get("keep", 12)), bool(raw.get("enabled", False)))
    except (TypeError, ValueError):
        return AutoBackupPolicy()


def save_policy(actor: Actor, policy: AutoBackupPolicy, settings: Settings | None = None) -> None:
    require(actor, Permission.MANAGE_BACKUPS)
    if not 5 <= policy.every_minutes <= 24 * 60:
        raise ValidationFailed("間隔は 5〜1440 分にしてください。", "The interval is 5-1440 minutes.")
    if not 1 <= policy.keep <= 1000:
        raise ValidationFailed("保存する数は 1〜1000 にしてください。", "Keep 1-1000 backups.")
    if policy.enabled and not policy.folder:
        raise ValidationFailed("保存先のフォルダーを選んでください。", "Choose the backup folder.")
    settings = settings or Settings.load()
    settings.extra[SETTINGS_KEY] = asdict(policy)
    settings.save()


def is_venue_day(db: Database, today: date) -> bool:
    with db.session() as s:
        return s.scalar(select(VenueDay.id).where(VenueDay.day == today).limit(1)) is not None


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups in `folder`, oldest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_dir() and p.name.startswith(mf.AUTO_PREFIX)
             and mf.backup_time(p) is not None]
    return sorted(found, key=lambda p: (mf.backup_time(p) or datetime.min, p.name))


def due(db: Database, policy: AutoBackupPolicy, now: datetime) -> bool:
    """True when an automatic backup should be made now (`now` is local time)."""
    if not policy.active or not is_venue_day(db, now.date()):
        return False
    existing = automatic_backups(Path(policy.folder))
    last = mf.backup_time(existing[-1]) if existing else None
    return last is None or now - last >= timedelta(minutes=policy.every_minutes)


def prune(folder: Path, keep: int, made: Path | None = None) -> list[Path]:
    """Delete the oldest automatic backups beyond the last `keep` (manual ones are never
    touched, nor the one just `made`, even if the clock was set back); returns those removed."""
    old = [p for p in (automatic_backups(folder)[:-keep] if keep > 0 else []) if p != made]
    for path in old:
        shutil.rmtree(path, ignore_errors=True)
    return old


def run_scheduled(db: Database, policy: AutoBackupPolicy) -> ProgressGen[BackupResult]:
    """Make the automatic backup and keep only the last `policy.keep`."""
    result = yield from create_backup(db, SYSTEM, policy.folder, automatic=True)
    prune(Path(policy.folder), policy.keep, result.path)
    return result
