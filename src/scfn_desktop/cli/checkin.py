"""`scfn checkin` and `scfn attendance`: the check-in desk and the attendance board without a
window (scripts, a desk PC without a display, trying the demo).

`scfn checkin CODE` exits 0 when the trainee is admitted (on time, late), 3 when refused
(60 minutes or more late, excluded), 4 when already checked in, 2 for a code that is not
accepted (malformed, forged, other run, superseded, unknown trainee, wrong day).
"""

from __future__ import annotations

import argparse
import json
import socket
from datetime import date, datetime, time
from typing import Any

from scfn_desktop.cli.common import Cli
from scfn_desktop.db.base import utcnow
from scfn_desktop.rules.dates import format_time
from scfn_desktop.services.attendance.board import STATUS_LABELS, day_board
from scfn_desktop.services.attendance.desk import DeskStatus, DeskVerdict, open_desk, scan
from scfn_desktop.services.attendance.schedule import current_run_id, load_run, to_local, to_utc
from scfn_desktop.services.attendance.summary import run_attendance
from scfn_desktop.services.errors import NotFound, ValidationFailed

EXIT = {DeskStatus.ON_TIME: 0, DeskStatus.LATE: 0, DeskStatus.OVERRIDDEN: 0,
        DeskStatus.REFUSED: 3, DeskStatus.ALREADY: 4, DeskStatus.INVALID: 2}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("checkin", help="check a trainee in with a badge code (受付)")
    p.add_argument("code", help="the badge's QR text, as scanned or typed")
    p.add_argument("--day", type=int, choices=(1, 2),
                   help="venue day (default: the day whose date is today / --at)")
    p.add_argument("--at", metavar="ISO-TIME",
                   help="arrival time, local (e.g. 2025-11-15T10:05 or 10:05); default: now")
    p.add_argument("--station", default="", help="desk name recorded with the check-in")
    p.add_argument("--run", type=int, metavar="ID", help="training run (default: today's)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checkin)
    p = sub.add_parser("attendance", help="the attendance board of a venue day, or the summary")
    p.add_argument("--day", type=int, choices=(1, 2),
                   help="venue day; without it, each trainee's summary of both days")
    p.add_argument("--run", type=int, metavar="ID", help="training run (default: today's)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_attendance)


def parse_at(value: str | None, day: date | None) -> datetime:
    """`--at` as naive UTC: a local date-time, a time on `day` (or today), or now."""
    if not value:
        return utcnow()
    text = value.strip().replace(" ", "T")
    try:
        if "T" not in text and ":" in text:
            clock = time.fromisoformat(text)
            return to_utc(datetime.combine(day or datetime.now().date(), clock))
        return to_utc(datetime.fromisoformat(text))
    except ValueError as exc:
        raise ValidationFailed(f"時刻「{value}」を読めません（例: 2025-11-15T10:05）。",
                               f"Cannot read the time '{value}' (e.g. 2025-11-15T10:05).") from exc


def _run_id(cli: Cli, on: date) -> int:
    if cli.args.run:
        return int(cli.args.run)
    with cli.db().session() as s:
        run_id = current_run_id(s, on)
    if run_id is None:
        raise NotFound("養成研修がありません。", "There is no training run.")
    return run_id


def _day_number(cli: Cli, run_id: int, on: date) -> int:
    if cli.args.day:
        return int(cli.args.day)
    with cli.db().session() as s:
        day = load_run(s, run_id).day_on(on)
    if day is None:
        raise ValidationFailed("今日は集合研修の日ではありません。--day で日を指定してください。",
                               "Today is not a venue day; choose one with --day.")
    return day.day_number


def verdict_json(v: DeskVerdict, station: str) -> dict[str, Any]:
    t = v.trainee
    return {
        "status": v.status.value, "admitted": v.admitted, "problem": v.problem,
        "day": v.day_number, "station": station,
        "at": v.at.isoformat(timespec="seconds") if v.at else None,
        "trainee": {"number": t.number, "name": t.name} if t else None,
        "minutes_late": v.arrival.minutes_late if v.arrival else None,
        "first": {"at": v.first.at.isoformat(timespec="seconds"), "station": v.first.station,
                  "user": v.first.actor} if v.first else None,
        "reason_ja": v.reason_ja, "reason_en": v.reason_en,
    }


def cmd_checkin(cli: Cli) -> int:
    args = cli.args
    db = cli.db()
    rough = parse_at(args.at, None)
    run_id = _run_id(cli, to_local(rough).date())
    day_number = _day_number(cli, run_id, to_local(rough).date())
    desk = open_desk(db, run_id, day_number, args.station or socket.gethostname()[:60] or "CLI")
    at = parse_at(args.at, desk.day.day)
    verdict = scan(db, cli.actor(), desk, args.code, at=at, method="cli")
    if args.json:
        cli.say(json.dumps(verdict_json(verdict, desk.station), ensure_ascii=False, indent=2))
    else:
        who = f"{verdict.trainee.number} {verdict.trainee.name}: " if verdict.trainee else ""
        cli.say(who + cli.t(verdict.reason_ja, verdict.reason_en))
    return EXIT.get(verdict.status, 1)


def cmd_attendance(cli: Cli) -> int:
    today = datetime.now().date()
    run_id = _run_id(cli, today)
    if cli.args.day is None:
        return _summary(cli, run_id)
    board = day_board(cli.db(), run_id, int(cli.args.day))
    d = board.day
    if cli.args.json:
        cli.say(json.dumps({
            "run": {"id": board.run.id, "label": board.run.label}, "day": d.day_number,
            "date": d.day.isoformat(), "start": d.starts_at.isoformat(),
            "end": d.ends_at.isoformat(), "threshold_minutes": d.threshold_minutes,
            "counts": {s.value: n for s, n in board.counts.items()},
            "trainees": [{
                "number": r.number, "name": r.name, "status": r.status.value,
                "arrived_at": r.arrived_at.isoformat(timespec="seconds") if r.arrived_at else None,
                "minutes_late": r.minutes_late, "station": r.station, "user": r.actor,
                "backfilled": r.backfilled, "reason_ja": r.verdict.reason_ja,
                "reason_en": r.verdict.reason_en} for r in board.rows],
        }, ensure_ascii=False, indent=2))
        return 0
    cli.say(f"{board.run.label} {d.day_number}日目 {d.day} {format_time(board.day.start)}",
            f"{board.run.label} day {d.day_number} {d.day} {format_time(board.day.start)}")
    cli.say("  ".join(f"{cli.t(*STATUS_LABELS[s])} {n}" for s, n in board.counts.items() if n))
    for r in board.rows:
        when = format_time(r.arrived_at) if r.arrived_at else "--:--"
        cli.say(f"{r.number}\t{r.name}\t{when}\t{cli.t(*STATUS_LABELS[r.status])}")
    return 0


def _summary(cli: Cli, run_id: int) -> int:
    people = run_attendance(cli.db(), run_id)
    if cli.args.json:
        cli.say(json.dumps({"run_id": run_id, "trainees": [{
            "number": p.number, "name": p.name, "complete": p.complete,
            "excused": p.verdict.excused, "reason_ja": p.verdict.reason_ja,
            "reason_en": p.verdict.reason_en,
            "days": [{"day": d.day_number, "status": d.status.value} for d in p.verdict.days],
        } for p in people]}, ensure_ascii=False, indent=2))
        return 0
    for p in sorted(people, key=lambda p: (p.complete, p.number)):
        days = " / ".join(cli.t(*STATUS_LABELS[d.status]) for d in p.verdict.days)
        cli.say(f"{p.number}\t{p.name}\t{days}\t{cli.t(p.verdict.reason_ja, p.verdict.reason_en)}")
    return 0
