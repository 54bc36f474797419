"""`scfn badges`: print the check-in badges of a run (PDF), reissue a lost one, and move a
trainee to another discussion group (printed on the badge)."""

from __future__ import annotations

import argparse
import json
from datetime import datetime

from scfn_desktop.cli.common import Cli
from scfn_desktop.services.attendance import badges as badge_service
from scfn_desktop.services.attendance.groups import set_group
from scfn_desktop.services.attendance.schedule import current_run_id
from scfn_desktop.services.errors import NotFound
from scfn_desktop.services.progress import run_to_end


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    badges = sub.add_parser("badges", help="check-in badges (受付用バッジ)").add_subparsers(
        dest="badges_command", metavar="ACTION", required=True)
    p = badges.add_parser("print", help="write the badges of a run as a PDF")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--layout", choices=("a4-10", "card"), default="a4-10",
                   help="a4-10: 91x55 mm, 10 per A4 with crop marks; card: one ID-1 card a page")
    p.add_argument("--run", type=int, metavar="ID", help="training run (default: today's)")
    p.add_argument("--number", action="append", metavar="NUMBER",
                   help="only this trainee (repeat for several); default: the whole run")
    p.set_defaults(handler=cmd_print)
    p = badges.add_parser("reissue", help="reissue a lost badge (the old one is refused)")
    p.add_argument("number", metavar="NUMBER", help="trainee number (受講番号)")
    p.add_argument("--reason", default="紛失", help="why (default: 紛失 / lost)")
    p.add_argument("-o", "--output", metavar="FILE.pdf", help="also print the new badge")
    p.add_argument("--layout", choices=("a4-10", "card"), default="card")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_reissue)
    p = badges.add_parser("group", help="move a trainee to another discussion group")
    p.add_argument("number", metavar="NUMBER", help="trainee number (受講番号)")
    p.add_argument("label", metavar="GROUP", help="the group's name, e.g. C")
    p.set_defaults(handler=cmd_group)


def _run_id(cli: Cli) -> int:
    if cli.args.run:
        return int(cli.args.run)
    with cli.db().session() as s:
        run_id = current_run_id(s, datetime.now().date())
    if run_id is None:
        raise NotFound("養成研修がありません。", "There is no training run.")
    return run_id


def cmd_print(cli: Cli) -> int:
    pages = run_to_end(badge_service.print_badges(
        cli.db(), cli.actor(), _run_id(cli), cli.args.output, cli.args.layout, cli.args.number))
    cli.say(f"{cli.args.output} に {pages} ページのバッジを書き出しました。",
            f"Wrote {pages} page(s) of badges to {cli.args.output}.")
    return 0


def cmd_reissue(cli: Cli) -> int:
    issued = badge_service.reissue_badge(cli.db(), cli.actor(), cli.args.number, cli.args.reason)
    if cli.args.output:
        run_to_end(badge_service.print_badges(cli.db(), cli.actor(), issued.run_id,
                                              cli.args.output,
                                              cli.args.layout, [issued.number]))
    if cli.args.json:
        cli.say(json.dumps({"number": issued.number, "name": issued.name,
                            "revision": issued.revision, "token": issued.token},
                           ensure_ascii=False, indent=2))
    else:
        cli.say(f"{issued.number} {issued.name} のバッジを再交付しました（第{issued.revision}版）。"
                "以前のバッジは受付で使えません。",
                f"Reissued the badge of {issued.number} {issued.name} (revision "
                f"{issued.revision}); older badges are refused at the desk.")
    return 0


def cmd_group(cli: Cli) -> int:
    change = set_group(cli.db(), cli.actor(), cli.args.number, cli.args.label)
    before = change.before or "-"
    if not change.changed:
        cli.say(f"{change.number} {change.name} はすでにグループ {change.after} です。",
                f"{change.number} {change.name} is already in group {change.after}.")
    else:
        cli.say(f"{change.number} {change.name}: グループ {before} → {change.after}"
                "（バッジを印刷し直すと新しいグループが載ります）",
                f"{change.number} {change.name}: group {before} -> {change.after} (reprint "
                "the badge to show it)")
    return 0
