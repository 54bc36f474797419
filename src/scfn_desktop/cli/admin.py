"""`scfn init`, `scfn demo`, `scfn user ...` and `scfn audit ...`."""

from __future__ import annotations

import argparse
import json
from datetime import UTC
from pathlib import Path

from sqlalchemy import select

from scfn_desktop.cli.common import Cli
from scfn_desktop.db.models.accounts import ROLES
from scfn_desktop.db.models.audit import AuditEntry
from scfn_desktop.db.session import Database
from scfn_desktop.services import audit_checkpoint, exports
from scfn_desktop.services.admin.accounts import add_user, count_users, list_users
from scfn_desktop.services.admin.integrity import check_all_steps
from scfn_desktop.services.admin.passwords import weak_hashes_for_tests
from scfn_desktop.services.demo.finished_run import load_finished_run
from scfn_desktop.services.demo.loader import load_demo
from scfn_desktop.services.demo.scans import FORMATS, demo_exam_id, write_sample_scans
from scfn_desktop.services.permissions import SYSTEM
from scfn_desktop.services.progress import Progress, run_to_end


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="create or upgrade the database (prints where it is)")
    p.add_argument("--admin-user", metavar="NAME",
                   help="when no account exists yet, create this administrator")
    p.add_argument("--display-name", default="")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the administrator's password from stdin instead of a prompt")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="load the demo run, trainees and users (idempotent)")
    p.add_argument("--sample-scans", type=Path, metavar="DIR",
                   help="then write filled, scanned answer forms of the demo exam into DIR "
                        "(to try `scfn scan` without a scanner)")
    p.add_argument("--count", type=int, metavar="N",
                   help="with --sample-scans: only N sheets (default: everyone who sat)")
    p.add_argument("--scan-format", choices=FORMATS, default="png",
                   help="with --sample-scans: one image per page, or one multi-page PDF")
    p.add_argument("--without-finished-run", action="store_true",
                   help="skip the earlier, finished run (令和6年度 第1期: check-ins, scanned "
                        "test, committee meeting, 認証), which takes about half a minute")
    p.set_defaults(handler=cmd_demo)

    user = sub.add_parser("user", help="local accounts").add_subparsers(
        dest="user_command", metavar="ACTION", required=True)
    p = user.add_parser("add", help="create an account (password prompted twice)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument("--display-name", default="")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the new password from stdin (after the --user password, if any)")
    p.set_defaults(handler=cmd_user_add)
    p = user.add_parser("list", help="list accounts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_user_list)

    aud = sub.add_parser("audit", help="the hash-chained audit log").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True)
    p = aud.add_parser("verify", help="check the chain and the signed checkpoints; exit 1 and "
                                      "name every problem")
    p.add_argument("--checkpoint", type=Path, action="append", default=[], metavar="FILE",
                   help="also check against this checkpoint file (a backup's, one kept on a "
                        "USB stick); repeatable")
    p.add_argument("--data", action="store_true",
                   help="also replay the log and compare it with every audited table")
    p.set_defaults(handler=cmd_audit_verify)
    p = aud.add_parser("checkpoint", help="print the signed head of the chain, or save it to "
                                          "keep elsewhere")
    p.add_argument("-o", "--output", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_audit_checkpoint)
    p = aud.add_parser("log", help="show the latest entries (with their hashes)")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_audit_log)


