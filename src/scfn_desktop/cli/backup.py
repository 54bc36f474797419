"""`scfn backup create|verify|restore`: backups of the SQLite database with its scans and audit
checkpoint (services.backup). Creating and restoring need an administrator's login; verifying
only reads. On PostgreSQL the services refuse and point to pg_dump (README)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeVar

from scfn_desktop.cli.common import Cli
from scfn_desktop.config import data_dir
from scfn_desktop.services.backup.create import create_backup
from scfn_desktop.services.backup.restore import restore_backup
from scfn_desktop.services.backup.verify import verify_backup_steps
from scfn_desktop.services.progress import Progress, ProgressGen, run_to_end

T = TypeVar("T")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = sub.add_parser("backup", help="back up, verify and restore the database").add_subparsers(
        dest="backup_command", metavar="ACTION", required=True)
    p = backup.add_parser("create", help="back up now (database, scans, audit checkpoint)")
    p.add_argument("--to", type=Path, metavar="FOLDER",
                   help="where to put the backup folder (default: backups/ in the data folder; "
                        "better: a USB stick or another disk)")
    p.set_defaults(handler=cmd_create)
    p = backup.add_parser("verify", help="check a backup folder; exit 1 and name each problem")
    p.add_argument("path", type=Path, metavar="BACKUP")
    p.set_defaults(handler=cmd_verify)
    p = backup.add_parser("restore", help="verify a backup, keep the current database aside, "
                                          "restore the backup")
    p.add_argument("path", type=Path, metavar="BACKUP")
    p.set_defaults(handler=cmd_restore)


def _run(cli: Cli, gen: ProgressGen[T]) -> T:
    """Drive the service, showing its progress on one stderr line."""

    def show(p: Progress) -> None:
        print(f"\r{cli.t(p.message_ja, p.message_en)}", end="", file=cli.stderr, flush=True)

    result = run_to_end(gen, show)
    print(file=cli.stderr)
    return result


def cmd_create(cli: Cli) -> int:
    folder = cli.args.to or data_dir() / "backups"
    result = _run(cli, create_backup(cli.db(), cli.actor(), folder))
    cli.say(f"バックアップを作成しました: {result.path}（ファイル {result.files} 個、"
            f"{result.bytes / 1e6:.1f} MB、操作記録 連番 {result.audit_seq} まで）",
            f"Backup written: {result.path} ({result.files} files, "
            f"{result.bytes / 1e6:.1f} MB, audit log up to seq {result.audit_seq})")
    return 0


def cmd_verify(cli: Cli) -> int:
    report = _run(cli, verify_backup_steps(cli.args.path))
    if not report.ok:
        for line in report.lines(cli.lang):
            cli.warn(line)
        cli.warn(f"バックアップ「{cli.args.path}」に問題があります。",
                 f"The backup '{cli.args.path}' has problems.")
        return 1
    m = report.manifest
    assert m is not None
    cli.say(f"バックアップは正常です: ファイル {report.files_checked} 個、操作記録 {report.entries_checked} 件、"
            f"作成 {m.created_at}、署名鍵 {m.key_fingerprint}",
            f"The backup is intact: {report.files_checked} files, {report.entries_checked} audit "
            f"entries, made {m.created_at}, signing key {m.key_fingerprint}")
    if report.other_station_key:
        cli.say("（別の端末の鍵で署名されています。印刷した結果の署名鍵と照合してください。）",
                "(Signed with another station's key: compare it with the key printed on the "
                "results.)")
    return 0


def cmd_restore(cli: Cli) -> int:
    result = _run(cli, restore_backup(cli.db(), cli.actor(), cli.args.path))
    cli.say(f"復元しました（操作記録 連番 {result.audit_seq} まで、スキャン画像 {result.scans_added} 件を追加）。"
            f"元のデータベースは {result.kept_aside} に保存しました。アプリを再起動してください。",
            f"Restored (audit log up to seq {result.audit_seq}, {result.scans_added} scans "
            f"added). The previous database was kept as {result.kept_aside}. Restart the app.")
    return 0
