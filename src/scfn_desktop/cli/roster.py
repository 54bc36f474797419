"""`scfn roster ...` (import, export, list, show) and `scfn run ...` (list, create)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from scfn_desktop.cli.common import Cli
from scfn_desktop.services.errors import NotFound, ValidationFailed
from scfn_desktop.services.roster.export import FORMATS, export_roster, export_roster_to
from scfn_desktop.services.roster.importing import (
    CHANGED,
    INVALID,
    NEW,
    UNCHANGED,
    ImportPreview,
    apply_import,
    preview_import,
)
from scfn_desktop.services.roster.trainees import find_trainee_id, get_trainee, list_trainees


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    roster = sub.add_parser("roster", help="trainees: import, export, list").add_subparsers(
        dest="roster_command", metavar="ACTION", required=True)
    p = roster.add_parser("import", help="import trainees from .xlsx / .csv / .json")
    p.add_argument("file", type=Path)
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="import the good rows and skip the bad ones (default: all or nothing)")
    p.add_argument("--run", type=int, metavar="ID", help="put the trainees in this run")
    p.add_argument("--dry-run", action="store_true", help="only check and count; write nothing")
    p.set_defaults(handler=cmd_import)

    p = roster.add_parser("export", help="export the roster")
    p.add_argument("--format", choices=FORMATS, help="default: from the -o file's extension")
    p.add_argument("-o", "--output", required=True, help="file, or - for stdout")
    p.add_argument("--encoding", choices=("utf-8", "cp932"), default="utf-8",
                   help="CSV only: utf-8 (with BOM, opens in Excel) or cp932 (Shift_JIS)")
    p.add_argument("--run", type=int, metavar="ID")
    p.set_defaults(handler=cmd_export)

    p = roster.add_parser("list", help="list or search trainees")
    p.add_argument("--query", "-q", default="",
                   help="number, name, kana (hiragana or katakana) or romaji")
    p.add_argument("--run", type=int, metavar="ID")
    p.add_argument("--prefecture")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = roster.add_parser("show", help="one trainee with the stage record")
    p.add_argument("number", help="受講番号")
    p.set_defaults(handler=cmd_show)


def _print_problems(cli: Cli, preview: ImportPreview) -> None:
    for ja, en in preview.warnings:
        cli.warn(cli.t(f"注意: {ja}", f"Note: {en}"))
    for error in preview.errors:
        cli.warn(error.text(cli.lang))


def cmd_import(cli: Cli) -> int:
    db = cli.db()
    args = cli.args
    preview = preview_import(args.file, db, args.run)
    _print_problems(cli, preview)
    c = preview.counts
    cli.say(f"新規 {c[NEW]} 件、変更 {c[CHANGED]} 件、変更なし {c[UNCHANGED]} 件、誤り {c[INVALID]} 行",
            f"{c[NEW]} new, {c[CHANGED]} changed, {c[UNCHANGED]} unchanged, "
            f"{c[INVALID]} bad row(s)")
    if args.dry_run:
        cli.say("確認のみ（--dry-run）: 何も書き込んでいません。", "Dry run: nothing was written.")
        return 1 if preview.errors else 0
    if preview.errors and not args.skip_bad_rows:
        cli.warn("誤りのある行があるため、何も取り込んでいません（--skip-bad-rows で正しい行だけ取り込めます）。",
                 "Nothing was imported because some rows have errors "
                 "(--skip-bad-rows imports only the good rows).")
        return 1
    result = apply_import(db, cli.actor(), preview, args.skip_bad_rows, args.run)
    cli.say(f"取り込み完了: 追加 {result.created} 件、更新 {result.updated} 件、"
            f"変更なし {result.unchanged} 件、スキップ {result.skipped} 行",
            f"Imported: {result.created} added, {result.updated} updated, "
            f"{result.unchanged} unchanged, {result.skipped} row(s) skipped")
    return 0


def cmd_export(cli: Cli) -> int:
    args = cli.args
    to_stdout = args.output == "-"
    fmt = args.format or ("csv" if to_stdout else Path(args.output).suffix.lower().lstrip("."))
    if fmt not in FORMATS:
        raise ValidationFailed("--format で形式を指定してください（csv / xlsx / json）。",
                               "Give the format with --format (csv / xlsx / json).")
    encoding = "cp932" if args.encoding == "cp932" else "utf-8-sig"
    if to_stdout:
        result = export_roster(cli.db(), cli.actor(), fmt, args.run, encoding)
        cli.stdout.flush()
        out = getattr(cli.stdout, "buffer", None) or sys.stdout.buffer
        out.write(result.data)
        out.flush()
    else:
        result = export_roster_to(cli.db(), cli.actor(), args.output, fmt, args.run, encoding)
    note = cli.warn if to_stdout else cli.say
    note(f"{result.count} 名を書き出しました（{fmt}）。", f"Exported {result.count} trainees ({fmt}).")
    if result.replaced_characters:
        cli.warn(f"Shift_JIS にない文字 {result.replaced_characters} 字を「〓」に置き換えました。",
                 f"{result.replaced_characters} character(s) not in Shift_JIS were written as 〓.")
    return 0


def cmd_list(cli: Cli) -> int:
    args = cli.args
    rows = list_trainees(cli.db(), args.query, prefecture=args.prefecture, run_id=args.run)
    if args.json:
        cli.say(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        cli.say(f"{r.trainee_number}\t{r.full_name}\t{r.full_kana}\t{r.romaji}\t"
                f"{r.organisation}（{r.prefecture}）")
    cli.warn(f"{len(rows)} 名", f"{len(rows)} trainee(s)")
    return 0


def cmd_show(cli: Cli) -> int:
    db = cli.db()
    trainee_id = find_trainee_id(db, cli.args.number)
    if trainee_id is None:
        raise NotFound(f"受講番号 {cli.args.number} の受講生はいません。",
                       f"No trainee with number {cli.args.number}.")
    d = get_trainee(db, trainee_id)
    r = d.trainee
    for ja, en, value in (
        ("受講番号", "Number", r.trainee_number), ("氏名", "Name", r.full_name),
        ("フリガナ", "Kana", r.full_kana), ("ローマ字", "Romaji", r.romaji),
        ("所属機関", "Organisation", f"{r.organisation}（{r.prefecture}）"),
        ("メール", "Email", r.email), ("資格", "Qualification", r.qualification or "-"),
        ("氏名公表の同意", "Consent to publish", "はい" if r.consent_publish_name else "いいえ"),
        ("養成研修", "Run", r.run_label or "-"),
    ):
        cli.say(f"{cli.t(ja, en)}: {value}")
    for step in d.stage:
        cli.say(f"  {cli.t(step.label_ja, step.label_en)}: {step.on or '-'}")
    return 0