def cmd_init(cli: Cli) -> int:
    db = Database(cli.url)
    cli.set_db(db)
    backup = db.upgrade()
    cli.say(f"データベース: {cli.location(db)}", f"Database: {cli.location(db)}")
    if backup:
        cli.say(f"更新前のバックアップ: {backup}", f"Backup before upgrade: {backup}")
    cli.say(f"スキーマ: {db.current_revision()}", f"Schema revision: {db.current_revision()}")
    if weak_hashes_for_tests():
        cli.warn("注意: テスト用の弱いパスワードハッシュ（SCFN_TEST_WEAK_PASSWORD_HASHES）が有効です。"
                 "本番では設定しないでください。",
                 "Warning: weak test password hashes (SCFN_TEST_WEAK_PASSWORD_HASHES) are on; "
                 "never set it in production.")
    users = count_users(db)
    if users == 0 and cli.args.admin_user:
        secret = cli.new_password(cli.args.password_stdin)
        add_user(db, SYSTEM, cli.args.admin_user, "admin", secret, cli.args.display_name)
        cli.say(f"管理者「{cli.args.admin_user}」を作成しました。",
                f"Created the administrator '{cli.args.admin_user}'.")
    elif users == 0:
        cli.say("ユーザーがいません。管理者を作成するには: scfn init --admin-user 名前",
                "No accounts yet. To create an administrator: scfn init --admin-user NAME")
    elif cli.args.admin_user:
        cli.warn("既にユーザーがいるため、管理者は作成しませんでした（scfn user add を使います）。",
                 "Accounts already exist, so no administrator was created (use scfn user add).")
    return 0


def cmd_demo(cli: Cli) -> int:
    if cli.args.count is not None and not cli.args.sample_scans:
        cli.warn("--count は --sample-scans と一緒に指定します。",
                 "--count goes with --sample-scans.")
        return 2
    summary = load_demo(cli.db(), cli.bootstrap_actor())
    if summary.already_present:
        cli.say(f"デモデータは既にあります（{summary.run_label}、受講生 {summary.trainees_total} 名）。",
                f"The demo data is already present ({summary.run_label}, "
                f"{summary.trainees_total} trainees).")
    else:
        cli.say(f"デモデータを作成しました: {summary.run_label}、受講生 {summary.trainees_created} 名、"
                f"所属機関 {summary.organisations_created} 件、"
                f"ユーザー {', '.join(summary.users_created) or 'なし'}",
                f"Demo data created: {summary.run_label}, {summary.trainees_created} trainees, "
                f"{summary.organisations_created} organisations, "
                f"users {', '.join(summary.users_created) or 'none'}")
        if summary.users_created:
            cli.say("パスワードは demo-<ユーザー名>（例: admin / demo-admin）です。",
                    "Passwords are demo-<username> (e.g. admin / demo-admin).")
    for ja, en in summary.extra:
        cli.say(ja, en)
    if not cli.args.without_finished_run:
        def show(p: Progress) -> None:
            if p.total:
                print(f"\r{p.done}/{p.total}", end="", file=cli.stderr, flush=True)

        line = run_to_end(load_finished_run(cli.db(), cli.actor()), show)
        print(file=cli.stderr)
        if line:
            cli.say(*line)
    return _sample_scans(cli) if cli.args.sample_scans else 0


def _sample_scans(cli: Cli) -> int:
    """The files a scanner would have made from the demo exam, and how to import them."""
    a, db = cli.args, cli.db()
    exam_id = demo_exam_id(db)
    if exam_id is None:
        cli.warn("デモの試験がありません。", "There is no demo exam.")
        return 1

    def show(p: Progress) -> None:
        if p.total:
            print(f"\r{p.done}/{p.total}", end="", file=cli.stderr, flush=True)

    scans = run_to_end(write_sample_scans(db, cli.actor(), exam_id, a.sample_scans, a.count,
                                          fmt=a.scan_format), show)
    print(file=cli.stderr)
    sheets, files = len(scans.sheets), len(scans.files)
    spare = sum(s.spare_form for s in scans.sheets)
    upside = sum(s.upside_down for s in scans.sheets)
    absent = ", ".join(scans.absent) or cli.t("なし", "none")
    cli.say(f"記入済みの解答用紙 {sheets} 枚のスキャン画像を {scans.folder} に書き出しました"
            f"（ファイル {files} 個、欠席 {absent}、予備用紙 {spare} 枚、上下逆 {upside} 枚）。",
            f"Wrote scans of {sheets} filled answer forms to {scans.folder} "
            f"({files} files; absent {absent}; {spare} spare form, {upside} upside down).")
    if scans.other_files:
        cli.warn(f"このフォルダーには他のスキャンファイルが {scans.other_files} 個あり、一緒に取り込まれます。",
                 f"The folder holds {scans.other_files} other scan files; they would be "
                 "imported too.")
    cli.say(f"取り込むには: {scans.import_command}", f"To import them: {scans.import_command}")
    return 0


