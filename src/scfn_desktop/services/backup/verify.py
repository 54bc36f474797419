"""Is a backup whole and untouched? Checked before any restore, and on demand.

1. every file the manifest lists is there with its size and SHA-256;
2. SQLite's `PRAGMA integrity_check` on the copy says "ok";
3. the copy's audit chain links from the first entry to the last;
4. the copy's audit head is the one its checkpoint signed, and the signature verifies with the
   public key the backup names (its fingerprint is reported, to compare with the one printed
   on the results; a backup made on another PC is signed with that PC's key).

Nothing is written: the copy is opened read-only.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from scfn_desktop.credentials import CredentialError, public_key_from_pem
from scfn_desktop.services import audit, audit_checkpoint, keys
from scfn_desktop.services.backup import manifest as mf
from scfn_desktop.services.backup.create import head_of
from scfn_desktop.services.errors import ServiceError
from scfn_desktop.services.progress import Progress, ProgressGen


@dataclass
class BackupReport:
    path: Path
    manifest: mf.Manifest | None = None
    problems: list[tuple[str, str]] = field(default_factory=list)  # (ja, en)
    files_checked: int = 0
    entries_checked: int = 0
    other_station_key: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self, language: str = "ja") -> list[str]:
        return [ja if language == "ja" else en for ja, en in self.problems]


def _files(folder: Path, manifest: mf.Manifest, report: BackupReport) -> ProgressGen[None]:
    total = len(manifest.files)
    for i, (rel, info) in enumerate(sorted(manifest.files.items()), start=1):
        path = folder / rel
        if ".." in Path(rel).parts or not path.is_file():
            report.problems.append((f"ファイル {rel} がありません。", f"File {rel} is missing."))
        elif path.stat().st_size != info.get("size") or mf.sha256_file(path) != info.get("sha256"):
            report.problems.append((f"ファイル {rel} の内容が違います（壊れているか、書き換えられています）。",
                                    f"File {rel} differs from the manifest (damaged or altered)."))
        report.files_checked += 1
        if i % 50 == 0 or i == total:
            yield Progress(i, total, f"ファイルを確認しています（{i}/{total}）…",
                           f"Checking files ({i}/{total})…")


def _database(path: Path, report: BackupReport) -> None:
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                report.problems.append((f"データベースの整合性検査で問題があります: {result}",
                                        f"The database copy fails SQLite's integrity check: "
                                        f"{result}"))
                return
            rows = con.execute("SELECT id, seq, at, actor, action, entity, entity_id, "
                               "before_json, after_json, prev_hash, entry_hash FROM audit_log "
                               "ORDER BY seq")
            prev = audit.GENESIS_HASH
            for row in rows:
                e = SimpleNamespace(id=row[0], seq=row[1], at=datetime.fromisoformat(str(row[2])),
                                    actor=row[3], action=row[4], entity=row[5],
                                    entity_id=row[6], before_json=row[7], after_json=row[8],
                                    prev_hash=row[9], entry_hash=row[10])
                problem = audit.entry_problem(e, report.entries_checked + 1, prev)  # type: ignore[arg-type]
                if problem:
                    report.problems.append((f"操作記録が連番 {e.seq} で壊れています: {problem[0]}",
                                            f"The audit log is broken at seq {e.seq}: "
                                            f"{problem[1]}"))
                    return
                prev = e.entry_hash
                report.entries_checked += 1
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        report.problems.append((f"データベースのコピーを開けません（{exc}）。",
                                f"The database copy cannot be opened ({exc})."))


def _checkpoint(folder: Path, manifest: mf.Manifest, report: BackupReport) -> None:
    try:
        checkpoint = audit_checkpoint.read_file(folder / mf.CHECKPOINT_FILE)
        public = public_key_from_pem(manifest.public_key_pem)
    except (ServiceError, CredentialError) as exc:
        report.problems.append((f"チェックポイントを確認できません: {exc}",
                                f"The checkpoint cannot be checked: {exc}"))
        return
    report.other_station_key = checkpoint.key != keys.station_fingerprint()
    problem = audit_checkpoint.signature_problem(checkpoint, public)
    if problem is None:
        head = head_of(folder / mf.DATABASE_FILE)
        con = sqlite3.connect(f"file:{(folder / mf.DATABASE_FILE).as_posix()}?mode=ro", uri=True)
        try:
            def hash_at(seq: int) -> str | None:
                row = con.execute("SELECT entry_hash FROM audit_log WHERE seq = ?",
                                  (seq,)).fetchone()
                return row[0] if row else None

            problem = audit_checkpoint.head_problem(head, hash_at, checkpoint)
            if problem is None and head.seq != checkpoint.seq:
                problem = ("チェックポイントの後に記録が追加されています（バックアップが書き換えられています）。",
                           "Entries were added after the backup's checkpoint (it was altered).")
        finally:
            con.close()
    if problem is not None:
        report.problems.append(problem)


def verify_backup_steps(folder: str | Path) -> ProgressGen[BackupReport]:
    folder = Path(folder)
    report = BackupReport(folder)
    if not folder.is_dir():
        report.problems.append((f"バックアップ「{folder}」が見つかりません。",
                                f"No backup at '{folder}'."))
        return report
    try:
        report.manifest = mf.read_manifest(folder)
    except ServiceError as exc:
        report.problems.append((exc.message_ja, exc.message_en))
        return report
    yield from _files(folder, report.manifest, report)
    if report.ok:
        yield Progress(1, 1, "データベースと操作記録を確認しています…",
                       "Checking the database and the audit log…")
        _database(folder / mf.DATABASE_FILE, report)
    if report.ok:
        _checkpoint(folder, report.manifest, report)
    return report
