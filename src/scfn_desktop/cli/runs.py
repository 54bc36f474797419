"""`scfn run`: training runs (養成研修) and their venue days: list, create, edit, close."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date, time

from scfn_desktop.cli.common import Cli
from scfn_desktop.services.errors import ValidationFailed
from scfn_desktop.services.runs.editing import close_run, set_venue_days, update_run
from scfn_desktop.services.runs.training_runs import create_run, get_run, list_runs


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    run = sub.add_parser("run", help="training runs (養成研修)").add_subparsers(
        dest="run_command", metavar="ACTION", required=True)
    p = run.add_parser("list", help="list training runs")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_run_list)
    p = run.add_parser("create", help="create a training run")
    p.add_argument("--fiscal-year", type=int, required=True, help="e.g. 2025 (= 令和7年度)")
    p.add_argument("--term", type=int, required=True)
    p.add_argument("--venue", required=True)
    p.add_argument("--day", nargs=3, action="append", required=True,
                   metavar=("DATE", "START", "END"),
                   help="a venue day, e.g. --day 2025-11-15 10:00 17:00 (repeat for day 2)")
    p.add_argument("--capacity", type=int, default=60)
    p.add_argument("--lateness-threshold", type=int, default=60, metavar="MINUTES")
    p.set_defaults(handler=cmd_run_create)
    p = run.add_parser("edit", help="change a training run (only the options given)")
    p.add_argument("--run", type=int, required=True, metavar="ID")
    p.add_argument("--fiscal-year", type=int)
    p.add_argument("--term", type=int)
    p.add_argument("--venue")
    p.add_argument("--capacity", type=int)
    p.add_argument("--lateness-threshold", type=int, metavar="MINUTES")
    p.add_argument("--day", nargs=3, action="append", metavar=("DATE", "START", "END"),
                   help="replace the venue days (repeat for day 2)")
    p.set_defaults(handler=cmd_run_edit)
    for name, helptext in (("close", "close a finished run (kept, no longer offered)"),
                           ("reopen", "reopen a closed run")):
        p = run.add_parser(name, help=helptext)
        p.add_argument("--run", type=int, required=True, metavar="ID")
        p.set_defaults(handler=cmd_run_close, closing=name == "close")


def cmd_run_list(cli: Cli) -> int:
    runs = list_runs(cli.db())
    if cli.args.json:
        cli.say(json.dumps([asdict(r) for r in runs], ensure_ascii=False, indent=2,
                           default=str))
        return 0
    for r in runs:
        days = ", ".join(f"{d.day} {d.starts_at:%H:%M}-{d.ends_at:%H:%M}" for d in r.days)
        state = cli.t("\t終了", "\tclosed") if r.closed else ""
        cli.say(f"{r.id}\t{r.label}\t{r.venue}\t{days}\t"
                + cli.t(f"受講生 {r.trainee_count}/{r.capacity} 名",
                        f"{r.trainee_count}/{r.capacity} trainees") + state)
    return 0


def _parse_day(value: list[str]) -> tuple[date, time, time]:
    try:
        return (date.fromisoformat(value[0]), time.fromisoformat(value[1]),
                time.fromisoformat(value[2]))
    except ValueError as exc:
        raise ValidationFailed(f"日程「{' '.join(value)}」を読めません（例: 2025-11-15 10:00 17:00）。",
                               f"Cannot read the day '{' '.join(value)}' "
                               "(e.g. 2025-11-15 10:00 17:00).") from exc


def cmd_run_create(cli: Cli) -> int:
    args = cli.args
    days = [_parse_day(d) for d in args.day]
    run = create_run(cli.db(), cli.actor(), args.fiscal_year, args.term, args.venue, days,
                     args.capacity, args.lateness_threshold)
    cli.say(f"{run.label}（ID {run.id}）を作成しました。", f"Created {run.label} (id {run.id}).")
    return 0


def _given(value: object, current: object) -> object:
    """An option left out keeps the run's current value."""
    return current if value is None else value


def cmd_run_edit(cli: Cli) -> int:
    a = cli.args
    db, actor = cli.db(), cli.actor()
    run = get_run(db, a.run)
    run = update_run(db, actor, run.id, _given(a.fiscal_year, run.fiscal_year),
                     _given(a.term, run.term), _given(a.venue, run.venue),
                     _given(a.capacity, run.capacity),
                     _given(a.lateness_threshold, run.lateness_threshold_minutes))
    if a.day:
        run = set_venue_days(db, actor, run.id, [_parse_day(d) for d in a.day])
    cli.say(f"{run.label}（ID {run.id}）を変更しました。", f"Changed {run.label} (id {run.id}).")
    return 0


def cmd_run_close(cli: Cli) -> int:
    run = close_run(cli.db(), cli.actor(), cli.args.run, closed=cli.args.closing)
    if run.closed:
        cli.say(f"{run.label} を終了にしました（記録は残ります）。",
                f"Closed {run.label} (its records are kept).")
    else:
        cli.say(f"{run.label} を再開しました。", f"Reopened {run.label}.")
    return 0