def cmd_user_add(cli: Cli) -> int:
    db = cli.db()
    actor = cli.bootstrap_actor()
    secret = cli.new_password(cli.args.password_stdin)
    add_user(db, actor, cli.args.name, cli.args.role, secret, cli.args.display_name)
    cli.say(f"ユーザー「{cli.args.name}」（{cli.args.role}）を作成しました。",
            f"Created user '{cli.args.name}' ({cli.args.role}).")
    return 0


def cmd_user_list(cli: Cli) -> int:
    users = list_users(cli.db())
    if cli.args.json:
        cli.say(json.dumps(users, ensure_ascii=False, indent=2))
        return 0
    for u in users:
        state = "" if u["active"] else cli.t("（無効）", " (inactive)")
        role = u["role_ja"] if cli.lang == "ja" else u["role"]
        cli.say(f"{u['username']}\t{role}\t{u['display_name']}{state}")
    return 0


def cmd_audit_verify(cli: Cli) -> int:
    # The audit page's check without its permission test: reading needs no login here (see
    # cli.common), since whoever runs this already holds the database file or its URL.
    report = run_to_end(check_all_steps(cli.db(), cli.args.checkpoint, cli.args.data))
    for line in report.lines(cli.lang):
        (cli.say if report.ok else cli.warn)(line)
    if report.ok:
        cli.say("監査ログは改ざんされていません。", "The audit log is intact.")
        return 0
    cli.warn("監査ログまたはデータが改ざんされています（上の内容を確認してください）。",
             "The audit log or the data has been tampered with (see above).")
    return 1


def cmd_audit_checkpoint(cli: Cli) -> int:
    checkpoint = audit_checkpoint.current(cli.db())
    if cli.args.output:
        exports.write_file(cli.args.output, checkpoint.to_json().encode("utf-8"))
        cli.say(f"チェックポイント（連番 {checkpoint.seq}）を {cli.args.output} に保存しました。"
                "別の場所に保管してください。",
                f"Saved the checkpoint (seq {checkpoint.seq}) to {cli.args.output}; keep it "
                "somewhere else.")
    else:
        cli.say(checkpoint.to_json().rstrip())
    return 0


def cmd_audit_log(cli: Cli) -> int:
    with cli.db().session() as s:
        entries = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())
                                 .limit(max(cli.args.limit, 1))))
    entries.reverse()
    if cli.args.json:
        cli.say(json.dumps([{
            "seq": e.seq, "id": e.id, "at": e.at.isoformat(), "actor": e.actor,
            "action": e.action, "entity": e.entity, "entity_id": e.entity_id,
            "before": json.loads(e.before_json) if e.before_json else None,
            "after": json.loads(e.after_json) if e.after_json else None,
            "prev_hash": e.prev_hash, "entry_hash": e.entry_hash,
        } for e in entries], ensure_ascii=False, indent=2))
        return 0
    for e in entries:
        detail = e.after_json or e.before_json
        if len(detail) > 80:
            detail = detail[:77] + "..."
        at = e.at.replace(tzinfo=UTC).astimezone()  # stored as UTC, read on this PC's clock
        cli.say(f"{e.seq}\t{at:%Y-%m-%d %H:%M:%S%z}\t{e.actor}\t{e.action}\t"
                f"{e.entity}:{e.entity_id}\t{detail}\t{e.entry_hash}")
    return 0
